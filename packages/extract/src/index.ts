export { articleFromHtml, articleFromText } from './article/index.js';
export { extractAttributions } from './attribution/index.js';
export { type ExtractDeps, type ExtractResult, extractArticle } from './processor.js';
