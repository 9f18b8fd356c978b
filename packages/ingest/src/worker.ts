/**
 * `@quotecheck/ingest/worker`: the poll and fetch queues' BullMQ processors, as plain functions of
 * their dependencies (built by `createIngestServices` from the main entry). Kept out of the main
 * entry, as `@quotecheck/extract/worker` and `@quotecheck/verify/worker` are.
 *
 * @packageDocumentation
 */
export { type ExtractHere, type FetchDeps, type FetchOutcome, fetchArticle } from './fetch-article.js';
export { type PollDeps, type PollSummary, pollFeed } from './poll-feed.js';
