import { describe, expect, it } from 'vitest';
import { attributionsOf } from './test-support.js';

describe('relayed quote', () => {
  it('gives "X quoted Y as saying …" to Y, relayed by X', () => {
    expect(attributionsOf('The newspaper quoted Putin as saying that Russia had no plans to invade.')).toEqual([
      {
        type: 'indirect',
        content: 'Russia had no plans to invade',
        cue: 'quoted Putin as saying',
        source: 'Putin',
        speaker: 'Putin',
        reportedBy: 'The newspaper',
      },
    ]);
  });
});
