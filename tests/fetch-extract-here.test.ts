import { ExtractPool } from '@quotecheck/extract';
import { extractArticle } from '@quotecheck/extract/worker';
import { type ExtractHere, extractJobId, fetchJobId } from '@quotecheck/ingest';
import { ArticleStore, createQueue, type FetchJob, stableId } from '@quotecheck/shared';
import type { Job, Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureServer } from './support/fixture-server.js';
import { type IngestHarness, ingestHarness, waitFor } from './support/ingest-harness.js';

/**
 * A process that runs the fetch and extract roles extracts each page in its fetch job
 * (`FetchDeps.extractHere`, wired so by `quotecheck run`): the article is stored and its
 * verification queued with no extract job; when that extraction fails the page goes to the
 * extract queue as before, so it is not lost. Real BullMQ worker, Redis, extraction thread and a
 * corpus page served over HTTP.
 */

const PAGE = '/articles/scrapinghub-aeb/html/ba07d1e64775f4090e39116c382111f5a2cfe9528dd179673f4e9bfcea370c15.html.gz';

let server: FixtureServer;
let h: IngestHarness;
let pool: ExtractPool;
let articles: ArticleStore;
let verifyQueue: Queue;
/** Extraction budget of the next page, ms (a page over it fails in its thread). */
let budgetMs = 30_000;
/** The pool the next page is extracted in: `pool`, or one already closed. */
let using: () => ExtractPool = () => pool;

beforeAll(async () => {
  server = await FixtureServer.start();
  h = await ingestHarness('fetch-here', {
    fetch: { allowHosts: [new URL(server.origin).host], timeoutMs: 5_000, perHostConcurrency: 2, perHostPerMinute: 1000 },
  });
  pool = new ExtractPool();
  articles = new ArticleStore(h.redis, h.keys);
  verifyQueue = createQueue('verify', h.redis, h.config, h.log);
  const extractHere: ExtractHere = (data, page, log, signal) =>
    extractArticle(
      { data, log, ...(signal ? { signal } : {}) },
      { getRaw: async () => page, articles, verifyQueue, pool: using(), budgetMs },
    );
  await h.startFetchWorker(2, { extractHere });
});

afterAll(async () => {
  await h?.cleanup();
  await verifyQueue?.close();
  await pool?.close();
  await server?.close();
});

async function fetched(url: string): Promise<Job<FetchJob>> {
  const job = await h.queues.fetch.add(
    'fetch-article',
    { url, canonicalUrl: url, feedId: 'here-feed' },
    { jobId: fetchJobId(url) },
  );
  return waitFor(`fetch job ${job.id} to settle`, async () => {
    const state = await job.getState();
    return state === 'completed' || state === 'failed' ? ((await h.queues.fetch.getJob(job.id as string)) ?? null) : null;
  });
}

describe('a fetch job in a process that also extracts', () => {
  it('stores the article and queues its verification itself, with no extract job', async () => {
    budgetMs = 30_000;
    const url = server.url(PAGE);
    const job = await fetched(url);
    expect(await job.getState()).toBe('completed');
    const articleId = stableId(url);
    expect(job.returnvalue).toMatchObject({ status: 'fetched', articleId, extracted: true });
    const article = await articles.get(articleId);
    expect(article).toMatchObject({ id: articleId, canonicalUrl: url, feedId: 'here-feed' });
    expect(article?.paragraphs.length).toBeGreaterThan(3);
    expect((await verifyQueue.getJobs(['waiting'])).map((j) => j.data.articleId)).toContain(articleId);
    expect(await h.queues.extract.getJob(extractJobId(articleId))).toBeUndefined();
    // the raw page is kept under retention all the same, for re-extraction
    expect(await h.services.raw.get(h.keys.raw(articleId))).not.toBeNull();
    // fetched, then extracted, each once, under the fetch job's fields
    const events = h.logs.lines.filter((l) => l.articleUrl === url).map((l) => l.event);
    expect(events.filter((e) => e === 'article.fetched' || e === 'article.extracted')).toEqual([
      'article.fetched',
      'article.extracted',
    ]);
    expect(h.logs.where({ event: 'article.extracted', articleUrl: url })[0]).toMatchObject({
      jobId: job.id,
      feedId: 'here-feed',
    });
  });

  it('fails the fetch job for good, with the reason, when the page is over its extraction budget', async () => {
    budgetMs = 1;
    const url = server.url(`${PAGE}?over-budget`);
    const job = await fetched(url);
    expect(await job.getState()).toBe('failed');
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/^page took longer than .* to extract .*not retried/);
    const articleId = stableId(url);
    expect(await h.queues.extract.getJob(extractJobId(articleId))).toBeUndefined();
    expect(await articles.get(articleId)).toBeNull();
    expect(h.logs.where({ event: 'article.over_budget', articleUrl: url })).toHaveLength(1);
  });

  it('queues the page for the extract workers when extraction here fails otherwise, and says why', async () => {
    budgetMs = 30_000;
    const closed = new ExtractPool();
    await closed.close();
    using = () => closed;
    try {
      const url = server.url(`${PAGE}?pool-closed`);
      const job = await fetched(url);
      expect(await job.getState()).toBe('completed');
      const articleId = stableId(url);
      expect(job.returnvalue).toMatchObject({ status: 'fetched', articleId, extracted: false });
      const extract = await h.queues.extract.getJob(extractJobId(articleId));
      expect(extract?.data).toMatchObject({ url, canonicalUrl: url, rawKey: h.keys.raw(articleId) });
      expect(await articles.get(articleId)).toBeNull();
      const line = h.logs.where({ event: 'extract.queued', articleUrl: url })[0];
      expect(line).toMatchObject({ level: 40, jobId: job.id });
      expect(String(line?.reason)).toMatch(/closed/);
    } finally {
      using = () => pool;
    }
  });
});
