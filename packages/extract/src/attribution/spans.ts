/** Spans of an article's text, and what a stretch of it holds. */
import type { Span } from '@quotecheck/shared';

/** The span `[start, end)` of `text`, with its text. */
export function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** How many words `s` holds, counting up to `atMost` (a quotation may be megabytes long). */
export function wordsIn(s: string, atMost: number): number {
  const word = /[\p{L}\p{N}]+/gu;
  let k = 0;
  while (k < atMost && word.exec(s)) k++;
  return k;
}

/** Whether `s` holds at least `n` words. */
export function hasWords(s: string, n: number): boolean {
  return wordsIn(s, n) >= n;
}

/**
 * The first index in `[0, length)` whose item is not `before` the point sought, `length` when all
 * are; the items must be ordered so that those `before` it come first (a binary search over
 * offsets: tokens, quotations, paragraph starts, mention positions).
 */
export function firstNotBefore(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
