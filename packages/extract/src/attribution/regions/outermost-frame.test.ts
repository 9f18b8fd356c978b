import { describe, expect, it } from 'vitest';
import { attributionsOf } from '../frames/test-support.js';

describe('the outermost reporting frame wins', () => {
  it('gives "X plans …, according to Y" to Y, with X’s clause as the content', () => {
    expect(attributionsOf('Clinton plans to visit Charlotte on Sunday, according to a campaign aide.')).toMatchObject([
      { cue: 'according to', source: 'a campaign aide', content: 'Clinton plans to visit Charlotte on Sunday' },
    ]);
  });

  it('gives "X felt …, said Y" to Y', () => {
    expect(
      attributionsOf('State officials felt comfortable with the arrangement because lenders would pay, said Mr. Barrett.'),
    ).toMatchObject([{ cue: 'said', source: 'Mr. Barrett' }]);
  });

  it('keeps a quotation before a closing frame its own speaker’s', () => {
    const atts = attributionsOf('Smith said the plan was “dead on arrival,” according to two aides.');
    expect(atts.some((a) => a.source === 'Smith')).toBe(true);
  });

  it('keeps a quotation opening the sentence its reporting clause’s, before "according to" closes it', () => {
    const atts = attributionsOf(
      '“Here we are on a historic day for the harbour,” he told dock workers, according to a statement.',
    );
    expect(atts).toMatchObject([{ cue: 'told', source: 'he', content: 'Here we are on a historic day for the harbour' }]);
  });

  it('gives a quotation closed by "…,” X said" to X over a belief inside the sentence, not over a speech report', () => {
    const belief = attributionsOf(
      'Clearly, Energy Control believed that the reputation he had earned might carry over to a service where one needs “credibility and transparency,” Caudevilla said.',
    );
    expect(belief).toMatchObject([{ cue: 'said', source: 'Caudevilla' }]);
    expect(belief[0]?.content).toContain('credibility and transparency');
    // a speech report inside keeps the quotation its speaker's, relayed
    const relayed = attributionsOf(
      'Clinton pledged to “promote the kinds of changes that will prevent this,” the Sentinel reported.',
    );
    expect(relayed.some((a) => a.source === 'Clinton' && a.content.includes('promote the kinds'))).toBe(true);
  });

  it('ends a participle’s content at the comma closing a sentence-opening phrase ("In a statement announcing the deal, …")', () => {
    const atts = attributionsOf('In a statement announcing the deal, the company said that “profits will rise.”');
    expect(atts).toMatchObject([
      { cue: 'announcing', source: 'a statement', content: 'the deal' },
      { cue: 'said', source: 'the company', content: 'profits will rise.' },
    ]);
  });

  it('gives a quotation to a named person’s speech report inside another’s content', () => {
    const atts = attributionsOf(
      'Aides say efforts to push him out could backfire, angering his supporters and Mr. Sanders, both of which Mrs. Clinton praised on Tuesday “for challenging us to get money out of politics.”',
    );
    expect(atts.find((a) => a.content.includes('for challenging us'))?.source).toBe('Mrs. Clinton');
    expect(atts.find((a) => a.source === 'Aides')?.content).not.toContain('challenging');
    // a stance's quotation stays the outer speaker's word for it
    // a reflexive object before the quotation: "called himself “…”"
    const reflexive = attributionsOf(
      'His rival’s aides kept emailing a video of the mayor from 1999, in which Mr. Hale called himself “very pro-canal” and smiled.',
    );
    expect(reflexive.find((a) => a.content.includes('very pro-canal'))?.source).toBe('Mr. Hale');
    const stance = attributionsOf('He said only people such as David and Charles Koch wanted “open borders.”');
    expect(stance.find((a) => a.content.includes('open borders'))?.source).toBe('He');
  });
});
