/**
 * Titles and honorifics: words that come before a name and are not part of it.
 * Used by mentions.ts (reading a speaker phrase into a name and a role) and speaker resolution
 * (gender from an honorific, heads of state matched to "the Ukrainian leader").
 * To add a word: put it, lower case, in the list it belongs to (abbreviations with and without
 * the dot); a title that is also a role noun ("the senator") goes in people-nouns.ts too. The
 * general title list, TITLE_WORDS, is in the shared package (names.ts), which verification reads
 * speakers' names with too.
 */
import { words } from './words.js';

/** Capitalised title words that precede a name and never belong to it (shared names.ts). */
export { TITLE_WORDS } from '@quotecheck/shared/core';

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

/** A person's courtesy title, singular ("Mr.", "Ms."). */
const COURTESY = ['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss'];

/** Honorifics, which only a person bears (MALE_/FEMALE_HONORIFICS hold kings and sisters too). */
export const HONORIFICS = new Set([...COURTESY, 'dr', 'dr.']);

/**
 * Courtesy titles: they say a person's gender, not what they are. Before a name they are no role:
 * an NYT abstract's "Mr. Ryan said" came before "Speaker Paul D. Ryan", and every quotation of
 * his in the article had the role "Mr.".
 */
export const COURTESY_TITLES = new Set([...COURTESY, 'messrs.', 'mmes.']);

/**
 * Offices written with a capital and no name after "the" ("the President", "The PAHO Director"):
 * roles, resolved to whoever the article introduced with them. A closed list: other capitalised
 * heads after "the" are names ("the Daily Caller", "The Hollywood Reporter", "the Utah Republican").
 */
export const OFFICE_TITLES = new Set([
  'president',
  'director',
  'secretary',
  'governor',
  'senator',
  'mayor',
  'chairman',
  'chairwoman',
  'minister',
  'chancellor',
  'premier',
  'commissioner',
]);
