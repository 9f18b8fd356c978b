/**
 * Stance verbs: verbs that state a position on something without reporting words ("Cruz backed
 * the bill", "Sanders slammed Wall Street", "Obama welcomed the deal"), read as PolNeAR-style
 * stance attributions when a person, group or organisation is their subject. A closed list: an
 * open "any past-tense verb after a name" rule read actions as attributions ("Russia invaded
 * Ukraine", "Moscow annexed Crimea", "He slapped tariffs on India") and was right on only 51 of
 * its 101 PolNeAR dev predictions. Verbs of speech and belief that state a position too (praise,
 * criticize, back, oppose) are cue verbs in cue-verbs.ts and are not repeated here.
 * To add a stance verb: write its base form below; its -s and past forms are generated.
 */
import { inflect } from './cue-forms.js';

/** Base forms of verbs that take a position on their object. */
export const STANCE_VERBS = `
welcome embrace champion commend congratulate salute cheer resist veto scrutinize scrutinise grill
pepper chastise berate ridicule deride downplay pooh-pooh compliment flatter liken compare equate
debate invoke promote advocate sponsor lobby pressure resent judge rate clarify justify excuse
trumpet herald approve disapprove ignore vilify demonize demonise disparage belittle smear insult
taunt lampoon skewer savage pillory excoriate castigate deplore bemoan regret prioritize prioritise
paint depict credit link demean applaud hail laud ridicule mock question target dismiss
`;

/** The -s and past forms of every stance verb ("welcomes", "welcomed"), lower case. */
export const STANCE_FORMS: ReadonlySet<string> = new Set(
  STANCE_VERBS.split(/\s+/)
    .filter(Boolean)
    .flatMap((v) => {
      const f = inflect(v);
      return [f.s, f.ed];
    }),
);
