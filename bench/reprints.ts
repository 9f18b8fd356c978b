/**
 * Verification cost as statements are reprinted: the article pages `bench:pipeline` serves (233
 * corpus pages), extracted once, then verified round after round under new URLs on new outlets,
 * as a wire story is republished by one outlet after another, so each round adds one more excerpt
 * to every claim of those pages. Prints the CPU per article of each round: it should stay nearly
 * flat as claims grow, not rise with the excerpts every claim already has.
 *
 *   pnpm bench:reprints [-- --rounds 20] [--store memory|redis]
 *
 * `--store redis` verifies on a RedisClaimStore under its own key prefix (deleted at the end).
 */
import { parseArgs } from 'node:util';
import { articleFromHtml, extractAttributions } from '../packages/extract/src/index.js';
import { createRedis, Keys } from '../packages/shared/src/index.js';
import { type ClaimStore, MemoryClaimStore, RedisClaimStore, Verifier } from '../packages/verify/src/index.js';
import { listArticlePages, readArticlePage } from '../tests/support/fixture-server.js';
import { purgePrefix } from '../tests/support/redis-keys.js';
import { storedInput } from './stored-input.js';

const { values } = parseArgs({
  options: { rounds: { type: 'string', default: '20' }, store: { type: 'string', default: 'memory' } },
  args: process.argv.slice(2).filter((a) => a !== '--'),
});
const ROUNDS = Number(values.rounds);
if (values.store !== 'memory' && values.store !== 'redis') throw new Error(`--store is memory or redis, not ${values.store}`);

const pages = listArticlePages();
const extracted = pages.map((file, k) => {
  const html = readArticlePage(file);
  const url = `https://outlet-0.example/page/${k}.html`;
  const article = articleFromHtml(new Uint8Array(html), { url, contentType: 'text/html; charset=utf-8' });
  return { article, attributions: extractAttributions(article) };
});
const quotes = extracted.reduce((n, e) => n + e.attributions.length, 0);
console.log(`${pages.length} pages, ${quotes} attributions, reprinted over ${ROUNDS} rounds (${values.store} store)`);

const redis = values.store === 'redis' ? createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379') : null;
const prefix = `qc-bench-reprints-${process.pid}`;
const store: ClaimStore = redis ? new RedisClaimStore(redis, new Keys(prefix)) : new MemoryClaimStore();
const verifier = new Verifier(store);
const fetchedAt = new Date().toISOString();
try {
  console.log('round  excerpts per claim  ms CPU per article');
  for (let round = 1; round <= ROUNDS; round++) {
    const cpu = process.cpuUsage();
    for (const [k, { article, attributions }] of extracted.entries()) {
      // Each round is another outlet republishing the page.
      const url = `https://outlet-${round}.example/page/${k}.html`;
      await verifier.addArticle(storedInput(article, attributions, url, fetchedAt));
    }
    const c = process.cpuUsage(cpu);
    const ms = (c.user + c.system) / 1000 / extracted.length;
    console.log(`${String(round).padStart(5)}  ${String(round).padStart(18)}  ${ms.toFixed(2).padStart(18)}`);
  }
} finally {
  if (redis) {
    await purgePrefix(redis, prefix);
    await (store as RedisClaimStore).close();
    await redis.quit();
  }
}
