import { describe, expect, it } from 'vitest';
import { attributionsOf } from './test-support.js';

describe('quoted as', () => {
  it('gives "X was quoted as saying that …" to X', () => {
    expect(attributionsOf('Merkel was quoted as saying that Europe must take its fate into its own hands.')).toEqual([
      {
        type: 'indirect',
        content: 'Europe must take its fate into its own hands',
        cue: 'quoted as saying',
        source: 'Merkel',
        speaker: 'Merkel',
      },
    ]);
  });
});
