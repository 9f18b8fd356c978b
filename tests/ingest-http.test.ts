import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import {
  BodyTooLargeError,
  FeedParseError,
  FetchTimeoutError,
  HttpClient,
  HttpStatusError,
  isPublicAddress,
  parseFeed,
  RedirectError,
  UnsafeUrlError,
} from '@quotecheck/ingest';
import { type Config, loadConfig } from '@quotecheck/shared';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { ENCODED_FEED_TEXT, FixtureServer } from './support/fixture-server.js';

let server: FixtureServer;
let client: HttpClient;
let strict: HttpClient;
let clientConfig: Config;
const UA = 'quotecheck-test/1 (+https://example.org/bot)';

beforeAll(async () => {
  server = await FixtureServer.start();
  const config = loadConfig({
    env: {},
    overrides: { fetch: { allowHosts: [new URL(server.origin).host], timeoutMs: 1_500, maxRedirects: 3 } },
  });
  clientConfig = config;
  client = new HttpClient(config.fetch, UA);
  // nothing allowlisted: what production does
  strict = new HttpClient({ ...config.fetch, allowHosts: [] }, UA);
});

afterAll(async () => {
  await client.close();
  await strict.close();
  await server.close();
});

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the request to fail');
}

describe('HttpClient', () => {
  it('fetches a page with the configured User-Agent and decompresses gzip', async () => {
    const r = await client.get(server.url('/page/3.html'));
    expect(r.status).toBe(200);
    expect(Buffer.from(r.body).toString('utf8')).toMatch(/<html/i);
    expect(server.requests.at(-1)?.userAgent).toBe(UA);
    const gz = await client.get(server.url('/feeds/danmactough-node-feedparser/feeds/compressed.xml'));
    expect(Buffer.from(gz.body).subarray(0, 5).toString()).toBe('<?xml');
  });

  it('sends validators and returns notModified on 304', async () => {
    const first = await client.get(server.url('/gen/feed.xml?n=3&seed=cond'));
    expect(first.etag).toBeTruthy();
    const second = await client.get(server.url('/gen/feed.xml?n=3&seed=cond'), {
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second.notModified).toBe(true);
    expect(second.body.byteLength).toBe(0);
    expect(server.requests.at(-1)).toMatchObject({ status: 304, ifNoneMatch: first.etag });
  });

  it('throws HttpStatusError with the status and Retry-After', async () => {
    const e500 = await failure(client.get(server.url('/fault/status/500')));
    expect(e500).toBeInstanceOf(HttpStatusError);
    expect((e500 as HttpStatusError).status).toBe(500);
    expect((e500 as HttpStatusError).retryable).toBe(true);
    const e429 = await failure(client.get(server.url('/fault/status/429?retry-after=7')));
    expect((e429 as HttpStatusError).retryAfterMs).toBe(7000);
    const e404 = await failure(client.get(server.url('/fault/status/404')));
    expect((e404 as HttpStatusError).retryable).toBe(false);
  });

  it('gives up on a slow server with FetchTimeoutError, and honours the caller signal', async () => {
    const e = await failure(client.get(server.url('/fault/slow?ms=20000')));
    expect(e).toBeInstanceOf(FetchTimeoutError);
    expect(e.message).toMatch(/within 1500 ms/);
    const ac = new AbortController();
    const p = client.get(server.url('/fault/slow?ms=20000'), { signal: ac.signal, timeoutMs: 20_000 });
    setTimeout(() => ac.abort(new Error('shutting down')), 100);
    expect((await failure(p)).message).toBe('shutting down');
  });

  it('refuses oversized bodies without reading them: declared, undeclared, endless and compressed', async () => {
    // The size cap must trip, not the 1.5 s timeout the slow-server tests use: on a loaded
    // machine reading 10 MB of an endless body can take longer than that.
    const client = new HttpClient({ ...clientConfig.fetch, timeoutMs: 30_000 }, UA);
    onTestFinished(() => client.close());
    const declared = await failure(client.get(server.url('/fault/oversized?mb=45')));
    expect(declared).toBeInstanceOf(BodyTooLargeError);
    expect((declared as BodyTooLargeError).declaredBytes).toBe(45 * 1024 * 1024);
    const streamed = await failure(client.get(server.url('/fault/oversized?mb=45&declare=0')));
    expect(streamed).toBeInstanceOf(BodyTooLargeError);
    expect((streamed as BodyTooLargeError).declaredBytes).toBeNull();
    expect(await failure(client.get(server.url('/fault/endless')))).toBeInstanceOf(BodyTooLargeError);
    expect(await failure(client.get(server.url('/fault/gzip-bomb?mb=50')))).toBeInstanceOf(BodyTooLargeError);
  });

  it('follows redirects up to the cap', async () => {
    const ok = await client.get(server.url(`/fault/redirect?to=${encodeURIComponent('/page/1.html')}`));
    expect(ok.redirects).toHaveLength(1);
    expect(ok.url).toBe(server.url('/page/1.html'));
    const loop = await failure(client.get(server.url('/fault/redirect-loop')));
    expect(loop).toBeInstanceOf(RedirectError);
    expect(loop.message).toMatch(/exceed the limit of 3/);
  });
});

describe('SSRF guard', () => {
  const port = () => new URL(server.origin).port;

  it.each([
    ['metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
    ['private 10/8', () => 'http://10.0.0.1/'],
    ['localhost', () => `http://localhost:${port()}/page/1.html`],
    ['IPv6 loopback', () => `http://[::1]:${port()}/page/1.html`],
    ['IPv4-mapped loopback', () => `http://[::ffff:127.0.0.1]:${port()}/page/1.html`],
    ['file:', () => 'file:///etc/passwd'],
    ['ftp:', () => 'ftp://ftp.example.com/x'],
  ])('refuses %s before connecting', async (_label, url) => {
    const before = server.requests.length;
    const e = await failure(client.get(url()));
    expect(e).toBeInstanceOf(UnsafeUrlError);
    expect(e.message).toMatch(/refused to fetch .*: /);
    expect(server.requests.length).toBe(before);
  });

  it.each([
    ['the metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['localhost', 'http://localhost:PORT/page/1.html'],
    ['a private address', 'http://192.168.0.10/'],
  ])('refuses a redirect to %s', async (_label, target) => {
    const to = target.replace('PORT', port());
    const e = await failure(client.get(server.url(`/fault/redirect?to=${encodeURIComponent(to)}`)));
    expect(e).toBeInstanceOf(UnsafeUrlError);
    expect((e as UnsafeUrlError).url).toBe(new URL(to).href);
  });

  it('refuses a host name that resolves to a loopback address (checked after DNS)', async () => {
    const name = hostname();
    const resolved = await lookup(name).catch(() => null);
    // this machine's own name resolves to a loopback/private address on most hosts; use it when it does
    const target = resolved && !isPublicAddress(resolved.address) ? name : 'localhost.';
    const e = await failure(strict.get(`http://${target}:${port()}/page/1.html`));
    if (target === 'localhost.' && !(e instanceof UnsafeUrlError)) {
      // a resolver that does not know "localhost." cannot exercise the DNS path here
      expect((e as { code?: string }).code).toBe('ENOTFOUND');
      return;
    }
    expect(e).toBeInstanceOf(UnsafeUrlError);
    expect(e.message).toMatch(/resolves to .*(loopback|private)/);
  });

  it('refuses 127.0.0.1 unless it is allowlisted', async () => {
    expect(await failure(strict.get(server.url('/page/1.html')))).toBeInstanceOf(UnsafeUrlError);
    expect((await client.get(server.url('/page/1.html'))).status).toBe(200);
  });
});

describe('feed decoding', () => {
  it.each(['windows-1251', 'iso-8859-1'] as const)('decodes a %s feed labelled by declaration or header', async (charset) => {
    for (const label of ['declaration', 'header', 'both']) {
      const r = await client.get(server.url(`/enc/${charset}.xml?label=${label}`));
      const feed = await parseFeed(r.body, { url: r.url, contentType: r.contentType });
      expect(feed.title).toBe(ENCODED_FEED_TEXT[charset].title);
      expect(feed.items[0]?.title).toBe(ENCODED_FEED_TEXT[charset].itemTitle);
    }
  });

  it('reads the corpus feed that is windows-1251 by declaration and gzip on the wire', async () => {
    const r = await client.get(server.url('/feeds/danmactough-node-feedparser/feeds/compressed.xml'));
    const feed = await parseFeed(r.body, { url: r.url, contentType: r.contentType });
    expect(feed.charset).toBe('windows-1251');
    expect(feed.title).toMatch(/[А-Яа-я]{3}/);
    expect(feed.items.length).toBeGreaterThan(0);
  });

  it.each([
    ['/fault/html-feed', 'html-page'],
    ['/fault/empty-feed', 'empty'],
    ['/fault/malformed-feed', 'malformed'],
    ['/feeds/danmactough-node-feedparser/feeds/notafeed.html', 'html-page'],
  ])('%s is a FeedParseError (%s)', async (path, reason) => {
    const r = await client.get(server.url(path));
    const e = await failure(parseFeed(r.body, { url: r.url, contentType: r.contentType }));
    expect(e).toBeInstanceOf(FeedParseError);
    expect((e as FeedParseError).reason).toBe(reason);
    expect(e.message).toContain(r.url);
  });
});
