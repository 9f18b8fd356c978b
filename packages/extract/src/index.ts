export { articleFromHtml, articleFromText } from './article/index.js';
export { extractAttributions } from './attribution/index.js';
export {
  DEFAULT_EXTRACT_THREADS,
  EXTRACT_BUDGET_MS,
  ExtractBudgetError,
  type ExtractInput,
  type ExtractOutput,
  ExtractPool,
  type ExtractPoolOptions,
  ExtractThreadError,
} from './extract-pool.js';
