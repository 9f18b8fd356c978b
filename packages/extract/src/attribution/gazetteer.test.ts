import type { Attribution } from '@quotecheck/shared';
import { describe, expect, it } from 'vitest';
import { articleFromHtml } from '../article/index.js';
import { Gazetteer, namesIn } from './gazetteer.js';
import { extractAttributions } from './index.js';
import { extractFrom, speakerOf } from './test-support.js';

/** Filler paragraphs long enough for the page's body to be read as an article. */
const FILLER = [
  'The council met on Tuesday evening to discuss the new transport plan for the northern districts, which has been debated for more than two years.',
  'Residents filled the hall and many stood at the back, while others followed the meeting on a local radio station that broadcast it live.',
];

/** A news page: a headline, a figure with alt text and caption, optional JSON-LD, and body paragraphs. */
function page(o: { headline: string; alt?: string; caption?: string; jsonLd?: object; body: string[] }): string {
  const ld = o.jsonLd ? `<script type="application/ld+json">${JSON.stringify(o.jsonLd)}</script>` : '';
  return `<!doctype html><html><head><title>${o.headline}</title>${ld}</head><body><article>
<h1>${o.headline}</h1>
<figure><img src="a.jpg" alt="${o.alt ?? ''}"><figcaption>${o.caption ?? ''}</figcaption></figure>
${[...FILLER, ...o.body].map((p) => `<p>${p}</p>`).join('\n')}
</article></body></html>`;
}

function attributionsOf(html: string): Attribution[] {
  return extractAttributions(articleFromHtml(html));
}

describe('page gazetteer', () => {
  it('completes a surname the body gives alone from the image caption', () => {
    const atts = attributionsOf(
      page({
        headline: 'Council backs transport plan',
        caption: 'Jane Okafor speaks to residents at the town hall on Tuesday. (AP Photo/Ted Warren)',
        body: ['Okafor said the plan was “a good start for the northern districts and for the whole city”.'],
      }),
    );
    expect(speakerOf(atts, 'a good start')).toBe('Jane Okafor');
  });

  it('completes a surname from the alt text, and a first name the body uses alone', () => {
    const atts = attributionsOf(
      page({
        headline: 'Council backs transport plan',
        alt: 'Councillor Priya Raman at the meeting',
        body: ['“We listened to every resident before we voted on it,” Priya said after the meeting had ended.'],
      }),
    );
    expect(speakerOf(atts, 'We listened')).toBe('Priya Raman');
  });

  it('resolves a surname misspelt by two letters to the one page name it is close to ("Jensen" → "Janzen")', () => {
    const atts = attributionsOf(
      page({
        headline: 'Mayor Mark Janzen defends the transport plan',
        body: ['Jensen said the scheme would “pay for itself within a decade of its opening”.'],
      }),
    );
    expect(speakerOf(atts, 'pay for itself')).toBe('Mark Janzen');
  });

  it('leaves a surname two page names share as it is', () => {
    const atts = attributionsOf(
      page({
        headline: 'Council backs transport plan',
        caption: 'Jane Smith and John Smith at the town hall',
        body: ['Smith said the plan was “a good start for the northern districts and for the whole city”.'],
      }),
    );
    expect(speakerOf(atts, 'a good start')).toBe('Smith');
  });

  it('takes "Mike" and "Michael R." Bloomberg outside the body for one man, the body’s "Bloomberg" and "he" for him', () => {
    const atts = attributionsOf(
      page({
        headline: 'Michael Bloomberg is having to answer questions about his past',
        alt: 'Presidential candidate Mike Bloomberg holds a rally',
        caption: 'Michael R. Bloomberg campaigns in Houston last week.',
        body: [
          '“It is a big risk for Bloomberg to debate,” said Paul Begala, a longtime adviser to the Clintons.',
          'Bloomberg has apologized for the policy, saying he failed at the time to see its impact on the city.',
          '“You can just take the description and pass it out to all the cops,” he said at the time.',
        ],
      }),
    );
    expect(speakerOf(atts, 'failed at the time')).toBe('Michael Bloomberg');
    expect(speakerOf(atts, 'take the description')).toBe('Michael Bloomberg');
    expect(new Gazetteer(['Bill Clinton and Hillary Clinton']).complete('Clinton')).toBeNull();
  });

  it('does not take the JSON-LD author or a photo credit for a person of the story', () => {
    const atts = attributionsOf(
      page({
        headline: 'Council backs transport plan',
        caption: 'The town hall on Tuesday. Photo by Rachel Lindqvist',
        jsonLd: {
          '@type': 'NewsArticle',
          headline: 'Council backs transport plan',
          author: { '@type': 'Person', name: 'Tom Baker' },
        },
        body: [
          'Baker said the plan was “a good start for the northern districts and for the whole city”.',
          'Lindqvist said it would “cost far more than anyone on the council has admitted so far”.',
        ],
      }),
    );
    expect(speakerOf(atts, 'a good start')).toBe('Baker');
    expect(speakerOf(atts, 'cost far more')).toBe('Lindqvist');
  });

  it('takes people the JSON-LD says the story is about', () => {
    const atts = attributionsOf(
      page({
        headline: 'Council backs transport plan',
        jsonLd: {
          '@type': 'NewsArticle',
          headline: 'Council backs transport plan',
          about: [{ '@type': 'Person', name: 'Anna Nowakowska' }],
        },
        body: ['Nowakowska said the plan was “a good start for the northern districts and for the whole city”.'],
      }),
    );
    expect(speakerOf(atts, 'a good start')).toBe('Anna Nowakowska');
  });
});

describe('names in page texts', () => {
  it('reads first name, initials, particles and surname, and skips articles and credits', () => {
    expect(
      namesIn('John F. Kennedy and Ursula von der Leyen, via Al Jazeera (AP Photo/Ted S. Warren)').map((n) => n.name),
    ).toEqual(['John F. Kennedy', 'Ursula von der Leyen']);
  });

  it('completes only unambiguous names', () => {
    const g = new Gazetteer(['Jane Smith met John Smith and Mark Janzen']);
    expect(g.complete('Smith')).toBeNull();
    expect(g.complete('Jane')?.name).toBe('Jane Smith');
    expect(g.nearest('Jensen')?.name).toBe('Mark Janzen');
    expect(g.nearest('Jan')).toBeNull();
  });
});

describe('misspelt surnames in the body', () => {
  it('resolves a surname misspelt by two letters when one person is that close', () => {
    const atts = extractFrom(
      'Mayor Mark Janzen said the plan was “a good start for the northern districts”.',
      'Jensen added that it would “pay for itself within a decade”.',
    );
    expect(speakerOf(atts, 'pay for itself')).toBe('Mark Janzen');
  });

  it('leaves a word the article writes more often than the name it is close to as its own name ("Pfizer" is not "Piper")', () => {
    const body = [
      'Pfizer gave money to the fund. Pfizer also lobbied the department.',
      'Pfizer said there was “absolutely no connection between the two”.',
      'Bernstein did not respond to questions emailed to DLA Piper, the law firm where he works.',
    ];
    expect(speakerOf(extractFrom(...body), 'absolutely no connection')).toBe('Pfizer');
    expect(speakerOf(attributionsOf(page({ headline: 'Drug maker and the fund', body })), 'absolutely no connection')).toBe(
      'Pfizer',
    );
  });
});
