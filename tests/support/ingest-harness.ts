/**
 * Test harness for ingest integration tests: a config on its own Redis prefix, the queues,
 * the ingest services, real BullMQ workers started with `createWorker`, captured pino logs,
 * and cleanup of every key under the prefix.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { createIngestServices, type IngestServices } from '@quotecheck/ingest';
import { type FetchDeps, fetchArticle, pollFeed } from '@quotecheck/ingest/worker';
import {
  type Config,
  type ConfigInput,
  createLogger,
  createQueue,
  createRedis,
  createWorker,
  Keys,
  type Logger,
  loadConfig,
  type Redis,
} from '@quotecheck/shared';
import type { Queue, Worker } from 'bullmq';
import { purgePrefix } from './redis-keys.js';

/** Pino JSON lines written by the code under test. */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim()) this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    done();
  }
  /** Lines whose fields include all of `fields`. */
  where(fields: Record<string, unknown>): Record<string, unknown>[] {
    return this.lines.filter((l) => Object.entries(fields).every(([k, v]) => l[k] === v));
  }
}

/** Polls `check` until it returns a truthy value; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T> | T, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v) return v as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface IngestHarness {
  prefix: string;
  config: Config;
  keys: Keys;
  redis: Redis;
  log: Logger;
  logs: LogCapture;
  queues: { poll: Queue; fetch: Queue; extract: Queue };
  services: IngestServices;
  startPollWorker(concurrency?: number): Promise<Worker>;
  /** A fetch worker on the harness's services, with `deps` replacing some of them (e.g. `extractHere`). */
  startFetchWorker(concurrency?: number, deps?: Partial<FetchDeps>): Promise<Worker>;
  /** Closes workers, queues and connections and deletes every key under the prefix. */
  cleanup(): Promise<void>;
}

/**
 * A fresh prefix `qc-test-ingest-<name>-<random>` and everything built on it. Nothing is
 * allowlisted: a test that fetches from a fixture server passes `fetch.allowHosts` with its
 * exact `127.0.0.1:<port>`.
 */
export async function ingestHarness(name: string, overrides: ConfigInput = {}): Promise<IngestHarness> {
  const prefix = `qc-test-ingest-${name}-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    env: {},
    overrides: {
      prefix,
      logLevel: 'debug',
      ...overrides,
      fetch: { timeoutMs: 5_000, ...overrides.fetch },
    },
  });
  const logs = new LogCapture();
  const log = createLogger({ level: config.logLevel, destination: logs });
  const redis = createRedis(config.redisUrl, 'worker');
  const keys = new Keys(prefix);
  const queues = {
    poll: createQueue('poll', redis, config, log),
    fetch: createQueue('fetch', redis, config, log),
    extract: createQueue('extract', redis, config, log),
  };
  const services = createIngestServices(redis, config, queues);
  const workers: Worker[] = [];
  const start = async (w: Worker) => {
    workers.push(w);
    void w.run();
    await w.waitUntilReady();
    return w;
  };
  return {
    prefix,
    config,
    keys,
    redis,
    log,
    logs,
    queues,
    services,
    startPollWorker: (concurrency = 2) =>
      start(createWorker('poll', (ctx) => pollFeed(ctx, services.poll), redis, config, log, { concurrency })),
    startFetchWorker: (concurrency = 4, deps = {}) => {
      const fetchDeps: FetchDeps = { ...services.fetch, ...deps };
      return start(createWorker('fetch', (ctx) => fetchArticle(ctx, fetchDeps), redis, config, log, { concurrency }));
    },
    async cleanup() {
      await Promise.allSettled(workers.map((w) => w.close(true)));
      await Promise.allSettled(Object.values(queues).map((q) => q.close()));
      await services.close();
      await purgePrefix(redis, prefix);
      await redis.quit();
    },
  };
}
