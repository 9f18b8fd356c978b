import { describe, expect, it } from 'vitest';
import { attributionsOf } from '../frames/test-support.js';

describe('the document that opens an evidence clause is its source', () => {
  it('reads past modifiers after the document noun ("… survey released Monday shows …")', () => {
    expect(attributionsOf('The latest county survey released Monday shows that rents rose 9 percent.')).toMatchObject([
      { cue: 'shows', source: 'The latest county survey', content: 'rents rose 9 percent' },
    ]);
  });

  it('takes "A 2019 study by X found" as the study, and a lone "Video shows"', () => {
    expect(attributionsOf('A 2019 study by the Lisbon Institute found 40 cases of fraud.')).toMatchObject([
      { cue: 'found', source: 'A 2019 study' },
    ]);
    expect(attributionsOf('Video shows that the officer drew first.')).toMatchObject([
      { cue: 'shows', source: 'Video', content: 'the officer drew first' },
    ]);
  });

  it('reads "A report released …" as a noun, not a cue with source "A"', () => {
    const atts = attributionsOf('A report released Friday found that the depot had been closed for weeks.');
    expect(atts).toMatchObject([{ cue: 'found', source: 'A report', content: 'the depot had been closed for weeks' }]);
  });

  it('does not take a person as the source of "found"', () => {
    expect(attributionsOf('Maria Lopez found the keys under the mat.').filter((a) => a.cue === 'found')).toEqual([]);
  });
});
