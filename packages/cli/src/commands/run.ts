import type { Server } from 'node:http';
import { type ExtractDeps, ExtractPool, extractArticle } from '@quotecheck/extract/worker';
import { createIngestServices, startSchedulerSync } from '@quotecheck/ingest';
import { type FetchDeps, fetchArticle, pollFeed } from '@quotecheck/ingest/worker';
import {
  ArticleStore,
  createLogger,
  createRedis,
  createWorker,
  type Logger,
  loadConfig,
  onRedisError,
  type QueueKey,
  redisErrorListener,
  UsageError,
} from '@quotecheck/shared';
import { RedisClaimStore } from '@quotecheck/verify';
import { verifyArticle } from '@quotecheck/verify/worker';
import type { Worker } from 'bullmq';
import { startArchiveSweeper } from '../archive-sweeper.js';
import { type Command, parse } from '../args.js';
import { CONFIG_USAGE } from '../config-option.js';
import { openContext } from '../context.js';
import { parsePort } from '../listen.js';
import { Metrics } from '../metrics.js';
import { waitForRedis } from '../redis-wait.js';
import { drainWorkers } from '../shutdown.js';
import { tuneWorkerHeap } from '../worker-heap.js';

/** Role names on the command line; `ingest` runs the poll queue and owns the feed schedulers. */
const ROLES = { ingest: 'poll', fetch: 'fetch', extract: 'extract', verify: 'verify' } as const satisfies Record<
  string,
  QueueKey
>;
type Role = keyof typeof ROLES;

const RESYNC_MS = 30_000;
/** How long a stopped `run` waits for the event loop to empty before it exits anyway. */
const EXIT_GRACE_MS = 2_000;

export const runCommand: Command = {
  name: 'run',
  summary: 'run the workers (all roles, or some with --role) until SIGINT/SIGTERM',
  usage: `
Usage: quotecheck run [--role ingest,fetch,extract,verify] [--log-file FILE] [--metrics-port PORT]
                      [--metrics-host HOST] [--config FILE]

Runs BullMQ workers against the Redis at REDIS_URL. Roles:
  ingest   owns the feed schedulers and polls feeds (one process is enough)
  fetch    fetches article pages (politely, per host)
  extract  turns pages into articles and attributions
  verify   checks attributions across articles and logs flagged claims
Start more processes, on more machines, with the roles you need; they share the Redis.
  --log-file FILE      JSON log lines to FILE instead of stdout
  --metrics-port PORT  Prometheus metrics at http://127.0.0.1:PORT/metrics (1-65535), with
                       /healthz (process up) and /readyz (Redis answers, workers running)
  --metrics-host HOST  the address the metrics server binds (default 127.0.0.1; 0.0.0.0 in a
                       container, so Prometheus on another container can scrape it)
When Redis is not up yet it waits for it (backoff up to 30 s, logged as redis.waiting); refused
credentials stop it at once.
On SIGINT/SIGTERM in-flight jobs drain (drainTimeoutMs, default 20s), then are cancelled and retried later.
${CONFIG_USAGE}
No --json: the output is the log, JSON lines already.`,
  async run(argv) {
    const { values } = parse(
      argv,
      {
        role: { type: 'string', multiple: true },
        'log-file': { type: 'string' },
        'metrics-port': { type: 'string' },
        'metrics-host': { type: 'string' },
        config: { type: 'string' },
      },
      false,
    );
    const roles = parseRoles(values.role);
    const metricsPort = values['metrics-port'] === undefined ? null : parsePort('--metrics-port', values['metrics-port']);
    const metricsHost = values['metrics-host'] ?? '127.0.0.1';
    if (values['metrics-host'] !== undefined && metricsPort === null)
      throw new UsageError('--metrics-host needs --metrics-port PORT: the metrics server is off without it');
    const logFile = values['log-file'];
    // Signals are caught from the start, so a stop while waiting for Redis or starting up is clean.
    const stop = new AbortController();
    const onSignal = (signal: NodeJS.Signals) => () => stop.abort(signal);
    process.once('SIGINT', onSignal('SIGINT'));
    process.once('SIGTERM', onSignal('SIGTERM'));

    // A worker outlives Redis restarts, so it also waits for a Redis that is not up yet.
    const config = loadConfig(values.config ? { file: values.config } : {});
    tuneWorkerHeap(config.workerHeapGrowingPercent);
    let early: Logger | undefined;
    const earlyLog = () => (early ??= createLogger({ level: config.logLevel, ...(logFile ? { destination: logFile } : {}) }));
    const up = await waitForRedis(config, earlyLog, { signal: stop.signal });
    if (!up) {
      earlyLog().info(
        { event: 'shutdown.done', signal: stop.signal.reason as string, outcome: 'not-started' },
        'stopped while waiting for Redis',
      );
    }
    if (early) await new Promise<void>((r) => early?.flush(() => r()));
    if (!up) return 0;

    const ctx = await openContext({ configFile: values.config, logFile, kind: 'worker' });
    const { log, redis, keys, queues } = ctx;
    const articles = new ArticleStore(redis, keys);
    const ingest = createIngestServices(redis, ctx.config, { fetch: queues.fetch, extract: queues.extract });
    const claims = new RedisClaimStore(redis, keys);
    try {
      // A partition count other than the store's stops here, in one line, not in every verify job.
      await claims.open();
    } catch (e) {
      await ingest.close();
      await claims.close();
      await ctx.close();
      throw e;
    }
    const metrics = metricsPort !== null ? new Metrics(queues, () => claims.countByStatus()) : null;
    let metricsServer: Server | null = null;
    let started = false;
    try {
      // Bound before any worker exists: a port in use stops the command with nothing to drain.
      // Ready once the workers run, while Redis answers and no stop has begun.
      const ready = async () =>
        started && !stop.signal.aborted && workers.every((w) => w.worker.isRunning()) && (await redis.ping()) === 'PONG';
      metricsServer = metrics && metricsPort !== null ? await metrics.listen(metricsPort, metricsHost, ready) : null;
    } catch (e) {
      await ingest.close();
      await claims.close();
      await ctx.close();
      throw e;
    }
    const workers: { queue: QueueKey; worker: Worker }[] = [];
    // Blocking worker connections are separate from the one used for commands.
    const workerConn = createRedis(ctx.config, 'worker');
    onRedisError(workerConn, redisErrorListener(log, ctx.config.redisUrl));

    // Started on the first page; one pool for the process, so its threads are bounded together.
    const extractPool = new ExtractPool(ctx.config.extractThreads ? { threads: ctx.config.extractThreads } : {});
    const extractDeps: ExtractDeps = {
      getRaw: (k) => ingest.raw.get(k),
      articles,
      verifyQueue: queues.verify,
      pool: extractPool,
    };
    // A process that fetches and extracts extracts each page in its fetch job (FetchDeps.extractHere).
    const fetchDeps: FetchDeps = roles.includes('extract')
      ? {
          ...ingest.fetch,
          extractHere: (data, page, log, signal) =>
            extractArticle({ data, log, ...(signal ? { signal } : {}) }, { ...extractDeps, getRaw: async () => page }),
        }
      : ingest.fetch;

    for (const role of roles) {
      const key = ROLES[role];
      switch (key) {
        case 'poll':
          workers.push({
            queue: key,
            worker: createWorker('poll', (c) => pollFeed(c, ingest.poll), workerConn, ctx.config, log),
          });
          break;
        case 'fetch':
          workers.push({
            queue: key,
            worker: createWorker('fetch', (c) => fetchArticle(c, fetchDeps), workerConn, ctx.config, log),
          });
          break;
        case 'extract':
          workers.push({
            queue: key,
            worker: createWorker('extract', (c) => extractArticle(c, extractDeps), workerConn, ctx.config, log),
          });
          break;
        case 'verify':
          workers.push({
            queue: key,
            worker: createWorker(
              'verify',
              (c) => verifyArticle(c, { articles, store: claims, log: c.log }),
              workerConn,
              ctx.config,
              log,
            ),
          });
          break;
      }
    }

    // The extraction thread starts now, not on the first page (ExtractPool.warm says why); one that
    // cannot start is started again by the first page, which then fails with the reason.
    if (roles.includes('extract') && !stop.signal.aborted) {
      await extractPool
        .warm()
        .catch((e: Error) => log.warn({ event: 'extract.thread_failed', reason: e.message }, 'extraction thread did not start'));
    }

    let sync: { stop(): void } | undefined;
    if (roles.includes('ingest') && !stop.signal.aborted) {
      await ingest.registry.seedDefaults();
      // Feeds added or removed by other processes reach the schedulers within RESYNC_MS.
      const started = startSchedulerSync(ingest.registry, queues.poll, log, RESYNC_MS);
      await started.ready;
      sync = started;
    }

    // Idle claims move to the archive from every verify process when archive.dir is set.
    const sweeper = roles.includes('verify') && !stop.signal.aborted ? startArchiveSweeper(claims, ctx.config, log) : null;

    if (!stop.signal.aborted) {
      for (const { queue, worker } of workers) {
        metrics?.watch(queue, worker);
        void worker.run().catch((err) => log.error({ event: 'worker.crashed', queue, err }, 'worker stopped'));
      }
      started = true;
      log.info({ event: 'run.started', roles, prefix: ctx.config.prefix, metricsPort }, 'workers started');
    }

    const signal = await new Promise<NodeJS.Signals>((resolve) => {
      if (stop.signal.aborted) resolve(stop.signal.reason as NodeJS.Signals);
      else stop.signal.addEventListener('abort', () => resolve(stop.signal.reason as NodeJS.Signals), { once: true });
    });
    log.info({ event: 'shutdown.start', signal, drainMs: ctx.config.drainTimeoutMs }, 'draining workers');
    sync?.stop();
    await sweeper?.stop();
    const outcome = await drainWorkers(
      workers.map((w) => w.worker),
      ctx.config.drainTimeoutMs,
      log,
    );
    metricsServer?.close();
    await extractPool.close();
    await ingest.close();
    await claims.close();
    await workerConn.quit().catch(() => workerConn.disconnect());
    log.info({ event: 'shutdown.done', outcome }, 'workers stopped');
    await ctx.close();
    // BullMQ 6.7 on a Redis Cluster reconnects a worker's blocking client while the worker
    // closes (its cluster recovery takes the disconnect that ends BZPOPMIN for a failure), and the
    // reconnect outlives the close: one socket stayed open in 5 of 7 closes of a verify worker on
    // a 3-node cluster. Everything of ours is closed by now; a stopped worker exits all the same.
    setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
    return 0;
  },
};

function parseRoles(raw: string[] | undefined): Role[] {
  if (!raw?.length) return Object.keys(ROLES) as Role[];
  const roles = raw
    .flatMap((r) => r.split(','))
    .map((r) => r.trim())
    .filter(Boolean);
  for (const r of roles) {
    if (!(r in ROLES)) throw new UsageError(`unknown role "${r}": use ingest, fetch, extract or verify`);
  }
  return [...new Set(roles)] as Role[];
}
