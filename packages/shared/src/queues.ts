import { type Job, type Processor, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { CATALOG, type PayloadOf, parsePayload, type QueueKey } from './catalog.js';
import type { Config } from './config.js';
import { InvalidPayloadError } from './errors.js';
import type { Logger } from './logger.js';

/** A queue of the catalog, with its default job options and retention applied. */
export function createQueue<K extends QueueKey>(key: K, connection: Redis, config: Config, log: Logger): Queue<PayloadOf<K>> {
  const spec = CATALOG[key];
  const q = new Queue<PayloadOf<K>>(spec.queue, {
    connection,
    prefix: config.prefix,
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
  connection: Redis,
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
      if (e instanceof InvalidPayloadError) throw new UnrecoverableError(e.message);
      throw e;
    }
    const child = log.child({ queue: spec.queue, jobId: job.id });
    return handler({ data, job, log: child, signal });
  };
  const w = new Worker<PayloadOf<K>>(spec.queue, processor, {
    connection,
    prefix: config.prefix,
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
    log.error(
      {
        event: 'job.failed',
        queue: spec.queue,
        jobId: job?.id,
        attemptsMade: job?.attemptsMade,
        willRetry: job ? job.attemptsMade < (job.opts.attempts ?? 1) && err.name !== 'UnrecoverableError' : false,
        reason: err.message,
        ...(job?.data && typeof job.data === 'object' ? pickIds(job.data as Record<string, unknown>) : {}),
      },
      'job failed',
    );
  });
  w.on('stalled', (jobId) => log.warn({ event: 'job.stalled', queue: spec.queue, jobId }, 'job stalled, will be retried'));
  return w;
}

function pickIds(data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof data.feedId === 'string') out.feedId = data.feedId;
  if (typeof data.url === 'string') out.articleUrl = data.url;
  if (typeof data.articleId === 'string') out.articleId = data.articleId;
  return out;
}
