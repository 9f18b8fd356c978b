import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOG, createLogger, createQueue, createRedis, loadConfig, type Redis } from '@quotecheck/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, testPrefix, until, waitExit } from './support/cli.js';
import { FixtureServer } from './support/fixture-server.js';
import { purgePrefix } from './support/redis-keys.js';
import { PrivateRedis } from './support/redis-server.js';

type LogLine = Record<string, unknown> & { level: number; msg: string; event?: string };

async function readLog(file: string): Promise<LogLine[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LogLine);
}

/** A usage or failure message: exactly one line, no stack trace. */
function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  return lines[0] as string;
}

/** Holds a port on 127.0.0.1 so the CLI finds it in use. */
async function holdPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  return { port: (server.address() as AddressInfo).port, server };
}

const prefix = testPrefix('run-errors');
let redis: Redis;
let dir: string;

beforeAll(async () => {
  redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  dir = await mkdtemp(join(tmpdir(), 'qc-run-errors-'));
});

afterAll(async () => {
  await purgePrefix(redis, prefix);
  await redis.quit();
  await rm(dir, { recursive: true, force: true });
});

describe('ports: usage errors and ports in use are one line', () => {
  const env = () => ({ QUOTECHECK_PREFIX: prefix });

  it('refuses a port that is not an integer from 1 to 65535 (exit 2)', async () => {
    for (const args of [
      ['run', '--metrics-port', 'abc'],
      ['run', '--metrics-port', '0'],
      ['run', '--metrics-port', '70000'],
      ['run', '--metrics-port', '1.5'],
      ['dashboard', '--port', 'abc'],
      ['dashboard', '--port', '65536'],
    ]) {
      const r = await runCli(args, env());
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(oneLine(r.stderr)).toMatch(
        /^quotecheck: --(metrics-)?port "[^"]+" is not a port number: give an integer from 1 to 65535$/,
      );
    }
  }, 300_000);

  it('a port in use ends run and dashboard with one line and exit 1', async () => {
    const held = await holdPort();
    try {
      const run = await runCli(['run', '--role', 'verify', '--metrics-port', String(held.port)], env());
      expect(run.code).toBe(1);
      expect(oneLine(run.stderr)).toBe(`quotecheck: port ${held.port} is in use: choose another with --metrics-port`);
      const dash = await runCli(['dashboard', '--port', String(held.port)], env());
      expect(dash.code).toBe(1);
      expect(oneLine(dash.stderr)).toBe(`quotecheck: port ${held.port} is in use: choose another with --port`);
    } finally {
      held.server.close();
    }
  }, 300_000);
});

describe('run and a Redis that is down or refuses us', () => {
  let priv: PrivateRedis;

  beforeAll(async () => {
    priv = await PrivateRedis.start();
  });

  afterAll(async () => {
    await priv?.stop();
  });

  it('waits for Redis with backoff (redis.waiting) and starts once it answers', async () => {
    await priv.halt();
    const logFile = join(dir, 'wait.log');
    const run = startCli(['run', '--role', 'verify', '--log-file', logFile], { QUOTECHECK_PREFIX: prefix, REDIS_URL: priv.url });
    try {
      await until(async () => (await readLog(logFile)).filter((l) => l.event === 'redis.waiting').length >= 2, 120_000);
      expect(run.exitCode).toBeNull();
      await priv.restart();
      await until(async () => (await readLog(logFile)).some((l) => l.event === 'run.started'), 120_000);
    } finally {
      run.kill('SIGTERM');
    }
    expect(await waitExit(run, 30_000)).toBe(0);
    const waiting = (await readLog(logFile)).filter((l) => l.event === 'redis.waiting');
    expect(waiting[0]).toMatchObject({ level: 40, attempt: 1, retryInMs: 500, redisUrl: priv.url });
    expect(waiting[0]?.reason).toMatch(/ECONNREFUSED/);
    expect(waiting[1]).toMatchObject({ attempt: 2, retryInMs: 1000 });
    expect((await readLog(logFile)).some((l) => l.event === 'redis.ready')).toBe(true);
  }, 300_000);

  it('stops promptly on SIGTERM while waiting, and never logs the password', async () => {
    await priv.halt();
    const logFile = join(dir, 'wait-stop.log');
    const url = `redis://default:hunter2@127.0.0.1:${priv.port}`;
    const run = startCli(['run', '--log-file', logFile], { QUOTECHECK_PREFIX: prefix, REDIS_URL: url });
    let out = '';
    run.stdout?.on('data', (d) => (out += d));
    run.stderr?.on('data', (d) => (out += d));
    try {
      await until(async () => (await readLog(logFile)).some((l) => l.event === 'redis.waiting'), 120_000);
    } catch (e) {
      run.kill('SIGKILL');
      await priv.restart();
      throw new Error(`${(e as Error).message}; exit ${run.exitCode}; output: ${out}`);
    }
    run.kill('SIGTERM');
    // generous: it does not wait out its backoff or a drain
    expect(await waitExit(run, 15_000)).toBe(0);
    const text = await readFile(logFile, 'utf8');
    expect(text).not.toContain('hunter2');
    expect(out).not.toContain('hunter2');
    const log = await readLog(logFile);
    expect(log.find((l) => l.event === 'redis.waiting')?.redisUrl).toBe(`redis://default:***@127.0.0.1:${priv.port}`);
    expect(log.at(-1)).toMatchObject({ event: 'shutdown.done', signal: 'SIGTERM', outcome: 'not-started' });
    await priv.restart();
  }, 300_000);

  it('fails fast, one line and exit 1, when Redis refuses the credentials', async () => {
    await priv.restart();
    const admin = createRedis(priv.url);
    admin.on('error', () => {});
    try {
      await admin.config('SET', 'requirepass', 's3cret-pw');
      const logFile = join(dir, 'auth.log');
      const wrong = await runCli(['run', '--log-file', logFile], {
        QUOTECHECK_PREFIX: prefix,
        REDIS_URL: `redis://default:wrong-pw@127.0.0.1:${priv.port}`,
      });
      expect(wrong.code).toBe(1);
      expect(oneLine(wrong.stderr)).toMatch(/refused the credentials/);
      expect(wrong.stderr).not.toContain('wrong-pw');
      expect((await readLog(logFile)).filter((l) => l.event === 'redis.waiting')).toEqual([]);
      const none = await runCli(['run'], { QUOTECHECK_PREFIX: prefix, REDIS_URL: priv.url });
      expect(none.code).toBe(1);
      expect(oneLine(none.stderr)).toMatch(/password/);
    } finally {
      await admin.config('SET', 'requirepass', '');
      admin.disconnect();
    }
  }, 300_000);

  it('other commands still fail fast with one line and exit 1 when Redis is down', async () => {
    await priv.halt();
    try {
      for (const args of [['status'], ['feeds', 'list'], ['retry', '--failed'], ['export']]) {
        const r = await runCli(args, { QUOTECHECK_PREFIX: prefix, REDIS_URL: priv.url }, 120_000);
        expect(r.code, args.join(' ')).toBe(1);
        expect(oneLine(r.stderr)).toMatch(/^quotecheck: Redis is not answering at redis:\/\/127\.0\.0\.1:\d+/);
      }
    } finally {
      await priv.restart();
    }
  }, 600_000);
});

describe('job.failed says whether it is final; expected failures warn without a stack', () => {
  let server: FixtureServer;
  let env: NodeJS.ProcessEnv;
  const jobPrefix = `${prefix}-jobs`;

  beforeAll(async () => {
    server = await FixtureServer.start();
    server.route('/jobs/feed.xml', (_req, res) => {
      res
        .writeHead(200, { 'content-type': 'application/rss+xml' })
        .end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>jobs</title><item><title>a</title><link>${server.url('/jobs/broken.html')}</link></item></channel></rss>`,
        );
    });
    server.route('/jobs/broken.html', (_req, res) => {
      res.writeHead(503).end('down');
    });
    const config = join(dir, 'jobs.config.json');
    // 127.0.0.1:1 has nothing listening: a feed there fails with ECONNREFUSED
    await writeFile(config, JSON.stringify({ fetch: { attempts: 2, allowHosts: [new URL(server.origin).host, '127.0.0.1:1'] } }));
    env = { QUOTECHECK_PREFIX: jobPrefix, QUOTECHECK_CONFIG: config };
  });

  afterAll(async () => {
    await server?.close();
    await purgePrefix(redis, jobPrefix);
  });

  it('logs "attempt 1 of 2 failed, retrying in ..." then "failed for good after 2 attempts", at warn', async () => {
    expect((await runCli(['feeds', 'add', server.url('/jobs/feed.xml'), '--every', '1h'], env)).code).toBe(0);
    const refused = await runCli(['feeds', 'add', 'http://127.0.0.1:1/feed.xml', '--every', '1h'], env);
    expect(refused.code, refused.stderr).toBe(0);
    expect(refused.stderr).toMatch(/^quotecheck: warning: could not fetch .*ECONNREFUSED.*added anyway/);
    // a job whose payload does not validate: a bug upstream, so error level with its stack
    const config = loadConfig({ env: {}, overrides: { prefix: jobPrefix } });
    const q = createQueue('fetch', redis, config, createLogger({ level: 'silent' }));
    await q.add(CATALOG.fetch.job, { nonsense: true } as never, { jobId: 'bad-payload' });
    await q.close();

    const logFile = join(dir, 'jobs.log');
    const run = startCli(['run', '--role', 'ingest,fetch', '--log-file', logFile], env);
    const failed = async () => (await readLog(logFile)).filter((l) => l.event === 'job.failed');
    try {
      await until(async () => {
        const f = await failed();
        return (
          f.some((l) => l.queue === 'fetch' && l.final === true && l.jobId !== 'bad-payload') && f.some((l) => l.queue === 'poll')
        );
      }, 200_000).catch(async (e: Error) => {
        throw new Error(
          `${e.message}; exit ${run.exitCode}; log: ${(await readFile(logFile, 'utf8').catch(() => '')).slice(-3000)}`,
        );
      });
    } finally {
      run.kill('SIGTERM');
    }
    expect(await waitExit(run, 30_000)).toBe(0);
    const all = await failed();
    const fetches = all.filter((l) => l.queue === 'fetch' && l.jobId !== 'bad-payload');
    expect(fetches).toHaveLength(2);
    const [first, last] = fetches;
    expect(first).toMatchObject({ level: 40, attemptsMade: 1, attempts: 2, final: false, willRetry: true });
    expect(first?.msg).toMatch(/^attempt 1 of 2 failed, retrying in \d+(\.\d)? s$/);
    // exponential backoff of 5 s with 50% jitter
    expect(first?.retryInMs).toBeGreaterThanOrEqual(2_500);
    expect(first?.retryInMs).toBeLessThanOrEqual(5_000);
    expect(last).toMatchObject({ level: 40, attemptsMade: 2, attempts: 2, final: true, willRetry: false, retryInMs: null });
    expect(last?.msg).toBe('job failed for good after 2 attempts');
    for (const l of fetches) {
      expect(l.reason).toMatch(/HTTP 503/);
      expect(l.reason).not.toMatch(/will be retried/);
      expect(l.err).toBeUndefined();
    }

    const poll = all.find((l) => l.queue === 'poll');
    expect(poll).toMatchObject({ level: 40, attemptsMade: 1, attempts: 3, final: false });
    expect(poll?.reason).toMatch(/ECONNREFUSED/);
    expect(poll?.err).toBeUndefined();
    const pollFailed = (await readLog(logFile)).find((l) => l.event === 'feed.poll_failed');
    expect(pollFailed).toMatchObject({ level: 40 });
    expect(pollFailed?.err).toBeUndefined();

    const bug = all.find((l) => l.jobId === 'bad-payload');
    expect(bug).toMatchObject({ level: 50, final: true, attemptsMade: 1 });
    expect(bug?.msg).toMatch(/^job failed for good after 1 of 5 attempts: retrying cannot help$/);
    expect((bug?.err as { stack?: string } | undefined)?.stack).toMatch(/UnrecoverableError/);
  }, 300_000);
});
