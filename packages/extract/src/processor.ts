import { type ArticleStore, type JobContext, outletOf, type StoredArticle, stableId, type VerifyJob } from '@quotecheck/shared';
import { type Queue, UnrecoverableError } from 'bullmq';
import { articleFromHtml } from './article/index.js';
import { extractAttributions } from './attribution/index.js';

/** What the extract processor needs from the rest of the pipeline. */
export interface ExtractDeps {
  /** Reads the raw page the fetch stage stored; null once retention expired it. */
  getRaw(key: string): Promise<Uint8Array | null>;
  articles: ArticleStore;
  verifyQueue: Queue<VerifyJob>;
}

export interface ExtractResult {
  articleId: string;
  paragraphs: number;
  attributions: number;
  ms: number;
}

/**
 * Turns a fetched page into a stored article with its attributions, then enqueues its
 * verification. Re-running it for the same page rewrites the same article and enqueues
 * no second verification of identical content (the job id carries a content hash).
 */
export async function extractArticle(ctx: JobContext<'extract'>, deps: ExtractDeps): Promise<ExtractResult> {
  const { data, log } = ctx;
  const raw = await deps.getRaw(data.rawKey);
  if (!raw) {
    throw new UnrecoverableError(
      `raw page ${data.rawKey} is gone (retention expired or never stored): re-fetch ${data.url} to extract it again`,
    );
  }
  const started = performance.now();
  const article = articleFromHtml(raw, { url: data.url, contentType: data.contentType ?? null, log });
  const attributions = extractAttributions(article);
  const ms = performance.now() - started;
  const articleId = stableId(data.canonicalUrl);
  const stored: StoredArticle = {
    ...article,
    published: article.published ?? data.published ?? null,
    id: articleId,
    canonicalUrl: data.canonicalUrl,
    feedId: data.feedId,
    outlet: outletOf(data.canonicalUrl),
    fetchedAt: data.fetchedAt,
    attributions,
  };
  await deps.articles.put(stored);
  const contentHash = stableId(JSON.stringify(attributions), 12);
  await deps.verifyQueue.add('verify-article', { articleId }, { jobId: `${articleId}-${contentHash}` });
  log.info(
    {
      event: 'article.extracted',
      articleUrl: data.url,
      articleId,
      paragraphs: article.paragraphs.length,
      attributions: attributions.length,
      ms: Math.round(ms),
    },
    'article extracted',
  );
  if (article.paragraphs.length === 0) {
    log.warn({ event: 'article.empty', articleUrl: data.url, articleId }, 'no article body found');
  }
  return { articleId, paragraphs: article.paragraphs.length, attributions: attributions.length, ms };
}
