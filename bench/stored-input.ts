import type { Article, Attribution, StoredArticle } from '../packages/shared/src/index.js';
import { outletOf, stableId } from '../packages/shared/src/index.js';
import { type ArticleInput, articleInput } from '../packages/verify/src/index.js';

/**
 * An extracted page as the extract worker stores it under `url` (its outlet the URL's host,
 * fetched at `fetchedAt`), in the form verification reads it: what the benchmarks verify.
 */
export function storedInput(article: Article, attributions: Attribution[], url: string, fetchedAt: string): ArticleInput {
  const stored: StoredArticle = {
    ...article,
    published: article.published ?? fetchedAt,
    id: stableId(url),
    canonicalUrl: url,
    feedId: null,
    outlet: outletOf(url),
    fetchedAt,
    attributions,
  };
  return articleInput(stored);
}
