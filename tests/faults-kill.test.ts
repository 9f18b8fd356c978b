import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, testPrefix, waitExit } from './support/cli.js';
import { FixtureServer } from './support/fixture-server.js';
import { expectStoreIntact, localRunConfig, PipelineProbe, startWorkerProcess, writeConfig } from './support/pipeline-checks.js';

/**
 * SIGKILL of the extract and verify worker processes while they hold jobs. A killed process
 * cannot release its locks: its active jobs must come back through BullMQ's stalled-job checker
 * in the process that replaces it, and the store must end as if nothing had happened.
 *
 * CI runs 60 articles and 3 kills; `QUOTECHECK_LONG_TESTS=1` runs 210 articles and 10 kills.
 */
const LONG = process.env.QUOTECHECK_LONG_TESTS === '1';
const ARTICLES = LONG ? 210 : 60;
const KILLS = LONG ? 10 : 3;
const PER_FEED = 30;

describe('SIGKILL of extract and verify workers mid-job', () => {
  const prefix = testPrefix('faults-kill');
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let server: FixtureServer;
  let probe: PipelineProbe;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const children = new Set<ChildProcess>();

  beforeAll(async () => {
    server = await FixtureServer.start();
    probe = new PipelineProbe(redisUrl, prefix);
    dir = await mkdtemp(join(tmpdir(), 'qc-faults-kill-'));
    const config = await writeConfig(
      dir,
      localRunConfig(redisUrl, prefix, { fetch: { allowHosts: [new URL(server.origin).host] } }),
    );
    env = { QUOTECHECK_CONFIG: config, REDIS_URL: redisUrl, QUOTECHECK_PREFIX: prefix };
  });

  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await server?.close();
    await probe?.purge();
    await probe?.close();
    await rm(dir, { recursive: true, force: true });
  });

  let logSeq = 0;
  const start = (role: string): { child: ChildProcess; log: string } => {
    const log = join(dir, `${role}-${logSeq++}.log`);
    const child = startWorkerProcess(['run', '--role', role, '--log-file', log], env);
    children.add(child);
    child.once('exit', () => children.delete(child));
    return { child, log };
  };
  const events = (files: string[], event: string) =>
    files.flatMap((f) => {
      let text = '';
      try {
        text = readFileSync(f, 'utf8');
      } catch {
        return [];
      }
      return text
        .split('\n')
        .filter((l) => l.includes(`"event":"${event}"`))
        .map((l) => JSON.parse(l) as { jobId?: string; queue?: string });
    });

  it(`processes all ${ARTICLES} articles exactly once across ${KILLS} kills`, async () => {
    for (let offset = 0; offset < ARTICLES; offset += PER_FEED) {
      const url = server.url(`/gen/feed.xml?n=${Math.min(PER_FEED, ARTICLES - offset)}&offset=${offset}&seed=kill`);
      const r = await runCli(['feeds', 'add', url, '--every', '2s', '--force'], env);
      expect(r.code, r.stderr).toBe(0);
    }

    const logs: string[] = [];
    const ingest = start('ingest,fetch');
    logs.push(ingest.log);
    const roles: Record<'extract' | 'verify', { child: ChildProcess; log: string }> = {
      extract: start('extract'),
      verify: start('verify'),
    };
    logs.push(roles.extract.log, roles.verify.log);

    // Kill alternately the extract and the verify process while it holds an active job; a kill
    // counts when jobs are still active after the process is gone (their lock holder is dead).
    const orphaned: { queue: 'extract' | 'verify'; id: string }[] = [];
    let kills = 0;
    let attempts = 0;
    const deadline = Date.now() + (LONG ? 600_000 : 150_000);
    while (kills < KILLS && Date.now() < deadline && attempts < KILLS * 20) {
      const queue = kills % 2 === 0 ? 'extract' : 'verify';
      const active = await probe.queues[queue].getActiveCount();
      if (active === 0) {
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      attempts++;
      const victim = roles[queue].child;
      victim.kill('SIGKILL');
      await waitExit(victim, 10_000);
      const left = await probe.queues[queue].getActive();
      roles[queue] = start(queue);
      logs.push(roles[queue].log);
      if (left.length === 0) continue;
      kills++;
      for (const j of left) orphaned.push({ queue, id: String(j.id) });
      // let the run progress a little before the next kill, so kills spread over the run
      await new Promise((r) => setTimeout(r, LONG ? 2_000 : 500));
    }
    expect(kills, `only ${kills} kills landed on an active job in ${attempts} attempts`).toBe(KILLS);

    // stalled jobs come back once their lock expires (lockDuration 30 s) and a checker runs (15 s)
    await probe.waitDone(ARTICLES, LONG ? 600_000 : 150_000);

    for (const o of orphaned) {
      const job = await probe.queues[o.queue].getJob(o.id);
      expect(await job?.getState(), `${o.queue} job ${o.id} was active in a killed process`).toBe('completed');
    }
    const stalled = events(logs, 'job.stalled');
    const stalledIds = new Set(stalled.map((s) => `${s.queue}:${s.jobId}`));
    for (const o of orphaned)
      expect(stalledIds.has(`${o.queue}:${o.id}`), `${o.queue} job ${o.id} recovered as stalled`).toBe(true);

    for (const q of ['fetch', 'extract', 'verify'] as const) expect((await probe.counts(q)).failed, q).toBe(0);
    for (let k = 0; k < ARTICLES; k++) expect(server.hits(`/page/kill-${k}.html`), `page ${k}`).toBe(1);

    const audit = await expectStoreIntact(probe, env, ARTICLES);
    expect(audit.exported).toBeGreaterThan(0);
    console.info(
      `faults-kill: ${ARTICLES} articles, ${kills} kills (${attempts} attempts), ${orphaned.length} orphaned jobs recovered, ${audit.exported} occurrences`,
    );

    const stopping = [ingest.child, roles.extract.child, roles.verify.child];
    for (const c of stopping) c.kill('SIGTERM');
    for (const c of stopping) expect(await waitExit(c, 40_000)).toBe(0);
  }, 720_000);
});
