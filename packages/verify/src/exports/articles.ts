import type { ArticleStore, Occurrence, StoredArticle } from '@quotecheck/shared/core';

/** The article reads an export needs: one article by id, null when it is not stored. */
export type ArticleLookup = Pick<ArticleStore, 'get'>;

/**
 * Articles read once per export run, most recent `max` kept: the occurrences of neighbouring
 * claims come from the same few articles (a seed-article export reads 1 article for 78 claims),
 * and 256 articles of ~17.5 KB each (README, Redis memory) is ~4.5 MB at most.
 */
export class CachedArticles {
  private readonly cache = new Map<string, Promise<StoredArticle | null>>();
  /** Articles read from the store (cache misses). */
  reads = 0;

  constructor(
    private readonly store: ArticleLookup,
    private readonly max = 256,
  ) {}

  /** The article, from the cache or the store; null when it is not stored. */
  get(id: string): Promise<StoredArticle | null> {
    const hit = this.cache.get(id);
    if (hit) {
      // Refresh its place: Map keeps insertion order, so the first key is the least recent.
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    this.reads++;
    const p = this.store.get(id);
    this.cache.set(id, p);
    if (this.cache.size > this.max) this.cache.delete(this.cache.keys().next().value!);
    return p;
  }

  /** The distinct articles of some occurrences, by id (missing ones absent). */
  async of(occurrences: readonly Occurrence[]): Promise<Map<string, StoredArticle>> {
    const ids = [...new Set(occurrences.map((o) => o.articleId))];
    const found = await Promise.all(ids.map((id) => this.get(id)));
    const out = new Map<string, StoredArticle>();
    ids.forEach((id, i) => {
      const a = found[i];
      if (a) out.set(id, a);
    });
    return out;
  }
}

/**
 * Whether the stored article still holds the occurrence at its offsets: a re-extracted article
 * (new cleaning rules) can shift them, and a context cut at the old offsets would be wrong text.
 */
function holds(article: StoredArticle, o: Occurrence): boolean {
  return article.text.slice(o.start, o.end) === o.text;
}

/** Characters of article text kept each side of an occurrence: about two sentences of news prose. */
export const CONTEXT_CHARS = 200;

/**
 * The article text left and right of an occurrence, up to `chars` each side, cut at a word
 * boundary and never across a paragraph; null when the article is gone or no longer holds the
 * occurrence at its offsets.
 */
export function occurrenceContext(
  article: StoredArticle | undefined,
  o: Occurrence,
  chars = CONTEXT_CHARS,
): { left: string; right: string } | null {
  if (!article || !holds(article, o)) return null;
  const text = article.text;
  const paraStart = text.lastIndexOf('\n', o.start - 1) + 1;
  const nl = text.indexOf('\n', o.end);
  const paraEnd = nl < 0 ? text.length : nl;
  let left = text.slice(Math.max(paraStart, o.start - chars), o.start);
  let right = text.slice(o.end, Math.min(paraEnd, o.end + chars));
  // Cut a word in half at the far edge only (the near edge is the quote's own boundary).
  if (o.start - chars > paraStart) left = left.replace(/^\S*\s?/, '');
  if (o.end + chars < paraEnd) right = right.replace(/\s?\S*$/, '');
  return { left, right };
}

/**
 * The extraction confidence of the attribution an occurrence came from: kept on the occurrence
 * since claims carry it, else read from the stored article (the attribution whose content span
 * holds the occurrence; a mixed attribution's quoted fragment lies inside it); null when neither
 * has it.
 */
export function occurrenceConfidence(article: StoredArticle | undefined, o: Occurrence): number | null {
  if (o.confidence !== undefined) return o.confidence;
  if (!article || !holds(article, o)) return null;
  const a = article.attributions.find((x) => x.content.start <= o.start && o.end <= x.content.end);
  return a?.confidence ?? null;
}
