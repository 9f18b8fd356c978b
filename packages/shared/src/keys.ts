/**
 * Every Redis key quotecheck writes, in one place. Keys that a Lua script touches together
 * share a hash tag so they live in one slot on Redis Cluster.
 */
export class Keys {
  /**
   * @param prefix of every key
   * @param claimPartitions how many hash tags the claim store spreads over (`claimPartitions` in
   *   the config): 1 keeps it under one `{claims}` tag; more lets a Redis Cluster put them on
   *   different nodes. Fixed for the life of a store (recorded under {@link claimLayout}).
   */
  constructor(
    readonly prefix: string,
    readonly claimPartitions = 1,
  ) {}

  /**
   * The BullMQ prefix of one queue (its keys are `<this>:<queue>:…`). On one Redis it is the
   * prefix itself, the layout existing deployments hold their jobs in. On a Redis Cluster each
   * queue gets its own hash tag, `<prefix>:{<queue>}`: BullMQ's scripts need all keys of a queue
   * in one slot, and separate tags let the queues sit on different nodes.
   */
  queuePrefix(queue: string, cluster: boolean): string {
    return cluster ? `${this.prefix}:{${queue}}` : this.prefix;
  }

  /** Hash feedId -> Feed JSON. */
  get feeds(): string {
    return `${this.prefix}:feeds`;
  }
  /** Set once the configured feeds were first written into {@link feeds} (a timestamp string). */
  get feedsSeeded(): string {
    return `${this.prefix}:feeds:seeded`;
  }
  /** Lock one process holds while it syncs the configured feeds into {@link feeds}. */
  get feedSyncLock(): string {
    return `${this.prefix}:feeds:sync-lock`;
  }
  /** Hash feedId -> last poll summary JSON. */
  get feedPolls(): string {
    return `${this.prefix}:feed-polls`;
  }
  /** Hash of `etag` / `lastModified` for one feed URL. */
  httpCache(feedId: string): string {
    return `${this.prefix}:http-cache:${feedId}`;
  }
  /** Set of canonical URLs already enqueued for fetch: survives job pruning. */
  get seen(): string {
    return `${this.prefix}:seen`;
  }
  /** Hash canonical URL -> skip reason JSON, for items recorded but not fetched. */
  get skipped(): string {
    return `${this.prefix}:skipped`;
  }
  /** Compressed raw HTML of a fetched page, with a TTL (retention). */
  raw(id: string): string {
    return `${this.prefix}:raw:${id}`;
  }
  /** Stored article JSON. */
  article(id: string): string {
    return `${this.prefix}:article:${id}`;
  }
  /** Sorted set of article ids by fetch time. */
  get articles(): string {
    return `${this.prefix}:articles`;
  }
  /** Prefix of the per-host politeness limiters. */
  get politeness(): string {
    return `${this.prefix}:polite`;
  }
  /** Prefix of the per-host request-rate counters (rate-limiter-flexible appends the host). */
  get politenessRate(): string {
    return `${this.politeness}:rate`;
  }
  /** Sorted set of the requests in flight to one host (lease expiry -> holder). */
  hostInflight(host: string): string {
    return `${this.politeness}:inflight:${host}`;
  }
  /** Prefix of the claim store when it has one partition (all its keys share one hash tag). */
  get claims(): string {
    return `${this.prefix}:{claims}`;
  }
  /**
   * Prefix of claim-store partition `p` (0 ≤ p < {@link claimPartitions}): each partition has a
   * hash tag of its own, so its keys share a slot and one script may touch them on Redis Cluster.
   * With one partition this is {@link claims}, the layout stores had before partitions existed.
   */
  claimPartition(p: number): string {
    return this.claimPartitions === 1 ? this.claims : `${this.prefix}:{claims:${p}}`;
  }
  /** Lock a partitioned claim store's commits take in turn (a random token, with an expiry). */
  get claimCommitLock(): string {
    return `${this.prefix}:claim-commit-lock`;
  }
  /** String holding the number of partitions the claim store was created with. */
  get claimLayout(): string {
    return `${this.prefix}:claim-partitions`;
  }
}
