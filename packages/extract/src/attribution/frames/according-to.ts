/**
 * According-to: "according to X, …" and "…, according to X". The source is the noun phrase after
 * "to" (or any run of words up to the next punctuation: "according to early results of exit
 * polls"); region assignment takes the clause before it, or after it when it opens the sentence.
 */
import { type Phrase, phraseStartingAt, readMention } from '../mentions.js';
import type { Token } from '../sentences.js';
import { isWord } from '../token-tests.js';
import { type FramePattern, sourceAfterCue } from './types.js';

/** Any noun phrase up to the next comma or clause end ("early results of exit polls conducted by …"). */
function looseSourceAfter(tokens: readonly Token[], i: number, end: number): Phrase | null {
  let b = i;
  while (b < end && b - i < 25 && (tokens[b] as Token).kind === 'w') b++;
  return b > i ? { a: i, b } : null;
}

/** "according to X". */
export const accordingTo: FramePattern = {
  name: 'according to',
  scope: 'token',
  match({ text, tokens, B }, i) {
    const t = tokens[i];
    if (!(isWord(t) && t.lower === 'according' && tokens[i + 1]?.lower === 'to')) return undefined;
    const np = phraseStartingAt(tokens, i + 2, B) ?? looseSourceAfter(tokens, i + 2, B);
    if (!np) return null;
    const info = readMention(text, tokens, np);
    return sourceAfterCue(i, i + 2, 'according', 'according to', np, info);
  },
};
