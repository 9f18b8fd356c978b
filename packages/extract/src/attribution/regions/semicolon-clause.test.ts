import { describe, expect, it } from 'vitest';
import { attributionsOf } from '../frames/test-support.js';

describe('a report after a semicolon', () => {
  it('keeps the clause after the semicolon as its own report, with its quotation', () => {
    expect(
      attributionsOf('The council said it would meet in January; one lawmaker called the plan “a waste of everyone’s time.”'),
    ).toMatchObject([
      { cue: 'said', source: 'The council', content: 'it would meet in January' },
      { cue: 'called', source: 'one lawmaker' },
    ]);
  });

  it('still ends the first content at the semicolon when nothing is reported after it', () => {
    expect(attributionsOf('The council said it would meet in January; the vote is in March.')).toMatchObject([
      { cue: 'said', content: 'it would meet in January' },
    ]);
  });
});
