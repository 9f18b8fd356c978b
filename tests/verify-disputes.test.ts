import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { articleFromText, extractAttributions } from '@quotecheck/extract';
import { type Claim, createRedis, Keys, type Redis } from '@quotecheck/shared';
import { type ArticleInput, type ClaimStore, MemoryClaimStore, RedisClaimStore, Verifier } from '@quotecheck/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, testPrefix } from './support/cli.js';
import { purgePrefix } from './support/redis-keys.js';

// Real PolNeAR train text, read at test time: Trump's "Second Amendment people" remark in a UPI
// story (breitbart), and a USA Today story with the remark and the campaign's clarification
// ("Minutes later, the Trump campaign issued a statement saying that Trump meant …").
const DIR = resolve(CORPUS, 'polnear/data/train/text');
const REMARK = resolve(DIR, 'breitbart_2016-08-10_secret-service-stops-protester-a.txt');
const CLARIFIED = resolve(DIR, 'usa-today_2016-08-10_nd-amendment-people-his-secret-w.txt');
const DISPUTE_FLAGS = ['denied', 'walked_back', 'contradicted', 'fact_checked_false'];

function fromCorpus(path: string): ArticleInput {
  const a = articleFromText(readFileSync(path, 'utf8'));
  const name = basename(path);
  return {
    id: name,
    input: path,
    outlet: name.slice(0, name.indexOf('_')),
    published: null,
    text: a.text,
    paragraphs: a.paragraphs,
    byline: null,
    attributions: extractAttributions(a),
  };
}

/** The claim holding an occurrence of `words` in the article from `path`. */
function claimOf(claims: readonly Claim[], path: string, words: string): Claim {
  const c = claims.find((x) => x.occurrences.some((o) => o.input === path && o.text.includes(words)));
  if (!c) throw new Error(`no claim with “${words}” in ${basename(path)}`);
  return c;
}

async function allClaims(store: ClaimStore): Promise<Claim[]> {
  const out: Claim[] = [];
  let cursor = null;
  do {
    const page = await store.page(cursor, 500);
    out.push(...page.claims);
    cursor = page.next;
  } while (cursor);
  return out;
}

function expectWalkedBack(claims: readonly Claim[]): void {
  const remark = claimOf(claims, REMARK, 'Second Amendment people, maybe there is');
  expect(remark.flags).toContain('walked_back');
  expect(remark.status).toBe('walked_back');
  const e = remark.evidence.find((x) => x.flag === 'walked_back');
  expect(e?.rule).toBe('walk-back');
  expect(e?.input).toBe(CLARIFIED);
  expect(e?.sentence).toMatch(/Trump campaign\s+issued a statement saying that Trump meant/);
  expect(e?.by).toMatch(/campaign/);
  // The words just before it are the same remark, cut by "Trump said" in one outlet and quoted
  // whole in the other: one claim, walked back as a whole. Others' comments on it stay undisputed.
  for (const [path, words] of [
    [REMARK, 'if she gets to pick her judges'],
    [CLARIFIED, 'If she gets to pick her judges'],
  ] as const)
    expect(claimOf(claims, path, words).id).toBe(remark.id);
  expect(claimOf(claims, CLARIFIED, 'what Trump is saying is dangerous').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual(
    [],
  );
}

describe('a campaign clarification in one article walks back the remark another article carries', () => {
  for (const [name, order] of [
    ['remark first, then the clarification', [REMARK, CLARIFIED]],
    ['clarification first, then the remark', [CLARIFIED, REMARK]],
  ] as const) {
    it(`memory store: ${name}`, async () => {
      const store = new MemoryClaimStore();
      const v = new Verifier(store);
      for (const p of order) await v.addArticle(fromCorpus(p));
      expectWalkedBack(store.all());
    });
  }

  describe('on Redis', () => {
    const prefix = testPrefix('disputes');
    let redis: Redis;
    beforeAll(() => {
      redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    });
    afterAll(async () => {
      await purgePrefix(redis, prefix);
      await redis.quit();
    });

    it('remark first, then the clarification', async () => {
      const store = new RedisClaimStore(redis, new Keys(prefix));
      try {
        const v = new Verifier(store);
        await v.addArticle(fromCorpus(REMARK));
        const before = claimOf(await allClaims(store), REMARK, 'Second Amendment people, maybe there is');
        expect(before.flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
        await v.addArticle(fromCorpus(CLARIFIED));
        expectWalkedBack(await allClaims(store));
      } finally {
        await store.close();
      }
    });
  });
});

describe('a walk-back in the same article, pointed at by a pronoun', () => {
  // “In March, Trump said that if abortion were made illegal, women … should be punished. He later
  // walked back his remarks …” — after Clinton's quote on the ruling, which stays undisputed.
  const PATH = resolve(DIR, 'wash-post_2016-06-28_ruling-solidifies-candidates-abo.txt');

  it('flags the remark of the person “he” is, not the last person quoted', async () => {
    const store = new MemoryClaimStore();
    await new Verifier(store).addArticle(fromCorpus(PATH));
    const claims = store.all();
    const punished = claimOf(claims, PATH, 'should be punished');
    expect(punished.speaker.name).toMatch(/Trump/);
    expect(punished.status).toBe('walked_back');
    expect(punished.evidence.find((e) => e.flag === 'walked_back')?.sentence).toMatch(/^He later walked back his remarks/);
    expect(claimOf(claims, PATH, 'SCOTUS').flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
  });
});

describe('a fact-check rating after two people’s statements, each announced by a colon', () => {
  // “On July 6, 2015, Sanders made the following comment:” then his words; “… how the website
  // rated this statement by Trump on June 11:” then Trump's; then “PolitiFact … concluded his
  // comments were “Mostly False.”” (PolNeAR dev). Before the announcing frames were read, Trump's
  // words had no attribution and the rating fell on Sanders's "51 percent", rated Mostly True.
  const PATH = resolve(CORPUS, 'polnear/data/dev/text/west-journal_2016-09-26_popular-website-shows-bias-when-.txt');

  it('flags the rated statement, Trump’s, and leaves Sanders’s undisputed', async () => {
    const store = new MemoryClaimStore();
    await new Verifier(store).addArticle(fromCorpus(PATH));
    const claims = store.all();
    const trump = claimOf(claims, PATH, '59 percent unemployment rate');
    expect(trump.speaker.name).toBe('Donald Trump');
    expect(trump.status).toBe('fact_checked_false');
    expect(trump.evidence.find((e) => e.flag === 'fact_checked_false')?.sentence).toMatch(/Mostly False/);
    for (const words of ['the real unemployment rate', 'For young people who have graduated high school']) {
      const sanders = claimOf(claims, PATH, words);
      expect(sanders.speaker.name).toBe('Bernie Sanders');
      expect(sanders.flags.filter((f) => DISPUTE_FLAGS.includes(f))).toEqual([]);
    }
  });
});
