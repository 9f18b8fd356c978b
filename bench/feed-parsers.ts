/**
 * Reads every file of the shared corpus's feeds through quotecheck's decoder and feed parser
 * (feedsmith), and prints parsed/failed counts per group, items and items with an article link,
 * and the reason of every failure. The figures in docs/feeds.md come from it.
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
import { FeedParseError, parseFeed } from '../packages/ingest/src/index.js';

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

interface Tally {
  files: number;
  ok: number;
  items: number;
  /** Items with an article link: a link, or a guid that is a permalink URL. */
  links: number;
  /** Items with a published date (a UTC instant). */
  dated: number;
  failed: { file: string; reason: string }[];
}

const files = walk(root);
const groups: Group[] = ['real', 'synthetic', 'not-a-feed'];
const per = Object.fromEntries(
  groups.map((g) => [g, { files: 0, ok: 0, items: 0, links: 0, dated: 0, failed: [] } as Tally]),
) as Record<Group, Tally>;
const start = performance.now();
for (const abs of files) {
  const rel = relative(root, abs).split(sep).join('/');
  let bytes = readFileSync(abs);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  const g = per[groupOf(rel)];
  g.files++;
  try {
    const feed = await parseFeed(bytes, { url: rel });
    g.ok++;
    g.items += feed.items.length;
    g.links += feed.items.filter((i) => i.link || (i.guidIsPermaLink && /^https?:\/\//i.test(i.guid ?? ''))).length;
    g.dated += feed.items.filter((i) => i.published).length;
  } catch (e) {
    const reason = e instanceof FeedParseError ? `${e.reason}: ` : 'CRASH: ';
    g.failed.push({
      file: rel,
      reason: reason + (e as Error).message.replace(`${rel} is not a readable feed: `, '').slice(0, 200),
    });
  }
}
const ms = Math.round(performance.now() - start);

if (markdown) {
  console.log('| group | files | parsed | items | with an article link | with a date |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const g of groups) {
    const t = per[g];
    console.log(`| ${g} | ${t.files} | ${t.ok} | ${t.items} | ${t.links} | ${t.dated} |`);
  }
  console.log('\nReal feeds that failed:\n');
  for (const f of per.real.failed) console.log(`- \`${f.file}\`: ${f.reason}`);
} else {
  for (const g of groups) {
    const t = per[g];
    console.log(`${g.padEnd(11)} parsed ${t.ok}/${t.files}, ${t.items} items, ${t.links} with an article link, ${t.dated} dated`);
  }
  for (const g of ['real', 'synthetic'] as const)
    for (const f of per[g].failed) console.log(`  FAIL [${g}] ${f.file}: ${f.reason}`);
}
console.error(`${files.length} files in ${ms} ms`);
