import { describe, expect, it } from 'vitest';
import { attributionsOf } from './test-support.js';

describe('sentence ends after an initialism, and "at least" opening forward content', () => {
  it('ends a sentence at "U.S." when the next word opens a sentence', () => {
    const out = attributionsOf(
      'Cox says Obama is trying to distract from attacks in the U.S. He says Americans need no lectures.',
    );
    expect(out).toMatchObject([
      { type: 'indirect', cue: 'says', source: 'Cox', content: 'Obama is trying to distract from attacks in the U.S' },
      { type: 'indirect', cue: 'says', source: 'He', content: 'Americans need no lectures' },
    ]);
  });

  it('ends a sentence at "Neb." when a quotation opening on a capital follows, not before one in lower case', () => {
    expect(
      attributionsOf('“The market wants zero rates,” Hoenig said in a speech in Lincoln, Neb. “They are earning free money.”'),
    ).toMatchObject([
      { type: 'direct', source: 'Hoenig', content: 'The market wants zero rates' },
      { type: 'direct', source: 'Hoenig', content: 'They are earning free money.' },
    ]);
    expect(attributionsOf('Cox said the U.S. “has no plan” for the talks.')).toMatchObject([
      { type: 'mixed', source: 'Cox', content: 'the U.S. “has no plan” for the talks' },
    ]);
  });

  it('keeps "U.S. Senate" in one sentence', () => {
    expect(attributionsOf('Cox says the U.S. Senate will vote.')).toMatchObject([{ content: 'the U.S. Senate will vote' }]);
  });

  it('reads "at least …" after a cue as the content, not an adverbial', () => {
    expect(attributionsOf('On Friday, CNN reported at least six planes filled the skies.')).toMatchObject([
      { cue: 'reported', source: 'CNN', content: 'at least six planes filled the skies' },
    ]);
  });
});
