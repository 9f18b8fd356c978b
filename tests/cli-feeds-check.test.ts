import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedis, type Redis } from '@quotecheck/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, testPrefix } from './support/cli.js';
import { FixtureServer } from './support/fixture-server.js';
import { purgePrefix } from './support/redis-keys.js';

/** Every key under a prefix (SCAN), sorted. */
async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const out: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    out.push(...batch);
  } while (cursor !== '0');
  return out.sort();
}

const rss = (n: number) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>check</title>${Array.from(
    { length: n },
    (_, i) => `<item><title>item ${i}</title><link>https://news.example.com/a/${i}.html</link></item>`,
  ).join('')}</channel></rss>`;

/** `feeds add` checks the feed and is polite about intervals; read-only commands write nothing. */
describe('quotecheck feeds add checks, --every politeness, read-only commands', () => {
  const prefix = testPrefix('feeds-check');
  let server: FixtureServer;
  let redis: Redis;
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    server = await FixtureServer.start();
    server.route('/check/feed.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(3));
    });
    server.route('/check/page.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><p>Not a feed, the page said.</p></body></html>');
    });
    redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    dir = await mkdtemp(join(tmpdir(), 'qc-feeds-check-'));
    const config = join(dir, 'quotecheck.config.json');
    await writeFile(config, JSON.stringify({ fetch: { allowHosts: [new URL(server.origin).host] } }));
    env = { QUOTECHECK_PREFIX: prefix, QUOTECHECK_CONFIG: config };
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    await purgePrefix(redis, prefix);
    await redis.quit();
    await rm(dir, { recursive: true, force: true });
  }, 300_000);

  it('feeds list, status and export write nothing to Redis', async () => {
    expect(await keysUnder(redis, prefix)).toEqual([]);
    const list = await runCli(['feeds', 'list'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toBe('');
    // says what will happen instead of seeding the default feed
    expect(list.stderr).toMatch(/^no feeds stored yet: quotecheck run \(ingest role\) adds the configured default .*aljazeera/);
    for (const args of [['feeds', 'list', '--json'], ['status'], ['status', '--json'], ['export']]) {
      const r = await runCli(args, env);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
    }
    expect(await keysUnder(redis, prefix)).toEqual([]);
  }, 300_000);

  it('refuses --every below 1m without --force, saying why and how', async () => {
    const r = await runCli(['feeds', 'add', server.url('/check/feed.xml'), '--every', '1s'], env);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1);
    expect(r.stderr).toMatch(/--every 1s polls more often than once a minute, which sites treat as abuse: .*--force/);
    expect(server.hits('/check/feed.xml')).toBe(0);
    expect(await keysUnder(redis, prefix)).toEqual([]);
  }, 300_000);

  it('checks the feed once and reports how many items it read; --force takes a short interval', async () => {
    const r = await runCli(['feeds', 'add', server.url('/check/feed.xml'), '--every', '30s', '--force'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^127\.0\.0\.1-[0-9a-f]{8}\thttp:\/\/127\.0\.0\.1:\d+\/check\/feed\.xml\tevery 30s\t3 items read\n$/,
    );
    // log lines go to stderr; no warning among them
    expect(r.stderr).not.toMatch(/warning|not added/);
    expect(server.hits('/check/feed.xml')).toBe(1);
  }, 300_000);

  it('warns when the URL is not a feed, and --strict refuses it', async () => {
    const strict = await runCli(['feeds', 'add', server.url('/check/page.html'), '--strict'], env);
    expect(strict.code).toBe(1);
    expect(strict.stderr.trim().split('\n'), strict.stderr).toHaveLength(1);
    expect(strict.stderr).toMatch(/^quotecheck: not added: .*is not a readable feed.*--strict refuses it/);
    let listed = await runCli(['feeds', 'list'], env);
    expect(listed.stdout).not.toContain('/check/page.html');

    const lax = await runCli(['feeds', 'add', server.url('/check/page.html')], env);
    expect(lax.code, lax.stderr).toBe(0);
    expect(lax.stderr).toMatch(/^quotecheck: warning: .*is not a readable feed.*added anyway/);
    expect(lax.stdout).toMatch(/\/check\/page\.html\tevery 5m\tnot a readable feed yet\n$/);
    listed = await runCli(['feeds', 'list'], env);
    expect(listed.stdout).toContain('/check/page.html');
    expect(server.hits('/check/page.html')).toBe(2);
  }, 300_000);

  it('warns when nothing answers, and still refuses unsafe URLs outright', async () => {
    const closed = `http://127.0.0.1:1/feed.xml`;
    const strict = await runCli(['feeds', 'add', closed, '--strict'], { ...env, QUOTECHECK_ALLOW_HOSTS: '127.0.0.1:1' });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^quotecheck: not added: could not fetch .*ECONNREFUSED.*could not be read/);
    const unsafe = await runCli(['feeds', 'add', 'http://169.254.169.254/latest/feed'], env);
    expect(unsafe.code).toBe(1);
    expect(unsafe.stderr.trim().split('\n'), unsafe.stderr).toHaveLength(1);
    expect(unsafe.stderr).toMatch(/^quotecheck: refused to fetch/);
  }, 300_000);
});
