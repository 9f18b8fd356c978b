import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Attribution, Claim, Speaker } from '@quotecheck/shared';
import { describe, expect, it } from 'vitest';
import { MemoryClaimStore } from './memory-store.js';
import type { ArticleInput } from './prepare.js';
import { Verifier } from './verifier.js';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const SEED = readFileSync(resolve(CORPUS, 'seed/aljazeera-2025-11-23-geneva-talks.txt'), 'utf8');

function spanOf(text: string, needle: string) {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`fixture text not found: ${needle}`);
  return { start: i, end: i + needle.length, text: needle };
}

function att(
  text: string,
  type: Attribution['type'],
  content: string,
  speaker: Speaker,
  extra: Partial<Attribution> = {},
): Attribution {
  return { type, content: spanOf(text, content), cue: null, source: null, speaker, ...extra };
}

function article(
  id: string,
  outlet: string,
  text: string,
  attributions: Attribution[],
  published: string | null = null,
): ArticleInput {
  return { id, input: `${id}.txt`, outlet, published, text, paragraphs: text.split('\n'), byline: null, attributions };
}

const person = (name: string): Speaker => ({ name, kind: 'person' });
const find = (claims: Claim[], canonical: string) => claims.find((c) => c.canonical === canonical);

/** The seed's attributions as a correct extractor gives them. */
function seedAttributions(): Attribution[] {
  const t = SEED;
  return [
    att(
      t,
      'mixed',
      'the widely leaked draft peace plan did not reflect the US position, but was a Russian “wish list”',
      person('Rubio'),
      {
        cue: spanOf(t, 'told'),
        reportedBy: { name: 'A group of US senators', kind: 'group', source: null },
      },
    ),
    att(t, 'direct', 'It looked more like it was written in Russian to begin with', person('Senator Mike Rounds')),
    att(
      t,
      'mixed',
      'the plan was “authored by the US” and it was “based on input” from both Russia and Ukraine',
      person('Rubio'),
      {
        cue: spanOf(t, 'insisting'),
      },
    ),
    att(
      t,
      'mixed',
      'the plan was presented to Witkoff, Trump’s overseas envoy, by “someone … representing Russia”',
      person('Rounds'),
      {
        cue: spanOf(t, 'assured'),
      },
    ),
    att(t, 'direct', 'It is not our recommendation. It is not our peace plan.', {
      name: null,
      kind: 'person',
      role: 'the senator',
    }),
    att(t, 'mixed', 'Rounds’s account of his conversation with Rubio was “blatantly false”', {
      name: 'US Department of State spokesperson',
      kind: 'organization',
    }),
    att(t, 'direct', 'I will present arguments, I will persuade, I will propose alternatives', person('Zelenskyy')),
  ];
}

describe('Verifier on the seed article (hand-built attributions)', () => {
  it('flags the second-hand "wish list" as denied by the State Department and contradicted by Rubio on record', async () => {
    const store = new MemoryClaimStore();
    await new Verifier(store).addArticle(article('seed', 'aljazeera', SEED, seedAttributions()));
    const claims = store.all();
    const wish = find(claims, 'wish list')!;
    expect(wish.speaker.name).toBe('Marco Rubio');
    expect(wish.speaker.role).toContain('Secretary of State');
    expect(wish.status).toBe('denied');
    expect(wish.flags).toEqual(expect.arrayContaining(['denied', 'contradicted', 'second_hand']));
    const denial = wish.evidence.find((e) => e.flag === 'denied' && e.sentence.includes('blatantly false'));
    expect(denial?.note).toMatch(/office of the .*Secretary of State/);
    const contra = wish.evidence.find((e) => e.flag === 'contradicted');
    expect(contra?.sentence).toContain('authored by the US');
    // Evidence offsets point at the sentence in the article.
    expect(SEED.slice(denial!.start, denial!.end)).toBe(denial!.sentence);
  });

  it('disputes Rounds’s own report of what he was told, not his other remarks', async () => {
    const store = new MemoryClaimStore();
    await new Verifier(store).addArticle(article('seed', 'aljazeera', SEED, seedAttributions()));
    const claims = store.all();
    const someone = find(claims, 'someone … representing Russia')!;
    expect(someone.speaker.name).toBe('Mike Rounds');
    expect(someone.flags).toContain('denied');
    expect(someone.evidence.find((e) => e.flag === 'denied')?.rule).toBe('account-disputed');
    expect(find(claims, 'It looked more like it was written in Russian to begin with')?.flags).not.toContain('denied');
    // The role-only "the senator" resolves to the one senator of the article.
    expect(find(claims, 'It is not our recommendation. It is not our peace plan.')?.speaker.name).toBe('Mike Rounds');
    // Rubio's first-hand words are not disputed by his own denial.
    expect(find(claims, 'authored by the US')?.status).toBe('single_source');
    expect(find(claims, 'I will present arguments, I will persuade, I will propose alternatives')?.status).toBe('single_source');
  });
});

describe('Verifier across articles', () => {
  const q = 'We are going to make this country safe again, and we will do it quickly.';
  const make = (id: string, outlet: string, speaker: Speaker, lead = 'The candidate spoke in Ohio.', extra = '') =>
    article(id, outlet, `${lead}\n“${q}” he said.\n${extra}`, [att(`${lead}\n“${q}” he said.\n${extra}`, 'direct', q, speaker)]);

  it('keeps a named person and an unnamed speaker one article quoted apart, even when a later excerpt links to both', async () => {
    const named = 'There’s a special place in hell for women who don’t help each other.';
    const other = 'There is a special place in hell for women who vote for women just because they’re women.';
    const first = `Albright repeated her line: “${named}”\nAt a town hall, a supporter retorted: “${other}”`;
    const store = new MemoryClaimStore();
    const v = new Verifier(store);
    await v.addArticle(
      article('h1', 'outlet-a', first, [
        att(first, 'direct', named, person('Madeleine Albright')),
        att(first, 'direct', other, { name: null, kind: 'person', role: 'supporter' }),
      ]),
    );
    const again = `Sarandon recalled the remark.\n“${named}” Albright said.`;
    await v.addArticle(article('h2', 'outlet-b', again, [att(again, 'direct', named, person('Madeleine Albright'))]));

    const claims = store.all();
    expect(claims).toHaveLength(2);
    expect(claims.find((c) => c.canonical === other)?.occurrences).toHaveLength(1);
    expect(claims.find((c) => c.canonical !== other)?.occurrences).toHaveLength(2);
  });

  it('corroborates a quote two independent outlets carry with the same speaker', async () => {
    const store = new MemoryClaimStore();
    const v = new Verifier(store);
    await v.addArticle(make('a1', 'outlet-a', person('Donald Trump'), 'Mr. Trump spoke to voters in Ohio on Tuesday night.'));
    await v.addArticle(
      make('a2', 'outlet-b', person('Trump'), 'At a rally in a packed arena, the Republican nominee attacked his rival.'),
    );
    const [c] = store.all();
    expect(store.all()).toHaveLength(1);
    expect(c?.occurrences).toHaveLength(2);
    expect(c?.independentSources).toBe(2);
    expect(c?.status).toBe('corroborated');
  });

  it('links a speaker’s one-word quote across articles only when the sentences around it share a topic', async () => {
    const store = new MemoryClaimStore();
    const v = new Verifier(store);
    const one = (id: string, outlet: string, text: string) =>
      article(id, outlet, text, [att(text, 'direct', 'disaster', person('Donald Trump'))]);
    await v.addArticle(one('d1', 'outlet-a', 'Trump called the North American Free Trade Agreement a “disaster” in Ohio.'));
    await v.addArticle(one('d2', 'outlet-b', 'Donald Trump tweeted that the email finding was a “disaster” for Clinton.'));
    await v.addArticle(one('d3', 'outlet-c', 'Trump again called the trade agreement a “disaster” for workers.'));
    const claims = store.all();
    expect(claims.map((c) => c.occurrences.map((o) => o.articleId).sort())).toEqual(
      expect.arrayContaining([['d1', 'd3'], ['d2']]),
    );
    expect(claims).toHaveLength(2);
  });

  it('corroborates a quotation one outlet printed with a bracketed clarification ("not Bill [Clinton]")', async () => {
    const store = new MemoryClaimStore();
    const v = new Verifier(store);
    const obama = person('Barack Obama');
    const plain = 'there has never been a man or a woman, not me, not Bill, nobody more qualified than Hillary Clinton';
    const bracketed =
      'there has never been a man or a woman, not me, not Bill [Clinton], nobody more qualified than Hillary Clinton';
    for (const [id, outlet, lead, q] of [
      ['b1', 'outlet-a', 'Speaking in Philadelphia on Wednesday night, the president told delegates', plain],
      ['b2', 'outlet-b', 'At the convention, Barack Obama made the case for his former rival, saying', bracketed],
    ] as const) {
      const t = `${lead} “${q}.”`;
      await v.addArticle(article(id, outlet, t, [att(t, 'direct', q, obama)]));
    }
    const [claim, ...rest] = store.all();
    expect(rest).toEqual([]);
    expect(claim?.status).toBe('corroborated');
  });

  it('links a three-word phrase quoted alone word for word without a shared topic, not one inside a longer quote', async () => {
    const store = new MemoryClaimStore();
    const v = new Verifier(store);
    const trump = person('Donald Trump');
    const a = 'Mr. Trump’s temperament came under scrutiny: he was challenged over his statement that “Islam hates us.”';
    const b = 'As the debate progressed, Trump stood by his comment that “Islam hates us,” refusing to budge.';
    const c = 'At a rally in Iowa, Trump said “I think Islam hates us a lot” before turning to trade.';
    await v.addArticle(article('i1', 'outlet-a', a, [att(a, 'mixed', 'Islam hates us', trump)]));
    await v.addArticle(article('i2', 'outlet-b', b, [att(b, 'mixed', 'Islam hates us', trump)]));
    await v.addArticle(article('i3', 'outlet-c', c, [att(c, 'direct', 'I think Islam hates us a lot', trump)]));
    const claims = store.all();
    expect(claims.map((x) => x.occurrences.map((o) => o.articleId).sort())).toEqual(
      expect.arrayContaining([['i1', 'i2'], ['i3']]),
    );
    expect(claims).toHaveLength(2);
  });

  it('posts a reprinted wording’s n-grams once: a reprint joins the claim without posting them again', async () => {
    const store = new MemoryClaimStore();
    const posted: number[] = [];
    const transact = store.transact.bind(store);
    store.transact = (work) =>
      transact(async (tx) => {
        const out = await work(tx);
        posted.push(out.writes.postings.length);
        return out;
      });
    const v = new Verifier(store);
    await v.addArticle(make('r1', 'outlet-a', person('Donald Trump'), 'Mr. Trump spoke to voters in Ohio on Tuesday night.'));
    await v.addArticle(
      make('r2', 'outlet-b', person('Donald Trump'), 'At a rally in a packed arena, the nominee attacked his rival.'),
    );
    expect(store.all()).toHaveLength(1);
    expect(store.all()[0]?.occurrences).toHaveLength(2);
    expect(posted[0]).toBeGreaterThan(0);
    expect(posted[1]).toBe(0);
  });

  it('counts near-identical copies of one story as one source', async () => {
    const store = new MemoryClaimStore();
    const v = new Verifier(store);
    const lead =
      'Donald Trump told supporters in Ohio on Tuesday that crime was rising and promised a tougher approach to policing.';
    const tail =
      'The campaign did not say how the plan would be paid for, and officials in Ohio declined to comment on the remarks.';
    await v.addArticle(make('b1', 'outlet-a', person('Donald Trump'), lead, tail));
    await v.addArticle(make('b2', 'outlet-b', person('Donald Trump'), lead, tail));
    const [c] = store.all();
    expect(c?.occurrences).toHaveLength(2);
    expect(c?.independentSources).toBe(1);
    expect(c?.status).toBe('single_source');
  });

  it('flags conflicting speakers when outlets name different people', async () => {
    const store = new MemoryClaimStore();
    const v = new Verifier(store);
    await v.addArticle(make('c1', 'outlet-a', person('Donald Trump')));
    await v.addArticle(make('c2', 'outlet-b', person('Mike Pence'), 'A different lead paragraph entirely, about Indiana.'));
    const [c] = store.all();
    expect(c?.status).toBe('conflicting_speaker');
    expect(c?.evidence.filter((e) => e.flag === 'conflicting_speaker').map((e) => e.note)).toEqual(
      expect.arrayContaining(['attributed to Donald Trump', 'attributed to Mike Pence']),
    );
  });

  it('marks a quote only anonymous sources give as anonymous', async () => {
    const store = new MemoryClaimStore();
    await new Verifier(store).addArticle(make('d1', 'outlet-a', { name: 'a person familiar with the talks', kind: 'anonymous' }));
    expect(store.all()[0]?.status).toBe('anonymous');
  });

  it('links a later denial that names the reporter to the second-hand claim in another article', async () => {
    const store = new MemoryClaimStore();
    const v = new Verifier(store);
    const t1 = 'Senator Jane Doe said Governor Alan Smith told her the budget was “dead on arrival”.';
    await v.addArticle(
      article('e1', 'outlet-a', t1, [
        att(t1, 'mixed', 'the budget was “dead on arrival”', person('Alan Smith'), {
          reportedBy: { name: 'Jane Doe', kind: 'person', source: null },
        }),
      ]),
    );
    const t2 = 'A spokesman for Governor Alan Smith said Doe’s account was “completely false”.';
    await v.addArticle(
      article('e2', 'outlet-b', t2, [
        att(t2, 'mixed', 'Doe’s account was “completely false”', { name: 'spokesman for Governor Alan Smith', kind: 'person' }),
      ]),
    );
    const c = find(store.all(), 'dead on arrival')!;
    expect(c.flags).toEqual(expect.arrayContaining(['denied', 'second_hand']));
    expect(c.evidence.find((e) => e.flag === 'denied')?.input).toBe('e2.txt');
  });

  it('reads the topic of a fragment quoted in another article from its sentence, so a denial of saying it reaches the claim', async () => {
    const store = new MemoryClaimStore();
    const v = new Verifier(store);
    const a = 'Soon Donald Trump had declared that he “would certainly implement” a database to track Muslims in the country.';
    await v.addArticle(
      article('nyt', 'nyt', a, [
        att(a, 'mixed', 'he “would certainly implement” a database to track Muslims in the country', person('Donald Trump')),
      ]),
    );
    const b =
      'Donald Trump tweeted on Friday to say he had never suggested the country should use a database to track Muslims.\nA reporter had asked him about a database at an event in Iowa.\n“I would certainly implement that, absolutely,” he said.';
    await v.addArticle(
      article('huff', 'huff', b, [att(b, 'direct', 'I would certainly implement that, absolutely', person('Donald Trump'))]),
    );
    const claim = store.all().find((c) => c.occurrences.length === 2);
    expect(claim?.flags).toContain('denied');
  });

  it('does not call a first-hand quote contradicted or denied by an unrelated denial in the same article', async () => {
    const store = new MemoryClaimStore();
    const t =
      'Donald Trump told reporters: “Only a fool would send such a letter to the newspaper.”\nTrump denied the accusations through a spokeswoman, dismissing the former employee.\nCarson’s account of the meeting was false, his aide Bennett said.';
    await new Verifier(store).addArticle(
      article('f1', 'outlet-a', t, [
        att(t, 'direct', 'Only a fool would send such a letter to the newspaper.', person('Donald Trump')),
        att(t, 'indirect', 'the accusations', person('Trump'), { cue: spanOf(t, 'denied') }),
      ]),
    );
    const c = find(store.all(), 'Only a fool would send such a letter to the newspaper.')!;
    expect(c.flags).toEqual(['single_source']);
  });

  describe('denials that are not denials of the attribution', () => {
    // A second-hand claim with its reporter, then a sentence about it in the same article.
    async function secondHandWith(sentence: string): Promise<Claim> {
      const store = new MemoryClaimStore();
      const t = `Senator Jane Doe said Governor Alan Smith told her the budget was “dead on arrival”.\n${sentence}`;
      await new Verifier(store).addArticle(
        article('n1', 'outlet-a', t, [
          att(t, 'mixed', 'the budget was “dead on arrival”', person('Alan Smith'), {
            reportedBy: { name: 'Jane Doe', kind: 'person', source: null },
          }),
        ]),
      );
      return find(store.all(), 'dead on arrival')!;
    }

    it('counts a denial of the account by the speaker (the positive control)', async () => {
      expect((await secondHandWith('Smith denied Doe’s account of the meeting.')).flags).toContain('denied');
      expect((await secondHandWith('Smith denied saying it.')).flags).toContain('denied');
    });

    it('ignores negated cues', async () => {
      expect((await secondHandWith('Smith did not deny Doe’s account of the meeting.')).flags).not.toContain('denied');
      expect((await secondHandWith('Smith never disputed Doe’s account of the meeting.')).flags).not.toContain('denied');
    });

    it('ignores denials of accusations against the speaker', async () => {
      expect((await secondHandWith('Smith denied the allegations Doe made about his campaign.')).flags).not.toContain('denied');
      expect((await secondHandWith('Smith dismissed the reports that he had taken money from Doe.')).flags).not.toContain(
        'denied',
      );
      expect(
        (await secondHandWith('Smith denied wrongdoing, calling the reports about Doe “anonymous hearsay”.')).flags,
      ).not.toContain('denied');
      expect((await secondHandWith('Smith denied the fraud claims.')).flags).not.toContain('denied');
    });
  });

  it('does not call a quote denied by a denial that only shares some of its words or is the quote itself', async () => {
    const store = new MemoryClaimStore();
    const v = new Verifier(store);
    const t1 = 'Donald Trump said the governor will endorse the Republican nominee.';
    const t2 =
      'Donald Trump dismissed a report that the governor will not endorse the businessman if he becomes the Republican party nominee.';
    const t3 = 'Trump said: “I never said that about the wall. I never said that about the wall.”';
    const t4 = '“I never said that about the wall. Okay? Wouldn’t matter, I never said it,” Trump said.';
    const q3 = 'I never said that about the wall. I never said that about the wall.';
    const q4 = 'I never said that about the wall. Okay? Wouldn’t matter, I never said it,';
    await v.addArticle(
      article('w1', 'outlet-a', t1, [
        att(t1, 'indirect', 'the governor will endorse the Republican nominee', person('Donald Trump')),
      ]),
    );
    await v.addArticle(article('w2', 'outlet-b', t2, []));
    await v.addArticle(article('w3', 'outlet-c', t3, [att(t3, 'direct', q3, person('Trump'))]));
    await v.addArticle(article('w4', 'outlet-d', t4, [att(t4, 'direct', q4, person('Donald Trump'))]));
    for (const c of store.all()) expect(c.flags, c.canonical).not.toContain('denied');
  });

  it('puts every outlet’s cut of an interrupted remark in one claim, in any order of arrival', async () => {
    const trump = person('Donald Trump');
    const a = '“You think I’m going to change?” he said at a news conference last month. “I’m not changing.”';
    const b = '“You think I’m going to change?” Trump asked reporters rhetorically. “I’m not changing.”';
    const c = 'At a news conference about his tone, Trump was blunt: “I’m not changing.”';
    const articles = [
      article('n1', 'outlet-a', a, [
        att(a, 'direct', 'You think I’m going to change?', trump),
        att(a, 'direct', 'I’m not changing.', trump),
      ]),
      article('n2', 'outlet-b', b, [
        att(b, 'direct', 'You think I’m going to change?', trump),
        att(b, 'direct', 'I’m not changing.', trump),
      ]),
      article('n3', 'outlet-c', c, [att(c, 'direct', 'I’m not changing.', trump)]),
    ];
    for (const order of [
      [0, 1, 2],
      [2, 1, 0],
      [1, 2, 0],
    ]) {
      const store = new MemoryClaimStore();
      const v = new Verifier(store);
      for (const i of order) await v.addArticle(articles[i]!);
      const claims = store.all();
      expect(claims.map((x) => x.canonical)).toEqual(['You think I’m going to change? … I’m not changing.']);
      expect(claims[0]?.occurrences).toHaveLength(3);
      expect(claims[0]?.status).toBe('corroborated');
    }
  });

  it('does not read a capital after an ellipsis as a name: leaving out the "And" there keeps the meaning', async () => {
    const calderon = person('Felipe Calderon');
    const a =
      '“We are not going to pay any single cent for such a stupid wall,” Calderon told CNBC. “And it’s going to be useless.”';
    const b = '“We are not going to pay any single cent for such a stupid wall,” Calderon said. “It’s going to be useless.”';
    const store = new MemoryClaimStore();
    const v = new Verifier(store);
    for (const [id, outlet, t, second] of [
      ['w1', 'outlet-a', a, 'And it’s going to be useless.'],
      ['w2', 'outlet-b', b, 'It’s going to be useless.'],
    ] as const)
      await v.addArticle(
        article(id, outlet, t, [
          att(t, 'direct', 'We are not going to pay any single cent for such a stupid wall', calderon),
          att(t, 'direct', second, calderon),
        ]),
      );
    const [claim, ...rest] = store.all();
    expect(rest).toEqual([]);
    expect(claim?.occurrences.map((o) => o.meaningChanged)).toEqual([false, false]);
    expect(claim?.status).toBe('corroborated');
  });

  it('is idempotent: the same article twice changes nothing', async () => {
    const store = new MemoryClaimStore();
    let t = 0;
    const v = new Verifier(store, { now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, t++)) });
    await v.addArticle(article('seed', 'aljazeera', SEED, seedAttributions()));
    const first = JSON.stringify(store.all());
    const again = await v.addArticle(article('seed', 'aljazeera', SEED, seedAttributions()));
    expect(again.changed).toEqual([]);
    expect(JSON.stringify(store.all())).toBe(first);
  });
});

describe('paraphrases without one speaker', () => {
  const reporter: Speaker = { name: null, kind: 'person', role: 'reporter' };
  const WALL =
    'he would increase fees for border crossing cards and temporary visas to pay for the border wall he wants to build';
  const QUESTION = 'whether they talked about his constant vow to get Mexico to pay for the border wall he wants to build';

  it('keeps two outlets’ paraphrases apart when they share only a run of reporting words', async () => {
    const store = new MemoryClaimStore();
    const v = new Verifier(store);
    const a = `Mr. Marsh said ${WALL}.`;
    const b = `A reporter asked ${QUESTION}.`;
    await v.addArticle(article('wall-a', 'outlet-a', a, [att(a, 'indirect', WALL, person('Dan Marsh'))]));
    await v.addArticle(article('wall-b', 'outlet-b', b, [att(b, 'indirect', QUESTION, reporter)]));
    expect(store.all().map((c) => c.occurrences.length)).toEqual([1, 1]);
  });

  it('still takes a reprinted paraphrase for the same report', async () => {
    const store = new MemoryClaimStore();
    const v = new Verifier(store);
    const a = `Officials said ${QUESTION}.`;
    await v.addArticle(article('wall-c', 'outlet-a', a, [att(a, 'indirect', QUESTION, reporter)]));
    await v.addArticle(article('wall-d', 'outlet-b', a, [att(a, 'indirect', QUESTION, reporter)]));
    expect(store.all().map((c) => c.occurrences.length)).toEqual([2]);
  });
});
