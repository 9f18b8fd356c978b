import { articleFromHtml, extractAttributions } from '@quotecheck/extract';
import { HttpClient } from '@quotecheck/ingest';
import { loadConfig } from '@quotecheck/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureServer } from './support/fixture-server.js';
import { spanProblems } from './support/pipeline-checks.js';

/**
 * Every article page of `corpus/articles` (every sub-corpus, plain and gzipped) through the code
 * the pipeline runs: the safe HTTP client fetches it from the fixture server, then the page is
 * decoded, extracted and its attributions found, exactly as the extract worker does. Each page
 * ends in a known outcome; none throws or hangs. (The feeds of `corpus/feeds` are swept by
 * ingest-feeds-sweep.test.ts.)
 */
type Outcome = 'attributions' | 'no-attributions' | 'no-body' | 'fetch-refused';

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

describe('every page of corpus/articles through fetch, extraction and attribution', () => {
  it('ends in a known outcome with valid spans, never a crash or a hang', async () => {
    const paths = server.corpusArticlePaths();
    expect(paths.length).toBeGreaterThan(400);
    const outcomes = new Map<string, Outcome>();
    const problems: string[] = [];
    const slowest = { path: '', ms: 0 };
    let next = 0;
    // two fetchers feed one synchronous extraction at a time, as a worker would
    await Promise.all(
      Array.from({ length: 2 }, async () => {
        while (next < paths.length) {
          const path = paths[next++] as string;
          let res: Awaited<ReturnType<HttpClient['get']>>;
          try {
            res = await client.get(server.url(path));
          } catch (e) {
            problems.push(`${path}: fetch failed: ${(e as Error).message}`);
            outcomes.set(path, 'fetch-refused');
            continue;
          }
          const started = performance.now();
          try {
            const article = articleFromHtml(res.body, { url: res.url, contentType: res.contentType });
            const atts = extractAttributions(article);
            const ms = performance.now() - started;
            if (ms > slowest.ms) Object.assign(slowest, { path, ms });
            if (article.text !== article.paragraphs.join('\n')) problems.push(`${path}: text is not the joined paragraphs`);
            for (const p of spanProblems(article.text, atts)) problems.push(`${path}: ${p}`);
            outcomes.set(path, article.paragraphs.length === 0 ? 'no-body' : atts.length ? 'attributions' : 'no-attributions');
          } catch (e) {
            problems.push(`${path}: threw ${(e as Error).stack}`);
          }
        }
      }),
    );
    expect(problems).toEqual([]);
    expect(outcomes.size).toBe(paths.length);

    const bySub = new Map<string, Record<Outcome, number>>();
    for (const [path, o] of outcomes) {
      const sub = path.split('/')[2] as string;
      const row = bySub.get(sub) ?? { attributions: 0, 'no-attributions': 0, 'no-body': 0, 'fetch-refused': 0 };
      row[o]++;
      bySub.set(sub, row);
    }
    const total = (o: Outcome) => [...outcomes.values()].filter((x) => x === o).length;
    console.info(
      `hostile-corpus: ${paths.length} pages: ${total('attributions')} with attributions, ${total('no-attributions')} with a body and none, ${total('no-body')} without a body, ${total('fetch-refused')} refused; slowest ${slowest.path} ${Math.round(slowest.ms)} ms\n${[
        ...bySub,
      ]
        .map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`)
        .join('\n')}`,
    );
    // news pages: nearly all have a body, and many quote someone
    expect(total('no-body')).toBeLessThan(paths.length * 0.05);
    expect(total('attributions')).toBeGreaterThan(paths.length * 0.5);
  }, 300_000);
});
