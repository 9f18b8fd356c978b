import { describe, expect, it } from 'vitest';
import { attributionsOf } from '../frames/test-support.js';

describe('the outermost reporting frame wins', () => {
  it('gives "X plans …, according to Y" to Y, with X’s clause as the content', () => {
    expect(attributionsOf('Clinton plans to visit Charlotte on Sunday, according to a campaign aide.')).toMatchObject([
      { cue: 'according to', source: 'a campaign aide', content: 'Clinton plans to visit Charlotte on Sunday' },
    ]);
  });

  it('gives "X felt …, said Y" to Y', () => {
    expect(
      attributionsOf('State officials felt comfortable with the arrangement because lenders would pay, said Mr. Barrett.'),
    ).toMatchObject([{ cue: 'said', source: 'Mr. Barrett' }]);
  });

  it('keeps a quotation before a closing frame its own speaker’s', () => {
    const atts = attributionsOf('Smith said the plan was “dead on arrival,” according to two aides.');
    expect(atts.some((a) => a.source === 'Smith')).toBe(true);
  });
});
