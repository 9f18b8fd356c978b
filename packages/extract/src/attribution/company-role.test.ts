import { describe, expect, it } from 'vitest';
import { extractFrom, speakerOf } from './test-support.js';

/** Neutral sentences that put a firm named early out of view. */
const FILLER = Array.from(
  { length: 24 },
  (_, i) => `The weather on day ${i + 1} of the inquiry was mild, and the hearing room stayed half empty all afternoon.`,
).join(' ');

describe('"the company" read back to a firm the article named', () => {
  it('takes the firm whose short name the article used last, named in full earlier', () => {
    const atts = extractFrom(
      'Trump said a contract with Boeing Co. to build two new planes would be too expensive.',
      `${FILLER} Boeing and Lockheed Corp were planning to move production of older fighter jets to India.`,
      'Boeing is in only the early stages of planning the replacement. The company said in a statement that it is “under contract for $170 million” to study the plane.',
    );
    expect(speakerOf(atts, 'under contract')).toBe('Boeing Co.');
  });

  it('names no firm when the only one with a firm’s word is out of view', () => {
    const atts = extractFrom(
      'Analysts at SITE Intelligence Group track extremist posts.',
      `${FILLER} Twitter suspended 125,000 accounts linked to terrorism. The company said there was “no magic algorithm” for finding them.`,
    );
    expect(speakerOf(atts, 'no magic algorithm')).not.toBe('SITE Intelligence Group');
  });
});
