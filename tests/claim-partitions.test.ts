import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedis, Keys, type Redis } from '@quotecheck/shared';
import {
  ClaimArchive,
  ClaimLayoutError,
  type ClaimStore,
  type ClaimWrites,
  emptyWrites,
  MemoryClaimStore,
  RedisClaimStore,
  sweepIdleClaims,
  Verifier,
} from '@quotecheck/verify';
import type { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTINCT_QUOTES, oneQuoteArticle } from './support/claim-fixtures.js';
import { runCli, testPrefix } from './support/cli.js';
import { RedisCluster } from './support/redis-cluster.js';
import { purgePrefix } from './support/redis-keys.js';
import { loadStatementArticles, partition } from './support/statement-set.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = testPrefix('partitions');
let redis: Redis;
const opened: RedisClaimStore[] = [];
let run = 0;

/** A fresh store over `partitions` hash tags under its own sub-prefix (or `sub`'s). */
function store(partitions: number, sub = `s${run++}`, conn: Redis | Cluster = redis): RedisClaimStore {
  const s = new RedisClaimStore(conn, new Keys(`${prefix}:${sub}`, partitions));
  opened.push(s);
  return s;
}

/** Every key under a prefix. */
async function keysUnder(p: string): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${p}:*`, 'COUNT', 1000);
    cursor = next;
    out.push(...found);
  } while (cursor !== '0');
  return out;
}

const speaker = { name: 'Nora Finch', kind: 'person' as const };

/**
 * Runs a transaction on `s` that reads exact key `read` and writes `writes(attempt)`; another
 * worker (`other`) commits to that key after the first attempt's reads, before its commit.
 * Returns the number of attempts.
 */
async function raced(
  s: RedisClaimStore,
  other: RedisClaimStore,
  read: string,
  writes: (attempt: number) => ClaimWrites,
): Promise<number> {
  let attempts = 0;
  await s.transact(async (tx) => {
    attempts++;
    await tx.exact([read]);
    if (attempts === 1)
      await other.transact(async () => ({ writes: { ...emptyWrites(), exact: [[read, 'c-other']] }, result: null }));
    return { writes: writes(attempts), result: null };
  });
  return attempts;
}

beforeAll(() => {
  redis = createRedis(REDIS_URL);
});

afterAll(async () => {
  for (const s of opened) await s.close();
  await purgePrefix(redis, prefix);
  await redis.quit();
});

describe('a claim store over 16 partitions', () => {
  it('spreads its keys over the partitions and gives the same claims as one partition and memory', async () => {
    const articles = loadStatementArticles();
    const base = await partition(new MemoryClaimStore(), articles);
    const one = await partition(store(1, 'one'), articles);
    const spread = await partition(store(16, 'spread'), articles);
    expect(one).toEqual(base);
    expect(spread).toEqual(base);
    // Every claim-store key carries a partition's tag; all 16 partitions hold keys.
    const keys = (await keysUnder(`${prefix}:spread`)).filter((k) => k !== `${prefix}:spread:claim-partitions`);
    const tags = new Set(keys.map((k) => /\{claims:(\d+)\}/.exec(k)?.[1]));
    expect(tags.has(undefined)).toBe(false);
    expect(tags.size).toBe(16);
    expect(await redis.get(`${prefix}:spread:claim-partitions`)).toBe('16');
  });

  it('checks what a transaction read in a partition it did not write, and reruns when it moved', async () => {
    const s = store(16, 'readonly');
    const other = store(16, 'readonly');
    // An exact key and a posting list in different partitions.
    const read = 'x:00000000000000aa';
    let written = 'p:0000000000000000';
    for (let i = 0; s.space.partitionOf(written) === s.space.partitionOf(read); i++)
      written = `p:${i.toString(16).padStart(16, '0')}`;
    const attempts = await raced(s, other, read, () => ({ ...emptyWrites(), postings: [[written, 'c-mine']] }));
    expect(attempts).toBe(2);
    expect(s.stats.conflicts).toBe(1);
  });

  it('counts an article towards phrase frequencies once across reruns of its transaction', async () => {
    const s = store(16, 'df');
    const other = store(16, 'df');
    const gram = (i: number) => `p:${i.toString(16).padStart(2, '0')}${'0'.repeat(14)}`;
    // Two 4-grams whose counts live in different partitions; the transaction reads a key in the
    // first one's partition, which another worker moves, so it reruns.
    const dfPart = (g: string) => s.space.partitionOf(`df:${g.slice(2, 4)}`);
    const g1 = gram(0x10);
    let g2 = gram(0x20);
    for (let i = 0x21; dfPart(g2) === dfPart(g1) && i < 256; i++) g2 = gram(i);
    let read = 'x:0';
    for (let i = 1; s.space.partitionOf(read) !== dfPart(g1) && i < 10_000; i++) read = `x:${i}`;
    // As the verifier does, a rerun that finds the article recorded counts nothing new.
    const attempts = await raced(s, other, read, (attempt) => ({ ...emptyWrites(), gramDocs: attempt === 1 ? [g1, g2] : [] }));
    expect(attempts).toBe(2);
    const freq = await s.transact(async (tx) => ({ writes: emptyWrites(), result: await tx.gramFrequencies([g1, g2]) }));
    expect(freq).toEqual({ docs: 1, counts: [1, 1] });
  });

  it('loses no occurrence when articles sharing claims are verified at the same time by two workers', async () => {
    const w1 = store(16, 'race');
    const w2 = store(16, 'race');
    // Leads of their own, so the two articles are independent reports, not one wire copy.
    const a = DISTINCT_QUOTES.map((q, i) =>
      oneQuoteArticle(`race${i}a`, q, speaker, { lead: `Officials in the valley met on Monday about plan ${i}.` }),
    );
    const b = DISTINCT_QUOTES.map((q, i) =>
      oneQuoteArticle(
        `race${i}b`,
        q,
        { name: 'Finch', kind: 'person' },
        { lead: `A different outlet reported on plan ${i} later.` },
      ),
    );
    await Promise.all(
      DISTINCT_QUOTES.flatMap((_, i) => [new Verifier(w1).addArticle(a[i]!), new Verifier(w2).addArticle(b[i]!)]),
    );
    const claims: string[][] = [];
    let cursor = null;
    do {
      const page = await w1.page(cursor, 100);
      for (const c of page.claims) claims.push(c.occurrences.map((o) => o.articleId).sort());
      cursor = page.next;
    } while (cursor);
    expect(claims.sort()).toEqual(DISTINCT_QUOTES.map((_, i) => [`race${i}a`, `race${i}b`]).sort());
    const counts = await w1.countByStatus();
    expect(counts.corroborated).toBe(DISTINCT_QUOTES.length);
    expect(Object.values(counts).reduce((x, y) => x + y, 0)).toBe(DISTINCT_QUOTES.length);
  });

  it('refuses a process configured with another partition count, in one line, and readers write no layout', async () => {
    const s = store(16, 'layout');
    await new Verifier(s).addArticle(
      oneQuoteArticle('layout1', 'The tunnel opens in May and the tolls stay as they are', speaker),
    );
    const wrong = store(4, 'layout');
    await expect(wrong.count()).rejects.toBeInstanceOf(ClaimLayoutError);
    await expect(new Verifier(wrong).addArticle(oneQuoteArticle('layout2', 'Another line', speaker))).rejects.toThrow(
      /created with 16 partition\(s\), not 4: set claimPartitions to 16/,
    );
    const cli = await runCli(['export'], {
      REDIS_URL,
      QUOTECHECK_PREFIX: `${prefix}:layout`,
      QUOTECHECK_CLAIM_PARTITIONS: '4',
    });
    expect(cli.code).toBe(1);
    expect(cli.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli.stderr).toMatch(/created with 16 partition\(s\), not 4/);
    // A store made before partitions existed (one, no layout record) is not read as 16.
    const old = store(1, 'old');
    await new Verifier(old).addArticle(oneQuoteArticle('old1', 'The ferry fares rise in June by a tenth', speaker));
    await redis.del(`${prefix}:old:claim-partitions`);
    await expect(store(16, 'old').count()).rejects.toThrow(/created with 1 partition\(s\), not 16/);
    // Reading a new store records nothing.
    expect(await store(16, 'fresh').count()).toBe(0);
    expect(await redis.exists(`${prefix}:fresh:claim-partitions`)).toBe(0);
  });
});

describe('the claim store on a three-node Redis Cluster', () => {
  let cluster: RedisCluster;
  let client: Cluster;
  let dir: string;

  beforeAll(async () => {
    cluster = await RedisCluster.start(3);
    client = cluster.client();
    dir = await mkdtemp(join(tmpdir(), 'qc-partitions-archive-'));
  }, 60_000);

  afterAll(async () => {
    client?.disconnect();
    await cluster?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('verifies, pages, counts and archives claims spread over every node', async () => {
    const articles = loadStatementArticles();
    const base = await partition(new MemoryClaimStore(), articles);
    const s: ClaimStore & RedisClaimStore = store(16, 'cluster', client);
    const got = await partition(s, articles);
    expect(got).toEqual(base);
    // The claim store's keys sit on all three nodes.
    const perNode = await cluster.keyCounts();
    expect(
      perNode.every((n) => n > 50),
      `keys per node: ${perNode}`,
    ).toBe(true);
    const total = await s.count();
    expect(total).toBe(base.groups.length);
    expect(Object.values(await s.countByStatus()).reduce((x, y) => x + y, 0)).toBe(total);
    const newest = await s.newest(0, 5);
    expect(newest).toHaveLength(5);
    expect(newest.map((r) => r.updatedMs)).toEqual([...newest.map((r) => r.updatedMs)].sort((x, y) => y - x));
    // The archive sweep removes every claim with its index entries, across nodes.
    const swept = await sweepIdleClaims(s, new ClaimArchive(dir), { idleMs: 0, nowMs: Date.now() + 1000 });
    expect(swept.archived).toBe(total);
    expect(await s.count()).toBe(0);
    const left = await cluster.keyCounts();
    expect(left.reduce((x, y) => x + y, 0)).toBeLessThan(perNode.reduce((x, y) => x + y, 0) / 2);
  });
});
