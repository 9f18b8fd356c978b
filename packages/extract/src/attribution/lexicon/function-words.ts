/**
 * Closed-class words the token scans step over or stop at: determiners, prepositions,
 * auxiliaries and adverbs between a subject and its cue, capitalised words that open sentences
 * but never names, time words, forms of "be" and coordinators.
 * Used by mentions.ts, the frame patterns and the source strategies.
 * To add a word: lower case (CAPITALISED_STOPWORDS as written), in the list whose comment fits.
 */
import { words } from './words.js';

/** Determiners and quantifiers that may open a noun phrase. */
export const DETERMINERS = words(`
a an the this these those his her their its our my your some many several few most both all each
every another other one two three four five six seven eight nine ten dozens hundreds thousands any no
`);

/** Capitalised words that open sentences but never names. */
export const CAPITALISED_STOPWORDS = words(`
But And Or So Yet However Meanwhile Later Then Now Still Also Earlier In On At For With By From As After
Before When While If Although Though Since During Asked Speaking Writing This That These Those It There
Here What Why How Who Whom Whose Which Where Whether Despite Instead Indeed Moreover Furthermore Thus Hence
Yesterday Today Tonight Tomorrow Last Next Only Even Just Perhaps Maybe Nor Not No Yes Under Over
Through Throughout Among Between Against Without Within Into Onto Upon Toward Towards About Above Below
Following According Because Unlike Like Besides Beyond Until Unless Whereas Once Every Each Some Many
Most Few Several Both All Any Another Other Such Much More Less Her His Their Its Our My Your We They He
She I You If Is Are Was Were Do Does Did Has Have Had Will Would Can Could Should Shall Might Must Let Watch Read Related Update Photo Video Editor Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
July September October November December Sept Sept. Jan. Feb. Aug. Oct. Nov. Dec.
Never Always Often Sometimes Usually Rarely Seldom Again Ever Already
To Of See Neither Given Absent Rather Please Enter
Whenever Wherever Whatever Whoever Prior Alongside Amid Amidst Around Across Along Behind Beside Near
Outside Inside Via Regardless Nonetheless Nevertheless Otherwise Therefore Likewise Overall Beneath Underneath Atop
Longtime
Don't Don’t Doesn't Doesn’t Didn't Didn’t Can't Can’t Won't Won’t Isn't Isn’t Aren't Aren’t Wasn't Wasn’t
Weren't Weren’t Haven't Haven’t Hasn't Hasn’t Wouldn't Wouldn’t Shouldn't Shouldn’t Couldn't Couldn’t
`);

/**
 * Pronouns for someone unnamed or no one ("Another said", "One called Kaine …", "Nobody
 * laments …"): capitalised at a sentence start, never a name.
 */
export const INDEFINITE_PRONOUNS = words(
  'another one anyone anybody nobody everyone everybody someone somebody each either none',
);

/** Determiners that introduce someone not yet named ("a", "one", "another"). */
export const INDEFINITE_OPENERS = words('a an one another');

/** Days and months: named dates, capitalised in English (a source phrase never ends in one, mentions.ts). */
export const CALENDAR_WORDS = words(`
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
`);

/** Days, months and other words that mark a time adverbial ("on Sunday", "last week"). */
export const TIME_WORDS: ReadonlySet<string> = new Set([
  ...CALENDAR_WORDS,
  ...words(`
today yesterday tonight tomorrow earlier later recently previously week weekend month year morning
afternoon evening night day days weeks months years ago
`),
]);

/** Prepositions that open an adverbial between a cue and its content ("said on Sunday that"). */
export const PREPOSITIONS = words(`
on in at during after before from to with outside inside while last this earlier since about over under
through throughout amid among between following ahead near via by for of against into onto upon when as
`);

/** Words between a subject and its cue that do not break the link ("has also repeatedly said"). */
export const AUXILIARIES = words(`
has have had having is are was were be been being will would could should may might must can shall do
does did also later then once again previously repeatedly recently earlier already still just even never
often always first initially subsequently separately similarly ultimately simply flatly publicly
privately openly reportedly allegedly apparently reportedly now further quickly immediately swiftly
directly explicitly specifically frequently consistently long not n't never only later himself herself
themselves itself all both each flat-out outright
's ’s 'd ’d 'll ’ll 're ’re 've ’ve 'm ’m
`);

/**
 * Tensed auxiliaries and modals alone (AUXILIARIES also holds the adverbs skipped beside them):
 * after a noun phrase one gives it a verb of its own ("People briefed on the talks were adamant").
 */
export const TENSED_AUXILIARIES = words('is are was were has have had will would can could');

/** Forms of "be" that make a cue passive ("was told by", "was quoted as saying"). */
export const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s']);
/** Coordinators: a cue after one takes the clause subject ("… and said"). */
export const COORD = new Set(['and', 'but', 'or', 'yet']);

/** Conjunctions that join two clauses ("…, and the meeting deteriorated", "And when asked …"). */
export const CLAUSE_CONJUNCTIONS: ReadonlySet<string> = new Set([...COORD, 'so']);

/** Hedges before a quantity, inside its phrase ("about four in 10", "Nearly a third", "more than half"). */
export const QUANTITY_HEDGES = words('about nearly almost roughly some only just over more than fewer less around approximately');
/** Forms of "be" before "asked" in "He was asked about …". */
export const BE_FORMS = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be']);

/** Closed-class words: determiners, prepositions, auxiliaries, forms of "be", conjunctions, "that". */
export function isClosedClass(w: string): boolean {
  return DETERMINERS.has(w) || PREPOSITIONS.has(w) || AUXILIARIES.has(w) || BE.has(w) || COORD.has(w) || w === 'that';
}

/**
 * Modal and other auxiliary verbs that open a question or a wish before their subject ("May we
 * thank you", "Can you", "Am I wrong to think …": an advice column's "Am" had been read as a name
 * and the speaker of "think").
 */
export const MODAL_OPENERS = new Set(['May', 'Can', 'Could', 'Will', 'Would', 'Shall', 'Should', 'Might', 'Must', 'Am']);
/**
 * Adverbs that open a sentence capitalised ("Recently, however, it issued …", "Hastily
 * politicizing the tragedy …, Trump cast …", "Simply assuming that …"): read as names, each was
 * the speaker of the sentence's report (7 times over the 1,440 corpus inputs). Only adverbs no one
 * is named: names ending in -ly (Kelly, Riley, Stanley) are not listed, nor those already in
 * CAPITALISED_STOPWORDS ("Only", "Usually"). Add an adverb when one turns up as a speaker.
 */
export const SENTENCE_ADVERBS = words(
  `recently hopefully simply hastily finally clearly certainly obviously unfortunately fortunately ultimately
  additionally similarly previously initially currently eventually apparently basically generally specifically
  especially notably importantly interestingly ironically frankly honestly seriously really actually probably
  possibly naturally typically originally presumably reportedly allegedly separately publicly privately
  repeatedly increasingly surprisingly remarkably understandably quickly immediately subsequently consequently
  accordingly thankfully sadly unsurprisingly predictably tellingly crucially admittedly arguably undoubtedly
  definitely largely mostly partly barely hardly merely`,
);
/** Subject pronouns after such a modal. */
export const PRONOUN_AFTER_MODAL = new Set(['i', 'we', 'you', 'he', 'she', 'they', 'it']);

/**
 * Determiners that open a description of someone: after a quotation ("“…,” the retired
 * neurosurgeon told …") and before an appositive name ("Another delegate on the slate, Jim
 * Poolman, said").
 */
export const DESCRIBED_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'one', 'another']);
