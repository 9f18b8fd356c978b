import { describe, expect, it } from 'vitest';
import { attributionsOf } from '../frames/test-support.js';

describe('a capitalised description headed by a role noun is an appositive', () => {
  it('reads "X, Nevada director for Y, said …" with X as the source', () => {
    expect(
      attributionsOf('Lena Moss, Nevada director for the Sierra campaign, said the office would stay open all night.'),
    ).toMatchObject([{ cue: 'said', source: 'Lena Moss', content: 'the office would stay open all night' }]);
  });

  it('does not read a list ending in a role noun as a description of the first name', () => {
    const atts = attributionsOf('Moss, Ortega and other organizers said the office would stay open all night.');
    expect(atts.some((a) => a.source === 'Moss')).toBe(false);
  });
});
