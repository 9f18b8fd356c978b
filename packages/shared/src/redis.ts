import { Cluster, type ClusterOptions, Redis, type RedisOptions } from 'ioredis';
import { type Config, redisUrlList } from './config.js';
import { ConfigError, RedisAuthError, RedisUnavailableError } from './errors.js';
import { redactUrl } from './logger.js';

export type { Cluster, Redis } from 'ioredis';

/**
 * A connection quotecheck works through: one Redis server or a Redis Cluster. Stores and queues
 * take this type so the same code runs on both; multi-key commands must keep their keys in one
 * hash slot (see `Keys`).
 */
export type RedisClient = Redis | Cluster;

/**
 * Where Redis is: `redisUrl` (one URL, or a Redis Cluster's seed nodes, comma-separated) and
 * whether it is a cluster. A {@link Config} is one; a bare string is one server.
 */
export type RedisTarget = Pick<Config, 'redisUrl' | 'redisCluster'>;

function targetOf(target: string | RedisTarget): RedisTarget {
  return typeof target === 'string' ? { redisUrl: target, redisCluster: false } : target;
}

/**
 * The seed nodes and per-node options of a cluster from its URLs: host and port of each, and
 * the credentials and TLS of the first (the config check makes every URL agree on them), since
 * ioredis connects to the nodes the cluster announces with `redisOptions` alone.
 */
export function clusterOptionsOf(redisUrl: string): {
  nodes: { host: string; port: number }[];
  redisOptions: RedisOptions;
  tls: boolean;
} {
  const urls = redisUrlList(redisUrl).map((u) => new URL(u));
  const first = urls[0];
  if (!first) throw new ConfigError('redisUrl names no Redis: set REDIS_URL to redis://HOST:PORT');
  const nodes = urls.map((u) => ({ host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || 6379) }));
  const redisOptions: RedisOptions = {};
  if (first.username || first.password) {
    if (first.username) redisOptions.username = decodeURIComponent(first.username);
    redisOptions.password = decodeURIComponent(first.password);
  }
  const tls = first.protocol === 'rediss:';
  if (tls) redisOptions.tls = {};
  return { nodes, redisOptions, tls };
}

/**
 * A Cluster client for the cluster at `redisUrl` (its URLs parsed once): `cluster`'s options, with
 * `redisOptions` merged into each node's.
 */
function newCluster(redisUrl: string, redisOptions: RedisOptions, cluster: ClusterOptions): Cluster {
  const parsed = clusterOptionsOf(redisUrl);
  return new Cluster(parsed.nodes, {
    ...cluster,
    redisOptions: { ...parsed.redisOptions, ...redisOptions },
    // ioredis resolves seed host names to addresses before connecting, but TLS certificates
    // name hosts: keep the names (ioredis's documented setting for TLS clusters, e.g. ElastiCache).
    ...(parsed.tls
      ? { dnsLookup: (address: string, callback: (err: null, address: string) => void) => callback(null, address) }
      : {}),
  });
}

/**
 * Opens an ioredis connection: a `Cluster` when `target.redisCluster`, else one `Redis`.
 * Workers and blocking clients need `maxRetriesPerRequest: null` (BullMQ requires it); plain
 * clients fail commands fast when Redis is gone. On a cluster these options (and `extra`) apply
 * to every node's connection.
 */
export function createRedis(url: string, kind?: 'worker' | 'client', extra?: RedisOptions): Redis;
export function createRedis(target: RedisTarget, kind?: 'worker' | 'client', extra?: RedisOptions): RedisClient;
export function createRedis(
  target: string | RedisTarget,
  kind: 'worker' | 'client' = 'client',
  extra: RedisOptions = {},
): RedisClient {
  const { redisUrl, redisCluster } = targetOf(target);
  const options: RedisOptions = {
    maxRetriesPerRequest: kind === 'worker' ? null : 3,
    enableReadyCheck: true,
    lazyConnect: false,
    connectionName: `quotecheck-${kind}`,
    ...extra,
  };
  if (!redisCluster) return new Redis(redisUrl, options);
  return newCluster(redisUrl, options, { enableReadyCheck: true, lazyConnect: false });
}

/**
 * Sends the errors of a connection to `listener`; on a cluster also the errors of each node's
 * connection (`node error`), which is where a lost or refusing node shows.
 */
export function onRedisError(client: RedisClient, listener: (err: Error) => void): void {
  client.on('error', listener);
  if (client.isCluster) client.on('node error', listener);
}

/** The start of a refusal by a node whose cluster support is off (`CLUSTER SLOTS` on a plain server). */
const NOT_A_CLUSTER = /cluster support disabled/i;

/**
 * Fails with {@link RedisUnavailableError} when Redis does not answer PING within `timeoutMs`,
 * or {@link RedisAuthError} when it refuses the credentials in the URL (see
 * {@link describeRedisError}), so commands can say so in one line instead of retrying forever.
 * A cluster must answer with its slot map and `cluster_state:ok`. A mode that does not match the
 * server (a cluster node addressed as one Redis, or the reverse) is a {@link ConfigError} saying
 * which setting to change.
 */
export async function assertRedis(target: string | RedisTarget, timeoutMs = 3000): Promise<void> {
  const { redisUrl, redisCluster } = targetOf(target);
  if (redisCluster) return assertCluster(redisUrl, timeoutMs);
  const r = new Redis(redisUrl, {
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
  let clusterNode = false;
  try {
    await r.connect();
    await r.ping();
    // A user without INFO rights still gets on; the hint below is a courtesy.
    clusterNode = /^cluster_enabled:1/m.test(await r.info('cluster').catch(() => ''));
  } catch (e) {
    throw describeRedisError(redisAuthFailure(e) ? e : (reason ?? e), redisUrl);
  } finally {
    r.disconnect();
  }
  if (clusterNode) {
    throw new ConfigError(
      `Redis at ${redactUrl(redisUrl)} is a node of a Redis Cluster: set QUOTECHECK_REDIS_CLUSTER=1 (or list its nodes in REDIS_URL, comma-separated)`,
    );
  }
}

async function assertCluster(redisUrl: string, timeoutMs: number): Promise<void> {
  const c = newCluster(
    redisUrl,
    { maxRetriesPerRequest: 0, connectTimeout: timeoutMs, retryStrategy: () => null, enableOfflineQueue: false },
    { lazyConnect: true, enableOfflineQueue: false, clusterRetryStrategy: () => null, enableReadyCheck: true },
  );
  // As for one server, the reason a node refused arrives as an event, before connect() rejects
  // with "None of startup nodes is available".
  let reason: unknown;
  const keep = (e: unknown) => {
    reason ??= e;
  };
  c.on('node error', keep);
  c.on('error', (e: Error & { lastNodeError?: unknown }) => keep(e.lastNodeError ?? e));
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      c.connect().then(() => c.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no cluster answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (e) {
    const cause = redisAuthFailure(e) ? e : (reason ?? e);
    if (NOT_A_CLUSTER.test(cause instanceof Error ? cause.message : String(cause))) {
      throw new ConfigError(
        `Redis at ${redactUrl(redisUrl)} is not a cluster (cluster support disabled): unset QUOTECHECK_REDIS_CLUSTER and give REDIS_URL one URL`,
      );
    }
    throw describeRedisError(cause, redisUrl);
  } finally {
    clearTimeout(timer);
    c.disconnect();
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
