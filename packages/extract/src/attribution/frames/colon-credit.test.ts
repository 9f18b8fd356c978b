import { describe, expect, it } from 'vitest';
import { attributionsOf } from './test-support.js';

describe('colon credit', () => {
  it('credits the quotation after "Name:" at the start of a sentence to the name', () => {
    expect(attributionsOf('Trump: “We will win this election and we will win it big.”')).toEqual([
      {
        type: 'direct',
        content: 'We will win this election and we will win it big.',
        cue: ':',
        source: 'Trump',
        speaker: 'Trump',
      },
    ]);
  });

  it('takes a pronoun before the colon as the source', () => {
    const [a] = attributionsOf('He: “Nothing was agreed.”');
    expect(a).toMatchObject({ cue: ':', source: 'He', content: 'Nothing was agreed.' });
  });

  it('does not credit a colon after a lower-case phrase that is no name', () => {
    expect(attributionsOf('the plan: “cut taxes and spend less on the military.”').filter((a) => a.cue === ':')).toEqual([]);
  });
});

describe('colon credit from a document', () => {
  it('credits a headline "Poll: …" to the poll', () => {
    expect(attributionsOf('Survey: Most commuters want later trains').filter((a) => a.cue === ':')).toMatchObject([
      { source: 'Survey', content: 'Most commuters want later trains' },
    ]);
  });
});
