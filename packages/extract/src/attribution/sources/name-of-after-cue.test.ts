import { describe, expect, it } from 'vitest';
import { attributionsOf } from '../frames/test-support.js';

describe('"said <Name> of …"', () => {
  it('credits the name when "of the …" qualifies it', () => {
    expect(attributionsOf('“The harbour is full,” said Ingrid Solberg of the Bergen port authority.')).toMatchObject([
      { type: 'direct', cue: 'said', source: 'Ingrid Solberg', content: 'The harbour is full' },
    ]);
  });

  it('gives no source "one" in "said one of the organizers"', () => {
    const atts = attributionsOf('“The harbour is full,” said one of the organizers.');
    expect(atts.some((a) => a.source === 'one')).toBe(false);
  });
});
