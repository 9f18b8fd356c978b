/**
 * The attribution lexicon: every word list the attribution rules use, as named data, one file
 * per lexicon. To add a word, edit the file its list lives in (each file's header says how):
 * cue verbs in cue-verbs.ts, noun cues in noun-cues.ts, titles in titles.ts, role and group
 * nouns in people-nouns.ts, organisation words in organisations.ts.
 */
export * from './abbreviations.js';
export * from './clause-words.js';
export * from './cue-behaviour.js';
export * from './cue-forms.js';
export * from './documents.js';
export * from './first-names.js';
export * from './function-words.js';
export * from './messages.js';
export * from './name-particles.js';
export * from './noun-cues.js';
export * from './organisations.js';
export * from './people-nouns.js';
export * from './places.js';
export * from './pronouns.js';
export * from './punctuation.js';
export * from './stance.js';
export * from './titles.js';
