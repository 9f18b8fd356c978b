/**
 * Finds quotations by pairing quote marks of the same family: curly, straight, low-9 („…“),
 * guillemets, doubled ASCII marks (''…'' and ``…'', typewriter and TeX style, as in text
 * exports of newspaper archives), and curly single marks in texts that use them as the
 * outer mark. Nested marks inside a quotation are left alone. A quotation that reaches the end
 * of its paragraph without closing either continues in the next paragraph (when that paragraph
 * reopens with a mark, the newspaper convention for long quotes) or ends there.
 */

/** One quotation: `[start, end)` is its inner text, `open`/`close` the marks (close -1 when none). */
export interface Quote {
  open: number;
  openLen: number;
  /** Index of the closing mark, or -1 when the quotation ends unclosed at a paragraph end. */
  close: number;
  closeLen: number;
  start: number;
  end: number;
}

type Family = 'curly' | 'straight' | 'low' | 'guil' | 'guilrev' | 'doubled' | 'single';

const isSpace = (c: string | undefined): boolean =>
  c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const OPENERS_BEFORE = new Set(['(', '[', '{', '—', '–', '-', '/', ':', ',', ';', '“', '‘', '«', '„', '"']);

/**
 * Whether the double mark at `i` is an inch mark after a height in feet ("5’2”", "6'2\""): no
 * quotation closes there. "“… his hands are the size of someone who is 5’2”. You know what they
 * say about men with small hands? You can’t trust them.”" had closed after "5’2", and "they say"
 * became a report of the rest (a held-out cluster set's Rubio quotation).
 */
function isInchMark(text: string, i: number): boolean {
  return HEIGHT_BEFORE.test(text.slice(Math.max(0, i - 6), i));
}
const HEIGHT_BEFORE = /(?:^|[^\p{L}\p{N}])\d['’]\d{1,2}$/u;

/** Which mark families close which. */
function closes(family: Family, c: string, text: string, i: number): number {
  if ((c === '”' || c === '"') && isInchMark(text, i)) return 0;
  switch (family) {
    case 'curly':
      return c === '”' ? 1 : 0;
    case 'low':
      return c === '“' || c === '”' ? 1 : 0;
    case 'guil':
      return c === '»' ? 1 : 0;
    case 'guilrev':
      return c === '«' ? 1 : 0;
    case 'straight':
      return c === '"' ? 1 : 0;
    case 'doubled':
      return c === "'" && text[i + 1] === "'" && !isWordChar(text[i + 2]) ? 2 : 0;
    case 'single':
      // A right single mark between letters is an apostrophe (don’t), not a closing mark.
      return c === '’' && !isWordChar(text[i + 1]) ? 1 : 0;
  }
}

/** The family a mark at `i` opens, with the mark's length, or null. */
function opens(text: string, i: number, singles: boolean): [Family, number] | null {
  const c = text[i];
  const prev = i > 0 ? text[i - 1] : undefined;
  const next = text[i + 1];
  switch (c) {
    case '“':
      return ['curly', 1];
    case '„':
      return ['low', 1];
    case '”':
      // A right mark opening a paragraph is a mistyped opening mark (”Fear. I am afraid …” ― Name).
      return (prev === undefined || prev === '\n') && !isSpace(next) ? ['curly', 1] : null;
    case '«':
      return ['guil', 1];
    case '»':
      return isWordChar(next) ? ['guilrev', 1] : null;
    case '"':
      if ((isSpace(prev) || OPENERS_BEFORE.has(prev ?? '')) && !isSpace(next)) return ['straight', 1];
      // A missing space after a sentence: 'said Tim Kaine."So that is …' (outside a quotation, so
      // no closing mark; inside one, the mark closes it first).
      if ((prev === '.' || prev === '?' || prev === '!') && /\p{Lu}/u.test(next ?? '')) return ['straight', 1];
      return null;
    case "'":
    case '`':
      // Two marks in a row open a quotation (''Yes,'' he said / ``Yes,'' he said); one is an
      // apostrophe or a single quote.
      return text[i + 1] === c && (isSpace(prev) || OPENERS_BEFORE.has(prev ?? '')) && !isSpace(text[i + 2])
        ? ['doubled', 2]
        : null;
    case '‘':
      return singles && (isSpace(prev) || OPENERS_BEFORE.has(prev ?? '')) && !isSpace(next) ? ['single', 1] : null;
    default:
      return null;
  }
}

/** Whether the text uses curly single marks as its outer quotation mark (British style). */
function usesSingleOuterMarks(text: string): boolean {
  let doubles = 0;
  let singles = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c || c === 0x22 || c === 0xab || c === 0x201e) doubles++;
    else if (c === 0x27 && text.charCodeAt(i + 1) === 0x27) doubles++;
    else if (c === 0x2018 && (i === 0 || isSpace(text[i - 1]))) singles++;
  }
  return doubles === 0 && singles >= 2;
}

function shift(q: Quote, by: number): Quote {
  return { ...q, open: q.open + by, close: q.close < 0 ? -1 : q.close + by, start: q.start + by, end: q.end + by };
}

/**
 * All top-level quotations of `text` (paragraphs joined with "\n"), in order, never overlapping.
 * Runs in one pass over the text.
 */
export function findQuotes(text: string): Quote[] {
  const singles = usesSingleOuterMarks(text);
  const out: Quote[] = [];
  // `straight`: the last straight mark shaped like a closing one inside a curly quotation, used as its
  // close when no curly close comes before the paragraph ends (“…" typed with mixed marks).
  // `nested`: curly quotations opened inside a straight one, which the next curly closes take first.
  // `inner`: straight openings inside a curly quotation not yet closed; `straightNested`: the
  // straight candidate closed one of them.
  let open: {
    family: Family;
    at: number;
    len: number;
    straight?: number;
    nested?: number;
    inner?: number;
    straightNested?: boolean;
  } | null = null;
  /** Closes the open curly quotation at its straight candidate; returns where to rescan from. */
  const closeAtStraight = (o: { at: number; len: number; straight?: number }): number => {
    const at = o.straight as number;
    out.push({ open: o.at, openLen: o.len, close: at, closeLen: 1, start: o.at + o.len, end: at });
    open = null;
    return at + 1;
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === '\n') {
      if (open?.straight !== undefined) {
        i = closeAtStraight(open);
        continue;
      }
      if (open) {
        // Long quotes run on when the next non-empty paragraph reopens with a mark of the same family.
        let j = i + 1;
        while (j < n && isSpace(text[j])) j++;
        const re = j < n ? opens(text, j, singles) : null;
        if (re && re[0] === open.family) {
          i = j + re[1];
          continue;
        }
        let end = i;
        while (end > open.at + open.len && isSpace(text[end - 1])) end--;
        out.push({ open: open.at, openLen: open.len, close: -1, closeLen: 0, start: open.at + open.len, end });
        open = null;
      }
      i++;
      continue;
    }
    if (
      c !== '"' &&
      c !== '“' &&
      c !== '”' &&
      c !== '„' &&
      c !== '«' &&
      c !== '»' &&
      c !== '`' &&
      c !== "'" &&
      c !== '’' &&
      c !== '‘'
    ) {
      i++;
      continue;
    }
    if (open) {
      const len = closes(open.family, c, text, i);
      // A doubled opening mark ("“”This is a very unfair trial.”"): a close right at the opening,
      // before a letter, belongs to the opening.
      if (len && i === open.at + open.len && isWordChar(text[i + len])) {
        open.len += len;
        i += len;
        continue;
      }
      if (len) {
        out.push({ open: open.at, openLen: open.len, close: i, closeLen: len, start: open.at + open.len, end: i });
        open = null;
        i += len;
        continue;
      }
      // "…?” said Hill: a straight opening closed by a curly mark (mixed marks, AP copy on the goldset).
      if (open.family === 'straight' && c === '“') open.nested = (open.nested ?? 0) + 1;
      else if (open.family === 'straight' && c === '”') {
        if (open.nested) open.nested--;
        else if (!isWordChar(text[i + 1]) && !isSpace(text[i - 1])) {
          out.push({ open: open.at, openLen: open.len, close: i, closeLen: 1, start: open.at + open.len, end: i });
          open = null;
          i++;
          continue;
        }
      }
      // “…," X said, adding that "…": a straight mark shaped like an opening one after a straight
      // close candidate opens a new quotation, so the candidate closed the curly one (PolNeAR dev:
      // the curly quotation had run on to the paragraph's last straight mark).
      // A straight pair nested inside (“He said "yes," then "no"…”) is not such a close.
      if (open.family === 'curly' && c === '"' && isSpace(text[i - 1]) && !isSpace(text[i + 1])) {
        if (open.straight !== undefined && !open.straightNested) {
          i = closeAtStraight(open);
          continue;
        }
        open.inner = (open.inner ?? 0) + 1;
      }
      if (open.family === 'curly' && c === '"' && !isSpace(text[i - 1]) && !isWordChar(text[i + 1])) {
        open.straight = i;
        open.straightNested = !!open.inner;
        if (open.inner) open.inner--;
      }
      // A new outer opening mark while one is open: the earlier one was never closed.
      if (open.family === 'curly' && c === '“' && open.straight !== undefined) {
        i = closeAtStraight(open);
        continue;
      }
      if (open.family === 'curly' && c === '“') {
        let end = i;
        while (end > open.at + open.len && isSpace(text[end - 1])) end--;
        out.push({ open: open.at, openLen: open.len, close: -1, closeLen: 0, start: open.at + open.len, end });
        open = { family: 'curly', at: i, len: 1 };
      }
      i++;
      continue;
    }
    const o = opens(text, i, singles);
    if (o) {
      // Straight marks between digits are inches or feet, not quotations.
      if (!(o[0] === 'straight' && /\d/.test(text[i - 1] ?? ''))) {
        open = { family: o[0], at: i, len: o[1] };
        i += o[1];
        continue;
      }
    }
    i++;
  }
  if (open?.straight !== undefined) {
    // rescan the rest after the straight close (each character is scanned at most twice)
    const from = closeAtStraight(open);
    return [...out, ...findQuotes(text.slice(from)).map((q) => shift(q, from))].filter((q) => q.end > q.start);
  }
  if (open) {
    let end = n;
    while (end > open.at + open.len && isSpace(text[end - 1])) end--;
    out.push({ open: open.at, openLen: open.len, close: -1, closeLen: 0, start: open.at + open.len, end });
  }
  return out.filter((q) => q.end > q.start);
}

/** Why a quotation names something rather than quoting someone's words, if it does. */
export type TermKind = 'named' | 'nickname' | 'heading' | 'modifier';

/** At most this many words in a term, nickname or heading ("the “Three Amigos”"). */
const TERM_MAX_WORDS = 6;

/**
 * Words right before a quotation that say it is a name, label or term, not words someone said:
 * "so-called “peace plan”", "the term “three amigos”", "known as the “Three Amigos”",
 * "dubbed X as “the Gordon problem”", "what's been portrayed as an “irregular”", "campaign “Starts
 * with one”". Read on the 80 characters before the opening mark, lower-cased.
 */
const NAMING_BEFORE: readonly RegExp[] = [
  /\bso-called\s+$/,
  // "the words “lump” the good Muslims" (PolNeAR dev) is a subject: only the singular "word".
  /\bthe\s+(?:(?:term|phrase|label|nickname|moniker|slogan|motto|hashtag|catchphrase|buzzword|title)s?|word)\s*,?\s*$/,
  /\b(?:known|referred\s+to|billed|described|portrayed|characteri[sz]ed)\s+as\s+(?:an?|the)?\s*$/,
  /\b(?:is|was|are|were|been|be|being|’s|'s)\s+(?:called|dubbed|nicknamed|termed|labell?ed|branded)\s+(?:an?|the)?\s*$/,
  /\b(?:dubbed|nicknamed|termed|branded|coined)\s+(?:[^.,;:“”"]{0,60}\s+as\s+)?(?:it\s+|him\s+|her\s+|them\s+)?(?:an?|the)?\s*$/,
  /\b(?:campaign|slogan|motto|banner|signs?|placards?|t-shirts?|hats?)\s*(?:reading|that\s+read|saying)?\s*,?\s*$/,
];

/** Determiners before a scare-quoted modifier ("an “irregular” channel"). */
const MODIFIER_BEFORE = /\b(?:a|an|the|this|that|these|those|its|his|her|their|our|or|and)\s+$/;
/** Words after a quotation that show it is not a noun modifier ("the “deal” was"). */
const NOT_A_NOUN =
  /^(?:is|was|are|were|be|been|being|has|have|had|will|would|can|could|should|may|might|must|and|or|but|to|of|in|on|at|by|for|with|from|as|that|which|who|than|then|if|when|because|so|not|it|he|she|they|we|i|you)\b/;

function wordsIn(s: string): string[] {
  return s.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
}

/**
 * Whether a quotation is a term, a nickname, a heading or a scare-quoted modifier rather than
 * quoted words: "named" (a naming word before it, see NAMING_BEFORE), "nickname" (inside a
 * capitalised name: Dwayne “The Rock” Johnson), "heading" (a short quotation that is a whole
 * paragraph without sentence punctuation, numbered or not: 6. “The Gordon problem”), "modifier"
 * (one or two words between a determiner and a noun: an “irregular” channel). The modifier reading
 * is only a candidate: a reporting cue right before makes it a quotation (the caller decides).
 * Null for anything else, and for any quotation longer than six words.
 */
export function termKind(text: string, q: Quote): TermKind | null {
  const inner = text.slice(q.start, q.end);
  const words = wordsIn(inner);
  if (!words.length || words.length > TERM_MAX_WORDS) return null;
  const before = text.slice(Math.max(0, q.open - 80), q.open).toLowerCase();
  const afterStart = q.close < 0 ? q.end : q.close + q.closeLen;
  const after = text.slice(afterStart, afterStart + 40);
  if (NAMING_BEFORE.some((re) => re.test(before))) return 'named';
  // A heading fills its line: at most a list number before it and a stop after (bounded look, so
  // a 100,000-character paragraph of quotations stays linear).
  const head = text.slice(Math.max(0, q.open - 8), q.open);
  const tail = text.slice(afterStart, afterStart + 4);
  const lineBreak = head.lastIndexOf('\n');
  const prefix = lineBreak >= 0 ? head.slice(lineBreak + 1) : q.open <= 8 ? head : null;
  const opensLine = prefix !== null && /^\s*(?:\d{1,2}[.)]\s*)?$/.test(prefix);
  const closesLine = /^[ \t.:]*\n/.test(tail) || (afterStart + tail.length === text.length && /^[\s.:]*$/.test(tail));
  if (opensLine && closesLine && !/[.!?]\W*$/.test(inner.trim())) return 'heading';
  if (words.length <= 3 && !/[,.;:!?]/.test(inner)) {
    const prevWord = /(\S+)\s$/.exec(text.slice(Math.max(0, q.open - 30), q.open))?.[1] ?? '';
    const nextWord = /^\s(\S+)/.exec(after)?.[1] ?? '';
    if (/^\p{Lu}[\p{L}.]*$/u.test(prevWord) && /^\p{Lu}\p{L}/u.test(nextWord) && /^\p{Lu}/u.test(inner)) return 'nickname';
    if (words.length <= 2 && MODIFIER_BEFORE.test(before) && /^\s\p{Ll}/u.test(after) && !NOT_A_NOUN.test(after.trim()))
      return 'modifier';
  }
  return null;
}
