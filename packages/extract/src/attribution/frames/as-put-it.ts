/**
 * As-X-put-it: "…, as The New Yorker put it, “the operator.”" and "… a “lawful source of
 * income,” as a Homeland Security memo put it." The source is the noun phrase between "as" and
 * "put it"; the content is the quotation after it when one follows (past a short phrase: "put it
 * in a lengthy exposé,"), else the clause before it, as with "according to".
 * PolNeAR dev: 2 direct misses were such credits, which had no frame at all.
 */
import { phraseStartingAt, readMention } from '../mentions.js';
import type { Token } from '../sentences.js';
import { isWord } from '../token-tests.js';
import { type FramePattern, makeFrame } from './types.js';

/** At most this many tokens between "put it" and the comma before a following quotation. */
const MAX_PHRASE_AFTER_PUT_IT = 8;

/** The quotation token after "put it" (past a comma and maybe a short phrase before it), or -1. */
function quotationAfter(tokens: readonly Token[], k: number, end: number): number {
  for (let m = k; m < end && m - k <= MAX_PHRASE_AFTER_PUT_IT; m++) {
    const t = tokens[m] as Token;
    if (t.kind === 'Q') return tokens[m - 1]?.text === ',' || tokens[m - 1]?.text === ':' ? m : -1;
    if (t.kind === 'p' && t.text !== ',') return -1;
  }
  return -1;
}

/** "as X put it". */
export const asPutIt: FramePattern = {
  name: 'as X put it',
  scope: 'token',
  match({ text, tokens, A, B }, i) {
    const t = tokens[i];
    if (!(isWord(t) && t.lower === 'as' && (!t.cap || i === A))) return undefined;
    const np = phraseStartingAt(tokens, i + 1, B);
    if (!np) return undefined;
    const put = tokens[np.b];
    if (!(put?.kind === 'w' && /^(put|puts)$/.test(put.lower) && tokens[np.b + 1]?.lower === 'it')) return undefined;
    const cueB = np.b + 2;
    // "put it to a vote" is no credit: after "put it" only punctuation or a place/time phrase
    const after = tokens[cueB];
    if (after && after.kind === 'w' && !/^(in|on|at|during|recently|once|last|this)$/.test(after.lower)) return undefined;
    const q = quotationAfter(tokens, cueB, B);
    return makeFrame({
      cueA: np.b,
      cueB,
      side: q >= 0 ? 'left' : 'according',
      cls: 'speech',
      lemma: 'put',
      src: np,
      srcInfo: readMention(text, tokens, np),
      chunkA: i,
      chunkB: cueB,
      fwd: q,
      fwdThat: false,
    });
  },
};
