import { describe, expect, it } from 'vitest';
import { attributionsOf } from '../frames/test-support.js';

describe('a comma-opened clause is no appositive', () => {
  it('"…with the unions, and the talks stalled after that, said one union source" gives the source', () => {
    const atts = attributionsOf(
      'The offer did not sit well with the unions, and the talks stalled after that, said one union source in the room.',
    );
    expect(atts).toMatchObject([{ cue: 'said', source: 'one union source' }]);
    expect(atts[0]?.content).toContain('The offer did not sit well with the unions');
  });

  it('keeps a coordinated subject between dashes ("Farmers — and some grocers — say")', () => {
    expect(attributionsOf('Farmers — and some grocers — say the new tariff will raise prices.')).toMatchObject([
      { cue: 'say', content: 'the new tariff will raise prices' },
    ]);
  });

  it('keeps an aside as an appositive ("Ms. Lund, though, said")', () => {
    expect(attributionsOf('Ms. Lund, though, said the ferry would keep running.')).toMatchObject([
      { cue: 'said', source: 'Ms. Lund', content: 'the ferry would keep running' },
    ]);
  });
});
