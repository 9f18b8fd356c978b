/**
 * Relative-pronoun source: "Cruz, who said …", "the group, which argued …", "officials that
 * warned …". The pronoun is the source; the phrase before it is the antecedent that names the
 * speaker ("that" only after a name or a head noun).
 */
import { isHeadNoun, isNameRun, type Phrase, phraseEndingAt } from '../mentions.js';
import type { Token } from '../sentences.js';
import type { SourceStrategy } from './types.js';

/** "X, who said …". */
export const relativePronoun: SourceStrategy = ({ tokens, A }, { j }, prev) => {
  if (!prev) return null;
  let k = j - 1;
  if (tokens[k]?.text === ',') k--;
  const ante = k >= A ? phraseEndingAt(tokens, k, A) : null;
  if (ante && (prev.lower !== 'that' || (tokens[k] as Token).cap || isHeadNoun((tokens[k] as Token).lower)))
    return { src: { a: j, b: j + 1 }, side: 'left', antecedent: namedBeforeDescription(tokens, ante, A) ?? ante };
  return null;
};

/**
 * "John Burke, a University of Vermont professor who has written …": an antecedent that is an
 * indefinite description set off after a name describes that name, which is the one the pronoun
 * stands for (the clause's speaker had been no one, and the quotation after the sentence went
 * to no one with it). Null when the antecedent is not such a description.
 */
function namedBeforeDescription(tokens: readonly Token[], ante: Phrase, A: number): Phrase | null {
  const first = tokens[ante.a] as Token;
  if (first.cap || !/^(a|an)$/.test(first.lower) || tokens[ante.a - 1]?.text !== ',') return null;
  const name = ante.a - 2 >= A ? phraseEndingAt(tokens, ante.a - 2, A) : null;
  return name && (tokens[name.b - 1] as Token).cap && isNameRun(tokens, name.a, name.b) ? name : null;
}
