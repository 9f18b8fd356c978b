import { fnv1a32Words } from '@quotecheck/shared/core';
import { normalizeQuote } from './normalize.js';

/** A sentence of an article with its offsets. */
export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** `s` with every regular-expression metacharacter escaped, to match it literally. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern matching `word` as a whole word: no letter right before or after it. */
export function wholeWord(word: string, flags = ''): RegExp {
  return new RegExp(`(?<![\\p{L}])${escapeRegExp(word)}(?![\\p{L}])`, `u${flags}`);
}

const LETTER = /\p{L}/u;

/** Whether a code point is a letter (`\p{L}`); ASCII without a regular expression. */
function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return LETTER.test(String.fromCodePoint(cp));
}

/** Whether the code point that starts at `i` is a letter, as `(?=\p{L})` at `i` sees it (false at the end). */
export function letterAt(text: string, i: number): boolean {
  return i < text.length && isLetter(text.codePointAt(i)!);
}

/** UTF-16 length of the code point that ends at `i` (0 at the start): 2 for a surrogate pair. */
export function codePointLengthBefore(text: string, i: number): number {
  if (i <= 0) return 0;
  const lo = text.charCodeAt(i - 1);
  if (i >= 2 && lo >= 0xdc00 && lo <= 0xdfff) {
    const hi = text.charCodeAt(i - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return 2;
  }
  return 1;
}

/** Whether the code point that ends at `i` is a letter, as `(?<=\p{L})` at `i` sees it (false at 0). */
export function letterBefore(text: string, i: number): boolean {
  const n = codePointLengthBefore(text, i);
  return n > 0 && isLetter(text.codePointAt(i - n)!);
}

/**
 * Whether `s` can be searched for with `indexOf` where a `u` regular expression of it would be:
 * not empty, and no surrogate half at either end (a `u` pattern never matches from or to the
 * middle of a surrogate pair; `indexOf` would). Every name part of real text passes.
 */
export function plainSearchString(s: string): boolean {
  if (!s) return false;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(s.length - 1);
  return !(first >= 0xdc00 && first <= 0xdfff) && !(last >= 0xd800 && last <= 0xdbff);
}

/**
 * {@link lastWholeWord} with the pattern itself: for words `indexOf` cannot search as a `u`
 * pattern would, and the specification the faster scan is tested against.
 */
export function lastWholeWordByPattern(text: string, word: string): number {
  return lastMatchAt(text, wholeWord(word, 'g'));
}

/** Where the last match of a global pattern in `text` starts, its matches taken left to right, or -1. */
export function lastMatchAt(text: string, pattern: RegExp): number {
  let at = -1;
  for (const m of text.matchAll(pattern)) at = m.index;
  return at;
}

/**
 * The offset of the last match of {@link wholeWord}(`word`) in `text` when its matches are taken
 * left to right (each search going on after the previous match), or -1: the same offset as the
 * regular expression's, found with `indexOf` and no pattern built per word.
 */
export function lastWholeWord(text: string, word: string): number {
  if (!plainSearchString(word)) return lastWholeWordByPattern(text, word);
  let at = -1;
  for (let i = text.indexOf(word); i >= 0; ) {
    if (!letterBefore(text, i) && !letterAt(text, i + word.length)) {
      at = i;
      i = text.indexOf(word, i + word.length);
    } else i = text.indexOf(word, i + 1);
  }
  return at;
}

const ABBREV =
  /\b(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Col|Lt|Capt|Sgt|St|Jr|Sr|Prof|Rev|Adm|No|vs|U\.S|U\.K|U\.N|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Co|Ltd)\.$/;

/**
 * Splits text into sentences: paragraph breaks always end one; ". ", "? ", "! " end one unless
 * inside a quotation or after an abbreviation. Good enough for evidence lines, not for parsing.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  let depth = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) out.push({ start: start + lead, end: start + lead + t.length, text: t });
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      push(i);
      start = i + 1;
      depth = 0;
      continue;
    }
    if (ch === '“') depth++;
    else if (ch === '”') depth = Math.max(0, depth - 1);
    // A sentence ends at its stop, or at the curly mark closing a quotation whose words end one
    // ("… called the situation “overclassification run amok.” However, one source said …" was one
    // sentence: the stop fell inside the marks, where quotation depth keeps sentences together).
    const closesQuotedStop = ch === '”' && depth === 0 && /[.?!]/.test(text[i - 1] ?? '');
    if (((ch === '.' || ch === '?' || ch === '!') && depth === 0) || closesQuotedStop) {
      let j = i + 1;
      while (j < text.length && /["”’')\]]/.test(text[j]!)) j++;
      // Pages drop the space after a closing mark ("… so do voters!”After his rally …").
      const glued = closesQuotedStop && j === i + 1 && /\p{Lu}/u.test(text[j] ?? '');
      if (glued) push(j);
      else if (j < text.length && text[j] === ' ' && /[\p{Lu}“"‘(\d]/u.test(text[j + 1] ?? '')) {
        if (ch === '.' && ABBREV.test(text.slice(Math.max(0, i - 6), i + 1))) continue;
        if (ch === '.' && /\b\p{Lu}$/u.test(text.slice(Math.max(0, i - 2), i))) continue;
        push(j);
      }
    }
  }
  push(text.length);
  return out;
}

/** Sentences of a text with a lookup by offset. */
export class SentenceIndex {
  readonly sentences: Sentence[];
  constructor(readonly text: string) {
    this.sentences = splitSentences(text);
  }
  /** The sentence holding `offset`, or the nearest one before it. */
  at(offset: number): Sentence {
    let lo = 0;
    let hi = this.sentences.length - 1;
    let best = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.sentences[mid]!.start <= offset) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return this.sentences[best] ?? { start: 0, end: this.text.length, text: this.text };
  }
  /** All sentences overlapping `[start, end)`, joined: the evidence line of a span. */
  span(start: number, end: number): Sentence {
    const a = this.at(start);
    const b = this.at(Math.max(start, end - 1));
    return { start: a.start, end: b.end, text: this.text.slice(a.start, b.end) };
  }
}

/**
 * The news agency an article credits as its source, when it is a wire copy: a dateline such as
 * "(AP) —" or "(Reuters) -", a byline naming the agency, or an agency copyright line.
 */
export function wireCredit(text: string, byline: string | null): string | null {
  const head = text.slice(0, 400);
  const tail = text.slice(-600);
  const checks: [string, RegExp][] = [
    ['ap', /\((AP|Associated Press)\)|\bAssociated Press\b.*\b(contributed|copyright|©)|©.*\bAssociated Press\b/i],
    ['reuters', /\(Reuters\)|\bReporting by\b|©.*\bReuters\b|\bThomson Reuters\b/i],
    ['afp', /\(AFP\)|\bAgence France-Presse\b|©.*\bAFP\b/i],
  ];
  for (const [agency, re] of checks) {
    if (
      byline &&
      new RegExp(
        `\\b(${agency === 'ap' ? 'AP|Associated Press' : agency === 'afp' ? 'AFP|Agence France-Presse' : 'Reuters'})\\b`,
        'i',
      ).test(byline)
    )
      return agency;
    if (re.test(head) || re.test(tail)) return agency;
  }
  return null;
}

const SIG_SIZE = 8;
const SEEDS = [0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f, 0x165667b1, 0xd3a2646c, 0xfd7046c5, 0xb55a4f09];

function mix(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
const SIG_SHINGLE = 5;

/**
 * A MinHash signature of the text around an occurrence (its paragraph and the ones beside it).
 * Two outlets whose signatures mostly agree carry one copied story, so they count as one source.
 * `hash`: how a shingle of words is hashed (the default is the one signatures are stored with).
 */
export function contextSignature(
  paragraphs: readonly string[],
  paragraph: number,
  hash: (words: readonly string[], from: number, to: number) => number = fnv1a32Words,
): string {
  const window = paragraphs.slice(Math.max(0, paragraph - 1), paragraph + 2).join(' ');
  const words = normalizeQuote(window).words;
  const mins = new Array<number>(SIG_SIZE).fill(0xffffffff);
  for (let i = 0; i + SIG_SHINGLE <= Math.max(words.length, SIG_SHINGLE); i++) {
    const h = hash(words, i, Math.min(i + SIG_SHINGLE, words.length));
    for (let k = 0; k < SIG_SIZE; k++) {
      const v = mix(h ^ SEEDS[k]!);
      if (v < mins[k]!) mins[k] = v;
    }
  }
  return mins.map((m) => m.toString(16).padStart(8, '0')).join('');
}

/** Share of agreeing MinHash slots of two context signatures, in [0, 1]. */
export function signatureSimilarity(a: string, b: string): number {
  if (a.length !== b.length || !a.length) return 0;
  let same = 0;
  for (let k = 0; k < a.length; k += 8) if (a.slice(k, k + 8) === b.slice(k, k + 8)) same++;
  return same / (a.length / 8);
}

/** Index of the paragraph holding `offset` in text made of paragraphs joined by "\n". */
export function paragraphAt(paragraphs: readonly string[], offset: number): number {
  let at = 0;
  for (let i = 0; i < paragraphs.length; i++) {
    const len = paragraphs[i]!.length;
    if (offset <= at + len) return i;
    at += len + 1;
  }
  return Math.max(0, paragraphs.length - 1);
}
