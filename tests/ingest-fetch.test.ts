import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { extractJobId, fetchJobId } from '@quotecheck/ingest';
import { type ExtractJob, type FetchJob, stableId } from '@quotecheck/shared';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, FixtureServer } from './support/fixture-server.js';
import { type IngestHarness, ingestHarness, waitFor } from './support/ingest-harness.js';

let server: FixtureServer;
let h: IngestHarness;

beforeAll(async () => {
  server = await FixtureServer.start();
  h = await ingestHarness('fetch', {
    fetch: { allowHosts: [new URL(server.origin).host], timeoutMs: 5_000, perHostConcurrency: 2, perHostPerMinute: 1000 },
  });
  await h.startFetchWorker(4);
});

afterAll(async () => {
  await h?.cleanup();
  await server?.close();
});

const fastRetry = { attempts: 3, backoff: { type: 'fixed', delay: 50 } } as const;

async function enqueue(url: string, opts: Record<string, unknown> = {}): Promise<Job<FetchJob>> {
  const canonicalUrl = url;
  return h.queues.fetch.add(
    'fetch-article',
    { url, canonicalUrl, feedId: 'test-feed' },
    { jobId: fetchJobId(canonicalUrl), ...fastRetry, ...opts },
  );
}

async function settled(job: Job): Promise<Job> {
  return waitFor(`job ${job.id} to settle`, async () => {
    const state = await job.getState();
    return state === 'completed' || state === 'failed' ? ((await h.queues.fetch.getJob(job.id as string)) ?? null) : null;
  });
}

describe('fetchArticle through a real worker', () => {
  it('stores the raw page compressed with a TTL, then enqueues the extract job keyed by article id', async () => {
    const url = server.url(
      '/articles/scrapinghub-aeb/html/ba07d1e64775f4090e39116c382111f5a2cfe9528dd179673f4e9bfcea370c15.html.gz',
    );
    const job = await settled(await enqueue(url));
    expect(await job.getState()).toBe('completed');
    const articleId = stableId(url);
    expect(job.returnvalue).toMatchObject({ status: 'fetched', articleId });
    const extract = (await h.queues.extract.getJob(extractJobId(articleId))) as Job<ExtractJob> | undefined;
    expect(extract?.data).toMatchObject({ url, canonicalUrl: url, feedId: 'test-feed', rawKey: h.keys.raw(articleId) });
    const original = gunzipSync(
      readFileSync(
        join(
          CORPUS_DIR,
          'articles/scrapinghub-aeb/html/ba07d1e64775f4090e39116c382111f5a2cfe9528dd179673f4e9bfcea370c15.html.gz',
        ),
      ),
    );
    const stored = await h.services.raw.get(h.keys.raw(articleId));
    expect(Buffer.from(stored as Uint8Array).equals(original)).toBe(true);
    // its own bytes, not a view into zlib's larger output chunk (which a thread would be sent whole)
    expect(stored?.buffer.byteLength).toBe(original.length);
    const compressed = (await h.redis.strlen(h.keys.raw(articleId))) as number;
    expect(compressed).toBeLessThan(original.length / 3);
    const ttl = await h.redis.pttl(h.keys.raw(articleId));
    expect(ttl).toBeGreaterThan(h.config.retention.rawHtmlMs - 60_000);
    expect(h.logs.where({ event: 'article.fetched', articleUrl: url })[0]).toMatchObject({
      status: 200,
      jobId: job.id,
      feedId: 'test-feed',
    });
  });

  it('a re-run of the same fetch does not duplicate the extract job', async () => {
    const url = server.url('/page/rerun-1.html');
    await settled(await enqueue(url));
    const again = await h.queues.fetch.add(
      'fetch-article',
      { url, canonicalUrl: url, feedId: null },
      { jobId: 'fetch-rerun-2', ...fastRetry },
    );
    await settled(again);
    const extracts = (await h.queues.extract.getJobs(['waiting'])).filter((j) => j.data.canonicalUrl === url);
    expect(extracts).toHaveLength(1);
  });

  it('retries 5xx with backoff and fails after the attempts, logging each failure', async () => {
    const job = await settled(await enqueue(server.url('/fault/status/503')));
    expect(await job.getState()).toBe('failed');
    expect(job.attemptsMade).toBe(3);
    expect(server.hits('/fault/status/503')).toBe(3);
    expect(h.logs.where({ event: 'fetch.failed', jobId: job.id })).toHaveLength(3);
  });

  it.each([
    ['/fault/status/404', /HTTP 404/],
    ['/fault/oversized?mb=45', /larger than/],
    [
      `/fault/redirect?to=${encodeURIComponent('http://169.254.169.254/latest/meta-data/')}`,
      /refused to fetch http:\/\/169\.254\.169\.254/,
    ],
  ])('%s fails at once without retrying', async (path, reason) => {
    const job = await settled(await enqueue(server.url(path)));
    expect(await job.getState()).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(reason);
    expect(h.logs.where({ event: 'fetch.failed', jobId: job.id })[0]).toMatchObject({ permanent: true });
  });

  it('a link whose host resolves to loopback is refused at fetch time', async () => {
    const job = await settled(await enqueue(`http://localhost:${new URL(server.origin).port}/page/1.html`));
    expect(job.failedReason).toMatch(/refused to fetch .*loopback/);
    expect(job.attemptsMade).toBe(1);
  });

  it('429 delays the job by Retry-After instead of failing it, and holds back the whole host', async () => {
    // its own prefix: the host block would hold back the other tests' fetches
    const h429 = await ingestHarness('fetch-429', { fetch: { allowHosts: [new URL(server.origin).host] } });
    try {
      await h429.startFetchWorker(2);
      const url = server.url('/fault/status/429?retry-after=120');
      const job = await h429.queues.fetch.add('fetch-article', { url, canonicalUrl: url, feedId: null }, fastRetry);
      await waitFor('429 job to be delayed', async () => (await job.getState()) === 'delayed');
      const delayed = (await h429.queues.fetch.getJob(job.id as string)) as Job;
      expect(delayed.attemptsMade).toBe(0);
      expect(delayed.delay).toBeGreaterThan(100_000);
      expect(h429.logs.where({ event: 'fetch.rate_limited', jobId: job.id })[0]).toMatchObject({ status: 429 });
      const before = server.hits('/page/after-429.html');
      const next = await h429.queues.fetch.add(
        'fetch-article',
        { url: server.url('/page/after-429.html'), canonicalUrl: server.url('/page/after-429.html'), feedId: null },
        fastRetry,
      );
      await waitFor('same-host job to be delayed', async () => (await next.getState()) === 'delayed');
      expect(server.hits('/page/after-429.html')).toBe(before);
      expect(h429.logs.where({ event: 'fetch.deferred', jobId: next.id })[0]).toMatchObject({ reason: 'rate' });
    } finally {
      await h429.cleanup();
    }
  });

  it('a corrupt payload fails with a clear error', async () => {
    const job = await h.queues.fetch.add('fetch-article', { url: 'not a url' } as never, fastRetry);
    const failed = await settled(job);
    expect(failed.failedReason).toMatch(/fetch-article job payload is invalid .*url/);
    expect(failed.attemptsMade).toBe(1);
  });
});

describe('politeness', () => {
  it('never has more than perHostConcurrency requests in flight to one host', async () => {
    let inFlight = 0;
    let peak = 0;
    server.route('/polite/slow.html', (_req, res) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight--;
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<html><body><p>slow page</p></body></html>');
      }, 150);
    });
    const jobs = await Promise.all(Array.from({ length: 8 }, (_, i) => enqueue(server.url(`/polite/slow.html?n=${i}`))));
    for (const j of jobs) expect(await (await settled(j)).getState()).toBe('completed');
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThanOrEqual(2);
    expect(h.logs.where({ event: 'fetch.deferred', reason: 'concurrency' }).length).toBeGreaterThan(0);
  });

  it('delays jobs over perHostPerMinute instead of fetching them', async () => {
    const strict = await ingestHarness('fetch-rate', {
      fetch: { allowHosts: [new URL(server.origin).host], perHostPerMinute: 3, perHostConcurrency: 4 },
    });
    try {
      await strict.startFetchWorker(4);
      const jobs = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          strict.queues.fetch.add('fetch-article', {
            url: server.url(`/page/rate-${i}.html`),
            canonicalUrl: server.url(`/page/rate-${i}.html`),
            feedId: null,
          }),
        ),
      );
      await waitFor('3 fetched and 3 delayed', async () => {
        const states = await Promise.all(jobs.map((j) => j.getState()));
        return states.filter((s) => s === 'completed').length === 3 && states.filter((s) => s === 'delayed').length === 3;
      });
      const delayed = await strict.queues.fetch.getDelayed();
      for (const d of delayed) expect(d.attemptsMade).toBe(0);
      expect(strict.logs.where({ event: 'fetch.deferred', reason: 'rate' }).length).toBeGreaterThanOrEqual(3);
    } finally {
      await strict.cleanup();
    }
  });
});

describe('shutdown during a slow fetch', () => {
  it('a bounded close cancels the request, the job is retried by the next worker, nothing is lost', async () => {
    const h2 = await ingestHarness('fetch-close', { fetch: { allowHosts: [new URL(server.origin).host], timeoutMs: 30_000 } });
    let calls = 0;
    server.route('/slow-once.html', (req, res) => {
      calls++;
      if (calls === 1) {
        // hang until the client goes away
        req.on('close', () => res.destroy());
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body><p>finally</p></body></html>');
    });
    try {
      const w1 = await h2.startFetchWorker(1);
      const url = server.url('/slow-once.html');
      const job = await h2.queues.fetch.add(
        'fetch-article',
        { url, canonicalUrl: url, feedId: null },
        { jobId: fetchJobId(url), attempts: 3, backoff: { type: 'fixed', delay: 50 } },
      );
      await waitFor('the slow request to reach the server', () => calls === 1);
      const closing = w1.close();
      const drained = await Promise.race([closing.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 300))]);
      expect(drained).toBe(false);
      w1.cancelAllJobs('shutdown');
      await closing;
      const afterClose = (await h2.queues.fetch.getJob(job.id as string)) as Job;
      expect(['delayed', 'waiting']).toContain(await afterClose.getState());
      expect(afterClose.attemptsMade).toBe(1);
      await h2.startFetchWorker(1);
      const done = await waitFor('the retried job to complete', async () =>
        (await job.getState()) === 'completed' ? h2.queues.fetch.getJob(job.id as string) : null,
      );
      expect(done.returnvalue).toMatchObject({ status: 'fetched' });
      expect(await h2.queues.extract.getJob(extractJobId(stableId(url)))).toBeTruthy();
      expect(calls).toBe(2);
    } finally {
      await h2.cleanup();
    }
  });
});
