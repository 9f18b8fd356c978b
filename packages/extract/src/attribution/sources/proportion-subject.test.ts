import { describe, expect, it } from 'vitest';
import { attributionsOf } from '../frames/test-support.js';

describe('a proportion as the subject', () => {
  it('reads "Three in four said …" with the proportion as the source', () => {
    expect(attributionsOf('Three in four said the ferry fares were too high.')).toMatchObject([
      { cue: 'said', source: 'Three in four', content: 'the ferry fares were too high' },
    ]);
  });

  it('takes a hedge and reads a proportion after "and"', () => {
    const atts = attributionsOf('Most riders were content, and roughly two of five said the buses ran late.');
    expect(atts).toMatchObject([{ cue: 'said', source: 'roughly two of five', content: 'the buses ran late' }]);
  });

  it('does not take a proportion inside a clause as a subject', () => {
    expect(attributionsOf('She won two in three counties said nothing.').filter((a) => a.source === 'two in three')).toEqual([]);
  });
});
