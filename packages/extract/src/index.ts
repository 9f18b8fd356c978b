export { articleFromHtml, articleFromText } from './article/index.js';
export { extractAttributions } from './attribution/index.js';
export {
  EXTRACT_BUDGET_MS,
  ExtractBudgetError,
  type ExtractInput,
  type ExtractOutput,
  ExtractPool,
  ExtractThreadError,
} from './extract-pool.js';
