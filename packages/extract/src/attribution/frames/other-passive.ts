/**
 * Other passives: a cue in any other passive ("the bill was praised", "it was reported") names
 * no source, so it makes no frame, and no later pattern reads it as active.
 */
import type { FramePattern } from './types.js';

/** Any passive cue the passive patterns above did not take: claimed, no frame. */
export const otherPassive: FramePattern = {
  name: 'other passive (no frame)',
  scope: 'cue',
  match(_s, { passive }) {
    return passive ? null : undefined;
  },
};
