/**
 * The index keys of one quotation: its exact-wording key, the word 4-grams it is looked up and
 * posted under, its speaker's short-quote, word and gap keys, and the tests that read them
 * (whether a speaker's short quote was cut from a longer one, which claims hold all of a quote's
 * words). The claim stores file these keys; the verifier looks candidates up under them.
 */

import type { Speaker } from '@quotecheck/shared/core';
import { GRAM_WORDS, isCutWithOneFunctionWord, MIN_FREE_WORDS, segments } from './match.js';
import { contentWords, hashKey } from './normalize.js';
import { speakerKey } from './speaker.js';

/** Word n-gram size of the candidate index. */
export const GRAM = GRAM_WORDS;
/**
 * A stored quote posts only the 4-grams at every STRIDE-th position (plus the last one of each
 * segment); a new quote looks up all of its own. Any shared run of RUN_WORDS (8) words spans
 * five consecutive positions of the stored quote, so it holds a posted one when STRIDE <= 5; one
 * substituted word kills four consecutive positions, so a quote of 8+ words keeps a posted gram.
 * Quotes of fewer than GRAM + STRIDE - 1 words may sit between posted positions of a longer
 * quote they are cut from: for those the speaker's claims holding all their content words are
 * candidates too ({@link holdingAll}).
 */
export const STRIDE = 4;
/** Below this many words a quote may fall between the posted grams of a quote containing it. */
const SPARSE_WORDS = GRAM + STRIDE - 1;

/** The index key of a word 4-gram ("w1 w2 w3 w4"): posting list and document frequency. */
export function gramKey(text: string): string {
  return `p:${hashKey(text)}`;
}

/** Index keys of one quotation. */
export interface QuoteKeys {
  /** Exact-wording key (short quotes: per speaker), null when it has none. */
  exact: string | null;
  /** Word 4-grams to look candidates up under (all of them). */
  grams: string[];
  /** Word 4-grams to post the quote under (a sample, see {@link STRIDE}). */
  posted: string[];
  /** Speaker key, when the speaker is known. */
  speaker: string | null;
  /** Words of the quote, gaps left out. */
  length: number;
  /** A short quote's words (fewer than MIN_FREE_WORDS, known speaker): filed under its speaker. */
  short: string | null;
  /**
   * Its segments as " w1 w2 … " (known speaker): where its speaker's short quotes are looked for.
   * A short quote's too, so that "locker room" and "locker-room talk" meet in whichever order they
   * come (a short quote also finds claims holding all its words, {@link QuoteKeys.words}).
   */
  spans: string[];
  /**
   * Its distinct content words (known speaker only), filed under the speaker: a sparse quote looks
   * for its container among the speaker's claims holding all of its own ({@link ClaimTx.speakerWords}).
   *
   * Why: a quote of a few words may sit between the sampled grams of the quote it was cut from
   * ({@link STRIDE}), and it looked only among the speaker's 200 most recent claims. Over the
   * 1,008 PolNeAR texts in path order, hundreds of a candidate's claims came between two outlets'
   * excerpts of one remark ("I love Oreos" after "I love Oreos. I will never eat them again";
   * "challenging us to get unaccountable money"), so whether they met depended on what else was
   * read in between.
   */
  words: string[];
  /**
   * Per gap of a quote with a known speaker, the content words on either side of it: the speaker's
   * claims holding both may be a passage the gap stands for ({@link GAP_STANDS_FOR_WORDS}: "carpet
   * bomb them into oblivion", stored before "carpet-bomb [the Islamic militants] into oblivion …"
   * came, shares no word 4-gram with it).
   */
  bridges: [string, string][];
}

/**
 * Claim ids a speaker's word keeps, the most recent. A word whose list is this long is common in
 * the speaker's mouth ("great" for a candidate) and does not narrow the search.
 */
export const SPEAKER_WORD_RECENT = 64;

/** The index keys of a quotation with these normalised words. */
export function quoteKeys(words: readonly string[], speaker: Speaker): QuoteKeys {
  const segs = segments(words);
  const plain = segs.flat();
  const sk = speakerKey(speaker);
  const text = plain.join(' ');
  let exact: string | null = null;
  if (plain.length >= MIN_FREE_WORDS) exact = `x:${hashKey(text)}`;
  else if (sk) exact = `x:${hashKey(`${sk}|${text}`)}`;
  const grams = new Set<string>();
  const posted = new Set<string>();
  for (const seg of segs) {
    const last = seg.length - GRAM;
    for (let i = 0; i <= last; i++) {
      const g = gramKey(seg.slice(i, i + GRAM).join(' '));
      grams.add(g);
      if (i % STRIDE === 0 || i === last) posted.add(g);
    }
  }
  const long = plain.length >= MIN_FREE_WORDS;
  return {
    exact,
    grams: [...grams],
    posted: [...posted],
    speaker: sk,
    length: plain.length,
    short: sk && !long && plain.length ? text : null,
    spans: sk && plain.length ? segs.map((seg) => ` ${seg.join(' ')} `) : [],
    words: sk ? [...new Set(contentWords(plain))] : [],
    bridges: sk ? gapBridges(segs) : [],
  };
}

/** {@link QuoteKeys.bridges} of a quote's segments: the last content word before each gap and the first after it. */
function gapBridges(segs: readonly string[][]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < segs.length; i++) {
    const before = contentWords(segs[i]!).at(-1);
    const after = contentWords(segs[i + 1]!)[0];
    if (before && after) out.push([before, after]);
  }
  return out;
}

/**
 * Whether a speaker's short quote (words joined by spaces) runs inside one of a longer quote's
 * segments, word for word or but for one function word ({@link isCutWithOneFunctionWord}: "a
 * couple clicks" stored before "… a couple of clicks" came).
 */
export function cutFrom(keys: QuoteKeys, short: string): boolean {
  return keys.spans.some((span) => span.includes(` ${short} `) || cutWithOneFunctionWord(span, short));
}

function cutWithOneFunctionWord(span: string, short: string): boolean {
  const words = short.split(' ');
  // Most of a speaker's short quotes share no word with the span: two substring tests first.
  if (words.length < 2 || !span.includes(` ${words[0]} `) || !span.includes(` ${words.at(-1)} `)) return false;
  return isCutWithOneFunctionWord(words, span.trim().split(' '));
}

/**
 * The claims in every one of a quote's speaker word lists ({@link ClaimTx.speakerWords}): those that may
 * hold all its content words. A full list (a word common for this speaker) narrows nothing and is
 * left out, unless every list is full.
 */
export function holdingAll(lists: readonly string[][]): string[] {
  if (!lists.length) return [];
  const narrow = lists.filter((l) => l.length < SPEAKER_WORD_RECENT);
  const [first, ...rest] = (narrow.length ? narrow : lists).map((l) => new Set(l));
  return [...first!].filter((id) => rest.every((s) => s.has(id)));
}

/** A quote with a known speaker, short enough to fall between the posted grams of a quote containing it. */
export function isSparse(keys: QuoteKeys): boolean {
  return !!keys.speaker && keys.length < SPARSE_WORDS;
}
