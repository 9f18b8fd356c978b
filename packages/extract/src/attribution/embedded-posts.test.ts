import { describe, expect, it } from 'vitest';
import { extractFrom, speakerOf } from './test-support.js';

describe('embedded social posts', () => {
  it('credits a post to the name on its embed credit line, without the links the embed leaves', () => {
    const atts = extractFrom(
      'A truck plowed into a crowd in Nice on Thursday night.',
      'Another horrific attack, this time in Nice, France. Many dead and injured. https://t.co/AbC123 pic.twitter.com/xyz',
      '— Donald J. Trump (@realDonaldTrump) July 14, 2016',
      'Officials said the driver was shot.',
    );
    const post = atts.find((a) => a.content.text.startsWith('Another horrific attack'));
    expect(post?.type).toBe('direct');
    expect(post?.content.text).toBe('Another horrific attack, this time in Nice, France. Many dead and injured.');
    expect(post?.source?.text).toBe('Donald J. Trump');
    expect(speakerOf(atts, 'Many dead and injured')).toBe('Donald J. Trump');
    // in text order among the others
    expect(atts.map((a) => a.content.start)).toEqual([...atts.map((a) => a.content.start)].sort((x, y) => x - y));
  });

  it('drops links and handles glued to the last word or to each other', () => {
    const atts = extractFrom(
      'Three were replaced.https://t.co/hcKsDsaEMc@JessKane11 @Jpasch101 @ThomasWictor',
      '— Tzippy Yarom (@TzippyYarom) December 24, 2016',
    );
    expect(atts[0]?.content.text).toBe('Three were replaced.');
    const glued = extractFrom(`We stand with them ${'https://t.co/a'.repeat(200)}`, '— Ana Ruiz (@ana_ruiz) 3 January 2020');
    expect(glued[0]?.content.text).toBe('We stand with them');
  });

  it('reads a day-first date and drops the symbols a display name ends with', () => {
    const atts = extractFrom('We will keep the bridge open all winter.', '— Ana Ruiz 🌉 (@ana_ruiz) 3 January 2020');
    expect(speakerOf(atts, 'keep the bridge open')).toBe('Ana Ruiz');
  });

  it('leaves a post of links or symbols alone, and a paragraph with no credit line', () => {
    expect(extractFrom('⬇️⬇️⬇️https://t.co/hopPjqa95w', '— Kristi Noem (@KristiNoem) November 18, 2019')).toEqual([]);
    expect(extractFrom('We will keep the bridge open all winter.', '— Ana Ruiz, mayor')).toEqual([]);
  });

  it('does not credit a quotation twice when the paragraph already has its own frame', () => {
    const atts = extractFrom('“We will keep the bridge open,” the mayor said.', '— Ana Ruiz (@ana_ruiz) January 3, 2020');
    expect(atts).toHaveLength(1);
    expect(atts[0]?.cue?.text).toBe('said');
  });

  it('credits every paragraph of a post of several, and the author’s own "I" inside it', () => {
    const atts = extractFrom(
      'The chief minister turned to Twitter to describe his city as a “gas chamber.”',
      'Delhi has turned into a gas chamber due to smoke from crop burning in neighbouring states',
      'Through schools, we have started distributing 50 lakh masks today',
      'I urge all Delhiites to use them whenever needed pic.twitter.com/MYwRz9euaq',
      '— Arvind Kejriwal (@ArvindKejriwal) November 1, 2019',
    );
    expect(speakerOf(atts, 'gas chamber due to smoke')).toBe('Arvind Kejriwal');
    expect(speakerOf(atts, '50 lakh masks')).toBe('Arvind Kejriwal');
    expect(speakerOf(atts, 'I urge all Delhiites')).toBe('Arvind Kejriwal');
    // the article's lead-in, ending like prose, stays the article's
    expect(atts.some((a) => a.content.text.startsWith('The chief minister') && a.cue?.text === '—')).toBe(false);
  });
});
