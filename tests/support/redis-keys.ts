import type { Redis } from '@quotecheck/shared';

/** Calls `each` with every batch of keys under `prefix:` (SCAN, so Redis is never blocked as by KEYS). */
async function scanPrefix(redis: Redis, prefix: string, each: (keys: string[]) => Promise<void>): Promise<void> {
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 2000);
    cursor = next;
    if (batch.length) await each(batch);
  } while (cursor !== '0');
}

/**
 * Deletes every key under `prefix:` (a test's or benchmark's own prefix) with SCAN + UNLINK;
 * returns how many were deleted.
 */
export async function purgePrefix(redis: Redis, prefix: string): Promise<number> {
  let n = 0;
  await scanPrefix(redis, prefix, async (keys) => {
    n += await redis.unlink(...keys);
  });
  return n;
}

/** How many keys there are under `prefix:` (SCAN). */
export async function keyCount(redis: Redis, prefix: string): Promise<number> {
  let n = 0;
  await scanPrefix(redis, prefix, async (keys) => {
    n += keys.length;
  });
  return n;
}

/** Key count and summed MEMORY USAGE (key, value and allocator overhead) of a group of keys. */
export interface KeyMemory {
  keys: number;
  bytes: number;
}

/** MEMORY USAGE of every key under `prefix:`, summed per kind as `kindOf` names it. */
export async function memoryByKind(
  redis: Redis,
  prefix: string,
  kindOf: (key: string) => string,
): Promise<Record<string, KeyMemory>> {
  const out: Record<string, KeyMemory> = {};
  await scanPrefix(redis, prefix, async (keys) => {
    const p = redis.pipeline();
    for (const k of keys) p.memory('USAGE', k, 'SAMPLES', '0');
    const sizes = (await p.exec()) ?? [];
    keys.forEach((k, i) => {
      const row = (out[kindOf(k)] ??= { keys: 0, bytes: 0 });
      row.keys++;
      row.bytes += Number(sizes[i]?.[1] ?? 0);
    });
  });
  return out;
}

/** The server's `used_memory` (INFO memory), in bytes. */
export async function usedMemory(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0);
}
