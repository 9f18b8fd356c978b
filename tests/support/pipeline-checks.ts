/**
 * What the fault tests assert about a finished pipeline run: queues idle, every article stored
 * once, and the claim store holding exactly the occurrences a clean in-memory verification of the
 * stored articles produces (none lost, none twice).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ArticleStore, type Attribution, type ConfigInput, createRedis, Keys, type Redis, type Span } from '@quotecheck/shared';
import { articleInput, MemoryClaimStore, Verifier } from '@quotecheck/verify';
import { Queue } from 'bullmq';
import { expect } from 'vitest';
import { runCli, startCli, until } from './cli.js';
import { purgePrefix } from './redis-keys.js';

/** `quotecheck <args>` as one process: a signal reaches the process that holds the jobs. */
export const startWorkerProcess = startCli;

/** Writes `quotecheck.config.json` in `dir` and returns its path (for `QUOTECHECK_CONFIG`). */
export async function writeConfig(dir: string, config: ConfigInput): Promise<string> {
  const file = join(dir, 'quotecheck.config.json');
  await writeFile(file, JSON.stringify(config, null, 2));
  return file;
}

/**
 * A config for runs over one local host: politeness raised (every page comes from 127.0.0.1),
 * short retry backoffs come from the catalog. Nothing is allowlisted here: pass the fixture
 * server's exact `127.0.0.1:<port>` in `extra.fetch.allowHosts`.
 */
export function localRunConfig(redisUrl: string, prefix: string, extra: Partial<ConfigInput> = {}): ConfigInput {
  return {
    redisUrl,
    prefix,
    logLevel: 'info',
    feeds: [],
    ...extra,
    fetch: { perHostConcurrency: 8, perHostPerMinute: 100_000, ...extra.fetch },
  };
}

export type Counts = Record<'waiting' | 'active' | 'delayed' | 'prioritized' | 'completed' | 'failed', number>;

/** True when none of the fetch, extract and verify queues holds work still to do (job counts by queue name). */
export function workQueuesIdle(queues: Record<string, Partial<Counts> | undefined>): boolean {
  return ['fetch', 'extract', 'verify'].every((q) => {
    const c = queues[q] ?? {};
    return (c.waiting ?? 0) + (c.active ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0) === 0;
  });
}

/**
 * True when a run (seen through `quotecheck status --json`) has stored `articles` articles,
 * verified at least that many, and has no fetch, extract or verify work left.
 */
export function pipelineSettled(
  status: { articles: number; queues: Record<string, Partial<Counts> | undefined> },
  articles: number,
): boolean {
  return status.articles === articles && workQueuesIdle(status.queues) && (status.queues.verify?.completed ?? 0) >= articles;
}

/** Read-only views of a prefix's queues and stores, on a connection of its own. */
export class PipelineProbe {
  readonly redis: Redis;
  readonly keys: Keys;
  readonly queues: Record<'poll' | 'fetch' | 'extract' | 'verify', Queue>;

  constructor(redisUrl: string, prefix: string) {
    // worker kind: commands wait through a Redis restart instead of failing
    this.redis = createRedis(redisUrl, 'worker');
    this.redis.on('error', () => {});
    this.keys = new Keys(prefix);
    const q = (name: string) => {
      const queue = new Queue(name, { connection: this.redis, prefix });
      queue.on('error', () => {});
      return queue;
    };
    this.queues = { poll: q('poll'), fetch: q('fetch'), extract: q('extract'), verify: q('verify') };
  }

  async counts(queue: keyof PipelineProbe['queues']): Promise<Counts> {
    return (await this.queues[queue].getJobCounts(
      'waiting',
      'active',
      'delayed',
      'prioritized',
      'completed',
      'failed',
    )) as Counts;
  }

  async articleCount(): Promise<number> {
    return this.redis.zcard(this.keys.articles);
  }

  /** True when fetch, extract and verify hold no waiting, active, delayed or prioritized job. */
  async idle(): Promise<boolean> {
    const [fetch, extract, verify] = await Promise.all([this.counts('fetch'), this.counts('extract'), this.counts('verify')]);
    return workQueuesIdle({ fetch, extract, verify });
  }

  /** Waits until `n` articles are stored and the pipeline is idle. */
  async waitDone(n: number, timeoutMs: number): Promise<void> {
    await until(async () => (await this.articleCount()) >= n && (await this.idle()), timeoutMs, 500);
  }

  /** Deletes every key of the prefix. */
  async purge(): Promise<void> {
    await purgePrefix(this.redis, this.keys.prefix);
  }

  async close(): Promise<void> {
    await Promise.allSettled(Object.values(this.queues).map((q) => q.close()));
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** What {@link auditStore} found. */
export interface StoreAudit {
  articles: number;
  /** Occurrences in the exported claims. */
  exported: number;
  /** Occurrence keys (`articleId:start:end`) the export holds more than once. */
  duplicates: string[];
  /** Occurrences a clean verification of the stored articles has and the export lacks. */
  missing: string[];
  /** Occurrences the export has and a clean verification does not. */
  extra: string[];
  /** Stored articles with attributions that no exported occurrence points to. */
  unverifiedArticles: string[];
}

/**
 * Compares the claim store, read through `quotecheck export`, with a fresh in-memory
 * verification of every stored article: the occurrence sets must be equal and duplicate-free.
 */
export async function auditStore(probe: PipelineProbe, env: NodeJS.ProcessEnv): Promise<StoreAudit> {
  const store = new ArticleStore(probe.redis, probe.keys);
  const ids = await store.ids();
  const mem = new MemoryClaimStore();
  const memory = new Verifier(mem);
  const expected = new Set<string>();
  const withQuotes = new Set<string>();
  for (const id of ids) {
    const a = await store.get(id);
    if (!a) continue;
    const r = await memory.addArticle(articleInput(a));
    if (r.quotes > 0) withQuotes.add(a.id);
  }
  for (const claim of mem.all()) for (const o of claim.occurrences) expected.add(`${o.articleId}:${o.start}:${o.end}`);

  const r = await runCli(['export', '--format', 'jsonl'], env);
  if (r.code !== 0) throw new Error(`quotecheck export failed (${r.code}): ${r.stderr}`);
  const seen = new Map<string, number>();
  const articlesExported = new Set<string>();
  for (const line of r.stdout.split('\n')) {
    if (!line) continue;
    const claim = JSON.parse(line) as { occurrences: { articleId?: string; start: number; end: number; url?: string }[] };
    for (const o of claim.occurrences) {
      const key = `${o.articleId}:${o.start}:${o.end}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      if (o.articleId) articlesExported.add(o.articleId);
    }
  }
  return {
    articles: ids.length,
    exported: [...seen.values()].reduce((a, b) => a + b, 0),
    duplicates: [...seen].filter(([, n]) => n > 1).map(([k]) => k),
    missing: [...expected].filter((k) => !seen.has(k)),
    extra: [...seen.keys()].filter((k) => !expected.has(k)),
    unverifiedArticles: [...withQuotes].filter((id) => !articlesExported.has(id)),
  };
}

/** Every problem with the spans of `atts` over `text`; empty when all hold. */
export function spanProblems(text: string, atts: Attribution[]): string[] {
  const out: string[] = [];
  const check = (what: string, i: number, s: Span | null | undefined) => {
    if (!s) return;
    if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= text.length))
      out.push(`#${i} ${what} [${s.start}, ${s.end}) outside [0, ${text.length}]`);
    else if (text.slice(s.start, s.end) !== s.text) out.push(`#${i} ${what} text ${JSON.stringify(s.text)} is not the slice`);
  };
  atts.forEach((a, i) => {
    check('content', i, a.content);
    check('cue', i, a.cue);
    check('source', i, a.source);
    check('reportedBy.source', i, a.reportedBy?.source);
  });
  return out;
}

/**
 * Asserts a finished run left the store whole: every article stored and verified, each
 * occurrence in the claim store exactly once, nothing missing and nothing extra.
 */
export async function expectStoreIntact(probe: PipelineProbe, env: NodeJS.ProcessEnv, articles: number): Promise<StoreAudit> {
  const audit = await auditStore(probe, env);
  expect(audit.articles).toBe(articles);
  expect(audit.duplicates).toEqual([]);
  expect(audit.missing).toEqual([]);
  expect(audit.extra).toEqual([]);
  expect(audit.unverifiedArticles).toEqual([]);
  return audit;
}
