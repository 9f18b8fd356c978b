import { FeedParseError, HttpClient, type ParsedFeed, parseFeed } from '@quotecheck/ingest';
import { loadConfig } from '@quotecheck/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureServer } from './support/fixture-server.js';

let server: FixtureServer;
let client: HttpClient;

beforeAll(async () => {
  server = await FixtureServer.start();
  const config = loadConfig({ env: {}, overrides: { fetch: { allowHosts: [new URL(server.origin).host], timeoutMs: 10_000 } } });
  client = new HttpClient(config.fetch, config.userAgent);
});

afterAll(async () => {
  await client.close();
  await server.close();
});

type Outcome = { path: string; feed?: ParsedFeed; error?: unknown };

async function sweep(paths: string[], concurrency = 8): Promise<Outcome[]> {
  const out: Outcome[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < paths.length) {
        const path = paths[next++] as string;
        try {
          const r = await client.get(server.url(path));
          out.push({ path, feed: await parseFeed(r.body, { url: r.url, contentType: r.contentType }) });
        } catch (error) {
          out.push({ path, error });
        }
      }
    }),
  );
  return out;
}

// publishers' feeds saved as served: every one of them must parse with items
const NEWS_SNAPSHOTS = /^\/feeds\/(havannaa-cloudphone|gesab001-headlines|jeffthomasweb-scraping|netnewswire-rsparser)\//;

describe('every file of corpus/feeds through fetch and parse', () => {
  it('ends in a parsed feed or a FeedParseError, never a crash or a hang', async () => {
    const paths = server.corpusFeedPaths();
    expect(paths.length).toBeGreaterThan(250);
    const outcomes = await sweep(paths);
    expect(outcomes).toHaveLength(paths.length);
    const unexpected = outcomes.filter((o) => o.error && !(o.error instanceof FeedParseError));
    expect(unexpected.map((o) => `${o.path}: ${(o.error as Error).message}`)).toEqual([]);
    for (const o of outcomes.filter((x) => x.error)) {
      expect((o.error as FeedParseError).message).toMatch(/is not a readable feed: /);
    }
    const news = outcomes.filter((o) => NEWS_SNAPSHOTS.test(o.path));
    expect(news.length).toBeGreaterThan(30);
    const badNews = news.filter((o) => !o.feed || o.feed.items.length === 0 || !o.feed.items.some((i) => i.link));
    expect(badNews.map((o) => o.path)).toEqual([]);
    // the real feeds of parser test suites, apart from the known non-feeds, parse too
    const real = outcomes.filter(
      (o) => !o.path.includes('/kurtmckee-feedparser/') && !o.path.includes('/output/') && !o.path.endsWith('.serde.json'),
    );
    const failedReal = real.filter((o) => o.error).map((o) => o.path);
    expect(failedReal.sort()).toEqual(
      [
        '/feeds/danmactough-node-feedparser/feeds/notafeed.html',
        '/feeds/feedjira/DuplicateContentAtomFeed.xml',
        '/feeds/rbren-rss-parser/input/unrecognized.rss',
      ].sort(),
    );
  });

  it('decodes the Al Jazeera snapshots with their titles intact', async () => {
    const [o] = await sweep(['/feeds/havannaa-cloudphone/aljazeera-all-2026-08-13T0404.xml']);
    expect(o?.feed?.items.length).toBeGreaterThan(10);
    for (const item of o?.feed?.items ?? []) {
      expect(item.title).not.toMatch(/\uFFFD|Ã©|â€/);
      expect(item.link).toMatch(/^https:\/\/www\.aljazeera\.com\//);
    }
  });
});
