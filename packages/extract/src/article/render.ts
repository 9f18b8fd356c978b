import { FURNITURE_PARAGRAPH, INLINE_TAGS } from './boilerplate.js';
import type { Page } from './page.js';
import { squash } from './text.js';

/**
 * Renders the subtrees at `roots` as paragraphs: every block element and `<br>` ends a paragraph,
 * inline text flows, whitespace collapses, and `<pre>` keeps its lines. Skipped subtrees are left
 * out; furniture labels ("Advertisement") are dropped.
 */
export function render(page: Page, roots: number[], skip: (i: number) => boolean): string[] {
  const { tag, end, node } = page;
  const out: string[] = [];
  let buf = '';
  const flush = (): void => {
    if (!buf) return;
    const p = squash(buf);
    buf = '';
    if (p && !FURNITURE_PARAGRAPH.test(p)) out.push(p);
  };
  const open: number[] = [];
  let preEnd = -1;
  for (const root of roots) {
    const stop = end[root]!;
    for (let i = root; i <= stop; i++) {
      while (open.length && open[open.length - 1]! < i) {
        open.pop();
        flush();
      }
      if (preEnd >= 0 && preEnd < i) preEnd = -1;
      const t = tag[i]!;
      if (skip(i)) {
        if (t !== '' && !INLINE_TAGS.has(t)) flush();
        i = end[i]!;
        continue;
      }
      if (t === '') {
        const data = node[i]!.data ?? '';
        if (preEnd >= 0 && data.includes('\n')) {
          const lines = data.split('\n');
          for (let k = 0; k < lines.length; k++) {
            if (k > 0) flush();
            buf += lines[k];
          }
        } else buf += data;
      } else if (t === 'br' || t === 'hr') {
        flush();
      } else if (!INLINE_TAGS.has(t)) {
        flush();
        open.push(end[i]!);
        if (t === 'pre' && preEnd < 0) preEnd = end[i]!;
      }
    }
    while (open.length) {
      open.pop();
      flush();
    }
    flush();
  }
  return out;
}
