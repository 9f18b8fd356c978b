import { describe, expect, it } from 'vitest';
import { attributionsOf } from './test-support.js';

describe('dash credit', () => {
  it('credits a quotation to the name after a dash', () => {
    expect(attributionsOf('“The talks were a failure from start to finish.” – Marco Rubio')).toEqual([
      {
        type: 'direct',
        content: 'The talks were a failure from start to finish.',
        cue: '–',
        source: 'Marco Rubio',
        speaker: 'Marco Rubio',
      },
    ]);
  });

  it('does not credit a dash followed by a clause', () => {
    expect(attributionsOf('“The talks were a failure from start to finish.” – the room went silent.')).toEqual([]);
  });
});
