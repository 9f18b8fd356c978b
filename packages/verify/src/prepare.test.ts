import type { Attribution, Speaker } from '@quotecheck/shared/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributionOf, oneParagraphArticle } from './article.testkit.js';
import { fullNameInText, prepareArticle, resolveSpeakers, roleInText } from './prepare.js';
import { fullNameByPattern, roleByPattern } from './scan-oracles.testkit.js';

function att(text: string, content: string, name: string): Attribution {
  const start = text.indexOf(content);
  return {
    type: 'indirect',
    content: { start, end: start + content.length, text: content },
    cue: null,
    source: null,
    speaker: { name, kind: 'person' },
  };
}

describe('resolveSpeakers', () => {
  it('takes an indefinite pronoun for nobody in particular, and keeps real names', () => {
    const text = 'Anyone claiming that the economy is in decline is peddling fiction, Barack Obama said.';
    const { speakers } = resolveSpeakers(text, [
      att(text, 'the economy is in decline is peddling fiction', 'Anyone'),
      att(text, 'the economy is in decline', 'Barack Obama'),
    ]);
    expect(speakers[0]).toEqual({ name: null, kind: 'unknown' });
    expect(speakers[1]?.name).toBe('Barack Obama');
  });

  it('keeps two people of one surname apart by first name, and gives a bare surname to the one named most', () => {
    const text =
      'Bernie Sanders said the movement would go on. His wife, Jane Sanders, said “we will figure that out.” Sanders said “the fight is not over.” Sanders added “we are in this together.”';
    const { speakers, people } = resolveSpeakers(text, [
      att(text, 'the movement would go on', 'Bernie Sanders'),
      att(text, 'we will figure that out.', 'Jane Sanders'),
      att(text, 'the fight is not over.', 'Sanders'),
      att(text, 'we are in this together.', 'Bernie Sanders'),
    ]);
    expect(speakers.map((s) => s.name)).toEqual(['Bernie Sanders', 'Jane Sanders', 'Bernie Sanders', 'Bernie Sanders']);
    expect(people.map((p) => p.name).sort()).toEqual(['Bernie Sanders', 'Jane Sanders']);
  });

  it('takes a name that ends another for the same person, and a headline gerund for no first name', () => {
    const text =
      'Debating Clinton’s wins. Debbie Wasserman Schultz said “the party is united.” Wasserman Schultz said “we are ready.” Hillary Clinton said “we will win.”';
    const { speakers } = resolveSpeakers(text, [
      att(text, 'the party is united.', 'Debbie Wasserman Schultz'),
      att(text, 'we are ready.', 'Wasserman Schultz'),
      att(text, 'we will win.', 'Hillary Clinton'),
      att(text, 'Debating Clinton’s wins', 'Debating Clinton'),
    ]);
    expect(speakers.map((s) => s.name)).toEqual([
      'Debbie Wasserman Schultz',
      'Debbie Wasserman Schultz',
      'Hillary Clinton',
      'Hillary Clinton',
    ]);
  });
});

describe('roleInText', () => {
  it('finds the title written before a full name', () => {
    const text = 'On Sunday, US Secretary of State Marco Rubio said the talks were productive.';
    expect(roleInText(text, 'Marco Rubio')).toBe('US Secretary of State');
    expect(roleInText('Ukraine’s President Volodymyr Zelenskyy spoke.', 'Volodymyr Zelenskyy')).toBe('Ukraine’s President');
  });

  it('finds nothing for a name at the very start of the text, or without a title before it', () => {
    expect(roleInText('Marco Rubio said the talks were productive.', 'Marco Rubio')).toBeUndefined();
    expect(roleInText('talks with Marco Rubio ended.', 'Marco Rubio')).toBeUndefined();
    expect(roleInText('Marco Rubio', 'Marco Rubio')).toBeUndefined();
  });

  it('skips an occurrence followed by a letter, also one outside the basic plane', () => {
    const text = 'Senator Marco Rubiozzi met Secretary of State Marco Rubio.';
    expect(roleInText(text, 'Marco Rubio')).toBe('Secretary of State');
    const astral = 'Senator Marco Rubio\u{10428} met Governor Marco Rubio.';
    expect(roleInText(astral, 'Marco Rubio')).toBe('Governor');
    expect(roleInText('Senator Marco Rubio\u{1F600} left.', 'Marco Rubio')).toBe('Senator');
  });

  it('takes the first occurrence with words before it, even when those words hold no title', () => {
    // The pattern stopped at its first match; a later title does not count.
    expect(roleInText('Then Marco Rubio spoke. Senator Marco Rubio left.', 'Marco Rubio')).toBeUndefined();
  });

  it('matches a name with regular-expression metacharacters literally', () => {
    const text = 'President JxR Smith spoke; later Senator J.R. Smith and Governor Mark J. (Jay) Smith+ did.';
    expect(roleInText(text, 'J.R. Smith')).toBe('Senator');
    expect(roleInText(text, 'Mark J. (Jay) Smith+')).toBe('Governor');
  });

  it('reads a title before a name in another script', () => {
    expect(roleInText('Russian President Владимир Путин said so.', 'Владимир Путин')).toBe('Russian President');
    expect(roleInText('Президент России Владимир Путин заявил.', 'Владимир Путин')).toBeUndefined();
  });

  it('takes as many words as reach a later occurrence, as the pattern did', () => {
    const text = 'President Marco Rubio Marco Rubio said.';
    expect(roleInText(text, 'Marco Rubio')).toBe(roleByPattern(text, 'Marco Rubio'));
    expect(roleInText(text, 'Marco Rubio')).toBe('President Marco Rubio');
  });

  it('gives the same title as the pattern when the words before the name are longer than its window', () => {
    const long = `${'Abcdefghijklmnopqrstuvwxyzabcdefghij'.repeat(2)} `;
    const text = `x Senator ${long.repeat(4)}Marco Rubio said.`;
    expect(roleInText(text, 'Marco Rubio')).toBe(roleByPattern(text, 'Marco Rubio'));
    expect(roleInText(text, 'Marco Rubio')).toBe(`Senator ${long.repeat(4).trim()}`);
    const seven = `Senator ${long.repeat(6)}Marco Rubio`;
    expect(roleInText(seven, 'Marco Rubio')).toBe(roleByPattern(seven, 'Marco Rubio'));
  });
});

describe('fullNameInText', () => {
  it('gives the fullest first-and-last name the text writes for a surname', () => {
    const text = 'Senator Marco Rubio spoke. Rubio said that Marco Antonio Rubio was a cousin.';
    expect(fullNameInText(text, 'Rubio')).toBe('Marco Antonio Rubio');
    expect(fullNameInText('Rubio said so.', 'Rubio')).toBeUndefined();
    expect(fullNameInText('The Rubios and Marco Rubioz left.', 'Rubio')).toBeUndefined();
    expect(fullNameInText('заявил Владимир Путин.', 'Путин')).toBe('Владимир Путин');
    expect(fullNameInText('Chief Justice J. R. Smith+ ruled.', 'Smith+')).toBe('J. R. Smith+');
  });
});

describe('the name scans give what their patterns gave', () => {
  const piece = fc.constantFrom(
    'Marco',
    'Rubio',
    'Rubio',
    ' ',
    ' ',
    '  ',
    '\n',
    '\u00a0',
    'Secretary',
    'of',
    'the',
    'for',
    'State',
    'US',
    'x',
    'Mc',
    'thereof',
    'iPhone',
    ',',
    '.',
    '’s',
    "'",
    '-',
    'é',
    'É',
    '\u{10428}',
    '\u{10400}',
    '\u{1F600}',
    'Abcdefghijklmnopqrstuvwxyzabcdefghijklmnop',
  );
  const names = ['Marco Rubio', 'Rubio', 'Secretary Rubio', 'M. Rubio', 'Rubio.', 'x', '\u{10400}x'];

  it('roleInText and fullNameInText on random texts of name-like pieces', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.constantFrom(...names), (parts, name) => {
        const text = parts.join('');
        expect(roleInText(text, name)).toBe(roleByPattern(text, name));
        expect(fullNameInText(text, name)).toBe(fullNameByPattern(text, name));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('prepareArticle', () => {
  function mixedItems(text: string, content: string): { text: string; start: number }[] {
    const prepared = prepareArticle(
      oneParagraphArticle(text, [attributionOf(text, 'mixed', content, { name: 'Donald Trump', kind: 'person' })]),
    );
    return prepared.items.map((i) => ({ text: i.text, start: i.start }));
  }

  it('compares the quoted fragments of a mixed attribution, in any quotation marks', () => {
    const curly = 'Trump said not paying taxes “makes me smart” and “good business.”';
    expect(mixedItems(curly, 'not paying taxes “makes me smart” and “good business.”').map((i) => i.text)).toEqual([
      'makes me smart',
      'good business.',
    ]);
    // two apostrophes, as some archives print quotation marks
    const nyt = "Trump said not paying taxes ''makes me smart,'' aides said.";
    const items = mixedItems(nyt, "not paying taxes ''makes me smart,''");
    expect(items.map((i) => i.text)).toEqual(['makes me smart']);
    expect(nyt.slice(items[0]!.start, items[0]!.start + 'makes me smart'.length)).toBe('makes me smart');
  });

  it("credits a fragment labelled as someone's remark to them, not to the one whose words hold it", () => {
    const text =
      'Three shows featured all-male lineups discussing Donald Trump\'s "woman\'s card" remark and his "very low energy" jab.';
    const panel = { name: null, kind: 'person', role: 'all-male lineups' } as const;
    const prepared = prepareArticle(
      oneParagraphArticle(text, [
        attributionOf(text, 'mixed', 'Donald Trump\'s "woman\'s card" remark and his "very low energy" jab', panel),
      ]),
    );
    expect(prepared.items.map((i) => [i.text, i.speaker.name])).toEqual([
      ["woman's card", 'Donald Trump'],
      ['very low energy', null],
    ]);
  });
});

describe('interrupted quotations', () => {
  const trump = { name: 'Donald Trump', kind: 'person' } as const;
  const items = (text: string, parts: [string, Speaker][]) =>
    prepareArticle(
      oneParagraphArticle(
        text,
        parts.map(([c, s]) => attributionOf(text, 'direct', c, s)),
      ),
    ).items;

  it('joins a part too short to stand alone to the rest of the remark, the reporting clause a gap', () => {
    const text = '“You think I’m going to change?” he said at a news conference last month. “I’m not changing.”';
    const [one, ...rest] = items(text, [
      ['You think I’m going to change?', trump],
      ['I’m not changing.', trump],
    ]);
    expect(rest).toEqual([]);
    expect(one?.text).toBe('You think I’m going to change? … I’m not changing.');
    expect(one?.words).toEqual(['you', 'think', "i'm", 'going', 'to', 'change', '…', "i'm", 'not', 'changing']);
    expect([one?.start, one?.end]).toEqual([text.indexOf('You'), text.lastIndexOf('.') + 1]);
    // The sentence most of the remark sits in, the one that names who speaks.
    expect(one?.sentence).toContain('he said at a news conference');
  });

  it("joins two long parts across a bare reporting clause, NYT double apostrophes too, and a named body's parts", () => {
    const rubio = { name: 'Marco Rubio', kind: 'person' } as const;
    const A = 'I know that a lot of people find appeal in the things Donald says';
    const B = "The problem is presidents can't just say anything they want, because it has consequences";
    for (const text of [`“${A},” Mr. Rubio said. “${B}.”`, `''${A},'' Mr. Rubio said. ''${B}.''`]) {
      const got = items(text, [
        [A, rubio],
        [`${B}.`, rubio],
      ]);
      expect(got.map((i) => i.text)).toEqual([`${A} … ${B}.`]);
    }
    const group = { name: 'Trayvon Martin Foundation', kind: 'organization' } as const;
    const C = 'This election season, we are laser focused on furthering that mission';
    const D = 'As such, the foundation has no comment on the actions of that person.';
    expect(
      items(`“${C},” the group said. “${D}”`, [
        [C, group],
        [D, group],
      ]),
    ).toHaveLength(1);
  });

  it('joins two long parts across one sentence of reporting that describes the speaker, not across a sentence of narration', () => {
    const smith = { name: 'Steve Smith', kind: 'person' } as const;
    const A = "There's an information-age tsunami out there that just keeps getting bigger and bigger";
    const B = 'When you combine this digital tsunami with the loss of quality in journalism, we cannot keep up';
    const described = `“${A},” said Steve Smith, a veteran newspaper editor who teaches journalism at the University of Idaho. “${B}.”`;
    expect(
      items(described, [
        [A, smith],
        [`${B}.`, smith],
      ]).map((i) => i.text),
    ).toEqual([`${A} … ${B}.`]);
    const reverend = `“${A},” said the Rev. Steve Smith, of Mayfield Memorial Missionary Baptist Church in Cleveland. “${B}.”`;
    expect(
      items(reverend, [
        [A, smith],
        [`${B}.`, smith],
      ]),
    ).toHaveLength(1);
    const narrated = `“${A},” Steve Smith said after the meeting. He did not suggest a remedy. “${B}.”`;
    expect(
      items(narrated, [
        [A, smith],
        [`${B}.`, smith],
      ]),
    ).toHaveLength(2);
  });

  it('joins the quotation a speaker "added" to a remark, in the same or the next paragraph, but not another fragment of its own sentence', () => {
    const paragraphs = [
      '“There should be a lot of systems, beyond databases,” the businessman replied. “We should have a lot of systems, and today you can do it.”',
      '“I would certainly implement that, absolutely,” he added.',
      'He added that the danger had gone up “a couple of clicks” because of remarks calling Obama the “founder” of the group.',
    ];
    const text = paragraphs.join('\n');
    const cued = (content: string, type: 'direct' | 'mixed', cue: string) => {
      const a = attributionOf(text, type, content, trump);
      const at = text.indexOf(cue, type === 'direct' ? a.content.end : a.content.start - 40);
      return { ...a, cue: { start: at, end: at + cue.length, text: cue } };
    };
    const got = prepareArticle({
      ...oneParagraphArticle(text, [
        cued('There should be a lot of systems, beyond databases', 'direct', 'replied'),
        cued('We should have a lot of systems, and today you can do it.', 'direct', 'replied'),
        cued('I would certainly implement that, absolutely', 'direct', 'added'),
        cued(
          'He added that the danger had gone up “a couple of clicks” because of remarks calling Obama the “founder” of the group.',
          'mixed',
          'added',
        ),
      ]),
      paragraphs,
    }).items;
    expect(got.map((i) => i.text)).toEqual([
      'There should be a lot of systems, beyond databases … We should have a lot of systems, and today you can do it. … I would certainly implement that, absolutely … a couple of clicks',
      'founder',
    ]);
  });

  it('joins what a speaker "continued" with in the next paragraph to the remark before it', () => {
    const paragraphs = [
      '“How many times do we have to see this in our country?” Clinton said. “This is just unbearable.”',
      '“Maybe I can, by speaking directly to white people, say, look, this is not who we are,” she continued.',
    ];
    const text = paragraphs.join('\n');
    const clinton = { name: 'Hillary Clinton', kind: 'person' } as const;
    const cued = (content: string, cue: string) => {
      const a = attributionOf(text, 'direct', content, clinton);
      const at = text.indexOf(cue, a.content.end);
      return { ...a, cue: { start: at, end: at + cue.length, text: cue } };
    };
    const got = prepareArticle({
      ...oneParagraphArticle(text, [
        cued('How many times do we have to see this in our country?', 'said'),
        cued('This is just unbearable.', 'said'),
        cued('Maybe I can, by speaking directly to white people, say, look, this is not who we are', 'continued'),
      ]),
      paragraphs,
    }).items;
    expect(got).toHaveLength(1);
    // A fragment of the writer's account is what the speaker says he was told, not his remark.
    const account = [
      'Rounds said he had been assured that the plan came from “someone representing Russia”.',
      'The senator continued: “It is not our recommendation. It is not our peace plan.”',
    ];
    const rounds = { name: 'Mike Rounds', kind: 'person' } as const;
    const accountText = account.join('\n');
    const cueAt = accountText.indexOf('continued');
    const split = prepareArticle({
      ...oneParagraphArticle(accountText, [
        attributionOf(accountText, 'mixed', 'the plan came from “someone representing Russia”', rounds),
        {
          ...attributionOf(accountText, 'direct', 'It is not our recommendation. It is not our peace plan.', rounds),
          cue: { start: cueAt, end: cueAt + 'continued'.length, text: 'continued' },
        },
      ]),
      paragraphs: account,
    }).items;
    expect(split.map((i) => i.text)).toEqual([
      'someone representing Russia',
      'It is not our recommendation. It is not our peace plan.',
    ]);
  });

  it('keeps two parts apart when long ones are cut by more than a reporting clause or a paragraph, their speakers differ, or what lies between names no speech', () => {
    const P = 'We will build the canal across the northern valley by next spring';
    const Q = 'The canal will cost less than the old bridge did in the nineties';
    for (const text of [
      `“${P},” Trump said.\n\n“${Q}.”`,
      `“${P},” Trump said, and added that the state would borrow for it. On roads, he said: “${Q}.”`,
    ])
      expect(
        items(text, [
          [P, trump],
          [`${Q}.`, trump],
        ]),
      ).toHaveLength(2);
    const two = '“We will win,” Trump said. “Not today,” Cruz said.';
    expect(
      items(two, [
        ['We will win', trump],
        ['Not today', { name: 'Ted Cruz', kind: 'person' }],
      ]),
    ).toHaveLength(2);
    const apart = '“We will win,” Trump went on, and the crowd booed a protester. “Not today.”';
    expect(
      items(apart, [
        ['We will win', trump],
        ['Not today.', trump],
      ]),
    ).toHaveLength(2);
  });
});
