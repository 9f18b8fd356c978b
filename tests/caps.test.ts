/**
 * Back-pressure and caps on every input (issue 9, item 4): a huge feed is taken in batches, a full
 * fetch queue stops ingest, every text field of a job is capped, over-long URLs are skipped, only
 * HTML pages are fetched, and the CLI reads files and standard input with bounded memory.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { canonicalUrl, fetchJobId, MAX_FEED_ITEMS } from '@quotecheck/ingest';
import { type PollDeps, pollFeed } from '@quotecheck/ingest/worker';
import { type FetchJob, MAX_TITLE_CHARS } from '@quotecheck/shared';
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, REPO_ROOT, runCli } from './support/cli.js';
import { FixtureServer } from './support/fixture-server.js';
import { type IngestHarness, ingestHarness, waitFor } from './support/ingest-harness.js';

let server: FixtureServer;
let h: IngestHarness;
let tmp: string;

const BIG_ITEMS = 100_000;
// Item k of the big feed is dated BASE + k minutes: the feed lists them oldest first, so only a
// cap that sorts by date takes the last items first.
const BASE = Date.UTC(2025, 0, 1);

beforeAll(async () => {
  server = await FixtureServer.start();
  const port = new URL(server.origin).port;
  // the 9 MB title makes a 9 MB feed: room above the 10 MB default for the XML around it
  h = await ingestHarness('caps', { fetch: { allowHosts: [`127.0.0.1:${port}`], maxBytes: 32 * 1024 * 1024 } });
  tmp = mkdtempSync(join(tmpdir(), 'qc-caps-'));

  let big: Buffer | null = null;
  server.route('/caps/big.xml', (req, res) => {
    big ??= Buffer.from(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title><link>${server.origin}/</link><description>d</description>${Array.from(
        { length: BIG_ITEMS },
        (_, k) =>
          `<item><title>Item ${k}</title><link>${server.origin}/caps/a/${k}.html</link><pubDate>${new Date(BASE + k * 60_000).toUTCString()}</pubDate></item>`,
      ).join('')}</channel></rss>`,
    );
    // a validator the poller must not keep while items wait: a 304 would hide them
    if (req.headers['if-none-match'] === '"big-1"') {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"big-1"', 'content-length': big.length });
    res.end(big);
  });
  const feedOf = (items: string) =>
    `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>${server.origin}/</link><description>d</description>${items}</channel></rss>`;
  server.route('/caps/title.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(feedOf(`<item><title>${'Breaking '.repeat(1_000_000)}</title><link>${server.origin}/caps/titled.html</link></item>`));
  });
  server.route('/caps/long-url.xml', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end(
      feedOf(
        `<item><title>Long</title><link>${server.origin}/caps/${'x'.repeat(3000)}.html</link></item><item><title>Short</title><link>${server.origin}/caps/short.html</link></item>`,
      ),
    );
  });
  const page = '<!doctype html><html><head><title>T</title></head><body><p>“We will win,” she said.</p></body></html>';
  const typed: Record<string, [string | null, string | Buffer]> = {
    svg: ['image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    xml: ['application/xml', '<?xml version="1.0"?><doc><p>hi</p></doc>'],
    png: ['image/png', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')],
    pdf: ['application/pdf', '%PDF-1.7\n'],
    'untyped-png': [null, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')],
    'untyped-html': [null, page],
    html: ['text/html; charset=utf-8', page],
    xhtml: [
      'application/xhtml+xml',
      `<?xml version="1.0"?>${page.replace('<html>', '<html xmlns="http://www.w3.org/1999/xhtml">')}`,
    ],
  };
  for (const [name, [type, body]] of Object.entries(typed)) {
    server.route(`/caps/type/${name}`, (_req, res) => {
      res.writeHead(200, type ? { 'content-type': type } : {});
      res.end(body);
    });
  }
});

afterAll(async () => {
  await h?.cleanup();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Polls a feed once, in process, with `config` changes applied to the poller's deps. */
async function pollOnce(feedId: string, config: Partial<PollDeps['config']> = {}) {
  const deps: PollDeps = { ...h.services.poll, config: { ...h.config, ...config } };
  return pollFeed({ data: { feedId }, log: h.log }, deps);
}

async function fetchJobs(): Promise<Job<FetchJob>[]> {
  return (await h.queues.fetch.getJobs(['waiting', 'prioritized', 'delayed'], 0, -1)) as Job<FetchJob>[];
}

const fetchBacklog = () => h.queues.fetch.getJobCountByTypes('waiting', 'delayed', 'prioritized');

describe('ingest back-pressure and per-poll caps', () => {
  it('a 100,000-item feed enqueues the 500 newest in one poll, and the next 500 at the next poll', async () => {
    const feed = await h.services.registry.add(server.url('/caps/big.xml'));
    const first = await pollOnce(feed.id);
    // the newest MAX_FEED_ITEMS are looked at, 500 of them taken, the rest wait
    expect(first).toMatchObject({ status: 'ok', items: BIG_ITEMS, new: 500, seen: 0, deferred: MAX_FEED_ITEMS - 500 });
    expect(h.logs.where({ event: 'feed.truncated', feedId: feed.id })[0]).toMatchObject({
      items: BIG_ITEMS,
      dropped: BIG_ITEMS - MAX_FEED_ITEMS,
    });
    const ks = async () =>
      (await fetchJobs())
        .map((j) => Number(/\/caps\/a\/(\d+)\.html$/.exec(j.data.url)?.[1]))
        .filter((k) => !Number.isNaN(k))
        .sort((a, b) => b - a);
    const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from - i);
    expect(await ks()).toEqual(range(BIG_ITEMS - 1, 500));
    expect(await h.services.seen.size()).toBe(500);
    expect(h.logs.where({ event: 'feed.deferred', feedId: feed.id })[0]).toMatchObject({
      deferred: MAX_FEED_ITEMS - 500,
      enqueued: 500,
      reason: 'maxNewItemsPerPoll',
    });

    const second = await pollOnce(feed.id);
    expect(second).toMatchObject({ status: 'ok', new: 500, seen: 500, deferred: MAX_FEED_ITEMS - 1000 });
    expect(await ks()).toEqual(range(BIG_ITEMS - 1, 1000));
    // the feed was read again in full: its ETag was not kept while items were waiting
    expect(server.requests.filter((r) => r.path === '/caps/big.xml').map((r) => r.status)).toEqual([200, 200]);
  }, 240_000);

  it('a fetch backlog over maxFetchBacklog enqueues nothing; a nearly full one only what fits; the rest come later', async () => {
    const feed = await h.services.registry.add(server.url('/gen/feed.xml?n=5&seed=caps-backlog'));
    const backlog = await fetchBacklog();
    expect(backlog).toBeGreaterThan(0);
    const seen = await h.services.seen.size();

    const blocked = await pollOnce(feed.id, { maxFetchBacklog: backlog - 1 });
    expect(blocked).toMatchObject({ status: 'backpressure', new: 0 });
    expect(await fetchBacklog()).toBe(backlog);
    expect(await h.services.seen.size()).toBe(seen);
    expect(h.logs.where({ event: 'feed.backpressure', feedId: feed.id })[0]).toMatchObject({
      queue: 'fetch',
      backlog,
      maxFetchBacklog: backlog - 1,
    });

    const partial = await pollOnce(feed.id, { maxFetchBacklog: backlog + 2 });
    expect(partial).toMatchObject({ status: 'ok', new: 2, deferred: 3 });
    expect(h.logs.where({ event: 'feed.deferred', feedId: feed.id })[0]).toMatchObject({ reason: 'maxFetchBacklog' });
    expect(await h.services.seen.size()).toBe(seen + 2);

    const rest = await pollOnce(feed.id);
    expect(rest).toMatchObject({ status: 'ok', new: 3, seen: 2, deferred: 0 });
    expect((await fetchJobs()).filter((j) => j.data.url.includes('/page/caps-backlog-'))).toHaveLength(5);
  });

  it('a 9 MB item title is cut to the title cap in the stored fetch job', async () => {
    const feed = await h.services.registry.add(server.url('/caps/title.xml'));
    expect(await pollOnce(feed.id)).toMatchObject({ status: 'ok', new: 1 });
    const id = fetchJobId(canonicalUrl(server.url('/caps/titled.html')) as string);
    const job = (await h.queues.fetch.getJob(id)) as Job<FetchJob> | undefined;
    expect(job?.data.title).toHaveLength(MAX_TITLE_CHARS);
    expect(job?.data.title?.startsWith('Breaking Breaking')).toBe(true);
    expect(job?.data.title?.endsWith('…')).toBe(true);
    expect(JSON.stringify(job?.data).length).toBeLessThan(2_000);
  });

  it('a 3 KB link is skipped with reason url-too-long and never fetched', async () => {
    const feed = await h.services.registry.add(server.url('/caps/long-url.xml'));
    expect(await pollOnce(feed.id)).toMatchObject({ status: 'ok', items: 2, new: 1, skipped: 1 });
    const logged = h.logs.where({ event: 'item.skipped', feedId: feed.id });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ reason: 'url-too-long' });
    expect(logged[0]?.detail).toMatch(/^the link is \d{4} characters long; links over 2048 are not fetched$/);
    const records = Object.values(await h.redis.hgetall(h.keys.skipped)).map(
      (s) => JSON.parse(s) as { reason: string; link: string; title: string },
    );
    const rec = records.find((r) => r.reason === 'url-too-long');
    expect(rec).toMatchObject({ title: 'Long' });
    expect(rec?.link.length).toBeLessThanOrEqual(2048);
    expect((await fetchJobs()).some((j) => j.data.url.length > 2048)).toBe(false);
  });
});

describe('only HTML pages are fetched', () => {
  it('SVG, XML, PNG and PDF fail unrecoverably naming the type; HTML, XHTML and untyped HTML are stored', async () => {
    // the earlier tests' thousand page jobs would be fetched first, at the host's pace
    await h.queues.fetch.drain(true);
    await h.startFetchWorker();
    const add = (name: string) => {
      const url = server.url(`/caps/type/${name}`);
      return h.queues.fetch.add(
        'fetch-article',
        { url, canonicalUrl: url, feedId: null },
        { jobId: `caps-type-${name}`, attempts: 3, backoff: { type: 'fixed', delay: 50 } },
      );
    };
    const settle = async (name: string) => {
      const job = await add(name);
      return waitFor(`fetch of ${name}`, async () => {
        const state = await job.getState();
        return state === 'completed' || state === 'failed' ? ((await h.queues.fetch.getJob(job.id as string)) ?? null) : null;
      });
    };
    const refused: Record<string, string> = {
      svg: 'image/svg+xml',
      xml: 'application/xml',
      png: 'image/png',
      pdf: 'application/pdf',
    };
    for (const [name, type] of Object.entries(refused)) {
      const job = await settle(name);
      expect(await job.getState(), name).toBe('failed');
      expect(job.failedReason).toBe(
        `${server.url(`/caps/type/${name}`)} is ${type}, not an HTML page (only text/html and application/xhtml+xml are read): nothing to extract`,
      );
      expect(job.attemptsMade, name).toBe(1);
    }
    const untyped = await settle('untyped-png');
    expect(untyped.failedReason).toMatch(/has no Content-Type and does not start like an HTML page/);
    expect(untyped.attemptsMade).toBe(1);
    for (const name of ['html', 'xhtml', 'untyped-html']) {
      const job = await settle(name);
      expect(await job.getState(), `${name}: ${job.failedReason}`).toBe('completed');
      expect(job.returnvalue).toMatchObject({ status: 'fetched' });
    }
    const reasons = h.logs.where({ event: 'fetch.failed', permanent: true }).map((l) => String(l.reason));
    expect(reasons.filter((r) => /not an HTML page|does not start like an HTML page/.test(r))).toHaveLength(5);
  });
});

describe('CLI inputs are bounded and checked', () => {
  const MAIN = resolve(REPO_ROOT, 'packages/cli/src/main.ts');
  const lines = (s: string) => s.trim().split('\n').filter(Boolean);

  it('extract refuses /dev/zero, standard input of zeros, a gzip bomb, binaries, an empty and a missing file, one line each, exit 1', async () => {
    // 1 GiB of zeros through gzip: about 1 MB on disk
    const bomb = join(tmp, 'bomb.html.gz');
    const zeros = Buffer.alloc(1 << 20);
    await pipeline(
      Readable.from(
        (function* () {
          for (let i = 0; i < 1024; i++) yield zeros;
        })(),
      ),
      createGzip({ level: 9 }),
      createWriteStream(bomb),
    );
    const random = join(tmp, 'random.html');
    writeFileSync(random, randomBytes(64 * 1024));
    const empty = join(tmp, 'empty.html');
    writeFileSync(empty, '');
    const blank = join(tmp, 'blank.txt');
    writeFileSync(blank, '\n \n\t\n');
    const missing = join(tmp, 'missing.html');
    const inputs = ['/dev/zero', bomb, random, '/bin/ls', empty, blank, missing];
    const r = await runCli(['extract', ...inputs]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([
      'quotecheck: /dev/zero: larger than the 10 MB input cap (fetch.maxBytes): give a smaller file, or raise fetch.maxBytes',
      `quotecheck: ${bomb}: inflates to more than the 10 MB input cap (fetch.maxBytes): not a page, or raise fetch.maxBytes`,
      expect.stringMatching(
        new RegExp(
          `^quotecheck: ${random}: not a page: it holds a NUL byte at offset \\d+, so it is a binary file, not text or HTML$`,
        ),
      ),
      expect.stringMatching(/^quotecheck: \/bin\/ls: not a page: it holds a NUL byte at offset \d+, so it is a binary file/),
      `quotecheck: ${empty}: empty input: nothing to read`,
      `quotecheck: ${blank}: empty input: nothing to read`,
      `quotecheck: no such file: ${missing}`,
    ]);

    // standard input gets the same cap: `-` reading /dev/zero stops at it
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'extract', '-'], {
      cwd: REPO_ROOT,
      stdio: [openSync('/dev/zero', 'r'), 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((ok) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      child.on('close', (c) => {
        clearTimeout(timer);
        ok(c);
      });
    });
    expect(code, stderr).toBe(1);
    expect(lines(stderr)).toEqual([
      'quotecheck: -: larger than the 10 MB input cap (fetch.maxBytes): give a smaller file, or raise fetch.maxBytes',
    ]);
  }, 240_000);

  it('article and check refuse the same inputs with the same lines and exit code, and still read a real .html.gz', async () => {
    const port = new URL(server.origin).port;
    const empty = join(tmp, 'empty2.html');
    writeFileSync(empty, '');
    const missing = join(tmp, 'missing2.html');
    const good = join(
      CORPUS,
      'articles/scrapinghub-aeb/html/ba07d1e64775f4090e39116c382111f5a2cfe9528dd179673f4e9bfcea370c15.html.gz',
    );
    const svg = server.url('/caps/type/svg');
    const env = { QUOTECHECK_ALLOW_HOSTS: `127.0.0.1:${port}` };
    const article = await runCli(['article', '--json', good, empty, missing, svg], env);
    expect(article.code, article.stderr).toBe(1);
    expect(lines(article.stdout)).toHaveLength(1);
    expect((JSON.parse(lines(article.stdout)[0] as string) as { text: string }).text.length).toBeGreaterThan(500);
    expect(lines(article.stderr)).toEqual([
      `quotecheck: ${empty}: empty input: nothing to read`,
      `quotecheck: no such file: ${missing}`,
      `quotecheck: ${svg}: ${svg} is image/svg+xml, not an HTML page (only text/html and application/xhtml+xml are read): nothing to extract`,
    ]);
    const check = await runCli(['check', empty, missing]);
    expect(check.code, check.stderr).toBe(1);
    expect(lines(check.stderr)).toEqual([
      `quotecheck: ${empty}: empty input: nothing to read`,
      `quotecheck: no such file: ${missing}`,
    ]);
  }, 240_000);
});
