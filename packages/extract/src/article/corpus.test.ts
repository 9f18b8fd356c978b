import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { articleFromHtml } from './index.js';

// Real pages read from the shared corpus beside the repository at test time.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const corpus = path.resolve(repoRoot, '../shared/corpus');
const aeb = path.join(corpus, 'articles/scrapinghub-aeb');

interface Truth {
  articleBody: string;
  url: string;
}
const truth = JSON.parse(readFileSync(path.join(aeb, 'ground-truth.json'), 'utf8')) as Record<string, Truth>;

function aebPage(idPrefix: string): { bytes: Uint8Array; truth: Truth } {
  const id = Object.keys(truth).find((k) => k.startsWith(idPrefix));
  if (!id) throw new Error(`no benchmark page ${idPrefix}`);
  return { bytes: new Uint8Array(gunzipSync(readFileSync(path.join(aeb, 'html', `${id}.html.gz`)))), truth: truth[id]! };
}

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const squashWords = (s: string): string => words(s).join(' ');

/** Share of the true body's words (as a multiset) that the extracted text contains. */
function wordRecall(expected: string, got: string): number {
  const have = new Map<string, number>();
  for (const w of words(got)) have.set(w, (have.get(w) ?? 0) + 1);
  const want = words(expected);
  let hit = 0;
  for (const w of want) {
    const n = have.get(w) ?? 0;
    if (n > 0) {
      hit++;
      have.set(w, n - 1);
    }
  }
  return want.length ? hit / want.length : 1;
}

describe('scrapinghub benchmark pages', () => {
  // Different publishers, layouts and languages (English, Russian, Indonesian), and two that need
  // more than the first heuristic pass: a short wire item and a page whose container looks like a sidebar.
  it.each([
    ['042bb7b5', 'wsj.com'],
    ['c82b3d1d', 'wday.ru'],
    ['21486419', 'kabarislamia.com'],
    ['7a457a4f', 'nbcnews.com'],
    ['e372e42c', 'jpost.com'],
    ['ac3c0355', 'givewell.org'],
  ])('page %s (%s): the body holds the first true paragraph and most of the text', (prefix) => {
    const { bytes, truth: t } = aebPage(prefix);
    const a = articleFromHtml(bytes);
    const first = t.articleBody.split('\n').find((l) => l.trim())!;
    expect(squashWords(a.text)).toContain(squashWords(first));
    expect(wordRecall(t.articleBody, a.text)).toBeGreaterThan(0.9);
    // Precision: the extracted text is not the whole page.
    expect(words(a.text).length).toBeLessThan(words(t.articleBody).length * 1.5 + 50);
    expect(a.text).toBe(a.paragraphs.join('\n'));
  });

  it('reads title, date and language from a real page', () => {
    const a = articleFromHtml(aebPage('7916ecca').bytes);
    expect(a.title).toBe('US service members killed in Afghanistan helicopter crash');
    expect(a.published).toMatch(/^2019-11-20T/);
    expect(a.url).toContain('aljazeera.com');
  });

  it('leaves Al Jazeera "More:" story links and the source line out of the body', () => {
    const { bytes, truth: t } = aebPage('7916ecca');
    const a = articleFromHtml(bytes, { url: t.url });
    expect(a.text).not.toContain('Afghan woman politician sees Taliban talks as only hope');
    expect(a.text).not.toMatch(/SOURCE:/);
    expect(wordRecall(t.articleBody, a.text)).toBeGreaterThan(0.95);
  });
});

describe('pages in legacy encodings', () => {
  it('decodes a windows-1251 page declared in its markup', () => {
    const html = readFileSync(path.join(aeb, 'html', `${Object.keys(truth).find((k) => k.startsWith('c82b3d1d'))}.html.gz`));
    const text = new TextDecoder().decode(gunzipSync(html));
    const body = text.slice(text.indexOf('<body'));
    // Re-encode the page's own Cyrillic text as windows-1251 bytes with a declaration, as old Russian sites serve it.
    const cp1251 = (s: string): number[] =>
      [...s].map((c) => {
        const code = c.charCodeAt(0);
        if (code < 0x80) return code;
        if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
        if (code === 0x401) return 0xa8;
        if (code === 0x451) return 0xb8;
        return 0x3f;
      });
    const bytes = Uint8Array.from(cp1251(`<html><head><meta charset="windows-1251"></head>${body}`));
    const a = articleFromHtml(bytes);
    expect(a.text).toContain('В восьмидесятых годах чешская красавица заявила о себе на весь мир.');
  });
});
