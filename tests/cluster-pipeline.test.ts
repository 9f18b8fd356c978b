import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { assertRedis, type Cluster, RedisAuthError } from '@quotecheck/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS, runCli, startCli, testPrefix, until, waitExit } from './support/cli.js';
import { FixtureServer } from './support/fixture-server.js';
import { localRunConfig, pipelineSettled, writeConfig } from './support/pipeline-checks.js';
import { RedisCluster } from './support/redis-cluster.js';
import { PrivateRedis } from './support/redis-server.js';
import { startServe } from './support/review-desk-seed.js';

const SEED = resolve(CORPUS, 'seed/aljazeera-2025-11-23-geneva-talks.txt');
const QUEUES = ['poll', 'fetch', 'extract', 'verify'] as const;

interface Status {
  queues: Record<string, Record<string, number>>;
  articles: number;
  seen: number;
  feeds: { id: string; lastPoll: { status: string } | null }[];
}

/**
 * The real CLI against a real three-node Redis Cluster, named by its seed URLs in REDIS_URL:
 * feeds added, a file submitted, `quotecheck run` with every role polling a local server of corpus
 * pages, then status, export, the review desk and the claim archive reading the result, and the
 * keys spread over the nodes.
 */
describe('quotecheck on a Redis Cluster', () => {
  const prefix = testPrefix('cluster');
  let cluster: RedisCluster;
  let client: Cluster;
  let server: FixtureServer;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  // Two overlapping feeds over 12 distinct pages.
  const PAGES = 12;
  const feedPaths = ['/gen/feed.xml?n=8&offset=0&seed=cl', '/gen/feed.xml?n=8&offset=4&seed=cl&format=atom'];

  beforeAll(async () => {
    cluster = await RedisCluster.start(3);
    client = cluster.client();
    server = await FixtureServer.start();
    dir = await mkdtemp(join(tmpdir(), 'qc-cluster-'));
    const redisUrl = cluster.urls.join(',');
    const config = await writeConfig(
      dir,
      localRunConfig(redisUrl, prefix, { fetch: { allowHosts: [new URL(server.origin).host] } }),
    );
    env = {
      QUOTECHECK_CONFIG: config,
      REDIS_URL: redisUrl,
      QUOTECHECK_PREFIX: prefix,
      LOG_LEVEL: 'info',
      // The claim store over 16 hash tags, so the cluster spreads it too.
      QUOTECHECK_CLAIM_PARTITIONS: '16',
    };
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await client?.quit().catch(() => client.disconnect());
    await cluster?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const status = async (): Promise<Status> => {
    const r = await runCli(['status', '--json'], env);
    if (r.code !== 0) throw new Error(`status failed (${r.code}): ${r.stderr}`);
    return JSON.parse(r.stdout) as Status;
  };

  it('runs every role: feeds polled, pages fetched and extracted, claims verified; status, export, serve and archive read them; keys on every node', async () => {
    for (const p of feedPaths) {
      const r = await runCli(['feeds', 'add', server.url(p), '--every', '2s', '--force'], env);
      expect(r.code, r.stderr).toBe(0);
    }
    expect((await runCli(['feeds', 'list'], env)).stdout.trim().split('\n')).toHaveLength(feedPaths.length);
    const submitted = await runCli(['submit', '--json', '--outlet', 'Seed desk', SEED], env);
    expect(submitted.code, submitted.stderr).toBe(0);

    const run = startCli(['run', '--log-file', join(dir, 'run.log')], env);
    let stderr = '';
    run.stderr?.on('data', (d) => (stderr += d));
    try {
      await until(async () => pipelineSettled(await status(), PAGES + 1), 120_000, 1000);
    } finally {
      run.kill('SIGTERM');
    }
    expect(await waitExit(run, 40_000), stderr).toBe(0);

    const s = await status();
    expect(s.articles).toBe(PAGES + 1);
    expect(s.seen).toBe(PAGES);
    // every feed polled; later polls answered 304 through the stored validators
    for (const f of s.feeds) expect(['ok', 'not-modified'], f.id).toContain(f.lastPoll?.status);
    for (const q of QUEUES) expect(s.queues[q]?.failed ?? 0, q).toBe(0);
    for (let k = 0; k < PAGES; k++) expect(server.hits(`/page/cl-${k}.html`), `page ${k}`).toBe(1);

    const exported = await runCli(['export', '--format', 'jsonl'], env);
    expect(exported.code, exported.stderr).toBe(0);
    const claims = exported.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; canonical: string; status: string; occurrences: { articleUrl?: string }[] });
    // claims from the fetched pages, and the submitted file's denied "wish list"
    expect(claims.filter((c) => !/wish list/.test(c.canonical)).length).toBeGreaterThan(5);
    const wish = claims.find((c) => /wish list/.test(c.canonical));
    expect(wish?.status).toBe('denied');

    // The claim store's keys sit on every node, under their partitions' tags.
    const claimKeys = await Promise.all(client.nodes('master').map(async (n) => (await n.keys(`${prefix}:{claims:*`)).length));
    expect(
      claimKeys.every((n) => n > 0),
      `claim-store keys per node: ${claimKeys.join(', ')}`,
    ).toBe(true);
    expect(await client.exists(`${prefix}:{claims}:updated`)).toBe(0);

    const serve = await startServe(env);
    try {
      const page = await (await fetch(`${serve.base}/claims/${wish?.id}`)).text();
      expect(page).toMatch(/blatantly false/);
      const api = (await (await fetch(`${serve.base}/queues/api/queues`)).json()) as {
        queues: { name: string; counts: Record<string, number> }[];
      };
      expect(api.queues.map((q) => q.name).sort()).toEqual([...QUEUES].sort());
      expect(api.queues.find((q) => q.name === 'verify')?.counts.completed).toBeGreaterThanOrEqual(PAGES + 1);
    } finally {
      serve.child.kill('SIGTERM');
      await waitExit(serve.child, 30_000);
    }

    // the claim archive sweeps the store on the cluster, and export reads both back
    const archiveDir = join(dir, 'archive');
    const swept = await runCli(['archive', '--idle', '1ms', '--dir', archiveDir, '--json'], env);
    expect(swept.code, swept.stderr).toBe(0);
    expect((JSON.parse(swept.stdout) as { archived: number }).archived).toBe(claims.length);
    const both = await runCli(['export', '--format', 'jsonl', '--archive', archiveDir], env);
    expect(both.code, both.stderr).toBe(0);
    expect(both.stdout.split('\n').filter(Boolean)).toHaveLength(claims.length);

    const removed = await runCli(['feeds', 'remove', server.url(feedPaths[0] as string)], env);
    expect(removed.code, removed.stderr).toBe(0);
    expect((await runCli(['feeds', 'list'], env)).stdout.trim().split('\n')).toHaveLength(1);

    // Each queue under its own hash tag; articles and raw pages untagged, spread by key.
    for (const q of QUEUES) expect(await client.exists(`${prefix}:{${q}}:${q}:completed`), q).toBe(1);
    expect(await client.exists(`${prefix}:fetch:completed`)).toBe(0);
    const counts = await cluster.keyCounts();
    expect(counts.filter((n) => n > 0).length, `keys per node: ${counts.join(', ')}`).toBe(3);
  }, 300_000);

  it('refuses a braced prefix, a cluster node addressed as one Redis, and refused credentials, each in one line', async () => {
    const braced = await runCli(['status'], { ...env, QUOTECHECK_PREFIX: '{qc}' });
    expect(braced.code).toBe(1);
    expect(braced.stderr.trim().split('\n')).toEqual([
      'quotecheck: prefix "{qc}" holds a hash tag, which puts every key in one slot of the Redis Cluster: set QUOTECHECK_PREFIX=qc (quotecheck tags each queue and store itself)',
    ]);
    const oneNode = await runCli(['status'], { ...env, REDIS_URL: cluster.urls[0] });
    expect(oneNode.code).toBe(1);
    expect(oneNode.stderr.trim().split('\n')).toHaveLength(1);
    expect(oneNode.stderr).toMatch(/is a node of a Redis Cluster: set QUOTECHECK_REDIS_CLUSTER=1/);
    // one seed URL is enough with the switch on
    const viaSeed = await runCli(['feeds', 'list'], { ...env, REDIS_URL: cluster.urls[0], QUOTECHECK_REDIS_CLUSTER: '1' });
    expect(viaSeed.code, viaSeed.stderr).toBe(0);

    const locked = await PrivateRedis.start({ requirepass: 'right-pw', args: ['--cluster-enabled', 'yes'] });
    try {
      const only = await assertRedis({ redisUrl: `redis://default:wrong-pw@127.0.0.1:${locked.port}`, redisCluster: true }).catch(
        (e: unknown) => e,
      );
      expect(only).toBeInstanceOf(RedisAuthError);
      expect((only as Error).message).toBe(
        `Redis at redis://default:***@127.0.0.1:${locked.port} refused the credentials: check the password in REDIS_URL`,
      );
    } finally {
      await locked.stop();
    }
  }, 180_000);
});
