import { fnv1a32, type Keys } from '@quotecheck/shared/core';

/** A claim-store key with the partition it lives in. */
export interface PlacedKey {
  /** Partition (0 ≤ p < partitions): which hash tag, so which slot on a Redis Cluster. */
  p: number;
  /** The full Redis key. */
  key: string;
}

/**
 * Where each claim-store key lives when the store spreads over several hash tags
 * ({@link Keys.claimPartition}); with one partition every key is where it always was, under
 * `{claims}`. Two rules place every key:
 *
 * - **An index entry goes by its own name** (`x:<hash>`, `p:<gram>`, `sq:<speaker>`, `by:`,
 *   `rep:`, `ca:<article>`, `d:`, `da:`, `df:docs`): FNV-1a of the name, modulo the partition
 *   count. A reader asks exactly the partitions of the keys it reads, so 16 partitions cost no
 *   more Redis work per article than one (the reads are grouped, one script or MGET per
 *   partition, instead of one for all). Each partition has its own phrase-count sketch
 *   `df:sketch`; an n-gram is counted in the one the name `df:<its first two hex digits>` goes to.
 * - **A claim and everything filed by its id** (`c:<id>`, its `updated` entry and status count,
 *   `merged`, `archived`, `logged`, reviewers' `rv:<id>` and `reviewed`) go by the claim id, so
 *   the record, its update order and its review history change together in one slot.
 *
 * Keys of one partition share a slot, so one script may touch them on a cluster; an article's
 * commit runs one script per partition it writes ({@link RedisClaimStore}).
 */
export class ClaimKeyspace {
  /** Number of partitions. */
  readonly partitions: number;
  private readonly bases: string[];

  constructor(keys: Keys) {
    this.partitions = keys.claimPartitions;
    this.bases = Array.from({ length: this.partitions }, (_, p) => keys.claimPartition(p));
  }

  /** The partition of an index entry's name. */
  partitionOf(name: string): number {
    return this.partitions === 1 ? 0 : fnv1a32(name) % this.partitions;
  }

  /** The partition of a claim id: the one its record `c:<id>` lives in. */
  partitionOfClaim(id: string): number {
    return this.partitionOf(`c:${id}`);
  }

  /** An index entry (or any key placed by its own name). */
  entry(name: string): PlacedKey {
    const p = this.partitionOf(name);
    return { p, key: `${this.bases[p]}:${name}` };
  }

  /** Claim `id`'s record `c:<id>`. */
  claim(id: string): PlacedKey {
    return this.entry(`c:${id}`);
  }

  /** Key `name` (`updated`, `status`, `merged`, `rv:<id>`, …) of the partition claim `id` lives in. */
  ofClaim(id: string, name: string): PlacedKey {
    const p = this.partitionOfClaim(id);
    return { p, key: `${this.bases[p]}:${name}` };
  }

  /** Key `name` of partition `p` (`v`, `updated`, `status`, …). */
  inPartition(p: number, name: string): string {
    return `${this.bases[p]}:${name}`;
  }

  /** The name of a full claim-store key (`p:<gram>`, `c:<id>`, …) without its partition's prefix; null for another key. */
  nameOf(key: string): string | null {
    for (const b of this.bases) if (key.startsWith(`${b}:`)) return key.slice(b.length + 1);
    return null;
  }

  /** Key `name` in every partition, in partition order (for aggregates such as `updated`). */
  everywhere(name: string): string[] {
    return this.bases.map((b) => `${b}:${name}`);
  }
}

/**
 * Groups items by the partition of their key, keeping each item's index in the input, so a
 * multi-key command or script can run once per partition (Redis Cluster refuses one across slots).
 */
export function byPartition<T>(
  items: readonly T[],
  place: (item: T) => PlacedKey,
): Map<number, { at: number[]; keys: string[] }> {
  const out = new Map<number, { at: number[]; keys: string[] }>();
  items.forEach((item, i) => {
    const { p, key } = place(item);
    let g = out.get(p);
    if (!g) out.set(p, (g = { at: [], keys: [] }));
    g.at.push(i);
    g.keys.push(key);
  });
  return out;
}
