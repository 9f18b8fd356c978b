import { stableId } from '@quotecheck/shared/core';

/** A quotation reduced to comparable words, with the original tokens kept for name detection. */
export interface NormalizedQuote {
  /** Lower-cased words without punctuation; an ellipsis becomes the gap token {@link GAP}. */
  readonly words: readonly string[];
  /**
   * The same tokens as written (case and surrounding punctuation kept), index-aligned with
   * `words`: a hyphenated token's first part holds the token, its later parts '' ({@link HYPHENATED}).
   */
  readonly raw: readonly string[];
  /** `words` joined by single spaces, gaps removed: the exact-match form. */
  readonly text: string;
}

/** Marks an ellipsis ("…", "...") inside a quote: words were left out there. */
export const GAP = '\u2026';

const QUOTE_MARKS = /["“”„‟«»‹›「」『』]/g;
const SINGLE_MARKS = /[‘’‚‛`´]/g;

// Verification normalises the same wordings over and over (every candidate claim's wordings for
// every incoming quote), and news reuses a small vocabulary: the per-token regex work is cached.
const TOKEN_CACHE_MAX = 100_000;
const tokenCache = new Map<string, string>();

/**
 * The possessive of a word ending in s, written either way house styles write it: AP prints
 * "ISIS’ best recruiter", others "ISIS’s best recruiter" (the trailing apostrophe of the first is
 * already dropped with the punctuation). Both become the bare word, so one outlet's excerpt is
 * found inside another's: on the cluster dev set a statement's five excerpts sat in two claims for
 * this one token (6 of its 9 split pairs). Only after an s: "it's", "Trump's" stay as written.
 */
const POSSESSIVE_AFTER_S = /(?<=s)'s$/u;

/**
 * A hyphenated word is its parts: house styles and reporters' ears differ on hyphens ("carpet bomb
 * them" in one outlet, "carpet-bomb [the Islamic militants]" in another; "so-called" and "so
 * called"), and one word against two had kept a held-out statement's excerpts in two claims.
 */
const HYPHENATED = '-';

/** One whitespace-delimited token as a comparable word ('' when nothing is left). */
function normalizeToken(tok: string): string {
  const hit = tokenCache.get(tok);
  if (hit !== undefined) return hit;
  // Keep letters, digits, and apostrophes/hyphens/periods/commas between alphanumerics ("U.S.", "600,000").
  const core = tok.replace(/^[^\p{L}\p{N}$%]+|[^\p{L}\p{N}%]+$/gu, '');
  const w = core
    ? core
        .toLowerCase()
        .replace(/(?<=\p{L})\.(?=\p{L})/gu, '')
        .replace(/(?<=\p{N}),(?=\p{N})/gu, '')
        .replace(/[^\p{L}\p{N}'\-$%.]/gu, '')
        .replace(POSSESSIVE_AFTER_S, '')
    : '';
  if (tokenCache.size >= TOKEN_CACHE_MAX) tokenCache.clear();
  tokenCache.set(tok, w);
  return w;
}

// A claim's wordings are compared again on every update: whole results are cached too (they are
// shared, hence readonly).
const QUOTE_CACHE_MAX = 20_000;
const quoteCache = new Map<string, NormalizedQuote>();

/**
 * Normalises a quotation for identity: Unicode NFKC, quote marks and apostrophes unified,
 * case folded, punctuation dropped (intra-word apostrophes kept, so "don't" stays one word; a
 * hyphenated word split in its parts, {@link HYPHENATED}), ellipses kept as gap tokens.
 */
export function normalizeQuote(text: string): NormalizedQuote {
  const hit = quoteCache.get(text);
  if (hit) return hit;
  const q = computeNormalizedQuote(text);
  if (quoteCache.size >= QUOTE_CACHE_MAX) quoteCache.clear();
  quoteCache.set(text, q);
  return q;
}

/**
 * The narration of an interrupted quotation left inside a quote span (`…gets to pick,” Trump said.
 * “If she…`): a closing mark, a short run naming a speech verb, an opening mark. It becomes a gap:
 * the words either side are the speaker's, the narration is not. Two apostrophes are a quotation
 * mark too (`,'' Mr. Rubio said. ''`: NYT copy as news databases hold it).
 */
const INTERRUPTION_SOURCE =
  /([,.?!;:\u2014\u2013-])\s*(?:”|"|'')\s+(?=[^"“”]{0,100}\b(?:said|says|say|added|adds|told|tells|asked|asks|replied|replies|answered|responded|warned|continued|explained|noted|argued|wrote|writes|stated|insisted|declared|according)\b)[^"“”]{1,100}\s+(?:“|"|'')/
    .source;
const INTERRUPTION = new RegExp(INTERRUPTION_SOURCE, 'giu');
const WHOLE_INTERRUPTION = new RegExp(`^${INTERRUPTION_SOURCE}$`, 'iu');

/**
 * Whether the text between two quotations is only the narration of an interrupted quotation
 * (`?” he said at a news conference last month. “`, from the last character of the first quotation
 * to the opening mark of the second): the two are one remark cut by its reporting clause.
 */
export function isInterruption(between: string): boolean {
  return WHOLE_INTERRUPTION.test(between);
}

/**
 * Dashes between words, which house styles set with spaces ("plan — and") or without ("plan—and",
 * 78 times in PolNeAR train against 864 spaced): a word break either way, so the unspaced form is
 * not read as one word "planand". A single hyphen splits its word in the token step ({@link HYPHENATED}).
 */
const DASHES = /[\u2012-\u2015]|-{2,}/g;

/**
 * Words a writer put in brackets inside a quotation ("carpet-bomb [the Islamic militants] into
 * oblivion", "It is different in a way [from 2012], but …"): not the speaker's, and standing for
 * words left out or changed, so a gap. A single bracketed letter ("[W]e are reminded") is the
 * speaker's word with its case changed and stays.
 */
const EDITORIAL_BRACKETS = /\[[^[\]]{2,80}\]/g;

/**
 * A percentage as house styles write it: "40%", "40 %", "40 percent" (AP), "40 per cent" (British).
 * One outlet's "18.7%" is another's "18.7 percent" of the same words; all read "40 percent".
 */
const PERCENT = /(\d)\s*(?:%|per cent\b)/gu;

/**
 * Honorifics some house styles put before every surname ("Mrs. Clinton", "Mr. Trump": The New
 * York Times) and others never do: before a capitalised word they are the outlet's, not the
 * statement's, and are left out ("a positive view of Mrs. Clinton" reads as "… of Clinton").
 */
const HONORIFIC = /^(?:mr|mrs|ms|messrs|dr)\.?$/iu;

/** Whether token `tok` is a house-style honorific before the capitalised `next` ({@link HONORIFIC}). */
function isHonorific(tok: string, next: string | undefined): boolean {
  return HONORIFIC.test(tok) && next !== undefined && /^\p{Lu}/u.test(next);
}

function computeNormalizedQuote(text: string): NormalizedQuote {
  const s = text
    .normalize('NFKC')
    .replace(INTERRUPTION, `$1 ${GAP} `)
    .replace(QUOTE_MARKS, ' ')
    .replace(SINGLE_MARKS, "'")
    .replace(DASHES, ' ')
    .replace(EDITORIAL_BRACKETS, ` ${GAP} `)
    .replace(PERCENT, '$1 percent')
    .replace(/\.{3,}|…/g, ` ${GAP} `);
  const words: string[] = [];
  const raw: string[] = [];
  const toks = s.split(/\s+/).filter(Boolean);
  for (const [t, tok] of toks.entries()) {
    if (isHonorific(tok, toks[t + 1])) continue;
    if (tok === GAP) {
      if (words.length && words[words.length - 1] !== GAP) {
        words.push(GAP);
        raw.push(GAP);
      }
      continue;
    }
    const w = normalizeToken(tok);
    if (!w) continue;
    if (!w.includes(HYPHENATED)) {
      words.push(w);
      raw.push(tok);
      continue;
    }
    // One word per part of a hyphenated word ({@link HYPHENATED}); the first carries the token.
    for (const [n, part] of w.split(HYPHENATED).filter(Boolean).entries()) {
      words.push(part);
      raw.push(n === 0 ? tok : '');
    }
  }
  while (words[words.length - 1] === GAP) {
    words.pop();
    raw.pop();
  }
  return { words, raw, text: words.filter((w) => w !== GAP).join(' ') };
}

/** Words of a normalised quote without gap tokens. */
export function plainWords(q: NormalizedQuote): string[] {
  return q.words.filter((w) => w !== GAP);
}

/** A short stable hex hash (sha1 prefix) used for index keys: the shared {@link stableId}. */
export const hashKey: (value: string, length?: number) => string = stableId;

const STOP = new Set(
  'a an the and or but of to in on at for by with from as is are was were be been being it its this that these those he she they we you i his her their our your my me him them us not no do does did has have had will would can could should may might must shall there here what which who whom whose when where why how so if than then also just very about into over after before up down out more most such only own same too all any both each few other some'.split(
    ' ',
  ),
);

/** True for function words that carry little identity on their own. */
export function isStopword(w: string): boolean {
  return STOP.has(w);
}

/** Content words (non-stopwords) of a word list. */
export function contentWords(words: readonly string[]): string[] {
  return words.filter((w) => w !== GAP && !STOP.has(w) && w.length > 1);
}

const NEGATIONS = new Set([
  'not',
  'no',
  'never',
  'nothing',
  'none',
  'nobody',
  'neither',
  'nor',
  'without',
  'cannot',
  "can't",
  "won't",
  "don't",
  "doesn't",
  "didn't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "shouldn't",
  "wouldn't",
  "couldn't",
  "haven't",
  "hasn't",
  "hadn't",
  'nowhere',
  'hardly',
]);

const NUMBER_WORDS = new Set(
  'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion half dozen percent'.split(
    ' ',
  ),
);

/** A word whose change alters what a quote says: a negation. */
export function isNegation(w: string): boolean {
  return NEGATIONS.has(w) || w.endsWith("n't");
}

/** A number, written in digits or words. */
export function isNumber(w: string): boolean {
  return /\d/.test(w) || NUMBER_WORDS.has(w);
}

/** A capitalised token that is not just a sentence start: treated as part of a name. */
export function isNameToken(raw: string, index: number, rawTokens: readonly string[]): boolean {
  const core = raw.replace(/^[^\p{L}\p{N}]+/u, '');
  if (!/^\p{Lu}/u.test(core) || /^I\b/.test(core)) return false;
  if (index === 0) return false;
  const prev = rawTokens[index - 1] ?? '';
  // After a sentence end or a gap ("… He was the founder") a capital starts a sentence.
  if (/[.!?:]$/.test(prev) || prev === GAP) return false;
  return true;
}
