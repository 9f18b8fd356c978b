/**
 * Quoted as: "X was quoted as saying …". The passive subject is the source; the content follows
 * the second cue.
 */
import { phraseEndingAt } from '../mentions.js';
import { cueAt } from './cue-reading.js';
import { forwardStart } from './forward-start.js';
import { type FramePattern, makeFrame } from './types.js';

/** "X was quoted as saying …". */
export const quotedAs: FramePattern = {
  name: 'quoted as',
  scope: 'cue',
  match({ tokens, A, B }, { i, form, cueB, j, passive }) {
    if (!(passive && form.lemma === 'quote' && tokens[cueB]?.lower === 'as' && cueAt(tokens, cueB + 1))) return undefined;
    const np = phraseEndingAt(tokens, j, A);
    if (!np) return null;
    const start = forwardStart(tokens, cueB + 2, B, null);
    return makeFrame({
      cueA: i,
      cueB: cueB + 2,
      side: 'left',
      cls: 'speech',
      lemma: 'quote',
      src: np,
      chunkA: np.a,
      chunkB: cueB + 2,
      fwd: start?.start ?? -1,
      fwdThat: start?.that ?? false,
    });
  },
};
