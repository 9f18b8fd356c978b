/** Spans of an article's text, and what a stretch of it holds. */
import type { Span } from '@quotecheck/shared';

/** The span `[start, end)` of `text`, with its text. */
export function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/** Whether `s` holds at least `n` words (stops counting there: a quotation may be megabytes long). */
export function hasWords(s: string, n: number): boolean {
  const word = /[\p{L}\p{N}]+/gu;
  for (let k = 0; k < n; k++) if (!word.exec(s)) return false;
  return true;
}
