/**
 * End-to-end pipeline throughput: `quotecheck run` worker processes (every role) against the
 * local Redis, polling generated feeds of 500 items on the local fixture server that link N real
 * corpus article pages under distinct URLs. Measures, per worker count:
 *
 * - articles/s from the first `feed.polled` to the last `article.verified` (log timestamps);
 * - peak RSS of each worker process (VmHWM in /proc/<pid>/status);
 * - Redis memory of the prefix: MEMORY USAGE summed per key family (stored articles, raw pages,
 *   claim store, queues) per stored article and per quote, and the INFO used_memory delta;
 *
 * and, in the same run, the bare in-process throughput over the same pages (articleFromHtml +
 * extractAttributions + Verifier on a MemoryClaimStore, no Redis, no queues). The ratio of the
 * two is what the queues, the stores and fetching cost.
 *
 *   pnpm bench:pipeline [-- --n 1000 --workers 1,2]   (--workers 0: bare throughput only)
 *   pnpm bench:pipeline -- --n 1000 --workers 0 --store-profile   (the claim store's cost per article)
 *   pnpm bench:pipeline -- --n 1000 --workers 1,2 --extract-threads 2   (extraction threads per process)
 *   pnpm bench:pipeline -- --n 1000 --workers 2 --repeat 5   (the median ratio of 5 rounds)
 *   pnpm bench:pipeline -- --n 1000 --workers 2 --timeline   (articles per stage, second by second)
 *   pnpm bench:pipeline -- --n 1000 --workers 2 "--worker-flags=--trace-opt --trace-deopt" --worker-stdout /tmp/w   (the value after "=": it starts with a dash)
 *
 * Each worker process's CPU is also given by thread (the main thread, then the busiest others: the
 * extraction thread and V8's compiler and GC helpers) with its minor page faults, which cost
 * microseconds each on a virtual machine.
 *
 * The workers run the built CLI (packages/cli/dist, rebuilt first: `node scripts/build.mjs
 * --cli-only`, about a second), as `pnpm start`, the installed `quotecheck` and the Docker image
 * do; `--from-source` runs the TypeScript sources through tsx instead, which costs each process
 * about 1.5 s more CPU at start and each extraction thread a TypeScript loader.
 *
 * Politeness is raised in the config (one host serves every page). Each run uses its own key
 * prefix and deletes it at the end.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { openSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { articleFromHtml, extractAttributions } from '../packages/extract/src/index.js';
import { FeedRegistry } from '../packages/ingest/src/index.js';
import { type ConfigInput, createRedis, Keys, loadConfig, type Redis } from '../packages/shared/src/index.js';
import {
  type ArticleInput,
  type ClaimStore,
  type ClaimTx,
  MemoryClaimStore,
  RedisClaimStore,
  Verifier,
} from '../packages/verify/src/index.js';
import { FixtureServer, REPO_ROOT } from '../tests/support/fixture-server.js';
import { type KeyMemory, memoryByKind, purgePrefix, usedMemory } from '../tests/support/redis-keys.js';
import { storedInput } from './stored-input.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '1000' },
    workers: { type: 'string', default: '1,2' },
    'per-feed': { type: 'string', default: '500' },
    timeout: { type: 'string', default: '1800' },
    // per-process job concurrency by role, e.g. `verify=1,extract=1` (default: the config's)
    concurrency: { type: 'string' },
    // extraction threads per worker process (config `extractThreads`; default: the extract package's)
    'extract-threads': { type: 'string' },
    // roles of each worker process, separated by '/', e.g. `ingest,fetch,extract/verify` (default: every role in each)
    roles: { type: 'string' },
    // run the workers from the TypeScript sources through tsx instead of the built CLI
    'from-source': { type: 'boolean', default: false },
    // write a V8 CPU profile of each worker process into this directory (where the time goes)
    'cpu-prof': { type: 'string' },
    // extra node/V8 flags for each worker process, e.g. "--trace-opt --trace-deopt"
    'worker-flags': { type: 'string' },
    // write each worker process's stdout (where V8 traces go) to <this path>.<n>
    'worker-stdout': { type: 'string' },
    // measure this many rounds (pipeline runs, then bare, each round in a fresh process) and
    // report the median ratio: on a shared machine one round's ratio moves by 10-20 points
    repeat: { type: 'string', default: '1' },
    // also verify the extracted pages in-process on a RedisClaimStore against a MemoryClaimStore:
    // time, client commands, bytes sent and read rounds per article (where the store's cost goes)
    'store-profile': { type: 'boolean', default: false },
    // print, per second of the run, the articles fetched, extracted and verified and the backlogs
    // between the stages (where the time goes: e.g. fetching crowding out extraction)
    timeline: { type: 'boolean', default: false },
  },
  allowPositionals: true,
  // `pnpm bench:pipeline -- --n 100` passes the "--" through
  args: process.argv.slice(2).filter((a) => a !== '--'),
});
const N = Number(values.n);
// `--workers 0` measures only the bare in-process throughput
const WORKER_COUNTS = String(values.workers)
  .split(',')
  .map(Number)
  .filter((w) => w > 0);
const PER_FEED = Number(values['per-feed']);
const ROLES = values.roles ? values.roles.split('/') : null;
const CONCURRENCY = values.concurrency
  ? Object.fromEntries(values.concurrency.split(',').map((kv) => [kv.split('=')[0]!, Number(kv.split('=')[1])]))
  : null;
const TIMEOUT_MS = Number(values.timeout) * 1000;
const REPEAT = Math.max(1, Number(values.repeat));
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const MAIN = resolve(REPO_ROOT, 'packages/cli/src/main.ts');
const BUILT = resolve(REPO_ROOT, 'packages/cli/dist/main.js');
const FROM_SOURCE = values['from-source'] === true;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fmt = (n: number, d = 1) => n.toFixed(d);
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024)} MB`;
const kb = (bytes: number) => `${fmt(bytes / 1024)} KB`;

interface LogLine {
  time: string;
  event?: string;
  articleId?: string;
  quotes?: number;
  ms?: number;
  attempts?: number;
}

const EVENTS = ['feed.polled', 'article.fetched', 'article.extracted', 'article.verified'];

/** Per second from `first` (ms), how many lines of each of `events` fell in it (three events). */
function perSecond(lines: readonly LogLine[], first: number, events: readonly string[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const l of lines) {
    const e = events.indexOf(l.event ?? '');
    if (e < 0) continue;
    const s = Math.max(0, Math.floor((Date.parse(l.time) - first) / 1000));
    while (out.length <= s) out.push([0, 0, 0]);
    out[s]![e]!++;
  }
  return out;
}

function printTimeline(rows: readonly [number, number, number][]): void {
  console.log('  second  fetched  extracted  verified  | waiting to extract  to verify');
  const total = [0, 0, 0];
  rows.forEach((row, s) => {
    row.forEach((n, i) => {
      total[i]! += n;
    });
    const cols = row.map((n) => String(n).padStart(9)).join(' ');
    console.log(
      `  ${String(s).padStart(6)} ${cols}  | ${String(total[0]! - total[1]!).padStart(18)} ${String(total[1]! - total[2]!).padStart(10)}`,
    );
  });
}

function readLog(file: string): LogLine[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: LogLine[] = [];
  for (const l of text.split('\n')) {
    if (!EVENTS.some((e) => l.includes(`"event":"${e}"`))) continue;
    try {
      out.push(JSON.parse(l) as LogLine);
    } catch {
      // a line cut by a concurrent write
    }
  }
  return out;
}

/** VmHWM (peak resident set) of a live process, in bytes. */
function peakRss(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

/** The fields after the parenthesised command name of a `/proc/.../stat` file. */
function statFields(path: string): string[] {
  return readFileSync(path, 'utf8').split(') ')[1]!.split(' ');
}

/** CPU seconds (user + system, the 12th and 13th fields) in a process's or a thread's stat fields. */
function cpuOfStat(fields: string[]): number {
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds (user + system) a live process has used so far. */
function cpuSeconds(pid: number): number {
  return cpuOfStat(statFields(`/proc/${pid}/stat`));
}

/**
 * CPU seconds of each thread of a live process: the main thread first, then the others (the
 * extraction threads, V8's compiler and GC helpers, libuv's pool), most first.
 */
function threadCpuSeconds(pid: number): number[] {
  const of = (tid: string) => cpuOfStat(statFields(`/proc/${pid}/task/${tid}/stat`));
  const others = readdirSync(`/proc/${pid}/task`).filter((t) => t !== String(pid));
  return [of(String(pid)), ...others.map(of).sort((a, b) => b - a)];
}

/** Minor page faults a live process has taken so far (each costs microseconds on a virtual machine). */
function minorFaults(pid: number): number {
  return Number(statFields(`/proc/${pid}/stat`)[7]);
}

/** CPU seconds the Redis server has used so far. */
async function redisCpu(redis: Redis): Promise<number> {
  const info = await redis.info('cpu');
  const get = (f: string) => Number(new RegExp(`${f}:([\\d.]+)`).exec(info)?.[1] ?? 0);
  return get('used_cpu_user') + get('used_cpu_sys');
}

/** MEMORY USAGE summed over the prefix's keys, by family. */
async function prefixMemory(redis: Redis, prefix: string): Promise<Record<string, KeyMemory>> {
  const families: [string, RegExp][] = [
    ['articles', new RegExp(`^${escapeRe(prefix)}:article(s|:)`)],
    ['raw pages', new RegExp(`^${escapeRe(prefix)}:raw:`)],
    ['claim store', new RegExp(`^${escapeRe(prefix)}:\\{claims\\}:`)],
    ['seen/feeds/politeness', new RegExp(`^${escapeRe(prefix)}:(seen|skipped|feeds|feed-polls|http-cache|polite)`)],
    ['queues', new RegExp(`^${escapeRe(prefix)}:(poll|fetch|extract|verify):`)],
  ];
  const got = await memoryByKind(redis, prefix, (k) => families.find(([, re]) => re.test(k))?.[0] ?? 'other');
  // in the families' order, for the report
  return Object.fromEntries([...families.map(([name]) => name), 'other'].map((n) => [n, got[n] ?? { keys: 0, bytes: 0 }]));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Worker processes started so far (numbers their `--worker-stdout` files). */
let spawned = 0;

function startWorker(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  // one process (node, with tsx's loader from source), so its pid is the worker's own for /proc sampling
  const prof = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values['cpu-prof'])}`] : [];
  const entry = FROM_SOURCE ? ['--import', 'tsx', MAIN] : [BUILT];
  const flags = values['worker-flags'] ? values['worker-flags'].split(/\s+/).filter(Boolean) : [];
  const out = values['worker-stdout'] ? openSync(`${resolve(values['worker-stdout'])}.${spawned++}`, 'w') : 'ignore';
  return spawn(process.execPath, [...prof, ...flags, ...entry, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, 'pipe'],
  });
}

interface PipelineResult {
  workers: number;
  /** Seconds from the first poll to the last event of each stage. */
  stages: Record<'fetched' | 'extracted' | 'verified', number>;
  /** Per second from the first poll: articles fetched, extracted and verified in it. */
  timeline: [number, number, number][];
  /** Mean processing time per article in the extract and verify processors (ms). */
  meanMs: { extract: number; verify: number };
  /** Verify transactions rerun because a concurrent writer changed what they read. */
  reruns: number;
  seconds: number;
  articlesPerSec: number;
  stored: number;
  quotes: number;
  rss: number[];
  /** CPU seconds used during the run: each worker process, Redis, and this process (the fixture server). */
  cpu: { workers: number[]; redis: number; server: number };
  /** CPU seconds of each worker process's threads: main thread first, then the others, most first. */
  threads: number[][];
  /** Minor page faults of each worker process. */
  faults: number[];
  /**
   * Worker CPU seconds per article from the moment half the articles were stored to the end. By
   * then every page is fetched (fetching runs ahead) and the code is compiled, so this is what
   * extraction and verification cost per article, without start-up, fetching and most of the JIT
   * warm-up.
   */
  secondHalf: { workers: number[]; articles: number };
  usedDelta: number;
  families: Record<string, { keys: number; bytes: number }>;
}

async function pipelineRun(server: FixtureServer, workers: number): Promise<PipelineResult> {
  const prefix = `qc-bench-pipeline-${randomBytes(4).toString('hex')}`;
  const dir = await mkdtemp(join(tmpdir(), 'qc-bench-pipeline-'));
  const configInput: ConfigInput = {
    redisUrl: REDIS_URL,
    prefix,
    logLevel: 'info',
    feeds: [],
    fetch: { allowHosts: [new URL(server.origin).host], perHostConcurrency: 64, perHostPerMinute: 10_000_000 },
    maxExtractBacklog: Math.max(5000, N),
    ...(CONCURRENCY ? { concurrency: CONCURRENCY } : {}),
    ...(values['extract-threads'] ? { extractThreads: Number(values['extract-threads']) } : {}),
  };
  const configFile = join(dir, 'quotecheck.config.json');
  await writeFile(configFile, JSON.stringify(configInput));
  const config = loadConfig({ file: configFile, env: {} });
  const redis = createRedis(REDIS_URL);
  const keys = new Keys(prefix);
  const children: ChildProcess[] = [];
  // Ctrl-C (or a timeout from outside) still stops the workers and deletes the prefix
  const interrupted = () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    void purgePrefix(redis, prefix).finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const registry = new FeedRegistry(redis, keys, config);
    const seed = `bench${randomBytes(3).toString('hex')}`;
    for (let offset = 0; offset < N; offset += PER_FEED) {
      await registry.add(server.url(`/gen/feed.xml?n=${Math.min(PER_FEED, N - offset)}&offset=${offset}&seed=${seed}`), 2_000);
    }
    const usedBefore = await usedMemory(redis);
    const redisCpuBefore = await redisCpu(redis);
    const ownCpuBefore = process.cpuUsage();
    const env = { QUOTECHECK_CONFIG: configFile, REDIS_URL, QUOTECHECK_PREFIX: prefix };
    const logs: string[] = [];
    for (let w = 0; w < workers; w++) {
      const log = join(dir, `worker-${w}.log`);
      logs.push(log);
      const role = ROLES?.[w] ? ['--role', ROLES[w]!] : [];
      const child = startWorker(['run', ...role, '--log-file', log], env);
      let stderr = '';
      child.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-2000)));
      child.once('exit', (code) => {
        if (code !== 0 && code !== null) console.error(`worker ${w} exited ${code}: ${stderr}`);
      });
      children.push(child);
    }

    const deadline = Date.now() + TIMEOUT_MS;
    const started = Date.now();
    let lastReport = 0;
    let half: { workers: number[]; stored: number } | null = null;
    for (;;) {
      const stored = await redis.zcard(keys.articles);
      if (!half && stored >= N / 2) half = { workers: children.map((c) => cpuSeconds(c.pid as number)), stored };
      if (stored >= N && (await idle(redis, prefix))) break;
      if (Date.now() > deadline)
        throw new Error(`pipeline did not finish ${N} articles in ${TIMEOUT_MS / 1000} s (${stored} stored)`);
      if (Date.now() - lastReport > 15_000) {
        lastReport = Date.now();
        process.stderr.write(
          `  ${workers} worker(s): ${stored}/${N} stored after ${Math.round((Date.now() - started) / 1000)} s\n`,
        );
      }
      await sleep(500);
    }
    const rss = children.map((c) => peakRss(c.pid as number));
    const threads = children.map((c) => threadCpuSeconds(c.pid as number));
    const faults = children.map((c) => minorFaults(c.pid as number));
    const ownCpu = process.cpuUsage(ownCpuBefore);
    const cpu = {
      workers: children.map((c) => cpuSeconds(c.pid as number)),
      redis: (await redisCpu(redis)) - redisCpuBefore,
      server: (ownCpu.user + ownCpu.system) / 1e6,
    };
    const secondHalf = {
      workers: cpu.workers.map((s, w) => (half ? (s - half.workers[w]!) / (N - half.stored) : Number.NaN)),
      articles: half ? N - half.stored : 0,
    };
    const families = await prefixMemory(redis, prefix);
    const usedDelta = (await usedMemory(redis)) - usedBefore;

    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));

    const lines = logs.flatMap(readLog);
    const polls = lines.filter((l) => l.event === 'feed.polled').map((l) => Date.parse(l.time));
    const verified = lines.filter((l) => l.event === 'article.verified');
    const first = Math.min(...polls);
    const last = Math.max(...verified.map((l) => Date.parse(l.time)));
    const quotesByArticle = new Map<string, number>();
    for (const v of verified) quotesByArticle.set(v.articleId ?? '', v.quotes ?? 0);
    const quotes = [...quotesByArticle.values()].reduce((a, b) => a + b, 0);
    const seconds = (last - first) / 1000;
    const lastOf = (event: string) =>
      (Math.max(...lines.filter((l) => l.event === event).map((l) => Date.parse(l.time))) - first) / 1000;
    const meanOf = (event: string) => {
      const xs = lines.filter((l) => l.event === event).map((l) => l.ms ?? 0);
      return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    };
    return {
      workers,
      stages: {
        fetched: lastOf('article.fetched'),
        extracted: lastOf('article.extracted'),
        verified: lastOf('article.verified'),
      },
      timeline: perSecond(lines, first, ['article.fetched', 'article.extracted', 'article.verified']),
      meanMs: { extract: meanOf('article.extracted'), verify: meanOf('article.verified') },
      reruns: verified.reduce((n, l) => n + Math.max(0, (l.attempts ?? 1) - 1), 0),
      seconds,
      articlesPerSec: N / seconds,
      stored: await redis.zcard(keys.articles),
      quotes,
      rss,
      cpu,
      threads,
      faults,
      secondHalf,
      usedDelta,
      families,
    };
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await purgePrefix(redis, prefix);
    await redis.quit();
    await rm(dir, { recursive: true, force: true });
  }
}

async function idle(redis: Redis, prefix: string): Promise<boolean> {
  for (const q of ['fetch', 'extract', 'verify']) {
    const p = redis.pipeline();
    p.llen(`${prefix}:${q}:wait`);
    p.llen(`${prefix}:${q}:active`);
    p.zcard(`${prefix}:${q}:delayed`);
    p.zcard(`${prefix}:${q}:prioritized`);
    const r = (await p.exec()) ?? [];
    if (r.some(([, n]) => Number(n) > 0)) return false;
  }
  return true;
}

/** A page extracted as the extract worker does and stored as fetched now, as verification reads it. */
function extractedInput(url: string, html: Uint8Array): ArticleInput {
  const article = articleFromHtml(html, { url, contentType: 'text/html; charset=utf-8' });
  return storedInput(article, extractAttributions(article), url, new Date().toISOString());
}

/** articleFromHtml + extractAttributions + Verifier over the same N pages, in this process. */
async function bareRun(server: FixtureServer): Promise<{
  seconds: number;
  articlesPerSec: number;
  quotes: number;
  extractS: number;
  verifyS: number;
  cpuS: number;
  /** CPU seconds per article over the second half of the articles (see PipelineResult.secondHalf). */
  secondHalfCpuS: number;
  /** Minor page faults of this process over the run. */
  faults: number;
}> {
  const pages: Uint8Array[] = [];
  for (let k = 0; k < server.pageCount; k++) {
    const res = await fetch(server.url(`/page/${k}.html`));
    pages.push(new Uint8Array(await res.arrayBuffer()));
  }
  const verifier = new Verifier(new MemoryClaimStore());
  let quotes = 0;
  let extractMs = 0;
  const cpuBefore = process.cpuUsage();
  const faultsBefore = process.resourceUsage().minorPageFault;
  const started = performance.now();
  let cpuHalf: NodeJS.CpuUsage | null = null;
  for (let k = 0; k < N; k++) {
    if (k === Math.ceil(N / 2)) cpuHalf = process.cpuUsage();
    const url = server.url(`/page/bare-${k}.html`);
    const t0 = performance.now();
    const input = extractedInput(url, pages[k % pages.length]!);
    extractMs += performance.now() - t0;
    quotes += (await verifier.addArticle(input)).quotes;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const second = cpuHalf ? process.cpuUsage(cpuHalf) : null;
  return {
    seconds,
    articlesPerSec: N / seconds,
    quotes,
    extractS: extractMs / 1000,
    verifyS: seconds - extractMs / 1000,
    cpuS: (cpu.user + cpu.system) / 1e6,
    faults: process.resourceUsage().minorPageFault - faultsBefore,
    secondHalfCpuS: second ? (second.user + second.system) / 1e6 / (N - Math.ceil(N / 2)) : Number.NaN,
  };
}

/**
 * The claim store's cost per article, in one process with no queues: the same extracted articles
 * verified on a MemoryClaimStore, then on a RedisClaimStore (own prefix), sequentially. Counts the
 * commands the store's connections send (by name) and their argument bytes, the transaction's
 * read calls by method, and its read rounds (reads issued in one macrotask share a round trip).
 */
async function storeProfile(server: FixtureServer): Promise<void> {
  const pages: Uint8Array[] = [];
  // A kept-alive socket the fixture server closed during the bare run may reset: retry once.
  const get = (k: number) => fetch(server.url(`/page/${k}.html`)).then((r) => r.arrayBuffer());
  for (let k = 0; k < server.pageCount; k++) pages.push(new Uint8Array(await get(k).catch(() => get(k))));
  const inputs: ArticleInput[] = [];
  for (let k = 0; k < N; k++) {
    const url = server.url(`/page/profile-${k}.html`);
    inputs.push(extractedInput(url, pages[k % pages.length]!));
  }
  const time = async (store: ClaimStore) => {
    const v = new Verifier(store);
    const cpu = process.cpuUsage();
    const t = performance.now();
    let attempts = 0;
    for (const a of inputs) attempts += (await v.addArticle(a)).attempts;
    const c = process.cpuUsage(cpu);
    return { ms: (performance.now() - t) / N, cpuMs: (c.user + c.system) / 1000 / N, reruns: attempts - N };
  };
  const mem = await time(new MemoryClaimStore());
  const prefix = `qc-bench-store-${process.pid}-${randomBytes(3).toString('hex')}`;
  const redis = createRedis(REDIS_URL);
  const commands = new Map<string, number>();
  let sentBytes = 0;
  let sentArgs = 0;
  // Count what the store's own connections (duplicates of `redis`) send.
  const duplicate = redis.duplicate.bind(redis);
  redis.duplicate = ((...args: Parameters<Redis['duplicate']>) => {
    const d = duplicate(...args);
    const send = d.sendCommand.bind(d);
    d.sendCommand = ((cmd: Parameters<Redis['sendCommand']>[0], ...rest: unknown[]) => {
      commands.set(cmd.name, (commands.get(cmd.name) ?? 0) + 1);
      sentArgs += cmd.args.length;
      for (const a of cmd.args) sentBytes += typeof a === 'string' ? Buffer.byteLength(a) : ((a as Buffer).length ?? 8);
      return (send as (...x: unknown[]) => unknown)(cmd, ...rest);
    }) as Redis['sendCommand'];
    return d;
  }) as Redis['duplicate'];
  const store = new RedisClaimStore(redis, new Keys(prefix));
  const calls = new Map<string, number>();
  let rounds = 0;
  let roundOpen = false;
  const counted: ClaimStore = {
    ...Object.fromEntries(
      ['markLogged', 'page', 'count', 'countByStatus', 'get', 'newest', 'mergedInto'].map((m) => [
        m,
        (store as unknown as Record<string, (...a: unknown[]) => unknown>)[m]!.bind(store),
      ]),
    ),
    transact: (work) =>
      store.transact((tx) =>
        work(
          Object.fromEntries(
            Object.entries(tx).map(([name, fn]) => [
              name,
              (...a: unknown[]) => {
                calls.set(name, (calls.get(name) ?? 0) + 1);
                if (!roundOpen) {
                  rounds++;
                  roundOpen = true;
                  setImmediate(() => (roundOpen = false));
                }
                return (fn as (...x: unknown[]) => unknown)(...a);
              },
            ]),
          ) as unknown as ClaimTx,
        ),
      ),
  } as ClaimStore;
  try {
    const redisCpuBefore = await redisCpu(redis);
    const red = await time(counted);
    const serverMs = ((await redisCpu(redis)) - redisCpuBefore) * 1000;
    const per = (n: number) => fmt(n / N, 1);
    const total = [...commands.values()].reduce((a, b) => a + b, 0);
    console.log(`\nclaim store profile, ${N} articles verified in one process (extraction done beforehand):`);
    console.log(`  MemoryClaimStore: ${fmt(mem.ms, 2)} ms per article, CPU ${fmt(mem.cpuMs, 2)} ms`);
    console.log(
      `  RedisClaimStore:  ${fmt(red.ms, 2)} ms per article, CPU of this process ${fmt(red.cpuMs, 2)} ms, of Redis ${fmt(serverMs / N, 2)} ms; reruns ${red.reruns}`,
    );
    console.log(
      `  per article: ${per(total)} commands sent (${[...commands]
        .sort((a, b) => b[1] - a[1])
        .map(([c, n]) => `${c} ${per(n)}`)
        .join(', ')}), ${per(sentArgs)} arguments of ${kb(sentBytes / N)}`,
    );
    console.log(
      `  per article: ${per(rounds)} read rounds; reads by method: ${[...calls].map(([c, n]) => `${c} ${per(n)}`).join(', ')}`,
    );
  } finally {
    await purgePrefix(redis, prefix);
    await store.close();
    await redis.quit();
  }
}

/**
 * `--repeat N`: N rounds, each this benchmark in a fresh process (a round in this process would
 * run bare with the code its previous rounds compiled, against workers that start cold), then the
 * median of each worker count's ratio to bare.
 */
function repeatRounds(): void {
  const args = process.argv
    .slice(2)
    .filter((a, i, all) => a !== '--repeat' && all[i - 1] !== '--repeat' && !a.startsWith('--repeat='));
  const ratios = new Map<number, number[]>();
  for (let round = 1; round <= REPEAT; round++) {
    console.log(`\n=== round ${round} of ${REPEAT}`);
    const out = execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, ...args], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 << 20,
    });
    process.stdout.write(out);
    for (const m of out.matchAll(/pipeline with (\d+) worker\(s\) keeps (\d+)% of bare/g)) {
      const w = Number(m[1]);
      ratios.set(w, [...(ratios.get(w) ?? []), Number(m[2])]);
    }
  }
  console.log(`\nover ${REPEAT} rounds, each in a fresh process (pipeline against bare in the same round):`);
  for (const [w, rs] of ratios) {
    const sorted = [...rs].sort((a, b) => a - b);
    const mid = sorted.length / 2;
    const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    console.log(`  ${w} worker(s): ${rs.map((r) => `${r}%`).join(', ')}; median ${fmt(median, 0)}%`);
  }
}

async function main(): Promise<void> {
  // the CLI the workers run, from the sources as they are now
  if (!FROM_SOURCE && WORKER_COUNTS.length) {
    execFileSync(process.execPath, [resolve(REPO_ROOT, 'scripts/build.mjs'), '--cli-only'], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  const server = await FixtureServer.start();
  try {
    console.log(
      `pipeline benchmark: N=${N} pages (${server.pageCount} distinct corpus pages reused), feeds of ${PER_FEED}; workers run ${FROM_SOURCE ? 'the TypeScript sources (tsx)' : 'the built CLI'}`,
    );
    // the machine may be shared: the load says how much of it this run had
    const load = () =>
      loadavg()
        .map((l) => fmt(l, 2))
        .join(' ');
    console.log(`${cpus().length} cores, load average ${load()}`);
    await measureRound(server, load);
    if (values['store-profile']) await storeProfile(server);
  } finally {
    await server.close();
  }
}

/** Each worker count's pipeline run, then bare, and each pipeline's share of bare. */
async function measureRound(server: FixtureServer, load: () => string): Promise<void> {
  const results: PipelineResult[] = [];
  for (const w of WORKER_COUNTS) {
    const r = await pipelineRun(server, w);
    results.push(r);
    console.log(`\n(load average after the run: ${load()})`);
    console.log(
      `\n${w} worker process(es): ${r.stored} articles in ${fmt(r.seconds)} s = ${fmt(r.articlesPerSec)} articles/s (first poll to last verdict)`,
    );
    console.log(
      `  last fetch ${fmt(r.stages.fetched)} s, last extraction ${fmt(r.stages.extracted)} s, last verdict ${fmt(r.stages.verified)} s after the first poll; mean per article: extract ${fmt(r.meanMs.extract, 0)} ms, verify ${fmt(r.meanMs.verify, 0)} ms`,
    );
    if (values.timeline) printTimeline(r.timeline);
    console.log(`  peak RSS per process: ${r.rss.map(mb).join(', ')}`);
    console.log(`  verify transactions rerun after a conflict: ${r.reruns} (of ${r.stored} articles)`);
    const perArticle = (sec: number) => `${fmt((1000 * sec) / r.stored, 1)} ms`;
    console.log(
      `  CPU per article: worker process(es) ${r.cpu.workers.map(perArticle).join(' + ')}, Redis ${perArticle(r.cpu.redis)}, fixture server and this script ${perArticle(r.cpu.server)}`,
    );
    console.log(
      `  by thread (main thread, then the busiest others): ${r.threads.map((ts) => `[${ts.slice(0, 4).map(perArticle).join(', ')}]`).join(' + ')}; minor page faults per article ${r.faults.map((f) => fmt(f / r.stored, 0)).join(' + ')}`,
    );
    console.log(
      `  worker CPU per article over the last ${r.secondHalf.articles} articles (extract + verify once fetching is done, compiled code): ${r.secondHalf.workers.map((s) => `${fmt(1000 * s)} ms`).join(' + ')}`,
    );
    const total = Object.values(r.families).reduce((a, f) => a + f.bytes, 0);
    console.log(
      `  Redis: ${mb(total)} under the prefix = ${kb(total / r.stored)} per article; INFO used_memory +${mb(r.usedDelta)}; ${r.quotes} quotes`,
    );
    for (const [name, f] of Object.entries(r.families)) {
      if (!f.keys) continue;
      const per =
        name === 'claim store' ? `${kb(f.bytes / Math.max(1, r.quotes))} per quote` : `${kb(f.bytes / r.stored)} per article`;
      console.log(`    ${name.padEnd(22)} ${String(f.keys).padStart(7)} keys ${mb(f.bytes).padStart(10)}  ${per}`);
    }
  }
  const bare = await bareRun(server);
  console.log(`\n(load average after the bare run: ${load()})`);
  console.log(
    `\nbare in-process extract + verify (MemoryClaimStore): ${N} articles in ${fmt(bare.seconds)} s = ${fmt(bare.articlesPerSec)} articles/s, ${bare.quotes} quotes`,
  );
  console.log(
    `  of which extraction ${fmt(bare.extractS)} s, verification ${fmt(bare.verifyS)} s; CPU per article ${fmt((1000 * bare.cpuS) / N)} ms, over the last ${N - Math.ceil(N / 2)} articles ${fmt(1000 * bare.secondHalfCpuS)} ms; minor page faults per article ${fmt(bare.faults / N, 0)}`,
  );
  for (const r of results) {
    console.log(
      `  pipeline with ${r.workers} worker(s) keeps ${fmt((100 * r.articlesPerSec) / bare.articlesPerSec, 0)}% of bare throughput`,
    );
  }
}

if (REPEAT > 1) repeatRounds();
else
  main().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
