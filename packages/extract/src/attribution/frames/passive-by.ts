/**
 * Passive by: "they were told by X that …", "was warned by officials". The cue is a participle
 * listed in PASSIVE_BY (lexicon/cue-behaviour.ts) followed by "by"; the source is the phrase
 * after "by" and the chunk starts at the passive subject.
 */
import { PASSIVE_BY } from '../lexicon/index.js';
import { phraseEndingAt, phraseStartingAt } from '../mentions.js';
import { skipAppositiveRight } from '../sources/appositive.js';
import { forwardStart } from './forward-start.js';
import { type FramePattern, makeFrame } from './types.js';

/** "X was told by Y that …". */
export const passiveBy: FramePattern = {
  name: 'passive by',
  scope: 'cue',
  match({ tokens, A, B }, { i, t, form, cueB, j, passive }) {
    if (!(passive && PASSIVE_BY.has(t.lower) && tokens[cueB]?.lower === 'by')) return undefined;
    const np = phraseStartingAt(tokens, cueB + 1, B);
    if (!np) return null;
    const subj = phraseEndingAt(tokens, j, A);
    const start = forwardStart(tokens, skipAppositiveRight(tokens, np.b, B), B, null);
    return makeFrame({
      cueA: i,
      cueB: cueB + 1,
      side: 'by',
      cls: form.cls,
      lemma: form.lemma,
      src: np,
      chunkA: subj?.a ?? j + 1,
      chunkB: np.b,
      fwd: start?.start ?? -1,
      fwdThat: start?.that ?? false,
    });
  },
};
