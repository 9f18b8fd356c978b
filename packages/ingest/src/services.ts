import { type Config, type ExtractJob, type FetchJob, Keys, type RedisClient } from '@quotecheck/shared';
import type { Queue } from 'bullmq';
import { FeedRegistry } from './feed-registry.js';
import type { FetchDeps } from './fetch-article.js';
import { HttpClient } from './http-client.js';
import { HostPoliteness } from './politeness.js';
import type { PollDeps } from './poll-feed.js';
import { RawStore } from './raw-store.js';
import { SeenSet } from './seen-set.js';

/** Everything the ingest processors need, built once per process. */
export interface IngestServices {
  http: HttpClient;
  registry: FeedRegistry;
  seen: SeenSet;
  raw: RawStore;
  politeness: HostPoliteness;
  /** Deps of {@link pollFeed}. */
  poll: PollDeps;
  /** Deps of {@link fetchArticle}. */
  fetch: FetchDeps;
  /** Closes the HTTP connection pool (not Redis or the queues, which the caller owns). */
  close(): Promise<void>;
}

/**
 * Builds the ingest services on a Redis client connection and the fetch/extract queues, so a
 * worker is `createWorker('poll', (ctx) => pollFeed(ctx, s.poll), ...)` and
 * `createWorker('fetch', (ctx) => fetchArticle(ctx, s.fetch), ...)`. A process that runs the
 * extract role too adds `extractHere` to `s.fetch` (see `FetchDeps.extractHere`).
 */
export function createIngestServices(
  redis: RedisClient,
  config: Config,
  queues: { fetch: Queue<FetchJob>; extract: Queue<ExtractJob> },
): IngestServices {
  const keys = new Keys(config.prefix, config.claimPartitions);
  const http = new HttpClient(config.fetch, config.userAgent);
  const registry = new FeedRegistry(redis, keys, config);
  const seen = new SeenSet(redis, keys);
  const raw = new RawStore(redis, keys, config.retention.rawHtmlMs);
  const politeness = new HostPoliteness(redis, keys, {
    perHostConcurrency: config.fetch.perHostConcurrency,
    perHostPerMinute: config.fetch.perHostPerMinute,
    // a lease outlives the longest possible request, then frees a crashed worker's slot
    leaseMs: config.fetch.timeoutMs + 5_000,
  });
  return {
    http,
    registry,
    seen,
    raw,
    politeness,
    poll: { redis, keys, config, http, registry, seen, fetchQueue: queues.fetch, extractQueue: queues.extract },
    fetch: { config, http, politeness, raw, extractQueue: queues.extract },
    close: () => http.close(),
  };
}
