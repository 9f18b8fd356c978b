/**
 * "<determiner> [modifiers] <noun>" after a verb that puts something out: the shape both "X
 * issued a statement" (statement-issuer.ts, for a later "the statement said") and the message
 * frames ("X delivered a blunt message: “…”", frames/message-frame.ts) read.
 */
import type { Token } from './sentences.js';

/** Words that may stand between a determiner and its noun ("a joint written statement"). */
const MAX_NOUN_MODIFIERS = 2;

/**
 * The noun of `nouns` in "<one of determiners> [up to two words] <noun>" starting at token `i`,
 * with the index of the noun; null when another shape stands there.
 */
export function determinedNounAt(
  tokens: readonly Token[],
  i: number,
  determiners: ReadonlySet<string>,
  nouns: ReadonlySet<string>,
): { head: string; at: number } | null {
  if (!determiners.has(tokens[i]?.lower ?? '')) return null;
  for (let k = i + 1; k <= i + 1 + MAX_NOUN_MODIFIERS; k++) {
    const t = tokens[k];
    if (t?.kind !== 'w') return null;
    if (nouns.has(t.lower)) return { head: t.lower, at: k };
  }
  return null;
}

/** Where the object of the verb at token `v` starts: after "out" for "put out", the next token otherwise; -1 for "put" alone. */
export function objectAfterVerb(tokens: readonly Token[], v: number): number {
  if (!/^(put|puts|putting)$/.test(tokens[v]?.lower ?? '')) return v + 1;
  return tokens[v + 1]?.lower === 'out' ? v + 2 : -1;
}
