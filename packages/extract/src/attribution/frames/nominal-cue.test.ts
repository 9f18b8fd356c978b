import { describe, expect, it } from 'vitest';
import { attributionsOf } from './test-support.js';

describe('nominal cue', () => {
  it('reads a possessive name before a noun cue and "that" as a stance attribution', () => {
    const [a] = attributionsOf("Trump's claim that the election was rigged has been rejected by the courts.");
    expect(a).toMatchObject({ type: 'indirect', cue: 'claim', source: "Trump's", speaker: 'Trump' });
  });

  it('reads a possessive pronoun before a noun cue and "for"', () => {
    const [a] = attributionsOf('Her call for a ceasefire went unanswered by both sides.');
    expect(a).toMatchObject({ cue: 'call', source: 'Her' });
    expect(a?.content.startsWith('a ceasefire')).toBe(true);
  });

  it('does not read a noun cue after an article', () => {
    expect(attributionsOf('The claim that the election was rigged has been rejected.').filter((a) => a.cue === 'claim')).toEqual(
      [],
    );
  });
});
