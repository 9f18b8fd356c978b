import {
  assertRedis,
  type Config,
  createLogger,
  createQueue,
  createRedis,
  Keys,
  type Logger,
  loadConfig,
  onRedisError,
  QUEUE_KEYS,
  type QueueKey,
  type RedisClient,
  redisErrorListener,
} from '@quotecheck/shared';
import type { Queue } from 'bullmq';
import { pino } from 'pino';

/** Everything a Redis-backed command needs: config, logger, connections, keys and the queues. */
export interface AppContext {
  config: Config;
  log: Logger;
  /** One Redis or a Redis Cluster (`redisCluster`). */
  redis: RedisClient;
  keys: Keys;
  queues: { [K in QueueKey]: Queue };
  close(): Promise<void>;
}

export interface ContextOptions {
  configFile?: string;
  logFile?: string;
  /** Workers need `maxRetriesPerRequest: null`; one-off commands fail fast instead. */
  kind?: 'worker' | 'client';
  /** For commands that only look (status): opening the queues writes nothing to Redis. */
  readOnly?: boolean;
}

/**
 * Loads config, checks Redis answers (one clear line and exit 1 when it does not) and opens
 * the connection and queues.
 */
export async function openContext(options: ContextOptions = {}): Promise<AppContext> {
  const config = loadConfig(options.configFile ? { file: options.configFile } : {});
  await assertRedis(config);
  // One-off commands keep stdout for their output; their log lines go to stderr.
  const destination = options.logFile ?? (options.kind === 'worker' ? undefined : pino.destination({ dest: 2, sync: true }));
  const log = createLogger({ level: config.logLevel, ...(destination ? { destination } : {}) });
  const redis = createRedis(config, options.kind ?? 'client');
  // Workers log a lost connection at warn; a one-off command's own error line already says it.
  onRedisError(redis, redisErrorListener(log, config.redisUrl, { lostLevel: options.kind === 'worker' ? 'warn' : 'debug' }));
  const keys = new Keys(config.prefix, config.claimPartitions);
  const queues = Object.fromEntries(
    QUEUE_KEYS.map((k) => [k, createQueue(k, redis, config, log, { readOnly: options.readOnly === true })]),
  ) as AppContext['queues'];
  return {
    config,
    log,
    redis,
    keys,
    queues,
    async close() {
      await Promise.allSettled(Object.values(queues).map((q) => q.close()));
      await redis.quit().catch(() => redis.disconnect());
      await new Promise<void>((r) => log.flush(() => r()));
    },
  };
}
