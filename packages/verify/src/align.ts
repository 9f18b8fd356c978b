import { diffArrays } from 'diff';
import { GAP, type NormalizedQuote, normalizeQuote } from './normalize.js';

/**
 * Where an excerpt sits in its claim's canonical statement: `start`/`end` are offsets in the
 * canonical's plain words (gap tokens left out), `from`/`to` the part of the excerpt's plain words
 * that overlaps them (words outside it are the excerpt's own, e.g. before the canonical starts).
 * `matched` is how many words the two share inside the overlap.
 */
export interface Alignment {
  start: number;
  end: number;
  from: number;
  to: number;
  matched: number;
}

/**
 * A common block of the word diff anchors the alignment only when it has this many words (or is
 * the whole excerpt): a lone "the" matched 40 words away would otherwise stretch the overlap.
 */
export const ANCHOR_WORDS = 2;

/**
 * Words an excerpt must share with the canonical at its edge to extend it ("A. B. C." + "C. D."
 * gives "A. B. C. D."). Four is the candidate index's gram size: the link itself was already
 * decided on rarer evidence (a run of 8+ words, containment, a rare sentence).
 */
export const MIN_EXTEND_OVERLAP = 4;

/** Plain words (gap tokens left out) of a normalised quote. */
function plain(q: NormalizedQuote): string[] {
  return q.words.filter((w) => w !== GAP);
}

/**
 * Aligns an excerpt's words into a canonical statement's words (both plain, no gap tokens): the
 * span of the canonical between its first and last anchoring common block. Null when they share
 * no anchor. Gaps in the excerpt ("…", an interrupted quotation) simply leave canonical words out.
 */
export function alignWords(canonical: readonly string[], excerpt: readonly string[]): Alignment | null {
  if (!canonical.length || !excerpt.length) return null;
  // A verbatim cut aligns where it occurs (a word diff may match its first word elsewhere).
  const at = indexOfRun(canonical, excerpt);
  if (at >= 0) return { start: at, end: at + excerpt.length, from: 0, to: excerpt.length, matched: excerpt.length };
  const parts = diffArrays(canonical as string[], excerpt as string[]);
  let ci = 0;
  let vi = 0;
  let first: { c: number; v: number } | null = null;
  let last: { c: number; v: number } | null = null;
  let matched = 0;
  const minAnchor = Math.min(ANCHOR_WORDS, excerpt.length);
  for (const p of parts) {
    const n = p.count ?? p.value.length;
    if (p.added) vi += n;
    else if (p.removed) ci += n;
    else {
      if (n >= minAnchor) {
        if (!first) first = { c: ci, v: vi };
        last = { c: ci + n, v: vi + n };
      }
      matched += n;
      ci += n;
      vi += n;
    }
  }
  if (!first || !last) return null;
  // Words equal on both sides just outside the anchors belong to the overlap too.
  while (first.c > 0 && first.v > 0 && canonical[first.c - 1] === excerpt[first.v - 1]) {
    first = { c: first.c - 1, v: first.v - 1 };
    matched++;
  }
  while (last.c < canonical.length && last.v < excerpt.length && canonical[last.c] === excerpt[last.v]) {
    last = { c: last.c + 1, v: last.v + 1 };
    matched++;
  }
  return { start: first.c, end: last.c, from: first.v, to: last.v, matched };
}

function indexOfRun(hay: readonly string[], needle: readonly string[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * How many words two word lists share in the same order (not necessarily adjacent): the common
 * parts of their word diff, the same diff {@link alignWords} reads.
 */
export function wordsInOrder(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  for (const p of diffArrays(a as string[], b as string[])) if (!p.added && !p.removed) n += p.count ?? p.value.length;
  return n;
}

/** {@link alignWords} on two texts. */
export function align(canonical: string, excerpt: string): Alignment | null {
  return alignWords(plain(normalizeQuote(canonical)), plain(normalizeQuote(excerpt)));
}

/** The written tokens of plain words `[from, to)` of a quote (gap tokens skipped). */
function rawSlice(q: NormalizedQuote, from: number, to: number): string[] {
  const out: string[] = [];
  let k = 0;
  for (const [i, w] of q.words.entries()) {
    if (w === GAP) continue;
    if (k >= from && k < to) out.push(q.raw[i]!);
    k++;
  }
  return out;
}

/**
 * The canonical statement grown by an excerpt that runs past one of its ends ("A. B. C." and
 * "C. D." give "A. B. C. D."), or null when the excerpt adds nothing at an edge. The excerpt must
 * share {@link MIN_EXTEND_OVERLAP}+ words with the canonical where they meet.
 */
export function extendCanonical(canonical: string, excerpt: string): string | null {
  const cq = normalizeQuote(canonical);
  const vq = normalizeQuote(excerpt);
  const cw = plain(cq);
  const vw = plain(vq);
  const a = alignWords(cw, vw);
  // The overlap must be mostly shared words: two blocks far apart are not one passage.
  if (!a || a.matched < MIN_EXTEND_OVERLAP || a.matched * 5 < (a.to - a.from) * 3) return null;
  const head = a.start === 0 && a.from > 0 ? rawSlice(vq, 0, a.from) : [];
  const tail = a.end === cw.length && a.to < vw.length ? rawSlice(vq, a.to, vw.length) : [];
  if (!head.length && !tail.length) return null;
  return [...head, canonical.trim(), ...tail].filter(Boolean).join(' ');
}

/**
 * The canonical statement of a set of excerpts, whatever order they came in: the longest excerpt
 * (ties: the smallest text), grown by every excerpt that runs past its ends, in a fixed order,
 * until nothing more extends it.
 */
export function canonicalOf(texts: readonly string[]): string {
  const uniq = [...new Set(texts)];
  const len = (t: string) => plain(normalizeQuote(t)).length;
  uniq.sort((a, b) => len(b) - len(a) || (a < b ? -1 : a > b ? 1 : 0));
  let canon = uniq[0] ?? '';
  // Each pass either grows the canonical or stops; a statement has few excerpts.
  for (let pass = 0; pass < uniq.length; pass++) {
    let grew = false;
    for (const t of uniq.slice(1)) {
      const next = extendCanonical(canon, t);
      if (next && len(next) > len(canon)) {
        canon = next;
        grew = true;
      }
    }
    if (!grew) break;
  }
  return canon;
}
