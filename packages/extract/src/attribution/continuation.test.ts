import { describe, expect, it } from 'vitest';
import { extractFrom, speakerOf } from './test-support.js';

describe('lone quotation sentences', () => {
  it('a lone quotation sentence waits for the bare "Trump said." after it, not the previous paragraph', () => {
    const atts = extractFrom(
      'Carla Mendes said the emails were handled properly.',
      '“Russia, if you are listening, I hope you are able to find the emails.” Trump said.',
    );
    expect(speakerOf(atts, 'Russia, if you are listening')).toBe('Trump');
  });

  it('without a reporting clause after it, the quotation still continues the previous speaker', () => {
    const atts = extractFrom(
      'Carla Mendes said the emails were handled properly.',
      '“We kept every record we were asked to keep.”',
    );
    expect(speakerOf(atts, 'We kept every record')).toBe('Carla Mendes');
  });
});
