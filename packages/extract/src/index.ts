export { articleFromHtml, articleFromText } from './article/index.js';
export { extractAttributions } from './attribution/index.js';
