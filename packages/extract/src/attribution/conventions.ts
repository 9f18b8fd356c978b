/**
 * Record conventions (issue 10, item 4): one record per quoted fragment and per paragraph, the
 * parts of one utterance sharing a `group` id, and no content span holding its reporting clause
 * or a paragraph break.
 */
import type { Attribution, Span } from '@quotecheck/shared';

/** Hands out group ids for the utterances of one article: "g1", "g2", … */
export class GroupIds {
  private n = 0;
  /** A fresh group id. */
  next(): string {
    this.n++;
    return `g${this.n}`;
  }
}

/** A paragraph's part of a quotation without its marks and edge punctuation, or null when empty. */
function pieceOf(text: string, start: number, end: number): Span | null {
  const raw = text.slice(start, end);
  const lead = /^[\s"“”„«»‹›'‘’]+/u.exec(raw)?.[0].length ?? 0;
  const tail = /[\s"“”„«»‹›'‘’,;:–—-]+$/u.exec(raw.slice(lead))?.[0].length ?? 0;
  const s = start + lead;
  const e = end - tail;
  if (e <= s || !/[\p{L}\p{N}]/u.test(text.slice(s, e))) return null;
  return { start: s, end: e, text: text.slice(s, e) };
}

/**
 * A quotation running over several paragraphs, one record per paragraph in one group; other
 * records unchanged. Indirect content never crosses a paragraph, so only quotations split.
 */
export function splitParagraphs(text: string, records: readonly Attribution[], groups: GroupIds): Attribution[] {
  const out: Attribution[] = [];
  for (const a of records) {
    if (a.type === 'indirect' || !a.content.text.includes('\n')) {
      out.push(a);
      continue;
    }
    const pieces: Span[] = [];
    let from = a.content.start;
    while (from < a.content.end) {
      const nl = text.indexOf('\n', from);
      const to = nl < 0 || nl >= a.content.end ? a.content.end : nl;
      const p = pieceOf(text, from, to);
      if (p) pieces.push(p);
      from = to + 1;
    }
    if (pieces.length < 2) {
      out.push(pieces[0] ? { ...a, content: pieces[0] } : a);
      continue;
    }
    const group = a.group ?? groups.next();
    for (const content of pieces) {
      const record: Attribution = { ...a, content, group };
      if (a.paragraph !== undefined) record.paragraph = a.paragraph + paragraphsBetween(text, a.content.start, content.start);
      out.push(record);
    }
  }
  return out;
}

function paragraphsBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Lower-case words of a span, for comparing wordings. */
function wordsOf(s: string): string {
  return (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** Whether the record's paragraph holds nothing but its quotation (a heading or pull-quote). */
function standsAlone(text: string, a: Attribution): boolean {
  const ps = text.lastIndexOf('\n', a.content.start - 1) + 1;
  let pe = text.indexOf('\n', a.content.end);
  if (pe < 0) pe = text.length;
  return wordsOf(text.slice(ps, pe)) === wordsOf(a.content.text);
}

/** Above this many quotation records pull-quote detection is skipped (it compares pairs). */
const MAX_PULL_QUOTE_RECORDS = 400;

/**
 * Drops headings and pull-quotes that repeat a body quotation: a direct record standing alone
 * in its paragraph whose words (4 or more) lie inside another quotation record of the article.
 */
export function dropRepeatedQuotes(text: string, records: readonly Attribution[]): Attribution[] {
  const quotes = records.filter((a) => a.type !== 'indirect');
  if (quotes.length < 2 || quotes.length > MAX_PULL_QUOTE_RECORDS) return [...records];
  const words = new Map(quotes.map((a) => [a, wordsOf(a.content.text)] as const));
  const drop = new Set<Attribution>();
  for (const a of quotes) {
    const w = words.get(a) as string;
    if (a.type !== 'direct' || w.split(' ').length < 4 || !standsAlone(text, a)) continue;
    for (const b of quotes) {
      if (b === a || drop.has(b) || b.content.start === a.content.start) continue;
      if ((words.get(b) as string).includes(w) && !standsAlone(text, b)) {
        drop.add(a);
        break;
      }
    }
  }
  return drop.size ? records.filter((a) => !drop.has(a)) : [...records];
}
