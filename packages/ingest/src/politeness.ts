import type { Keys, RedisClient } from '@quotecheck/shared';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

/** A held slot of a host's concurrency budget; release it when the request is over. */
export interface HostSlot {
  host: string;
  release(): Promise<void>;
}

/** Either a slot, or how long to wait before asking again. */
export type Admission = { ok: true; slot: HostSlot } | { ok: false; waitMs: number; why: 'concurrency' | 'rate' };

export interface PolitenessOptions {
  perHostConcurrency: number;
  perHostPerMinute: number;
  /** A slot not released within this time is reclaimed (its holder crashed). */
  leaseMs: number;
}

// Drop expired leases, then take a slot if one is free. Returns 1, or the ms until the
// earliest lease expires (a negative number) so the caller knows how long to wait at most.
const ACQUIRE = `
local now = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now + tonumber(ARGV[3]), ARGV[4])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
  return 1
end
local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return -math.max(1, tonumber(first[2]) - now)
`;

/**
 * Per-host politeness shared by every fetch worker through Redis: at most
 * `perHostConcurrency` requests in flight per host (a lease set with expiry, so a crashed
 * worker's slot comes back) and at most `perHostPerMinute` started per host per minute
 * (rate-limiter-flexible). It never waits itself: it says how long the caller should wait,
 * and the fetch processor delays the job by that much.
 */
export class HostPoliteness {
  private readonly rate: RateLimiterRedis;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly options: PolitenessOptions,
  ) {
    this.rate = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: keys.politenessRate,
      points: options.perHostPerMinute,
      duration: 60,
    });
  }

  /** Tries to admit one request to `host` for `holder` (e.g. the job id). */
  async admit(host: string, holder: string): Promise<Admission> {
    const key = this.keys.hostInflight(host);
    const now = Date.now();
    const member = `${holder}:${now}:${Math.random().toString(36).slice(2, 8)}`;
    const r = (await this.redis.eval(
      ACQUIRE,
      1,
      key,
      String(now),
      String(this.options.perHostConcurrency),
      String(this.options.leaseMs),
      member,
    )) as number;
    if (r !== 1) {
      // a slot usually frees within one request; cap the wait at the lease expiry
      return { ok: false, waitMs: Math.min(-r, 250 + Math.floor(Math.random() * 750)), why: 'concurrency' };
    }
    const release = async () => {
      await this.redis.zrem(key, member);
    };
    try {
      await this.rate.consume(host, 1);
    } catch (e) {
      await release();
      if (e instanceof RateLimiterRes) return { ok: false, waitMs: Math.max(50, e.msBeforeNext), why: 'rate' };
      throw e;
    }
    return { ok: true, slot: { host, release } };
  }

  /** Makes a host wait (e.g. it answered 429 with Retry-After): no request starts before `ms` passed. */
  async block(host: string, ms: number): Promise<void> {
    await this.rate.block(host, Math.max(1, Math.ceil(ms / 1000)));
  }
}
