/**
 * Review desk response times as the claim store grows: seeds the real seed-article claims (real
 * extractor and verifier), then adds synthetic copies of them (new ids, older update times) with
 * one pipeline per 1,000, starts the real `quotecheck serve` and times list pages (newest page,
 * a deep page, a filter matching 2 claims, which reads the whole store) and a claim page.
 * Uses its own key prefix and deletes it at the end.
 *
 *   node --import tsx bench/review-desk.ts [--sizes 1000,10000]
 */
import type { Claim } from '../packages/shared/src/index.js';
import { createRedis, Keys } from '../packages/shared/src/index.js';
import { RedisClaimStore } from '../packages/verify/src/index.js';
import { waitExit } from '../tests/support/cli.js';
import { purgePrefix } from '../tests/support/redis-keys.js';
import { seedReviewDesk, startServe } from '../tests/support/review-desk-seed.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const SIZES = arg('sizes', '1000,10000').split(',').map(Number);
const prefix = `qc-bench-desk-${process.pid}`;
const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const keys = new Keys(prefix);
const store = new RedisClaimStore(redis, keys);

async function time(url: string, runs = 5): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = await fetch(url);
    await r.text();
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    ms.push(performance.now() - t);
  }
  return ms.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

try {
  await seedReviewDesk(redis, prefix);
  const base = (await store.page(null, 1000)).claims.filter((c) => c.status !== 'denied');
  let have = await store.count();
  const serve = await startServe({ QUOTECHECK_PREFIX: prefix, LOG_LEVEL: 'warn' });
  try {
    const wish = (await store.page(null, 1000)).claims.find((c) => /wish list/.test(c.canonical))!;
    for (const size of SIZES) {
      while (have < size) {
        const p = redis.pipeline();
        for (let i = 0; i < 1000 && have < size; i++, have++) {
          const c: Claim = { ...base[have % base.length]!, id: `syn${have.toString(16).padStart(13, '0')}` };
          c.updatedAt = new Date(Date.parse('2025-01-01T00:00:00Z') + have * 1000).toISOString();
          p.set(store.space.claim(c.id).key, JSON.stringify(c));
          p.zadd(store.space.ofClaim(c.id, 'updated').key, Date.parse(c.updatedAt), c.id);
        }
        await p.exec();
      }
      const row = {
        claims: await store.count(),
        listMs: await time(`${serve.base}/claims`),
        page20Ms: await time(`${serve.base}/claims?page=20`),
        deniedMs: await time(`${serve.base}/claims?status=denied`),
        textMs: await time(`${serve.base}/claims?q=wish+list`),
        claimMs: await time(`${serve.base}/claims/${wish.id}`),
      };
      console.log(JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Math.round(v)]))));
    }
  } finally {
    serve.child.kill('SIGTERM');
    await waitExit(serve.child, 30_000);
  }
} finally {
  await store.close();
  await purgePrefix(redis, prefix);
  await redis.quit();
}
