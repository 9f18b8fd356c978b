import { ExtractBudgetError, ExtractPool } from '@quotecheck/extract';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The extraction pool starts at most its `threads` threads: a page that finds them busy waits for
 * one, its budget counting only once a thread has it, and a wait can be cancelled. Real threads.
 */

const SENTENCE = '\u201cWe will finish the bridge by June,\u201d the mayor, Anna Lindqvist, said on Tuesday.';

const goodPage = (n: number): string =>
  `<html><head><title>Bridge ${n}</title></head><body><article><h1>Bridge ${n}</h1><p>${SENTENCE}</p>` +
  `<p>The council has not yet voted on the budget for the project, which was first proposed in 2019.</p></article></body></html>`;

/** Unclosed `<div>`s: seconds to read, so it holds its thread until its budget ends it. */
const slowPage = (): string => `<html><body>${'<div>'.repeat(3_000_000)}<p>${SENTENCE}</p></body></html>`;

describe('extraction pool threads', () => {
  let pool: ExtractPool | undefined;
  afterEach(async () => {
    await pool?.close();
    pool = undefined;
  });

  it('uses one thread by default, so pages in a row share it', async () => {
    pool = new ExtractPool();
    const pages = await Promise.all([1, 2, 3].map((n) => pool!.run({ html: goodPage(n), url: null, contentType: null })));
    expect(new Set(pages.map((p) => p.threadId)).size).toBe(1);
    expect(pool.started).toBe(1);
    expect(pages.map((p) => p.article.title)).toEqual(['Bridge 1', 'Bridge 2', 'Bridge 3']);
  }, 60_000);

  it('starts its thread ahead of the first page when warmed, and that page (or one racing it) takes it', async () => {
    pool = new ExtractPool();
    await pool.warm();
    expect(pool.started).toBe(1);
    const first = await pool.run({ html: goodPage(1), url: null, contentType: null });
    expect(first.article.title).toBe('Bridge 1');
    expect(pool.started).toBe(1);
    await pool.close();
    pool = new ExtractPool();
    const [, raced] = await Promise.all([pool.warm(), pool.run({ html: goodPage(2), url: null, contentType: null })]);
    expect(raced.article.title).toBe('Bridge 2');
    expect(pool.started).toBe(1);
  }, 60_000);

  it('runs up to `threads` pages at once, each in its own thread', async () => {
    pool = new ExtractPool({ threads: 2 });
    const pages = await Promise.all([1, 2].map((n) => pool!.run({ html: goodPage(n), url: null, contentType: null })));
    expect(new Set(pages.map((p) => p.threadId)).size).toBe(2);
    expect(pool.started).toBe(2);
  }, 60_000);

  it('starts the budget of a waiting page when a thread takes it, not while it waits', async () => {
    pool = new ExtractPool({ threads: 1 });
    const slow = pool.run({ html: slowPage(), url: null, contentType: null }, 1_500);
    // Waits ~1.5 s behind the slow page: a budget counted from here would end it at 1 s.
    const started = performance.now();
    const good = pool.run({ html: goodPage(1), url: null, contentType: null }, 1_000);
    await expect(slow).rejects.toBeInstanceOf(ExtractBudgetError);
    const out = await good;
    expect(performance.now() - started).toBeGreaterThan(1_000);
    expect(out.attributions.map((a) => a.content.text).join(' ')).toContain('We will finish the bridge by June');
    // the slow page's thread was terminated and replaced
    expect(pool.started).toBe(2);
  }, 60_000);

  it('rejects a waiting page with the reason of its abort, and the next page still runs', async () => {
    pool = new ExtractPool({ threads: 1 });
    const slow = pool.run({ html: slowPage(), url: null, contentType: null }, 1_500).catch((e: unknown) => e);
    const abort = new AbortController();
    const waiting = pool.run({ html: goodPage(1), url: null, contentType: null }, 1_000, abort.signal);
    abort.abort(new Error('shutting down'));
    await expect(waiting).rejects.toThrow('shutting down');
    expect(await slow).toBeInstanceOf(ExtractBudgetError);
    const next = await pool.run({ html: goodPage(2), url: null, contentType: null });
    expect(next.article.title).toBe('Bridge 2');
  }, 60_000);

  it('rejects pages waiting for a thread when the pool closes', async () => {
    pool = new ExtractPool({ threads: 1 });
    const slow = pool.run({ html: slowPage(), url: null, contentType: null }, 10_000).catch((e: unknown) => e);
    const waiting = pool.run({ html: goodPage(1), url: null, contentType: null });
    await new Promise((r) => setTimeout(r, 200));
    await pool.close();
    await expect(waiting).rejects.toThrow('extraction pool is closed');
    expect(await slow).toBeInstanceOf(Error);
  }, 60_000);

  it('refuses a thread count that is not a whole number of at least 1', () => {
    expect(() => new ExtractPool({ threads: 0 })).toThrow('extraction threads must be a whole number of at least 1, got 0');
  });
});
