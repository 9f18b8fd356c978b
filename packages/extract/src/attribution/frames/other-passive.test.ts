import { describe, expect, it } from 'vitest';
import { attributionsOf } from './test-support.js';

describe('other passive (no frame)', () => {
  it('does not make the passive subject the speaker of a passive cue', () => {
    expect(attributionsOf('The senators were warned that the vote would be close.')).toEqual([]);
  });

  it('makes no frame for a passive cue with an agent it does not list', () => {
    expect(attributionsOf('The plan was criticised by the opposition, who called it reckless.')).toEqual([]);
  });
});
