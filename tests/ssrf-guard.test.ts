/**
 * The SSRF guard end to end, against a canary: a real HTTP server on 127.0.0.1 that records
 * every connection and request it receives. Every attack below must be refused with one line
 * and leave the canary untouched; the positive controls at the end prove that the same paths
 * do reach the canary when it is explicitly allowlisted with its port (on Linux,
 * `::ffff:0.0.0.0` and `::ffff:127.0.0.1` connect to 127.0.0.1), so a zero here means refused.
 *
 * Only addresses that loop back on this machine are fetched here. The SIIT, NAT64, 6to4 and
 * Teredo forms would leave the machine if the guard failed, so they are covered without a
 * socket in packages/ingest/src/address-guard.test.ts.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FeedRegistry, HttpClient, UnsafeUrlError } from '@quotecheck/ingest';
import { createRedis, Keys, loadConfig, type Redis } from '@quotecheck/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, testPrefix } from './support/cli.js';
import { purgePrefix } from './support/redis-keys.js';

const PAGE =
  '<!doctype html><html><head><title>Canary</title></head><body><article><p>"The canary sang," the keeper said on Monday.</p></article></body></html>';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A server on 127.0.0.1 that counts what reaches it and answers every request with `answer`. */
async function listen(answer: (req: IncomingMessage) => Answer) {
  const seen = { connections: 0, requests: [] as string[] };
  const server: Server = createServer((req, res) => {
    seen.requests.push(`${req.method} ${req.url}`);
    const a = answer(req);
    res.writeHead(a.status, a.headers).end(a.body);
  });
  server.on('connection', () => seen.connections++);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  return { server, port, seen };
}

let canary: Awaited<ReturnType<typeof listen>>;
let fixture: Awaited<ReturnType<typeof listen>>;
let redis: Redis;
const prefix = testPrefix('ssrf');
const clients: HttpClient[] = [];

/** A fetch client as the workers build it, with `allowHosts`. */
function client(allowHosts: string[]): HttpClient {
  const config = loadConfig({ env: {}, overrides: { prefix, fetch: { allowHosts, timeoutMs: 5_000 } } });
  const c = new HttpClient(config.fetch, config.userAgent);
  clients.push(c);
  return c;
}

/** The error `get(url)` rejects with (fails the test when it resolves). */
async function refusal(c: HttpClient, url: string): Promise<Error> {
  const r = await c.get(url).then(
    () => null,
    (e: unknown) => e as Error,
  );
  if (!r) throw new Error(`${url} was fetched`);
  return r;
}

/** The CLI's environment: its own prefix, the allowlist given, nothing inherited. */
const cliEnv = (allow = '') => ({ QUOTECHECK_PREFIX: prefix, QUOTECHECK_ALLOW_HOSTS: allow, LOG_LEVEL: 'silent' });

beforeAll(async () => {
  canary = await listen(() => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: PAGE }));
  // the allowed fixture: `/to?u=<url>` redirects there, anything else is a page
  fixture = await listen((req): Answer => {
    const to = new URL(req.url ?? '/', 'http://x').searchParams.get('u');
    return to
      ? { status: 302, headers: { location: to }, body: '' }
      : { status: 200, headers: { 'content-type': 'text/html' }, body: PAGE };
  });
  redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
});

afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.close()));
  canary?.server.close();
  fixture?.server.close();
  await purgePrefix(redis, prefix);
  await redis.quit();
});

describe('refused, and the canary hears nothing', () => {
  const mapped = () => [
    `http://[::ffff:0.0.0.0]:${canary.port}/`,
    `http://[::ffff:0:0]:${canary.port}/`,
    `http://[::ffff:127.0.0.1]:${canary.port}/`,
    `http://[::ffff:7f00:1]:${canary.port}/`,
    `http://[0:0:0:0:0:ffff:7f00:1]:${canary.port}/`,
  ];

  it('the fetch client with no allowlist refuses IPv4-mapped, loopback and unspecified literals and names', async () => {
    const c = client([]);
    const urls = [
      ...mapped(),
      `http://127.0.0.1:${canary.port}/`,
      `http://127.9.9.9:${canary.port}/`,
      `http://0.0.0.0:${canary.port}/`,
      `http://0:${canary.port}/`,
      `http://2130706433:${canary.port}/`,
      `http://localhost:${canary.port}/`,
      `http://localhost.:${canary.port}/`,
    ];
    for (const url of urls) {
      const e = await refusal(c, url);
      expect(e, url).toBeInstanceOf(UnsafeUrlError);
      expect(e.message, url).toMatch(
        /^refused to fetch http:\/\/.*: .* add ".*:\d+" to fetch\.allowHosts \(QUOTECHECK_ALLOW_HOSTS\)$/,
      );
      expect(e.message).not.toContain('\n');
    }
    expect(await refusal(c, `http://[::ffff:0.0.0.0]:${canary.port}/`)).toHaveProperty(
      'message',
      `refused to fetch http://[::ffff:0:0]:${canary.port}/: ::ffff:0:0 is IPv4-mapped for 0.0.0.0, which is unspecified. ` +
        `Only public addresses are fetched; if this host is yours and trusted, add "[::ffff:0:0]:${canary.port}" to fetch.allowHosts (QUOTECHECK_ALLOW_HOSTS)`,
    );
    expect(canary.seen).toEqual({ connections: 0, requests: [] });
  });

  it('an allowlisted host opens only its listed port (bare host: 80 and 443)', async () => {
    const bare = await refusal(client(['127.0.0.1']), `http://127.0.0.1:${canary.port}/`);
    expect(bare.message).toMatch(
      new RegExp(`allows it on port 80, 443 only, not ${canary.port}\\). .*add "127\\.0\\.0\\.1:${canary.port}"`),
    );
    const other = await refusal(client([`127.0.0.1:${fixture.port}`]), `http://127.0.0.1:${canary.port}/`);
    expect(other.message).toMatch(new RegExp(`port ${fixture.port} only, not ${canary.port}`));
    // names: `localhost` is refused by name, others after DNS; the port rule holds on both paths
    const named = await refusal(client([`localhost:${fixture.port}`]), `http://localhost:${canary.port}/`);
    expect(named.message).toMatch(
      new RegExp(`loopback \\(fetch\\.allowHosts allows it on port ${fixture.port} only, not ${canary.port}\\)`),
    );
    // the allowed address under another spelling is another host
    const respelled = await refusal(client([`127.0.0.1:${canary.port}`]), `http://[::ffff:127.0.0.1]:${canary.port}/`);
    expect(respelled).toBeInstanceOf(UnsafeUrlError);
    expect(canary.seen).toEqual({ connections: 0, requests: [] });
  });

  it('a redirect from the allowed fixture to the canary is refused at the hop', async () => {
    const c = client([`127.0.0.1:${fixture.port}`]);
    // the allowed fixture itself is fetched
    const page = await c.get(`http://127.0.0.1:${fixture.port}/page.html`);
    expect(page.status).toBe(200);
    const before = fixture.seen.requests.length;
    for (const target of [...mapped(), `http://127.0.0.1:${canary.port}/`, `http://localhost:${canary.port}/`]) {
      const e = await refusal(c, `http://127.0.0.1:${fixture.port}/to?u=${encodeURIComponent(target)}`);
      expect(e, target).toBeInstanceOf(UnsafeUrlError);
      expect(e.message).toMatch(/^refused to fetch http:\/\/\S+: /);
      expect(e.message).not.toContain('\n');
    }
    expect(fixture.seen.requests.length - before).toBe(7);
    expect(canary.seen).toEqual({ connections: 0, requests: [] });
  });

  it('feeds add refuses a mapped address, and nothing is stored', async () => {
    const registry = new FeedRegistry(redis, new Keys(prefix), loadConfig({ env: {}, overrides: { prefix } }));
    await expect(registry.add(`http://[::ffff:0.0.0.0]:6379/`)).rejects.toThrow(UnsafeUrlError);
    await expect(registry.add(`http://[::ffff:0:0]:${canary.port}/`)).rejects.toThrow(/IPv4-mapped for 0\.0\.0\.0/);
    const allowed = new FeedRegistry(
      redis,
      new Keys(prefix),
      loadConfig({ env: {}, overrides: { prefix, fetch: { allowHosts: ['127.0.0.1'] } } }),
    );
    await expect(allowed.add('http://127.0.0.1:6379/')).rejects.toThrow(/port 80, 443 only, not 6379/);
    expect(await redis.hlen(new Keys(prefix).feeds)).toBe(0);
  });

  it('quotecheck feeds add, article and extract refuse it in one line (exit 1)', async () => {
    const url = `http://[::ffff:0.0.0.0]:${canary.port}/`;
    for (const args of [
      ['feeds', 'add', url],
      ['feeds', 'add', `http://[::ffff:0.0.0.0]:6379/`],
      ['article', url],
      ['extract', url],
    ]) {
      const r = await runCli(args, cliEnv(`127.0.0.1:${fixture.port}`));
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/^quotecheck: .*refused to fetch http:\/\/.*add ".*:\d+" to fetch\.allowHosts/);
      expect(r.stdout).toBe('');
    }
    expect(await redis.hlen(new Keys(prefix).feeds)).toBe(0);
    expect(canary.seen).toEqual({ connections: 0, requests: [] });
  }, 300_000);
});

describe('positive controls: the canary does hear an allowed request', () => {
  it('the fetch client reaches 127.0.0.1 through ::ffff:0.0.0.0 when that host:port is allowed', async () => {
    const c = client([`[::ffff:0.0.0.0]:${canary.port}`]);
    const res = await c.get(`http://[::ffff:0.0.0.0]:${canary.port}/control`);
    expect(new TextDecoder().decode(res.body)).toContain('The canary sang');
    expect(canary.seen.requests).toEqual(['GET /control']);
  });

  it('quotecheck article reaches it too when QUOTECHECK_ALLOW_HOSTS names it with its port', async () => {
    const r = await runCli(
      ['article', `http://[::ffff:0.0.0.0]:${canary.port}/cli-control`],
      cliEnv(`[::ffff:0:0]:${canary.port}`),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(canary.seen.requests).toEqual(['GET /control', 'GET /cli-control']);
  }, 120_000);
});
