import { type Claim, createRedis, Keys, type Redis } from '@quotecheck/shared';
import {
  type ClaimStore,
  type ClaimTx,
  type ClaimWrites,
  type Dispute,
  emptyWrites,
  MemoryClaimStore,
  RedisClaimStore,
} from '@quotecheck/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPrefix } from './support/cli.js';
import { purgePrefix } from './support/redis-keys.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = testPrefix('read-rounds');
let redis: Redis;
const closers: (() => Promise<unknown>)[] = [];

/** A command the store's own connection sent: its name and arguments. */
interface Sent {
  name: string;
  args: string[];
}

/**
 * A Redis claim store over `partitions` hash tags, with the commands its own connection (a
 * duplicate of the client it is given) sends recorded in `sent`, as they go to Redis.
 */
function countedStore(partitions: number, sub: string): { store: RedisClaimStore; sent: Sent[] } {
  const client = createRedis(REDIS_URL);
  const sent: Sent[] = [];
  const duplicate = client.duplicate.bind(client);
  client.duplicate = ((...args: Parameters<Redis['duplicate']>) => {
    const d = duplicate(...args);
    const send = d.sendCommand.bind(d);
    d.sendCommand = ((cmd: Parameters<Redis['sendCommand']>[0], ...rest: unknown[]) => {
      sent.push({ name: cmd.name, args: cmd.args.map(String) });
      return (send as (...x: unknown[]) => unknown)(cmd, ...rest);
    }) as Redis['sendCommand'];
    return d;
  }) as Redis['duplicate'];
  const store = new RedisClaimStore(client, new Keys(`${prefix}:${sub}`, partitions));
  closers.push(
    () => store.close(),
    () => client.quit(),
  );
  return { store, sent };
}

const claim = (id: string, minute: number): Claim => ({
  id,
  canonical: `words of ${id}`,
  speaker: { name: 'Nora Lind', kind: 'person' },
  status: 'single_source',
  flags: [],
  firstSeen: null,
  independentSources: 1,
  occurrences: [],
  evidence: [],
  updatedAt: new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString(),
});
const dispute = (id: string, articleId: string) => ({ id, articleId, sentence: `${id} denied it` }) as Dispute;
const ids = Array.from({ length: 30 }, (_, i) => `c${i}`);
const exactKeys = Array.from({ length: 20 }, (_, i) => `x:${i.toString(16).padStart(16, '0')}`);
const grams = Array.from({ length: 20 }, (_, i) => `p:${(i * 7).toString(16).padStart(16, '0')}`);
const stock = `p:${'f'.repeat(16)}`;

/** What both stores hold before the reads: every kind of key a transaction reads. */
function seed(): ClaimWrites {
  return {
    ...emptyWrites(),
    claims: ids.map((id, i) => claim(id, i)),
    merges: [['gone', 'c0']],
    exact: exactKeys.map((x, i) => [x, ids[i]!]),
    shortQuotes: [0, 1, 2, 3, 4].map((i) => ['nora', `short words ${i}`, ids[i]!]),
    // One to three ids per posting list; a stock phrase names more than the cap (5) and is skipped.
    postings: [
      ...grams.flatMap((g, i) => ids.slice(i, i + 1 + (i % 3)).map((id) => [g, id] as [string, string])),
      ...ids.slice(0, 10).map((id) => [stock, id] as [string, string]),
    ],
    speakers: ids.slice(0, 8).map((id, i) => ['by', 'nora', id, 1000 + i] as ['by', string, string, number]),
    articleClaims: [
      ['a1', 'c1'],
      ['a1', 'c2'],
      ['a2', 'c3'],
    ],
    disputes: [
      { dispute: dispute('d1', 'a1'), keys: ['nora'] },
      { dispute: dispute('d2', 'a2'), keys: ['nora', 'finch'] },
      { dispute: dispute('d3', 'a1'), keys: ['finch'] },
    ],
    gramDocs: [grams[0]!, grams[1]!],
  };
}

/**
 * Every read method, called many times at once (as the verifier's lookups do): 20 exact keys one
 * by one, every posting list one by one and all together, the same speaker's short quotes ten
 * times, and the rest. A claim merged away is followed to the claim it lives under (two more
 * rounds: `merged`, then that record).
 */
function readAll(tx: ClaimTx) {
  const sorted = (xs: string[]) => [...xs].sort();
  const byId = (ds: Dispute[]) => [...new Set(ds.map((d) => d.id))].sort();
  return Promise.all([
    Promise.all([...exactKeys, 'x:missing'].map((k) => tx.exact([k]))),
    Promise.all(grams.map((g) => tx.postings([g], 5).then(sorted))),
    tx.postings([...grams, stock], 5).then(sorted),
    Promise.all(Array.from({ length: 10 }, () => tx.shortQuotes('nora').then((s) => s.sort()))),
    tx.shortQuotes('nobody'),
    tx.recent('by', ['nora'], 3).then(sorted),
    tx.ofArticles(['a1', 'a2']).then(sorted),
    tx.disputesByKey(['nora']).then(byId),
    tx.disputesByKey(['finch']).then(byId),
    tx.disputesByArticle(['a1']).then(byId),
    tx.gramFrequencies([grams[0]!, grams[1]!, grams[2]!]),
    tx.claims([...ids, 'gone', 'missing']).then((m) => [...m].map(([asked, c]) => [asked, c.id]).sort()),
  ]);
}

/** Writes {@link seed} to `store`. */
async function seedStore(store: ClaimStore): Promise<void> {
  await store.transact(async () => ({ writes: seed(), result: null }));
}

/**
 * Runs {@link readAll} in a transaction that writes nothing; `onRead` is called once the reads
 * are done, before the commit. Returns what it read.
 */
function reads(store: ClaimStore, onRead: () => void = () => {}): Promise<unknown> {
  return store.transact(async (tx) => {
    const result = await readAll(tx);
    onRead();
    return { writes: emptyWrites(), result };
  });
}

/** What the memory store reads after {@link seed}. */
async function expectedReads(): Promise<unknown> {
  const memory = new MemoryClaimStore();
  await seedStore(memory);
  return reads(memory);
}

/**
 * A seeded counted store over `partitions` hash tags that has run the reads of {@link reads}, which
 * must equal the memory store's: what it sent before (`from`), and what the reads sent (`readSent`).
 */
async function roundOfReads(partitions: number, sub: string) {
  const expected = await expectedReads();
  const { store, sent } = countedStore(partitions, sub);
  await seedStore(store);
  const from = sent.length;
  let readSent: Sent[] = [];
  const got = await reads(store, () => {
    readSent = sent.slice(from);
  });
  expect(got).toEqual(expected);
  return { store, sent, from, readSent };
}

/** The partition tag of a claim-store key (`{claims}` or `{claims:N}`). */
const tagOf = (key: string) => /\{claims(?::\d+)?\}/.exec(key)?.[0];

beforeAll(() => {
  redis = createRedis(REDIS_URL);
});

afterAll(async () => {
  for (const close of closers) await close();
  await purgePrefix(redis, prefix);
  await redis.quit();
});

describe('the Redis claim store reads in rounds', () => {
  it('sends the reads a transaction issues at once as one script call, reading what the memory store reads', async () => {
    const { store, sent, from, readSent } = await roundOfReads(1, 'one');
    // ~80 read calls: three rounds (everything; `merged` of the two records not found; the record
    // `gone` was merged into), one script call each. Before rounds this sent one BITFIELD_RO per
    // read call plus one MGET / HGETALL / HVALS / ZRANGE / script per key or call (~150 commands).
    expect(readSent.map((c) => c.name)).toEqual(['evalsha', 'evalsha', 'evalsha']);
    // A key asked for several times in a round is read once: the speaker's short quotes (read ten
    // times) and the posting lists (read one by one and all together).
    const first = readSent[0]!.args;
    const numKeys = Number(first[1]);
    const keys = first.slice(2, 2 + numKeys);
    expect(keys.filter((k) => k.endsWith(':sq:nora'))).toHaveLength(1);
    expect(keys.filter((k) => k.endsWith(`:${grams[0]}`))).toHaveLength(1);
    // (Phrase counts share their partition's sketch `df:sketch`: one key, several items.)
    const once = keys.filter((k) => !k.includes(':df:'));
    expect(new Set(once).size).toBe(once.length);
    // The commit that checks the counters read is one more script call.
    expect(sent.slice(from).map((c) => c.name)).toEqual(['evalsha', 'evalsha', 'evalsha', 'evalsha']);
    expect(store.stats.conflicts).toBe(0);
  });

  it('sends one script call per partition a round reads, each within its partition, over 16 partitions', async () => {
    const { store, readSent } = await roundOfReads(16, 'spread');
    expect(readSent.every((c) => c.name === 'evalsha')).toBe(true);
    const tags = readSent.map((c) => {
      const keys = c.args.slice(2, 2 + Number(c.args[1]));
      const own = new Set(keys.map(tagOf));
      // Every key of a call in one partition (one hash tag: one cluster slot), its counters first.
      expect(own.size).toBe(1);
      expect(keys[0]).toMatch(/\{claims:\d+\}:v$/);
      return [...own][0]!;
    });
    // The first round reads every partition's keys: one call per partition, no more.
    const space = store.space;
    const firstRound = new Set(
      [
        ...exactKeys,
        'x:missing',
        ...grams,
        stock,
        'sq:nora',
        'sq:nobody',
        'by:nora',
        'ca:a1',
        'ca:a2',
        'd:nora',
        'd:finch',
        'da:a1',
        'df:docs',
        ...ids.map((id) => `c:${id}`),
        'c:gone',
        'c:missing',
      ].map((n) => space.partitionOf(n)),
    );
    for (const g of grams.slice(0, 3)) firstRound.add(space.partitionOf(`df:${g.slice(2, 4)}`));
    // Then `merged` of `gone` and `missing` (their claims' partitions), then the record of c0.
    const later = new Set(['gone', 'missing'].map((id) => space.partitionOfClaim(id))).size + 1;
    expect(tags.length).toBe(firstRound.size + later);
    expect(new Set(tags.slice(0, firstRound.size)).size).toBe(firstRound.size);
  });
});

describe('the Redis claim store versions thousands of keys in one transaction', () => {
  // Version slots travel as one argument and the scripts read and move them 1,000 per BITFIELD
  // call (Lua's unpack limit): keys past the first call must be checked and moved like the rest.
  const many = Array.from({ length: 2_500 }, (_, i) => `x:${(0x10000 + i).toString(16).padStart(16, '0')}`);
  const writesTo = (keys: readonly string[], id: string): ClaimWrites => ({
    ...emptyWrites(),
    exact: keys.map((k) => [k, id] as [string, string]),
  });

  it('reruns a transaction that read 2,500 keys when a key read past the first 1,000 moved', async () => {
    const { store: reader } = countedStore(1, 'many-read');
    const { store: writer } = countedStore(1, 'many-read');
    let attempts = 0;
    const seen = await reader.transact(async (tx) => {
      attempts++;
      const got = await tx.exact(many);
      if (attempts === 1) await writer.transact(async () => ({ writes: writesTo([many[2_200]!], 'other'), result: null }));
      return { writes: writesTo(['x:00000000000000aa'], 'mine'), result: got[2_200] };
    });
    expect(attempts).toBe(2);
    expect(reader.stats.conflicts).toBe(1);
    expect(seen).toBe('other');
  });

  it('moves the counters of 1,500 keys one commit writes, past the first 1,000 too', async () => {
    const { store: reader } = countedStore(1, 'many-write');
    const { store: writer } = countedStore(1, 'many-write');
    let attempts = 0;
    await reader.transact(async (tx) => {
      attempts++;
      await tx.exact([many[1_400]!]);
      if (attempts === 1) await writer.transact(async () => ({ writes: writesTo(many.slice(0, 1_500), 'bulk'), result: null }));
      return { writes: writesTo(['x:00000000000000bb'], 'mine'), result: null };
    });
    expect(attempts).toBe(2);
    expect(reader.stats.conflicts).toBe(1);
  });
});
