import type { Redis } from '@quotecheck/shared';

/**
 * Deletes every key under `prefix:` (a test's or benchmark's own prefix) with SCAN + UNLINK,
 * so a cleanup never blocks Redis the way KEYS would on a large store.
 */
export async function purgePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 2000);
    cursor = next;
    if (batch.length) await redis.unlink(...batch);
  } while (cursor !== '0');
}
