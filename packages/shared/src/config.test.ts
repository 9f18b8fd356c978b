import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Config, loadConfig, redisUrlList } from './config.js';
import { ConfigError } from './errors.js';
import { Keys } from './keys.js';
import { redactUrl } from './redact.js';
import { clusterOptionsOf } from './redis.js';

const SEEDS = 'redis://127.0.0.1:7001,redis://127.0.0.1:7002, redis://127.0.0.1:7003';
/** A config from the environment alone (an empty config file, so no file in the working directory counts). */
function fromEnv(env: NodeJS.ProcessEnv) {
  const file = join(mkdtempSync(join(tmpdir(), 'qc-config-')), 'empty.json');
  writeFileSync(file, '{}');
  return loadConfig({ env, file });
}

describe('Redis Cluster configuration', () => {
  it('keeps one URL as one server, and reads a comma-separated list as the seed nodes of a cluster', () => {
    expect(fromEnv({})).toMatchObject({ redisUrl: 'redis://127.0.0.1:6379', redisCluster: false });
    expect(fromEnv({ REDIS_URL: 'redis://10.0.0.5:6380' }).redisCluster).toBe(false);
    const c = fromEnv({ REDIS_URL: SEEDS });
    expect(c.redisCluster).toBe(true);
    expect(redisUrlList(c.redisUrl)).toEqual(['redis://127.0.0.1:7001', 'redis://127.0.0.1:7002', 'redis://127.0.0.1:7003']);
  });

  it('takes QUOTECHECK_REDIS_CLUSTER for a cluster reached through one seed URL, and refuses a value that is not a switch', () => {
    for (const on of ['1', 'true', 'YES', 'on'])
      expect(fromEnv({ REDIS_URL: 'redis://10.0.0.5:7000', QUOTECHECK_REDIS_CLUSTER: on }).redisCluster).toBe(true);
    for (const off of ['0', 'false', 'no']) expect(fromEnv({ QUOTECHECK_REDIS_CLUSTER: off }).redisCluster).toBe(false);
    expect(() => fromEnv({ QUOTECHECK_REDIS_CLUSTER: 'cluster' })).toThrow(/redisCluster/);
  });

  it('refuses several URLs with the cluster switched off, a URL that is not redis://, and seeds that disagree on credentials', () => {
    expect(() => fromEnv({ REDIS_URL: SEEDS, QUOTECHECK_REDIS_CLUSTER: '0' })).toThrow(
      /set redisCluster to true, or give one URL/,
    );
    expect(() => fromEnv({ REDIS_URL: 'redis://127.0.0.1:7001,http://127.0.0.1:7002' })).toThrow(/redisUrl/);
    expect(() => fromEnv({ REDIS_URL: 'redis://[bad,redis://127.0.0.1:7002' })).toThrow(/redisUrl/);
    expect(() => fromEnv({ REDIS_URL: 'redis://:a@127.0.0.1:7001,redis://:b@127.0.0.1:7002' })).toThrow(
      /one scheme, user and password/,
    );
    expect(() => fromEnv({ REDIS_URL: 'redis://127.0.0.1:7001/2,redis://127.0.0.1:7002/2' })).toThrow(/database 0 only/);
  });

  it('refuses a braced prefix on a cluster in one line saying what to set, and keeps allowing it on one Redis', () => {
    let err: unknown;
    try {
      fromEnv({ REDIS_URL: SEEDS, QUOTECHECK_PREFIX: '{qc}' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const message = (err as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/^prefix "\{qc\}" holds a hash tag, .* one slot .*: set QUOTECHECK_PREFIX=qc /);
    expect(() => fromEnv({ REDIS_URL: SEEDS, QUOTECHECK_PREFIX: 'news:{eu}' })).toThrow(/set QUOTECHECK_PREFIX=news:eu /);
    // the same prefix from a config file is refused the same way
    const dir = mkdtempSync(join(tmpdir(), 'qc-config-'));
    writeFileSync(join(dir, 'c.json'), JSON.stringify({ redisCluster: true, prefix: '{qc}' }));
    expect(() => loadConfig({ env: {}, file: join(dir, 'c.json') })).toThrow(/QUOTECHECK_PREFIX=qc/);
    expect(fromEnv({ QUOTECHECK_PREFIX: '{qc}' }).prefix).toBe('{qc}');
  });

  it('parses Config directly with the cluster switch resolved', () => {
    expect(Config.parse({ redisUrl: SEEDS }).redisCluster).toBe(true);
    expect(Config.parse({}).redisCluster).toBe(false);
  });
});

describe('cluster connection options', () => {
  it('takes each seed host and port, and the credentials and TLS of the URLs for every node', () => {
    const o = clusterOptionsOf(
      'rediss://app:p%40ss@cache-1.example:7000,rediss://app:p%40ss@[::1]:7001,rediss://app:p%40ss@cache-3',
    );
    expect(o.nodes).toEqual([
      { host: 'cache-1.example', port: 7000 },
      { host: '::1', port: 7001 },
      { host: 'cache-3', port: 6379 },
    ]);
    expect(o.redisOptions).toEqual({ username: 'app', password: 'p@ss', tls: {} });
    expect(clusterOptionsOf('redis://:pw@127.0.0.1:7000').redisOptions).toEqual({ password: 'pw' });
    expect(clusterOptionsOf(SEEDS).redisOptions).toEqual({});
  });

  it('hides the password of every URL of a list', () => {
    expect(redactUrl('redis://app:s3cret@10.0.0.1:7000,redis://app:s3cret@10.0.0.2:7000')).toBe(
      'redis://app:***@10.0.0.1:7000,redis://app:***@10.0.0.2:7000',
    );
  });
});

describe('queue prefixes', () => {
  it('keeps the layout of one Redis, and gives each queue its own hash tag on a cluster', () => {
    const k = new Keys('qc');
    expect(k.queuePrefix('fetch', false)).toBe('qc');
    expect(k.queuePrefix('fetch', true)).toBe('qc:{fetch}');
    expect(k.queuePrefix('verify', true)).toBe('qc:{verify}');
  });
});

describe('worker heap growth', () => {
  it('lets worker heaps grow 300% past a full collection by default, takes 0 for V8 own factor, and refuses a negative one', () => {
    expect(fromEnv({}).workerHeapGrowingPercent).toBe(300);
    expect(Config.parse({ workerHeapGrowingPercent: 0 }).workerHeapGrowingPercent).toBe(0);
    expect(() => Config.parse({ workerHeapGrowingPercent: -1 })).toThrow();
  });
});
