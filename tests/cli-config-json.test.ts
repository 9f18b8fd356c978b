import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedis, type Redis } from '@quotecheck/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, runCli, testPrefix } from './support/cli.js';
import { FixtureServer } from './support/fixture-server.js';
import { purgePrefix } from './support/redis-keys.js';

const SEED = join(CORPUS, 'seed/aljazeera-2025-11-23-geneva-talks.txt');

describe('--config and --json on every command', { timeout: 300_000 }, () => {
  const prefix = testPrefix('config-json');
  let dir: string;
  let server: FixtureServer;
  let redis: Redis;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qc-config-json-'));
    server = await FixtureServer.start();
    server.route('/cj/feed.xml', (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          '<?xml version="1.0"?><rss version="2.0"><channel><title>cj</title><item><title>a</title><link>https://news.example.com/a.html</link></item><item><title>b</title><link>https://news.example.com/b.html</link></item></channel></rss>',
        );
    });
    redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  }, 300_000);
  afterAll(async () => {
    await server?.close();
    await purgePrefix(redis, prefix);
    await redis.quit();
    await rm(dir, { recursive: true, force: true });
  }, 300_000);

  it('every command takes --config (and --json unless exempt): a missing config file is named, exit 1', async () => {
    const missing = join(dir, 'missing.config.json');
    const calls: string[][] = [
      ['run'],
      ['feeds', 'list', '--json'],
      ['submit', '--json', SEED],
      ['status', '--json'],
      ['retry', '--failed', '--json'],
      ['serve'],
      ['dashboard'],
      ['article', '--json', SEED],
      ['extract', '--json', SEED],
      ['check', '--json', SEED],
      ['review', '--store', '--json'],
      ['export', '--json'],
    ];
    for (const args of calls) {
      const r = await runCli([...args, '--config', missing], { QUOTECHECK_PREFIX: prefix });
      expect({ args, code: r.code, stderr: r.stderr.trim() }).toEqual({
        args,
        code: 1,
        stderr: `quotecheck: config file ${missing} does not exist: check QUOTECHECK_CONFIG or --config`,
      });
      expect(r.stdout).toBe('');
    }
  });

  it('check, extract and article read the --config file (its input cap applies)', async () => {
    const small = join(dir, 'small.config.json');
    await writeFile(small, JSON.stringify({ fetch: { maxBytes: 1000 } }));
    for (const cmd of ['check', 'extract', 'article']) {
      const r = await runCli([cmd, '--config', small, SEED]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('input cap (fetch.maxBytes)');
      const ok = await runCli([cmd, '--json', SEED]);
      expect(ok.code).toBe(0);
    }
  });

  it('feeds add, list and remove, and retry, print JSON lines with --json', async () => {
    const config = join(dir, 'allow.config.json');
    await writeFile(config, JSON.stringify({ fetch: { allowHosts: [new URL(server.origin).host] } }));
    const env = { QUOTECHECK_PREFIX: prefix };
    const url = `${server.origin}/cj/feed.xml`;
    const add = await runCli(['feeds', 'add', url, '--json', '--config', config], env);
    // standard error carries the log line of the scheduler sync; standard output only the feed
    expect(add.code, add.stderr).toBe(0);
    const added = JSON.parse(add.stdout);
    expect(added).toMatchObject({ url, everyMs: 300_000, itemsRead: 2 });
    const list = await runCli(['feeds', 'list', '--json', '--config', config], env);
    expect(
      list.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual([added.id]);
    const removed = await runCli(['feeds', 'remove', added.id, '--json', '--config', config], env);
    expect(removed.code).toBe(0);
    expect(JSON.parse(removed.stdout)).toMatchObject({ id: added.id, url, removed: true });
    const retry = await runCli(['retry', '--failed', '--json', '--config', config], env);
    expect(retry.code).toBe(0);
    expect(
      retry.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual(['poll', 'fetch', 'extract', 'verify'].map((queue) => ({ queue, retried: 0 })));
  });

  it('export --json is --format jsonl, and refuses another format with it', async () => {
    const r = await runCli(['export', '--json', '--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--json is --format jsonl');
  });
});
