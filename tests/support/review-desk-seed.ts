import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { articleFromText, extractAttributions } from '@quotecheck/extract';
import { ArticleStore, createLogger, Keys, type Redis, type StoredArticle, stableId } from '@quotecheck/shared';
import { RedisClaimStore } from '@quotecheck/verify';
import { verifyArticle } from '@quotecheck/verify/worker';
import { CORPUS, startCli, until } from './cli.js';

export const SEED = resolve(CORPUS, 'seed/aljazeera-2025-11-23-geneva-talks.txt');
/** A quotation that is markup: the desk must show it as text. */
export const HOSTILE_QUOTE = '<script>document.title="owned"</script> is what I typed';

function article(url: string, outlet: string, text: string, published: string): StoredArticle {
  const a = articleFromText(text);
  return {
    ...a,
    url,
    title: `${outlet} story`,
    published,
    id: stableId(url),
    canonicalUrl: url,
    feedId: null,
    outlet,
    fetchedAt: published,
    attributions: extractAttributions(a),
  };
}

/**
 * Fills a prefix's article and claim stores the way the workers do (real extractor, real
 * verifier): the seed article, a second outlet carrying Rounds's quote in other words, and an
 * article whose quotation is a script tag. Returns the stored articles.
 */
export async function seedReviewDesk(redis: Redis, prefix: string): Promise<StoredArticle[]> {
  const keys = new Keys(prefix);
  const articles = new ArticleStore(redis, keys);
  const store = new RedisClaimStore(redis, keys);
  const log = createLogger({ level: 'silent' });
  const list = [
    article(
      'https://www.aljazeera.com/news/2025/11/23/us-ukraine-talks',
      'aljazeera.com',
      readFileSync(SEED, 'utf8'),
      '2025-11-23T12:00:00Z',
    ),
    article(
      'https://example-wire.test/rounds',
      'example-wire.test',
      'Senators met the secretary of state on Saturday.\n“It looked more like it was written in Russian,” Senator Mike Rounds told reporters.',
      '2025-11-23T15:00:00Z',
    ),
    article(
      'https://hostile.test/markup',
      'hostile.test',
      `The engineer explained the bug.\n“${HOSTILE_QUOTE},” said Jane Doe, a web developer.`,
      '2025-11-24T09:00:00Z',
    ),
  ];
  try {
    for (const a of list) {
      await articles.put(a);
      await verifyArticle({ data: { articleId: a.id }, log }, { articles, store, log });
    }
  } finally {
    await store.close();
  }
  return list;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => ok(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** Starts `quotecheck serve` and waits until it listens; returns the child and its base URL. */
export async function startServe(env: NodeJS.ProcessEnv, extra: string[] = []): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const child = startCli(['serve', '--port', String(port), ...extra], env);
  let err = '';
  child.stderr?.on('data', (d) => (err += d));
  await until(() => /review desk: http:/.test(err) || child.exitCode !== null, 120_000, 200);
  if (child.exitCode !== null) throw new Error(`serve exited ${child.exitCode}: ${err}`);
  return { child, base: `http://127.0.0.1:${port}` };
}
