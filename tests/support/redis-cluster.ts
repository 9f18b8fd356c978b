/**
 * A private Redis Cluster for tests: `nodes` masters (no replicas) on spare ports of 127.0.0.1,
 * each a {@link PrivateRedis} with cluster mode on, joined by `redis-cli --cluster create` so the
 * 16,384 slots are spread evenly. The shared Redis at 6379 is never touched.
 */
import { spawn } from 'node:child_process';
import { Cluster } from 'ioredis';
import { PrivateRedis } from './redis-server.js';

/** Runs a command to its end; rejects with its output when it exits non-zero. */
function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.once('error', fail);
    // 'close', not 'exit': 'exit' can come before the last output is read, and an empty DBSIZE
    // reply read as 0 keys failed the cluster test about one run in four.
    child.once('close', (code) => (code === 0 ? ok(out) : fail(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${out}`))));
  });
}

/** A running private cluster; {@link RedisCluster.stop} it in `afterAll`. */
export class RedisCluster {
  private constructor(readonly nodes: PrivateRedis[]) {}

  /** `redis://127.0.0.1:<port>` of every master, comma-separated (what `REDIS_URL` takes for a cluster). */
  get urls(): string[] {
    return this.nodes.map((n) => n.url);
  }

  /** Starts `count` masters and creates the cluster; resolves once every node reports `cluster_state:ok`. */
  static async start(count = 3): Promise<RedisCluster> {
    const nodes = await Promise.all(
      Array.from({ length: count }, () =>
        PrivateRedis.start({
          args: ['--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '5000'],
        }),
      ),
    );
    const cluster = new RedisCluster(nodes);
    try {
      await run('redis-cli', [
        '--cluster',
        'create',
        ...nodes.map((n) => `127.0.0.1:${n.port}`),
        '--cluster-replicas',
        '0',
        '--cluster-yes',
      ]);
      const deadline = Date.now() + 20_000;
      for (const n of nodes) {
        for (;;) {
          const info = await run('redis-cli', ['-p', String(n.port), 'cluster', 'info']);
          if (info.includes('cluster_state:ok')) break;
          if (Date.now() > deadline) throw new Error(`cluster on ${n.port} not ok after 20 s:\n${info}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    } catch (e) {
      await cluster.stop();
      throw e;
    }
    return cluster;
  }

  /** A cluster client (ioredis), the caller closes it. */
  client(): Cluster {
    return new Cluster(
      this.nodes.map((n) => ({ host: '127.0.0.1', port: n.port })),
      {
        redisOptions: { maxRetriesPerRequest: 3 },
      },
    );
  }

  /**
   * Number of keys each master of the cluster holds (`DBSIZE`), asked through the cluster's own
   * view of its masters (`CLUSTER NODES`), in node order: how the data spread.
   */
  async keyCounts(): Promise<number[]> {
    const view = await run('redis-cli', ['-p', String(this.nodes[0]!.port), 'cluster', 'nodes']);
    const masters = view
      .split('\n')
      .filter((l) => / master /.test(l) || /,master /.test(l) || /myself,master/.test(l))
      .map((l) => Number(/:(\d+)@/.exec(l)?.[1]));
    const ports = this.nodes.map((n) => n.port).filter((p) => masters.includes(p));
    if (ports.length !== this.nodes.length) throw new Error(`the cluster's masters are not this harness's nodes:\n${view}`);
    return Promise.all(ports.map(async (port) => Number((await run('redis-cli', ['-p', String(port), 'dbsize'])).trim())));
  }

  /** Stops every node and deletes their directories. */
  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.stop()));
  }
}
