import { describe, expect, it } from 'vitest';
import { attributionsOf } from './test-support.js';

describe('title-case headlines', () => {
  it('reads "X Says …" in a headline', () => {
    expect(attributionsOf('Mayor Ruiz Says The Tram Line Will Open In June')).toMatchObject([
      { cue: 'Says', source: 'Mayor Ruiz', content: 'The Tram Line Will Open In June' },
    ]);
  });

  it('reads "…, X Says." closing a headline', () => {
    expect(attributionsOf('Tram Line Will Open In June, Transport Minister Says.')).toMatchObject([
      { cue: 'Says', source: 'Transport Minister', content: 'Tram Line Will Open In June' },
    ]);
  });

  it('does not read a capitalised "Says" in an ordinary sentence', () => {
    expect(attributionsOf('The band Says Yes played at the fair on Sunday night in the park.')).toEqual([]);
  });
});
