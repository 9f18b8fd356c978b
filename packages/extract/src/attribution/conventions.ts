/**
 * Record conventions (issue 10, item 4): one record per quoted fragment and per paragraph, the
 * parts of one utterance sharing a `group` id, and no content span holding its reporting clause
 * or a paragraph break.
 */
import type { Attribution, Span } from '@quotecheck/shared';
import { type Quote, termKind } from './quote-marks.js';
import { firstNotBefore } from './spans.js';

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

/** Words a pull-quote repeating the article's own sentences has at least (shorter ones recur by chance). */
const MIN_PULL_QUOTE_OF_TEXT_WORDS = 8;
/** Above this many characters scanned (candidates × text) the repeated-text test is skipped. */
const MAX_PULL_QUOTE_SCAN = 20_000_000;

/**
 * Drops headings and pull-quotes: a direct record standing alone in its paragraph whose words
 * (4 or more) lie inside another quotation record of the article, or (8 or more) inside a longer
 * paragraph of it. A pull-quote of the writer's own sentence ("On Sunday, Sanders announced that
 * he had raised $20 million …", set apart in quotation marks) had gone to the previous speaker.
 */
export function dropRepeatedQuotes(text: string, records: readonly Attribution[]): Attribution[] {
  const quotes = records.filter((a) => a.type !== 'indirect');
  if (!quotes.length || quotes.length > MAX_PULL_QUOTE_RECORDS) return [...records];
  const words = new Map(quotes.map((a) => [a, wordsOf(a.content.text)] as const));
  const alone = quotes.filter(
    (a) => a.type === 'direct' && (words.get(a) as string).split(' ').length >= 4 && standsAlone(text, a),
  );
  if (!alone.length) return [...records];
  let paragraphs: string[] | null = null;
  const inLongerParagraph = (w: string): boolean => {
    paragraphs ??= text.split('\n').map(wordsOf);
    return paragraphs.some((p) => p.length > w.length && p.includes(w));
  };
  const scanText = alone.length * text.length <= MAX_PULL_QUOTE_SCAN;
  const drop = new Set<Attribution>();
  for (const a of alone) {
    const w = words.get(a) as string;
    for (const b of quotes) {
      if (b === a || drop.has(b) || b.content.start === a.content.start) continue;
      if ((words.get(b) as string).includes(w) && !standsAlone(text, b)) {
        drop.add(a);
        break;
      }
    }
    if (!drop.has(a) && scanText && w.split(' ').length >= MIN_PULL_QUOTE_OF_TEXT_WORDS && inLongerParagraph(w)) drop.add(a);
  }
  return drop.size ? records.filter((a) => !drop.has(a)) : [...records];
}

/**
 * A scare-quoted modifier ("an “irregular” channel") this many characters or more after its
 * record's cue is the writer's term; closer, it is the speaker's word ("called it a “reckless”
 * move"). Goldset: both "irregular" records sat over 90 characters from their cue.
 */
const MODIFIER_CUE_DISTANCE = 60;
/** Cues whose short quotations are slogans, which the goldset does not count as quotations. */
const SLOGAN_CUE = /^chant/i;
/** Most words of a chanted slogan ("Less Money on Testing, More Money on Students"). */
const SLOGAN_MAX_WORDS = 8;

/** The quotations overlapping `[start, end)`; `quotes` is in text order. */
function quotesWithin(quotes: readonly Quote[], start: number, end: number): Quote[] {
  const out: Quote[] = [];
  for (
    let k = firstNotBefore(quotes.length, (i) => (quotes[i] as Quote).end <= start);
    k < quotes.length && (quotes[k] as Quote).start < end;
    k++
  )
    out.push(quotes[k] as Quote);
  return out;
}

function isTerm(text: string, q: Quote, r: Attribution): boolean {
  const kind = termKind(text, q);
  if (kind === 'modifier') return !r.cue || q.open - r.cue.end >= MODIFIER_CUE_DISTANCE || q.open < r.cue.start;
  if (kind) return true;
  const words = text.slice(q.start, q.end).match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return !!r.cue && SLOGAN_CUE.test(r.cue.text) && words <= SLOGAN_MAX_WORDS;
}

/**
 * Scare quotes, nicknames, terms, headings and slogans are not quotations (issue 10; see
 * {@link termKind}). A direct or mixed record whose every quotation is one of them is kept as
 * indirect speech ("Volker said he never used the term “three amigos”" reports what he said, not
 * his words), or dropped when they are all headings ("6. “The Gordon problem”").
 */
export function settleTerms(text: string, quotes: readonly Quote[], records: readonly Attribution[]): Attribution[] {
  const out: Attribution[] = [];
  for (const r of records) {
    if (r.type === 'indirect') {
      out.push(r);
      continue;
    }
    const qs = quotesWithin(quotes, r.content.start, r.content.end);
    if (!qs.length || !qs.every((q) => isTerm(text, q, r))) {
      out.push(r);
      continue;
    }
    // Only headings go: the rest still report something said (PolNeAR annotates a chanted slogan and
    // "X is known as the “…”" as attributions), just without quoted words.
    if (!qs.every((q) => termKind(text, q) === 'heading')) out.push({ ...r, type: 'indirect' });
  }
  return out;
}
