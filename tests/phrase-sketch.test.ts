import { createRedis, Keys, type Redis, stableId } from '@quotecheck/shared';
import { emptyWrites, RedisClaimStore, SKETCH_DEPTH, SKETCH_WIDTH, sketchCells } from '@quotecheck/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPrefix } from './support/cli.js';
import { purgePrefix } from './support/redis-keys.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = testPrefix('phrase-sketch');
let redis: Redis;
const stores: RedisClaimStore[] = [];

beforeAll(() => {
  redis = createRedis(REDIS_URL);
});

afterAll(async () => {
  for (const s of stores) await s.close();
  await purgePrefix(redis, prefix);
  await redis.quit();
});

function store(sub: string, partitions = 1): RedisClaimStore {
  const s = new RedisClaimStore(redis, new Keys(`${prefix}:${sub}`, partitions));
  stores.push(s);
  return s;
}

/** n-gram keys as the verifier makes them: `p:` and 16 hex digits of a hash. */
const gram = (i: number) => `p:${stableId(`gram ${i}`)}`;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => gram(from + i));

/** Counts `grams` as the phrases of one article. */
async function countArticle(s: RedisClaimStore, grams: string[]): Promise<void> {
  await s.transact(async () => ({ writes: { ...emptyWrites(), gramDocs: grams }, result: null }));
}

async function frequencies(s: RedisClaimStore, grams: string[]) {
  return s.transact(async (tx) => ({ writes: emptyWrites(), result: await tx.gramFrequencies(grams) }));
}

describe('phrase counts in a count-min sketch', () => {
  it('gives each n-gram the number of articles that quoted it, over many BITFIELD chunks per call', async () => {
    const s = store('exact');
    // 1,200 grams in one article: 5 chunks of the scripts' 250 items, read and written.
    await countArticle(s, range(0, 1200));
    await countArticle(s, range(0, 600));
    await countArticle(s, range(0, 3));
    const asked = [...range(0, 3), ...range(3, 600), ...range(600, 1200), ...range(5000, 5100)];
    const { docs, counts } = await frequencies(s, asked);
    expect(docs).toBe(3);
    const expected = [...Array(3).fill(3), ...Array(597).fill(2), ...Array(600).fill(1), ...Array(100).fill(0)];
    expect(counts).toEqual(expected);
  });

  it('counts each partition its own grams on 16 partitions, the same numbers as on one', async () => {
    const one = store('one');
    const many = store('many', 16);
    for (const s of [one, many]) {
      await countArticle(s, range(0, 400));
      await countArticle(s, range(200, 300));
    }
    const asked = range(150, 450);
    expect(await frequencies(many, asked)).toEqual(await frequencies(one, asked));
    expect((await frequencies(many, asked)).counts.slice(50, 150)).toEqual(Array(100).fill(2));
  });

  it('stays one fixed-size string per partition however many grams it counts', async () => {
    const s = store('size');
    await countArticle(s, range(0, 2000));
    await countArticle(s, range(2000, 4000));
    const sketches = await redis.keys(`${prefix}:size:*df:sketch`);
    expect(sketches).toHaveLength(1);
    expect(await redis.strlen(sketches[0]!)).toBeLessThanOrEqual((SKETCH_DEPTH * SKETCH_WIDTH * 32) / 8);
    // No exact per-gram fields any more (the `df:<xx>` hashes of earlier versions).
    expect(await redis.keys(`${prefix}:size:*df:[0-9a-f][0-9a-f]`)).toEqual([]);
  });
});

describe('sketchCells', () => {
  const cells = (key: string) => sketchCells(key).split(' ');

  it('names one counter per row, each inside its row, from both ends of the hash', () => {
    const a = cells('p:0000000000000007');
    expect(a).toHaveLength(SKETCH_DEPTH);
    // h1 = 7 (last 8 digits), h2 = 0 made odd = 1: columns 7, 8, 9, 10.
    expect(a).toEqual(Array.from({ length: SKETCH_DEPTH }, (_, r) => `#${r * SKETCH_WIDTH + 7 + r}`));
    expect(cells('p:00000003ffffffff')[1]).toBe(`#${SKETCH_WIDTH + ((0xffffffff + 3) % SKETCH_WIDTH)}`);
    // Keys differing only in their last digits get different counters in every row.
    const b = cells('p:000000000000000e');
    for (let r = 0; r < SKETCH_DEPTH; r++) expect(b[r]).not.toBe(a[r]);
  });

  it('stays inside the sketch for any key, hex or not', () => {
    for (const key of [gram(1), gram(2), 'p:ffffffffffffffff', 'p:not-hex', 'x', 'p:']) {
      cells(key).forEach((c, r) => {
        const at = Number(c.slice(1));
        expect(Number.isInteger(at)).toBe(true);
        expect(at).toBeGreaterThanOrEqual(r * SKETCH_WIDTH);
        expect(at).toBeLessThan((r + 1) * SKETCH_WIDTH);
      });
    }
    expect(sketchCells('p:not-hex')).not.toBe(sketchCells('p:not-hey'));
  });
});
