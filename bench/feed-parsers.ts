/**
 * Reads every file of the shared corpus's feeds through quotecheck's decoder and each feed
 * parser (feedsmith alone, rss-parser alone, and the default chain), and prints parsed/failed
 * counts per group with the reason of every failure. The figures in docs/feeds.md come from it.
 *
 *   pnpm exec tsx bench/feed-parsers.ts [--markdown]
 *
 * Groups: `kurtmckee-feedparser/**` are feedparser's synthetic edge cases (deliberately odd
 * encodings and ill-formed documents); `rbren-rss-parser/output/*.json` are that parser's
 * expected outputs and `*.serde.json` are feed-rs's, not feeds; everything else is a real published feed or a parser-suite sample.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { type FeedParserName, parseFeed } from '../packages/ingest/src/index.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)), '../shared/corpus/feeds');
const markdown = process.argv.includes('--markdown');

type Group = 'real' | 'synthetic' | 'not-a-feed';
function groupOf(rel: string): Group {
  if (rel.startsWith('kurtmckee-feedparser/')) return 'synthetic';
  if (rel.startsWith('rbren-rss-parser/output/') || rel.endsWith('.serde.json')) return 'not-a-feed';
  return 'real';
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) walk(abs, out);
    else if (!/^(LICENSE|NO-LICENSE|SOURCE|NOTICE|README)/i.test(name) && !name.endsWith('.tsv')) out.push(abs);
  }
  return out;
}

const files = walk(root);
const configs: [string, FeedParserName[]][] = [
  ['feedsmith', ['feedsmith']],
  ['rss-parser', ['rss-parser']],
  ['default (feedsmith, then rss-parser)', ['feedsmith', 'rss-parser']],
];
const results: Record<string, Record<Group, { ok: number; failed: { file: string; reason: string }[]; items: number }>> = {};
const t0 = performance.now();
for (const [label, parsers] of configs) {
  const per: (typeof results)[string] = {
    real: { ok: 0, failed: [], items: 0 },
    synthetic: { ok: 0, failed: [], items: 0 },
    'not-a-feed': { ok: 0, failed: [], items: 0 },
  };
  const start = performance.now();
  for (const abs of files) {
    const rel = relative(root, abs).split(sep).join('/');
    let bytes = readFileSync(abs);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    const g = per[groupOf(rel)];
    try {
      const feed = await parseFeed(bytes, { url: rel, parsers });
      g.ok++;
      g.items += feed.items.length;
    } catch (e) {
      g.failed.push({ file: rel, reason: (e as Error).message.replace(`${rel} is not a readable feed: `, '').slice(0, 200) });
    }
  }
  results[label] = per;
  console.error(`${label}: ${files.length} files in ${Math.round(performance.now() - start)} ms`);
}

const groups: Group[] = ['real', 'synthetic', 'not-a-feed'];
const counts = Object.fromEntries(
  groups.map((g) => [g, files.filter((f) => groupOf(relative(root, f).split(sep).join('/')) === g).length]),
);
if (markdown) {
  console.log(
    `| parser | real feeds parsed (of ${counts.real}) | synthetic edge cases parsed (of ${counts.synthetic}) | non-feeds accepted (of ${counts['not-a-feed']}) |`,
  );
  console.log('| --- | --- | --- | --- |');
  for (const [label, per] of Object.entries(results)) {
    console.log(`| ${label} | ${per.real.ok} | ${per.synthetic.ok} | ${per['not-a-feed'].ok} |`);
  }
  for (const [label, per] of Object.entries(results)) {
    console.log(`\n**${label}**, real feeds that failed:\n`);
    for (const f of per.real.failed) console.log(`- \`${f.file}\`: ${f.reason}`);
  }
} else {
  for (const [label, per] of Object.entries(results)) {
    console.log(`\n${label}`);
    for (const g of groups) console.log(`  ${g.padEnd(11)} parsed ${per[g].ok}/${counts[g]}, ${per[g].items} items`);
    for (const g of ['real', 'synthetic'] as const)
      for (const f of per[g].failed) console.log(`  FAIL [${g}] ${f.file}: ${f.reason}`);
  }
}
console.error(`total ${Math.round(performance.now() - t0)} ms`);
