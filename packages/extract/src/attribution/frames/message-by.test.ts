import { describe, expect, it } from 'vitest';
import { overParagraphs } from './test-support.js';

const WORDS = '“African-American youth is an example: 59 percent unemployment rate.”';

describe('message by', () => {
  it('credits the quotation opening the next paragraph to the author of "this statement by X on DATE:"', () => {
    expect(overParagraphs('The bias shows in how the website rated this statement by Donald Trump on June 11:', WORDS)).toEqual([
      { speaker: 'Donald Trump', cue: 'statement by', content: WORDS.slice(1, -1) },
    ]);
    expect(
      overParagraphs('Here is the full statement from Senator Elizabeth Warren:', '“We will keep fighting.”')[0],
    ).toMatchObject({
      speaker: 'Elizabeth Warren',
      content: 'We will keep fighting.',
    });
  });

  it('reads nothing when the colon does not close the paragraph, the author is a pronoun, or more than a time follows', () => {
    const cued = (xs: { cue: string | null }[]) => xs.filter((a) => a.cue?.startsWith('statement'));
    expect(cued(overParagraphs('The website rated this statement by Donald Trump on June 11.', WORDS))).toEqual([]);
    expect(cued(overParagraphs('The website rated this statement by him:', WORDS))).toEqual([]);
    expect(cued(overParagraphs('The website rated this statement by Donald Trump about the jobless figures:', WORDS))).toEqual(
      [],
    );
    expect(cued(overParagraphs('The website rated a statement by Donald Trump:', WORDS))).toEqual([]);
  });
});
