import type { Span } from '@quotecheck/shared';

/** The span `[start, end)` of `text`, with its text. */
export function spanOf(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}
