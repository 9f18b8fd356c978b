/**
 * Parenthesis source: "Rep. Jo Meeks (D-N.Y.) said": the name before a short parenthesis right
 * before the cue; the source span takes the parenthesis too.
 */
import { phraseEndingAt } from '../mentions.js';
import type { SourceStrategy } from './types.js';

/** "X (D-N.Y.) said". */
export const parenthesis: SourceStrategy = ({ tokens, A }, { j }) => {
  let k = j - 1;
  while (k > A && j - k < 8 && tokens[k]?.text !== '(') k--;
  const np = tokens[k]?.text === '(' ? phraseEndingAt(tokens, k - 1, A) : null;
  return np ? { src: { a: np.a, b: j + 1 }, side: 'left' } : null;
};
