import type { Article, Logger } from '@quotecheck/shared';
import { decodeHtmlChunks } from './charset.js';
import { extractContent, extractFromContainer } from './content.js';
import { parseHtml } from './dom.js';
import { bylineFromDom, publishedFromDom } from './dom-meta.js';
import { articleFromJsonLd } from './json-ld.js';
import { articleMeta, normalizeDate } from './meta.js';
import { flattenPage, type Page } from './page.js';
import { collectPageTexts, notePageTexts } from './page-names.js';
import { render } from './render.js';
import { adapterForHost, findBodies, matches, type SiteAdapter } from './site-adapters.js';
import { paragraphsOf } from './text.js';

export { type CharsetSource, type DecodedHtml, decodeHtml, decodeHtmlChunks } from './charset.js';
export { articleFromJsonLd, type JsonLdArticle, parseJsonLd } from './json-ld.js';
export { pageTextsOf } from './page-names.js';
export { SITE_ADAPTERS, type SiteAdapter } from './site-adapters.js';

/** Options for {@link articleFromHtml}. */
export interface ArticleFromHtmlOptions {
  /** The page's URL (after redirects); selects site adapters and becomes `article.url`. */
  url?: string | null;
  /** The HTTP `Content-Type` header, whose charset decides how bytes are decoded. */
  contentType?: string | null;
  /** Receives a debug line for each publication date dropped as unreadable. */
  log?: Pick<Logger, 'debug'> | null;
}

/**
 * Extracts the clean article from an HTML page: title, byline, publication date and language from
 * JSON-LD / OpenGraph / meta tags, and the body text as paragraphs, without navigation, captions,
 * related links or comments.
 *
 * Bytes are decoded by BOM, the `Content-Type` charset, the page's own declaration, then UTF-8.
 * Never throws: a page with no recognisable article yields an article with no paragraphs.
 */
export function articleFromHtml(html: string | Uint8Array, opts: ArticleFromHtmlOptions = {}): Article {
  try {
    return extract(html, opts);
  } catch {
    // Parsing is total; this guards against pathological inputs exhausting something unforeseen.
    return { ...EMPTY, url: opts.url ?? null };
  }
}

const EMPTY: Article = { url: null, title: null, byline: null, published: null, language: null, paragraphs: [], text: '' };

/** A plain-text article: each line is a paragraph and offsets index the text exactly as given. */
export function articleFromText(text: string): Article {
  return { url: null, title: null, byline: null, published: null, language: null, paragraphs: text.split('\n'), text };
}

function extract(html: string | Uint8Array, opts: ArticleFromHtmlOptions): Article {
  const source = typeof html === 'string' ? html.replace(/^\ufeff/, '') : decodeHtmlChunks(html, opts.contentType).chunks;
  const page = flattenPage(parseHtml(source));
  const ld = articleFromJsonLd(page.head.jsonLd);
  const meta = articleMeta(page.head, ld, opts.url ?? null, opts.log);

  let paragraphs: string[] | null = null;
  const adapter = adapterForHost(hostOf(opts.url) ?? hostOf(meta.url));
  if (adapter) paragraphs = adapterParagraphs(page, adapter, meta.title);
  paragraphs ??= extractContent(page, meta.title).paragraphs;
  if (ld?.articleBody) paragraphs = preferFullerBody(paragraphs, ld.articleBody);

  const article: Article = {
    url: opts.url ?? meta.url,
    title: meta.title,
    byline: meta.byline ?? bylineFromDom(page),
    published:
      meta.published ??
      normalizeDate(publishedFromDom(page), { zone: meta.timeZone, log: opts.log, fields: { articleUrl: opts.url ?? null } }),
    language: meta.language,
    paragraphs,
    text: paragraphs.join('\n'),
  };
  notePageTexts(article, { texts: collectPageTexts(page, meta.title), writers: article.byline ? [article.byline] : [] });
  return article;
}

/**
 * JSON-LD `articleBody` is the publisher's own plain text of the story. It is used instead of the
 * markup's text only when the markup yielded clearly less (a teaser, a body assembled by scripts),
 * since it often lacks paragraph breaks and is sometimes truncated.
 */
function preferFullerBody(paragraphs: string[], articleBody: string): string[] {
  const domChars = paragraphs.reduce((n, p) => n + p.length, 0);
  const body = /<\/?[a-z][^>]*>|&#?\w+;/i.test(articleBody) ? htmlFragmentParagraphs(articleBody) : paragraphsOf(articleBody);
  const ldChars = body.reduce((n, p) => n + p.length, 0);
  return ldChars > domChars * 2 ? body : paragraphs;
}

function htmlFragmentParagraphs(fragment: string): string[] {
  const page = flattenPage(parseHtml(fragment));
  const roots: number[] = [];
  for (let i = 0; i < page.n; i = page.end[i]! + 1) roots.push(i);
  return render(page, roots, () => false);
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** Below this many characters an adapter's body is taken to be a layout the adapter does not know. */
const ADAPTER_MIN_CHARS = 200;

function adapterParagraphs(page: Page, adapter: SiteAdapter, title: string | null): string[] | null {
  const drop = (i: number): boolean => adapter.drop.some((r) => matches(page, i, r));
  for (const body of findBodies(page, adapter)) {
    const found = extractFromContainer(page, title, body, drop);
    if (found.chars >= ADAPTER_MIN_CHARS) return found.paragraphs;
  }
  return null;
}
