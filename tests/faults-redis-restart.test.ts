import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, testPrefix, waitExit } from './support/cli.js';
import { FixtureServer } from './support/fixture-server.js';
import { expectStoreIntact, localRunConfig, PipelineProbe, startWorkerProcess, writeConfig } from './support/pipeline-checks.js';
import { PrivateRedis } from './support/redis-server.js';

/**
 * Redis goes away twice during a run (a clean shutdown, then a SIGKILL) and comes back from its
 * AOF on the same port. The same `quotecheck run` process must reconnect and finish the run with
 * nothing lost: no process is restarted.
 */
const LONG = process.env.QUOTECHECK_LONG_TESTS === '1';
const ARTICLES = LONG ? 150 : 60;
const PER_FEED = 30;

describe('Redis restarts during a run', () => {
  const prefix = testPrefix('faults-redis');
  let server: FixtureServer;
  let redis: PrivateRedis;
  let probe: PipelineProbe;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let run: ChildProcess | undefined;

  beforeAll(async () => {
    server = await FixtureServer.start();
    redis = await PrivateRedis.start();
    probe = new PipelineProbe(redis.url, prefix);
    dir = await mkdtemp(join(tmpdir(), 'qc-faults-redis-'));
    const config = await writeConfig(
      dir,
      localRunConfig(redis.url, prefix, { fetch: { allowHosts: [new URL(server.origin).host] } }),
    );
    env = { QUOTECHECK_CONFIG: config, REDIS_URL: redis.url, QUOTECHECK_PREFIX: prefix };
  });

  afterAll(async () => {
    if (run && run.exitCode === null) run.kill('SIGKILL');
    await server?.close();
    await probe?.close();
    await redis?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('workers reconnect by themselves and every article is stored and verified once', async () => {
    for (let offset = 0; offset < ARTICLES; offset += PER_FEED) {
      const url = server.url(`/gen/feed.xml?n=${Math.min(PER_FEED, ARTICLES - offset)}&offset=${offset}&seed=redis`);
      const r = await runCli(['feeds', 'add', url, '--every', '2s', '--force'], env);
      expect(r.code, r.stderr).toBe(0);
    }
    const logFile = join(dir, 'run.log');
    run = startWorkerProcess(['run', '--log-file', logFile], env);
    let stderr = '';
    run.stderr?.on('data', (d) => (stderr += d));

    const stored = () => probe.articleCount();
    const restarts: { hard: boolean; storedBefore: number }[] = [];
    for (const [hard, threshold] of [
      [false, Math.floor(ARTICLES / 5)],
      [true, Math.floor(ARTICLES / 2)],
    ] as const) {
      const deadline = Date.now() + 120_000;
      while ((await stored()) < threshold && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const storedBefore = await stored();
      expect(storedBefore, 'the run reached the restart point').toBeGreaterThanOrEqual(threshold);
      await redis.restart({ hard, downMs: 2_000 });
      restarts.push({ hard, storedBefore });
      expect(run.exitCode, `run exited during the outage:\n${stderr}`).toBeNull();
    }
    // a restart must have happened mid-run, not after the last article
    expect(restarts.every((r) => r.storedBefore < ARTICLES)).toBe(true);

    await probe.waitDone(ARTICLES, LONG ? 300_000 : 150_000);
    expect(run.exitCode, 'the same process finished the run').toBeNull();

    for (const q of ['fetch', 'extract', 'verify'] as const) expect((await probe.counts(q)).failed, q).toBe(0);
    for (let k = 0; k < ARTICLES; k++) expect(server.hits(`/page/redis-${k}.html`), `page ${k}`).toBeGreaterThanOrEqual(1);

    const audit = await expectStoreIntact(probe, env, ARTICLES);

    const log = readFileSync(logFile, 'utf8');
    expect(log).not.toContain('"event":"worker.crashed"');
    const connectionErrors = (log.match(/"event":"(redis|worker|queue)\.error"/g) ?? []).length;
    console.info(
      `faults-redis: ${ARTICLES} articles, restarts after ${restarts.map((r) => `${r.storedBefore} (${r.hard ? 'SIGKILL' : 'SIGTERM'})`).join(' and ')}, ${connectionErrors} connection errors logged, ${audit.exported} occurrences`,
    );

    run.kill('SIGTERM');
    expect(await waitExit(run, 40_000), stderr).toBe(0);
  }, 420_000);
});
