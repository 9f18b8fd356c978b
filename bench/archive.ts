/**
 * The claim archive on real claims: extracts and verifies N PolNeAR train texts into a Redis
 * claim store with a clock 40 days back, then measures what `quotecheck archive` frees and
 * costs: Redis memory of the claim records before and after (MEMORY USAGE per key kind), the
 * archive's bytes per claim, the sweep's time, and reading claims back through `export`'s
 * stream from Redis and from the archive. Uses its own key prefix and temporary directory and
 * deletes both at the end.
 *
 *   pnpm bench:archive [--n 1000]
 */

import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { articleFromText, extractAttributions } from '../packages/extract/src/index.js';
import { createRedis, Keys, stableId } from '../packages/shared/src/index.js';
import { ClaimArchive, RedisClaimStore, streamClaims, sweepIdleClaims, Verifier } from '../packages/verify/src/index.js';
import { memoryByKind, purgePrefix } from '../tests/support/redis-keys.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const N = Number(arg('n', '1000'));
const DAY = 86_400_000;
const textDir = resolve(import.meta.dirname, '../../shared/corpus/polnear/data/train/text');
const prefix = `qc-bench-archive-${process.pid}`;
const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const store = new RedisClaimStore(redis, new Keys(prefix));
const dir = await mkdtemp(join(tmpdir(), 'qc-bench-archive-'));

/** A claim-store key's kind: `c` (claim records), `p` (4-gram postings), `df` (phrase counts)… */
const kindOf = (key: string) => (store.space.nameOf(key) ?? key).split(':')[0]!;

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

async function countStream(withArchive: boolean): Promise<number> {
  let n = 0;
  for await (const _ of streamClaims(store, {}, 500, undefined, withArchive ? new ClaimArchive(dir) : undefined)) n++;
  return n;
}

try {
  const files = readdirSync(textDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .slice(0, N);
  const verifier = new Verifier(store, { now: () => new Date(Date.now() - 40 * DAY) });
  const [, loadMs] = await timed(async () => {
    for (const f of files) {
      const article = articleFromText(readFileSync(join(textDir, f), 'utf8'));
      await verifier.addArticle({
        id: stableId(f),
        input: f,
        outlet: f.split('_')[0]!,
        published: null,
        text: article.text,
        paragraphs: article.paragraphs,
        byline: null,
        attributions: extractAttributions(article),
      });
    }
  });
  const claims = await store.count();
  const before = await memoryByKind(redis, prefix, kindOf);
  const [hotRead, hotReadMs] = await timed(() => countStream(false));
  const [swept, sweepMs] = await timed(() => sweepIdleClaims(store, new ClaimArchive(dir), { idleMs: 30 * DAY }));
  const after = await memoryByKind(redis, prefix, kindOf);
  let archiveBytes = 0;
  for (const f of await readdir(dir)) archiveBytes += (await stat(join(dir, f))).size;
  const [archivedRead, archivedReadMs] = await timed(() => countStream(true));

  const rec = (m: typeof before) => m.c ?? { keys: 0, bytes: 0 };
  const kinds = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k !== 'c').sort();
  const idx = (m: typeof before) => ({ bytes: kinds.reduce((a, k) => a + (m[k]?.bytes ?? 0), 0) });
  const perClaim = (bytes: number) => (bytes / Math.max(claims, 1)).toFixed(0);
  console.log(`${files.length} PolNeAR train texts verified in ${(loadMs / 1000).toFixed(1)} s: ${claims} claims`);
  console.log('| measure | value |\n| --- | --- |');
  console.log(
    `| Redis claim records before / after | ${rec(before).bytes} B (${perClaim(rec(before).bytes)} B per claim) / ${rec(after).bytes} B |`,
  );
  console.log(
    `| Redis indexes and counts before / after | ${perClaim(idx(before).bytes)} / ${perClaim(idx(after).bytes)} B per claim |`,
  );
  for (const k of kinds)
    console.log(
      `| Redis \`${k}:\` keys before / after | ${perClaim(before[k]?.bytes ?? 0)} / ${perClaim(after[k]?.bytes ?? 0)} B per claim |`,
    );
  console.log(`| claims archived / kept | ${swept.archived} / ${swept.kept} in ${swept.files.length} files |`);
  console.log(`| archive bytes per claim (gzip JSON Lines) | ${perClaim(archiveBytes)} |`);
  console.log(
    `| sweep time | ${sweepMs.toFixed(0)} ms (${((sweepMs / Math.max(swept.archived, 1)) * 1000).toFixed(0)} µs per claim) |`,
  );
  console.log(`| read all claims from Redis (before) | ${hotRead} in ${hotReadMs.toFixed(0)} ms |`);
  console.log(`| read all claims from the archive (after) | ${archivedRead} in ${archivedReadMs.toFixed(0)} ms |`);
} finally {
  await store.close();
  await purgePrefix(redis, prefix);
  await redis.quit();
  await rm(dir, { recursive: true, force: true });
}
