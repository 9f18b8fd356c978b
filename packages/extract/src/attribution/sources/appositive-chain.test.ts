import type { Attribution } from '@quotecheck/shared';
import { describe, expect, it } from 'vitest';
import { extractAttributions } from '../index.js';

function speakerOf(text: string, words: string): string | null {
  const atts: Attribution[] = extractAttributions({ text, paragraphs: [text] });
  const a = atts.find((x) => x.content.text.includes(words));
  if (!a) throw new Error(`no attribution with "${words}" in ${JSON.stringify(atts.map((x) => x.content.text))}`);
  return a.speaker.name;
}

describe('appositive chains keep the person', () => {
  it('"A, a spokesperson for B, the …, told" gives A, not B', () => {
    expect(
      speakerOf(
        'Omar Lamrani, a senior military analyst at Stratfor, the Texas-based intelligence organization, told Business Insider that the group was “fairly secular by regional standards.”',
        'fairly secular',
      ),
    ).toBe('Omar Lamrani');
  });

  it('"A, president of B, a … agency, said" gives A', () => {
    expect(
      speakerOf(
        'Jeff Sanborn, president of Chapter & Verse, a Seattle design agency, said: “Let’s be provocative about it.”',
        'provocative',
      ),
    ).toBe('Jeff Sanborn');
  });

  it('still reads a single appositive ("X, a senator, said")', () => {
    expect(speakerOf('“We will vote no,” said Ann Peel, a senator from Iowa.', 'vote no')).toBe('Ann Peel');
    expect(speakerOf('Ann Peel, a senator from Iowa, said “we will vote no.”', 'vote no')).toBe('Ann Peel');
  });
});
