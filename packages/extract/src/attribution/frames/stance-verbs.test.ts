import { describe, expect, it } from 'vitest';
import { attributionsOf } from './test-support.js';

describe('stance verbs (lexicon/stance.ts) and cue words used as nouns', () => {
  it('reads a listed stance verb after a name as a stance attribution', () => {
    expect(attributionsOf('Obama welcomed the deal on Monday.')).toMatchObject([
      { type: 'indirect', cue: 'welcomed', source: 'Obama' },
    ]);
  });

  it('reads no attribution from an action verb after a name ("Russia invaded Ukraine")', () => {
    expect(attributionsOf('Russia invaded Ukraine in February 2022. Moscow annexed the Crimean Peninsula in 2014.')).toEqual([]);
    expect(attributionsOf('He slapped hefty tariffs on India for buying Russian oil.')).toEqual([]);
  });

  it('reads a cue word after a determiner or a possessive as a noun, not a verb', () => {
    expect(attributionsOf("The industry's decline is forcing states to deal with the mines.")).toEqual([]);
    expect(attributionsOf('The senator has repeatedly said the plan would fail.')).toMatchObject([
      { cue: 'said', source: 'The senator', content: 'the plan would fail' },
    ]);
  });

  it('reads "a … retort" as a noun: a participle after it takes the clause subject, not "a Cole-style"', () => {
    expect(
      attributionsOf(
        'Hale offered a Cole-style retort on the mogul’s preferred mode of talk, tweeting at him, "you are a whiner."',
      ),
    ).toMatchObject([{ cue: 'offered' }, { cue: 'tweeting', source: 'Hale', content: 'you are a whiner.' }]);
  });

  it('reads a cue word after a light verb as its noun object ("took aim at")', () => {
    const out = attributionsOf('On Sunday, Trump again took aim at Ukraine, saying Kyiv has not been grateful.');
    expect(out.map((a) => a.cue)).toEqual(['saying']);
    expect(out).toMatchObject([{ source: 'Trump', content: 'Kyiv has not been grateful' }]);
  });
});
