/**
 * Verify latency per quote as the claim store grows: loads synthetic claims into Redis with
 * pipelines (the same keys the verifier writes: claim JSON, exact-quote key, word 4-gram
 * postings, speaker and update indexes), then times `Verifier.addArticle` on one-quote articles
 * (half repeat a stored quote with a small edit, half are new) at each size. Uses its own key
 * prefix and deletes it at the end.
 *
 *   pnpm bench:verify [--sizes 10000,100000,1000000] [--samples 300] [--no-memory] [--partitions 1]
 *
 * `--partitions N` spreads the claim store over N hash tags (`claimPartitions`).
 * `--no-memory` skips the per-key MEMORY USAGE sum (minutes over the ~7M keys of 1M claims).
 */
import type { Claim } from '../packages/shared/src/index.js';
import { createRedis, Keys, stableId } from '../packages/shared/src/index.js';
import {
  normalizeQuote,
  quoteKeys,
  RedisClaimStore,
  SPEAKER_WORD_RECENT,
  speakerKey,
  Verifier,
} from '../packages/verify/src/index.js';
import { memoryByKind, purgePrefix, usedMemory } from '../tests/support/redis-keys.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? dflt) : dflt;
};
const SIZES = arg('sizes', '10000,100000,1000000').split(',').map(Number);
const SAMPLES = Number(arg('samples', '300'));
const MEMORY = !process.argv.includes('--no-memory');
const prefix = `qc-bench-verify-${process.pid}`;
const redis = createRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const keys = new Keys(prefix, Number(arg('partitions', '1')));
const store = new RedisClaimStore(redis, keys);

// Deterministic pseudo-random words and quotes.
let seed = 42;
const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const SYL = ['ka', 'lo', 'mi', 'ren', 'tu', 'sa', 'vor', 'el', 'di', 'nu', 'pra', 'ost', 'ki', 'bel', 'um', 'zar'];
const VOCAB = Array.from({ length: 20000 }, () =>
  Array.from({ length: 2 + Math.floor(rand() * 3) }, () => SYL[Math.floor(rand() * SYL.length)]).join(''),
);
const word = () => VOCAB[Math.floor(rand() * VOCAB.length)]!;
const quoteOf = (n: number) => Array.from({ length: n }, word).join(' ');
const speakerOf = (i: number) => ({ name: `Alex Speaker${i % 5000}`, kind: 'person' as const });

const stored: { text: string; speaker: ReturnType<typeof speakerOf> }[] = [];

/** Appends a claim id to a hash field, keeping the last ARGV[3] (what the commit script's HPOST does). */
const HAPPEND = `local v = (redis.call('HGET', KEYS[1], ARGV[1]) or '') .. ARGV[2]
local keep = tonumber(ARGV[3]) * #ARGV[2]
if #v > keep then v = string.sub(v, #v - keep + 1) end
return redis.call('HSET', KEYS[1], ARGV[1], v)`;
let HAPPEND_SHA = '';

async function load(from: number, to: number): Promise<void> {
  HAPPEND_SHA ||= (await redis.script('LOAD', HAPPEND)) as string;
  const started = performance.now();
  let p = redis.pipeline();
  let queued = 0;
  const k = (s: string) => store.space.entry(s).key;
  const now = Date.now();
  for (let i = from; i < to; i++) {
    const text = quoteOf(12 + Math.floor(rand() * 9));
    const speaker = speakerOf(i);
    if (stored.length < 5000) stored.push({ text, speaker });
    const id = stableId(`bench:${i}`);
    const articleId = `bench-a${i}`;
    const claim: Claim = {
      id,
      canonical: text,
      speaker,
      status: 'single_source',
      flags: ['single_source'],
      firstSeen: null,
      independentSources: 1,
      occurrences: [
        {
          articleId,
          input: `https://bench.example/${i}`,
          outlet: `outlet${i % 50}.example`,
          published: null,
          start: 1,
          end: 1 + text.length,
          text,
          type: 'direct',
          speaker,
          fidelity: 'exact',
          meaningChanged: false,
          sentence: `“${text}” he said.`,
        },
      ],
      evidence: [],
      updatedAt: new Date(now).toISOString(),
    };
    const qk = quoteKeys(normalizeQuote(text).words, speaker);
    p.set(store.space.claim(id).key, JSON.stringify(claim));
    p.zadd(store.space.ofClaim(id, 'updated').key, now, id);
    if (qk.exact) p.set(k(qk.exact), id);
    // Posting lists are strings of space-terminated ids (the store appends the same way).
    for (const g of qk.posted) p.append(k(g), `${id} `);
    p.zadd(k(`by:${speakerKey(speaker)}`), now, id);
    // The speaker's words, where a quote of a few words looks for the one it was cut from (the
    // commit's HPOST appends the same way). The made-up names all fold to one speaker key
    // ("Speaker12" -> p:speaker), so this is one hash of every word: the worst case.
    for (const w of qk.words) p.call('EVALSHA', HAPPEND_SHA, 1, k(`sw:${speakerKey(speaker)}`), w, `${id} `, SPEAKER_WORD_RECENT);
    p.sadd(k(`ca:${articleId}`), id);
    queued += 5 + qk.posted.length + qk.words.length;
    if (queued >= 20000) {
      await p.exec();
      p = redis.pipeline();
      queued = 0;
    }
  }
  await p.exec();
  const s = (performance.now() - started) / 1000;
  console.error(`loaded ${to - from} claims in ${s.toFixed(1)} s (${Math.round((to - from) / s)}/s)`);
}

function article(n: number, size: number) {
  // Half repeat a stored quote with one word changed (a match to find), half are new quotes.
  const repeat = n % 2 === 0;
  const base = repeat
    ? stored[Math.floor(rand() * stored.length)]!
    : { text: quoteOf(15), speaker: speakerOf(Math.floor(rand() * 5000)) };
  const words = base.text.split(' ');
  if (repeat) words[Math.floor(words.length / 2)] = word();
  const quote = words.join(' ');
  const text = `A synthetic lead paragraph number ${n} at size ${size}.\n“${quote}” ${base.speaker.name} said.`;
  const start = text.indexOf(quote);
  return {
    id: `bench-s${size}-${n}`,
    input: `https://probe.example/${size}/${n}`,
    outlet: `probe${n % 7}.example`,
    published: null,
    text,
    paragraphs: text.split('\n'),
    byline: null,
    attributions: [
      {
        type: 'direct' as const,
        content: { start, end: start + quote.length, text: quote },
        cue: null,
        source: null,
        speaker: base.speaker,
      },
    ],
  };
}

async function measure(size: number): Promise<{ p50: number; p95: number; mean: number; matched: number }> {
  const v = new Verifier(store);
  for (let i = 0; i < 20; i++) await v.addArticle(article(-1 - i, size)); // warm-up
  const times: number[] = [];
  let matched = 0;
  for (let n = 0; n < SAMPLES; n++) {
    const a = article(n, size);
    const t = performance.now();
    const r = await v.addArticle(a);
    times.push(performance.now() - t);
    if (r.changed[0] && r.changed[0].occurrences.length > 1) matched++;
  }
  times.sort((a, b) => a - b);
  const q = (f: number) => times[Math.min(times.length - 1, Math.floor(f * times.length))]!;
  return { p50: q(0.5), p95: q(0.95), mean: times.reduce((a, b) => a + b, 0) / times.length, matched };
}

async function main(): Promise<void> {
  const rows: string[] = [];
  let have = 0;
  // Redis is shared: the used_memory delta is indicative, the per-key sum is the bench's own.
  const base = await usedMemory(redis);
  try {
    for (const size of SIZES) {
      await load(have, size);
      have = size;
      const used = (await usedMemory(redis)) - base;
      const byKind = MEMORY ? await memoryByKind(redis, prefix, (k) => (store.space.nameOf(k) ?? k).split(':')[0]!) : {};
      const own = Object.values(byKind).reduce((a, r) => ({ keys: a.keys + r.keys, bytes: a.bytes + r.bytes }), {
        keys: 0,
        bytes: 0,
      });
      const kinds = Object.entries(byKind).map(([k, r]) => `${k}:${Math.round(r.bytes / size)}`);
      console.error(`bytes/claim by key kind at ${size}: ${kinds.join(' ')}`);
      const r = await measure(size);
      const row = `| ${size.toLocaleString('en')} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.mean.toFixed(2)} | ${r.matched}/${Math.ceil(SAMPLES / 2)} | ${(own.keys / size).toFixed(1)} | ${Math.round(own.bytes / size)} | ${Math.round(used / size)} |`;
      console.error(row);
      rows.push(row);
    }
  } finally {
    console.error(`deleted ${await purgePrefix(redis, prefix)} bench keys`);
    await store.close();
    await redis.quit();
  }
  console.log(`verify latency per quote (${SAMPLES} one-quote articles per size; Redis on loopback)\n`);
  console.log(
    '| claims in store | p50 ms | p95 ms | mean ms | repeats matched | keys/claim | bytes/claim (MEMORY USAGE) | bytes/claim (used_memory delta) |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) console.log(r);
}

await main();
