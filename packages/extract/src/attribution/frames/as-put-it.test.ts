import { describe, expect, it } from 'vitest';
import { attributionsOf } from './test-support.js';

describe('as X put it', () => {
  it('takes the quotation after "as X put it," (past a short phrase)', () => {
    expect(
      attributionsOf('He has not escaped being seen, as The Courier put it in a long profile, “the operator.”'),
    ).toMatchObject([{ type: 'direct', content: 'the operator.', cue: 'put it', source: 'The Courier' }]);
  });

  it('takes the clause before "…, as X put it."', () => {
    expect(
      attributionsOf('The main test for the program is a "lawful source of income," as a Treasury memo put it.'),
    ).toMatchObject([
      { type: 'mixed', content: 'The main test for the program is a "lawful source of income,"', source: 'a Treasury memo' },
    ]);
  });

  it('reads past a description of the source, a title closing it, and a colon after "put it"', () => {
    expect(
      attributionsOf(
        "As Ada Quell, professor of law at Yale and author of ''The Quiet Charter,'' put it, ''A compromise today may be far better.''",
      ),
    ).toMatchObject([{ type: 'direct', content: 'A compromise today may be far better.', source: 'Ada Quell' }]);
    expect(
      attributionsOf('As Tom Ridge, a former secretary of homeland security, put it: “We are not going to do that.”'),
    ).toMatchObject([{ type: 'direct', content: 'We are not going to do that.', source: 'Tom Ridge' }]);
  });

  it('takes the clause after a sentence-opening "As X put it,"', () => {
    expect(attributionsOf('As Carla Mendes put it, the plan is dead.')).toMatchObject([
      { type: 'indirect', content: 'the plan is dead', source: 'Carla Mendes' },
    ]);
  });

  it('takes the clause after a sentence-opening "As X said," or "As X has pointed out,"', () => {
    expect(
      attributionsOf('As House Speaker Paul Ryan (R-Wis.) has pointed out, that’s the “textbook definition” of racism.'),
    ).toMatchObject([
      { type: 'mixed', content: 'that’s the “textbook definition” of racism', source: 'House Speaker Paul Ryan' },
    ]);
    expect(attributionsOf('As the paper noted, the canal is older than the city.')).toMatchObject([
      { type: 'indirect', content: 'the canal is older than the city', source: 'the paper' },
    ]);
  });

  it('leaves a time, a comparison or a rule in an as-clause alone', () => {
    expect(attributionsOf('As Blumenthal spoke, the lobby was whipping votes.')).toEqual([]);
    expect(attributionsOf('As a general rule, students repay loans in ten years.')).toEqual([]);
    expect(attributionsOf('The cuts would not yield as much money as he promised.')).toEqual([]);
  });

  it('leaves "as" that is not such a credit alone', () => {
    expect(attributionsOf('The bill passed as the senators put it to a vote.')).toEqual([]);
    expect(attributionsOf('She served as mayor for ten years.')).toEqual([]);
  });
});
