import type { ArticleStore, JobContext, Logger } from '@quotecheck/shared';
import { UnrecoverableError } from 'bullmq';
import { articleInput } from './article-input.js';
import { logFlagged } from './flag-log.js';
import type { RedisClaimStore } from './redis-store.js';
import { Verifier, type VerifierOptions } from './verifier.js';

/** What the verify processor needs. */
export interface VerifyDeps {
  articles: ArticleStore;
  store: RedisClaimStore;
  log: Logger;
  options?: VerifierOptions;
}

export interface VerifyArticleResult {
  articleId: string;
  quotes: number;
  claims: number;
  changed: number;
  flagged: number;
  ms: number;
}

/**
 * The verify job: adds a stored article's quotations to the claim store, re-evaluates the claims
 * they touch and logs newly flagged ones. Idempotent (re-running an article changes nothing) and
 * safe with many workers (optimistic transactions rerun on conflict).
 */
export async function verifyArticle(
  ctx: Pick<JobContext<'verify'>, 'data' | 'log'>,
  deps: VerifyDeps,
): Promise<VerifyArticleResult> {
  const started = performance.now();
  const log = ctx.log ?? deps.log;
  const article = await deps.articles.get(ctx.data.articleId);
  if (!article) {
    throw new UnrecoverableError(
      `article ${ctx.data.articleId} is not in the article store: re-extract it (its extract job stores it) before verifying`,
    );
  }
  const verifier = new Verifier(deps.store, deps.options);
  const r = await verifier.addArticle(articleInput(article));
  for (const [from, into] of r.merged)
    log.info({ event: 'claim.merged', claimId: into, mergedFrom: from, articleId: article.id }, 'claims merged');
  const flagged = await logFlagged(r.changed, deps.store, log);
  const ms = performance.now() - started;
  log.info(
    {
      event: 'article.verified',
      articleId: article.id,
      articleUrl: article.canonicalUrl,
      quotes: r.quotes,
      claims: new Set(r.claimIds).size,
      changed: r.changed.length,
      flagged,
      attempts: r.attempts,
      ms: Math.round(ms),
    },
    'article verified',
  );
  return { articleId: article.id, quotes: r.quotes, claims: new Set(r.claimIds).size, changed: r.changed.length, flagged, ms };
}
