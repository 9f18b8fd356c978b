import { FeedRegistry, feedIdOf, startSchedulerSync, UnsafeUrlError } from '@quotecheck/ingest';
import { DEFAULT_FEED_URL, type PollJob } from '@quotecheck/shared';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type IngestHarness, ingestHarness } from './support/ingest-harness.js';

let h: IngestHarness;
let registry: FeedRegistry;

beforeAll(async () => {
  h = await ingestHarness('registry', { pollEveryMs: '5m' });
  registry = h.services.registry;
});

afterAll(async () => {
  await h?.cleanup();
});

const pollQueue = () => h.queues.poll as Queue<PollJob>;

describe('FeedRegistry', () => {
  it('derives a stable, readable id from the URL', () => {
    const id = feedIdOf('https://www.aljazeera.com/xml/rss/all.xml');
    expect(id).toMatch(/^www\.aljazeera\.com-[0-9a-f]{8}$/);
    expect(feedIdOf('https://www.aljazeera.com/xml/rss/all.xml#x')).toBe(id);
    expect(feedIdOf('https://www.aljazeera.com/xml/rss/other.xml')).not.toBe(id);
  });

  it('seeds the configured default feed once, only into an empty registry', async () => {
    const seeded = await registry.seedDefaults();
    expect(seeded.map((f) => f.url)).toEqual([DEFAULT_FEED_URL]);
    expect(seeded[0]?.everyMs).toBe(5 * 60_000);
    expect(await registry.seedDefaults()).toEqual([]);
    // removing every feed does not bring the defaults back at the next start
    expect(await registry.remove(DEFAULT_FEED_URL)).toBe(true);
    expect(await registry.seedDefaults()).toEqual([]);
    expect(await registry.list()).toEqual([]);
  });

  it('adds, updates, lists and removes feeds at runtime', async () => {
    const a = await registry.add('https://news.example.com/rss.xml', 120_000);
    const again = await registry.add('https://news.example.com/rss.xml', 60_000);
    expect(again.id).toBe(a.id);
    expect(again.addedAt).toBe(a.addedAt);
    expect(again.everyMs).toBe(60_000);
    await registry.add('https://other.example.org/atom');
    expect((await registry.list()).map((f) => f.url)).toEqual([
      'https://news.example.com/rss.xml',
      'https://other.example.org/atom',
    ]);
    await h.redis.hset(h.keys.httpCache(a.id), 'etag', '"x"');
    expect(await registry.remove(a.id)).toBe(true);
    expect(await h.redis.exists(h.keys.httpCache(a.id))).toBe(0);
    expect(await registry.remove(a.id)).toBe(false);
    expect((await registry.list()).map((f) => f.url)).toEqual(['https://other.example.org/atom']);
  });

  it('refuses feeds the fetcher would refuse', async () => {
    await expect(registry.add('http://169.254.169.254/feed')).rejects.toBeInstanceOf(UnsafeUrlError);
    await expect(registry.add('file:///etc/passwd')).rejects.toBeInstanceOf(UnsafeUrlError);
  });

  it('reconciles one Job Scheduler per feed and drops those of removed feeds', async () => {
    const q = pollQueue();
    const b = await registry.add('https://b.example.net/feed.xml', 90_000);
    const first = await registry.syncSchedulers(q, h.log);
    expect(first.locked).toBe(false);
    const schedulers = await q.getJobSchedulers(0, -1);
    expect(schedulers.map((s) => s.key).sort()).toEqual((await registry.list()).map((f) => f.id).sort());
    const sb = schedulers.find((s) => s.key === b.id);
    expect(Number(sb?.every)).toBe(90_000);
    expect(sb?.template?.data).toEqual({ feedId: b.id });
    // the scheduler put the first poll job in the queue
    const delayed = await q.getJobs(['delayed', 'waiting', 'prioritized']);
    expect(delayed.some((j) => j.data.feedId === b.id && j.name === 'poll-feed')).toBe(true);

    await registry.remove(b.id);
    const second = await registry.syncSchedulers(q, h.log);
    expect(second.removed).toEqual([b.id]);
    expect((await q.getJobSchedulers(0, -1)).map((s) => s.key)).not.toContain(b.id);
    // an unchanged registry changes nothing
    expect((await registry.syncSchedulers(q, h.log)).upserted).toEqual([]);
  });

  it('applies a changed retry policy or retention to existing schedulers, and only then', async () => {
    const q = pollQueue();
    const e = await registry.add('https://e.example.net/feed.xml', 120_000);
    await registry.syncSchedulers(q);
    // A scheduler made by an older version with another retry policy, same interval.
    await q.upsertJobScheduler(
      e.id,
      { every: 120_000 },
      {
        name: 'poll-feed',
        data: { feedId: e.id },
        opts: { attempts: 1, backoff: { type: 'fixed', delay: 1 }, removeOnComplete: { count: 1 }, removeOnFail: { count: 1 } },
      },
    );
    const stale = (await q.getJobSchedulers(0, -1)).find((s) => s.key === e.id);
    expect(stale?.template?.opts?.attempts).toBe(1);
    const mended = await registry.syncSchedulers(q);
    expect(mended.upserted).toEqual([e.id]);
    const now = (await q.getJobSchedulers(0, -1)).find((s) => s.key === e.id);
    expect(now?.template?.opts).toMatchObject(registry.templateOf(e).opts);
    expect(Number(now?.every)).toBe(120_000);
    expect((await registry.syncSchedulers(q)).upserted).toEqual([]);

    // A changed retention in the config reaches every scheduler at the next sync.
    const reconfigured = new FeedRegistry(h.redis, h.keys, {
      ...h.config,
      retention: { ...h.config.retention, failedJobs: h.config.retention.failedJobs + 7 },
    });
    const all = (await registry.list()).map((f) => f.id).sort();
    expect((await reconfigured.syncSchedulers(q)).upserted.sort()).toEqual(all);
    const after = (await q.getJobSchedulers(0, -1)).find((s) => s.key === e.id);
    expect(after?.template?.opts?.removeOnFail).toEqual({ count: h.config.retention.failedJobs + 7 });
    expect((await reconfigured.syncSchedulers(q)).upserted).toEqual([]);
    await registry.syncSchedulers(q);
  });

  it('lets only one process reconcile at a time', async () => {
    const q = pollQueue();
    await registry.add('https://c.example.net/feed.xml');
    const other = new FeedRegistry(h.redis, h.keys, h.config);
    const results = await Promise.all([registry.syncSchedulers(q), other.syncSchedulers(q)]);
    expect(results.filter((r) => r.locked)).toHaveLength(1);
    expect(results.find((r) => !r.locked)?.upserted).toEqual([feedIdOf('https://c.example.net/feed.xml')]);
    // the lock is released afterwards
    expect((await other.syncSchedulers(q)).locked).toBe(false);
  });

  it('startSchedulerSync reconciles at start and logs feeds.synced', async () => {
    const q = pollQueue();
    const d = await registry.add('https://d.example.net/feed.xml');
    const sync = startSchedulerSync(registry, q, h.log, 60_000);
    try {
      const first = await sync.ready;
      expect(first.upserted).toContain(d.id);
      expect(h.logs.where({ event: 'feeds.synced' }).length).toBeGreaterThan(0);
    } finally {
      sync.stop();
    }
  });
});
