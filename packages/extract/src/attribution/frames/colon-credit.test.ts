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

  it('credits a transcript line labelled with a long description ending in the full name, not a headline ending in a title', () => {
    const [a] = attributionsOf(
      'Former secretary of state Hillary Rodham Clinton:"We learned that from the department and their analysis."',
    );
    expect(a).toMatchObject({
      cue: ':',
      speaker: 'Hillary Rodham Clinton',
      content: 'We learned that from the department and their analysis.',
    });
    expect(
      attributionsOf('Elizabeth Warren Hammers Wells Fargo CEO: ‘You Should Be Criminally Investigated.’').filter(
        (x) => x.cue === ':',
      ),
    ).toEqual([]);
  });

  it('takes a pronoun before the colon as the source', () => {
    const [a] = attributionsOf('He: “Nothing was agreed.”');
    expect(a).toMatchObject({ cue: ':', source: 'He', content: 'Nothing was agreed.' });
  });

  it('does not credit a headline kicker or a recurring feature before the colon', () => {
    for (const headline of [
      'The Latest: Cruz to give away engraved shotgun',
      'BREAKING: Federal judge rules on the emails',
      'Tuesday’s Morning Email: The last State of the Union',
      'Breitbart News Daily: A world at war',
      'PUBLISHED: 00:01, Tue, Nov 19, 2019',
      'Posted: Thursday, April 21, 2022',
      'MORE: Black-led group strikes deal to revitalize Oakland Coliseum site',
      'PHOTOS: Earthquake Shakes the Northeastern U.S.',
      'Gallery: Xbox One X screenshots | 9 Photos',
      'Tags: 2020 nissan sentra v-motion',
      'Citation: Hibernating astronauts would need smaller spacecraft (2019, November 19)',
      'Weather: Evening Forecast For 6/8',
    ])
      expect(
        attributionsOf(headline).filter((a) => a.cue === ':'),
        headline,
      ).toEqual([]);
    // a name before the colon still speaks
    expect(attributionsOf('Rubio: The plan was authored by the US').filter((a) => a.cue === ':')).toMatchObject([
      { source: 'Rubio', content: 'The plan was authored by the US' },
    ]);
  });

  it('reads a dateline in capitals before a reporting sentence as no speaker: the sentence reports', () => {
    expect(attributionsOf('KYIV: Ukrainian forces said they repelled an attack overnight.')).toMatchObject([
      { source: 'Ukrainian forces', cue: 'said', content: 'they repelled an attack overnight' },
    ]);
    // a name in capitals without a cue after it still speaks
    expect(attributionsOf('CLINTON: The plan was authored by the US').filter((a) => a.cue === ':')).toMatchObject([
      { source: 'CLINTON', content: 'The plan was authored by the US' },
    ]);
  });

  it('does not credit a salutation: an advice column’s "DEAR ABBY:" names whom the letter is to', () => {
    expect(attributionsOf('DEAR ABBY: My husband of more than 20 years just purchased plane tickets to India.')).toEqual([]);
    expect(attributionsOf('Dear Feeling: Of course you should be happy.').filter((a) => a.cue === ':')).toEqual([]);
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
