import { describe, expect, it } from 'vitest';
import { attributionsOf } from './test-support.js';

describe('a time adjunct between the subject and its cue', () => {
  it('reads "X last week said …"', () => {
    expect(attributionsOf('Mayor Ana Ruiz last week said the tram line would open in June.')).toMatchObject([
      { cue: 'said', source: 'Mayor Ana Ruiz', content: 'the tram line would open in June' },
    ]);
  });

  it('reads "X on Monday night said …" and "X Tuesday said …"', () => {
    expect(attributionsOf('Ruiz on Monday night said the tram line would open in June.')).toMatchObject([
      { cue: 'said', source: 'Ruiz' },
    ]);
    expect(attributionsOf('Ruiz Tuesday said the tram line would open in June.')).toMatchObject([
      { cue: 'said', source: 'Ruiz' },
    ]);
  });

  it('does not skip a bare "week" or "year" that is the subject', () => {
    expect(attributionsOf('The week said little about the tram line.').some((a) => a.source === 'The')).toBe(false);
  });
});
