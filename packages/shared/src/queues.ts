import { type Job, type Processor, Queue, UnrecoverableError, Worker } from 'bullmq';
import { CATALOG, type PayloadOf, parsePayload, type QueueKey } from './catalog.js';
import type { Config } from './config.js';
import { ExternalError, InvalidPayloadError } from './errors.js';
import { Keys } from './keys.js';
import type { Logger } from './logger.js';
import type { RedisClient } from './redis.js';

/** Options of {@link createQueue}. */
export interface QueueOptions {
  /**
   * For commands that only read (status, feeds list, a read-only dashboard): the queue does not
   * write its `<queue prefix>:<queue>:meta` hash, which BullMQ otherwise does on every `new Queue`.
   */
  readOnly?: boolean;
}

/** A queue of the catalog, with its default job options and retention applied. */
export function createQueue<K extends QueueKey>(
  key: K,
  connection: RedisClient,
  config: Config,
  log: Logger,
  opts: QueueOptions = {},
): Queue<PayloadOf<K>> {
  const spec = CATALOG[key];
  const q = new Queue<PayloadOf<K>>(spec.queue, {
    connection,
    prefix: new Keys(config.prefix).queuePrefix(spec.queue, config.redisCluster),
    skipMetasUpdate: opts.readOnly === true,
    defaultJobOptions: {
      ...spec.defaults,
      attempts: key === 'fetch' ? config.fetch.attempts : spec.defaults.attempts,
      removeOnComplete: { count: config.retention.completedJobs },
      removeOnFail: { count: config.retention.failedJobs },
    },
    streams: { events: { maxLen: config.retention.eventsMaxLen } },
  });
  q.on('error', (err) => log.error({ event: 'queue.error', queue: spec.queue, err }, 'queue error'));
  return q;
}

/** What a processor receives: the validated payload and the job, plus a logger bound to it. */
export interface JobContext<K extends QueueKey> {
  data: PayloadOf<K>;
  job: Job<PayloadOf<K>>;
  log: Logger;
  signal?: AbortSignal;
}

/**
 * A worker of the catalog whose processor gets a validated payload. Invalid payloads fail
 * unrecoverably; every worker logs its errors and failures with stable fields.
 */
export function createWorker<K extends QueueKey>(
  key: K,
  handler: (ctx: JobContext<K>) => Promise<unknown>,
  connection: RedisClient,
  config: Config,
  log: Logger,
  opts: { concurrency?: number; lockDuration?: number } = {},
): Worker<PayloadOf<K>> {
  const spec = CATALOG[key];
  const processor: Processor<PayloadOf<K>> = async (job, _token, signal) => {
    let data: PayloadOf<K>;
    try {
      data = parsePayload(key, job.data);
    } catch (e) {
      if (e instanceof InvalidPayloadError) {
        // unrecoverable, yet a bug upstream: the cause keeps it at error level with its stack
        const u = new UnrecoverableError(e.message);
        u.cause = e;
        throw u;
      }
      throw e;
    }
    const child = log.child({ queue: spec.queue, jobId: job.id });
    return handler({ data, job, log: child, signal });
  };
  const w = new Worker<PayloadOf<K>>(spec.queue, processor, {
    connection,
    prefix: new Keys(config.prefix).queuePrefix(spec.queue, config.redisCluster),
    concurrency: opts.concurrency ?? config.concurrency[key],
    lockDuration: opts.lockDuration ?? 30_000,
    stalledInterval: 15_000,
    maxStalledCount: 2,
    removeOnComplete: { count: config.retention.completedJobs },
    removeOnFail: { count: config.retention.failedJobs },
    autorun: false,
  });
  w.on('error', (err) => log.error({ event: 'worker.error', queue: spec.queue, err }, 'worker error'));
  w.on('failed', (job, err) => {
    const { level, fields, msg } = describeFailure(job, err);
    log[level]({ event: 'job.failed', queue: spec.queue, ...fields }, msg);
  });
  w.on('stalled', (jobId) =>
    log.warn(
      { event: 'job.stalled', queue: spec.queue, jobId },
      'job stalled: its lock expired, it goes back to waiting (BullMQ fails it after maxStalledCount stalls)',
    ),
  );
  return w;
}

/** Transport error codes that say "the other side is down or unknown", not "our code is wrong". */
const EXPECTED_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/**
 * True for failures that are expected in operation: DNS failures, refused or reset connections,
 * timeouts, HTTP error statuses, pages that are not feeds, refused URLs, and the
 * `UnrecoverableError`s processors throw on purpose with their reason. They are logged at warn
 * without a stack; anything else is a bug and stays at error with its stack.
 */
export function isExpectedFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err instanceof ExternalError) return true;
  if (err.name === 'UnrecoverableError') return err.cause === undefined || isExpectedFailure(err.cause);
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && EXPECTED_CODES.has(code);
}

/** A duration for a log message: "750 ms", "7.3 s", "2.5 min". */
function humanMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}

/**
 * The `job.failed` log line of a failed attempt, true to what happens next: `final: true` and
 * "failed for good after N attempts" when BullMQ will not run it again (last attempt, or an
 * unrecoverable error), else "attempt N of M failed, retrying in X" with `retryInMs` (BullMQ's
 * jittered backoff, as it scheduled it). Expected failures ({@link isExpectedFailure}) are warn
 * without a stack; others are error with `err`.
 */
export function describeFailure(
  job: Job | undefined,
  err: Error,
): { level: 'warn' | 'error'; fields: Record<string, unknown>; msg: string } {
  const attempts = job?.opts.attempts ?? 1;
  const attemptsMade = job?.attemptsMade ?? 0;
  const unrecoverable = err.name === 'UnrecoverableError';
  const final = !job || unrecoverable || attemptsMade >= attempts;
  const retryInMs = final ? null : (job?.delay ?? 0);
  const expected = isExpectedFailure(err);
  const fields: Record<string, unknown> = {
    jobId: job?.id,
    attemptsMade,
    attempts,
    final,
    willRetry: !final,
    retryInMs,
    reason: err.message,
    ...(job?.data && typeof job.data === 'object' ? pickIds(job.data as Record<string, unknown>) : {}),
    ...(expected ? {} : { err }),
  };
  const msg = final
    ? unrecoverable && attemptsMade < attempts
      ? `job failed for good after ${attemptsMade} of ${attempts} attempts: retrying cannot help`
      : `job failed for good after ${attemptsMade} attempt${attemptsMade === 1 ? '' : 's'}`
    : `attempt ${attemptsMade} of ${attempts} failed, retrying in ${humanMs(retryInMs ?? 0)}`;
  return { level: expected ? 'warn' : 'error', fields, msg };
}

function pickIds(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof data.feedId === 'string') out.feedId = data.feedId;
  if (typeof data.url === 'string') out.articleUrl = data.url;
  if (typeof data.articleId === 'string') out.articleId = data.articleId;
  return out;
}
