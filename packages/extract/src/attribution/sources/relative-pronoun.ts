/**
 * Relative-pronoun source: "Cruz, who said …", "the group, which argued …", "officials that
 * warned …". The pronoun is the source; the phrase before it is the antecedent that names the
 * speaker ("that" only after a name or a head noun).
 */
import { isHeadNoun, phraseEndingAt } from '../mentions.js';
import type { Token } from '../sentences.js';
import type { SourceStrategy } from './types.js';

/** "X, who said …". */
export const relativePronoun: SourceStrategy = ({ tokens, A }, { j }, prev) => {
  if (!prev) return null;
  let k = j - 1;
  if (tokens[k]?.text === ',') k--;
  const ante = k >= A ? phraseEndingAt(tokens, k, A) : null;
  if (ante && (prev.lower !== 'that' || (tokens[k] as Token).cap || isHeadNoun((tokens[k] as Token).lower)))
    return { src: { a: j, b: j + 1 }, side: 'left', antecedent: ante };
  return null;
};
