import type { Attribution, AttributionType, Claim } from '@quotecheck/shared';
import { createLogger } from '@quotecheck/shared';
import { describe, expect, it } from 'vitest';
import { logFlagged } from '../flag-log.js';
import { MemoryClaimStore } from '../memory-store.js';
import type { ArticleInput } from '../prepare.js';
import { topicWords } from '../topic.js';
import { Verifier } from '../verifier.js';
import { disputeCue } from './statements.js';

// Hand-written short articles: a statement in one, its dispute in another (made-up people and places).
type Quote = [text: string, type: AttributionType, speaker: string];

function article(id: string, outlet: string, paragraphs: string[], quotes: Quote[]): ArticleInput {
  const text = paragraphs.join('\n');
  const attributions: Attribution[] = quotes.map(([q, type, name]) => {
    const start = text.indexOf(q);
    if (start < 0) throw new Error(`fixture: “${q}” not in ${id}`);
    return {
      type,
      content: { start, end: start + q.length, text: q },
      cue: null,
      source: null,
      speaker: { name, kind: 'person' },
    };
  });
  return { id, input: `${id}.txt`, outlet, published: null, text, paragraphs, byline: null, attributions };
}

const PLEDGE = 'We will build the canal across the northern valley by next spring';
const COST = 'The canal will cost less than the old bridge did';
const CRIME = 'Crime fell 40 percent in my first year in office';
const PRIORITY = 'Crime is the first thing voters ask me about';

/** The statements: two of them will be disputed elsewhere; the others, same speaker and topic, are not. */
const statements = article(
  'alder-rally',
  'outlet-a',
  [
    `Governor Jane Alder spoke at a rally in Brookfield on Monday. “${PLEDGE},” Alder said.`,
    `“${COST},” she added, and said the state would borrow for it.`,
    `On policing, Alder said: “${CRIME}.”`,
    `“${PRIORITY},” Alder told the crowd.`,
  ],
  [
    [PLEDGE, 'direct', 'Jane Alder'],
    [COST, 'direct', 'Jane Alder'],
    [CRIME, 'direct', 'Jane Alder'],
    [PRIORITY, 'direct', 'Jane Alder'],
  ],
);

/** The disputes, in another outlet's article: a walk-back and a fact-check rating, neither quoting the words. */
const disputes = article(
  'alder-later',
  'outlet-b',
  [
    'Governor Jane Alder on Thursday walked back her pledge to build a canal across the northern valley by next spring, calling the date an aspiration.',
    '“Schedules slip,” Alder said.',
    'PolitiFact rated Alder’s claim that crime fell 40 percent in her first year Pants on Fire: crime fell 4 percent.',
  ],
  [['Schedules slip', 'direct', 'Jane Alder']],
);

function byText(claims: readonly Claim[], words: string): Claim {
  const c = claims.find((x) => x.canonical.includes(words));
  if (!c) throw new Error(`no claim holding “${words}”`);
  return c;
}

const DISPUTE_FLAGS = ['denied', 'walked_back', 'contradicted', 'fact_checked_false'];

async function run(order: ArticleInput[]) {
  const store = new MemoryClaimStore();
  const v = new Verifier(store);
  const lines: Record<string, unknown>[] = [];
  const log = createLogger({ level: 'warn', destination: { write: (s: string) => void lines.push(JSON.parse(s)) } });
  for (const a of order) await logFlagged((await v.addArticle(a)).changed, store, log);
  return { claims: store.all(), lines };
}

describe('disputes across articles', () => {
  for (const [name, order] of [
    ['statement first, then the dispute article', [statements, disputes]],
    ['dispute article first, then the statement', [disputes, statements]],
  ] as const) {
    it(`attaches a walk-back and a fact-check rating from another article (${name})`, async () => {
      const { claims, lines } = await run([...order]);
      const pledge = byText(claims, 'northern valley');
      expect(pledge.status).toBe('walked_back');
      const walk = pledge.evidence.find((e) => e.flag === 'walked_back');
      expect(walk?.rule).toBe('walk-back');
      expect(walk?.input).toBe('alder-later.txt');
      expect(walk?.sentence).toMatch(/^Governor Jane Alder on Thursday walked back/);
      expect(walk?.by).toBe('the speaker');
      expect(disputes.text.slice(walk!.start, walk!.end)).toBe(walk!.sentence);

      const crime = byText(claims, 'Crime fell 40 percent');
      expect(crime.status).toBe('fact_checked_false');
      const rating = crime.evidence.find((e) => e.flag === 'fact_checked_false');
      expect(rating?.rule).toBe('fact-check-false');
      expect(rating?.by).toBe('PolitiFact');
      expect(rating?.note).toMatch(/Pants on Fire/);

      // Same speaker, same topic ("canal", "crime", "first"), not disputed.
      for (const words of ['old bridge', 'voters ask me'])
        expect(byText(claims, words).flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
      expect(byText(claims, 'Schedules slip').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);

      // One claim.flagged line per disputed claim, with the dispute's evidence.
      const flagged = lines.filter((l) => l.event === 'claim.flagged');
      expect(flagged.map((l) => l.claimId).sort()).toEqual([pledge.id, crime.id].sort());
      const pledgeLine = flagged.find((l) => l.claimId === pledge.id)!;
      expect(pledgeLine.status).toBe('walked_back');
      expect(pledgeLine.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'walk-back' })]));
    });
  }

  it("needs one part of an interrupted remark to share the walk-back's topic, not the two parts together", async () => {
    const TUNNEL = 'The harbour tunnel will open to traffic before the summer holidays begin';
    const FERRY = 'Ferry fares will stay frozen for every commuter until the end of this year';
    const remark = article(
      'alder-port',
      'outlet-a',
      [`Governor Jane Alder visited the port on Monday. “${TUNNEL},” Alder said. “${FERRY}.”`],
      [
        [TUNNEL, 'direct', 'Jane Alder'],
        [`${FERRY}.`, 'direct', 'Jane Alder'],
      ],
    );
    const later = article(
      'alder-tolls',
      'outlet-b',
      [
        'Governor Jane Alder on Friday walked back her claim that the ferry company had called the harbour tunnel tolls fair.',
        '“Prices change,” Alder said.',
      ],
      [['Prices change', 'direct', 'Jane Alder']],
    );
    for (const order of [
      [remark, later],
      [later, remark],
    ]) {
      const { claims } = await run(order);
      const joined = byText(claims, 'harbour tunnel will open');
      expect(joined.canonical).toContain('Ferry fares');
      expect(joined.flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
    }
  });

  it('reads the words a dispute names after its cue as the disputed statement, not the last quotation before it', async () => {
    const REYES = 'The harbour tax stays where it is this year';
    const LABEL = 'Valleys hate us';
    const forum = article(
      'alder-forum',
      'outlet-d',
      [
        'Governor Jane Alder and Mayor Tom Reyes met voters in Brookfield on Monday.',
        `“${REYES},” Reyes said.`,
        `She was challenged over her statement on Sunday that “${LABEL},” but she kept her temper in check.`,
      ],
      [
        [REYES, 'direct', 'Tom Reyes'],
        [LABEL, 'direct', 'Jane Alder'],
      ],
    );
    const { claims } = await run([forum]);
    const label = byText(claims, LABEL);
    expect(label.flags).toContain('contradicted');
    expect(label.evidence.find((e) => e.flag === 'contradicted')?.note).toMatch(/points back at it/);
    expect(byText(claims, 'harbour tax').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
  });

  it('leaves the statement alone when the cue is negated or about someone else', async () => {
    const negated = article(
      'alder-negated',
      'outlet-c',
      [
        'Governor Jane Alder did not walk back her pledge to build a canal across the northern valley by next spring.',
        'Mayor Tom Reyes walked back his own pledge to build a canal across the northern valley by next spring.',
        '“We keep our word,” Alder said, and Reyes said: “Mine was premature.”',
      ],
      [
        ['We keep our word', 'direct', 'Jane Alder'],
        ['Mine was premature.', 'direct', 'Tom Reyes'],
      ],
    );
    const { claims } = await run([statements, negated]);
    expect(byText(claims, 'northern valley').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
  });

  it('does not read a refutation of an event as pointing back at the last quotation ("said it found no evidence")', async () => {
    const ORDER = 'Send the canal survey by courier, never by the open network';
    const memo = article(
      'alder-memo',
      'outlet-d',
      [
        `An aide wrote to Governor Jane Alder about the canal survey. “${ORDER},” Alder replied.`,
        'The state auditor said it found no evidence that the canal survey was ever sent over the open network.',
      ],
      [[ORDER, 'direct', 'Jane Alder']],
    );
    const { claims } = await run([memo]);
    expect(byText(claims, 'canal survey by courier').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
  });

  it('reads "said that" opening a clause as a conjunction, not a pointer at the speaker’s last quotation', async () => {
    const UNSURE = 'I am sure there were some but I would not remember each grant off the top of my head';
    const reply = article(
      'alder-grants',
      'outlet-f',
      [
        `Governor Jane Alder wrote in an email: “${UNSURE}.”`,
        'Reporters asked her again in the evening.',
        '“Just to be clear, I never said no,” Alder wrote later, meaning she had not said that the state fund had never paid a grant.',
      ],
      [[UNSURE, 'direct', 'Jane Alder']],
    );
    const { claims } = await run([reply]);
    expect(byText(claims, 'off the top of my head').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
  });

  it('still points "I never said that." back at the speaker’s last quotation', async () => {
    const GRANT = 'The state fund paid for every grant in the northern valley';
    const reply = article(
      'alder-fund',
      'outlet-g',
      [`Governor Jane Alder told a radio host: “${GRANT}.”`, '“I never said that,” Alder wrote on Tuesday.'],
      [[GRANT, 'direct', 'Jane Alder']],
    );
    const { claims } = await run([reply]);
    expect(byText(claims, 'every grant in the northern').flags).toContain('denied');
  });

  it('points a walk-back back at the quotation its evidence sentence runs on from ("…” Later, she revised her statement")', async () => {
    const FUND = 'I did not spend any state money on the canal. There is no state money in it';
    const later = article(
      'alder-revised',
      'outlet-h',
      [
        `Alder initially said in the spring, “${FUND}.” Later in the summer, she revised her statement, saying only the design was paid privately.`,
      ],
      [[FUND, 'direct', 'Jane Alder']],
    );
    const { claims } = await run([later]);
    expect(byText(claims, 'did not spend any state money').flags).toContain('walked_back');
  });

  it('does not walk back a statement of the revised position, quoted in the walk-back, reported in another article', async () => {
    const FUND = 'I did not spend any state money on the canal';
    const later = article(
      'alder-revised-2',
      'outlet-h',
      [
        `Alder initially said in the spring, “${FUND}.” Later in the summer, she revised her statement, explaining that she had not spent money that was “marked public at the time.”`,
      ],
      [[FUND, 'direct', 'Jane Alder']],
    );
    const REVISED = 'none of the canal money was marked public when it was spent';
    const other = article(
      'alder-position',
      'outlet-i',
      [`Governor Jane Alder has said that ${REVISED}, and the state canal audit agreed.`],
      [[REVISED, 'indirect', 'Jane Alder']],
    );
    const { claims } = await run([other, later]);
    expect(byText(claims, 'did not spend any state money').flags).toContain('walked_back');
    expect(byText(claims, 'marked public when it was spent').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
  });

  it('does not walk back the revised wording itself when another article quotes it word for word', async () => {
    const FUND = 'I did not spend any state money on the canal';
    const later = article(
      'alder-revised-3',
      'outlet-h',
      [
        `Alder initially said in the spring, “${FUND}.” Later in the summer, she revised her statement, explaining that she had not spent money that was “marked public at the time.”`,
      ],
      [[FUND, 'direct', 'Jane Alder']],
    );
    const other = article(
      'alder-changed',
      'outlet-j',
      ['The governor changed her story, stating that she had not spent any money that was “marked public at the time.”'],
      [['marked public at the time.', 'mixed', 'Jane Alder']],
    );
    const { claims } = await run([other, later]);
    expect(byText(claims, 'did not spend any state money').flags).toContain('walked_back');
    expect(byText(claims, 'marked public at the time').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
  });
});

describe('a denial is not itself denied', () => {
  it('flags the words denied, not the speaker’s denial of them in the same coverage', async () => {
    const TOLL = 'Drivers from out of state should pay a toll on every canal bridge';
    const NEVER = 'Alder never pledged to charge drivers a toll on the canal bridges';
    const coverage = article(
      'alder-toll',
      'outlet-e',
      [
        `At a fundraiser in May, Governor Jane Alder said: “${TOLL}.”`,
        `On Friday she said ${NEVER}.`,
        'Alder later insisted that she never actually said drivers should pay a toll on the canal bridges.',
      ],
      [
        [TOLL, 'direct', 'Jane Alder'],
        [NEVER, 'indirect', 'Jane Alder'],
      ],
    );
    const { claims } = await run([coverage]);
    expect(byText(claims, 'out of state should pay').flags).toContain('denied');
    expect(byText(claims, 'never pledged').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
  });
});

describe('a disavowal agrees with the denial', () => {
  it('flags the words denied, not the speaker’s words negating the same topic', async () => {
    const DISAVOWAL = 'she doesn’t necessarily want to close the northern canal to barges';
    const PLEDGE_CLOSE = 'We have to close the northern canal to barges, all of them';
    const coverage = article(
      'alder-barges',
      'outlet-h',
      [
        'Alder Says She Never Pledged To Close The Northern Canal To Barges.',
        `Governor Jane Alder said Wednesday that ${DISAVOWAL}.`,
        `“${PLEDGE_CLOSE},” Alder said at a rally in March.`,
      ],
      [
        [DISAVOWAL, 'indirect', 'Jane Alder'],
        [PLEDGE_CLOSE, 'direct', 'Jane Alder'],
      ],
    );
    const { claims } = await run([coverage]);
    expect(byText(claims, 'all of them').flags).toContain('denied');
    expect(byText(claims, 'necessarily want').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
  });
});

describe('whose words a dispute is about', () => {
  it("reads the owner of “X's claim that … is not true” as the disputed speaker, not the side speaking, over every piece of the remark", async () => {
    const PART_ONE = 'Doe is a supporter of closing the northern canal to barges';
    const PART_TWO = 'In fact, when the harbor bill came up, she proposed tolls for them';
    const coverage = article(
      'alder-doe',
      'outlet-i',
      [
        `“${PART_ONE},” Alder said after a campaign stop in the river town of Brookfield. “${PART_TWO}.”`,
        `“${PRIORITY},” Mary Doe said at her own rally.`,
        'Doe spokeswoman Ann Reyes said Thursday that Alder’s claim that Doe wants to close the canal to barges is “simply not true.”',
      ],
      [
        [PART_ONE, 'direct', 'Jane Alder'],
        [PART_TWO, 'direct', 'Jane Alder'],
        [PRIORITY, 'direct', 'Mary Doe'],
      ],
    );
    const { claims } = await run([coverage]);
    expect(byText(claims, 'supporter of closing').flags).toContain('contradicted');
    expect(byText(claims, 'proposed tolls').flags).toContain('contradicted');
    expect(byText(claims, 'first thing voters').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
  });

  it("reads “X rejected Y's claim” as contradicting Y's last claim, reported speech too, by X", async () => {
    const WRONG = 'the ferry crews were wrong in their recollections that she blamed the storm';
    const coverage = article(
      'alder-crews',
      'outlet-j',
      [
        `“${PRIORITY},” Alder said at the start of the week.`,
        `Last week, Alder said ${WRONG}.`,
        'However, Mary Doe, widow of a ferry captain, forcefully rejected Alder’s claim.',
        '“She told me it was the storm,” Doe said.',
      ],
      [
        [PRIORITY, 'direct', 'Jane Alder'],
        [WRONG, 'indirect', 'Jane Alder'],
        ['She told me it was the storm', 'direct', 'Mary Doe'],
      ],
    );
    const { claims } = await run([coverage]);
    const wrong = byText(claims, 'wrong in their recollections');
    // the disputer's side named with a possessive before the verb is not whom it is about
    const side = article(
      'alder-crews-side',
      'outlet-j2',
      [`“${PRIORITY},” Doe said on Monday.`, `Last week, Alder said ${WRONG}.`, 'Doe’s spokeswoman rejected Alder’s claim.'],
      [
        [PRIORITY, 'direct', 'Mary Doe'],
        [WRONG, 'indirect', 'Jane Alder'],
      ],
    );
    const sided = (await run([side])).claims;
    expect(byText(sided, 'wrong in their recollections').flags).toContain('contradicted');
    expect(byText(sided, 'first thing voters').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
    expect(wrong.flags).toContain('contradicted');
    expect(wrong.evidence.find((e) => e.flag === 'contradicted')?.note).toContain('Mary Doe');
    expect(byText(claims, 'first thing voters').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
  });

  it('reads ", a charge that X denied" as contradicting what its sentence reported before it', async () => {
    const RIGGED = 'the canal vote had been “rigged” against her';
    const coverage = article(
      'alder-rigged',
      'outlet-k',
      [
        `“${PRIORITY},” Alder said on Monday.`,
        `Alder complained that ${RIGGED}, a charge that county officials strongly denied.`,
      ],
      [
        [PRIORITY, 'direct', 'Jane Alder'],
        [RIGGED, 'mixed', 'Jane Alder'],
      ],
    );
    const { claims } = await run([coverage]);
    expect(byText(claims, 'rigged').flags).toContain('contradicted');
    expect(byText(claims, 'first thing voters').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
  });

  it('reads "Contrary to X’s claims" and "Y, contradicting X," as about X, and a contradiction of no one known as about no one', async () => {
    const coverage = article(
      'alder-contrary',
      'outlet-l',
      [
        `“${COST},” Alder said at the ribbon cutting.`,
        `“${PRIORITY},” she added.`,
        'Mary Doe, contradicting Alder, said the canal would cost far more than the old bridge did.',
        '“We saw the invoices,” Doe said.',
      ],
      [
        [COST, 'direct', 'Jane Alder'],
        [PRIORITY, 'direct', 'Jane Alder'],
        ['We saw the invoices', 'direct', 'Mary Doe'],
      ],
    );
    const { claims } = await run([coverage]);
    expect(byText(claims, 'cost less than').flags).toContain('contradicted');
    expect(byText(claims, 'first thing voters').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
    const contrary = article(
      'alder-contrary-2',
      'outlet-m',
      [`“${CRIME},” Alder said.`, 'Contrary to Alder’s claims, auditors say crime fell 4 percent in her first year.'],
      [[CRIME, 'direct', 'Jane Alder']],
    );
    expect(byText((await run([contrary])).claims, 'Crime fell 40').flags).toContain('contradicted');
    // "she … contradict Mr. Zell's comments": she disputes Zell, unknown here; her words stay undisputed
    const unknown = article(
      'alder-zell',
      'outlet-n',
      [`“${CRIME},” Alder said.`, 'But she did contradict Mr. Zell’s comments that crime fell 40 percent in her first year.'],
      [[CRIME, 'direct', 'Jane Alder']],
    );
    expect(byText((await run([unknown])).claims, 'Crime fell 40').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
  });

  it('reads "claiming without evidence that …" as about the claim, not a claim in a later clause of its sentence', async () => {
    const TIED = 'the canal race is tied in the northern valley';
    const VOW = 'victory in a county no mayor has carried since 1988';
    const coverage = article(
      'alder-tied',
      'outlet-q',
      [
        `On Sunday, Alder was in Brookfield, claiming without evidence that ${TIED}, and on Monday, she appeared in Harlow, vowing ${VOW}.`,
      ],
      [
        [TIED, 'indirect', 'Jane Alder'],
        [VOW, 'indirect', 'Jane Alder'],
      ],
    );
    const { claims } = await run([coverage]);
    expect(byText(claims, 'race is tied').flags).toContain('contradicted');
    expect(byText(claims, 'no mayor has carried').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
  });

  it('does not lend a few-word excerpt the topic of the sentence another article quotes it in, here or elsewhere', async () => {
    const quoted = article(
      'alder-thieves',
      'outlet-o',
      ['Alder has called the ferry crews “thieves” and said the state would pay for the canal across the valley.'],
      [['thieves', 'mixed', 'Jane Alder']],
    );
    const contradicted = article(
      'alder-doe-pay',
      'outlet-p',
      [
        `“${PRIORITY},” Alder said.`,
        'Mary Doe, contradicting Alder, said the state would never pay for the canal across the valley.',
        '“Not a cent,” Doe said.',
        'Alder once called the crews “thieves”.',
      ],
      [
        [PRIORITY, 'direct', 'Jane Alder'],
        ['Not a cent', 'direct', 'Mary Doe'],
        ['thieves', 'mixed', 'Jane Alder'],
      ],
    );
    // quoted here too, in a sentence with no topic of its own: the threshold of this article
    // holds for this article's excerpts only
    const { claims } = await run([quoted, contradicted]);
    expect(byText(claims, 'thieves').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
  });

  it('reads the person named right after an unnamed aide’s clarification as the one taking words back', async () => {
    const MISTAKE = 'I have said many times that using two canal permits was a mistake';
    const coverage = article(
      'alder-permits',
      'outlet-j',
      [
        `“${MISTAKE},” Alder said, though she held only one permit.`,
        'A campaign aide later clarified that Alder misspoke and meant it was a mistake to use only one permit.',
      ],
      [[MISTAKE, 'direct', 'Jane Alder']],
    );
    const { claims } = await run([coverage]);
    expect(byText(claims, 'two canal permits').flags).toContain('walked_back');
  });

  it('walks back the statement whose words the walk-back quotes after its cue, though it shares few topic words', async () => {
    const SAFE = 'The inspector said my locks were safe, and what I have said matches what I told the council';
    const OTHER = 'We will open the northern gate in May';
    const coverage = article(
      'alder-safe',
      'outlet-l',
      [
        'Governor Jane Alder acknowledged that she had misspoken in two radio interviews when she claimed that Inspector Mark Dunn had called “safe” every public statement of hers about her handling of the harbour works.',
        'The inspector had testified about the locks alone.',
        `“${SAFE},” Alder said in one of them.`,
        `“${OTHER},” Alder said.`,
      ],
      [
        [SAFE, 'direct', 'Jane Alder'],
        [OTHER, 'direct', 'Jane Alder'],
      ],
    );
    const { claims } = await run([coverage]);
    expect(byText(claims, 'my locks were safe').flags).toContain('walked_back');
    expect(byText(claims, 'northern gate').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
    // A quotation run into the dispute's sentence is the statement itself, not words the dispute quotes.
    const INSANE = "You'd have to be blind";
    const blunt = article(
      'alder-blunt',
      'outlet-m',
      [
        `The day before, at a rally in Brookfield, Ms. Alder was just as blunt, claiming without any evidence that the mayor wanted to sell 250 canal permits. ''${INSANE},'' she said.`,
      ],
      [[INSANE, 'direct', 'Jane Alder']],
    );
    const second = await run([blunt]);
    expect(byText(second.claims, 'have to be blind').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
  });

  it('does not walk back the words that carry the walk-back on right after it', async () => {
    const ADDED = 'I have always supported the valley canal workers and their families';
    const coverage = article(
      'alder-misconstrued',
      'outlet-k',
      [
        'Governor Jane Alder tried to contain the damage. In her statement, she said it was “unfortunate that my comments have been misconstrued as an attack on the valley canal workers.”',
        `“${ADDED},” Alder added.`,
      ],
      [[ADDED, 'direct', 'Jane Alder']],
    );
    const { claims } = await run([coverage]);
    expect(byText(claims, 'always supported').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
  });

  it('takes words said to be misread or regretted by their speaker as walked back, not a regret of someone else’s words', async () => {
    const kind = (s: string) => disputeCue(s)?.kind ?? null;
    expect(kind('Alder later said her comments were mischaracterized and that she opposed tolls.')).toBe('walked_back');
    expect(kind('He said it was unfortunate that my comments have been misconstrued as an attack.')).toBe('walked_back');
    expect(kind('The justice said she regretted her remarks and would stay out of it.')).toBe('walked_back');
    expect(kind('“I regret making them,” she said.')).toBe('walked_back');
    expect(kind('“I disavow these comments - I regret those comments that he made,” Ryan said.')).toBe(null);
    expect(kind('His comments were wrong, the senator said.')).toBe(null);
    expect(kind('Reyes said Alder’s assertion was false.')).toBe('contradicted');
  });
});

describe('dispute cues', () => {
  it('finds each kind in its usual phrasing', () => {
    const kind = (s: string) => disputeCue(s)?.kind ?? null;
    expect(kind('Politifact deemed those statements false because there are no such videos.')).toBe('fact_checked_false');
    expect(kind('The Fact Checker gave the claim Four Pinocchios.')).toBe('fact_checked_false');
    expect(kind('A campaign official later walked back the comments.')).toBe('walked_back');
    expect(kind('He later said he was being “sarcastic” in his comments.')).toBe('walked_back');
    expect(kind('Minutes later, the campaign issued a statement saying that Doe meant voters are united.')).toBe('walked_back');
    expect(kind('“I’ve never said we made a mistake going there.”')).toBe('denied');
    expect(kind('Later in the summer, she revised her statement, explaining that she had not sent them.')).toBe('walked_back');
    expect(kind('He later denied his opposition in a separate interview.')).toBe('denied');
    expect(kind('She denied her earlier claims about the plant.')).toBe('denied');
    expect(kind('She also said, without evidence, that the plant would close.')).toBe('contradicted');
    expect(kind('While Doe wrongly claimed that the videos exist, experts disagree.')).toBe('contradicted');
  });

  it('does not take readings, refusals to answer or accusations for disputes', () => {
    const kind = (s: string) => disputeCue(s)?.kind ?? null;
    expect(kind('“I know what you meant,” the host said.')).toBe(null);
    expect(kind('You meant that he created the vacuum.')).toBe(null);
    expect(kind('The campaign did not say how the plan would be paid for.')).toBe(null);
    expect(kind('I did not say, you know what, if she wins I will support her.')).toBe(null);
    expect(kind('Smith denied the fraud claims.')).toBe(null);
    expect(kind('Trump has denied the claims, and suggested they are phantom allegations.')).toBe(null);
    expect(kind('The host suggested Doe hadn’t meant it literally, and she did not walk back the remark.')).toBe(null);
    expect(kind('A spokesman called on the Vermont senator to take back his words.')).toBe(null);
    expect(kind('Republicans urged him to retract the claim.')).toBe(null);
    expect(kind('He was asked to walk back his comments but refused.')).toBe(null);
    expect(kind('After criticism he retracted the claim.')).toBe('walked_back');
  });

  it('keeps names and speech words out of topic words, and folds plurals', () => {
    expect(topicWords('Trump said the families of terrorists', new Set(['trump']))).toEqual(['family', 'terrorist']);
  });
});
