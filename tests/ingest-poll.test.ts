import { createIngestServices, fetchJobId } from '@quotecheck/ingest';
import { pollFeed } from '@quotecheck/ingest/worker';
import { createLogger, createQueue, createRedis, type FetchJob } from '@quotecheck/shared';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCODED_FEED_TEXT, FixtureServer } from './support/fixture-server.js';
import { type IngestHarness, ingestHarness, LogCapture, waitFor } from './support/ingest-harness.js';

let server: FixtureServer;
let h: IngestHarness;

beforeAll(async () => {
  server = await FixtureServer.start();
  h = await ingestHarness('poll', { maxExtractBacklog: 3, fetch: { allowHosts: [new URL(server.origin).host] } });
  await h.startPollWorker();
});

afterAll(async () => {
  await h?.cleanup();
  await server?.close();
});

/** Adds a feed and runs one poll job through the worker; resolves with the finished job. */
async function poll(path: string): Promise<Job> {
  const feed = await h.services.registry.add(server.url(path));
  const job = await h.queues.poll.add('poll-feed', { feedId: feed.id }, { attempts: 1 });
  return waitFor(`poll of ${path}`, async () => {
    const state = await job.getState();
    return state === 'completed' || state === 'failed' ? ((await h.queues.poll.getJob(job.id as string)) ?? null) : null;
  });
}

async function fetchJobs(): Promise<Job<FetchJob>[]> {
  return (await h.queues.fetch.getJobs(['waiting', 'prioritized', 'delayed', 'active'])) as Job<FetchJob>[];
}

function feedPoll(feedId: string): Promise<Record<string, unknown>> {
  return h.redis.hget(h.keys.feedPolls, feedId).then((s) => JSON.parse(s ?? 'null') as Record<string, unknown>);
}

describe('pollFeed through a real worker', () => {
  it('enqueues each article once across polls, ignoring tracking parameters, and logs feed.polled', async () => {
    const first = await poll('/gen/feed.xml?n=20&seed=once');
    expect(first.returnvalue).toMatchObject({ status: 'ok', items: 20, new: 20 });
    // the same articles again, linked with tracking parameters and fragments: nothing new
    const tracked = await poll('/gen/feed.xml?n=25&seed=once&track=1');
    expect(tracked.returnvalue).toMatchObject({ status: 'ok', items: 25, new: 5, seen: 20 });
    const jobs = (await fetchJobs()).filter((j) => j.data.url.includes('/page/once-'));
    expect(jobs).toHaveLength(25);
    expect(new Set(jobs.map((j) => j.data.canonicalUrl)).size).toBe(25);
    for (const j of jobs) expect(j.id).toBe(fetchJobId(j.data.canonicalUrl));
    const polled = h.logs.where({ event: 'feed.polled', feedId: first.data.feedId });
    expect(polled[0]).toMatchObject({ status: 'ok', items: 20, new: 20, jobId: first.id });
  });

  it('a new process (new connections, new registry) re-enqueues nothing', async () => {
    const logs = new LogCapture();
    const redis = createRedis(h.config.redisUrl, 'worker');
    const log = createLogger({ destination: logs, level: 'info' });
    const fetchQueue = createQueue('fetch', redis, h.config, log);
    const extractQueue = createQueue('extract', redis, h.config, log);
    try {
      const other = createIngestServices(redis, h.config, { fetch: fetchQueue, extract: extractQueue });
      const feed = await other.registry.add(server.url('/gen/feed.xml?n=20&seed=once'));
      // its conditional-GET state is shared too: drop it so the feed is really re-read
      await redis.del(h.keys.httpCache(feed.id));
      const before = await fetchQueue.count();
      const r = await pollFeed({ data: { feedId: feed.id }, log }, other.poll);
      expect(r).toMatchObject({ status: 'ok', items: 20, new: 0, seen: 20 });
      expect(await fetchQueue.count()).toBe(before);
      await other.close();
    } finally {
      await fetchQueue.close();
      await extractQueue.close();
      await redis.quit();
    }
  });

  it('a 304 ends the poll before parsing', async () => {
    const path = '/gen/feed.xml?n=5&seed=etag';
    const first = await poll(path);
    expect(first.returnvalue).toMatchObject({ status: 'ok', new: 5 });
    const cache = await h.redis.hgetall(h.keys.httpCache(first.data.feedId));
    expect(cache.etag).toMatch(/^"/);
    const second = await poll(path);
    expect(second.returnvalue).toMatchObject({ status: 'not-modified', items: 0 });
    const last = server.requests.filter((r) => r.path === '/gen/feed.xml').at(-1);
    expect(last).toMatchObject({ status: 304, ifNoneMatch: cache.etag });
    // the parser name is only logged after a parse
    const lines = h.logs.where({ event: 'feed.polled', jobId: second.id });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.status).toBe('not-modified');
    expect(lines[0]?.parser).toBeUndefined();
  });

  it.each(['windows-1251', 'iso-8859-1'] as const)('a %s feed yields correctly decoded item titles', async (charset) => {
    const job = await poll(`/enc/${charset}.xml`);
    expect(job.returnvalue).toMatchObject({ status: 'ok', new: 1 });
    const fetch = (await fetchJobs()).find((j) => j.data.url.includes(`/page/enc-${charset}-1.html`));
    expect(fetch?.data.title).toBe(ENCODED_FEED_TEXT[charset].itemTitle);
  });

  it('records items linking private addresses, loopback, metadata and non-http schemes as skipped', async () => {
    const job = await poll('/fault/private-links.xml');
    // the fixture's 127.0.0.1:<port> is allowlisted in tests, the public-looking link is fine: 2 enqueued, 7 skipped
    expect(job.returnvalue).toMatchObject({ status: 'ok', items: 9, new: 2, skipped: 7 });
    const skipped = await h.redis.hgetall(h.keys.skipped);
    const reasons = Object.fromEntries(
      Object.entries(skipped).map(([url, json]) => [url, (JSON.parse(json) as { reason: string }).reason]),
    );
    expect(reasons['http://10.0.0.5/news/a.html']).toBe('unsafe-url');
    expect(reasons['http://169.254.169.254/latest/meta-data/']).toBe('unsafe-url');
    expect(reasons['http://192.168.1.10/news/b.html']).toBe('unsafe-url');
    expect(Object.entries(reasons).filter(([u, r]) => u.startsWith('http://[::') && r === 'unsafe-url')).toHaveLength(2);
    expect(reasons['file:///etc/passwd']).toBe('bad-scheme');
    expect(reasons['ftp://ftp.example.com/news.txt']).toBe('bad-scheme');
    const logged = h.logs.where({ event: 'item.skipped', feedId: job.data.feedId });
    expect(logged.map((l) => l.reason).sort()).toEqual([
      'bad-scheme',
      'bad-scheme',
      'unsafe-url',
      'unsafe-url',
      'unsafe-url',
      'unsafe-url',
      'unsafe-url',
    ]);
    expect(logged.find((l) => l.articleUrl === 'http://169.254.169.254/latest/meta-data/')?.detail).toMatch(/link-local/);
  });

  it.each([
    ['/fault/malformed-feed', /malformed/],
    ['/fault/status/500', /HTTP 500/],
    ['/fault/slow?ms=30000', /within 5000 ms/],
    ['/fault/oversized?mb=45', /larger than/],
    ['/fault/html-feed', /HTML page/],
    ['/fault/empty-feed', /empty/],
    [`/fault/redirect?to=${encodeURIComponent('http://169.254.169.254/latest/')}`, /refused to fetch/],
  ])('%s fails the poll job with a clear logged reason, and the worker keeps polling', async (path, reason) => {
    const job = await poll(path);
    expect(await job.getState()).toBe('failed');
    expect(job.failedReason).toMatch(reason);
    const line = h.logs.where({ event: 'feed.poll_failed', feedId: job.data.feedId }).at(-1);
    expect(line?.reason).toMatch(reason);
    expect(await feedPoll(job.data.feedId)).toMatchObject({ status: 'error' });
    expect(h.logs.where({ event: 'job.failed', jobId: job.id })).toHaveLength(1);
    const healthy = await poll('/gen/feed.xml?n=2&seed=after-failure');
    expect(await healthy.getState()).toBe('completed');
  });

  it('a corrupt payload fails with a clear error', async () => {
    const job = await h.queues.poll.add('poll-feed', { feed: 42 } as never, { attempts: 3 });
    const failed = await waitFor('corrupt job to fail', async () =>
      (await job.getState()) === 'failed' ? h.queues.poll.getJob(job.id as string) : null,
    );
    expect(failed.failedReason).toMatch(/poll-feed job payload is invalid \(feedId: .*\): remove the job or re-enqueue it/);
    expect(failed.attemptsMade).toBe(1);
  });

  it('pauses enqueueing while the extract backlog is over the limit, without marking items seen', async () => {
    const seenBefore = await h.services.seen.size();
    await h.queues.extract.addBulk(
      Array.from({ length: 4 }, (_, i) => ({
        name: 'extract-article',
        data: {
          url: `https://e.example/${i}`,
          canonicalUrl: `https://e.example/${i}`,
          feedId: null,
          rawKey: 'x',
          fetchedAt: new Date().toISOString(),
        },
      })),
    );
    const blocked = await poll('/gen/feed.xml?n=4&seed=backlog');
    expect(blocked.returnvalue).toMatchObject({ status: 'backpressure', new: 0 });
    expect(await h.services.seen.size()).toBe(seenBefore);
    expect(h.logs.where({ event: 'feed.backpressure', feedId: blocked.data.feedId })).toHaveLength(1);
    await h.queues.extract.drain();
    const resumed = await poll('/gen/feed.xml?n=4&seed=backlog');
    expect(resumed.returnvalue).toMatchObject({ status: 'ok', new: 4 });
  });
});
