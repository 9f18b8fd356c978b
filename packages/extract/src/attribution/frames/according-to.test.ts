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

  it('gives only the parenthesis to an "according to X" inside it', () => {
    expect(
      attributionsOf(
        'The mayor repeated his claim that ferries carry 9 million riders (the actual number is closer to 2 million, according to the port authority).',
      ),
    ).toMatchObject([{ cue: 'according to', source: 'the port authority', content: 'the actual number is closer to 2 million' }]);
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

  it('takes a name set off after a description as the source ("According to his aunt, Jane Starner, “…”")', () => {
    expect(attributionsOf('According to his aunt, Jane Starner, “He was brilliant from the start.”')).toMatchObject([
      { type: 'direct', source: 'Jane Starner', content: 'He was brilliant from the start.' },
    ]);
    // a description alone stays the source
    expect(attributionsOf('According to his aunt, the plant will close.')).toMatchObject([
      { source: 'his aunt', content: 'the plant will close' },
    ]);
  });
});
