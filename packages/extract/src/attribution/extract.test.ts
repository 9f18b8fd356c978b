import type { Attribution } from '@quotecheck/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractAttributions } from './index.js';

function run(...paragraphs: string[]): Attribution[] {
  return extractAttributions({ text: paragraphs.join('\n'), paragraphs });
}

/** The attribution whose content includes `words`. */
function about(atts: Attribution[], words: string): Attribution {
  const a = atts.find((x) => x.content.text.includes(words));
  if (!a) throw new Error(`no attribution with "${words}" in ${JSON.stringify(atts.map((x) => x.content.text))}`);
  return a;
}

describe('quotation frames', () => {
  it('reads "…," X said / said X / X said: / dash credits', () => {
    const atts = run(
      'Governor Ann Peel opened the session on Monday.',
      '“We will balance the budget this year,” Peel said.',
      '“The roads come first,” said Tom Brink, the transport chief.',
      'Brink added: “Bridges are next on the list.”',
      '“Every town deserves a clinic.” – Maria Costa',
    );
    expect(about(atts, 'balance the budget')).toMatchObject({
      type: 'direct',
      speaker: { name: 'Ann Peel', kind: 'person' },
      cue: { text: 'said' },
      source: { text: 'Peel' },
    });
    expect(about(atts, 'roads come first').speaker).toMatchObject({ name: 'Tom Brink', role: 'the transport chief' });
    expect(about(atts, 'Bridges are next').speaker.name).toBe('Tom Brink');
    expect(about(atts, 'Every town').speaker.name).toBe('Maria Costa');
  });

  it('marks reported speech with quoted words as mixed and plain reported speech as indirect', () => {
    const atts = run(
      'Mayor Luis Ortega said he hoped “there will be an agreement soon”.',
      'Ortega said the council would vote next week.',
    );
    const mixed = about(atts, 'there will be an agreement soon');
    expect(mixed.type).toBe('mixed');
    expect(mixed.speaker.name).toBe('Luis Ortega');
    expect(about(atts, 'the council would vote next week')).toMatchObject({ type: 'indirect', speaker: { name: 'Luis Ortega' } });
  });

  it('gives each further quoted fragment of a reported clause its own attribution', () => {
    const atts = run('Judge Hanna Wells said the ruling was “final” and the appeal “had no merit at all”.');
    expect(atts.some((a) => a.content.text.includes('“final”'))).toBe(true);
    expect(about(atts, 'had no merit at all').speaker.name).toBe('Hanna Wells');
  });

  it('continues the speaker for a cue-less quotation in the same or the next paragraph', () => {
    const atts = run(
      '“The harvest was poor this year,” farmer Jonas Held said. “We lost half the wheat.”',
      '“Next year has to be better.”',
    );
    expect(about(atts, 'half the wheat').speaker.name).toBe('Jonas Held');
    expect(about(atts, 'Next year has to be better').speaker.name).toBe('Jonas Held');
    expect(about(atts, 'Next year has to be better').cue).toBeNull();
    // The mention that names the speaker is still the earlier one.
    expect(about(atts, 'Next year has to be better').source?.text).toBe('farmer Jonas Held');
  });

  it('returns a quotation broken by its own reporting clause as two records in one group, a new quoted sentence apart', () => {
    const atts = run(
      '“My hope,” Mayor Ann Peel said, “is that the bridge opens in May.”',
      '“We won the vote,” Peel said. “Now we rebuild the market.”',
    );
    const first = about(atts, 'My hope');
    const second = about(atts, 'bridge opens');
    expect(first).toMatchObject({ type: 'direct', cue: { text: 'said' }, speaker: { name: 'Ann Peel' } });
    expect(first.content.text).toBe('My hope');
    expect(second).toMatchObject({ type: 'direct', cue: { text: 'said' }, speaker: { name: 'Ann Peel' } });
    expect(second.content.text).toBe('is that the bridge opens in May.');
    expect(first.group).toBeDefined();
    expect(second.group).toBe(first.group);
    // no content span holds its reporting clause
    for (const a of atts) expect(a.content.text).not.toMatch(/Peel said/);
    const won = about(atts, 'We won the vote');
    expect(won.content.text).toBe('We won the vote');
    expect(about(atts, 'Now we rebuild').content.text).toBe('Now we rebuild the market.');
    expect(won.group).toBeUndefined();
  });

  it('returns a quotation spread over paragraphs as one record per paragraph, in one group', () => {
    const atts = run(
      '“The first problem is the water supply.',
      '“The second problem is the power grid,” engineer Lena Park said.',
    );
    const a = about(atts, 'water supply');
    const b = about(atts, 'power grid');
    expect(a.content.text).toBe('The first problem is the water supply.');
    expect(b.content.text).toBe('The second problem is the power grid');
    expect([a.speaker.name, b.speaker.name]).toEqual(['Lena Park', 'Lena Park']);
    expect([a.paragraph, b.paragraph]).toEqual([0, 1]);
    expect(a.group).toBeDefined();
    expect(b.group).toBe(a.group);
  });

  it('drops a heading or pull-quote that repeats a body quotation', () => {
    const atts = run(
      '“We will rebuild every school in the valley”',
      'The minister spoke on Monday.',
      '“We will rebuild every school in the valley before the winter,” Ana Lopes said.',
    );
    expect(atts.map((a) => a.content.text)).toEqual(['We will rebuild every school in the valley before the winter']);
  });

  it('drops a pull-quote that repeats the writer’s own sentence, instead of giving it to the last speaker', () => {
    const atts = run(
      '“We have never seen a turnout like this one,” Ana Lopes said.',
      'By the end of the month the ferry had carried a million passengers in January alone, more than ever.',
      '“The ferry had carried a million passengers in January alone, more than ever.”',
      'The port expects more in the spring.',
    );
    expect(atts.filter((a) => a.speaker.name === 'Ana Lopes').map((a) => a.content.text)).toEqual([
      'We have never seen a turnout like this one',
    ]);
  });

  it('does not report scare quotes or titles without a cue', () => {
    const atts = run('The so-called “reform” stalled again.', 'Critics of the film “Night Train Home” were not invited.');
    expect(atts.filter((a) => a.type !== 'indirect')).toEqual([]);
  });

  it('reads a title with a comma inside its closing mark as a title, and words said with commas or sentences as words', () => {
    const setList = run(
      'According to the band, fans can expect its hits, including “Listen To The Music,” “Black Water,” and “China Grove.”',
    );
    expect(setList.map((a) => a.content.text)).not.toContain('Black Water');
    const said = run('“No, Justice Alito,” Prelogar replied.', '“Like Oakland. Or Ferguson,” he said.');
    expect(said.filter((a) => a.type === 'direct').map((a) => a.content.text)).toEqual([
      'No, Justice Alito',
      'Like Oakland. Or Ferguson',
    ]);
  });
});

describe('cues', () => {
  it('reads according to, in a statement, passives and belief frames', () => {
    const atts = run(
      'According to the ministry, exports fell by a third.',
      'The company said in a statement that it would appeal.',
      'Smith was quoted as saying that the deal was dead.',
      'Ruth Adler believes the tax is unfair to farmers.',
      'The union warned that strikes would follow.',
    );
    expect(about(atts, 'exports fell').speaker).toMatchObject({ kind: 'organization' });
    expect(about(atts, 'it would appeal').cue?.text).toBe('said');
    expect(about(atts, 'the deal was dead').source?.text).toBe('Smith');
    expect(about(atts, 'the tax is unfair').cue?.text).toBe('believes');
    expect(about(atts, 'strikes would follow').cue?.text).toBe('warned');
  });

  it('does not read nouns and prepositions that look like cues ("states like Ohio", "his home state")', () => {
    const atts = run(
      'Clinton won in states like Ohio and Michigan.',
      'Sanders won his home state of Vermont on Tuesday.',
      'Many of the 16 states holding contests will matter.',
      'Voters would like to see lower taxes.',
      'The report states that exports fell.',
      'Clinton maintains a commanding lead among older voters.',
      'Florida’s all-or-nothing contest represents a big win.',
      'Her aide maintained, “We never saw the memo.”',
    );
    expect(atts.find((a) => a.content.text.includes('commanding lead'))).toBeUndefined();
    expect(atts.find((a) => a.content.text.includes('a big win'))).toBeUndefined();
    expect(about(atts, 'We never saw the memo').cue?.text).toBe('maintained');
    expect(atts.find((a) => a.content.text.includes('Ohio'))).toBeUndefined();
    expect(atts.find((a) => a.content.text.includes('Vermont'))).toBeUndefined();
    expect(atts.find((a) => a.content.text.includes('holding contests'))).toBeUndefined();
    expect(about(atts, 'to see lower taxes').cue?.text).toBe('like');
    expect(about(atts, 'exports fell').cue?.text).toBe('states');
  });

  it('keeps temporal and conditional clauses and time phrases with the reported clause', () => {
    const atts = run(
      'Ana Ruiz says she knew little about the plan before she announced her bid.',
      'Top donor Sheldon Adelson said on Friday he met the candidate earlier this week.',
    );
    expect(about(atts, 'knew little').content.text).toBe('she knew little about the plan before she announced her bid');
    expect(about(atts, 'he met the candidate')).toMatchObject({
      cue: { text: 'said' },
      source: { text: 'Top donor Sheldon Adelson' },
    });
  });

  it('reads evidence cues after a whole noun phrase ("a new poll shows that")', () => {
    const atts = run(
      'A new Harbor poll shows that most renters expect higher costs.',
      'Polling averages show the mayor with a narrow lead.',
    );
    expect(about(atts, 'most renters expect')).toMatchObject({ cue: { text: 'shows' }, source: { text: 'A new Harbor poll' } });
    expect(about(atts, 'narrow lead').source?.text).toBe('Polling averages');
  });

  it('takes a sentence-initial subject whose modifiers are coordinated', () => {
    const atts = run('Experts on trade and farm policy said the tariff would raise food prices.');
    expect(about(atts, 'raise food prices')).toMatchObject({
      cue: { text: 'said' },
      source: { text: 'Experts on trade and farm policy' },
    });
  });

  it('steps over "City, State," after the cue and takes a name after an opening description', () => {
    const atts = run(
      'Clinton says at a campaign stop in Toledo, Ohio, that the plan failed workers.',
      'A lawyer for the news outlets, Dana Ruiz, said no decision had been made.',
    );
    expect(about(atts, 'the plan failed workers')).toMatchObject({ cue: { text: 'says' }, source: { text: 'Clinton' } });
    expect(about(atts, 'no decision had been made')).toMatchObject({
      source: { text: 'Dana Ruiz' },
      speaker: { name: 'Dana Ruiz', role: 'A lawyer for the news outlets' },
    });
  });

  it('leaves a closing relative clause on an object out of the content', () => {
    const atts = run('Senator Ray Cole acknowledged the cost of the levee, which makes him an outlier in his party.');
    expect(about(atts, 'the cost of the levee').content.text).toBe('the cost of the levee');
  });

  it('gives "seems" no source or speaker: it is the writer\'s assessment', () => {
    const atts = run('Senator Ray Cole seems to have lost interest in the levee.');
    expect(about(atts, 'lost interest')).toMatchObject({
      cue: { text: 'seems' },
      source: null,
      speaker: { name: null, kind: 'unknown' },
    });
  });

  it('keeps a named person\'s report inside the writer\'s assessment ("appeared …, when Clinton accused him of …")', () => {
    const atts = run(
      'He appeared rattled at the debate, unable to muster much more than “ooooh” when Ann Cole accused him of an “artful smear” over her fundraising.',
    );
    expect(about(atts, 'artful smear')).toMatchObject({ cue: { text: 'accused' }, speaker: { name: 'Ann Cole' } });
    expect(about(atts, 'rattled')).toMatchObject({ cue: { text: 'appeared' }, source: null });
    // "he" telling inside the assessment is the subject's report; "he appears to understand" is not one
    const told = run(
      'Senator Carl Dunmore spoke in Iowa.',
      'Dunmore appeared to dismiss the canal issue in October, when he told Hale at a debate that voters were “sick and tired of hearing about your canal.”',
      "Dunmore doesn't seem like a man who has thought much about canals, but despite that, there are still some things he appears to understand better than the rest of the party.",
    );
    expect(about(told, 'sick and tired')).toMatchObject({ cue: { text: 'told' }, speaker: { name: 'Carl Dunmore' } });
    expect(told.filter((a) => a.cue?.text === 'appears')).toEqual([]);
  });

  it('reports questions put by an unnamed asker without a source', () => {
    const atts = run(
      'Asked whether the mayor “can be trusted with the budget,” most residents said no.',
      'The governor was asked about the bridge closure on Monday.',
    );
    const question = atts.find((a) => a.cue?.text === 'Asked');
    expect(question).toMatchObject({ type: 'mixed', source: null, speaker: { name: null, kind: 'unknown' } });
    expect(question?.content.text).toBe('whether the mayor “can be trusted with the budget,”');
    expect(about(atts, 'the bridge closure')).toMatchObject({ type: 'indirect', cue: { text: 'was asked' }, source: null });
  });

  it('inflects the lexicon: tweeted, insisting, has acknowledged', () => {
    const atts = run(
      'Carla Mendes tweeted that the vote was rigged.',
      'Mendes left early, insisting that she had done nothing wrong.',
      'Her lawyer has acknowledged that the papers were late.',
    );
    expect(about(atts, 'the vote was rigged').cue?.text).toBe('tweeted');
    expect(about(atts, 'done nothing wrong').speaker.name).toBe('Carla Mendes');
    expect(about(atts, 'papers were late').cue?.text).toBe('acknowledged');
  });
});

describe('speakers', () => {
  it('strips titles and appositives into the role and clusters surnames', () => {
    const atts = run('Senator Jane Roe, a Democrat from Ohio, said the bill would pass.', '“We have the votes,” Roe said.');
    expect(about(atts, 'the bill would pass').speaker).toMatchObject({ name: 'Jane Roe', kind: 'person' });
    expect(about(atts, 'the bill would pass').speaker.role).toBeTruthy();
    expect(about(atts, 'We have the votes').speaker.name).toBe('Jane Roe');
  });

  it('resolves a surname misspelt by one letter', () => {
    const atts = run('President Andrzej Wisniewski spoke first.', '“We are ready,” Wisniewksi said.');
    expect(about(atts, 'We are ready').speaker.name).toBe('Andrzej Wisniewski');
  });

  it('resolves a pronoun to the subject of the reporting clause, not the last name seen', () => {
    const atts = run(
      'Prime Minister Olga Berg said on Monday that talks would resume.',
      '“We are close to a deal,” she said after a call with Chancellor Maria Lind.',
      'On Tuesday, Berg thanked Lind.',
      '“It was a good call,” he said.',
    );
    expect(about(atts, 'close to a deal').speaker.name).toBe('Olga Berg');
    const fallback = about(atts, 'good call');
    expect(fallback.speaker.name).not.toBe('Maria Lind');
  });

  it('resolves role nouns to the person introduced with that role', () => {
    const atts = run(
      'Governor Ray Holt and Vice President Dana Cole met in Denver.',
      '“The state will not back down,” the governor said.',
      '“Neither will we,” the vice president said.',
      'The Bolivian leader, President Elena Ruiz, did not attend.',
      '“We sent a letter,” the Bolivian president said.',
    );
    expect(about(atts, 'will not back down').speaker.name).toBe('Ray Holt');
    expect(about(atts, 'Neither will we').speaker.name).toBe('Dana Cole');
    expect(about(atts, 'We sent a letter').speaker.name).toBe('Elena Ruiz');
  });

  it('gives organisations, spokespeople, statements, groups and anonymous sources their kind', () => {
    const atts = run(
      'The Interior Ministry said the border would reopen.',
      'A Foreign Ministry spokesperson said the claims were “baseless”.',
      '“We condemn the attack,” said a joint statement by the three governments.',
      'A person familiar with the talks said a deal was near.',
      'Several lawmakers said they would vote against it.',
    );
    expect(about(atts, 'border would reopen').speaker.kind).toBe('organization');
    expect(about(atts, 'baseless').speaker).toMatchObject({ kind: 'organization', role: 'spokesperson' });
    expect(about(atts, 'We condemn the attack').speaker.kind).toBe('document');
    expect(about(atts, 'a deal was near').speaker.kind).toBe('anonymous');
    expect(about(atts, 'vote against it').speaker.kind).toBe('group');
  });
});

describe('reporting chains', () => {
  it('records second-hand words with who relayed them', () => {
    const atts = run(
      'Secretary Paul Rivera met the delegation on Friday.',
      'Three lawmakers said they were told by Rivera that the plan was “dead on arrival”.',
      'Councillor Ann Moss said Rivera told her that the funds were frozen.',
      'The Daily Ledger quoted Rivera as saying that the army would withdraw.',
    );
    const told = about(atts, 'dead on arrival');
    expect(told.speaker.name).toBe('Paul Rivera');
    expect(told.reportedBy).toMatchObject({ kind: 'group' });
    const frozen = about(atts, 'funds were frozen');
    expect(frozen.speaker.name).toBe('Paul Rivera');
    expect(frozen.reportedBy?.name).toBe('Ann Moss');
    const quoted = about(atts, 'army would withdraw');
    expect(quoted.speaker.name).toBe('Paul Rivera');
    expect(quoted.reportedBy?.name).toContain('Daily Ledger');
  });

  it('keeps a speaker named twice around one quotation first-hand, not relayed by themselves', () => {
    const atts = run(
      'Senator Ray Colby spoke in Denver on Monday.',
      'Asked about the budget, he warned, "Cutting the program now will cost us far more later," Colby told the station.',
    );
    const a = about(atts, 'cost us far more later');
    expect(a.speaker.name).toBe('Ray Colby');
    expect(a.reportedBy).toBeUndefined();
  });

  it('reads "according to X, Y said" as Y relayed by X', () => {
    const atts = run('Nurse Kim Tal said the ward was full.', 'According to the hospital, Tal said the ward had closed.');
    const a = about(atts, 'ward had closed');
    expect(a.speaker.name).toBe('Kim Tal');
    expect(a.reportedBy?.kind).toBe('organization');
  });
});

describe('robustness', () => {
  it('returns nothing for empty or blank text', () => {
    expect(extractAttributions({ text: '', paragraphs: [] })).toEqual([]);
    expect(extractAttributions({ text: '\n\n', paragraphs: ['', '', ''] })).toEqual([]);
  });

  it('handles 100,000 quote marks', () => {
    const text = `He said ${'“'.repeat(60_000)} and ${'” “'.repeat(20_000)}.`;
    const atts = extractAttributions({ text, paragraphs: [text] });
    for (const a of atts) expect(a.content.end).toBeLessThanOrEqual(text.length);
  });

  it('finishes on pathological inputs (one long sentence of cues, many names, many clauses)', () => {
    const inputs = [
      'Smith said '.repeat(20_000),
      'Smith left, adding, saying, noting, '.repeat(5_000),
      '“a” said Bob, '.repeat(10_000),
      Array.from({ length: 3_000 }, (_, i) => `Senator Name${i} Person${i} spoke. The senator said no. He said yes.`).join(' '),
      `Smith said it${', but no'.repeat(20_000)} “yes”.`,
      `${'von '.repeat(20_000)}Leyen said it.`,
    ];
    for (const text of inputs) {
      const atts = extractAttributions({ text, paragraphs: text.split('\n') });
      for (const a of atts) expect(text.slice(a.content.start, a.content.end)).toBe(a.content.text);
    }
    // A safety bound, not a speed test: a return to quadratic behaviour takes minutes; under a
    // loaded 2-core machine the linear code takes up to ~9 s.
  }, 60_000);

  it('never throws and keeps every span inside the text', () => {
    const piece = fc.constantFrom(
      '“',
      '”',
      '"',
      '‘',
      '’',
      '«',
      '»',
      ' said ',
      ' he ',
      'Mr. ',
      'Smith',
      ', ',
      '. ',
      '\n',
      ' that ',
      'according to ',
      ':',
      '—',
      'The senator',
      'told by ',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        const atts = extractAttributions({ text, paragraphs: text.split('\n') });
        for (const a of atts) {
          for (const s of [a.content, a.cue, a.source]) {
            if (!s) continue;
            expect(s.start).toBeGreaterThanOrEqual(0);
            expect(s.end).toBeLessThanOrEqual(text.length);
            expect(text.slice(s.start, s.end)).toBe(s.text);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
