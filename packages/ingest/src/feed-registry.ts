import { randomUUID } from 'node:crypto';
import {
  CATALOG,
  type Config,
  Feed,
  type Keys,
  type Logger,
  type PollJob,
  type RedisClient,
  stableId,
  UsageError,
} from '@quotecheck/shared';
import type { Queue } from 'bullmq';
import { assertSafeUrl, HostAllowlist } from './address-guard.js';
import { parseFeed } from './feed-parser.js';
import type { HttpClient } from './http-client.js';
import { ACCEPT_FEED } from './poll-feed.js';

/** How long one scheduler reconciliation may hold the lock. */
const SYNC_LOCK_MS = 15_000;

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/** What {@link FeedRegistry.syncSchedulers} did; `locked` when another process was doing it. */
export interface SyncResult {
  locked: boolean;
  upserted: string[];
  removed: string[];
}

/**
 * A stable, readable feed id: the host plus a short hash of the whole URL
 * ("www.aljazeera.com-1a2b3c4d"). The same URL always gets the same id.
 */
export function feedIdOf(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return `${u.hostname.replace(/[^a-z0-9.-]/gi, '')}-${stableId(u.href, 8)}`;
}

/**
 * The feeds to poll, stored in Redis (hash `keys.feeds`, feed id -> Feed JSON), changed at
 * runtime by any process. Schedulers are derived from it by {@link syncSchedulers} only.
 * Besides `keys.feeds` it owns `keys.feedsSeeded` (defaults were seeded once) and
 * `keys.feedSyncLock`.
 */
export class FeedRegistry {
  private readonly allow: HostAllowlist;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly config: Config,
  ) {
    this.allow = new HostAllowlist(config.fetch.allowHosts);
  }

  /**
   * Adds a feed, or changes the interval of a known one (it keeps its id and `addedAt`).
   * Refuses URLs the fetcher would refuse (non-http(s), private address literals).
   */
  async add(url: string, everyMs: number = this.config.pollEveryMs): Promise<Feed> {
    const safe = assertSafeUrl(url, this.allow);
    const id = feedIdOf(safe.href);
    const prev = await this.get(id);
    const parsed = Feed.safeParse({ id, url: safe.href, everyMs, addedAt: prev?.addedAt ?? new Date().toISOString() });
    if (!parsed.success) {
      throw new UsageError(
        `cannot add feed ${url}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    }
    await this.redis.hset(this.keys.feeds, id, JSON.stringify(parsed.data));
    return parsed.data;
  }

  /** Every stored feed, by id. Entries that no longer validate are skipped. */
  async list(): Promise<Feed[]> {
    const all = await this.redis.hgetall(this.keys.feeds);
    const out: Feed[] = [];
    for (const json of Object.values(all)) {
      const r = Feed.safeParse(safeJson(json));
      if (r.success) out.push(r.data);
    }
    return out.sort((a, b) => a.id.localeCompare(b.id));
  }

  async get(id: string): Promise<Feed | null> {
    const json = await this.redis.hget(this.keys.feeds, id);
    if (json === null) return null;
    const r = Feed.safeParse(safeJson(json));
    return r.success ? r.data : null;
  }

  /** Removes a feed by id or URL, with its conditional-GET state and last poll; false when unknown. */
  async remove(idOrUrl: string): Promise<boolean> {
    let id = idOrUrl;
    if (/^https?:\/\//i.test(idOrUrl)) id = feedIdOf(idOrUrl);
    const n = await this.redis.hdel(this.keys.feeds, id);
    if (n === 0) return false;
    // Two slots on a Redis Cluster, so no MULTI. It bought nothing: this cleanup already runs
    // after the feed's own removal above, not atomically with it.
    await Promise.all([this.redis.del(this.keys.httpCache(id)), this.redis.hdel(this.keys.feedPolls, id)]);
    return true;
  }

  /** True once the defaults were seeded (even if every feed was removed since). Reads only. */
  async seeded(): Promise<boolean> {
    return (await this.redis.exists(this.keys.feedsSeeded)) === 1;
  }

  /**
   * Adds the configured default feeds once, when the registry has never been seeded and is
   * empty: a user who removes them does not get them back at the next start.
   * Returns the feeds added.
   */
  async seedDefaults(): Promise<Feed[]> {
    if ((await this.redis.hlen(this.keys.feeds)) > 0) return [];
    const first = await this.redis.set(this.keys.feedsSeeded, new Date().toISOString(), 'NX');
    if (first !== 'OK') return [];
    const added: Feed[] = [];
    for (const f of this.config.feeds) added.push(await this.add(f.url, f.every ?? this.config.pollEveryMs));
    return added;
  }

  /** The poll job template of a feed's scheduler: the catalog's retry policy and the configured retention. */
  templateOf(feed: Feed): PollTemplate {
    const { attempts, backoff } = CATALOG.poll.defaults;
    return {
      data: { feedId: feed.id },
      opts: {
        attempts,
        backoff,
        removeOnComplete: { count: this.config.retention.completedJobs },
        removeOnFail: { count: this.config.retention.failedJobs },
      },
    };
  }

  /**
   * Reconciles the poll queue's Job Schedulers with the registry: one scheduler per feed
   * (id = feed id, every = its interval, template = {@link templateOf}), none for removed
   * feeds; a scheduler whose interval or template differs is upserted. Concurrent upserts race in
   * BullMQ, so only one process runs this at a time (a short Redis lock); a caller that does
   * not get the lock gets `locked: true` and changes nothing: the holder's pass covers it.
   */
  async syncSchedulers(pollQueue: Queue<PollJob>, log?: Logger): Promise<SyncResult> {
    const lockKey = this.keys.feedSyncLock;
    const token = randomUUID();
    const got = await this.redis.set(lockKey, token, 'PX', SYNC_LOCK_MS, 'NX');
    if (got !== 'OK') return { locked: true, upserted: [], removed: [] };
    try {
      const feeds = await this.list();
      const wanted = new Set(feeds.map((f) => f.id));
      const existing = await pollQueue.getJobSchedulers(0, -1);
      const removed: string[] = [];
      for (const s of existing) {
        const id = s.key;
        if (!wanted.has(id)) {
          await pollQueue.removeJobScheduler(id);
          removed.push(id);
        }
      }
      const byId = new Map(existing.map((s) => [s.key, s]));
      const upserted: string[] = [];
      for (const f of feeds) {
        const template = this.templateOf(f);
        const cur = byId.get(f.id);
        // The whole template counts, not just the interval: a changed retry policy or retention
        // must reach schedulers created by an earlier version or config.
        if (cur && Number(cur.every) === f.everyMs && sameTemplate(cur.template, template)) continue;
        await pollQueue.upsertJobScheduler(f.id, { every: f.everyMs }, { name: CATALOG.poll.job, ...template });
        upserted.push(f.id);
      }
      log?.info(
        { event: 'feeds.synced', feeds: feeds.length, upserted: upserted.length, removed: removed.length },
        'feed schedulers reconciled',
      );
      return { locked: false, upserted, removed };
    } finally {
      await this.redis.eval(RELEASE, 1, lockKey, token);
    }
  }
}

/** What a feed's scheduler puts in each poll job: its data and options. */
export interface PollTemplate {
  data: PollJob;
  opts: {
    attempts: (typeof CATALOG)['poll']['defaults']['attempts'];
    backoff: (typeof CATALOG)['poll']['defaults']['backoff'];
    removeOnComplete: { count: number };
    removeOnFail: { count: number };
  };
}

/** JSON with object keys sorted, so two equal values compare equal whatever their key order. */
function canonicalJson(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(Object.entries(val as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : val,
  );
}

/**
 * True when a stored scheduler template has the wanted data and the wanted value of every
 * option we set (options BullMQ adds on its own are ignored).
 */
function sameTemplate(stored: { data?: unknown; opts?: Record<string, unknown> } | undefined, want: PollTemplate): boolean {
  if (!stored || canonicalJson(stored.data) !== canonicalJson(want.data)) return false;
  const opts = stored.opts ?? {};
  return Object.entries(want.opts).every(([k, v]) => canonicalJson(opts[k]) === canonicalJson(v));
}

/** What {@link probeFeed} read. */
export interface FeedProbe {
  /** The URL after redirects. */
  url: string;
  items: number;
  parser: string;
}

/**
 * Reads a feed once, as the poller would (the same guarded {@link HttpClient} and
 * {@link parseFeed}), without storing anything: for `feeds add` to say whether the URL is a
 * feed. Throws the client's typed errors or {@link FeedParseError}.
 */
export async function probeFeed(http: HttpClient, url: string, signal?: AbortSignal): Promise<FeedProbe> {
  const res = await http.get(url, { accept: ACCEPT_FEED, ...(signal ? { signal } : {}) });
  const parsed = await parseFeed(res.body, { url: res.url, contentType: res.contentType });
  return { url: res.url, items: parsed.items.length, parser: parsed.parser };
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

/**
 * Runs {@link FeedRegistry.syncSchedulers} now and then every `everyMs`, so feeds added or
 * removed by any process get (or lose) their scheduler. Returns a stop function.
 */
export function startSchedulerSync(
  registry: FeedRegistry,
  pollQueue: Queue<PollJob>,
  log: Logger,
  everyMs = 30_000,
): { ready: Promise<SyncResult>; stop(): void } {
  const run = () =>
    registry.syncSchedulers(pollQueue, log).catch((err: unknown) => {
      log.error({ event: 'feeds.sync_failed', err, reason: (err as Error).message }, 'feed scheduler reconciliation failed');
      return { locked: false, upserted: [], removed: [] } satisfies SyncResult;
    });
  const ready = run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return { ready, stop: () => clearInterval(timer) };
}
