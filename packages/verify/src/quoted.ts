/** Spans of quoted words inside a text, and span trimming: shared by preparation and dispute linking. */

import { contentWords, normalizeQuote } from './normalize.js';

const EDGE = /^[\s"“”‘’'«»„‟‹›,;:–—-]+|[\s"“”‘’'«»„‟‹›,;:–—-]+$/g;

/** A span of `text` (starting at offset `start`) without the marks and punctuation at its edges. */
export function trimSpan(text: string, start: number): { start: number; end: number; text: string } {
  const lead = text.length - text.replace(/^[\s"“”‘’'«»„‟‹›,;:–—-]+/, '').length;
  const body = text.replace(EDGE, '');
  return { start: start + lead, end: start + lead + body.length, text: body };
}

/**
 * A quoted fragment: typographic marks (the closing one may be cut off), straight marks, or two
 * apostrophes as some archives print them (PolNeAR's New York Times texts: "Not paying taxes
 * ''makes me smart,''" had been compared whole, outside words and all, and joined no claim).
 */
const QUOTED_FRAGMENT = /“([^“”]+)”?|"([^"]+)"|''((?:(?!'')[^"“”])+)''/g;

/**
 * The quoted fragments of a text (starting at offset `start`): a mixed attribution's ("…insisting
 * that the plan was “authored by the US”"), or a dispute sentence's.
 */
export function quotedFragments(text: string, start: number): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (const m of text.matchAll(QUOTED_FRAGMENT)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? '';
    const at = start + (m.index ?? 0) + (m[3] !== undefined ? 2 : 1);
    const t = trimSpan(inner, at);
    if (t.text) out.push(t);
  }
  return out;
}

/**
 * The normalised words of the fragments that hold a content word ("a “loser,” a “liar” and a
 * “whiner”": three; "“a”": none): what a dispute's sentence or a one-word excerpt's sentence is
 * read for, word for word, against a quotation.
 */
export function contentPhrases(fragments: readonly { text: string }[]): (readonly string[])[] {
  return fragments.map((f) => normalizeQuote(f.text).words).filter((w) => contentWords(w).length > 0);
}
