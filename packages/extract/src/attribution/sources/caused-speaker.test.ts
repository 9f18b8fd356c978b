import { describe, expect, it } from 'vitest';
import { articleFromText } from '../../article/index.js';
import { attributionsOf } from '../frames/test-support.js';
import { extractAttributions } from '../index.js';

describe('"prompted X to say": the object of a causative verb speaks', () => {
  it('credits the named object, not the subject whose attack prompted it', () => {
    expect(
      attributionsOf(
        'Mr. Kessler launched another attack that prompted Judge Engoron to quip the questioning sounded like a “broken record.”',
      ),
    ).toMatchObject([{ cue: 'quip', source: 'Judge Engoron' }]);
  });

  it('credits a determiner phrase object ("forced the company to admit")', () => {
    expect(attributionsOf('The ruling forced the company to admit that it had misled investors.')).toMatchObject([
      { cue: 'admit', source: 'the company', content: 'it had misled investors' },
    ]);
  });

  it('resolves an object pronoun like its subject form', () => {
    const text =
      'Hillary Clinton beat Bernie Sanders in New York. It was an unexpectedly strong win that led her to declare that the nomination was “in sight.”';
    const [att] = extractAttributions(articleFromText(text)).filter((a) => a.cue?.text === 'declare');
    expect(att?.source?.text).toBe('her');
    expect(att?.speaker?.name).toBe('Hillary Clinton');
  });

  it('leaves verbs that do not say the speaking happened to the clause subject ("asked him to say")', () => {
    const atts = attributionsOf('The judge asked him to say whether the plan was legal.');
    expect(atts.some((a) => a.source === 'him')).toBe(false);
  });
});
