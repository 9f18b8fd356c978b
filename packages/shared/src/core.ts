/**
 * The shared package without its queue and Redis modules (`queues.ts`, `redis.ts`): schemas, errors,
 * the job catalog, dates, charsets, ids, keys and the logger. Libraries that only read articles
 * (`@quotecheck/extract`'s main entry) import this, so they load no bullmq or ioredis.
 *
 * @packageDocumentation
 */
export * from './article-store.js';
export * from './catalog.js';
export * from './charset.js';
export * from './config.js';
export * from './dates.js';
export * from './duration.js';
export * from './errors.js';
export * from './html-entities.js';
export * from './ids.js';
export * from './keys.js';
export * from './logger.js';
export * from './names.js';
export * from './schemas.js';
