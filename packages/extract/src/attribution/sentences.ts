/**
 * Tokenises the text around quotations and splits it into sentences. Each quotation becomes a
 * single `Q` token, so cue and speaker rules never look inside quoted words, and a sentence
 * boundary never falls inside a quotation (which may span paragraphs).
 */
import { ABBREVIATIONS, CUE_FORMS, MODAL_OPENERS, PRONOUN_AFTER_MODAL, SENTENCE_ADVERBS, TITLE_WORDS } from './lexicon/index.js';
import type { Quote } from './quote-marks.js';

/** A word, a punctuation mark, or a whole quotation. */
export interface Token {
  kind: 'w' | 'p' | 'Q';
  /** Offsets of the token in the text; for `Q`, from the opening mark through the closing mark. */
  s: number;
  e: number;
  text: string;
  lower: string;
  /** Starts with an upper-case letter (but for a modal opening a question or wish: "May we …"). */
  cap: boolean;
  quote?: Quote;
}

/** A sentence: tokens `[a, b)` of the token array, and the paragraph it starts in. */
export interface Sentence {
  a: number;
  b: number;
  paragraph: number;
}

// Words (with inner apostrophes, hyphens and dots), initialisms like U.S., or one other character.
// Each alternative consumes at least one character and none can backtrack across another.
// A typed dash ("--", "---") is one token, as "—" is (DASHES): two "-" tokens had broken
// "Kall -- co-editor of … -- said the candidate …" into a clause read backwards.
const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:['’\-.&/][\p{L}\p{N}]+)*|\s+|-{2,3}|[^\s]/uy;

/** Upper-case letter at `i` (ASCII fast path). */
function isUpperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return c >= 65 && c <= 90;
  return /\p{Lu}/u.test(text[i] as string);
}

/** Letter or digit at `i` (ASCII fast path). */
function isAlnumAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return /[\p{L}\p{N}]/u.test(text[i] as string);
}

function pushWord(out: Token[], text: string, s: number, e: number): void {
  const t = text.slice(s, e);
  out.push({ kind: 'w', s, e, text: t, lower: t.toLowerCase(), cap: isUpperAt(text, s) });
}

/** A subject pronoun with a contracted auxiliary: "He’s", "they're", "I’ve", "she'd". */
const PRONOUN_CONTRACTION = /^(he|she|it|that|there|who|what|here|where|i|we|they|you)['’](s|d|ll|re|ve|m)$/i;

/**
 * Where a pronoun contraction splits into the pronoun and its auxiliary ("He’s claiming" → "He",
 * "’s"), or -1. As one word the pronoun was no source: "He’s claiming that …", "he’s hoping the
 * endorsement …" had no frame (PolNeAR dev: 2 direct misses). The auxiliary is in AUXILIARIES.
 */
function contractionSplit(text: string, s: number, e: number): number {
  if (e - s > 7 || !PRONOUN_CONTRACTION.test(text.slice(s, e))) return -1;
  let k = s;
  while (k < e && text[k] !== "'" && text[k] !== '’') k++;
  return k;
}

/**
 * An initialism with inner full stops ("S.C", "U.N", "R-S.C") whose last stop is followed by a
 * comma or a closing parenthesis: the stop is part of the word, not a sentence break. Split off,
 * it ended the appositive in "Sen. Lindsey Graham, R-S.C., a candidate, said …", and the
 * report had no source (PolNeAR train misses).
 */
function initialismBeforeComma(text: string, w: string, e: number): boolean {
  const next = text[e + 1];
  return (next === ',' || next === ')') && /^(?:[A-Za-z]+-)?(?:[A-Z]\.)+[A-Z]$/.test(w);
}

/** Tokenises `text[from, to)` (no quotations inside) onto `out`; newlines become "\n" tokens. */
function tokenizePlain(out: Token[], text: string, from: number, to: number): void {
  TOKEN_RE.lastIndex = from;
  while (TOKEN_RE.lastIndex < to) {
    const s = TOKEN_RE.lastIndex;
    const m = TOKEN_RE.exec(text);
    if (!m) break;
    let e = s + m[0].length;
    if (e > to) {
      e = to;
      TOKEN_RE.lastIndex = to;
    }
    const c = text.charCodeAt(s);
    if (c === 10 || c === 32 || c === 9 || c === 13 || c === 0xa0 || (c > 127 && /\s/.test(text[s] as string))) {
      if (c === 10 || text.slice(s, e).includes('\n')) out.push({ kind: 'p', s, e: s + 1, text: '\n', lower: '\n', cap: false });
      continue;
    }
    if (isAlnumAt(text, s)) {
      // Abbreviations keep their period ("Sen.", "Mr."), as do single initials ("George W. Bush").
      if (text[e] === '.' && e < to && e - s <= 8) {
        const w = text.slice(s, e);
        const tail = w.slice(w.lastIndexOf('-') + 1).toLowerCase();
        if (
          ABBREVIATIONS.has(w.toLowerCase()) ||
          ABBREVIATIONS.has(tail) ||
          (w.length === 1 && isUpperAt(text, s)) ||
          initialismBeforeComma(text, w, e)
        ) {
          e++;
          TOKEN_RE.lastIndex = e;
        }
      }
      const split = contractionSplit(text, s, e);
      if (split > 0) {
        pushWord(out, text, s, split);
        pushWord(out, text, split, e);
      } else pushWord(out, text, s, e);
      continue;
    }
    out.push({ kind: 'p', s, e, text: text.slice(s, e), lower: text.slice(s, e), cap: false });
  }
}

/** Tokens of the whole text with each quotation folded into one `Q` token. */
export function tokenize(text: string, quotes: readonly Quote[]): Token[] {
  const out: Token[] = [];
  let pos = 0;
  for (const q of quotes) {
    if (q.open > pos) tokenizePlain(out, text, pos, q.open);
    const e = q.close >= 0 ? q.close + q.closeLen : q.end;
    out.push({ kind: 'Q', s: q.open, e, text: text.slice(q.start, q.end), lower: '', cap: false, quote: q });
    pos = e;
  }
  if (pos < text.length) tokenizePlain(out, text, pos, text.length);
  return out;
}

/**
 * Words capitalised only because they open a sentence, which are no names: a modal before a
 * subject pronoun ("May we take this opportunity to thank …": read as a name, "May" was the
 * speaker of the thanks and of the statement quoted after it, on a newly labelled page) and a
 * sentence adverb ({@link SENTENCE_ADVERBS}: "Hastily politicizing the tragedy …, Trump cast …"
 * had "Hastily" speak). Their tokens are marked lower-case, once the sentences are split (their
 * capital still opens a sentence).
 */
export function lowerSentenceOpeners(tokens: Token[]): void {
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.kind !== 'w' || !t.cap) continue;
    if (SENTENCE_ADVERBS.has(t.lower)) t.cap = false;
    else if (MODAL_OPENERS.has(t.text) && PRONOUN_AFTER_MODAL.has(tokens[k + 1]?.lower ?? '')) t.cap = false;
  }
}

const STRAY_MARKS = new Set(["'", '’', '"', '”', '»', '`']);
const ENDERS = new Set(['.', '!', '?', '…']);

/** Closing marks of a quotation nested at the end of another ("… come after you.’”"). */
const INNER_CLOSERS = /['’"”»]+$/u;

/** The last character of a quotation's own words, past any inner quotation's closing marks. */
function lastOfQuote(t: Token): string {
  const inner = t.text.trimEnd().replace(INNER_CLOSERS, '');
  return inner[inner.length - 1] ?? '';
}

/** Whether a quotation's own words end with a sentence's stop ("… now.”", "… after you.’”", "…?”"). */
export function quoteWordsEndSentence(t: Token): boolean {
  const last = lastOfQuote(t);
  return last === '.' || last === '!' || last === '?';
}

/** Whether a quotation ends a sentence: its own words do, or it is never closed. */
function quoteEndsSentence(t: Token): boolean {
  return quoteWordsEndSentence(t) || t.quote?.close === -1;
}

/** Most words a reporting clause's subject may take before its verb ("Sen. Adam Schiff asked"). */
const MAX_SUBJECT_WORDS = 4;

/**
 * Whether the question or exclamation quotation at `i` is credited by the reporting clause right
 * after it (`"Why would we do that?" Schiff asked.`): its own "?" or "!" ends the words, not the
 * sentence. The clause is 1-4 words, the first capitalised, then a finite speech cue (not -ing).
 * Without this the quotation kept the previous sentence's speaker (issue 10, goldset: 1 case).
 */
export function questionQuoteTakesNextClause(tokens: readonly Token[], i: number): boolean {
  const q = tokens[i];
  if (q?.kind !== 'Q' || q.quote?.close === -1) return false;
  const last = lastOfQuote(q);
  if (last !== '?' && last !== '!') return false;
  const first = tokens[i + 1];
  if (first?.kind !== 'w' || !first.cap) return false;
  for (let k = i + 1; k <= i + 1 + MAX_SUBJECT_WORDS; k++) {
    const t = tokens[k];
    if (t?.kind !== 'w') return false;
    const form = k > i + 1 ? CUE_FORMS.get(t.lower) : undefined;
    if (form) return form.cls === 'speech' && !t.lower.endsWith('ing');
  }
  return false;
}

/**
 * Capitalised words that open a new sentence and never continue a name: after a word that kept
 * its full stop ("U.S.", "Inc.", "Calif.") they mean the stop ended the sentence too.
 */
const SENTENCE_OPENERS = new Set(
  'He She It They We I You The This That These Those But And Yet So Still However Meanwhile His Her Their Its Our There In On At For After Before When While If As Now Then Also'.split(
    ' ',
  ),
);

/**
 * A quotation that opens on a capital letter: after "in Lincoln, Neb." it is a new sentence ("“…,”
 * Hoenig said in a speech in Lincoln, Neb. “They are earning …”" had lost its second quotation).
 */
function opensWithCapital(t: Token): boolean {
  return t.kind === 'Q' && /^\s*\p{Lu}/u.test(t.text);
}

/**
 * Whether a word that kept its full stop (an initialism or abbreviation) ends the sentence:
 * the next word opens a sentence ("… in the U.S. He says …") or a quotation opens on a capital
 * ({@link opensWithCapital}), and the word is no title ("Sen.").
 * The stop stayed on the word, so the sentence ran on into the next one: "in the U.S. He says
 * Americans …" gave one content of two sentences (PolNeAR train: 31 sentences).
 */
function abbreviationEndsSentence(t: Token, next: Token): boolean {
  return (
    t.kind === 'w' &&
    t.text.endsWith('.') &&
    ((next.kind === 'w' && SENTENCE_OPENERS.has(next.text)) || opensWithCapital(next)) &&
    !TITLE_WORDS.has(t.lower) &&
    !TITLE_WORDS.has(t.lower.slice(0, -1)) &&
    t.text.length > 2
  );
}

/** Splits the tokens into sentences at end punctuation, quotations that end one, and paragraph breaks. */
export function splitSentences(tokens: readonly Token[], paragraphOf: (offset: number) => number): Sentence[] {
  const out: Sentence[] = [];
  let a = 0;
  const flush = (b: number): void => {
    // Skip leading newline tokens; keep sentences that hold something.
    let s = a;
    while (s < b && tokens[s]?.text === '\n') s++;
    if (s < b) out.push({ a: s, b, paragraph: paragraphOf(tokens[s]?.s ?? 0) });
    a = b;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'p' && t.text === '\n') {
      flush(i);
      a = i + 1;
      continue;
    }
    const next = tokens[i + 1];
    if (!next) continue;
    const c0 = next.text.charCodeAt(0);
    const nextStarts = next.kind === 'Q' || next.cap || (c0 >= 48 && c0 <= 57) || next.text === '\n';
    if (t.kind === 'p' && ENDERS.has(t.text)) {
      // Stray quote marks that follow the period belong to this sentence.
      let k = i + 1;
      while (k < tokens.length && k - i < 4 && STRAY_MARKS.has((tokens[k] as Token).text)) k++;
      const after = tokens[k];
      if (k > i + 1) {
        if (!after || after.cap || after.kind === 'Q' || after.text === '\n') {
          flush(k);
          i = k - 1;
        }
        continue;
      }
      if (nextStarts || (next.kind === 'p' && (next.text === '(' || next.text === '['))) flush(i + 1);
    } else if (abbreviationEndsSentence(t, next)) {
      flush(i + 1);
    } else if (
      t.kind === 'Q' &&
      quoteEndsSentence(t) &&
      (next.kind === 'Q' || next.cap) &&
      !questionQuoteTakesNextClause(tokens, i)
    ) {
      flush(i + 1);
    }
  }
  flush(tokens.length);
  return out;
}
