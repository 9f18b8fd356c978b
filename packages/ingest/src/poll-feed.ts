import {
  CATALOG,
  type Config,
  type FetchJob,
  isExpectedFailure,
  type JobContext,
  type Keys,
  type Logger,
  type RedisClient,
  stableId,
} from '@quotecheck/shared';
import { type Queue, UnrecoverableError } from 'bullmq';
import { HostAllowlist } from './address-guard.js';
import { BodyTooLargeError, FeedParseError, HttpStatusError, RedirectError, UnsafeUrlError } from './errors.js';
import { classifyItems, compileSkipPatterns, MAX_FEED_ITEMS, type SkippedItem } from './feed-items.js';
import { parseFeed } from './feed-parser.js';
import type { FeedRegistry } from './feed-registry.js';
import type { HttpClient } from './http-client.js';
import type { SeenSet } from './seen-set.js';

/** What {@link pollFeed} needs. */
export interface PollDeps {
  redis: RedisClient;
  keys: Keys;
  config: Config;
  http: HttpClient;
  registry: FeedRegistry;
  seen: SeenSet;
  /** Fetch jobs are added here; its waiting, delayed and prioritized counts bound the adding. */
  fetchQueue: Queue<FetchJob>;
  /** Only its waiting count is read, for back-pressure. */
  extractQueue: Pick<Queue, 'getWaitingCount'>;
}

/** The last poll of a feed, as stored in `keys.feedPolls` and shown by `quotecheck status`. */
export interface PollSummary {
  at: string;
  status: 'ok' | 'not-modified' | 'backpressure' | 'error' | 'unknown-feed';
  items: number;
  new: number;
  skipped: number;
  seen: number;
  /**
   * New items not enqueued this poll (over `maxNewItemsPerPoll`, or no room under
   * `maxFetchBacklog`): not marked seen, so a later poll takes them.
   */
  deferred?: number;
  ms: number;
  error?: string;
}

/** The Accept header of a feed request. */
export const ACCEPT_FEED =
  'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/**
 * The fetch job id of a canonical URL: dedups enqueues while the job exists (the seen-set
 * does it durably). Prefixed because BullMQ refuses ids that read as integers, which a hex
 * hash does about once in two thousand URLs.
 */
export function fetchJobId(canonical: string): string {
  return `fetch-${stableId(canonical)}`;
}

/**
 * Polls one feed: conditional GET (ETag/Last-Modified kept per feed in Redis; a 304 ends the
 * poll without parsing), decode and parse, sort items (skipped ones recorded with their
 * reason in `keys.skipped`), enqueue one fetch job per canonical URL not in the seen-set, then
 * add them to it. Back-pressure: when the extract queue is over `maxExtractBacklog`, or the fetch
 * queue (waiting, delayed and prioritized jobs) over `maxFetchBacklog`, it enqueues nothing and
 * marks nothing seen, so the items come again next poll. Otherwise it enqueues at most
 * `maxNewItemsPerPoll` new items, newest first, and no more than the fetch queue has room for;
 * the rest are deferred (not marked seen, and the feed's validators are not kept, so the next
 * poll re-reads the feed and takes them). Records a {@link PollSummary} and logs
 * `feed.polled`. Errors that retrying cannot fix (not a feed, refused URL, 4xx) fail the job
 * unrecoverably; the scheduler polls again at the next interval anyway.
 */
export async function pollFeed(ctx: Pick<JobContext<'poll'>, 'data' | 'log' | 'signal'>, deps: PollDeps): Promise<PollSummary> {
  const { feedId } = ctx.data;
  const log = ctx.log.child({ feedId });
  const started = performance.now();
  const at = new Date().toISOString();
  const summary = (s: Omit<PollSummary, 'at' | 'ms'>): PollSummary => ({ at, ms: Math.round(performance.now() - started), ...s });
  const record = (s: PollSummary) => deps.redis.hset(deps.keys.feedPolls, feedId, JSON.stringify(s));

  const feed = await deps.registry.get(feedId);
  if (!feed) {
    // the feed was removed after its scheduler fired: nothing to do, the next sync drops it
    log.warn({ event: 'feed.unknown', reason: 'not in the registry' }, 'poll of a feed that is not registered');
    return summary({ status: 'unknown-feed', items: 0, new: 0, skipped: 0, seen: 0 });
  }

  const backlog = await deps.extractQueue.getWaitingCount();
  if (backlog > deps.config.maxExtractBacklog) {
    const s = summary({ status: 'backpressure', items: 0, new: 0, skipped: 0, seen: 0 });
    await record(s);
    log.warn(
      { event: 'feed.backpressure', queue: 'extract', backlog, maxExtractBacklog: deps.config.maxExtractBacklog },
      'extract backlog too long; not enqueueing this round',
    );
    return s;
  }
  // Delayed jobs count: a host over its politeness budget parks its jobs in the delayed set, and
  // they are as much a backlog as waiting ones.
  const fetchBacklog = await deps.fetchQueue.getJobCountByTypes('waiting', 'delayed', 'prioritized');
  if (fetchBacklog > deps.config.maxFetchBacklog) {
    const s = summary({ status: 'backpressure', items: 0, new: 0, skipped: 0, seen: 0 });
    await record(s);
    log.warn(
      { event: 'feed.backpressure', queue: 'fetch', backlog: fetchBacklog, maxFetchBacklog: deps.config.maxFetchBacklog },
      'fetch backlog too long; not enqueueing this round',
    );
    return s;
  }

  const cacheKey = deps.keys.httpCache(feedId);
  const cache = await deps.redis.hgetall(cacheKey);
  let res: Awaited<ReturnType<HttpClient['get']>>;
  let parsed: Awaited<ReturnType<typeof parseFeed>>;
  try {
    res = await deps.http.get(feed.url, {
      accept: ACCEPT_FEED,
      etag: cache.etag ?? null,
      lastModified: cache.lastModified ?? null,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    if (res.notModified) {
      const s = summary({ status: 'not-modified', items: 0, new: 0, skipped: 0, seen: 0 });
      await record(s);
      log.info(
        { event: 'feed.polled', status: 'not-modified', items: 0, new: 0, skipped: 0, seen: 0, ms: s.ms },
        'feed not modified',
      );
      return s;
    }
    parsed = await parseFeed(res.body, { url: res.url, contentType: res.contentType, log });
  } catch (err) {
    const reason = (err as Error).message;
    await record(summary({ status: 'error', items: 0, new: 0, skipped: 0, seen: 0, error: reason }));
    // DNS, connection, HTTP and parse failures are expected: warn, no stack; anything else is a bug
    if (isExpectedFailure(err)) log.warn({ event: 'feed.poll_failed', reason, feedUrl: feed.url }, 'feed poll failed');
    else log.error({ event: 'feed.poll_failed', err, reason, feedUrl: feed.url }, 'feed poll failed');
    if (isPermanent(err)) throw new UnrecoverableError(reason);
    throw err;
  }

  const { candidates, skipped, dropped } = classifyItems(parsed, res.url, feedId, {
    skipPatterns: compileSkipPatterns(deps.config.skipUrlPatterns),
    allow: new HostAllowlist(deps.config.fetch.allowHosts),
  });
  if (dropped) {
    log.warn(
      { event: 'feed.truncated', items: parsed.items.length, dropped, maxFeedItems: MAX_FEED_ITEMS },
      'feed holds more items than are read; the oldest are left out',
    );
  }
  await recordSkipped(deps, skipped, log);

  // Enqueue first, then mark seen. A crash between the two re-enqueues the URL at the next
  // poll, where the fetch job id (while the job exists) or the idempotent extract and verify
  // stages absorb the repeat; marking first could lose the URL for good. Two pollers that
  // race on one URL both add the same job id, and BullMQ keeps one.
  // Candidates come newest first: the batch is the newest unseen items. Items left out are not
  // claimed in the seen-set, so they are new again at the next poll.
  const known = await deps.seen.has(candidates.map((c) => c.canonicalUrl));
  const unseen = candidates.filter((_, i) => !known[i]);
  const room = Math.min(deps.config.maxNewItemsPerPoll, Math.max(0, deps.config.maxFetchBacklog - fetchBacklog));
  const batch = unseen.slice(0, room);
  const deferred = unseen.length - batch.length;
  let fresh: typeof unseen = [];
  if (batch.length) {
    await deps.fetchQueue.addBulk(
      batch.map((c) => ({
        name: CATALOG.fetch.job,
        data: { url: c.link, canonicalUrl: c.canonicalUrl, feedId, title: c.title, published: c.published },
        opts: { jobId: fetchJobId(c.canonicalUrl) },
      })),
    );
    const claims = await deps.seen.claim(batch.map((c) => c.canonicalUrl));
    fresh = batch.filter((_, i) => claims[i]);
  }
  if (deferred) {
    const cappedBy = room < deps.config.maxNewItemsPerPoll ? 'maxFetchBacklog' : 'maxNewItemsPerPoll';
    log.info(
      {
        event: 'feed.deferred',
        deferred,
        enqueued: batch.length,
        reason: cappedBy,
        maxNewItemsPerPoll: deps.config.maxNewItemsPerPoll,
        backlog: fetchBacklog,
      },
      'more new items than one poll takes; the rest wait for the next poll',
    );
  }

  // Validators are stored only once the items are safely enqueued, so a failed poll re-reads the
  // feed; and only when nothing was deferred, or the next poll's 304 would hide deferred items.
  const validators: Record<string, string> = {};
  if (res.etag) validators.etag = res.etag;
  if (res.lastModified) validators.lastModified = res.lastModified;
  if (Object.keys(validators).length && !deferred) await deps.redis.multi().del(cacheKey).hset(cacheKey, validators).exec();
  else await deps.redis.del(cacheKey);

  const s = summary({
    status: 'ok',
    items: parsed.items.length,
    new: fresh.length,
    skipped: skipped.length,
    seen: candidates.length - unseen.length + (batch.length - fresh.length),
    deferred,
  });
  await record(s);
  log.info(
    {
      event: 'feed.polled',
      status: 'ok',
      items: s.items,
      new: s.new,
      skipped: s.skipped,
      seen: s.seen,
      deferred,
      parser: parsed.parser,
      ms: s.ms,
    },
    'feed polled',
  );
  return s;
}

/** Failures that the same request will hit again. */
function isPermanent(err: unknown): boolean {
  if (
    err instanceof FeedParseError ||
    err instanceof UnsafeUrlError ||
    err instanceof BodyTooLargeError ||
    err instanceof RedirectError
  ) {
    return true;
  }
  return err instanceof HttpStatusError && !err.retryable;
}

/** Records skipped items once each (HSETNX), logging only the first sighting. */
async function recordSkipped(deps: PollDeps, skipped: SkippedItem[], log: Logger): Promise<void> {
  if (!skipped.length) return;
  const p = deps.redis.pipeline();
  const at = new Date().toISOString();
  for (const s of skipped) {
    const key = s.canonicalUrl ?? s.link ?? `${s.feedId}:${s.guid ?? s.title ?? 'untitled'}`;
    p.hsetnx(
      deps.keys.skipped,
      key,
      JSON.stringify({ reason: s.reason, detail: s.detail, feedId: s.feedId, link: s.link, title: s.title, at }),
    );
  }
  const res = (await p.exec()) ?? [];
  skipped.forEach((s, i) => {
    if (res[i]?.[1] === 1) {
      log.info(
        { event: 'item.skipped', reason: s.reason, detail: s.detail, articleUrl: s.canonicalUrl ?? s.link },
        'feed item skipped',
      );
    }
  });
}
