import type { Article, Attribution } from '@quotecheck/shared';

/** Stub: replaced by the real extractor. */
export function extractAttributions(article: Pick<Article, 'text' | 'paragraphs'>): Attribution[] {
  const out: Attribution[] = [];
  for (const m of article.text.matchAll(/“([^”]+)”/g)) {
    const start = (m.index ?? 0) + 1;
    out.push({
      type: 'direct',
      content: { start, end: start + (m[1] ?? '').length, text: m[1] ?? '' },
      cue: null,
      source: null,
      speaker: { name: null, kind: 'unknown' },
    });
  }
  return out;
}
