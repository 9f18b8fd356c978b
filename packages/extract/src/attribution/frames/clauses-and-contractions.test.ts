import { describe, expect, it } from 'vitest';
import { attributionsOf } from './test-support.js';

describe('pronoun contractions, the main clause after a subordinate one, a quotation then the writer’s clause', () => {
  it('reads the pronoun of "He’s claiming" as the source', () => {
    expect(attributionsOf('He’s claiming that voting fraud is a big problem.')).toMatchObject([
      { cue: 'claiming', source: 'He', content: 'voting fraud is a big problem' },
    ]);
    expect(attributionsOf("And she's hoping the endorsement will be a big boost.")).toMatchObject([
      { cue: 'hoping', source: 'she', content: 'the endorsement will be a big boost' },
    ]);
  });

  it('keeps the main clause’s report after "While X acknowledged …,"', () => {
    expect(
      attributionsOf('While he acknowledged funding was a major reason, Ham also noted several problems remained.'),
    ).toMatchObject([
      { cue: 'acknowledged', source: 'he', content: 'funding was a major reason' },
      { cue: 'noted', source: 'Ham', content: 'several problems remained' },
    ]);
  });

  it('keeps the main clause’s report after a time adverbial holding the subordinate clause ("On May 6, the day before X attacked …,")', () => {
    expect(
      attributionsOf(
        'On May 6, the day before Hale attacked Cole on the radio, council chief Ana Reyes told reporters that she thought the feud was “interesting”.',
      ),
    ).toMatchObject([
      { cue: 'attacked', source: 'Hale', content: 'Cole on the radio' },
      { cue: 'told', source: 'council chief Ana Reyes', content: 'she thought the feud was “interesting”' },
    ]);
    // A clause before the subordinator makes it the sentence's last clause: its comma ends nothing.
    expect(
      attributionsOf(
        'He returned to it later after Ana Reyes noted that the odds were low, and that Americans should worry more about obesity.',
      ).map((a) => a.cue),
    ).toEqual(['noted']);
  });

  it('ends the content before the writer’s appositive about it (", a charge that … denied")', () => {
    expect(
      attributionsOf(
        'Mayor Tom Hale complained that the vote had been "rigged" against him, a charge that county officials strongly denied.',
      ),
    ).toMatchObject([{ cue: 'complained', source: 'Mayor Tom Hale', content: 'the vote had been "rigged" against him' }]);
  });

  it('gives a quotation followed by "and" and the writer’s clause as a direct quotation', () => {
    expect(
      attributionsOf('The mayor shouted "Nobody leaves this hall tonight" and kept the doors shut until 2 a.m.'),
    ).toMatchObject([{ type: 'direct', cue: 'shouted', content: 'Nobody leaves this hall tonight' }]);
  });

  it('keeps a quotation’s own report after a subordinate clause closed by a dash', () => {
    const out = attributionsOf(
      'When Clinton said he paid no taxes ― as was true for some years ― Trump boasted, “That makes me smart.”',
    );
    expect(out).toContainEqual(
      expect.objectContaining({ type: 'direct', cue: 'boasted', source: 'Trump', content: 'That makes me smart.' }),
    );
  });
});
