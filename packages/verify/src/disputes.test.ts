import { describe, expect, it } from 'vitest';
import { denialTarget, isNegated, mentionedPeople } from './disputes.js';
import { personKey } from './speaker.js';

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
