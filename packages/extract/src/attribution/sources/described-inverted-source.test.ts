import { describe, expect, it } from 'vitest';
import { attributionsOf } from '../frames/test-support.js';

describe('a described source after its cue', () => {
  it('reads "said one undecided Ohio county chairman" and "said the 52-year-old"', () => {
    expect(attributionsOf('“We are not there yet,” said one undecided Ohio county chairman.')).toMatchObject([
      { type: 'direct', source: 'one undecided Ohio county chairman' },
    ]);
    expect(attributionsOf('“We are not there yet,” said the 52-year-old.')).toMatchObject([
      { type: 'direct', source: 'the 52-year-old' },
    ]);
  });

  it('keeps "familiar with …" in the source and stops at the relative clause', () => {
    expect(
      attributionsOf('“We are not there yet,” said one delegate familiar with the talks, who asked not to be named.'),
    ).toMatchObject([{ type: 'direct', source: 'one delegate familiar with the talks' }]);
  });

  it('reads "said one owner of a shop …" right after a quotation, not a verb\'s object after a clause', () => {
    expect(
      attributionsOf('“We realized it was all lies,” said one owner of a shop that sells shoes who declined to be named.'),
    ).toMatchObject([{ type: 'direct', source: 'one owner', content: 'We realized it was all lies' }]);
    const object = attributionsOf('Kiedis said his collaborator, Danger Mouse, wrote a host of new songs for the album.');
    expect(object.some((a) => a.source === 'a host')).toBe(false);
  });
});
