import { Redis, type RedisOptions } from 'ioredis';
import { RedisUnavailableError } from './errors.js';
import { redactUrl } from './logger.js';

export type { Redis } from 'ioredis';

/**
 * Opens an ioredis connection. Workers and blocking clients need `maxRetriesPerRequest: null`
 * (BullMQ requires it); plain clients fail commands fast when Redis is gone.
 */
export function createRedis(url: string, kind: 'worker' | 'client' = 'client', extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: kind === 'worker' ? null : 3,
    enableReadyCheck: true,
    lazyConnect: false,
    connectionName: `quotecheck-${kind}`,
    ...extra,
  });
}

/**
 * Fails with {@link RedisUnavailableError} when Redis does not answer PING within `timeoutMs`,
 * so commands can say so in one line instead of retrying forever.
 */
export async function assertRedis(url: string, timeoutMs = 3000): Promise<void> {
  const r = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  r.on('error', () => {});
  try {
    await r.connect();
    await r.ping();
  } catch (e) {
    throw new RedisUnavailableError(redactUrl(url), e);
  } finally {
    r.disconnect();
  }
}
