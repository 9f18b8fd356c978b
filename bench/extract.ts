/**
 * Extraction throughput on one core (one Node process, one thread), with Mozilla Readability on
 * linkedom run on the same pages in the same process for comparison.
 *
 *   pnpm bench:extract [--rounds N] [--no-readability]
 *
 * - PolNeAR texts (shared/corpus/polnear/data/{split}/text/*.txt) → `articleFromText` +
 *   `extractAttributions`: texts/s.
 * - The 181 scrapinghub article-extraction-benchmark pages (bytes, gzip inflated beforehand) →
 *   `articleFromHtml` alone, and `articleFromHtml` + `extractAttributions`: pages/s, plus the
 *   slowest single page (a synchronous parse that long blocks the extract worker's event loop).
 *
 * Rates are given per CPU second of this process (stable when other work shares the machine's
 * cores) and per wall-clock second.
 * - Readability (`@mozilla/readability` on `linkedom`) on the same pages: pages/s.
 *
 * Every task is warmed up once, then timed for N rounds (default 3; Readability: one round); rates
 * are the median round, the slowest page is the maximum over timed rounds. Body F1 (word 4-shingles, as
 * shared/eval/score_body.py computes it) is reported for both extractors from the warm-up output.
 * Prints a table, then one JSON line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { articleFromHtml, articleFromText, extractAttributions } from '../packages/extract/src/index.js';

const corpus = resolve(fileURLToPath(new URL('..', import.meta.url)), '../shared/corpus');
const args = process.argv.slice(2);
const roundsArg = args.indexOf('--rounds');
const rounds = roundsArg >= 0 ? Math.max(1, Number(args[roundsArg + 1]) || 3) : 3;
const withReadability = !args.includes('--no-readability');

// ---- inputs -------------------------------------------------------------------------------------

const polnearRoot = join(corpus, 'polnear/data');
const texts: string[] = [];
for (const split of readdirSync(polnearRoot, { withFileTypes: true })) {
  if (!split.isDirectory()) continue;
  const dir = join(polnearRoot, split.name, 'text');
  let names: string[];
  try {
    names = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  } catch {
    continue;
  }
  for (const f of names.sort()) texts.push(readFileSync(join(dir, f), 'utf8'));
}

const aeb = join(corpus, 'articles/scrapinghub-aeb');
const truth = JSON.parse(readFileSync(join(aeb, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
const keys = Object.keys(truth);
const pages = keys.map((k) => new Uint8Array(gunzipSync(readFileSync(join(aeb, 'html', `${k}.html.gz`)))));
const pageStrings = pages.map((b) => new TextDecoder().decode(b));

// ---- scoring (port of shared/eval/score_body.py) ---------------------------------------------------

const WORD = /[\p{L}\p{N}_]+/gu;

function shingles(text: string): Map<string, number> {
  const toks = text.match(WORD) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, toks.length - 3); i++) {
    if (i >= toks.length) break;
    const k = toks.slice(i, i + 4).join('\u0001');
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

function bodyF1(preds: string[]): number {
  let pSum = 0;
  let pN = 0;
  let rSum = 0;
  let rN = 0;
  keys.forEach((k, i) => {
    const t = shingles(truth[k]!.articleBody);
    const p = shingles(preds[i] ?? '');
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const key of new Set([...t.keys(), ...p.keys()])) {
      const tc = t.get(key) ?? 0;
      const pc = p.get(key) ?? 0;
      tp += Math.min(tc, pc);
      fp += Math.max(0, pc - tc);
      fn += Math.max(0, tc - pc);
    }
    const s = tp + fp + fn;
    const [a, b, c] = s ? [tp / s, fp / s, fn / s] : [0, 0, 0];
    if (a + b > 0) {
      pSum += b === 0 && c === 0 ? 1 : a / (a + b);
      pN++;
    }
    if (a + c > 0) {
      rSum += b === 0 && c === 0 ? 1 : a / (a + c);
      rN++;
    }
  });
  const P = pSum / Math.max(1, pN);
  const R = rSum / Math.max(1, rN);
  return P + R ? (2 * P * R) / (P + R) : 0;
}

// ---- timing ---------------------------------------------------------------------------------------

interface Timing {
  /** Items per CPU second of this process, median over rounds: stable when other work shares the cores. */
  rate: number;
  /** Items per wall-clock second, median over rounds. */
  wallRate: number;
  /** Slowest single item, CPU and wall-clock milliseconds (maximum over timed rounds). */
  slowestMs: number;
  slowestWallMs: number;
  p99Ms: number;
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function time<T>(items: T[], fn: (item: T) => unknown, opts: { warm?: boolean; rounds?: number } = {}): Timing {
  if (opts.warm !== false) for (const item of items) fn(item);
  const rates: number[] = [];
  const wallRates: number[] = [];
  const each: number[] = [];
  let slowestWall = 0;
  for (let r = 0; r < (opts.rounds ?? rounds); r++) {
    const wall0 = performance.now();
    const cpu0 = cpuMs();
    for (const item of items) {
      const w = performance.now();
      const c = cpuMs();
      fn(item);
      each.push(cpuMs() - c);
      slowestWall = Math.max(slowestWall, performance.now() - w);
    }
    rates.push(items.length / ((cpuMs() - cpu0) / 1000));
    wallRates.push(items.length / ((performance.now() - wall0) / 1000));
  }
  const mid = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  each.sort((a, b) => a - b);
  return {
    rate: mid(rates),
    wallRate: mid(wallRates),
    slowestMs: each[each.length - 1] ?? 0,
    slowestWallMs: slowestWall,
    p99Ms: each[Math.floor(each.length * 0.99)] ?? 0,
  };
}

function readability(html: string): string {
  const { document } = parseHTML(html);
  return new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse()?.textContent ?? '';
}

// ---- run --------------------------------------------------------------------------------------------

const textTiming = time(texts, (t) => extractAttributions(articleFromText(t)));
const articleTiming = time(pages, (b) => articleFromHtml(b));
const fullTiming = time(pages, (b) => extractAttributions(articleFromHtml(b)));
const oursF1 = bodyF1(pages.map((b) => articleFromHtml(b).text));

let readabilityTiming: Timing | null = null;
let readabilityF1: number | null = null;
if (withReadability) {
  // The F1 pass doubles as the warm-up; one timed round, Readability being several times slower.
  readabilityF1 = bodyF1(pageStrings.map(readability));
  readabilityTiming = time(pageStrings, readability, { warm: false, rounds: 1 });
}

const rows: [string, number, Timing | null, string][] = [
  ['polnear text → attributions', texts.length, textTiming, 'texts/s'],
  ['aeb html → article', pages.length, articleTiming, 'pages/s'],
  ['aeb html → article + attributions', pages.length, fullTiming, 'pages/s'],
  ['readability/linkedom html → article', pages.length, readabilityTiming, 'pages/s'],
];
const pad = (s: string, n: number): string => s.padEnd(n);
const lpad = (s: string, n: number): string => s.padStart(n);
console.log(
  `${pad('task', 38)}${lpad('items', 6)}${lpad('rate (cpu)', 16)}${lpad('rate (wall)', 16)}${lpad('slowest', 11)}${lpad('p99', 10)}`,
);
for (const [name, n, t, unit] of rows) {
  if (!t) continue;
  console.log(
    `${pad(name, 38)}${lpad(String(n), 6)}${lpad(`${t.rate.toFixed(0)} ${unit}`, 16)}${lpad(`${t.wallRate.toFixed(0)} ${unit}`, 16)}${lpad(`${t.slowestMs.toFixed(1)} ms`, 11)}${lpad(`${t.p99Ms.toFixed(1)} ms`, 10)}`,
  );
}
console.log(
  `body F1 on ${pages.length} aeb pages: quotecheck ${oursF1.toFixed(3)}${readabilityF1 === null ? '' : `, readability ${readabilityF1.toFixed(3)}`}`,
);
console.log(
  `(${rounds} timed rounds after a warm-up, one thread; rates per CPU second of this process and per wall second; slowest and p99 in CPU ms per item; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
);
const r0 = (x: number): number => Math.round(x);
const r1 = (x: number): number => Number(x.toFixed(1));
console.log(
  JSON.stringify({
    bench: 'extract',
    rounds,
    polnear_texts: texts.length,
    polnear_texts_per_s: r0(textTiming.rate),
    polnear_texts_per_wall_s: r0(textTiming.wallRate),
    aeb_pages: pages.length,
    aeb_article_pages_per_s: r0(articleTiming.rate),
    aeb_pages_per_s: r0(fullTiming.rate),
    aeb_pages_per_wall_s: r0(fullTiming.wallRate),
    aeb_slowest_page_ms: r1(fullTiming.slowestMs),
    aeb_slowest_page_wall_ms: r1(fullTiming.slowestWallMs),
    aeb_p99_page_ms: r1(fullTiming.p99Ms),
    aeb_body_f1: Number(oursF1.toFixed(4)),
    readability_pages_per_s: readabilityTiming ? r0(readabilityTiming.rate) : null,
    readability_slowest_page_ms: readabilityTiming ? r1(readabilityTiming.slowestMs) : null,
    readability_body_f1: readabilityF1 === null ? null : Number(readabilityF1.toFixed(4)),
    load_average: r1(loadavg()[0]!),
  }),
);
