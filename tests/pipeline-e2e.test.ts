import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRedis, type Redis } from '@quotecheck/shared';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startCli, testPrefix, until, waitExit } from './support/cli.js';
import { FixtureServer } from './support/fixture-server.js';
import { pipelineSettled } from './support/pipeline-checks.js';
import { purgePrefix } from './support/redis-keys.js';

/**
 * The whole pipeline as a user runs it: feeds added with the CLI, `quotecheck run` polling a
 * local server that serves real news pages, then status, review and export.
 */
describe('quotecheck run end to end', () => {
  const prefix = testPrefix('e2e');
  let server: FixtureServer;
  let redis: Redis;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  // Six feeds over 30 distinct pages: they overlap, and two carry tracking parameters and
  // fragments, so the same article arrives by several feeds and URL spellings.
  const PAGES = 30;
  const feedPaths = [
    '/gen/feed.xml?n=8&offset=0&seed=e2e',
    '/gen/feed.xml?n=8&offset=6&seed=e2e&track=1',
    '/gen/feed.xml?n=8&offset=12&seed=e2e',
    '/gen/feed.xml?n=8&offset=18&seed=e2e&format=atom',
    '/gen/feed.xml?n=8&offset=22&seed=e2e&track=1',
    '/gen/feed.xml?n=10&offset=0&seed=e2e&format=atom',
  ];
  const pagePaths = Array.from({ length: PAGES }, (_, k) => `/page/e2e-${k}.html`);

  beforeAll(async () => {
    server = await FixtureServer.start();
    redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    dir = await mkdtemp(join(tmpdir(), 'qc-e2e-'));
    env = { QUOTECHECK_PREFIX: prefix, QUOTECHECK_ALLOW_HOSTS: new URL(server.origin).host, LOG_LEVEL: 'info' };
  });

  afterAll(async () => {
    await server?.close();
    await purgePrefix(redis, prefix);
    await redis.quit();
    await rm(dir, { recursive: true, force: true });
  });

  const status = async () =>
    JSON.parse((await runCli(['status', '--json'], env)).stdout) as {
      queues: Record<string, Record<string, number>>;
      articles: number;
      seen: number;
      feeds: { id: string; lastPoll: { status: string } | null }[];
    };
  const exportJsonl = async () => {
    const r = await runCli(['export', '--format', 'jsonl'], env);
    expect(r.code).toBe(0);
    return r.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  };

  it('fetches every article once, logs flagged claims, and a rerun changes nothing', async () => {
    for (const p of feedPaths) {
      const r = await runCli(['feeds', 'add', server.url(p), '--every', '2s', '--force'], env);
      expect(r.code, r.stderr).toBe(0);
    }
    const listed = await runCli(['feeds', 'list'], env);
    expect(listed.stdout.trim().split('\n')).toHaveLength(feedPaths.length);

    const logFile = join(dir, 'run.log');
    const run = startCli(['run', '--log-file', logFile], env);
    let stderr = '';
    run.stderr?.on('data', (d) => (stderr += d));
    try {
      await until(async () => pipelineSettled(await status(), PAGES), 90_000, 500);
    } finally {
      run.kill('SIGTERM');
    }
    expect(await waitExit(run, 40_000), stderr).toBe(0);

    for (const p of pagePaths) expect(server.hits(p), p).toBe(1);
    const s = await status();
    expect(s.articles).toBe(PAGES);
    expect(s.seen).toBe(PAGES);
    expect(s.feeds.every((f) => f.lastPoll !== null)).toBe(true);
    for (const q of ['poll', 'fetch', 'extract', 'verify']) expect(s.queues[q]?.failed ?? 0, q).toBe(0);
    const table = await runCli(['status'], env);
    expect(table.stdout).toMatch(new RegExp(`articles stored: ${PAGES}\\b`));

    const log = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    const fetched = log.filter((l) => l.event === 'article.fetched');
    expect(new Set(fetched.map((l) => l.articleUrl)).size).toBe(PAGES);
    expect(fetched).toHaveLength(PAGES);
    const flagged = log.filter((l) => l.event === 'claim.flagged');
    expect(flagged.length).toBeGreaterThan(0);
    for (const f of flagged) {
      expect(f.level).toBe(40);
      for (const field of ['claimId', 'status', 'flags', 'speaker', 'quote', 'occurrences', 'evidence'])
        expect(f).toHaveProperty(field);
      expect(['corroborated', 'single_source']).not.toContain(f.status);
    }

    const review = await runCli(['review', logFile], env);
    expect(review.code).toBe(0);
    for (const id of new Set(flagged.map((f) => String(f.claimId)))) expect(review.stdout).toContain(id);

    const schema = await runCli(['export', '--schema'], env);
    const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(schema.stdout));
    const before = await exportJsonl();
    expect(before.length).toBeGreaterThan(0);
    for (const claim of before) expect(validate(claim), JSON.stringify(validate.errors)).toBe(true);

    // A new process over the same feeds: conditional GETs, the seen-set and idempotent
    // verification mean nothing is fetched again and the export does not change.
    const rerun = startCli(['run'], env);
    const polledBefore = (await status()).feeds.length;
    await new Promise((r) => setTimeout(r, 7_000));
    rerun.kill('SIGTERM');
    expect(await waitExit(rerun, 40_000)).toBe(0);
    expect(polledBefore).toBe(feedPaths.length);
    for (const p of pagePaths) expect(server.hits(p), p).toBe(1);
    for (const p of feedPaths) expect(server.hits(p.split('?')[0]!)).toBeGreaterThan(feedPaths.length);
    const after = await exportJsonl();
    expect(after).toEqual(before);
  }, 180_000);
});
