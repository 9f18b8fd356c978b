/** Small helpers over content regions: trimming, quotation tests, character span. */

import type { Region } from '../frames/types.js';
import { TRIM_LEAD, TRIM_TAIL } from '../lexicon/index.js';
import type { Token } from '../sentences.js';

/** The region `[a, b)` without leading and trailing marks, or null when it has no quotation and fewer than two words. */
export function trimRegion(tokens: readonly Token[], a: number, b: number, that: boolean): Region | null {
  while (a < b && ((tokens[a] as Token).kind === 'p' ? TRIM_LEAD.has((tokens[a] as Token).text) : false)) a++;
  while (b > a && ((tokens[b - 1] as Token).kind === 'p' ? TRIM_TAIL.has((tokens[b - 1] as Token).text) : false)) b--;
  if (b <= a) return null;
  // A region needs a quotation or at least two words.
  let words = 0;
  for (let k = a; k < b && words < 2; k++)
    if ((tokens[k] as Token).kind === 'Q') words = 2;
    else if ((tokens[k] as Token).kind === 'w') words++;
  return words >= 2 ? { a, b, that } : null;
}

/** Whether a quotation (and maybe a comma) comes right before token `k`. */
export function quoteBefore(tokens: readonly Token[], k: number, floor: number): boolean {
  let m = k - 1;
  if (tokens[m]?.kind === 'p' && (tokens[m] as Token).text === ',') m--;
  return m >= floor && tokens[m]?.kind === 'Q';
}

/** Whether a region holds a quotation. */
export function regionHasQuote(tokens: readonly Token[], r: Region): boolean {
  for (let k = r.a; k < r.b; k++) if ((tokens[k] as Token).kind === 'Q') return true;
  return false;
}

/** Length of a region in characters. */
export function span(tokens: readonly Token[], r: Region): number {
  return (tokens[r.b - 1] as Token).e - (tokens[r.a] as Token).s;
}
