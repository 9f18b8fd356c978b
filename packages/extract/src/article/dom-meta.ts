import type { Page } from './page.js';
import { squash } from './text.js';

const BYLINE_CLASS = /(?:^|[\s_-])(?:byline|by-line|author|authors|author-?name|writtenby|contributor)(?:$|[\s_-])/i;
const BY_PREFIX = /^(?:(?:posted|written|words|text|story)\s+)?(?:by|von|par|por|di|door|av|af|od|от)\s+/i;

/** Where a byline's trailing date or update note starts. */
const DATELINE_START = /\s*[|•·]\s*|\s+(?:updated|published|posted|on)\b|\s+\d/i;

const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?$/i;

/** Subtrees larger than this are containers that merely carry an author-ish class, not bylines. */
const MAX_BYLINE_NODES = 60;

/**
 * The byline printed in the page when the head carries none: a `rel=author` link, an
 * `itemprop=author` element (its `name` part when marked up), or a short element classed as a
 * byline or author.
 */
export function bylineFromDom(page: Page): string | null {
  const { tag, node, end, n } = page;
  for (let i = Math.max(page.body, 0); i < n; i++) {
    const a = node[i]!.attribs;
    if (!a || tag[i] === '') continue;
    const match = `${a.class ?? ''} ${a.id ?? ''}`;
    const marked = a.rel === 'author' || /\bauthor\b/.test(a.itemprop ?? '') || BYLINE_CLASS.test(match);
    if (!marked || end[i]! - i > MAX_BYLINE_NODES || /comment/i.test(match)) continue;
    let el = i;
    for (let j = i + 1; j <= end[i]!; j++) if (/\bname\b/.test(node[j]!.attribs?.itemprop ?? '')) el = j;
    // The date often sits inside the byline block.
    const text = squash(textWithoutTimes(page, el)).replace(BY_PREFIX, '').split(DATELINE_START)[0]!.trim();
    // Names carry letters and no digits; what is left otherwise is a dateline.
    if (text.length >= 3 && text.length <= 100 && /\p{L}/u.test(text) && !/\d/.test(text) && !MONTH.test(text)) return text;
  }
  return null;
}

function textWithoutTimes(page: Page, root: number): string {
  let out = '';
  for (let j = root; j <= page.end[root]!; j++) {
    if (page.tag[j] === 'time') j = page.end[j]!;
    else if (page.tag[j] === '') out += page.node[j]!.data ?? '';
  }
  return out;
}

/** The publication time printed in the page: `itemprop=datePublished`, else the first dated `<time>`. */
export function publishedFromDom(page: Page): string | null {
  const { tag, node, n } = page;
  let firstTime: string | null = null;
  for (let i = 0; i < n; i++) {
    const a = node[i]!.attribs;
    if (!a) continue;
    const value = a.datetime ?? a.content;
    if (!value) continue;
    if (/\bdatePublished\b/i.test(a.itemprop ?? '')) return value;
    if (tag[i] === 'time') {
      if ('pubdate' in a || /publish/i.test(a.class ?? '')) return value;
      firstTime ??= value;
    }
  }
  return firstTime;
}
