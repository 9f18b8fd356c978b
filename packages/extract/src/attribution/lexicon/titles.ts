/**
 * Titles and honorifics: words that come before a name and are not part of it.
 * Used by mentions.ts (reading a speaker phrase into a name and a role) and speaker resolution
 * (gender from an honorific, heads of state matched to "the Ukrainian leader").
 * To add a word: put it, lower case, in the list it belongs to (abbreviations with and without
 * the dot); a title that is also a role noun ("the senator") goes in people-nouns.ts too.
 */
import { words } from './words.js';

/**
 * Capitalised title words that precede a name and never belong to it ("Prime Minister", "Sen.");
 * plural ones open a list of names ("Senators Mitch McConnell, …, and Marco Rubio" had named
 * "Senators Mitch McConnell", who then conflicted with "Mitch McConnell" on the cluster dev set).
 */
export const TITLE_WORDS = words(`
president vice prime minister chancellor secretary senator sen. rep. representative gov. governor
mayor envoy special ambassador general gen. lt. col. colonel admiral adm. sgt. captain capt. major maj.
commander chief judge justice attorney speaker leader king queen prince princess pope sheikh emir sultan
premier deputy assistant acting foreign defense defence interior finance treasury home state army navy
minority majority whip chairman chairwoman chair director spokesman spokeswoman spokesperson
mr. mrs. ms. miss dr. prof. professor sir dame lord lady rev. reverend father sister brother saint
mr mrs ms dr sen rep gov gen supreme high commissioner commission executive officer ceo founder
candidate nominee councillor councilman councilwoman congressman congresswoman lawmaker
coach correspondent reporter journalist analyst editor anchor host
senators sens. sens representatives reps. reps governors govs. congressmen congresswomen lawmakers
former
recorder mp chairperson advocate alderman alderwoman counsel councilmember staff
`);

/**
 * Titles only a person holds right before their name: "Sen. Sherrod Brown of Ohio" is a person
 * whatever the lists know of "Sherrod" (mentions.ts, personOfPlace).
 */
export const PERSON_TITLES = words(`
sen. sen senator rep. rep representative gov. gov governor mayor congressman congresswoman
mr. mr mrs. mrs ms. ms dr. dr chairman chairwoman judge justice lt. gov.
`);

/** Honorifics that mark a person and say something about gender. */
export const MALE_HONORIFICS = words('mr. mr sir lord father brother king prince pope sheikh emir sultan');
export const FEMALE_HONORIFICS = words('mrs. mrs ms. ms miss dame lady sister queen princess madam');

/** Roles that make someone the leader of a country or bloc ("the Ukrainian leader"). */
export const HEAD_OF_STATE = words('president prime premier chancellor king queen leader emir sultan ayatollah');
