/**
 * What a short quotation is about. One to three quoted words ("outrageous", "disaster", "stiff")
 * identify no statement: a speaker says them about many things. Two such excerpts in different
 * articles are one statement only when the sentences around them share a topic word: a content
 * word that is neither the quote's own, nor the speaker's name, nor a word of reporting. The topic
 * words are the ones dispute linking reads too ({@link topicWords}).
 *
 * Why: over the 1,008 PolNeAR texts (`quotecheck check --json --outlet-from prefix`), 22 claims
 * of at most three words held excerpts of two or more articles. Clinton's "outrageous" about Wells
 * Fargo and about a report on her foundation, Trump's "disaster" about Clinton's emails and about
 * NAFTA, his "stiff" about Bush and about Romney were each one claim, four of them `corroborated`.
 * The excerpts that are one statement share words around the quote: "rapists" (Mexican,
 * criminals, immigrants), "Mexican" (judge, Indiana-born), "You tell me" (register, Nazi, Jews).
 */
import type { Speaker } from '@quotecheck/shared/core';
import { plainLength } from './match.js';
import { contentWords, GAP, normalizeQuote } from './normalize.js';
import { nameTokens } from './speaker.js';

/**
 * Words that say nothing about what a sentence is about: speech verbs, account nouns, time, the
 * page around a quotation ("Trump called it …", "she said in an interview", "walked back his
 * comments on Tuesday").
 */
const NOT_TOPIC: ReadonlySet<string> = new Set(
  `said says say saying told tell tells telling called calls call calling added adds add asked asks
  ask according wrote writes write described describes describing referred refers referring claimed
  claim claims declared declares noted notes stated states argued argues insisted insists comment
  comments remark remarks statement statements interview reporter reporters later earlier today
  yesterday week month day year monday tuesday wednesday thursday friday saturday sunday campaign
  spokesman spokeswoman spokesperson aide adviser official officials cnn twitter post posted tweet
  tweets tweeted tweeting meant mean actually never ever really simply mr mrs ms dr`
    .split(/\s+/)
    .filter(Boolean),
);

/** Crude stem for topic overlap: plural and possessive endings ("families" ~ "family", "videos" ~ "video"). */
export function topicStem(w: string): string {
  const s = w.replace(/[’']s?$/, '');
  if (s.length > 4 && s.endsWith('ies')) return `${s.slice(0, -3)}y`;
  if (s.length > 3 && s.endsWith('es') && /(?:ss|sh|ch|x|z)es$/.test(s)) return s.slice(0, -2);
  if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss')) return verbStem(s.slice(0, -1));
  return verbStem(s);
}

/**
 * A verb's past and present forms as one ("accuses", "accused", "accusing" ~ "accus"): a quote's
 * sentence in one outlet says Clinton "accuses" Sanders of an "artful smear", another's that she
 * "accused" him. Only -ed and -ing with a stem of 4+ letters, then a final e.
 */
function verbStem(s: string): string {
  const m = /^(\p{L}{4,}?)(?:ed|ing)$/u.exec(s);
  const base = m ? m[1]! : s;
  return base.length > 4 && base.endsWith('e') ? base.slice(0, -1) : base;
}

/** Topic words of a text: stemmed content words, the names given and generic words left out. */
export function topicWords(text: string, names: ReadonlySet<string> = new Set()): string[] {
  const out = new Set<string>();
  for (const w of contentWords(normalizeQuote(text).words)) {
    const s = topicStem(w);
    if (s.length > 2 && !NOT_TOPIC.has(w) && !NOT_TOPIC.has(s) && !names.has(w) && !/^\d+$/.test(s)) out.add(s);
  }
  return [...out];
}

/** Quotations of fewer words than this need a shared topic word to link across articles. */
export const TOPIC_FREE_WORDS = 4;

/** Whether a quotation is a few words only ({@link TOPIC_FREE_WORDS}): a phrase, not a statement. */
export function isFewWords(words: readonly string[]): boolean {
  return plainLength(words) < TOPIC_FREE_WORDS;
}

/**
 * The topic words of the sentence around a quotation ({@link topicWords}) less the quotation's own
 * words and the speaker's name. Null when none are left, or the sentence is unknown (a record
 * stored before excerpts kept their sentence): no evidence either way, which callers treat as
 * sharing.
 */
export function sentenceTopic(sentence: string | undefined, quote: readonly string[], speaker: Speaker): Set<string> | null {
  if (!sentence) return null;
  const name = new Set(speaker.name ? nameTokens(speaker.name).map((t) => normalizeQuote(t).text) : []);
  const own = new Set(quote.filter((w) => w !== GAP).map(topicStem));
  // "“You tell me,” he said.": a sentence that is all quotation and reporting says nothing either way.
  const out = new Set(topicWords(sentence, name).filter((w) => !own.has(w)));
  return out.size ? out : null;
}

/** Whether two topic word sets share a word; an unknown side (null) counts as sharing. */
export function shareTopic(a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): boolean {
  if (!a || !b) return true;
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  for (const w of small) if (big.has(w)) return true;
  return false;
}
