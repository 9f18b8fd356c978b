import { describe, expect, it } from 'vitest';
import { attributionsOf } from './test-support.js';

describe('intransitive speech verbs, colon labels, "according to" tails and never-cue forms', () => {
  it('reads "speak" only with a topic after about/of/against/on', () => {
    expect(attributionsOf('Trump spoke for 77 minutes at the convention.')).toEqual([]);
    expect(attributionsOf('A senior official spoke on the condition of anonymity.')).toEqual([]);
    expect(attributionsOf('Obama spoke Hebrew and quoted the Talmud.')).toEqual([]);
    expect(attributionsOf('Schaaf spoke out Tuesday against the new policing plan.')).toMatchObject([
      { cue: 'spoke', source: 'Schaaf', content: 'the new policing plan' },
    ]);
  });

  it('reads no speaker from a page label or a figure after a colon', () => {
    expect(attributionsOf('Contributing: Nicole Gaudiano and Ledyard King.')).toEqual([]);
    expect(attributionsOf('Q: Have you talked to her about the campaign?')).toEqual([]);
    expect(attributionsOf('Hillary Clinton: 1,769.')).toEqual([]);
    expect(attributionsOf('Sanders: Clinton email story has moved on.')).toMatchObject([{ source: 'Sanders', cue: ':' }]);
  });

  it('does not take the rest of the source phrase after "according to" as the content', () => {
    expect(attributionsOf('Later, according to a poll released Thursday.')).toEqual([]);
    expect(attributionsOf('According to the poll, voters want a change.')).toMatchObject([
      { cue: 'According to', source: 'the poll', content: 'voters want a change' },
    ]);
  });

  it('never reads "known" as a cue', () => {
    expect(attributionsOf('A developer known to be bullish on golf is Donald Trump.')).toEqual([]);
  });
});
