/**
 * Ingest throughput: one generated feed of N items on the local fixture server (real corpus
 * article pages under distinct URLs), real BullMQ poll and fetch workers in this process, on
 * the local Redis. Measures articles/s from the first poll until the last ExtractJob is
 * enqueued (each article: politeness check, GET, brotli into Redis, extract job).
 *
 *   pnpm bench:ingest [-- --n 500 --concurrency 8]
 *
 * Politeness is set wide open (one host serves everything here); the per-host limits are
 * exercised by the tests, not measured here.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { createIngestServices } from '../packages/ingest/src/index.js';
import { fetchArticle, pollFeed } from '../packages/ingest/src/worker.js';
import { createLogger, createQueue, createRedis, createWorker, Keys, loadConfig } from '../packages/shared/src/index.js';
import { FixtureServer } from '../tests/support/fixture-server.js';
import { purgePrefix } from '../tests/support/redis-keys.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '500' },
    concurrency: { type: 'string', default: '8' },
    // give up (and say how far it got) after this many seconds
    timeout: { type: 'string', default: '600' },
  },
  allowPositionals: true,
  // `pnpm bench:ingest -- --n 100` passes the "--" through
  args: process.argv.slice(2).filter((a) => a !== '--'),
});
const n = Number(values.n);
const concurrency = Number(values.concurrency);
const timeoutMs = Number(values.timeout) * 1000;

const prefix = `qc-bench-ingest-${randomBytes(4).toString('hex')}`;
const server = await FixtureServer.start();
const config = loadConfig({
  env: {},
  overrides: {
    prefix,
    fetch: { allowHosts: [new URL(server.origin).host], perHostConcurrency: concurrency, perHostPerMinute: 10_000_000 },
    concurrency: { fetch: concurrency },
    maxExtractBacklog: n * 2,
    // one poll takes the whole feed: past the default 500 the rest would wait for a poll that this
    // bench never schedules, and it would wait forever
    maxNewItemsPerPoll: Math.max(n, 1),
    maxFetchBacklog: n * 2,
  },
});
let errors = 0;
let deferred = 0;
const sink = new Writable({
  write(chunk, _enc, done) {
    if (chunk.toString().includes('"level":50')) errors++;
    if (chunk.toString().includes('fetch.deferred')) deferred++;
    done();
  },
});
const log = createLogger({ level: 'debug', destination: sink });
const redis = createRedis(config.redisUrl, 'worker');
const queues = {
  poll: createQueue('poll', redis, config, log),
  fetch: createQueue('fetch', redis, config, log),
  extract: createQueue('extract', redis, config, log),
};
const services = createIngestServices(redis, config, queues);
const keys = new Keys(prefix);
const workers = [
  createWorker('poll', (ctx) => pollFeed(ctx, services.poll), redis, config, log, { concurrency: 1 }),
  createWorker('fetch', (ctx) => fetchArticle(ctx, services.fetch), redis, config, log, { concurrency }),
];
for (const w of workers) void w.run();
await Promise.all(workers.map((w) => w.waitUntilReady()));

try {
  const feed = await services.registry.add(server.url(`/gen/feed.xml?n=${n}&seed=${prefix}`));
  const t0 = performance.now();
  await queues.poll.add('poll-feed', { feedId: feed.id });
  let polledAt = 0;
  for (;;) {
    const done = await queues.extract.count();
    if (!polledAt && (await redis.hexists(keys.feedPolls, feed.id))) polledAt = performance.now();
    if (done >= n) break;
    const failed = await queues.fetch.getFailedCount();
    if (failed > 0) throw new Error(`${failed} fetch jobs failed; see the fixture server and logs`);
    if (performance.now() - t0 > timeoutMs)
      throw new Error(`${done} of ${n} extract jobs enqueued after ${values.timeout} s: giving up (raise --timeout)`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const seconds = (performance.now() - t0) / 1000;
  const pages = server.requests.filter((r) => r.path.startsWith('/page/'));
  let bytes = 0;
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', keys.raw('*'), 'COUNT', 1000);
    cursor = next;
    for (const k of found) bytes += await redis.strlen(k);
  } while (cursor !== '0');
  console.log(`ingest bench: ${n} articles from one generated feed, fetch concurrency ${concurrency}, Node ${process.version}`);
  console.log(`  feed poll (GET + parse + ${n} seen-set claims + addBulk): ${Math.round(polledAt - t0)} ms`);
  console.log(`  first poll -> last ExtractJob enqueued: ${seconds.toFixed(2)} s = ${(n / seconds).toFixed(0)} articles/s`);
  console.log(
    `  page GETs: ${pages.length}, raw pages stored: ${(bytes / 1024 / 1024).toFixed(1)} MB compressed, error log lines: ${errors}, deferred: ${deferred}`,
  );
  console.log(`  command: pnpm bench:ingest -- --n ${n} --concurrency ${concurrency}`);
} finally {
  await Promise.allSettled(workers.map((w) => w.close()));
  await Promise.allSettled(Object.values(queues).map((q) => q.obliterate({ force: true })));
  await Promise.allSettled(Object.values(queues).map((q) => q.close()));
  await services.close();
  await purgePrefix(redis, prefix);
  await redis.quit();
  await server.close();
}
