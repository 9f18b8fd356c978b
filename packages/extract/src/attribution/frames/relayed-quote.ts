/**
 * Relayed quote: "X quoted Y as saying …". The words are Y's (the source), relayed by X, who is
 * kept as the frame's `relayedBy`.
 */
import { phraseEndingAt, phraseStartingAt } from '../mentions.js';
import { cueAt } from './cue-reading.js';
import { forwardStart } from './forward-start.js';
import { type FramePattern, makeFrame } from './types.js';

/** "X quoted Y as saying …". */
export const relayedQuote: FramePattern = {
  name: 'relayed quote',
  scope: 'cue',
  match({ tokens, A, B }, { i, form, cueB, j }) {
    if (form.lemma !== 'quote') return undefined;
    const subj = phraseEndingAt(tokens, j, A);
    const obj = phraseStartingAt(tokens, cueB, B);
    if (!(subj && obj && tokens[obj.b]?.lower === 'as' && cueAt(tokens, obj.b + 1))) return undefined;
    const relay = makeFrame({
      cueA: i,
      cueB,
      side: 'left',
      cls: 'speech',
      lemma: 'quote',
      src: subj,
      chunkA: subj.a,
      chunkB: cueB,
      fwd: -1,
      fwdThat: false,
    });
    relay.dropped = true;
    const start = forwardStart(tokens, obj.b + 2, B, null);
    return makeFrame({
      cueA: i,
      cueB: obj.b + 2,
      side: 'by',
      cls: 'speech',
      lemma: 'quote',
      src: obj,
      relayedBy: relay,
      chunkA: subj.a,
      chunkB: obj.b + 2,
      fwd: start?.start ?? -1,
      fwdThat: start?.that ?? false,
    });
  },
};
