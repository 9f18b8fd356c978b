import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  denialTarget,
  denierBefore,
  isNegated,
  lastMentionAfterNonLetter,
  lastMentionByPattern,
  mentionedPeople,
  surnameMentions,
} from './disputes.js';
import { personKey } from './speaker.js';
import { lastWholeWord, lastWholeWordByPattern } from './text.js';

describe('dispute records', () => {
  it('aims a denial at an account of someone’s words, named or generic', () => {
    expect(denialTarget('Rounds’s account of his conversation with Rubio')).toEqual({
      accountOf: [personKey('Rounds')],
      generic: false,
    });
    expect(denialTarget('the assertions').generic).toBe(true);
    expect(denialTarget('ever saying that the plan was a wish list').generic).toBe(true);
  });

  it('does not take a denial of an accusation or of a reported deed for a denial of words', () => {
    expect(denialTarget('the allegations of wrongdoing')).toEqual({ accountOf: [], generic: false });
    expect(denialTarget('reports that he took money from the fund')).toEqual({ accountOf: [], generic: false });
    expect(denialTarget('Lee’s reports that he took money from the fund').accountOf).toEqual([]);
  });

  it('sees a negated cue', () => {
    const text = 'The spokesman did not deny the account, and later denied the report.';
    expect(isNegated(text, text.indexOf('deny'))).toBe(true);
    expect(isNegated(text, text.indexOf('denied'))).toBe(false);
  });

  it('finds the people a sentence mentions in any script, by their surname', () => {
    const people = [
      { name: 'Владимир Путин', key: personKey('Владимир Путин')! },
      { name: 'Владимир Зеленский', key: personKey('Владимир Зеленский')! },
      { name: 'Mike Rounds', key: personKey('Mike Rounds')! },
    ];
    // Two Cyrillic names are two people (their keys once folded to the same empty string).
    expect(people[0]!.key).not.toBe(people[1]!.key);
    expect(mentionedPeople('Путин отверг эти утверждения.', people)).toEqual([personKey('Путин')]);
    expect(mentionedPeople('Rounds said so; nobody else did.', people)).toEqual([personKey('Rounds')]);
    expect(mentionedPeople('Roundsville voted.', people)).toEqual([]);
  });
});

describe('surname mentions', () => {
  const people = (...names: string[]) => names.map((name) => ({ name, key: personKey(name)! }));

  it('finds a surname at the very start, not one followed or preceded by a letter, and where it last is', () => {
    const ps = people('Marco Rubio', 'Sergei Lavrov');
    expect(surnameMentions('Rubio met Lavrov; Rubio left.', ps)).toEqual([
      { key: personKey('Lavrov'), at: 10 },
      { key: personKey('Rubio'), at: 18 },
    ]);
    expect(surnameMentions('Rubios and ARubio met Lavrovna.', ps)).toEqual([]);
    // A letter outside the basic plane counts as a letter; an emoji does not.
    expect(surnameMentions('Rubio\u{10428} spoke', ps)).toEqual([]);
    expect(surnameMentions('\u{1F600}Rubio\u{1F600} spoke', ps)).toEqual([{ key: personKey('Rubio'), at: 2 }]);
  });

  it('matches a surname with regular-expression metacharacters literally', () => {
    const ps = people('Jay Smith+', 'Ann O.K.');
    expect(surnameMentions('Smithh and Smith+ and O.K. and OxK.', ps).map((m) => m.at)).toEqual([11, 22]);
  });
});

describe('denierBefore', () => {
  const people = ['Marco Rubio', 'Sergei Lavrov', 'Владимир Путин'].map((name) => ({ name, key: personKey(name)! }));

  it('takes the last person named before the denial', () => {
    expect(denierBefore('After meeting Lavrov, Rubio ', people)?.speaker.name).toBe('Marco Rubio');
    expect(denierBefore('Rubio ', people)?.speaker.name).toBe('Marco Rubio');
    expect(denierBefore('Путин ', people)?.speaker.name).toBe('Владимир Путин');
  });

  it('does not take a possessive, a longer word or a name said before a speech verb', () => {
    expect(denierBefore('Rubio’s aides ', people)).toBeNull();
    expect(denierBefore('Rubios ', people)).toBeNull();
    expect(denierBefore('Rubio said the report that Lavrov had ', people)?.speaker.name).toBe('Marco Rubio');
    expect(denierBefore('Rubio said the report that Lavrov had ', people, false)?.speaker.name).toBe('Sergei Lavrov');
  });

  it('takes an office phrase ending the clause, and nothing without one', () => {
    expect(denierBefore('On Monday the State Department ', people)).toEqual({
      speaker: { name: 'State Department', kind: 'organization' },
      text: 'the State Department',
    });
    expect(denierBefore('On Monday the officials ', people)).toBeNull();
  });
});

// The patterns the mention scans built per person: the specification their offsets must keep.
describe('the mention scans give what their patterns gave', () => {
  const piece = fc.constantFrom(
    'Rubio',
    'Rubio',
    'K',
    ' ',
    ',',
    '’',
    "'",
    'x',
    'É',
    '.',
    'K.',
    'O',
    '\u{10428}',
    '\u{1F600}',
    '-',
  );
  // Words that start and end with a non-letter may overlap themselves (".K." in ".K..K."): the
  // patterns took their matches left to right, each after the last.
  const words = ['Rubio', 'O.K.', 'K.', 'x', 'Rubio’', '\u{10428}', '.K.', 'K.K'];

  it('lastWholeWord and lastMentionAfterNonLetter on random texts', () => {
    // The character a match takes before the word is not there for the next one.
    expect(lastMentionAfterNonLetter('.K..K.', '.K.')).toBe(0);
    expect(lastMentionAfterNonLetter(' .K.-.K.', '.K.')).toBe(4);
    expect(lastWholeWord('K.K.K', 'K.K')).toBe(0);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom(...words), (parts, word) => {
        const text = parts.join('');
        expect(lastWholeWord(text, word)).toBe(lastWholeWordByPattern(text, word));
        expect(lastMentionAfterNonLetter(text, word)).toBe(lastMentionByPattern(text, word));
      }),
      { numRuns: 3000 },
    );
  });
});
