/**
 * Ingest: feeds in, fetched article pages out. The feed registry and its schedulers, the safe
 * HTTP client, feed decoding and parsing, canonical URLs and the seen-set, per-host
 * politeness and the raw page store. The two BullMQ processors (`pollFeed`, `fetchArticle`) are
 * under `@quotecheck/ingest/worker`.
 *
 * @packageDocumentation
 */
export * from './address-guard.js';
export * from './canonical-url.js';
export * from './charset.js';
export * from './content-sniff.js';
export * from './errors.js';
export * from './feed-items.js';
export * from './feed-parser.js';
export * from './feed-registry.js';
export { type ExtractHere, extractJobId, type FetchedPage, handToExtraction } from './fetch-article.js';
export * from './http-client.js';
export * from './politeness.js';
export { ACCEPT_FEED, fetchJobId } from './poll-feed.js';
export * from './raw-store.js';
export * from './seen-set.js';
export * from './services.js';
