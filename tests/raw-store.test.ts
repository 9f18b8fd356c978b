import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { RawStore } from '@quotecheck/ingest';
import { createRedis, Keys, type Redis } from '@quotecheck/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPrefix } from './support/cli.js';
import { CORPUS_DIR } from './support/fixture-server.js';
import { purgePrefix } from './support/redis-keys.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = testPrefix('raw-store');
const keys = new Keys(prefix);
let redis: Redis;
let raw: RawStore;

/** Some real corpus pages (the first HTML files of a few sources), read at test time. */
function corpusPages(count: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (out.length >= count) return;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.html?$/.test(e.name)) out.push(readFileSync(p));
    }
  };
  walk(join(CORPUS_DIR, 'articles'));
  return out;
}

beforeAll(() => {
  redis = createRedis(REDIS_URL);
  raw = new RawStore(redis, keys, 60_000);
});

afterAll(async () => {
  await purgePrefix(redis, prefix);
  await redis.quit();
});

describe('the raw page store', () => {
  it('gives back each stored page byte for byte, in a buffer of its own size', async () => {
    const pages = corpusPages(12);
    expect(pages.length).toBe(12);
    for (const [i, page] of pages.entries()) {
      const key = await raw.put(`page-${i}`, page);
      const stored = await redis.getBuffer(key);
      // 'B', the page's length, then brotli data much smaller than the page
      expect(stored?.[0]).toBe(0x42);
      expect(stored?.readUInt32LE(1)).toBe(page.byteLength);
      expect(stored!.length).toBeLessThan(page.byteLength / 2);
      const back = await raw.get(key);
      expect(Buffer.from(back!).equals(Buffer.from(page))).toBe(true);
      // not a view into a larger zlib chunk: no bytes held beyond the page's own
      expect(back!.buffer.byteLength).toBe(page.byteLength);
    }
  });

  it('stores an empty page and a page larger than one compression chunk', async () => {
    const big = Buffer.concat(corpusPages(12).map((p) => Buffer.from(p)));
    expect(big.byteLength).toBeGreaterThan(512 << 10);
    for (const [name, page] of [
      ['empty', new Uint8Array(0)],
      ['big', big],
    ] as const) {
      const back = await raw.get(await raw.put(name, page));
      expect(Buffer.from(back!).equals(Buffer.from(page))).toBe(true);
    }
  });

  it('still reads pages stored in the earlier formats: brotli without a size, and gzip', async () => {
    const page = corpusPages(1)[0]!;
    const unsized = keys.raw('unsized');
    await redis.set(unsized, Buffer.concat([Buffer.from([0x62]), brotliCompressSync(page)]));
    expect(Buffer.from((await raw.get(unsized))!).equals(Buffer.from(page))).toBe(true);
    const gzipped = keys.raw('gzipped');
    await redis.set(gzipped, gzipSync(page));
    expect(Buffer.from((await raw.get(gzipped))!).equals(Buffer.from(page))).toBe(true);
  });

  it('says a value of unknown format is one to delete and re-fetch, and a missing page is null', async () => {
    const odd = keys.raw('odd');
    await redis.set(odd, 'xyz');
    await expect(raw.get(odd)).rejects.toThrow(/unknown format .*re-fetch/);
    expect(await raw.get(keys.raw('never-stored'))).toBeNull();
  });
});
