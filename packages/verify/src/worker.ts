/**
 * `@quotecheck/verify/worker`: the verify queue's BullMQ processor. Kept out of the main entry so
 * `import { Verifier, MemoryClaimStore } from '@quotecheck/verify'` loads no queue code (bullmq).
 *
 * @packageDocumentation
 */
export { type VerifyArticleResult, type VerifyDeps, verifyArticle } from './processor.js';
