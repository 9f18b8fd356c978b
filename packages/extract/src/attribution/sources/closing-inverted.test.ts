import { describe, expect, it } from 'vitest';
import { attributionsOf } from '../frames/test-support.js';

describe('"…, said X." closing the sentence', () => {
  it('credits X even when the clause before has appositive-looking commas', () => {
    const [a] = attributionsOf(
      'As the vote moves to Oslo, a city the party hoped to win easily, the count will be close, said Kari Dahl, a pollster at the Nordic Institute.',
    );
    expect(a).toMatchObject({ cue: 'said', source: 'Kari Dahl' });
    expect(a?.content).toContain('the count will be close');
  });

  it('still reads "X, a senator, said Y would …" with X as the source', () => {
    expect(attributionsOf('Ms. Dahl, a senator from Bergen, said the count would be close.')).toMatchObject([
      { cue: 'said', source: 'Ms. Dahl', content: 'the count would be close' },
    ]);
  });

  it('does not take the addressee of "told" or the object after an auxiliary as the source', () => {
    const told = attributionsOf('“We will win,” Dahl, 49, told The Oslo Post.');
    expect(told.some((a) => a.source === 'The Oslo Post')).toBe(false);
    const defended = attributionsOf('Mr. Berg, who owns a stake in the firm, has defended the company.');
    expect(defended.some((a) => a.source === 'the company')).toBe(false);
  });
});

describe('verbs whose object follows them', () => {
  it('never take the phrase after them as an inverted source', () => {
    const praised = attributionsOf('U.S. officials have, in fact, praised the Saudis for their help.');
    expect(praised.some((a) => a.source === 'the Saudis')).toBe(false);
    const called = attributionsOf('The program, called EB-5, gives visas to foreign investors.');
    expect(called.some((a) => a.source === 'EB-5')).toBe(false);
    const told = attributionsOf('“That is inevitable,” Joe Kasper, a senior aide, told POLITICO.');
    expect(told.some((a) => a.source === 'POLITICO')).toBe(false);
    const accused = attributionsOf('Democrats -- including Clinton -- quickly accused Trump of inciting violence.');
    expect(accused.some((a) => a.source === 'Trump')).toBe(false);
  });

  it('still read "…, asked X" and "…, added X" as inverted sources', () => {
    expect(attributionsOf('“Is she doing too much?” asked Robby Mook.')).toMatchObject([{ source: 'Robby Mook' }]);
    expect(attributionsOf('“It is a shame,” added Rep. Jim Clyburn.')).toMatchObject([{ source: 'Rep. Jim Clyburn' }]);
  });
});
