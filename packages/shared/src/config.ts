import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseDuration } from './duration.js';
import { ConfigError } from './errors.js';

/** The reference feed, polled when no feeds have been added. */
export const DEFAULT_FEED_URL = 'https://www.aljazeera.com/xml/rss/all.xml';

const ms = z.union([
  z.number().int().nonnegative(),
  z.string().transform((s, ctx) => {
    try {
      return parseDuration(s);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
      return z.NEVER;
    }
  }),
]);

/**
 * One allowlist entry: `host` (ports 80 and 443 only) or `host:port` (that port only); IPv6
 * literals in brackets, `[::1]:8080`. An allowed host may resolve to private/loopback addresses.
 */
const AllowHost = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?:\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::\d{1,5})?$/,
    'host or host:port, e.g. "127.0.0.1:8080" or "[::1]:8080" (a bare host allows ports 80 and 443 only)',
  );

/** Splits `redisUrl` into its URLs: one server, or the seed nodes of a Redis Cluster. */
export function redisUrlList(redisUrl: string): string[] {
  return redisUrl
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
}

const ConfigFields = z.strictObject({
  /** One `redis://` or `rediss://` URL, or a comma-separated list of a Redis Cluster's seed nodes. */
  redisUrl: z
    .string()
    .refine(
      (s) => redisUrlList(s).length > 0 && redisUrlList(s).every((u) => /^rediss?:\/\/\S+$/.test(u) && URL.canParse(u)),
      'a redis:// or rediss:// URL, or a comma-separated list of them (the seed nodes of a Redis Cluster)',
    )
    .default('redis://127.0.0.1:6379'),
  /**
   * Whether `redisUrl` names a Redis Cluster. Default: true when it lists several URLs, else false
   * (one URL may be a single seed node of a cluster: then set it).
   */
  redisCluster: z.boolean().optional(),
  /**
   * Prefix of every Redis key. On Redis Cluster it must hold no hash tag: quotecheck gives each
   * queue and store its own, so they spread over the nodes.
   */
  prefix: z
    .string()
    .min(1, 'must not be empty (unset QUOTECHECK_PREFIX to use the default "qc")')
    .regex(/^[^\s]+$/, 'must not contain white space')
    .default('qc'),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  userAgent: z.string().default('quotecheck/0.1 (+https://github.com/quotecheck/quotecheck; attribution research bot)'),
  feeds: z
    .array(z.strictObject({ url: z.url({ protocol: /^https?$/ }), every: ms.optional() }))
    .default([{ url: DEFAULT_FEED_URL }]),
  /** Default poll interval of a feed. */
  pollEveryMs: ms.default(5 * 60_000),
  fetch: z
    .strictObject({
      timeoutMs: ms.default(15_000),
      maxBytes: z
        .number()
        .int()
        .positive()
        .default(10 * 1024 * 1024),
      maxRedirects: z.number().int().min(0).max(20).default(5),
      /**
       * `host[:port]` entries that may resolve to loopback/private addresses, e.g. ["127.0.0.1:8080"]
       * for a local feed server. A bare host allows ports 80 and 443 only, so an allowed host never
       * opens Redis or any other local service on another port.
       */
      allowHosts: z.array(AllowHost).default([]),
      perHostConcurrency: z.number().int().positive().default(2),
      perHostPerMinute: z.number().int().positive().default(60),
      attempts: z.number().int().positive().default(5),
    })
    .prefault({}),
  /** URL path patterns (regular expressions) that are not articles: recorded and skipped. */
  skipUrlPatterns: z
    .array(z.string())
    .default([
      '/video/',
      '/videos/',
      '/gallery/',
      '/galleries/',
      '/podcasts?/',
      '/liveblog/',
      '/live-?blog',
      '/program/',
      '/photos?/',
      '/audio/',
    ]),
  retention: z
    .strictObject({
      rawHtmlMs: ms.default(7 * 86_400_000),
      completedJobs: z.number().int().nonnegative().default(1000),
      failedJobs: z.number().int().nonnegative().default(5000),
      eventsMaxLen: z.number().int().positive().default(10_000),
    })
    .prefault({}),
  /**
   * The claim archive: claims not updated for `idleMs` leave Redis for gzip JSON Lines files in
   * `dir` (`quotecheck archive`), which `export` still reads. No `dir`, no archive: every claim
   * stays in Redis. On several machines `dir` must be one shared volume.
   */
  archive: z
    .strictObject({
      dir: z.string().min(1).optional(),
      idleMs: ms.default(30 * 86_400_000),
      /** How often each `run` process with the verify role sweeps (once at start, then this often). */
      sweepEveryMs: ms.default(3_600_000),
    })
    .prefault({}),
  /**
   * Hash tags the claim store spreads over. 1 (the default) keeps every claim key in one slot;
   * on a Redis Cluster, more (e.g. 16, above the node count so slots can move as it grows) lets
   * the nodes share the claim store. Fixed when a store is created: every process on one prefix
   * must use the same number (a different one is refused).
   */
  claimPartitions: z.number().int().min(1).max(1024).default(1),
  concurrency: z
    .strictObject({
      poll: z.number().int().positive().default(4),
      fetch: z.number().int().positive().default(8),
      extract: z.number().int().positive().default(2),
      verify: z.number().int().positive().default(4),
    })
    .prefault({}),
  /**
   * Worker threads one process extracts pages in (`concurrency.extract` pages may be in hand, the
   * rest wait for a thread). Unset: the extract package's default, one thread, because each thread
   * warms up its own compiled code (see `DEFAULT_EXTRACT_THREADS`). Raise it on a machine with idle
   * cores that runs few processes.
   */
  extractThreads: z.number().int().positive().optional(),
  /**
   * How far a worker process's V8 heap may grow past what a full collection left before the next
   * one starts, in percent (V8's `--heap-growing-percent`; 300: four times the live heap), or 0 for
   * V8's own choice. Why: a fetch-and-extract process keeps a ~28 MB live heap, and V8 grew it by
   * only 1.3-1.4x, so it ran 26-56 full collections per 1,000 articles (`bench:pipeline --worker-flags=--trace-gc`);
   * at 300, 11, and worker CPU per article fell from 38.7, 39.0, 32.7 to 35.5, 35.0, 31.8 ms in
   * alternated runs, for 20-50 MB more peak RSS. One-shot commands keep V8's default.
   */
  workerHeapGrowingPercent: z.number().int().min(0).max(1000).default(300),
  /** Ingest pauses enqueueing while the extract queue holds more than this many waiting jobs. */
  maxExtractBacklog: z.number().int().positive().default(5000),
  /**
   * Ingest pauses enqueueing while the fetch queue holds more than this many waiting jobs: a feed
   * of 100,000 items must not turn into 100,000 fetch jobs in one poll.
   */
  maxFetchBacklog: z.number().int().positive().default(5000),
  /**
   * New items one poll of one feed may enqueue, newest first; the rest wait for the next poll
   * (they are not marked seen). Real feeds carry 10-100 items; 500 covers a backfill.
   */
  maxNewItemsPerPoll: z.number().int().positive().default(500),
  /** Seconds a shutdown waits for in-flight jobs before cancelling them. */
  drainTimeoutMs: ms.default(20_000),
});

/**
 * The validated configuration. `redisCluster` is resolved (several URLs imply it), and the seed
 * URLs of a cluster must agree on scheme and credentials: one set of connection options serves
 * every node the cluster announces.
 */
export const Config = ConfigFields.transform((c, ctx) => {
  const urls = redisUrlList(c.redisUrl);
  const redisCluster = c.redisCluster ?? urls.length > 1;
  if (!redisCluster && urls.length > 1) {
    ctx.addIssue({
      code: 'custom',
      path: ['redisCluster'],
      message: 'several URLs in redisUrl are the seed nodes of a Redis Cluster: set redisCluster to true, or give one URL',
    });
    return z.NEVER;
  }
  if (redisCluster) {
    const parsed = urls.map((u) => new URL(u));
    const first = parsed[0] as URL;
    if (parsed.some((u) => u.protocol !== first.protocol || u.username !== first.username || u.password !== first.password)) {
      ctx.addIssue({
        code: 'custom',
        path: ['redisUrl'],
        message: 'the seed nodes of a Redis Cluster take one scheme, user and password: give every URL the same ones',
      });
      return z.NEVER;
    }
    if (parsed.some((u) => u.pathname !== '' && u.pathname !== '/' && u.pathname !== '/0')) {
      ctx.addIssue({
        code: 'custom',
        path: ['redisUrl'],
        message: 'a Redis Cluster has database 0 only: remove the /N database from the URLs',
      });
      return z.NEVER;
    }
  }
  return { ...c, redisCluster };
});
export type Config = z.infer<typeof Config>;
export type ConfigInput = z.input<typeof Config>;

function envOverrides(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  if (env.REDIS_URL) o.redisUrl = env.REDIS_URL;
  if (env.QUOTECHECK_REDIS_CLUSTER) o.redisCluster = envFlag(env.QUOTECHECK_REDIS_CLUSTER);
  // An empty QUOTECHECK_PREFIX is passed on (and refused), never silently replaced by the default.
  if (env.QUOTECHECK_PREFIX !== undefined) o.prefix = env.QUOTECHECK_PREFIX;
  if (env.LOG_LEVEL) o.logLevel = env.LOG_LEVEL;
  if (env.QUOTECHECK_CLAIM_PARTITIONS) o.claimPartitions = Number(env.QUOTECHECK_CLAIM_PARTITIONS);
  const fetch: Record<string, unknown> = {};
  if (env.QUOTECHECK_ALLOW_HOSTS)
    fetch.allowHosts = env.QUOTECHECK_ALLOW_HOSTS.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  if (env.QUOTECHECK_FETCH_TIMEOUT) fetch.timeoutMs = env.QUOTECHECK_FETCH_TIMEOUT;
  if (Object.keys(fetch).length) o.fetch = fetch;
  return o;
}

/** `1`/`true`/`yes`/`on` and `0`/`false`/`no`/`off` as booleans; anything else is passed on, and refused by the schema. */
function envFlag(v: string): boolean | string {
  const t = v.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(t)) return true;
  if (['0', 'false', 'no', 'off'].includes(t)) return false;
  return v;
}

/**
 * Why a prefix cannot serve a Redis Cluster, or null. A `{...}` in the prefix would be the hash
 * tag of every key (Redis hashes the first one), pinning queues, articles and claims to one slot.
 */
export function clusterPrefixProblem(config: Pick<Config, 'prefix' | 'redisCluster'>): string | null {
  if (!config.redisCluster || !/[{}]/.test(config.prefix)) return null;
  const plain = config.prefix.replace(/[{}]/g, '') || 'qc';
  return `prefix "${config.prefix}" holds a hash tag, which puts every key in one slot of the Redis Cluster: set QUOTECHECK_PREFIX=${plain} (quotecheck tags each queue and store itself)`;
}

function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] =
      b && v && typeof b === 'object' && typeof v === 'object' && !Array.isArray(b) && !Array.isArray(v)
        ? merge(b as Record<string, unknown>, v as Record<string, unknown>)
        : v;
  }
  return out;
}

export interface LoadConfigOptions {
  /** Path of the JSON config; default `quotecheck.config.json` in the working directory, or `QUOTECHECK_CONFIG`. */
  file?: string;
  env?: NodeJS.ProcessEnv;
  /** Values that win over file and environment (used by tests and flags). */
  overrides?: ConfigInput;
}

/**
 * Loads config from the optional JSON file, then environment variables, then explicit overrides,
 * and validates it. A bad value throws a {@link ConfigError} naming the field.
 */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const env = options.env ?? process.env;
  const explicit = options.file ?? env.QUOTECHECK_CONFIG;
  const file = resolve(explicit ?? 'quotecheck.config.json');
  let fromFile: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      fromFile = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new ConfigError(`${file} is not valid JSON (${(e as Error).message}): fix the file or remove it`);
    }
  } else if (explicit) {
    throw new ConfigError(`config file ${file} does not exist: check QUOTECHECK_CONFIG or --config`);
  }
  const raw = merge(merge(fromFile, envOverrides(env)), (options.overrides ?? {}) as Record<string, unknown>);
  const parsed = Config.safeParse(raw);
  if (!parsed.success) {
    const where = existsSync(file) ? file : 'the environment';
    throw new ConfigError(`invalid configuration in ${where}:\n${z.prettifyError(parsed.error)}`);
  }
  const refused = clusterPrefixProblem(parsed.data);
  if (refused) throw new ConfigError(refused);
  return parsed.data;
}
