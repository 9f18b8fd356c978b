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

  it('reads past a time word or adjective between the possessive and the noun, before "that" only', () => {
    const atts = attributionsOf(
      'The union cooled on Carla Mendes after her March comment that, "We are going to put a lot of mills out of business."',
    ).filter((a) => a.cue === 'comment');
    expect(atts).toMatchObject([{ type: 'mixed', source: 'her', speaker: 'Carla Mendes' }]);
    expect(atts[0]?.content).toContain('put a lot of mills out of business');
    expect(attributionsOf('Carla Mendes stood by her infamous remark that the plan was a fraud.')).toMatchObject([
      { cue: 'remark', source: 'her', speaker: 'Carla Mendes', content: 'the plan was a fraud' },
    ]);
    // without "that" a modified noun is only a noun ("her March comment on the plan")
    expect(attributionsOf('Carla Mendes stood by her March comment on the plan.').filter((a) => a.cue === 'comment')).toEqual([]);
  });

  it('reads past a day between the noun and its "that" ("his comment Monday that …"), and only before "that"', () => {
    expect(attributionsOf('Carla Mendes stood by her comment Monday that the plan was a fraud.')).toMatchObject([
      { cue: 'comment', source: 'her', speaker: 'Carla Mendes', content: 'the plan was a fraud' },
    ]);
    expect(attributionsOf('Carla Mendes stood by her comment Monday on the plan.').filter((a) => a.cue === 'comment')).toEqual(
      [],
    );
  });

  it('reads a possessive in -s written with a bare apostrophe ("Mendes\' call for …")', () => {
    expect(attributionsOf("Hundreds of people signed up after Carla Mendes' call for a new harbour tunnel.")).toMatchObject([
      { cue: 'call', source: 'Mendes', speaker: 'Carla Mendes', content: 'a new harbour tunnel' },
    ]);
  });

  it('does not read the noun after such a possessive as a verb ("Mendes\' plan would …, Ida Moss declared")', () => {
    expect(
      attributionsOf('Carla Mendes\' plan would "end the ferry as we know it," Ida Moss declared on Thursday.'),
    ).toMatchObject([{ cue: 'declared', source: 'Ida Moss', speaker: 'Ida Moss' }]);
  });
});
