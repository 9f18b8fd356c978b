import type { DefaultJobOptions } from 'bullmq';
import type { z } from 'zod';
import { InvalidPayloadError } from './errors.js';
import { ExtractJob, FetchJob, PollJob, VerifyJob } from './schemas.js';

/** One entry per queue: the job it carries, its payload schema and its retry policy. */
export interface QueueSpec<S extends z.ZodType> {
  queue: string;
  job: string;
  schema: S;
  defaults: DefaultJobOptions;
}

function spec<S extends z.ZodType>(queue: string, job: string, schema: S, defaults: DefaultJobOptions): QueueSpec<S> {
  return { queue, job, schema, defaults };
}

/**
 * The typed job catalog: the only place that names queues and says how their jobs retry.
 * Retention numbers here are defaults; workers apply the configured ones.
 */
export const CATALOG = {
  poll: spec('poll', 'poll-feed', PollJob, {
    attempts: 3,
    backoff: { type: 'exponential', delay: 10_000, jitter: 0.5 },
    removeOnComplete: { count: 200 },
    removeOnFail: { count: 1000 },
  }),
  fetch: spec('fetch', 'fetch-article', FetchJob, {
    attempts: 5,
    backoff: { type: 'exponential', delay: 5_000, jitter: 0.5 },
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 5000 },
  }),
  extract: spec('extract', 'extract-article', ExtractJob, {
    attempts: 3,
    backoff: { type: 'exponential', delay: 2_000, jitter: 0.5 },
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 5000 },
  }),
  verify: spec('verify', 'verify-article', VerifyJob, {
    attempts: 5,
    backoff: { type: 'exponential', delay: 1_000, jitter: 0.5 },
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 5000 },
  }),
} as const;

export type QueueKey = keyof typeof CATALOG;
export type PayloadOf<K extends QueueKey> = z.infer<(typeof CATALOG)[K]['schema']>;
export const QUEUE_KEYS = Object.keys(CATALOG) as QueueKey[];

/**
 * Validates a payload read from Redis. A corrupt payload throws {@link InvalidPayloadError},
 * which processors turn into an unrecoverable failure (retrying cannot fix it).
 */
export function parsePayload<K extends QueueKey>(key: K, data: unknown): PayloadOf<K> {
  const r = CATALOG[key].schema.safeParse(data);
  if (!r.success) {
    throw new InvalidPayloadError(
      `${CATALOG[key].job} job payload is invalid (${r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}): remove the job or re-enqueue it with a valid payload`,
    );
  }
  return r.data as PayloadOf<K>;
}
