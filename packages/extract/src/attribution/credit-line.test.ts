import { describe, expect, it } from 'vitest';
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
});
