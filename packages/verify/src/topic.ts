/**
 * What a short quotation is about. One to three quoted words ("outrageous", "disaster", "stiff")
 * identify no statement: a speaker says them about many things. Two such excerpts in different
 * articles are one statement only when the sentences around them share a topic word: a content
 * word that is neither the quote's own, nor the speaker's name, nor a word of reporting.
 *
 * Why: over the 1,008 PolNeAR texts (`quotecheck check --json --outlet-from prefix`), 22 claims
 * of at most three words held excerpts of two or more articles. Clinton's "outrageous" about Wells
 * Fargo and about a report on her foundation, Trump's "disaster" about Clinton's emails and about
 * NAFTA, his "stiff" about Bush and about Romney were each one claim, four of them `corroborated`.
 * The excerpts that are one statement share words around the quote: "rapists" (Mexican,
 * criminals, immigrants), "Mexican" (judge, Indiana-born), "You tell me" (register, Nazi, Jews).
 */
import type { Speaker } from '@quotecheck/shared/core';
import { contentWords, GAP, normalizeQuote } from './normalize.js';
import { nameTokens } from './speaker.js';

/**
 * Words of reporting and of the page around any quotation: sharing them says nothing about what
 * two quotations are about ("Trump called it …", "she said in an interview").
 */
export const REPORTING_WORDS: ReadonlySet<string> = new Set(
  `said says say saying told tells tell called calls call calling added adds add asked asks ask
  according wrote writes write described describes describing referred refers referring tweeted
  tweets tweeting tweet argued argues insisted insists claimed claims declared declares noted notes
  stated states statement statements interview reporters reporter remarks comments later earlier
  week month year today yesterday tuesday wednesday thursday friday saturday sunday monday
  mr mrs ms dr`
    .split(/\s+/)
    .filter(Boolean),
);

/** Quotations of fewer words than this need a shared topic word to link across articles. */
export const TOPIC_FREE_WORDS = 4;

/**
 * The topic words of the sentence around a quotation: its content words less the quotation's own
 * words, the speaker's name and {@link REPORTING_WORDS}. Null when there are none, or the sentence
 * is unknown (a record stored before excerpts kept their sentence): no evidence either way, which
 * callers treat as sharing.
 */
export function topicWords(sentence: string | undefined, quote: readonly string[], speaker: Speaker): Set<string> | null {
  if (!sentence) return null;
  const own = new Set(quote);
  const name = new Set(speaker.name ? nameTokens(speaker.name).map((t) => normalizeQuote(t).text) : []);
  const out = new Set<string>();
  for (const w of contentWords(normalizeQuote(sentence).words)) {
    if (w === GAP || own.has(w) || name.has(w) || REPORTING_WORDS.has(w) || /^[\d.,$%]+$/.test(w)) continue;
    out.add(w);
  }
  // "“You tell me,” he said.": a sentence that is all quotation and reporting says nothing either way.
  return out.size ? out : null;
}

/** Whether two topic word sets share a word; an unknown side (null) counts as sharing. */
export function shareTopic(a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): boolean {
  if (!a || !b) return true;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (big.has(w)) return true;
  return false;
}
