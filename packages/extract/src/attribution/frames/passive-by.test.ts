import { describe, expect, it } from 'vitest';
import { attributionsOf } from './test-support.js';

describe('passive by', () => {
  it('gives "X were told by Y that …" to Y', () => {
    expect(attributionsOf('They were told by the minister that the plant would close in March.')).toEqual([
      { type: 'indirect', content: 'the plant would close in March', cue: 'told by', source: 'the minister', speaker: null },
    ]);
  });

  it('does not read a passive action verb with "by" as a report', () => {
    expect(attributionsOf('The plant was closed by the company last week.')).toEqual([]);
  });
});
