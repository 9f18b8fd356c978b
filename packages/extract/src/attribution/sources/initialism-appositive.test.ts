import { describe, expect, it } from 'vitest';
import { attributionsOf } from '../frames/test-support.js';

describe('an initialism before a comma keeps its full stop', () => {
  it('reads "X, R-N.H., a candidate, said …" with X as the source', () => {
    expect(
      attributionsOf('Sen. Maggie Hassan, D-N.H., a first-term senator, said the bridge repairs would start in May.'),
    ).toMatchObject([{ cue: 'said', source: 'Sen. Maggie Hassan', content: 'the bridge repairs would start in May' }]);
  });

  it('walks over a party-state appositive to the person ("X, R-Texas, a senator, said")', () => {
    expect(
      attributionsOf('Sen. John Cornyn, R-Texas, a senior senator, said the bridge repairs would start in May.'),
    ).toMatchObject([{ cue: 'said', source: 'Sen. John Cornyn' }]);
  });

  it('still ends a sentence after "U.S." before a capitalised word', () => {
    const atts = attributionsOf('The talks moved to the U.S. He said the deal was close.');
    expect(atts).toMatchObject([{ cue: 'said', source: 'He', content: 'the deal was close' }]);
  });
});
