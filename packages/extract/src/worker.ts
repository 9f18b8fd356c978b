/**
 * `@quotecheck/extract/worker`: the extract queue's BullMQ processor. Kept out of the main entry so
 * `import { extractAttributions } from '@quotecheck/extract'` loads no queue or Redis code.
 *
 * @packageDocumentation
 */
export { type ExtractDeps, type ExtractResult, extractArticle } from './processor.js';
