/**
 * `@quotecheck/extract/worker`: the extract queue's BullMQ processor and the thread pool it reads
 * pages in (without the extraction code, which loads only in the threads). Kept out of the main entry so
 * `import { extractAttributions } from '@quotecheck/extract'` loads no queue or Redis code.
 *
 * @packageDocumentation
 */
export { ExtractPool, type ExtractPoolOptions } from './extract-pool.js';
export { type ExtractDeps, type ExtractResult, extractArticle } from './processor.js';
