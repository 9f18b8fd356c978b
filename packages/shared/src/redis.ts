import { type Cluster, Redis, type RedisOptions } from 'ioredis';
import { RedisAuthError, RedisUnavailableError } from './errors.js';
import { redactUrl } from './logger.js';

export type { Cluster, Redis } from 'ioredis';

/**
 * A connection quotecheck works through: one Redis server or a Redis Cluster. Stores and queues
 * take this type so the same code runs on both; multi-key commands must keep their keys in one
 * hash slot (see `Keys`).
 */
export type RedisClient = Redis | Cluster;

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

/**
 * How often one kind of connection error is logged while it repeats. ioredis reconnects every
 * ~50-2000 ms and a rotated password failed ~35 times a second: one line per kind per interval,
 * with the count of repeats, keeps the log readable and cheap.
 */
export const REDIS_ERROR_LOG_INTERVAL_MS = 5_000;

/** The subset of a pino logger the connection-error listener needs. */
interface WarnErrorLogger {
  debug(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** How a connection's owner wants a lost connection reported. */
export interface RedisErrorListenerOptions {
  /**
   * `warn` for workers, whose connections live for hours and reconnect by themselves; `debug` for
   * one-off commands, which report a lost Redis in their own one-line error (an EPIPE while a
   * command closes its connection is not news to its user). Default `warn`.
   */
  lostLevel?: 'warn' | 'debug';
  /** The clock, for tests. */
  now?: () => number;
}

/**
 * An `error` listener for a long-lived ioredis connection: refused credentials log at error with
 * the one-line actionable message (no stack: the cause is known), an unreachable Redis at warn
 * (ioredis reconnects by itself), anything else at error with its stack. Each kind is logged at
 * most once per {@link REDIS_ERROR_LOG_INTERVAL_MS}, with `repeats` counting the ones left out.
 */
export function redisErrorListener(
  log: WarnErrorLogger,
  url: string,
  { lostLevel = 'warn', now = Date.now }: RedisErrorListenerOptions = {},
): (err: Error) => void {
  const last = new Map<string, { at: number; repeats: number }>();
  return (err) => {
    const auth = redisAuthFailure(err);
    const code = (err as NodeJS.ErrnoException).code;
    const kind = auth ?? code ?? 'other';
    const seen = last.get(kind);
    const t = now();
    if (seen && t - seen.at < REDIS_ERROR_LOG_INTERVAL_MS) {
      seen.repeats++;
      return;
    }
    const repeats = seen?.repeats ?? 0;
    last.set(kind, { at: t, repeats: 0 });
    if (auth) {
      log.error({ event: 'redis.error', reason: describeRedisError(err, url).message, repeats }, 'redis refused the credentials');
    } else if (code) {
      log[lostLevel]({ event: 'redis.error', reason: `${code}: ${err.message}`, repeats }, 'redis connection lost, reconnecting');
    } else {
      log.error({ event: 'redis.error', err, repeats }, 'redis connection error');
    }
  };
}
