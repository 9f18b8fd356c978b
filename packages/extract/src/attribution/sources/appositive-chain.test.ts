import { describe, expect, it } from 'vitest';
import { extractFrom, speakerOf } from '../test-support.js';

/** The speaker credited with `words` in a one-paragraph text. */
function speakerIn(text: string, words: string): string | null {
  return speakerOf(extractFrom(text), words);
}

describe('appositive chains keep the person', () => {
  it('walks over a state after a city inside the appositive ("in Greenbelt, Maryland, and …"), and reads "lead author"', () => {
    expect(
      speakerIn(
        '“Liquid water is hard to find beyond Earth,” study lead author Lucas Paganini, a scientist at NASA’s Goddard Space Flight Center in Greenbelt, Maryland, and American University in Washington, D.C., said in a statement.',
        'Liquid water',
      ),
    ).toBe('Lucas Paganini');
    expect(speakerIn('“Ice is easy to find,” lead author Lucas Paganini said.', 'Ice is easy')).toBe('Lucas Paganini');
  });

  it('"The leader of Ennahda, Rachid Ghannouchi, said" gives the name after a description that ends in a name', () => {
    const atts = extractFrom(
      'The leader of Ennahda, Rachid Ghannouchi, condemned the attack, saying it “will not break our will.”',
      'The head of Canalco, Dana Reyes, said the locks were “safe for another decade.”',
    );
    expect(speakerOf(atts, 'will not break')).toBe('Rachid Ghannouchi');
    expect(speakerOf(atts, 'safe for another')).toBe('Dana Reyes');
  });

  it('"A, a spokesperson for B, the …, told" gives A, not B', () => {
    expect(
      speakerIn(
        'Omar Lamrani, a senior military analyst at Stratfor, the Texas-based intelligence organization, told Business Insider that the group was “fairly secular by regional standards.”',
        'fairly secular',
      ),
    ).toBe('Omar Lamrani');
  });

  it('"A, president of B, a … agency, said" gives A', () => {
    expect(
      speakerIn(
        'Jeff Sanborn, president of Chapter & Verse, a Seattle design agency, said: “Let’s be provocative about it.”',
        'provocative',
      ),
    ).toBe('Jeff Sanborn');
  });

  it('"A, a spokesperson for B, the …, told" gives A when the description itself opens the chain', () => {
    expect(
      speakerIn(
        'Cmdr. Jo Rand, a spokesperson for Inherent Resolve, the U.S. military operation in Syria, told reporters that the claim “is patently false.”',
        'patently false',
      ),
    ).toBe('Cmdr. Jo Rand');
  });

  it('"Another delegate on the slate, Jim Poolman, said" and "A delegate, Jim Poolman of Fargo, said" give the name', () => {
    const atts = extractFrom(
      'Another delegate on the Cruz slate, Jim Poolman, said he was only “leaning Cruz.”',
      'A delegate, Ann Lutz of Fargo, said she was “still undecided.”',
      'One insurer, Blue Ridge Health, said it would “leave the exchanges.”',
    );
    expect(speakerOf(atts, 'leaning Cruz')).toBe('Jim Poolman');
    expect(speakerOf(atts, 'still undecided')).toBe('Ann Lutz');
    expect(speakerOf(atts, 'leave the exchanges')).toBe('Blue Ridge Health');
  });

  it('"VFI Chief Executive, Padraig Cribben, said" gives the name after a capitalised title', () => {
    const atts = extractFrom('VFI Chief Executive, Padraig Cribben, said: “It is impossible to overstate the impact.”');
    expect(speakerOf(atts, 'impossible to overstate')).toBe('Padraig Cribben');
  });

  it('keeps "Tanaiste" and "Taoiseach" out of the name', () => {
    const atts = extractFrom('Tanaiste Leo Varadkar said that the team had “no answers”.');
    expect(speakerOf(atts, 'no answers')).toBe('Leo Varadkar');
  });

  it('still reads a single appositive ("X, a senator, said")', () => {
    expect(speakerIn('“We will vote no,” said Ann Peel, a senator from Iowa.', 'vote no')).toBe('Ann Peel');
    expect(speakerIn('Ann Peel, a senator from Iowa, said “we will vote no.”', 'vote no')).toBe('Ann Peel');
  });
});
