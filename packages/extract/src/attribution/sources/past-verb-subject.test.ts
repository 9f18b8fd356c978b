import { describe, expect, it } from 'vitest';
import { attributionsOf } from '../frames/test-support.js';

describe('a past-tense verb before its object ends the subject', () => {
  it('credits the verb subject for a participle after its object ("Trump unleashed tweets … saying")', () => {
    expect(
      attributionsOf('Trump unleashed a series of tweets early Friday saying that his rival had shown bad judgment.'),
    ).toMatchObject([{ cue: 'saying', source: 'Trump', content: 'his rival had shown bad judgment' }]);
  });

  it('reads no speaker phrase across the verb ("the campaign unveiled an endorsement list")', () => {
    const atts = attributionsOf('Last month, the campaign unveiled an endorsement list of 85 mayors from across the nation.');
    expect(atts.some((a) => /unveiled/.test(a.source ?? ''))).toBe(false);
  });

  it('keeps a participle that takes a preposition inside the description ("an official involved in the talks")', () => {
    expect(attributionsOf('An official involved in the talks said the deal was close.')).toMatchObject([
      { cue: 'said', source: 'An official involved in the talks', content: 'the deal was close' },
    ]);
  });
});
