import { describe, expect, it } from 'vitest';
import { findQuotes, termKind } from './quote-marks.js';
import { extractFrom } from './test-support.js';

/** The term reading of the first quotation in a text. */
function kindOf(text: string): string | null {
  const q = findQuotes(text)[0];
  if (!q) throw new Error(`no quotation in ${text}`);
  return termKind(text, q);
}

describe('terms, nicknames and headings in quotes', () => {
  it('reads naming words before a quotation as a term', () => {
    expect(kindOf('The so-called “peace plan” was criticised.')).toBe('named');
    expect(kindOf('He never used the term "three amigos" himself.')).toBe('named');
    expect(kindOf('They were known as the "Three Amigos."')).toBe('named');
    expect(kindOf('She had dubbed his role in the talks as "the Gordon problem."')).toBe('named');
    expect(kindOf('the agency behind the campaign “Starts with one.”')).toBe('named');
  });

  it('reads a quotation inside a name as a nickname, a lone short quoted line as a heading', () => {
    expect(kindOf('Dwayne “The Rock” Johnson arrived.')).toBe('nickname');
    expect(kindOf('The council met.\n6. “The Gordon problem”\nMorrison testified.')).toBe('heading');
    expect(kindOf('The council met.\n“Absolutely not.”\nMorrison testified.')).toBeNull();
  });

  it('reads a one- or two-word quotation between a determiner and a noun as a modifier candidate', () => {
    expect(kindOf('They formed an outside or "irregular" channel of policy.')).toBe('modifier');
    expect(kindOf('He said the “deal” was bad.')).toBeNull();
  });

  it('leaves quoted words alone: a subject "the words", a long quotation, a quoted clause', () => {
    expect(kindOf('Obama said the words “lump” the good Muslims with the bad.')).toBeNull();
    expect(kindOf('The so-called “plan to end the war within a single day” was read out.')).toBeNull();
    expect(kindOf('She said it was “a disaster”.')).toBeNull();
  });
});

describe('records of terms', () => {
  it('keeps reported speech about a term as indirect, not a quotation', () => {
    const atts = extractFrom('Volker said he never used the term "three amigos" in any meeting.');
    const a = atts.find((x) => x.content.text.includes('three amigos'));
    expect(a?.type).toBe('indirect');
    expect(a?.speaker.name).toBe('Volker');
  });

  it('keeps a short quotation with its cue and speaker as a mixed quotation', () => {
    const atts = extractFrom('Smith called it a “reckless” move by the council.', 'The mayor said the deal was “great”.');
    expect(atts.find((x) => x.content.text.includes('reckless'))?.type).toBe('mixed');
    expect(atts.find((x) => x.content.text.includes('great'))?.type).toBe('mixed');
  });

  it('takes a scare-quoted modifier far from the cue for the writer’s word', () => {
    const atts = extractFrom(
      'Volker disputed the notion that he had been a participant in what has been portrayed as an outside or "irregular" channel of Ukraine policy.',
    );
    expect(atts.filter((x) => x.type !== 'indirect')).toEqual([]);
  });

  it('does not report a numbered heading in quotes as a quotation', () => {
    const atts = extractFrom(
      '“I frankly cringe when I hear it,” Volker said.',
      '6. "The Gordon problem"',
      'Morrison testified that he did not always follow suggestions from Sondland.',
    );
    expect(atts.map((x) => x.content.text)).not.toContain('The Gordon problem');
  });

  it('reads a chanted slogan as reported, not quoted', () => {
    const atts = extractFrom('Teachers chanted, “Fund our schools,” as they marched past the Statehouse.');
    expect(atts.filter((x) => x.type !== 'indirect')).toEqual([]);
  });
});

describe('heading bounds', () => {
  it('needs the quotation to fill its line', () => {
    expect(kindOf('The council met and then\n“The Gordon problem” was raised again.')).toBeNull();
    expect(kindOf('It was, in his words,\n“the Gordon problem”')).toBe('heading');
    expect(kindOf('“The Gordon problem”')).toBe('heading');
    expect(kindOf('In a long opening line he raised “The Gordon problem”')).toBeNull();
  });
});
