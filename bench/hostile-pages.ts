/**
 * Time to read hostile pages: N unclosed elements (the shape that used to grow as N²) and a
 * 10 MB page, in process, one thread. Linear reading shows as time roughly doubling with N.
 *
 *   pnpm bench:hostile                       # div 25k..200k, section/blockquote/li/table 200k, 10 MB pages
 *   pnpm bench:hostile -- --shapes div --sizes 25000,50000,100000,200000
 *
 * Prints one line per page (wall and CPU ms) and a JSON summary line.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { articleFromHtml, extractAttributions } from '../packages/extract/src/index.js';

/** One reported sentence, so a page has something to attribute at the bottom of its nesting. */
const SENTENCE = '\u201cWe will finish the bridge by June,\u201d the mayor, Anna Lindqvist, said on Tuesday.';

/** Opening tags repeated, never closed. */
const SHAPES: Record<string, string> = {
  div: '<div>',
  section: '<section>',
  blockquote: '<blockquote>',
  li: '<li>',
  table: '<table><tr><td>',
  h1: '<h1>',
};

/** Pages about this size are the fetch cap (fetch.maxBytes, 10 MB). */
const TEN_MB = 10_000_000;

function nested(open: string, n: number): string {
  return `<html><head><title>t</title></head><body>${open.repeat(n)}<p>${SENTENCE}</p></body></html>`;
}

/** Real article pages of the shared corpus joined until 10 MB: a large but ordinary page. */
function tenMbOfRealPages(corpus: string): string | null {
  const dir = resolve(corpus, 'articles/mozilla-readability');
  if (!existsSync(dir)) return null;
  const sources = readdirSync(dir)
    .sort()
    .map((n) => join(dir, n, 'source.html'))
    .filter((f) => existsSync(f));
  let out = '';
  while (out.length < TEN_MB && sources.length) for (const f of sources) if (out.length < TEN_MB) out += readFileSync(f, 'utf8');
  return out;
}

function time(label: string, html: string): { label: string; bytes: number; wallMs: number; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const article = articleFromHtml(html, { url: 'https://news.example.com/a' });
  const attributions = extractAttributions(article);
  const wallMs = Math.round(performance.now() - t0);
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
  const bytes = Buffer.byteLength(html);
  console.log(
    `${label.padEnd(22)} ${String(bytes).padStart(10)} bytes  ${String(wallMs).padStart(6)} ms wall  ${String(cpuMs).padStart(6)} ms CPU  (${attributions.length} attributions)`,
  );
  return { label, bytes, wallMs, cpuMs };
}

const { values } = parseArgs({
  options: {
    shapes: { type: 'string', default: 'div,section,blockquote,li,table' },
    sizes: { type: 'string', default: '25000,50000,100000,200000' },
    corpus: { type: 'string', default: resolve(fileURLToPath(new URL('.', import.meta.url)), '../../shared/corpus') },
  },
});

const rows = [];
const sizes = values.sizes.split(',').map(Number);
for (const shape of values.shapes.split(',')) {
  const open = SHAPES[shape];
  if (!open) throw new Error(`unknown shape ${shape}: use ${Object.keys(SHAPES).join(', ')}`);
  // The full size ladder for div; the largest size for the other shapes.
  for (const n of shape === 'div' ? sizes : sizes.slice(-1)) rows.push(time(`${shape} x ${n}`, nested(open, n)));
}
const real = tenMbOfRealPages(values.corpus);
if (real) rows.push(time('10 MB real pages', real));
rows.push(time('10 MB of <div>', nested('<div>', Math.floor(TEN_MB / 5))));
console.log(JSON.stringify({ bench: 'hostile-pages', rows }));
