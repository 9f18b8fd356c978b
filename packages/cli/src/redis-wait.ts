import { assertRedis, type Logger, type RedisTarget, RedisUnavailableError, redactUrl } from '@quotecheck/shared';

export interface WaitForRedisOptions {
  /** First retry delay; doubles up to `maxDelayMs`. */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Aborting ends the wait at once (SIGINT/SIGTERM). */
  signal?: AbortSignal;
}

/**
 * Waits until Redis answers PING ({@link assertRedis}), retrying with exponential backoff (0.5 s
 * doubling to 30 s) and logging `redis.waiting` (attempt, `retryInMs`, the URL with its password
 * hidden, the reason) before each wait, so `run` survives a Redis that starts after it without a
 * supervisor; a Redis Cluster (`target.redisCluster`) is waited for the same way. Resolves true once Redis answers, false when `signal` aborted first. Anything but
 * "not answering" (refused credentials: `RedisAuthError`) is thrown at once: waiting would not help.
 * `log` is called only when there is something to log.
 */
export async function waitForRedis(
  target: string | RedisTarget,
  log: () => Logger,
  opts: WaitForRedisOptions = {},
): Promise<boolean> {
  const url = typeof target === 'string' ? target : target.redisUrl;
  const maxDelayMs = opts.maxDelayMs ?? 30_000;
  let delayMs = opts.firstDelayMs ?? 500;
  const aborted = new Promise<'aborted'>((resolve) => {
    if (opts.signal?.aborted) resolve('aborted');
    opts.signal?.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
  for (let attempt = 1; ; attempt++) {
    const outcome = await Promise.race([
      assertRedis(target).then(
        () => null,
        (e: unknown) => e,
      ),
      aborted,
    ]);
    if (outcome === 'aborted') return false;
    if (outcome === null) {
      if (attempt > 1) log().info({ event: 'redis.ready', attempt, redisUrl: redactUrl(url) }, 'Redis answers; starting');
      return true;
    }
    if (!(outcome instanceof RedisUnavailableError)) throw outcome;
    const cause = outcome.cause instanceof Error ? outcome.cause.message : String(outcome.cause);
    log().warn(
      { event: 'redis.waiting', attempt, retryInMs: delayMs, redisUrl: redactUrl(url), reason: cause },
      'Redis is not answering; waiting for it',
    );
    let timer: NodeJS.Timeout | undefined;
    const slept = await Promise.race([
      new Promise<'slept'>((resolve) => {
        timer = setTimeout(() => resolve('slept'), delayMs);
      }),
      aborted,
    ]);
    clearTimeout(timer);
    if (slept === 'aborted') return false;
    delayMs = Math.min(delayMs * 2, maxDelayMs);
  }
}
