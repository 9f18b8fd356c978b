import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedis, type Redis } from '@quotecheck/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, testPrefix, until, waitExit } from './support/cli.js';
import { FixtureServer } from './support/fixture-server.js';
import { purgePrefix } from './support/redis-keys.js';

interface Status {
  queues: Record<string, Record<string, number>>;
  failures: { queue: string; reason: string }[];
}

/** Operating the workers from the CLI: failures visible in status, retried with retry --failed, the dashboard. */
describe('quotecheck status, retry and dashboard', () => {
  const prefix = testPrefix('ops');
  let server: FixtureServer;
  let redis: Redis;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let broken = true;

  beforeAll(async () => {
    server = await FixtureServer.start();
    // One article that answers 500 until the test mends it.
    server.route('/ops/feed.xml', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>ops</title><item><title>a</title><link>${server.url('/ops/article.html')}</link></item></channel></rss>`,
      );
    });
    server.route('/ops/article.html', (_req, res) => {
      if (broken) {
        res.writeHead(500).end('server error');
        return;
      }
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<html><body><article><p>Mended, the mayor said.</p></article></body></html>');
    });
    redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    dir = await mkdtemp(join(tmpdir(), 'qc-ops-'));
    const config = join(dir, 'quotecheck.config.json');
    await writeFile(
      config,
      JSON.stringify({ fetch: { attempts: 1, allowHosts: [new URL(server.origin).host] }, drainTimeoutMs: '5s' }),
    );
    env = { QUOTECHECK_PREFIX: prefix, QUOTECHECK_CONFIG: config };
  });

  afterAll(async () => {
    await server?.close();
    await purgePrefix(redis, prefix);
    await redis.quit();
    await rm(dir, { recursive: true, force: true });
  });

  const status = async () => JSON.parse((await runCli(['status', '--json'], env)).stdout) as Status;

  it('shows a failed fetch with its reason, and retry --failed sends it through again', async () => {
    expect((await runCli(['feeds', 'add', server.url('/ops/feed.xml'), '--every', '1h'], env)).code).toBe(0);
    const run = startCli(['run', '--role', 'ingest,fetch'], env);
    try {
      await until(async () => (await status()).queues.fetch?.failed === 1, 60_000, 500);
    } finally {
      run.kill('SIGTERM');
    }
    expect(await waitExit(run, 30_000)).toBe(0);
    const s = await status();
    expect(s.failures).toHaveLength(1);
    expect(s.failures[0]?.queue).toBe('fetch');
    expect(s.failures[0]?.reason).toMatch(/500/);
    const table = await runCli(['status'], env);
    expect(table.stdout).toMatch(/recent failures:\n {2}\[fetch [^\]]+\] after 1 attempt\(s\): .*500/);

    broken = false;
    const retried = await runCli(['retry', '--failed', '--queue', 'fetch'], env);
    expect(retried.code).toBe(0);
    expect(retried.stdout).toMatch(/^fetch\t1 failed job/m);
    const after = await status();
    expect(after.queues.fetch?.failed).toBe(0);
    expect((after.queues.fetch?.waiting ?? 0) + (after.queues.fetch?.prioritized ?? 0)).toBe(1);

    const again = startCli(['run', '--role', 'fetch'], env);
    try {
      await until(async () => (await status()).queues.fetch?.completed === 1, 60_000, 500);
    } finally {
      again.kill('SIGTERM');
    }
    expect(await waitExit(again, 30_000)).toBe(0);
    expect(server.hits('/ops/article.html')).toBe(2);
  }, 150_000);

  it('serves Prometheus metrics from run --metrics-port', async () => {
    const port = await new Promise<number>((ok) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as AddressInfo).port;
        probe.close(() => ok(p));
      });
    });
    const run = startCli(['run', '--role', 'verify', '--metrics-port', String(port)], env);
    let body = '';
    try {
      await until(async () => {
        body = await fetch(`http://127.0.0.1:${port}/metrics`).then(
          (r) => r.text(),
          () => '',
        );
        return body.includes('quotecheck_jobs');
      }, 30_000);
    } finally {
      run.kill('SIGTERM');
    }
    expect(await waitExit(run, 30_000)).toBe(0);
    expect(body).toMatch(/^quotecheck_jobs\{queue="fetch",state="failed"\} 0$/m);
    expect(body).toMatch(/^quotecheck_jobs\{queue="fetch",state="completed"\} 1$/m);
    expect(body).toMatch(/^quotecheck_claims\{status="denied"\} 0$/m);
    expect(body).toContain('quotecheck_extract_seconds_bucket');
  });

  it('refuses retry without --failed as a usage error', async () => {
    const r = await runCli(['retry'], env);
    expect(r.code).toBe(2);
  });

  it('serves a read-only dashboard on localhost', async () => {
    const dash = startCli(['dashboard', '--port', '0'], env);
    let err = '';
    dash.stderr?.on('data', (d) => (err += d));
    try {
      await until(() => /dashboard: http:\/\/127\.0\.0\.1:\d+\//.test(err), 30_000);
      const base = /dashboard: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(err)![1]!;
      expect(err).toContain('(read-only)');
      const page = await fetch(base);
      expect(page.status).toBe(200);
      const api = (await (await fetch(`${base}api/queues`)).json()) as { queues: { name: string; readOnlyMode: boolean }[] };
      expect(api.queues.map((q) => q.name).sort()).toEqual(['extract', 'fetch', 'poll', 'verify']);
      expect(api.queues.every((q) => q.readOnlyMode)).toBe(true);
    } finally {
      dash.kill('SIGTERM');
    }
    expect(await waitExit(dash, 20_000)).toBe(0);
  });
});
