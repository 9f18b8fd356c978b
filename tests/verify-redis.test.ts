import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { articleFromText, extractAttributions } from '@quotecheck/extract';
import {
  ArticleStore,
  type Attribution,
  createLogger,
  createRedis,
  Keys,
  type Redis,
  type StoredArticle,
} from '@quotecheck/shared';
import { articleInput, type ClaimStore, normalizeQuote, quoteKeys, RedisClaimStore, Verifier } from '@quotecheck/verify';
import { verifyArticle } from '@quotecheck/verify/worker';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTINCT_QUOTES } from './support/claim-fixtures.js';
import { CORPUS, runCli, testPrefix } from './support/cli.js';
import { purgePrefix } from './support/redis-keys.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = testPrefix('verify');
const keys = new Keys(prefix);
let redis: Redis;
let articles: ArticleStore;
const silent = createLogger({ level: 'silent' });

function stored(
  id: string,
  outlet: string,
  text: string,
  attributions: Attribution[],
  published = '2026-11-20T10:00:00Z',
): StoredArticle {
  return {
    url: `https://${outlet}/${id}`,
    title: id,
    byline: null,
    published,
    language: 'en',
    paragraphs: text.split('\n'),
    text,
    id,
    canonicalUrl: `https://${outlet}/${id}`,
    feedId: null,
    outlet,
    fetchedAt: published,
    attributions,
  };
}

function quoteArticle(id: string, outlet: string, quote: string, speaker: string, lead: string): StoredArticle {
  const text = `${lead}\n“${quote}” ${speaker} said on Monday.`;
  const start = text.indexOf(quote);
  return stored(id, outlet, text, [
    {
      type: 'direct',
      content: { start, end: start + quote.length, text: quote },
      cue: null,
      source: null,
      speaker: { name: speaker, kind: 'person' },
    },
  ]);
}

/**
 * Every key of the claim store with its value, for before/after comparisons; not the version
 * counters (`v`), which every commit moves, also one that rewrites identical records.
 */
async function dump(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  let cursor = '0';
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', `${keys.claims}:*`, 'COUNT', 1000);
    cursor = next;
    for (const k of found) {
      if (k === `${keys.claims}:v`) continue;
      const type = await redis.type(k);
      if (type === 'string') out[k] = await redis.get(k);
      else if (type === 'set') out[k] = (await redis.smembers(k)).sort();
      else if (type === 'zset') out[k] = await redis.zrange(k, 0, -1, 'WITHSCORES');
      else if (type === 'hash') out[k] = await redis.hgetall(k);
    }
  } while (cursor !== '0');
  return out;
}

beforeAll(async () => {
  redis = createRedis(REDIS_URL);
  articles = new ArticleStore(redis, keys);
});

afterAll(async () => {
  await purgePrefix(redis, prefix);
  await redis.quit();
});

describe('verify processor on Redis', () => {
  it('is idempotent: verifying the same article twice leaves an identical store', async () => {
    const text = readFileSync(resolve(CORPUS, 'seed/aljazeera-2025-11-23-geneva-talks.txt'), 'utf8');
    const a = articleFromText(text);
    const article = stored('seed', 'aljazeera.com', a.text, extractAttributions(a));
    article.paragraphs = a.paragraphs;
    await articles.put(article);
    const store = new RedisClaimStore(redis, keys);
    try {
      const first = await verifyArticle({ data: { articleId: 'seed' }, log: silent }, { articles, store, log: silent });
      expect(first.quotes).toBeGreaterThan(0);
      const before = await dump();
      expect(Object.keys(before).some((k) => k.includes(':c:'))).toBe(true);
      const second = await verifyArticle({ data: { articleId: 'seed' }, log: silent }, { articles, store, log: silent });
      expect(second.changed).toBe(0);
      expect(await dump()).toEqual(before);
    } finally {
      await store.close();
    }
  });

  it('loses no occurrence when articles sharing a claim are verified at the same time', async () => {
    const pairs = 12;
    const ids: string[][] = [];
    for (let i = 0; i < pairs; i++) {
      const quote = DISTINCT_QUOTES[i]!;
      const a = quoteArticle(
        `pair${i}-a`,
        'first.example',
        quote,
        'Maria Lopez',
        `Officials in the valley met on Monday about bridge ${i}.`,
      );
      const b = quoteArticle(
        `pair${i}-b`,
        'second.example',
        quote,
        'Lopez',
        `A different report, from a different outlet, on bridge ${i}.`,
      );
      await articles.put(a);
      await articles.put(b);
      ids.push([a.id, b.id]);
    }
    // Two stores = two workers with their own connections, all articles at once.
    const w1 = new RedisClaimStore(redis, keys);
    const w2 = new RedisClaimStore(redis, keys);
    try {
      await Promise.all(
        ids.flatMap(([a, b]) => [
          verifyArticle({ data: { articleId: a! }, log: silent }, { articles, store: w1, log: silent }),
          verifyArticle({ data: { articleId: b! }, log: silent }, { articles, store: w2, log: silent }),
        ]),
      );
      for (let i = 0; i < pairs; i++) {
        const claimIds = await redis.smembers(`${keys.claims}:ca:pair${i}-a`);
        expect(claimIds).toHaveLength(1);
        const claim = JSON.parse((await redis.get(`${keys.claims}:c:${claimIds[0]}`))!);
        expect(claim.occurrences.map((o: { articleId: string }) => o.articleId).sort()).toEqual([`pair${i}-a`, `pair${i}-b`]);
        expect(claim.status).toBe('corroborated');
        expect(claim.speaker.name).toBe('Maria Lopez');
      }
      // Status counts moved with every change (single_source -> corroborated for the second of
      // each pair), and re-running every article moves nothing.
      const tally = async () => {
        const out: Record<string, number> = {};
        let cursor = null;
        do {
          const page = await w1.page(cursor, 100);
          for (const c of page.claims) out[c.status] = (out[c.status] ?? 0) + 1;
          cursor = page.next;
        } while (cursor);
        return out;
      };
      const counts = await w1.countByStatus();
      expect(counts.corroborated).toBeGreaterThanOrEqual(pairs);
      expect(Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0))).toEqual(await tally());
      await Promise.all(
        ids
          .flat()
          .map((id, i) =>
            verifyArticle({ data: { articleId: id }, log: silent }, { articles, store: i % 2 ? w1 : w2, log: silent }),
          ),
      );
      expect(await w2.countByStatus()).toEqual(counts);
    } finally {
      await w1.close();
      await w2.close();
    }
  });

  it('reruns a transaction when another worker commits to what it read between its reads and its commit', async () => {
    const quote = 'The ferry timetable will double its crossings once the new pier opens in April';
    const a = quoteArticle('race-a', 'first.example', quote, 'Nora Finch', 'The harbour board met on Friday.');
    const b = quoteArticle('race-b', 'second.example', quote, 'Finch', 'Another outlet covered the harbour board.');
    const c = quoteArticle('race-c', 'third.example', quote, 'Nora Finch', 'A third outlet covered the harbour board.');
    const w1 = new RedisClaimStore(redis, keys);
    const w2 = new RedisClaimStore(redis, keys);
    try {
      await new Verifier(w1).addArticle(articleInput(a));
      // Worker 1 reads the claim for article b; before it commits, worker 2 commits article c to
      // the same claim. Applied blindly, worker 1's claim record (a + b) would drop c's occurrence.
      let interleaved = false;
      const racing: ClaimStore = Object.assign(Object.create(w1) as RedisClaimStore, {
        transact: <T>(work: Parameters<ClaimStore['transact']>[0]) =>
          w1.transact(async (tx) => {
            const out = await work(tx);
            if (!interleaved) {
              interleaved = true;
              await new Verifier(w2).addArticle(articleInput(c));
            }
            return out as { writes: typeof out.writes; result: T };
          }),
      });
      const r = await new Verifier(racing).addArticle(articleInput(b));
      expect(r.attempts).toBe(2);
      expect(w1.stats.conflicts).toBe(1);
      const [id] = await redis.smembers(`${keys.claims}:ca:race-a`);
      expect(await redis.smembers(`${keys.claims}:ca:race-b`)).toEqual([id]);
      expect(await redis.smembers(`${keys.claims}:ca:race-c`)).toEqual([id]);
      const claim = JSON.parse((await redis.get(`${keys.claims}:c:${id}`))!);
      expect(claim.occurrences.map((o: { articleId: string }) => o.articleId).sort()).toEqual(['race-a', 'race-b', 'race-c']);
      // One claim, counted once under its final status.
      const counts = await w1.countByStatus();
      expect(Object.values(counts).reduce((x, y) => x + y, 0)).toBe(await w1.count());
    } finally {
      await w1.close();
      await w2.close();
    }
  });

  it('finds an edited repeat through the 4-gram posting lists, each claim listed once', async () => {
    const quote = 'The harbour tunnel will carry its first trains before the end of the next summer season';
    const edited = quote.replace('first', 'earliest');
    const a = quoteArticle('post-a', 'first.example', quote, 'Ida Moss', 'The port authority met on Tuesday.');
    const b = quoteArticle('post-b', 'second.example', edited, 'Ida Moss', 'Another outlet covered the tunnel.');
    await articles.put(a);
    await articles.put(b);
    const store = new RedisClaimStore(redis, keys);
    try {
      await verifyArticle({ data: { articleId: a.id }, log: silent }, { articles, store, log: silent });
      await verifyArticle({ data: { articleId: b.id }, log: silent }, { articles, store, log: silent });
      await verifyArticle({ data: { articleId: b.id }, log: silent }, { articles, store, log: silent });
      const [id] = await redis.smembers(`${keys.claims}:ca:post-a`);
      expect(await redis.smembers(`${keys.claims}:ca:post-b`)).toEqual([id]);
      // Both wordings start with the same 4-gram: its posting list names the claim once.
      const first = quoteKeys(normalizeQuote(quote).words, { name: 'Ida Moss', kind: 'person' }).posted[0]!;
      expect(await redis.get(`${keys.claims}:${first}`)).toBe(`${id} `);
    } finally {
      await store.close();
    }
  });

  it('files short quotes under their speaker, so a later long quote they were cut from joins them', async () => {
    const short = 'wish list';
    const long = 'He told us the proposal was a wish list from the other side of the table';
    const a = quoteArticle('short-a', 'first.example', short, 'Ida Moss', 'Talks resumed on Sunday.');
    const b = quoteArticle('long-b', 'second.example', long, 'Ida Moss', 'A second report on the talks.');
    const other = 'Nobody here would call the proposal a wish list, it is a serious framework for peace';
    const c = quoteArticle('long-c', 'third.example', other, 'Max Byrd', 'A third report, another speaker.');
    for (const x of [a, b, c]) await articles.put(x);
    const store = new RedisClaimStore(redis, keys);
    try {
      for (const x of [a, b, c])
        await verifyArticle({ data: { articleId: x.id }, log: silent }, { articles, store, log: silent });
      const [id] = await redis.smembers(`${keys.claims}:ca:short-a`);
      expect(await redis.hgetall(`${keys.claims}:sq:p:mos`)).toEqual({ 'wish list': id });
      expect(await redis.smembers(`${keys.claims}:ca:long-b`)).toEqual([id]);
      // Another speaker's quote holding the same two words does not join Ida Moss's claim.
      expect(await redis.smembers(`${keys.claims}:ca:long-c`)).not.toContain(id);
    } finally {
      await store.close();
    }
  });

  it('files a quote under its speaker’s words, so a few words cut from it find it past the speaker’s later claims', async () => {
    const long = 'I love the harbour tunnel and I will never ride the ferry again';
    const first = quoteArticle('words-long', 'first.example', long, 'Ida Moss', 'The tunnel opened on Sunday.');
    const later = Array.from({ length: 210 }, (_, i) =>
      quoteArticle(
        `words-other-${i}`,
        'other.example',
        `Remark number ${i} on budget line w${i}x`,
        'Ida Moss',
        `Budget day ${i}.`,
      ),
    );
    const short = quoteArticle(
      'words-short',
      'second.example',
      'love the harbour tunnel',
      'Ida Moss',
      'A second report on the tunnel.',
    );
    const all = [first, ...later, short];
    for (const x of all) await articles.put(x);
    const store = new RedisClaimStore(redis, keys);
    try {
      for (const x of all) await verifyArticle({ data: { articleId: x.id }, log: silent }, { articles, store, log: silent });
      const [id] = await redis.smembers(`${keys.claims}:ca:words-long`);
      expect((await redis.hget(`${keys.claims}:sw:p:mos`, 'tunnel'))?.split(' ')).toContain(id);
      expect(await redis.smembers(`${keys.claims}:ca:words-short`)).toEqual([id]);
    } finally {
      await store.close();
    }
  });

  it('stores and finds claims outside ASCII byte for byte: Cyrillic, Polish and curly quotes', async () => {
    // A wrong encoding on the way to Redis or back would show as a changed record, a short quote
    // filed under another key, or a repeat that no longer joins its claim.
    const long = 'Мы не подпишем этот план, пока «наши условия» не будут выполнены, сказал он в понедельник';
    const short = 'ósmy dzień';
    const a = quoteArticle('utf-a', 'first.example', long, 'Владимир Путин', 'Переговоры продолжились в Женеве.');
    const b = quoteArticle('utf-b', 'second.example', long, 'Владимир Путин', 'Another outlet’s report.');
    const c = quoteArticle('utf-c', 'third.example', short, 'Łukasz Wójcik', 'Rozmowy trwały “do rana”.');
    const d = quoteArticle('utf-d', 'fourth.example', short, 'Łukasz Wójcik', 'Kolejna relacja.');
    for (const x of [a, b, c, d]) await articles.put(x);
    const store = new RedisClaimStore(redis, keys);
    try {
      for (const x of [a, b, c, d])
        await verifyArticle({ data: { articleId: x.id }, log: silent }, { articles, store, log: silent });
      const [longId] = await redis.smembers(`${keys.claims}:ca:utf-a`);
      const [shortId] = await redis.smembers(`${keys.claims}:ca:utf-c`);
      expect(await redis.smembers(`${keys.claims}:ca:utf-b`)).toEqual([longId]);
      expect(await redis.smembers(`${keys.claims}:ca:utf-d`)).toEqual([shortId]);
      const got = await store.get([longId!, shortId!]);
      expect(got.get(longId!)!.speaker.name).toBe('Владимир Путин');
      expect(got.get(longId!)!.occurrences.map((o) => o.text)).toEqual([long, long]);
      expect(got.get(shortId!)!.speaker.name).toBe('Łukasz Wójcik');
      const filed = await redis.keys(`${keys.claims}:sq:*`);
      const values = await Promise.all(filed.map((k) => redis.hgetall(k)));
      expect(values.filter((v) => v[short] === shortId)).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('exports claims that validate against `export --schema`, as JSONL and CSV', async () => {
    const env = { QUOTECHECK_PREFIX: prefix, REDIS_URL };
    const schema = await runCli(['export', '--schema'], env);
    expect(schema.code).toBe(0);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validate = ajv.compile(JSON.parse(schema.stdout));
    const all = await runCli(['export'], env);
    expect(all.code).toBe(0);
    const lines = all.stdout.trim().split('\n');
    const count = await redis.zcard(`${keys.claims}:updated`);
    expect(lines).toHaveLength(count);
    for (const line of lines) {
      const record = JSON.parse(line);
      expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    }
    // A record the schema must reject, so the validation above means something.
    expect(validate({ ...JSON.parse(lines[0]!), status: 'maybe' })).toBe(false);
    const corroborated = await runCli(['export', '--status', 'corroborated', '--speaker', 'lopez'], env);
    const rows = corroborated.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(rows.every((r) => r.status === 'corroborated' && /lopez/i.test(r.speaker.name))).toBe(true);
    const dir = await mkdtemp(join(tmpdir(), 'qc-export-'));
    try {
      const csv = await runCli(['export', '--format', 'csv', '--out', join(dir, 'claims.csv')], env);
      expect(csv.code).toBe(0);
      const body = await readFile(join(dir, 'claims.csv'), 'utf8');
      expect(body.split('\n')[0]).toBe(
        'id,canonical,speaker_name,speaker_kind,speaker_role,status,flags,first_seen,independent_sources,occurrence_count,updated_at,occurrences,evidence,review',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000); // starts the real CLI several times: ~10 s each on a loaded 2-core machine

  it('logs flagged claims once per change, and review groups them by claim with evidence', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'qc-review-'));
    const logFile = join(dir, 'quotecheck.log');
    const log = createLogger({ level: 'info', destination: logFile });
    const store = new RedisClaimStore(redis, keys);
    try {
      const t1 = 'Senator Jane Doe said Governor Alan Smith told her the budget was “dead on arrival”.';
      const start = t1.indexOf('the budget');
      const a1 = stored('rev1', 'first.example', t1, [
        {
          type: 'mixed',
          content: { start, end: t1.length - 1, text: t1.slice(start, -1) },
          cue: null,
          source: null,
          speaker: { name: 'Alan Smith', kind: 'person' },
          reportedBy: { name: 'Jane Doe', kind: 'person', source: null },
        },
      ]);
      const t2 = 'A spokesman for Governor Alan Smith said Doe’s account was “completely false”.';
      const s2 = t2.indexOf('Doe’s');
      const a2 = stored('rev2', 'second.example', t2, [
        {
          type: 'mixed',
          content: { start: s2, end: t2.length - 1, text: t2.slice(s2, -1) },
          cue: null,
          source: null,
          speaker: { name: 'spokesman for Governor Alan Smith', kind: 'person' },
        },
      ]);
      await articles.put(a1);
      await articles.put(a2);
      await verifyArticle({ data: { articleId: 'rev1' }, log }, { articles, store, log });
      await verifyArticle({ data: { articleId: 'rev1' }, log }, { articles, store, log });
      await verifyArticle({ data: { articleId: 'rev2' }, log }, { articles, store, log });
      await new Promise<void>((r) => log.flush(() => r()));
      await new Promise((r) => setTimeout(r, 200));
      const lines = (await readFile(logFile, 'utf8'))
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      const flagged = lines.filter((l) => l.event === 'claim.flagged');
      // second_hand after rev1 (once, although verified twice), then denied after rev2.
      expect(flagged.map((l) => l.status)).toEqual(['second_hand', 'denied']);
      expect(flagged[1]).toMatchObject({ level: 40, quote: 'dead on arrival', speaker: 'Alan Smith' });
      await writeFile(logFile, `not json\n${await readFile(logFile, 'utf8')}`);
      const r = await runCli(['review', logFile, '--status', 'denied']);
      expect(r.code).toBe(0);
      const blocks = r.stdout.split('\n').filter((l) => /^[A-Z_]+ “/.test(l));
      expect(blocks).toHaveLength(1);
      expect(blocks[0]).toMatch(/^DENIED “dead on arrival” — Alan Smith/);
      expect(r.stdout).toContain('completely false');
      expect(r.stdout).toContain('2 updates');
      const none = await runCli(['review', logFile, '--speaker', 'nobody-by-this-name']);
      expect(none.stdout.trim()).toBe('');
    } finally {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 300_000); // starts the real CLI several times: ~10 s each on a loaded 2-core machine
});
