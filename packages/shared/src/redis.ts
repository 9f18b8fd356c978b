import { Redis, type RedisOptions } from 'ioredis';
import { RedisAuthError, RedisUnavailableError } from './errors.js';
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
 * or {@link RedisAuthError} when it refuses the credentials in `url` (see
 * {@link describeRedisError}), so commands can say so in one line instead of retrying forever.
 */
export async function assertRedis(url: string, timeoutMs = 3000): Promise<void> {
  const r = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  // connect() rejects with a bare "Connection is closed."; the reason (WRONGPASS, NOAUTH,
  // ECONNREFUSED) arrives first as an 'error' event.
  let reason: unknown;
  r.on('error', (e) => {
    reason ??= e;
  });
  try {
    await r.connect();
    await r.ping();
  } catch (e) {
    throw describeRedisError(redisAuthFailure(e) ? e : (reason ?? e), url);
  } finally {
    r.disconnect();
  }
}

/** Reply prefixes and texts by which Redis refuses credentials, and what each means. */
const AUTH_FAILURES: [RegExp, RedisAuthError['kind']][] = [
  [/^NOAUTH\b/, 'missing'],
  [/^NOPERM\b/, 'noperm'],
  [/^WRONGPASS\b|invalid username-password pair|invalid password|^ERR AUTH\b|Client sent AUTH/i, 'refused'],
];

/** How Redis refused the credentials in `err`, or `null` when it did not (down, timeout, …). */
export function redisAuthFailure(err: unknown): RedisAuthError['kind'] | null {
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  for (const [pattern, kind] of AUTH_FAILURES) if (pattern.test(message)) return kind;
  return null;
}

/**
 * The one-line, actionable error for a failure to reach Redis at `url` (its password hidden):
 * {@link RedisAuthError} when Redis refused the credentials, else {@link RedisUnavailableError}.
 * The original error is kept as `cause`.
 */
export function describeRedisError(err: unknown, url: string): RedisAuthError | RedisUnavailableError {
  const kind = redisAuthFailure(err);
  return kind ? new RedisAuthError(redactUrl(url), kind, err) : new RedisUnavailableError(redactUrl(url), err);
}
