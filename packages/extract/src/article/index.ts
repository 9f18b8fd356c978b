import type { Article } from '@quotecheck/shared';

/** Stub: replaced by the real extractor. */
export function articleFromHtml(
  html: string | Uint8Array,
  opts: { url?: string | null; contentType?: string | null } = {},
): Article {
  const s = typeof html === 'string' ? html : new TextDecoder().decode(html);
  const paragraphs = [...s.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/gi)]
    .map((m) => (m[1] ?? '').replace(/<[^>]+>/g, '').trim())
    .filter(Boolean);
  return {
    url: opts.url ?? null,
    title: null,
    byline: null,
    published: null,
    language: null,
    paragraphs,
    text: paragraphs.join('\n'),
  };
}

/** A plain-text article: each line is a paragraph and offsets index the text exactly as given. */
export function articleFromText(text: string): Article {
  return { url: null, title: null, byline: null, published: null, language: null, paragraphs: text.split('\n'), text };
}
