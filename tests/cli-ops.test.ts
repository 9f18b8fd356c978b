import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createQueue, createRedis, loadConfig, QUEUE_KEYS, type QueueKey, type Redis } from '@quotecheck/shared';
import type { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, testPrefix, until, waitExit } from './support/cli.js';
import { FixtureServer } from './support/fixture-server.js';
import { keyCount, purgePrefix } from './support/redis-keys.js';

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
    await Promise.all(Object.values(queues ?? {}).map((q) => q.close()));
    await purgePrefix(redis, prefix);
    await purgePrefix(redis, dashPrefix);
    await redis.quit();
    await rm(dir, { recursive: true, force: true });
  });

  let queues: Record<QueueKey, Queue> | undefined;
  // The dashboard tests look at a prefix of their own, which nothing else writes to.
  const dashPrefix = testPrefix('ops-dash');
  const dashEnv = () => ({ ...env, QUOTECHECK_PREFIX: dashPrefix });
  const bullQueues = () => (queues ??= bullQueuesOf(redis, dashPrefix));
  const status = async () => JSON.parse((await runCli(['status', '--json'], env)).stdout) as Status;

  it('shows a failed fetch with its reason, and retry --failed sends it through again', async () => {
    expect((await runCli(['feeds', 'add', server.url('/ops/feed.xml'), '--every', '1h'], env)).code).toBe(0);
    const run = startCli(['run', '--role', 'ingest,fetch'], env);
    try {
      await until(async () => (await status()).queues.fetch?.failed === 1, 150_000, 500);
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
    expect(retried.code, retried.stderr).toBe(0);
    expect(retried.stdout).toMatch(/^fetch\t1 failed job/m);
    const after = await status();
    expect(after.queues.fetch?.failed).toBe(0);
    expect((after.queues.fetch?.waiting ?? 0) + (after.queues.fetch?.prioritized ?? 0)).toBe(1);

    const again = startCli(['run', '--role', 'fetch'], env);
    try {
      await until(async () => (await status()).queues.fetch?.completed === 1, 150_000, 500);
    } finally {
      again.kill('SIGTERM');
    }
    expect(await waitExit(again, 30_000)).toBe(0);
    expect(server.hits('/ops/article.html')).toBe(2);
  }, 400_000);

  it('serves Prometheus metrics from run --metrics-port', async () => {
    const port = await freePort();
    const run = startCli(['run', '--role', 'verify', '--metrics-port', String(port)], env);
    let body = '';
    try {
      await until(async () => {
        body = await fetch(`http://127.0.0.1:${port}/metrics`).then(
          (r) => r.text(),
          () => '',
        );
        return body.includes('quotecheck_jobs');
      }, 90_000);
    } finally {
      run.kill('SIGTERM');
    }
    expect(await waitExit(run, 30_000)).toBe(0);
    expect(body).toMatch(/^quotecheck_jobs\{queue="fetch",state="failed"\} 0$/m);
    expect(body).toMatch(/^quotecheck_jobs\{queue="fetch",state="completed"\} 1$/m);
    expect(body).toMatch(/^quotecheck_claims\{status="denied"\} 0$/m);
    expect(body).toContain('quotecheck_extract_seconds_bucket');
  }, 300_000);

  it('refuses retry without --failed as a usage error', async () => {
    const r = await runCli(['retry'], env);
    expect(r.code).toBe(2);
  }, 300_000);

  it('serves a read-only dashboard on localhost: foreign Host headers get 421, writes 405, Redis untouched', async () => {
    const port = await freePort();
    const dash = startCli(['dashboard', '--port', String(port)], dashEnv());
    let err = '';
    dash.stderr?.on('data', (d) => (err += d));
    try {
      await until(() => /review desk: http:\/\/127\.0\.0\.1:\d+\/claims/.test(err), 90_000);
      expect(err).toContain(`review desk: http://127.0.0.1:${port}/claims (read-only)`);
      // dashboard is an alias of serve: bull-board lives under /queues of the review desk
      const base = `http://127.0.0.1:${port}/queues/`;
      const page = await fetch(base);
      expect(page.status).toBe(200);
      const api = (await (await fetch(`${base}api/queues`)).json()) as { queues: { name: string; readOnlyMode: boolean }[] };
      expect(api.queues.map((q) => q.name).sort()).toEqual(['extract', 'fetch', 'poll', 'verify']);
      expect(api.queues.every((q) => q.readOnlyMode)).toBe(true);
      // the loopback names with the port are this dashboard
      for (const host of [`localhost:${port}`, `[::1]:${port}`])
        expect((await rawGet(port, '/queues/api/queues', host)).status).toBe(200);
      // a DNS-rebinding page sends its own name; a missing or wrong port is misdirected too
      for (const host of [`evil.example:${port}`, 'localhost', `127.0.0.1:${port + 1}`, `127.0.0.1.nip.io:${port}`]) {
        const r = await rawGet(port, '/queues/api/queues', host);
        expect(r.status, host).toBe(421);
        expect(r.body).not.toContain('readOnlyMode');
      }
      // every write is refused, whatever bull-board would do
      for (const [method, path] of [
        ['PUT', 'api/queues/pause'],
        ['PUT', 'api/queues/resume'],
        ['PUT', 'api/queues/fetch/retry/failed'],
        ['PUT', 'api/queues/fetch/clean/failed'],
        ['POST', 'api/queues/fetch/add'],
        ['DELETE', 'api/queues/fetch/empty'],
        ['PATCH', 'api/queues/fetch'],
      ] as const) {
        const r = await fetch(`${base}${path}`, { method });
        expect(r.status, `${method} ${path}`).toBe(405);
        expect(r.headers.get('allow')).toBe('GET, HEAD');
      }
      // nothing written: not even the queues' meta hashes (a fresh prefix, so any write shows)
      expect(await keyCount(redis, dashPrefix)).toBe(0);
    } finally {
      dash.kill('SIGTERM');
    }
    expect(await waitExit(dash, 20_000)).toBe(0);
  }, 300_000);

  it('a --writable dashboard takes writes', async () => {
    const port = await freePort();
    const dash = startCli(['dashboard', '--port', String(port), '--writable'], dashEnv());
    let err = '';
    dash.stderr?.on('data', (d) => (err += d));
    try {
      await until(() => err.includes(`review desk: http://127.0.0.1:${port}/claims`), 90_000);
      expect(err).not.toContain('read-only');
      const r = await fetch(`http://127.0.0.1:${port}/queues/api/queues/pause`, { method: 'PUT' });
      expect(r.status).toBe(200);
      expect(await bullQueues().fetch.isPaused()).toBe(true);
      await fetch(`http://127.0.0.1:${port}/queues/api/queues/resume`, { method: 'PUT' });
      expect(await bullQueues().fetch.isPaused()).toBe(false);
      expect((await rawGet(port, '/queues/api/queues', `attacker.example:${port}`)).status).toBe(421);
    } finally {
      dash.kill('SIGTERM');
    }
    expect(await waitExit(dash, 20_000)).toBe(0);
  }, 300_000);
});

/** The four queues of a prefix, opened read-only (so opening them writes nothing). */
function bullQueuesOf(redis: Redis, prefix: string): Record<QueueKey, Queue> {
  const config = loadConfig({ env: {}, overrides: { prefix } });
  const log = createLogger({ level: 'silent' });
  return Object.fromEntries(QUEUE_KEYS.map((k) => [k, createQueue(k, redis, config, log, { readOnly: true })])) as Record<
    QueueKey,
    Queue
  >;
}

/** A port the kernel just gave out and took back: free for the child to bind. */
function freePort(): Promise<number> {
  return new Promise<number>((ok) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const p = (probe.address() as AddressInfo).port;
      probe.close(() => ok(p));
    });
  });
}

/** A GET to 127.0.0.1:port with any Host header (fetch() will not send a forged one). */
function rawGet(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET', headers: { host } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}
