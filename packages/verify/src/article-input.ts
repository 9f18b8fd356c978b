import type { StoredArticle } from '@quotecheck/shared/core';
import type { ArticleInput } from './prepare.js';

/** The verification view of a stored article. */
export function articleInput(a: StoredArticle): ArticleInput {
  return {
    id: a.id,
    input: a.canonicalUrl,
    outlet: a.outlet,
    published: a.published ?? a.fetchedAt,
    text: a.text,
    paragraphs: a.paragraphs,
    byline: a.byline,
    attributions: a.attributions,
  };
}
