/**
 * Colon credit: "X: …" at the start of a sentence (headlines, transcripts, "Trump: “…”"). The
 * source is a short name or a pronoun; the content is everything after the colon.
 */
import { phraseStartingAt, readMention } from '../mentions.js';
import type { Token } from '../sentences.js';
import { type FramePattern, makeFrame } from './types.js';

/** "X: …" opening a sentence. */
export const colonCredit: FramePattern = {
  name: 'colon credit',
  scope: 'sentence',
  match({ text, tokens, A, B }) {
    const np = phraseStartingAt(tokens, A, B);
    if (!(np && tokens[np.b]?.text === ':' && np.b + 1 < B && np.b - np.a <= 5)) return undefined;
    const info = readMention(text, tokens, np);
    if (!((info.form === 'name' && (tokens[np.b - 1] as Token).cap) || info.form === 'pronoun')) return undefined;
    return makeFrame({
      cueA: np.b,
      cueB: np.b + 1,
      side: 'colon',
      cls: 'speech',
      lemma: ':',
      src: np,
      srcInfo: info,
      chunkA: np.a,
      chunkB: np.b + 1,
      fwd: np.b + 1,
      fwdThat: false,
    });
  },
};
