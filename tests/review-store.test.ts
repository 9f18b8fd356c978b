import { createRedis, type Redis } from '@quotecheck/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, testPrefix } from './support/cli.js';
import { keyCount, purgePrefix } from './support/redis-keys.js';
import { seedReviewDesk } from './support/review-desk-seed.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = testPrefix('review-store');
const emptyPrefix = testPrefix('review-store-empty');
let redis: Redis;

beforeAll(async () => {
  redis = createRedis(REDIS_URL, 'client');
  await seedReviewDesk(redis, prefix);
}, 240_000);

afterAll(async () => {
  await purgePrefix(redis, prefix);
  await purgePrefix(redis, emptyPrefix);
  await redis.quit();
});

describe('quotecheck review --store: flagged claims from the claim store, no log files', () => {
  it('shows the seed dispute, Rubio\'s "wish list" denied, with the "blatantly false" evidence', async () => {
    const r = await runCli(
      ['review', '--store', '--status', 'denied', '--json'],
      { QUOTECHECK_PREFIX: prefix, REDIS_URL },
      120_000,
    );
    expect(r.code, r.stderr).toBe(0);
    const claims = r.stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as { quote: string; speaker: string; status: string; flags: string[]; evidence: { sentence: string }[] },
      );
    expect(claims.map((c) => c.speaker).sort()).toEqual(['Marco Rubio', 'Mike Rounds']);
    const wish = claims.find((c) => /wish list/.test(c.quote));
    expect(wish?.status).toBe('denied');
    expect(wish?.evidence.some((e) => /blatantly false/.test(e.sentence))).toBe(true);
  }, 300_000);

  it('filters by speaker, says when nothing matches, and writes nothing to Redis', async () => {
    const before = await keyCount(redis, prefix);
    const none = await runCli(
      ['review', '--store', '--speaker', 'nobody-by-this-name'],
      { QUOTECHECK_PREFIX: prefix, REDIS_URL },
      120_000,
    );
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^none of the \d+ flagged claim\(s\) in the store match the filters\n$/);
    expect(await keyCount(redis, prefix)).toBe(before);
    const empty = await runCli(['review', '--store'], { QUOTECHECK_PREFIX: emptyPrefix, REDIS_URL }, 120_000);
    expect(empty.code).toBe(0);
    expect(empty.stderr).toBe('no flagged claims in the store\n');
    expect(await keyCount(redis, emptyPrefix)).toBe(0);
  }, 300_000);

  it('refuses a log file or --follow together with --store (usage, exit 2)', async () => {
    const r = await runCli(['review', '--store', 'some.log'], { QUOTECHECK_PREFIX: prefix, REDIS_URL }, 120_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--store reads the claim store/);
  }, 300_000);
});
