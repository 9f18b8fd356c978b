import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Claim, createRedis, type ExtractJob, type FetchJob, Keys, type Redis } from '@quotecheck/shared';
import { RedisClaimStore } from '@quotecheck/verify';
import { type Job, Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, runCli, startCli, testPrefix, until, waitExit } from './support/cli.js';
import { purgePrefix } from './support/redis-keys.js';
import { startServe } from './support/review-desk-seed.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SEED = resolve(CORPUS, 'seed/aljazeera-2025-11-23-geneva-talks.txt');
const prefix = testPrefix('submit');
const env = { QUOTECHECK_PREFIX: prefix, REDIS_URL, LOG_LEVEL: 'warn' };
let redis: Redis;
let fetchQ: Queue<FetchJob>;
let extractQ: Queue<ExtractJob>;

beforeAll(() => {
  redis = createRedis(REDIS_URL, 'client');
  fetchQ = new Queue<FetchJob>('fetch', { connection: redis, prefix });
  extractQ = new Queue<ExtractJob>('extract', { connection: redis, prefix });
});

afterAll(async () => {
  await fetchQ.close();
  await extractQ.close();
  await purgePrefix(redis, prefix);
  await redis.quit();
});

async function allClaims(store: RedisClaimStore): Promise<Claim[]> {
  return (await store.page(null, 1000)).claims;
}

describe('quotecheck submit (real CLI, real Redis, real workers)', () => {
  it('stores a local .txt as a fetched page; `run` turns it into the denied “wish list” claim under the given outlet, shown by `serve`', async () => {
    const r = await runCli(['submit', '--json', '--outlet', 'Seed desk', SEED], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout.trim());
    expect(out).toMatchObject({ input: SEED, queue: 'extract', canonicalUrl: pathToFileURL(SEED).href, seen: false });
    const job = (await extractQ.getJob(out.jobId)) as Job<ExtractJob>;
    expect(job.data).toMatchObject({ feedId: null, outlet: 'Seed desk', canonicalUrl: pathToFileURL(SEED).href });
    expect(await redis.exists(job.data.rawKey)).toBe(1);

    const store = new RedisClaimStore(redis, new Keys(prefix));
    const run = startCli(['run', '--role', 'extract,verify'], env);
    try {
      await until(async () => (await allClaims(store)).some((c) => /wish list/.test(c.canonical)), 90_000, 500);
    } finally {
      run.kill('SIGTERM');
      await waitExit(run, 60_000);
    }
    const wish = (await allClaims(store)).find((c) => /wish list/.test(c.canonical))!;
    expect(wish.speaker.name).toMatch(/Rubio/);
    expect(wish.status).toBe('denied');
    expect(wish.evidence.some((e) => e.flag === 'denied' && /blatantly false/.test(e.sentence))).toBe(true);
    expect(wish.occurrences.map((o) => o.outlet)).toEqual(['Seed desk']);
    expect(await job.getState()).toBe('completed');

    // ...and the review desk shows it where a reviewer looks for it
    const serve = await startServe(env);
    try {
      const list = await (await fetch(`${serve.base}/claims?status=denied`)).text();
      expect(list).toContain(`<a href="/claims/${wish.id}">“wish list”</a>`);
      const page = await (await fetch(`${serve.base}/claims/${wish.id}`)).text();
      expect(page).toMatch(/Marco Rubio/);
      expect(page).toMatch(/blatantly false/);
    } finally {
      serve.child.kill('SIGTERM');
      await waitExit(serve.child, 30_000);
    }

    // Submitting it again processes it again: the finished job is replaced, not silently kept.
    const again = await runCli(['submit', '--json', SEED], env);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).jobId).toBe(out.jobId);
    expect(await (await extractQ.getJob(out.jobId))!.getState()).toBe('waiting');
  }, 180_000);

  it('enqueues a URL as a feed item would (fetch job, feedId null, canonical URL marked seen) and says when it was seen', async () => {
    const url = 'http://127.0.0.1:9/news/story.html?utm_source=mail#top';
    const allow = { ...env, QUOTECHECK_ALLOW_HOSTS: '127.0.0.1:9' };
    const first = await runCli(['submit', '--json', url], allow);
    expect(first.code).toBe(0);
    const a = JSON.parse(first.stdout);
    expect(a).toMatchObject({ queue: 'fetch', canonicalUrl: 'http://127.0.0.1:9/news/story.html', seen: false });
    const job = (await fetchQ.getJob(a.jobId)) as Job<FetchJob>;
    expect(job.data).toMatchObject({ url, canonicalUrl: 'http://127.0.0.1:9/news/story.html', feedId: null });
    expect(await redis.sismember(`${prefix}:seen`, 'http://127.0.0.1:9/news/story.html')).toBe(1);

    const second = await runCli(['submit', url], allow);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^fetch\tfetch-[0-9a-f]+\t.*\(seen before: fetched again\)$/m);
  }, 60_000);

  it('refuses a loopback URL that is not allowlisted and a missing file, submitting the rest (exit 1)', async () => {
    const r = await runCli(['submit', '--json', 'http://127.0.0.1:8/x', '/nonexistent/a.txt', SEED], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/http:\/\/127\.0\.0\.1:8\/x: .*fetch\.allowHosts/);
    expect(r.stderr).toMatch(/no such file: \/nonexistent\/a\.txt/);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(await fetchQ.getJobCounts('waiting')).toEqual({ waiting: 1 });
  }, 60_000);

  it('is a usage error without inputs (exit 2)', async () => {
    const r = await runCli(['submit'], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/submit needs at least one FILE or URL/);
  });
});
