/**
 * Messages someone puts out whose words follow "saying" or a colon: "X issued a statement saying
 * …", "X delivered a blunt message to Trump: “…”" (frames/message-frame.ts).
 * To add a word: lower case; nouns singular, verbs in every form news uses.
 */
import { words } from './words.js';

/** What a message frame's verb puts out. */
export const MESSAGE_NOUNS = words(`
  statement message warning response answer reply retort rebuke reminder explanation letter note
  memo email e-mail tweet post plea appeal ultimatum apology denial assessment prediction promise
  pledge vow threat readout signal
`);

/** Verbs that put a message out ("issued a statement", "had a simple response"); "put" only with "out". */
export const MESSAGE_VERBS = words(`
  issue issues issued issuing release releases released releasing put puts putting send sends
  sent sending post posts posted posting publish publishes published deliver delivers delivered
  delivering give gives gave given giving offer offers offered offering have has had having
  tweet tweets tweeted write writes wrote written
`);

/** Determiners of a message noun: "a statement", "his answer". */
export const MESSAGE_DETERMINERS = words('a an his her their its');
