import type { ChildProcess } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPublicAddress } from '@quotecheck/ingest';
import { stableId } from '@quotecheck/shared';
import type { Job, Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, testPrefix, until, waitExit } from './support/cli.js';
import { FixtureServer } from './support/fixture-server.js';
import { localRunConfig, PipelineProbe, startWorkerProcess, writeConfig } from './support/pipeline-checks.js';

/**
 * Hostile input through one running `quotecheck run` process: a feed whose links redirect to
 * private and metadata addresses, name loopback, or answer with a 50 MB body or a gzip bomb; and
 * job payloads written to the queues raw, bypassing the types. Each bad job fails once with a
 * reason that says what happened, and the same process goes on processing good work.
 */
const LONG = process.env.QUOTECHECK_LONG_TESTS === '1';

describe('hostile input through the running pipeline', () => {
  const prefix = testPrefix('hostile-pipeline');
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let server: FixtureServer;
  let probe: PipelineProbe;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let run: ChildProcess;
  let logFile: string;
  let stderr = '';

  beforeAll(async () => {
    server = await FixtureServer.start();
    probe = new PipelineProbe(redisUrl, prefix);
    dir = await mkdtemp(join(tmpdir(), 'qc-hostile-pipeline-'));
    // one attempt at most for retryable errors would hide a wrong classification: keep the default
    const config = await writeConfig(
      dir,
      localRunConfig(redisUrl, prefix, { fetch: { allowHosts: [new URL(server.origin).host] } }),
    );
    env = { QUOTECHECK_CONFIG: config, REDIS_URL: redisUrl, QUOTECHECK_PREFIX: prefix };
    logFile = join(dir, 'run.log');
    run = startWorkerProcess(['run', '--log-file', logFile], env);
    run.stderr?.on('data', (d) => (stderr += d));
  });

  afterAll(async () => {
    if (run && run.exitCode === null) {
      run.kill('SIGTERM');
      await waitExit(run, 40_000);
    }
    await server?.close();
    await probe?.purge();
    await probe?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const logLines = () =>
    readFileSync(logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);

  const settled = async (queue: Queue, job: Job): Promise<Job> => {
    await until(async () => {
      const state = await queue.getJobState(job.id as string);
      return state === 'completed' || state === 'failed';
    }, 60_000);
    // read the job after it settled: a copy read while it was active has no failedReason yet
    return (await queue.getJob(job.id as string)) as Job;
  };

  it('refuses links that redirect to private, loopback or metadata addresses, and oversized bodies', async () => {
    const port = new URL(server.origin).port;
    const redirect = (to: string) => `/fault/redirect?to=${encodeURIComponent(to)}`;
    const bad: Record<string, { path: string; reason: RegExp }> = {
      metadata: { path: redirect('http://169.254.169.254/latest/meta-data/'), reason: /refused to fetch .*169\.254\.169\.254/ },
      private: { path: redirect('http://10.1.2.3/news/a.html'), reason: /refused to fetch .*10\.1\.2\.3/ },
      localhostName: {
        path: redirect(`http://localhost:${port}/page/hostile-target-1.html`),
        reason: /refused to fetch .*localhost/,
      },
      v6Loopback: { path: redirect(`http://[::1]:${port}/page/hostile-target-2.html`), reason: /refused to fetch .*\[::1\]/ },
      v4Mapped: { path: redirect(`http://[::ffff:127.0.0.1]:${port}/page/hostile-target-3.html`), reason: /refused to fetch/ },
      fileScheme: { path: redirect('file:///etc/passwd'), reason: /refused to fetch .*file:/ },
      oversized: { path: '/fault/oversized?mb=50', reason: /larger than/ },
      undeclared: { path: '/fault/oversized?mb=50&declare=0', reason: /larger than/ },
      gzipBomb: { path: '/fault/gzip-bomb?mb=50', reason: /larger than/ },
    };
    // `localhost` is refused when the feed is read; another name of this machine passes that
    // check and must be refused after DNS resolution, at fetch time
    const loopbackName = `http://localhost:${port}/page/hostile-target-4.html`;
    const resolved = await lookup(hostname()).catch(() => null);
    const named =
      resolved && !isPublicAddress(resolved.address) ? `http://${hostname()}:${port}/page/hostile-target-5.html` : null;
    if (!named) console.info(`hostile-pipeline: ${hostname()} does not resolve to a private address here; DNS case not run`);
    const good = ['/page/hostile-0.html', '/page/hostile-1.html'];
    server.route('/hostile/feed.xml', (_req, res) => {
      const links = [
        ...good.map((p) => server.url(p)),
        ...Object.values(bad).map((b) => server.url(b.path)),
        loopbackName,
        ...(named ? [named] : []),
      ];
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>${server.origin}/</link><description>d</description>${links
          .map((l, i) => `<item><title>Item ${i}</title><link>${l.replace(/&/g, '&amp;')}</link></item>`)
          .join('')}</channel></rss>`,
      );
    });
    const added = await runCli(['feeds', 'add', server.url('/hostile/feed.xml'), '--every', '2s', '--force'], env);
    expect(added.code, added.stderr).toBe(0);

    const expectedFailures = Object.keys(bad).length + (named ? 1 : 0);
    await until(
      async () => (await probe.articleCount()) === good.length && (await probe.counts('fetch')).failed === expectedFailures,
      90_000,
      250,
    );
    const failed = await probe.queues.fetch.getFailed(0, -1);
    for (const [name, b] of Object.entries(bad)) {
      const job = failed.find((j) => j.data.url === server.url(b.path));
      expect(job, name).toBeDefined();
      expect(job?.failedReason, name).toMatch(b.reason);
      // refused for good: retrying cannot make the address public
      expect(job?.attemptsMade, name).toBe(1);
    }
    if (named) {
      const namedJob = failed.find((j) => j.data.url === named);
      expect(namedJob?.failedReason).toMatch(/refused to fetch .*resolves to .*(loopback|private)/);
      expect(namedJob?.attemptsMade).toBe(1);
    }
    const skipped = await probe.redis.hget(probe.keys.skipped, loopbackName);
    expect(JSON.parse(skipped ?? '{}')).toMatchObject({ reason: 'unsafe-url' });
    for (let k = 1; k <= 5; k++) expect(server.hits(`/page/hostile-target-${k}.html`)).toBe(0);
    const reasons = logLines()
      .filter((l) => l.event === 'fetch.failed')
      .map((l) => l.reason);
    expect(reasons.length).toBe(expectedFailures);
    expect(run.exitCode, stderr).toBeNull();
  }, 120_000);

  it('fails raw corrupt payloads of every queue once with a clear error, and keeps working', async () => {
    const q = probe.queues;
    const opts = { attempts: 5, backoff: { type: 'fixed' as const, delay: 100 } };
    const corrupt: [keyof typeof q, string, unknown, RegExp][] = [
      ['poll', 'poll-feed', { feed: 42 }, /poll-feed job payload is invalid .*feedId/],
      ['fetch', 'fetch-article', { url: 'javascript:alert(1)', canonicalUrl: 7 }, /fetch-article job payload is invalid/],
      ['extract', 'extract-article', { url: 'not a url', rawKey: null }, /extract-article job payload is invalid .*url/],
      ['extract', 'extract-article', 'a string, not an object', /extract-article job payload is invalid .*\(root\)/],
      ['verify', 'verify-article', { articleId: 42 }, /verify-article job payload is invalid .*articleId/],
      ['verify', 'verify-article', { articleId: '' }, /verify-article job payload is invalid .*articleId/],
      ['verify', 'verify-article', null, /verify-article job payload is invalid/],
    ];
    const jobs = await Promise.all(corrupt.map(([queue, name, data]) => q[queue].add(name, data as never, opts)));
    // valid shapes that point at nothing: also unrecoverable, with what to do next
    const missingRaw = await q.extract.add(
      'extract-article',
      {
        url: server.url('/page/gone.html'),
        canonicalUrl: server.url('/page/gone.html'),
        feedId: null,
        rawKey: `${prefix}:raw:does-not-exist`,
        fetchedAt: new Date().toISOString(),
      },
      opts,
    );
    const missingArticle = await q.verify.add('verify-article', { articleId: 'no-such-article' }, opts);
    // data that is not JSON at all, written into the job hash while the job waits (delayed)
    const garbled = await q.verify.add('verify-article', { articleId: 'placeholder' }, { ...opts, delay: 1_000 });
    await probe.redis.hset(`${prefix}:verify:${garbled.id}`, 'data', '{"articleId": "unterminated');

    for (const [i, job] of jobs.entries()) {
      const [queue, , , reason] = corrupt[i]!;
      const done = await settled(q[queue], job);
      expect(await done.getState(), `${queue} #${i}`).toBe('failed');
      expect(done.failedReason, `${queue} #${i}`).toMatch(reason);
      expect(done.failedReason).toMatch(/remove the job or re-enqueue it with a valid payload/);
      expect(done.attemptsMade, `${queue} #${i} is not retried`).toBe(1);
    }
    const raw = await settled(q.extract, missingRaw);
    expect(raw.failedReason).toMatch(/raw page .* is gone .*re-fetch/);
    expect(raw.attemptsMade).toBe(1);
    const art = await settled(q.verify, missingArticle);
    expect(art.failedReason).toMatch(/article no-such-article is not in the article store/);
    expect(art.attemptsMade).toBe(1);

    // BullMQ cannot parse the garbled job, so it never reaches the processor: the worker logs the
    // error and goes on; the job stays active without a lock until the stalled checker takes it
    // back (the long variant follows it for a few minutes)
    const garbledErrors = () =>
      logLines().filter((l) => l.event === 'worker.error' && l.queue === 'verify' && JSON.stringify(l.err).includes('JSON'));
    await until(async () => garbledErrors().length > 0, 30_000);
    expect(await q.verify.getJobState(garbled.id as string)).toBe('active');

    // the same process still fetches, extracts and verifies a good article end to end
    const url = server.url('/page/hostile-after-7.html');
    await q.fetch.add('fetch-article', { url, canonicalUrl: url, feedId: null });
    const articleId = stableId(url);
    const verified = () => logLines().filter((l) => l.event === 'article.verified' && l.articleId === articleId);
    await until(() => verified().length > 0, 60_000);
    expect(verified()).toHaveLength(1);
    expect(logLines().some((l) => l.event === 'worker.crashed')).toBe(false);
    expect(run.exitCode, stderr).toBeNull();

    if (LONG) {
      // BullMQ's stalled checker returns it to the queue over and over: its failure past
      // maxStalledCount is recorded in the job, but applying it needs the job parsed, so the
      // job cycles (one parse error per lock period) until someone deletes it while it is waiting. The worker is
      // unaffected: it goes on processing other jobs in between.
      const jobKey = `${prefix}:verify:${garbled.id}`;
      await until(async () => Number(await probe.redis.hget(jobKey, 'stc')) >= 3, 240_000, 1_000);
      expect(await probe.redis.hget(jobKey, 'defa')).toMatch(/stalled more than allowable limit/);
      expect(await q.verify.getJobState(garbled.id as string)).not.toBe('completed');
      const later = server.url('/page/hostile-after-8.html');
      await q.fetch.add('fetch-article', { url: later, canonicalUrl: later, feedId: null });
      await until(async () => (await probe.redis.exists(probe.keys.article(stableId(later)))) === 1, 60_000);
    }

    run.kill('SIGTERM');
    expect(await waitExit(run, 40_000), stderr).toBe(0);
  }, 420_000);
});
