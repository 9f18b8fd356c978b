import { describe, expect, it } from 'vitest';
import { attributionsOf } from '../frames/test-support.js';

describe('a described source after its cue', () => {
  it('reads "said one undecided Ohio county chairman" and "said the 52-year-old"', () => {
    expect(attributionsOf('“We are not there yet,” said one undecided Ohio county chairman.')).toMatchObject([
      { type: 'direct', source: 'one undecided Ohio county chairman' },
    ]);
    expect(attributionsOf('“We are not there yet,” said the 52-year-old.')).toMatchObject([
      { type: 'direct', source: 'the 52-year-old' },
    ]);
  });

  it('keeps "familiar with …" in the source and stops at the relative clause', () => {
    expect(
      attributionsOf('“We are not there yet,” said one delegate familiar with the talks, who asked not to be named.'),
    ).toMatchObject([{ type: 'direct', source: 'one delegate familiar with the talks' }]);
  });
});
