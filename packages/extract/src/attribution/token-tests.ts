/**
 * Small predicates and scans over tokens that the frame patterns, the source strategies and
 * region assignment share.
 */

import { AUXILIARIES, DASHES } from './lexicon/index.js';
import { isHeadNoun } from './mentions.js';
import type { Token } from './sentences.js';

/** Whether a token is a word. */
export const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === 'w';

/** A lower-case -ly word that is not a head noun ("repeatedly", not "ally"). */
export const isAdverb = (t: Token): boolean =>
  t.kind === 'w' && !t.cap && t.lower.length > 4 && t.lower.endsWith('ly') && !isHeadNoun(t.lower);

/** A comma or a dash. */
export const isDelimiter = (t: Token | undefined): boolean => !!t && t.kind === 'p' && (t.text === ',' || DASHES.has(t.text));

/** A quotation, a comma, a dash or a stray quote mark: what sets a clause off from the next. */
export function isSeparator(t: Token | undefined): boolean {
  return (
    !!t &&
    (t.kind === 'Q' ||
      (t.kind === 'p' &&
        (t.text === ',' || DASHES.has(t.text) || t.text === "'" || t.text === '’' || t.text === '"' || t.text === '”')))
  );
}

/**
 * "has since said", "have since acknowledged": "since" between an auxiliary and the cue is an
 * adverb, not a subordinator; reading it as a stop left "X has since said …" without a frame.
 */
function sinceAfterAuxiliary(tokens: readonly Token[], j: number): boolean {
  const before = tokens[j - 1];
  return tokens[j]?.lower === 'since' && before?.kind === 'w' && AUXILIARIES.has(before.lower);
}

/** Skips auxiliaries and adverbs leftwards from `j`; returns the first other index. */
export function skipAuxLeft(tokens: readonly Token[], j: number, floor: number): number {
  while (j >= floor) {
    const t = tokens[j] as Token;
    if (t.kind === 'w' && !t.cap && (AUXILIARIES.has(t.lower) || isAdverb(t) || sinceAfterAuxiliary(tokens, j))) j--;
    else break;
  }
  return j;
}
