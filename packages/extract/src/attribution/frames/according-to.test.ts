import { describe, expect, it } from 'vitest';
import { attributionsOf } from './test-support.js';

describe('according to', () => {
  it('gives the clause before a trailing "according to X" to X', () => {
    expect(attributionsOf('The economy grew by three percent last year, according to the Commerce Department.')).toEqual([
      {
        type: 'indirect',
        content: 'The economy grew by three percent last year',
        cue: 'according to',
        source: 'the Commerce Department',
        speaker: 'Commerce Department',
      },
    ]);
  });

  it('gives the clause after an opening "According to X," to X', () => {
    const [a] = attributionsOf('According to a campaign aide, Clinton plans to visit Iowa next week.');
    expect(a).toMatchObject({ cue: 'According to', source: 'a campaign aide', content: 'Clinton plans to visit Iowa next week' });
  });

  it('gives a quotation before a trailing "according to X" to X, counting the quotation\'s words', () => {
    expect(attributionsOf('“It is illegal to harass a woman,” according to the agency.')).toMatchObject([
      { type: 'direct', cue: 'according to', source: 'the agency', content: 'It is illegal to harass a woman' },
    ]);
  });
});
