import { threadId } from 'node:worker_threads';
import { ExtractPool } from '@quotecheck/extract';
import { extractArticle } from '@quotecheck/extract/worker';
import { RawStore } from '@quotecheck/ingest';
import {
  ArticleStore,
  Config,
  createLogger,
  createQueue,
  createRedis,
  createWorker,
  Keys,
  type Redis,
  stableId,
} from '@quotecheck/shared';
import { RedisClaimStore } from '@quotecheck/verify';
import { verifyArticle } from '@quotecheck/verify/worker';
import type { Job, Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPrefix, until } from './support/cli.js';
import { purgePrefix } from './support/redis-keys.js';

/**
 * The extract worker reads each page in a thread under a time budget. A page over budget fails
 * once, for good, with its reason, and leaves no article and no claim behind; a page within budget
 * goes through to the claim store. Real BullMQ workers, real Redis, real stores, a real thread.
 */

/** Short for the test: the hostile page below needs several seconds even at linear speed. */
const BUDGET_MS = 1_500;

const SENTENCE = '\u201cWe will finish the bridge by June,\u201d the mayor, Anna Lindqvist, said on Tuesday.';

/** 3 million unclosed `<div>`s (15 MB): about 10 s to read at linear speed on this machine. */
const deepPage = (): string => `<html><body>${'<div>'.repeat(3_000_000)}<p>${SENTENCE}</p></body></html>`;

const goodPage = (): string =>
  `<html><head><title>Bridge to open in June</title></head><body><article><h1>Bridge to open in June</h1>` +
  `<p>${SENTENCE}</p><p>The council has not yet voted on the budget for the project, which was first proposed in 2019 and has been delayed twice since.</p>` +
  `<p>\u201cThe money is there,\u201d said Erik Berg, the council's treasurer, adding that a vote was expected within weeks.</p></article></body></html>`;

describe('extraction budget in the extract worker', () => {
  const prefix = testPrefix('extract-budget');
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const config = Config.parse({ redisUrl, prefix, feeds: [], logLevel: 'silent' });
  const log = createLogger({ level: 'silent' });
  const keys = new Keys(prefix);
  let redis: Redis;
  let workerConn: Redis;
  let extractQueue: Queue;
  let verifyQueue: Queue;
  let raw: RawStore;
  let claims: RedisClaimStore;
  let pool: ExtractPool;
  let workers: Worker[] = [];
  /** How many times each extract job was taken by a worker. */
  const taken = new Map<string, number>();

  beforeAll(async () => {
    redis = createRedis(redisUrl, 'client');
    workerConn = createRedis(redisUrl, 'worker');
    extractQueue = createQueue('extract', redis, config, log);
    verifyQueue = createQueue('verify', redis, config, log);
    raw = new RawStore(redis, keys, 600_000);
    const articles = new ArticleStore(redis, keys);
    claims = new RedisClaimStore(redis, keys);
    pool = new ExtractPool();
    const extract = createWorker(
      'extract',
      (c) => extractArticle(c, { getRaw: (k) => raw.get(k), articles, verifyQueue, pool, budgetMs: BUDGET_MS }),
      workerConn,
      config,
      log,
    );
    extract.on('active', (job) => taken.set(job.id as string, (taken.get(job.id as string) ?? 0) + 1));
    const verify = createWorker(
      'verify',
      (c) => verifyArticle(c, { articles, store: claims, log: c.log }),
      workerConn,
      config,
      log,
    );
    workers = [extract, verify];
    for (const w of workers) void w.run();
  }, 30_000);

  afterAll(async () => {
    await Promise.allSettled(workers.map((w) => w.close(true)));
    await pool?.close();
    await Promise.allSettled([extractQueue?.close(), verifyQueue?.close(), claims?.close()]);
    await purgePrefix(redis, prefix);
    await Promise.allSettled([redis.quit(), workerConn.quit()]);
  });

  const enqueue = async (name: string, html: string): Promise<{ job: Job; articleId: string }> => {
    const url = `https://news.example.com/2024/05/01/${name}.html`;
    const rawKey = await raw.put(stableId(url), new TextEncoder().encode(html));
    const job = await extractQueue.add('extract-article', {
      url,
      canonicalUrl: url,
      feedId: null,
      rawKey,
      fetchedAt: new Date().toISOString(),
      contentType: 'text/html; charset=utf-8',
    });
    return { job, articleId: stableId(url) };
  };

  const settled = async (job: Job): Promise<Job> => {
    await until(async () => {
      const state = await extractQueue.getJobState(job.id as string);
      return state === 'completed' || state === 'failed';
    }, 120_000);
    return (await extractQueue.getJob(job.id as string)) as Job;
  };

  it('fails a page over budget once, for good, with its reason, storing and verifying nothing', async () => {
    const html = deepPage();
    const { job, articleId } = await enqueue('deep', html);
    const done = await settled(job);
    expect(await done.getState()).toBe('failed');
    expect(done.failedReason).toBe(`page took longer than 1.5 s to extract (${Buffer.byteLength(html)} bytes): not retried`);
    expect(done.attemptsMade).toBe(1);
    expect(done.opts.attempts).toBeGreaterThan(1); // failed at once although retries were allowed
    expect(await redis.exists(keys.article(articleId))).toBe(0);
    // Long enough for a stalled-job check (15 s interval) to have retaken it if its lock had expired.
    await new Promise((r) => setTimeout(r, 16_000));
    expect(await extractQueue.getJobState(job.id as string)).toBe('failed');
    expect(taken.get(job.id as string)).toBe(1);
    expect(await verifyQueue.getJobCountByTypes('waiting', 'active', 'delayed', 'completed', 'failed')).toBe(0);
    expect(await claims.count()).toBe(0);
  }, 180_000);

  it('extracts a page within budget in a fresh thread, stores it and verifies its claims', async () => {
    const { job, articleId } = await enqueue('good', goodPage());
    const done = await settled(job);
    expect(done.failedReason).toBeUndefined();
    expect(await done.getState()).toBe('completed');
    expect(done.returnvalue).toMatchObject({ articleId });
    expect(done.returnvalue.attributions).toBeGreaterThanOrEqual(2);
    expect(taken.get(job.id as string)).toBe(1);
    await until(async () => (await claims.count()) > 0, 60_000);
    const stored = JSON.parse((await redis.get(keys.article(articleId))) as string) as { text: string };
    expect(stored.text).toContain(SENTENCE);
    // the over-budget thread was terminated: this page ran in a replacement
    expect(pool.started).toBeGreaterThanOrEqual(2);
  }, 180_000);

  it('runs extraction in a worker thread, not in the caller', async () => {
    const out = await pool.run({ html: goodPage(), url: null, contentType: null });
    expect(out.threadId).not.toBe(threadId);
    expect(out.attributions.map((a) => a.content.text).join(' ')).toContain('We will finish the bridge by June');
  }, 60_000);
});
