import { describe, expect, it } from 'vitest';
import { extractAttributions } from './index.js';
import { extractFrom, speakerOf } from './test-support.js';

describe('credit lines under a pull quote', () => {
  it('credits a lone quotation to the name on the line under it, not to the previous speaker', () => {
    const atts = extractFrom(
      'Senator Ida Moss said the harbour tunnel would open next year.',
      '“I would ride the tunnel on the first day, if it ever opened. The queues would be something to see.”',
      'Tom Reyes, director of the Harbour Transport Institute.',
    );
    expect(speakerOf(atts, 'ride the tunnel')).toBe('Tom Reyes');
    expect(atts.find((a) => a.content.text.includes('ride the tunnel'))?.source?.text).toBe('Tom Reyes');
  });

  it('keeps a sentence that reports speech under the quotation for its own frame ("X, a voter, said …")', () => {
    const atts = extractFrom(
      'Senator Ida Moss said the harbour tunnel would open next year.',
      '“We have waited long enough for this tunnel to open.”',
      'Tom Reyes, a ferry captain, said the ferries would keep running anyway.',
    );
    expect(speakerOf(atts, 'waited long enough')).toBe('Ida Moss');
    expect(speakerOf(atts, 'ferries would keep running')).toBe('Tom Reyes');
  });

  it('needs the credit line alone in its paragraph', () => {
    const atts = extractFrom(
      'Senator Ida Moss said the harbour tunnel would open next year.',
      '“We have waited long enough for this tunnel to open.”',
      'Tom Reyes, the ferry captain. He has run the crossing for years.',
    );
    expect(speakerOf(atts, 'waited long enough')).toBe('Ida Moss');
  });

  it('credits a lone quotation to a signature line under it ("- Hillary Clinton."), as fact-check columns print them', () => {
    const atts = extractFrom(
      'Some Democratic lawmakers thought the tunnel would not go far enough.',
      '“I will look into it. I don’t know the status, but I will certainly look into it.”',
      '- Ida Moss.',
      'Moss has certainly been looking into it a long time.',
    );
    expect(speakerOf(atts, 'certainly look into it')).toBe('Ida Moss');
  });

  it('reads a signature line with a surname alone as the person the article named before', () => {
    const atts = extractFrom(
      'Senator Ida Moss said the harbour tunnel would open next year.',
      'Tom Reyes said the ferries would keep running.',
      '“We have waited long enough for this tunnel to open. It will change the city.”',
      '— Moss.',
    );
    expect(speakerOf(atts, 'waited long enough')).toBe('Ida Moss');
  });

  it('finds the credit line across the blank lines of a plain-text file', () => {
    const text = [
      'Senator Ida Moss said the harbour tunnel would open next year.',
      '“I would ride the tunnel on the first day, if it ever opened. The queues would be something to see.”',
      'Tom Reyes, director of the Harbour Transport Institute.',
    ].join('\n\n');
    const atts = extractAttributions({ text, paragraphs: text.split('\n') });
    expect(speakerOf(atts, 'ride the tunnel')).toBe('Tom Reyes');
  });

  it('reads no credit line under a quotation that ends its speaker’s paragraph, nor a sentence that goes on after the name', () => {
    const atts = extractFrom(
      '“We can win on Tuesday,” said Ida Moss as she closed out. “Where is my campaign manager? Where are you?”',
      'Tom Reyes, a bearded veteran of the harbour campaign, waved his hand.',
      '“The tunnel is a gift to the city. It will open on time.”',
      'Ann Lee, the radio host, has even likened Moss to a pharaoh.',
    );
    expect(speakerOf(atts, 'Where are you')).toBe('Ida Moss');
    expect(speakerOf(atts, 'gift to the city')).not.toBe('Ann Lee');
    // A line that is a credit line in form still credits nothing above a quotation that ends a paragraph.
    const after = extractFrom(
      '“We can win on Tuesday,” said Ida Moss as she closed out. “Where is my campaign manager? Where are you?”',
      'Tom Reyes, a ferry captain.',
    );
    expect(speakerOf(after, 'Where are you')).toBe('Ida Moss');
  });
});
