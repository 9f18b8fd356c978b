import { type ArticleStore, type JobContext, outletOf, type StoredArticle, stableId, type VerifyJob } from '@quotecheck/shared';
import { type Queue, UnrecoverableError } from 'bullmq';
import { EXTRACT_BUDGET_MS, ExtractBudgetError, type ExtractOutput, type ExtractPool } from './extract-pool.js';

/** What the extract processor needs from the rest of the pipeline. */
export interface ExtractDeps {
  /** Reads the raw page the fetch stage stored; null once retention expired it. */
  getRaw(key: string): Promise<Uint8Array | null>;
  articles: ArticleStore;
  verifyQueue: Queue<VerifyJob>;
  /** Threads the page is extracted in: the process's pool, which its owner closes. */
  pool: ExtractPool;
  /** Time one page may take to extract; {@link EXTRACT_BUDGET_MS} by default. */
  budgetMs?: number;
}

export interface ExtractResult {
  articleId: string;
  paragraphs: number;
  attributions: number;
  ms: number;
}

/**
 * Turns a fetched page into a stored article with its attributions, then enqueues its
 * verification. The page is read in a worker thread within `deps.budgetMs`; a page over budget
 * fails unrecoverably (one attempt, nothing stored, nothing verified). Re-running it for the same page rewrites the same article and enqueues
 * no second verification of identical content (the job id carries a content hash). The same
 * function extracts a page inside its fetch job when one process runs both roles (the context is
 * then the fetch job's logger and signal, with the extract job it would have queued).
 */
export async function extractArticle(
  ctx: Pick<JobContext<'extract'>, 'data' | 'log' | 'signal'>,
  deps: ExtractDeps,
): Promise<ExtractResult> {
  const { data, log } = ctx;
  const raw = await deps.getRaw(data.rawKey);
  if (!raw) {
    throw new UnrecoverableError(
      `raw page ${data.rawKey} is gone (retention expired or never stored): re-fetch ${data.url} to extract it again`,
    );
  }
  // In a thread under a deadline: a synchronous parse here would block the lock renewal of every
  // job of this worker, and a page over budget is failed once, never stored nor verified.
  let extracted: ExtractOutput;
  try {
    extracted = await deps.pool.run(
      { html: raw, url: data.url, contentType: data.contentType ?? null },
      deps.budgetMs ?? EXTRACT_BUDGET_MS,
      ctx.signal,
    );
  } catch (e) {
    if (e instanceof ExtractBudgetError) {
      log.warn({ event: 'article.over_budget', articleUrl: data.url, reason: e.message }, 'page over its extraction budget');
      throw new UnrecoverableError(e.message);
    }
    throw e;
  }
  const { article, attributions, ms } = extracted;
  for (const [fields, msg] of extracted.debug) log.debug(fields, msg);
  const articleId = stableId(data.canonicalUrl);
  const stored: StoredArticle = {
    ...article,
    published: article.published ?? data.published ?? null,
    id: articleId,
    canonicalUrl: data.canonicalUrl,
    feedId: data.feedId,
    outlet: data.outlet ?? outletOf(data.canonicalUrl),
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
