/**
 * Messages someone puts out whose words follow "saying" or a colon: "X issued a statement saying
 * …", "X delivered a blunt message to Trump: “…”" (frames/message-frame.ts).
 * To add a word: lower case; nouns singular (and the plurals news uses for one message:
 * "remarks", "comments"), verbs in every form news uses.
 */
import { words } from './words.js';

/** What a message frame's verb puts out. */
export const MESSAGE_NOUNS = words(`
  statement message warning response answer reply retort rebuke reminder explanation letter note
  memo email e-mail tweet post plea appeal ultimatum apology denial assessment prediction promise
  pledge vow threat readout signal comment comments remarks
`);

/**
 * Verbs that issue a document in the past tense ("issued a statement", "put out a statement"):
 * who did is who a later "the statement said" stands for (statement-issuer.ts).
 */
export const ISSUING_VERBS = words('issued released published sent posted tweeted put');

/**
 * Verbs that put a message out, in every form news uses: the issuing verbs and those that deliver
 * one ("had a simple response", "delivered a blunt message"); "put" only with "out".
 */
export const MESSAGE_VERBS = words(`
  ${[...ISSUING_VERBS].join(' ')}
  issue issues issuing release releases releasing puts putting send sends sending post posts
  posting publish publishes deliver delivers delivered delivering give gives gave given giving
  offer offers offered offering have has had having tweet tweets write writes wrote written
  make makes made making
`);

/** Determiners of a message noun: "a statement", "his answer". */
export const MESSAGE_DETERMINERS = words('a an his her their its');

/**
 * Words that, after "the", make a determiner of a message whose words come next ("issued the
 * following statement: “…”"); "the" alone names a message told before ("the statement said",
 * which statement-issuer.ts reads).
 */
export const MESSAGE_FORWARD_DETERMINERS = words('following');

/**
 * Words before a message noun that point at words shown next, with the author named after it:
 * "this statement by Trump on June 11:", "the full statement from the campaign:"
 * (frames/message-by.ts).
 */
export const MESSAGE_POINTING_DETERMINERS = new Set([
  ...MESSAGE_FORWARD_DETERMINERS,
  ...words('this these full entire complete'),
]);
