/**
 * Text normalisation shared by the article extractor.
 *
 * Paragraphs must never contain a line break of any kind: offsets index `text`, and consumers that
 * split lines (including Unicode-aware ones that treat U+2028, U+0085 or U+001C-E as breaks) must see
 * exactly one paragraph per line.
 */

// Whitespace (JS \s covers NBSP, U+2028/2029, U+FEFF) plus C0/C1 controls and zero-width characters.
const SPACE_RUN = /[\s\u0000-\u001f\u007f-\u009f\u200b]+/g;
// Soft hyphens and word joiners only: ZWJ/ZWNJ carry meaning in emoji and in Persian or Indic scripts.
const INVISIBLE = /[\u00ad\u2060]/g;

/** Collapses every run of whitespace or control characters to one space and trims. */
export function squash(s: string): string {
  return s.replace(SPACE_RUN, ' ').replace(INVISIBLE, '').trim();
}

/** Splits text on any line break into squashed, non-empty paragraphs. */
export function paragraphsOf(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r\n|[\n\r\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/)) {
    const p = squash(line);
    if (p) out.push(p);
  }
  return out;
}

const COMMA = /[,\u060c\ufe50\ufe10\ufe11\u2e41\u2e34\u2e32\uff0c\u3001]/g;

/** Number of commas in any script (Latin, Arabic, CJK), the readability signal of running prose. */
export function countCommas(s: string): number {
  COMMA.lastIndex = 0;
  let n = 0;
  while (COMMA.exec(s)) n++;
  return n;
}

/**
 * Length of `s` once whitespace is collapsed and trimmed, without allocating: non-space characters
 * plus one per inner whitespace run.
 */
export function squashedLength(s: string): number {
  let n = 0;
  let inSpace = true;
  let pending = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c <= 32 || c === 0xa0 || (c >= 0x2000 && c <= 0x200b) || c === 0x3000 || c === 0xfeff;
    if (space) {
      if (!inSpace) pending = true;
      inSpace = true;
    } else {
      if (pending) n++;
      pending = false;
      inSpace = false;
      n++;
    }
  }
  return n;
}
