import { distance } from 'fastest-levenshtein';
import { wordsInOrder } from './align.js';
import { contentWords, GAP, isNegation } from './normalize.js';

/** How a new quote relates to a cluster's wording. */
export type MatchKind = 'exact' | 'contained' | 'contains' | 'run' | 'edit';

/** How many sides of a comparison are reported speech (a reporter's words, not the speaker's). */
export type Paraphrased = 'none' | 'one' | 'both';

/** {@link Paraphrased} of two quotations, from whether each is reported speech. */
export function paraphrasedSides(a: boolean, b: boolean): Paraphrased {
  return a && b ? 'both' : a || b ? 'one' : 'none';
}

/** Quotes shorter than this many words only cluster with the same speaker. */
export const MIN_FREE_WORDS = 4;
/** With reported (indirect) speech on either side, a contained quote needs this many words. */
export const MIN_PARAPHRASE_CONTAINED = 6;
/** A shared run of this many consecutive words makes two quotes one. */
export const RUN_WORDS = 8;
/** Reported speech shares stock phrasing ("on condition of anonymity because…"): it needs a longer run. */
export const RUN_WORDS_PARAPHRASED = 10;
/**
 * Reported speech not known to be the same speaker's needs as many words to be contained in
 * another's as a shared paraphrased run: "President Obama in 2008 and 2012", the object of one
 * union leader's "supported", had joined a Democrats' worry that held it, and "the North American
 * Free Trade Agreement" a Trump statement.
 */
export const MIN_PARAPHRASE_CONTAINED_ACROSS = RUN_WORDS_PARAPHRASED;

/** Encodes words as one character each (shared dictionary) so string edit distance counts word edits. */
export function encodeWords(a: readonly string[], b: readonly string[]): [string, string] {
  const ids = new Map<string, string>();
  const enc = (ws: readonly string[]) =>
    ws
      .map((w) => {
        let c = ids.get(w);
        if (c === undefined) {
          c = String.fromCharCode(0x100 + ids.size);
          ids.set(w, c);
        }
        return c;
      })
      .join('');
  return [enc(a), enc(b)];
}

/** Word-level edit distance. */
export function wordDistance(a: readonly string[], b: readonly string[]): number {
  const [ea, eb] = encodeWords(a, b);
  return distance(ea, eb);
}

/** Length of the longest run of consecutive words two quotes share (gaps never match). */
export function longestCommonRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  let prev = new Uint16Array(b.length + 1);
  let cur = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const ai = a[i - 1];
    for (let j = 1; j <= b.length; j++) {
      if (ai !== GAP && ai === b[j - 1]) {
        const v = (prev[j - 1] ?? 0) + 1;
        cur[j] = v;
        if (v > best) best = v;
      } else cur[j] = 0;
    }
    [prev, cur] = [cur, prev];
  }
  return best;
}

function indexOfRun(hay: readonly string[], needle: readonly string[], from: number): number {
  if (!needle.length) return from;
  outer: for (let i = from; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Splits words at gap tokens into contiguous segments. */
export function segments(words: readonly string[]): string[][] {
  const out: string[][] = [[]];
  for (const w of words) {
    if (w === GAP) out.push([]);
    else out[out.length - 1]!.push(w);
  }
  return out.filter((s) => s.length);
}

/**
 * Whether `small` is cut from `big`: each of its ellipsis-separated segments occurs in `big`
 * in order ("someone … representing Russia" is in "someone who was representing Russia").
 */
export function isContainedIn(small: readonly string[], big: readonly string[]): boolean {
  const bigPlain = big.filter((w) => w !== GAP);
  let at = 0;
  let plain = true;
  for (const seg of segments(small)) {
    const i = indexOfRun(bigPlain, seg, at);
    if (i < 0) {
      plain = false;
      break;
    }
    at = i + seg.length;
  }
  return plain || (bigPlain.length < big.length && isContainedAcrossGaps(small, big));
}

/**
 * Most words of `small` a gap of `big` may stand for: a writer's bracketed words ("[the Islamic
 * militants]" for "them") or a short ellipsis. Longer omissions are other passages.
 */
export const GAP_STANDS_FOR_WORDS = 4;

/**
 * {@link isContainedIn} where `big` left words out: each gap of `big` may stand for up to
 * {@link GAP_STANDS_FOR_WORDS} words of `small` ("carpet bomb them into oblivion" is the passage
 * "carpet bomb [the Islamic militants] into oblivion …" quotes), as long as `small` has more
 * words matched than stood for. `small`'s own gaps skip any words of `big`, as above.
 */
function isContainedAcrossGaps(small: readonly string[], big: readonly string[]): boolean {
  let at = 0;
  let matched = 0;
  let absorbed = 0;
  for (const seg of segments(small)) {
    const hit = segmentAcrossGaps(seg, big, at);
    if (!hit) return false;
    [at, matched, absorbed] = [hit.end, matched + hit.matched, absorbed + hit.absorbed];
  }
  return matched > absorbed;
}

/**
 * The first place from `from` where `seg` runs through `big` word for word, each gap of `big`
 * standing for 0 to {@link GAP_STANDS_FOR_WORDS} words of `seg` (at its edges too); where it ends in `big`,
 * with the words matched and the words gaps stood for. Null when it does not.
 */
function segmentAcrossGaps(
  seg: readonly string[],
  big: readonly string[],
  from: number,
): { end: number; matched: number; absorbed: number } | null {
  // Depth-first over (word of seg, position in big), fewest absorbed words first; memo of dead states.
  const dead = new Set<number>();
  const walk = (k: number, j: number, matched: number): { end: number; matched: number; absorbed: number } | null => {
    if (k === seg.length) return { end: j, matched, absorbed: k - matched };
    if (j >= big.length) return null;
    const state = k * (big.length + 1) + j;
    if (dead.has(state)) return null;
    if (big[j] === seg[k]) {
      const r = walk(k + 1, j + 1, matched + 1);
      if (r) return r;
    } else if (big[j] === GAP) {
      for (let t = 0; t <= GAP_STANDS_FOR_WORDS && k + t <= seg.length; t++) {
        const r = walk(k + t, j + 1, matched);
        if (r) return r;
      }
    }
    dead.add(state);
    return null;
  };
  for (let j = from; j < big.length; j++) {
    // A start needs a word match here, or a gap that stands for the segment's first words.
    if (big[j] !== seg[0] && big[j] !== GAP) continue;
    const r = walk(0, j, 0);
    if (r && r.matched > 0) return r;
  }
  return null;
}

/**
 * Words a reporter drops when cutting a phrase short: "a couple clicks" in one outlet, "… has gone
 * up a couple of clicks" in the speaker's own words in another. Only these: "to break barriers"
 * and Clinton's "to break down barriers to voting" are two statements.
 */
export const DROPPED_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'a', 'an']);

/**
 * Whether a few words run inside `big` but for one {@link DROPPED_WORDS} word `big` has between
 * two of them.
 */
export function isCutWithOneFunctionWord(small: readonly string[], big: readonly string[]): boolean {
  if (small.includes(GAP)) return false;
  const bigPlain = big.filter((w) => w !== GAP);
  for (let i = 0; i + small.length < bigPlain.length; i++)
    for (let at = 1; at < small.length; at++) {
      const extra = bigPlain[i + at]!;
      if (!DROPPED_WORDS.has(extra)) continue;
      let fits = true;
      for (let k = 0; k < small.length && fits; k++) fits = bigPlain[i + k + (k >= at ? 1 : 0)] === small[k];
      if (fits) return true;
    }
  return false;
}

/** Number of words of a normalised word list, gap tokens left out. */
export function plainLength(words: readonly string[]): number {
  let n = 0;
  for (const w of words) if (w !== GAP) n++;
  return n;
}

/** Largest word edit distance still treated as the same quote (MemeTracker-style, a little wider for long quotes). */
export function maxEdits(length: number): number {
  if (length < MIN_FREE_WORDS) return 0;
  if (length <= 6) return 1;
  if (length < 20) return 2;
  return Math.floor(length / 10);
}

/**
 * Decides whether two quotations are one: exact normalised match, containment (one cut from
 * the other), a shared run of {@link RUN_WORDS}+ words, or a few word edits. Quotes of fewer
 * than {@link MIN_FREE_WORDS} words match only when `sameSpeaker` (a scare-quoted "wish list"
 * from two people is two claims). Reported speech on one side (`paraphrased` 'one') asks for
 * longer containment and no short matches; on both sides, without `sameSpeaker`, only the same
 * words: two reports in reporters' words share runs of reporting ("to pay for the border wall he
 * wants to build" tied a Trump proposal to a reporter's question; a charge sheet's wording, two
 * people's pleas). Returns how `a` relates to `b`, or null.
 */
export function matchQuotes(
  a: readonly string[],
  b: readonly string[],
  sameSpeaker: boolean,
  sides: Paraphrased = 'none',
): MatchKind | null {
  const paraphrased = sides !== 'none';
  const la = plainLength(a);
  const lb = plainLength(b);
  if (!la || !lb) return null;
  const pa = a.filter((w) => w !== GAP);
  const pb = b.filter((w) => w !== GAP);
  const short = Math.min(la, lb);
  // Short reported-speech contents are boilerplate ("to requests for comment"), even when equal.
  if (paraphrased && short < MIN_PARAPHRASE_CONTAINED) return null;
  if (pa.join(' ') === pb.join(' ')) return 'exact';
  if (paraphrased && !sameSpeaker && short < MIN_PARAPHRASE_CONTAINED_ACROSS) return null;
  const [small, big] = la <= lb ? [a, b] : [b, a];
  if (short < MIN_FREE_WORDS) {
    // Reported speech is the writer's words: a few of them say nothing about identity.
    if (!sameSpeaker || paraphrased) return null;
    // One word ("rigged", "great") cut from anything would chain unrelated remarks together.
    if (short === 1) return null;
    return isContainedIn(small, big) || isCutWithOneFunctionWord(small, big) ? (la <= lb ? 'contained' : 'contains') : null;
  }
  if (isContainedIn(small, big) && (!paraphrased || short >= MIN_PARAPHRASE_CONTAINED)) {
    // A stock phrase ("a lot of people") needs the same speaker; negations count as content here.
    if (sameSpeaker || contentWords(small).length + small.filter(isNegation).length >= 3)
      return la <= lb ? 'contained' : 'contains';
  }
  if (paraphrased) {
    // Two reports in reporters' words with no speaker in common: only the same words (above) link.
    if (sides === 'both' && !sameSpeaker) return null;
    return longestCommonRun(a, b) >= RUN_WORDS_PARAPHRASED ? 'run' : null;
  }
  if (longestCommonRun(a, b) >= RUN_WORDS) return 'run';
  if (Math.abs(la - lb) <= maxEdits(Math.max(la, lb)) && wordDistance(pa, pb) <= maxEdits(Math.max(la, lb))) return 'edit';
  // One speaker's statement as two outlets trimmed it: "The problem is presidents can't just say
  // anything they want, because it has consequences here and around the world" and "But
  // presidents can't just say anything they want. It has consequences around the world" share
  // 12 of the shorter's 14 words in order, though no run of 8 and 6 word edits apart.
  if (sameSpeaker && (alignedInOrder(pa, pb) || segmentAlignedInOrder(a, pb) || segmentAlignedInOrder(b, pa))) return 'edit';
  return null;
}

/** Whether the shorter of two word lists recurs in the longer, in order, for {@link ALIGNED_COVER} of its words ({@link MIN_ALIGNED_WORDS} or more). */
function alignedInOrder(a: readonly string[], b: readonly string[]): boolean {
  const short = Math.min(a.length, b.length);
  return short >= MIN_ALIGNED_WORDS && wordsInOrder(a, b) >= ALIGNED_COVER * short;
}

/**
 * Whether one part of an interrupted quotation ({@link GAP}-separated) is aligned in order with
 * the other quote: "Trump says the things people want to say … But presidents can't just say
 * anything they want. It has consequences around the world." holds the other outlet's "The problem
 * is presidents can't just say anything they want, because it has consequences here and around
 * the world." in its second part, though not over the whole.
 */
function segmentAlignedInOrder(gapped: readonly string[], other: readonly string[]): boolean {
  if (!gapped.includes(GAP)) return false;
  return segments(gapped).some((seg) => alignedInOrder(seg, other));
}

/** Words the shorter of one speaker's two quotes needs before an in-order overlap alone links them. */
export const MIN_ALIGNED_WORDS = 10;
/**
 * Share of the shorter quote's words that must recur, in order, in the longer one for
 * {@link matchQuotes} to call one speaker's two quotes one statement without a long shared run.
 */
export const ALIGNED_COVER = 0.8;

/** Word n-gram size of the candidate index and of the rarity evidence. */
export const GRAM_WORDS = 4;

/** The word 4-grams of a quote as "w1 w2 w3 w4", within contiguous segments (never across a gap). */
export function wordGrams(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const seg of segments(words))
    for (let i = 0; i + GRAM_WORDS <= seg.length; i++) out.add(seg.slice(i, i + GRAM_WORDS).join(' '));
  return out;
}

/** The word 4-grams two quotes share: the aligned evidence that they are one statement. */
export function sharedGrams(a: readonly string[], b: readonly string[]): string[] {
  const gb = wordGrams(b);
  return [...wordGrams(a)].filter((g) => gb.has(g));
}

/**
 * Shared 4-grams a passage needs to tie two different named speakers' quotes: a run of 9+ words.
 * The dev set's look-alike pairs (bench/cluster-devset) share at most 5 ("to serve as president
 * of the united states", "a special place in hell for women who"); its cross-outlet excerpts of
 * one statement share 6 to 26.
 */
export const STRONG_GRAMS = 6;

/**
 * Share of the shorter quote's 4-grams a strong passage covers. A slogan inside longer words is
 * not the shorter quote: "to make sure our economy works for everyone, not just those at the
 * top" (Clinton, NYT) shares 6 of its 11 4-grams with her spokesman's statement ending "an economy
 * that works for everyone, not just those at the top", which half let through and flagged
 * `conflicting_speaker`; the dev set's conflicting excerpts cover 6 of 8 (Romney's "the greed, the
 * showing off, …", one outlet writing "third-grade", the other "third grade") and all of theirs.
 */
export const STRONG_COVER = 2 / 3;

/**
 * Whether two quotations share a substantial, near-identical passage: {@link STRONG_GRAMS}+ common
 * 4-grams that cover at least {@link STRONG_COVER} of the shorter quote's 4-grams. The only link
 * strong enough to put two different speakers' quotes in one claim and call the speakers
 * conflicting.
 */
export function strongOverlap(a: readonly string[], b: readonly string[]): boolean {
  const ga = wordGrams(a);
  const gb = wordGrams(b);
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return shared >= STRONG_GRAMS && shared >= STRONG_COVER * Math.min(ga.size, gb.size) - 1e-9;
}
