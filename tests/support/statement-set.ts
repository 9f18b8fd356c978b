/**
 * A set of real articles in which outlets excerpt the same statements differently, through the
 * real extractor, and the claims a store makes of them as a partition of occurrences: what tests
 * of claim identity compare across arrival orders and store layouts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { articleFromText, extractAttributions } from '@quotecheck/extract';
import { stableId } from '@quotecheck/shared';
import { type ArticleInput, type ClaimStore, Verifier } from '@quotecheck/verify';
import { CORPUS } from './cli.js';

const TRAIN = resolve(CORPUS, 'polnear/data/train/text');

/**
 * PolNeAR train articles in which outlets excerpt the same statements differently (the dev set of
 * bench/cluster-devset): Trump's "if she gets to pick her judges" remarks, Obama's "never been a
 * man or a woman more qualified", Trump's "founder of ISIS" (two excerpts in one article, the whole
 * in another), Comey's "extremely careless", Clinton's "ISIS's best recruiter".
 */
export const STATEMENT_FILES = [
  'breitbart_2016-07-27_obama-to-frame-election-as-comma.txt',
  'breitbart_2016-08-10_secret-service-stops-protester-a.txt',
  'huff-post_2015-12-20_hillary-clinton-s-claim-that-don.txt',
  'huff-post_2016-08-11_donald-trump-is-now-calling-obam.txt',
  'huff-post_2016-08-12_isis-truther-donald-trump-is-lik.txt',
  'nyt_2016-07-29_obama-lays-out-stakes-for-a-divi.txt',
  'politico_2016-07-06_lewandowski-fbi-director-acted-a.txt',
  'politico_2016-08-11_pence-blames-media-for-trump-s-o.txt',
  'usa-today_2016-08-10_nd-amendment-people-his-secret-w.txt',
  'west-journal_2015-12-21_revealed-what-isis-propaganda-vi.txt',
  'west-journal_2016-07-28_obama-claims-hillary-most-qualif.txt',
  'west-journal_2016-08-11_reagan-s-daughter-makes-strong-s.txt',
];

/** The articles through the real extractor, once. */
export function loadStatementArticles(): ArticleInput[] {
  return STATEMENT_FILES.map((name) => {
    const article = articleFromText(readFileSync(resolve(TRAIN, name), 'utf8'));
    return {
      id: stableId(name),
      input: name,
      outlet: name.slice(0, name.indexOf('_')),
      published: article.published,
      text: article.text,
      paragraphs: article.paragraphs,
      byline: article.byline,
      attributions: extractAttributions(article),
    };
  });
}

/** A seeded shuffle (mulberry32), so a failing order can be replayed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The claims as a partition of occurrences (`input:start:end`), canonical texts beside. */
export async function partition(
  store: ClaimStore,
  articles: readonly ArticleInput[],
): Promise<{ groups: string[]; canon: string[] }> {
  const v = new Verifier(store);
  for (const a of articles) await v.addArticle(a);
  const groups: string[] = [];
  const canon: string[] = [];
  let cursor = null;
  do {
    const page = await store.page(cursor, 500);
    for (const c of page.claims) {
      groups.push(
        c.occurrences
          .map((o) => `${o.input}:${o.start}:${o.end}`)
          .sort()
          .join(' | '),
      );
      canon.push(c.canonical);
    }
    cursor = page.next;
  } while (cursor);
  return { groups: groups.sort(), canon: canon.sort() };
}
