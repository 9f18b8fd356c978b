import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigInput } from '@quotecheck/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, testPrefix, until, waitExit } from './support/cli.js';
import { FixtureServer } from './support/fixture-server.js';
import { auditStore, localRunConfig, PipelineProbe, startWorkerProcess, writeConfig } from './support/pipeline-checks.js';

/**
 * SIGTERM while a fetch is in flight. A job that finishes within `drainTimeoutMs` completes
 * before the process exits; one that does not is cancelled after the drain, the process exits 0,
 * and the job goes back to the queue for the next process, which completes it.
 */
describe('SIGTERM during a long job', () => {
  const base = testPrefix('faults-sigterm');
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let server: FixtureServer;
  let dir: string;
  const probes: PipelineProbe[] = [];
  const children = new Set<ChildProcess>();

  beforeAll(async () => {
    server = await FixtureServer.start();
    dir = await mkdtemp(join(tmpdir(), 'qc-faults-sigterm-'));
  });

  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await server?.close();
    for (const p of probes) {
      await p.purge();
      await p.close();
    }
    await rm(dir, { recursive: true, force: true });
  });

  /** A feed at `path` whose items link `links` (absolute paths on the fixture server). */
  const feedOf = (path: string, links: string[]) =>
    server.route(path, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>${server.origin}/</link><description>d</description>${links
          .map((l, i) => `<item><title>Item ${i}</title><link>${server.url(l)}</link></item>`)
          .join('')}</channel></rss>`,
      );
    });

  const setup = async (name: string, extra: Partial<ConfigInput>, feedPath: string) => {
    const prefix = `${base}-${name}`;
    const probe = new PipelineProbe(redisUrl, prefix);
    probes.push(probe);
    const config = await writeConfig(
      await mkdtemp(join(dir, `${name}-`)),
      localRunConfig(redisUrl, prefix, { ...extra, fetch: { allowHosts: [new URL(server.origin).host], ...extra.fetch } }),
    );
    const env = { QUOTECHECK_CONFIG: config, REDIS_URL: redisUrl, QUOTECHECK_PREFIX: prefix };
    const r = await runCli(['feeds', 'add', server.url(feedPath), '--every', '2s', '--force'], env);
    expect(r.code, r.stderr).toBe(0);
    let seq = 0;
    const start = () => {
      const log = join(dir, `${name}-${seq++}.log`);
      const child = startWorkerProcess(['run', '--log-file', log], env);
      children.add(child);
      child.once('exit', () => children.delete(child));
      let stderr = '';
      child.stderr?.on('data', (d) => (stderr += d));
      return { child, log, stderr: () => stderr };
    };
    return { probe, env, start };
  };
  const eventsIn = (file: string, event: string) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.includes(`"event":"${event}"`))
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  it('a job shorter than the drain completes before the process exits 0', async () => {
    feedOf('/sigterm/drain.xml', ['/page/sigterm-drain-0.html', '/fault/slow?ms=3000']);
    const { probe, start } = await setup('drain', { drainTimeoutMs: '20s', fetch: { timeoutMs: '30s' } }, '/sigterm/drain.xml');
    const run = start();
    await until(async () => server.hits('/fault/slow') === 1 && (await probe.articleCount()) >= 1, 60_000, 50);
    expect(await probe.articleCount()).toBe(1);
    run.child.kill('SIGTERM');
    expect(await waitExit(run.child, 60_000), run.stderr()).toBe(0);
    expect(eventsIn(run.log, 'shutdown.done')).toMatchObject([{ outcome: 'drained' }]);
    // the slow page was fetched by the exiting process; its extraction and verification are
    // queued work that the next process does
    expect((await probe.counts('fetch')).completed).toBe(2);
    expect(server.hits('/fault/slow')).toBe(1);
    const next = start();
    await probe.waitDone(2, 60_000);
    next.child.kill('SIGTERM');
    expect(await waitExit(next.child, 60_000), next.stderr()).toBe(0);
    expect(server.hits('/fault/slow')).toBe(1);
  }, 150_000);

  it('a job longer than the drain is cancelled, the process exits 0, and the next process completes it', async () => {
    let calls = 0;
    server.route('/sigterm/hang-once.html', (req, res) => {
      calls++;
      if (calls === 1) {
        // hangs until the client gives up; later requests get a real page
        req.on('close', () => res.destroy());
        return;
      }
      res.writeHead(302, { location: '/page/sigterm-hang-1.html' });
      res.end();
    });
    feedOf('/sigterm/hang.xml', ['/page/sigterm-hang-0.html', '/sigterm/hang-once.html']);
    const { probe, env, start } = await setup(
      'cancel',
      { drainTimeoutMs: '1s', fetch: { timeoutMs: '120s' } },
      '/sigterm/hang.xml',
    );
    const run = start();
    await until(async () => calls === 1 && (await probe.articleCount()) >= 1, 60_000, 50);
    run.child.kill('SIGTERM');
    // bounded: 1 s of drain, then cancellation (the fetch timeout is 120 s)
    expect(await waitExit(run.child, 30_000), run.stderr()).toBe(0);
    expect(eventsIn(run.log, 'shutdown.cancel')).toHaveLength(1);
    expect(eventsIn(run.log, 'shutdown.done')).toMatchObject([{ outcome: 'cancelled' }]);

    const fetchJobs = await probe.queues.fetch.getJobs(['waiting', 'delayed', 'active', 'failed', 'completed', 'prioritized']);
    const hung = fetchJobs.find((j) => String(j.data.url).endsWith('/sigterm/hang-once.html'));
    expect(hung, 'the cancelled fetch job is still in the queue').toBeDefined();
    expect(['waiting', 'delayed', 'active']).toContain(await hung!.getState());

    const next = start();
    await probe.waitDone(2, 90_000);
    expect(calls).toBe(2);
    expect(await hung!.getState()).toBe('completed');
    expect((await probe.counts('fetch')).failed).toBe(0);
    const audit = await auditStore(probe, env);
    expect(audit.articles).toBe(2);
    expect([audit.duplicates, audit.missing, audit.extra]).toEqual([[], [], []]);
    next.child.kill('SIGTERM');
    expect(await waitExit(next.child, 60_000), next.stderr()).toBe(0);
  }, 150_000);
});
