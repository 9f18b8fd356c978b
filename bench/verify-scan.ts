/**
 * The verifier's hottest text scans against the regular-expression versions they replaced, over
 * every article text of the shared corpus: same results (counted), and time per call.
 *
 *   node --import tsx bench/verify-scan.ts [--limit N] [--repeat 3] [--no-stress] [--against DIR]
 *
 * Texts: PolNeAR (every split), the seed, the German quotation corpus (`originalText`), and every
 * article page under corpus/articles (`articleFromHtml`); each is extracted (`extractAttributions`)
 * and its speakers resolved as `prepareArticle` does. Then, old (the reference copies below, as
 * they were in packages/verify before the scans used `indexOf`) against new (the package's):
 *
 * - `fullNameInText` and `roleInText`: the calls `resolveSpeakers` makes (every one-word person
 *   name; every name after that), plus, with stress on, every capitalised word as a surname and
 *   every pair of capitalised words as a name (up to 60 each per text);
 * - `surnameMentions`: every sentence with the article's people (and with stress, with people
 *   made of the text's capitalised words);
 * - `denierBefore`: every sentence cut before a contrast cue (`cutAtSpeech` false) or a denial or
 *   falsity word (true), as `findDisputes` cuts them; with stress, every whole sentence both ways;
 * - `contextSignature`: every paragraph.
 *
 * Prints, per function, the calls compared and how many results differ (the first few shown),
 * then the time per call and per article of each version over the verifier-like calls (stress
 * calls left out), the median of `--repeat` alternated rounds. `--against DIR` also compares
 * `prepareArticle` (items, disputes, people) with the one of another checkout (e.g. the commit
 * before a change) on every text, and times both.
 * Exits 1 when any result differs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { articleFromHtml, articleFromText, extractAttributions } from '../packages/extract/src/index.js';
import type { Article, Attribution } from '../packages/shared/src/index.js';
import {
  CONTRAST_CUE,
  DENY_VERB,
  denierBefore,
  FALSITY,
  isNegated,
  type KnownPerson,
  lastMentionByPattern,
  surnameMentions,
} from '../packages/verify/src/disputes.js';
import {
  type ArticleInput,
  fullNameInText,
  prepareArticle,
  resolveSpeakers,
  roleInText,
} from '../packages/verify/src/prepare.js';
import { fullNameByPattern, roleByPattern, shingleByJoin } from '../packages/verify/src/scan-oracles.testkit.js';
import { nameTokens, personKey } from '../packages/verify/src/speaker.js';
import { contextSignature, lastWholeWordByPattern, splitSentences } from '../packages/verify/src/text.js';

const { values } = parseArgs({
  options: {
    limit: { type: 'string' },
    repeat: { type: 'string', default: '3' },
    'no-stress': { type: 'boolean', default: false },
    against: { type: 'string' },
  },
  args: process.argv.slice(2).filter((a) => a !== '--'),
});
const LIMIT = values.limit ? Number(values.limit) : Number.POSITIVE_INFINITY;
const REPEAT = Math.max(1, Number(values.repeat));
const STRESS = !values['no-stress'];
const STRESS_PER_TEXT = 60;
/** Calls timed together (fewer than the normalised-quote cache holds). */
const CHUNK = 2000;
const REPO = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CORPUS = process.env.QUOTECHECK_CORPUS ?? resolve(REPO, '../shared/corpus');

// ---- the versions replaced: the scans as the patterns they were (packages/verify/src/scan-oracles.testkit.ts)
// in the functions around them (the same code but for the scan; denierBefore keeps its office-word
// prefilter, which only skips clauses its office pattern cannot match) -------------------------------

const roleInTextOld = roleByPattern;
const fullNameInTextOld = fullNameByPattern;
const surnameMentionsOld = (text: string, people: readonly KnownPerson[]) =>
  surnameMentions(text, people, lastWholeWordByPattern);
const denierBeforeOld = (before: string, people: readonly KnownPerson[], cutAtSpeech = true) =>
  denierBefore(before, people, cutAtSpeech, lastMentionByPattern);
const contextSignatureOld = (paragraphs: readonly string[], paragraph: number) =>
  contextSignature(paragraphs, paragraph, shingleByJoin);

// ---- texts ------------------------------------------------------------------------------------------

interface Text {
  source: string;
  article: Article;
  attributions: Attribution[];
}

function* walk(dir: string): Generator<string> {
  let names: string[];
  try {
    names = readdirSync(dir, { withFileTypes: true }).map((d) => (d.isDirectory() ? `${d.name}/` : d.name));
  } catch {
    return;
  }
  for (const n of names.sort()) {
    if (n.endsWith('/')) yield* walk(join(dir, n.slice(0, -1)));
    else yield join(dir, n);
  }
}

function loadTexts(): Text[] {
  const out: Text[] = [];
  const add = (source: string, article: () => Article) => {
    if (out.length >= LIMIT) return;
    try {
      const a = article();
      if (a.text.trim()) out.push({ source, article: a, attributions: extractAttributions(a) });
    } catch (e) {
      console.warn(`skipped ${source}: ${(e as Error).message}`);
    }
  };
  for (const f of walk(join(CORPUS, 'polnear/data'))) {
    if (/\/text\/[^/]+\.txt$/.test(f)) add(f, () => articleFromText(readFileSync(f, 'utf8')));
  }
  for (const f of walk(join(CORPUS, 'seed'))) if (f.endsWith('.txt')) add(f, () => articleFromText(readFileSync(f, 'utf8')));
  for (const f of walk(join(CORPUS, 'german-news-quotation-attribution-2024/data'))) {
    if (f.endsWith('.json'))
      add(f, () =>
        articleFromText(String((JSON.parse(readFileSync(f, 'utf8')) as { originalText?: string }).originalText ?? '')),
      );
  }
  for (const f of walk(join(CORPUS, 'articles'))) {
    if (!/\.html?(\.gz)?$/.test(f)) continue;
    add(f, () => {
      const raw = readFileSync(f);
      const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
      return articleFromHtml(new Uint8Array(bytes), { url: null });
    });
  }
  return out;
}

// ---- the calls -----------------------------------------------------------------------------------------

/**
 * The names `resolveSpeakers` may pass to fullNameInText (one-word person names) and then to
 * roleInText (every person name, and the fuller names found): every person name of the article's
 * attributions and reporters, titles dropped as it drops them. A superset of its calls (it keeps
 * one name per person and leaves out pronouns and role-only mentions).
 */
function resolverNames(text: string, attributions: readonly Attribution[]): { surnames: string[]; names: string[] } {
  const names = new Set<string>();
  for (const a of attributions) {
    for (const s of [a.speaker, a.reportedBy]) {
      if (s?.kind === 'person' && s.name) names.add(nameTokens(s.name).join(' '));
    }
  }
  const surnames = [...names].filter((n) => nameTokens(n).length === 1);
  for (const n of surnames) {
    const longer = fullNameInTextOld(text, n);
    if (longer) names.add(longer);
  }
  return { surnames, names: [...names] };
}

function capitalised(text: string): { words: string[]; pairs: string[] } {
  const words = [...new Set(text.match(/\p{Lu}[\p{L}’'.-]*/gu) ?? [])].slice(0, STRESS_PER_TEXT);
  const pairs = [...new Set(text.match(/\p{Lu}[\p{L}’'.-]*\s+\p{Lu}[\p{L}’'.-]*/gu) ?? [])].slice(0, STRESS_PER_TEXT);
  return { words, pairs };
}

interface Pair {
  name: string;
  old: (() => unknown)[];
  new: (() => unknown)[];
  oldStress: (() => unknown)[];
  newStress: (() => unknown)[];
  labels: string[];
  stressLabels: string[];
}

function pair(name: string): Pair {
  return { name, old: [], new: [], oldStress: [], newStress: [], labels: [], stressLabels: [] };
}

function buildCalls(texts: Text[]): Pair[] {
  const full = pair('fullNameInText');
  const role = pair('roleInText');
  const mentions = pair('surnameMentions');
  const denier = pair('denierBefore');
  const sig = pair('contextSignature');
  for (const t of texts) {
    const text = t.article.text;
    const { surnames, names } = resolverNames(text, t.attributions);
    const { people } = resolveSpeakers(text, t.attributions);
    const caps = STRESS ? capitalised(text) : { words: [], pairs: [] };
    for (const n of surnames) {
      full.old.push(() => fullNameInTextOld(text, n));
      full.new.push(() => fullNameInText(text, n));
      full.labels.push(`${t.source} ${JSON.stringify(n)}`);
    }
    for (const n of caps.words) {
      full.oldStress.push(() => fullNameInTextOld(text, n));
      full.newStress.push(() => fullNameInText(text, n));
      full.stressLabels.push(`${t.source} ${JSON.stringify(n)}`);
    }
    for (const n of names) {
      role.old.push(() => roleInTextOld(text, n));
      role.new.push(() => roleInText(text, n));
      role.labels.push(`${t.source} ${JSON.stringify(n)}`);
    }
    for (const n of caps.pairs) {
      role.oldStress.push(() => roleInTextOld(text, n));
      role.newStress.push(() => roleInText(text, n));
      role.stressLabels.push(`${t.source} ${JSON.stringify(n)}`);
    }
    const capPeople: KnownPerson[] = caps.words.map((w) => ({ name: w, key: personKey(w) ?? w }));
    for (const s of splitSentences(text)) {
      mentions.old.push(() => surnameMentionsOld(s.text, people));
      mentions.new.push(() => surnameMentions(s.text, people));
      mentions.labels.push(`${t.source} ${JSON.stringify(s.text.slice(0, 80))}`);
      if (STRESS) {
        mentions.oldStress.push(() => surnameMentionsOld(s.text, capPeople));
        mentions.newStress.push(() => surnameMentions(s.text, capPeople));
        mentions.stressLabels.push(`${t.source} ${JSON.stringify(s.text.slice(0, 80))}`);
      }
      const contrast = CONTRAST_CUE.exec(s.text);
      if (contrast) {
        const before = s.text.slice(0, contrast.index);
        denier.old.push(() => denierBeforeOld(before, people, false));
        denier.new.push(() => denierBefore(before, people, false));
        denier.labels.push(`${t.source} ${JSON.stringify(before.slice(-80))} (contrast)`);
      }
      const m = DENY_VERB.exec(s.text) ?? FALSITY.exec(s.text);
      if (m && !isNegated(s.text, m.index)) {
        const before = s.text.slice(0, m.index);
        denier.old.push(() => denierBeforeOld(before, people));
        denier.new.push(() => denierBefore(before, people));
        denier.labels.push(`${t.source} ${JSON.stringify(before.slice(-80))} (denial)`);
      }
      if (STRESS) {
        for (const cut of [true, false]) {
          for (const ps of [people, capPeople]) {
            denier.oldStress.push(() => denierBeforeOld(s.text, ps, cut));
            denier.newStress.push(() => denierBefore(s.text, ps, cut));
            denier.stressLabels.push(`${t.source} ${JSON.stringify(s.text.slice(0, 80))} cut=${cut}`);
          }
        }
      }
    }
    const paragraphs = t.article.paragraphs;
    for (let p = 0; p < paragraphs.length; p++) {
      sig.old.push(() => contextSignatureOld(paragraphs, p));
      sig.new.push(() => contextSignature(paragraphs, p));
      sig.labels.push(`${t.source} paragraph ${p}`);
    }
  }
  return [full, role, mentions, denier, sig];
}

function compare(p: Pair): number {
  let differ = 0;
  const check = (olds: (() => unknown)[], news: (() => unknown)[], labels: string[], kind: string) => {
    let n = 0;
    for (let i = 0; i < olds.length; i++) {
      const a = olds[i]!();
      const b = news[i]!();
      if (!isDeepStrictEqual(a, b)) {
        n++;
        if (n <= 5)
          console.log(`  DIFF ${p.name} (${kind}) ${labels[i]}\n    old ${JSON.stringify(a)}\n    new ${JSON.stringify(b)}`);
      }
    }
    return n;
  };
  const real = check(p.old, p.new, p.labels, 'verifier calls');
  const stress = check(p.oldStress, p.newStress, p.stressLabels, 'stress calls');
  differ = real + stress;
  console.log(
    `${p.name.padEnd(17)} verifier-like calls ${String(p.old.length).padStart(7)}, differing ${real}; stress calls ${String(p.oldStress.length).padStart(7)}, differing ${stress}`,
  );
  return differ;
}

function timeCalls(calls: (() => unknown)[]): number {
  const t = performance.now();
  for (const c of calls) c();
  return performance.now() - t;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number, d = 3) => n.toFixed(d);

async function main(): Promise<void> {
  const t0 = performance.now();
  const texts = loadTexts();
  console.log(
    `${texts.length} texts (${texts.reduce((n, t) => n + t.attributions.length, 0)} attributions) extracted in ${fmt((performance.now() - t0) / 1000, 1)} s; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const pairs = buildCalls(texts);
  let differ = 0;
  for (const p of pairs) differ += compare(p);

  console.log(
    `\ntime over the verifier-like calls, median of ${REPEAT} rounds (old, new alternated per chunk of ${CHUNK} calls, caches warm); per article = over ${texts.length} texts`,
  );
  for (const p of pairs) {
    // In chunks, each run once untimed first: the caches the scans share (name tokens, normalised
    // windows) are then warm for both versions alike, and the figures are the scans' own cost.
    const olds = new Array<number>(REPEAT).fill(0);
    const news = new Array<number>(REPEAT).fill(0);
    for (let c = 0; c < p.old.length; c += CHUNK) {
      const oldChunk = p.old.slice(c, c + CHUNK);
      const newChunk = p.new.slice(c, c + CHUNK);
      timeCalls(newChunk);
      for (let r = 0; r < REPEAT; r++) {
        olds[r]! += timeCalls(oldChunk);
        news[r]! += timeCalls(newChunk);
      }
    }
    const o = median(olds);
    const n = median(news);
    console.log(
      `${p.name.padEnd(17)} ${String(p.old.length).padStart(7)} calls: old ${fmt((1000 * o) / p.old.length, 2)} µs/call, ${fmt(o / texts.length)} ms/article; new ${fmt((1000 * n) / p.new.length, 2)} µs/call, ${fmt(n / texts.length)} ms/article (x${fmt(o / n, 1)})`,
    );
  }

  if (values.against) {
    const other = (await import(pathToFileURL(resolve(values.against, 'packages/verify/src/prepare.ts')).href)) as {
      prepareArticle: typeof prepareArticle;
    };
    const inputs: ArticleInput[] = texts.map((t, i) => ({
      id: `a${i}`,
      input: t.source,
      outlet: 'bench',
      published: null,
      text: t.article.text,
      paragraphs: t.article.paragraphs,
      byline: t.article.byline,
      attributions: t.attributions,
    }));
    let diff = 0;
    for (const a of inputs) {
      if (!isDeepStrictEqual(other.prepareArticle(a), prepareArticle(a))) {
        diff++;
        if (diff <= 5) console.log(`  DIFF prepareArticle ${a.input}`);
      }
    }
    differ += diff;
    const olds: number[] = [];
    const news: number[] = [];
    for (let r = 0; r < REPEAT; r++) {
      olds.push(timeCalls(inputs.map((a) => () => other.prepareArticle(a))));
      news.push(timeCalls(inputs.map((a) => () => prepareArticle(a))));
    }
    console.log(
      `\nprepareArticle vs ${values.against}: ${inputs.length} articles, differing ${diff}; ${fmt(median(olds) / inputs.length)} ms/article there, ${fmt(median(news) / inputs.length)} ms/article here`,
    );
  }
  console.log(
    `\nload average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${differ} differing result(s)`,
  );
  if (differ) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
