import type { Keys, RedisClient } from '@quotecheck/shared';

/**
 * The durable set of canonical URLs already handed to the fetch stage. A URL is added after its fetch job
 * is enqueued, and the answer does not depend on finished jobs still existing (they are pruned).
 */
export class SeenSet {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /** Claims URLs: for each, true when this call added it (first sight), false when it was seen. */
  async claim(urls: readonly string[]): Promise<boolean[]> {
    if (urls.length === 0) return [];
    const p = this.redis.pipeline();
    for (const u of urls) p.sadd(this.keys.seen, u);
    const res = (await p.exec()) ?? [];
    return res.map(([err, n]) => {
      if (err) throw err;
      return n === 1;
    });
  }

  /** Which of these URLs were already seen, without claiming any. */
  async has(urls: readonly string[]): Promise<boolean[]> {
    if (urls.length === 0) return [];
    const r = await this.redis.smismember(this.keys.seen, ...urls);
    return r.map((n) => n === 1);
  }

  async size(): Promise<number> {
    return this.redis.scard(this.keys.seen);
  }
}
