import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Claim, Speaker } from '@quotecheck/shared';
import {
  ArchiveError,
  ClaimArchive,
  type ClaimIndexEntries,
  type ClaimStore,
  claimIndexEntries,
  emptyWrites,
  streamClaims,
  sweepIdleClaims,
  Verifier,
} from '@quotecheck/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneQuoteArticle, TestClaimStores } from './support/claim-fixtures.js';
import { runCli, startCli, testPrefix, until, waitExit } from './support/cli.js';
import { startServe } from './support/review-desk-seed.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const stores = new TestClaimStores(testPrefix('archive'));
const DAY = 86_400_000;
const NOW = Date.parse('2026-12-01T12:00:00Z');
let dir: string;

const person = (name: string): Speaker => ({ name, kind: 'person' });

/** An article quoting `quote` by `speaker`. */
const article = (id: string, quote: string, speaker: string) => oneQuoteArticle(id, quote, person(speaker), { credit: speaker });

const OLD_QUOTES: [string, string][] = [
  ['We will rebuild every bridge the flood took from this valley before winter', 'Ana Ferreira'],
  ['The harbour dredging contract was signed without a single public hearing', 'Tomas Lind'],
  ['Our nurses have worked three winters without the raise they were promised', 'Grace Okafor'],
];
const RECENT_QUOTE: [string, string] = ['Nobody on this council voted to close the northern library branch', 'Priya Raman'];

/** A verifier whose clock reads `ms`. */
const verifierAt = (store: ClaimStore, ms: number) => new Verifier(store, { now: () => new Date(ms) });

/** Three claims last updated 40 days ago and one updated today. */
async function fill(store: ClaimStore): Promise<void> {
  for (const [i, [q, s]] of OLD_QUOTES.entries()) await verifierAt(store, NOW - 40 * DAY).addArticle(article(`old${i}`, q, s));
  await verifierAt(store, NOW).addArticle(article('recent', ...RECENT_QUOTE));
}

async function allClaims(store: ClaimStore, archive?: ClaimArchive): Promise<Claim[]> {
  const out: Claim[] = [];
  for await (const c of streamClaims(store, {}, 2, undefined, archive)) out.push(c);
  return out;
}

/** Which of a claim's index entries (read through a transaction) still name it. */
async function indexedUnder(store: ClaimStore, id: string, e: ClaimIndexEntries): Promise<string[]> {
  return store.transact(async (tx) => {
    const [exact, posted, by, articles, words] = await Promise.all([
      tx.exact(e.exact),
      tx.postings(e.posted, 1e9),
      tx.recent('by', e.by, 1e9),
      tx.ofArticles(e.articles),
      Promise.all(e.words.map(([speaker, word]) => tx.speakerWords(speaker, [word]))),
    ]);
    const found: string[] = [];
    if (exact.includes(id)) found.push('exact');
    if (posted.includes(id)) found.push('postings');
    if (by.includes(id)) found.push('by');
    if (articles.includes(id)) found.push('articles');
    if (words.length && words.every(([ids]) => ids!.includes(id))) found.push('words');
    else if (words.some(([ids]) => ids!.includes(id))) found.push('some words');
    return { writes: emptyWrites(), result: found };
  });
}

const byId = (claims: Claim[]) => Object.fromEntries(claims.map((c) => [c.id, c]));

beforeAll(async () => {
  stores.open();
  dir = await mkdtemp(join(tmpdir(), 'qc-archive-'));
});

afterAll(async () => {
  await stores.close();
  await rm(dir, { recursive: true, force: true });
});

describe.each(stores.each)('the claim archive over the %s store', (_name, make) => {
  it('moves idle claims out of the store and export still reads every claim exactly once', async () => {
    const store = make();
    await fill(store);
    const before = await allClaims(store);
    expect(before).toHaveLength(4);
    const archive = new ClaimArchive(await mkdtemp(join(dir, 'a-')));

    const r = await sweepIdleClaims(store, archive, { idleMs: 30 * DAY, nowMs: NOW, batch: 2 });

    expect(r).toMatchObject({ archived: 3, kept: 0 });
    expect(r.files).toHaveLength(2);
    expect(await store.count()).toBe(1);
    const counts = await store.countByStatus();
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1);
    // Without the archive only the hot claim is left; with it, the same claims as before.
    expect((await allClaims(store)).map((c) => c.canonical)).toEqual([RECENT_QUOTE[0]]);
    const after = await allClaims(store, archive);
    expect(after).toHaveLength(4);
    expect(byId(after)).toEqual(byId(before));
    // Archived first, oldest archive file first, then the store's.
    expect(after.at(-1)!.canonical).toBe(RECENT_QUOTE[0]);
    // A second sweep finds nothing more to move.
    expect(await sweepIdleClaims(store, archive, { idleMs: 30 * DAY, nowMs: NOW })).toMatchObject({ archived: 0, files: [] });
    // No index entry names an archived claim any more; the hot claim's are intact.
    for (const c of before) {
      const e = claimIndexEntries(c);
      const gone = c.canonical !== RECENT_QUOTE[0];
      const seen = await indexedUnder(store, c.id, e);
      expect(seen, c.canonical).toEqual(gone ? [] : ['exact', 'postings', 'by', 'articles', 'words']);
    }
  });

  it('keeps a claim a verifier updated after the sweep read it, and exports its new copy once', async () => {
    const store = make();
    await fill(store);
    const archive = new ClaimArchive(await mkdtemp(join(dir, 'b-')));
    const read = await store.idleClaims(NOW - 30 * DAY, 10);
    expect(read).toHaveLength(3);
    // Another outlet quotes the first old statement today, between the read and the removal.
    await verifierAt(store, NOW).addArticle(article('later', ...OLD_QUOTES[0]!));
    const file = await archive.write(read, NOW);
    const evicted = await store.evict(read, file, read.map(claimIndexEntries));

    expect(evicted).toHaveLength(2);
    const out = await allClaims(store, archive);
    expect(out).toHaveLength(4);
    const revived = out.find((c) => c.canonical === OLD_QUOTES[0]![0])!;
    expect(revived.occurrences).toHaveLength(2);
  });

  it('loses and doubles nothing when the sweep stops between writing the file and removing the claims', async () => {
    const store = make();
    await fill(store);
    const archive = new ClaimArchive(await mkdtemp(join(dir, 'c-')));
    const before = await allClaims(store);
    await archive.write(await store.idleClaims(NOW - 30 * DAY, 10), NOW);

    const out = await allClaims(store, archive);
    expect(byId(out)).toEqual(byId(before));
    expect(out).toHaveLength(4);
  });
});

describe('an archive file that is not claims', () => {
  it('fails the read with one line naming the file and line', async () => {
    const archive = new ClaimArchive(await mkdtemp(join(dir, 'd-')));
    const name = await archive.write([], NOW);
    // Replace it by a gzip-less text file under the same name.
    await writeFile(join(archive.dir, name), 'not gzip\n');
    const read = async () => {
      for await (const _ of archive.read(name)) void _;
    };
    await expect(read()).rejects.toBeInstanceOf(ArchiveError);
    await expect(read()).rejects.toThrow(name);
  });
});

describe('quotecheck archive and export --archive', () => {
  it('archives idle claims from Redis and exports them together with the hot ones', async () => {
    // The store's prefix is the CLI's QUOTECHECK_PREFIX.
    const cliPrefix = `${stores.prefix}:cli`;
    const store = stores.redisStore('cli');
    // Real time here: the CLI's clock is the real one.
    const now = Date.now();
    for (const [i, [q, s]] of OLD_QUOTES.entries()) await verifierAt(store, now - 40 * DAY).addArticle(article(`old${i}`, q, s));
    await verifierAt(store, now).addArticle(article('recent', ...RECENT_QUOTE));
    const archiveDir = join(dir, 'cli');
    const env = { QUOTECHECK_PREFIX: cliPrefix, REDIS_URL };

    const swept = await runCli(['archive', '--dir', archiveDir, '--idle', '30d', '--json'], env);
    expect(swept.stderr).toBe('');
    expect(swept.code).toBe(0);
    expect(JSON.parse(swept.stdout)).toMatchObject({ archived: 3, kept: 0 });
    expect((await readdir(archiveDir)).filter((n) => n.endsWith('.jsonl.gz'))).toHaveLength(1);

    const hot = await runCli(['export'], env);
    expect(hot.stdout.trim().split('\n')).toHaveLength(1);
    const all = await runCli(['export', '--archive', archiveDir], env);
    expect(all.code).toBe(0);
    const canon = all.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as Claim).canonical);
    expect(canon.sort()).toEqual([...OLD_QUOTES.map(([q]) => q), RECENT_QUOTE[0]].sort());

    // The review desk says where an archived claim went instead of "no such claim".
    const archivedId = JSON.parse(all.stdout.trim().split('\n')[0]!).id as string;
    const desk = await startServe(env);
    try {
      const res = await fetch(`${desk.base}/api/claims/${archivedId}`);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { archived?: string }).archived).toMatch(/^claims-.*\.jsonl\.gz$/);
      const page = await fetch(`${desk.base}/claims/${archivedId}`);
      expect(await page.text()).toContain('quotecheck export --archive reads it');
    } finally {
      desk.child.kill('SIGTERM');
      await waitExit(desk.child);
    }

    const missing = await runCli(['archive'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--dir DIR or set archive.dir/);
    // Five CLI processes and a server: ~40 s on a quiet 2-core machine, 60 s under load.
  }, 180_000);
});

describe('quotecheck run with archive.dir', () => {
  it('sweeps idle claims into the archive from the verify role, and logs it', async () => {
    const runPrefix = `${stores.prefix}:run`;
    const store = stores.redisStore('run');
    const now = Date.now();
    for (const [i, [q, s]] of OLD_QUOTES.entries()) await verifierAt(store, now - 40 * DAY).addArticle(article(`old${i}`, q, s));
    await verifierAt(store, now).addArticle(article('recent', ...RECENT_QUOTE));
    const archiveDir = join(dir, 'run');
    const configFile = join(dir, 'run-config.json');
    await writeFile(configFile, JSON.stringify({ archive: { dir: archiveDir, idleMs: '30d', sweepEveryMs: '1h' } }));
    const logFile = join(dir, 'run.log');

    const child = startCli(['run', '--role', 'verify', '--config', configFile, '--log-file', logFile], {
      QUOTECHECK_PREFIX: runPrefix,
      REDIS_URL,
    });
    try {
      await until(async () => (await store.count()) === 1, 120_000);
      await until(async () => (await readFile(logFile, 'utf8').catch(() => '')).includes('"archive.swept"'), 30_000);
    } finally {
      child.kill('SIGTERM');
      await waitExit(child);
    }
    const swept = (await readFile(logFile, 'utf8')).split('\n').find((l) => l.includes('"archive.swept"'))!;
    expect(JSON.parse(swept)).toMatchObject({ event: 'archive.swept', archived: 3, kept: 0, files: 1 });
    const out: Claim[] = [];
    for await (const c of streamClaims(store, {}, 500, undefined, new ClaimArchive(archiveDir))) out.push(c);
    expect(out.map((c) => c.canonical).sort()).toEqual([...OLD_QUOTES.map(([q]) => q), RECENT_QUOTE[0]].sort());
  });
});
