/**
 * Appositive source: "X, a senator, said", "The senator's aide, Jane Doe, said", "X — a teacher —
 * says", "Clinton, 35, the daughter of …, said": the subject before a run of appositives, with
 * the appositives as its role. Falls back to the inverted source when there is none ("…, X said").
 */
import { DESCRIBED_DETERMINERS, placeKey, STRETCH_BREAK, US_STATE_WORDS } from '../lexicon/index.js';
import {
  isAppositive,
  isInsideAppositive,
  isNameRun,
  isTitle,
  type Phrase,
  phraseEndingAt,
  quoteJustBefore,
} from '../mentions.js';
import type { Token } from '../sentences.js';
import { isDelimiter } from '../token-tests.js';
import type { SourceStrategy } from './types.js';

/** Index of the token right after an appositive that starts at `k` (", a Republican from Iowa,"), or k. */
export function skipAppositiveRight(tokens: readonly Token[], k: number, end: number): number {
  if (tokens[k]?.text !== ',') return k;
  let m = k + 1;
  while (m < end && m - k < 20 && tokens[m]?.text !== ',' && !STRETCH_BREAK.has(tokens[m]?.text ?? '') && tokens[m]?.kind !== 'Q')
    m++;
  if (tokens[m]?.text === ',' && isAppositive(tokens, k + 1, m)) return m + 1;
  return k;
}

/**
 * The subject before a run of comma- or dash-delimited appositives ending at token `j`
 * ("Clinton, 35, the daughter of …, said"), with the appositives as its role, or null.
 */
export function appositiveSubject(tokens: readonly Token[], j: number, A: number): { src: Phrase; role?: Phrase } | null {
  let end = j;
  let sawAppositive = false;
  for (let n = 0; n < 4; n++) {
    let k = end - 1;
    while (
      k >= A &&
      end - k < 24 &&
      !isDelimiter(tokens[k]) &&
      tokens[k]?.kind !== 'Q' &&
      !STRETCH_BREAK.has(tokens[k]?.text ?? '')
    )
      k--;
    if (k < A || !isDelimiter(tokens[k]) || k + 1 >= end) return null;
    if (tokens[k + 1]?.lower === 'citing') {
      const np = phraseEndingAt(tokens, k - 1, A);
      return np ? { src: np } : null;
    }
    if (isNameRun(tokens, k + 1, end) || (n === 0 && isNameOfPlace(tokens, k + 1, end))) {
      const titleNp = phraseEndingAt(tokens, k - 1, A);
      if (n === 0 && titleNp && !(tokens[k - 1] as Token).cap) return { src: { a: k + 1, b: end }, role: titleNp };
      // "A lawyer for the news outlets, David Schulz, said": a description that opens the sentence
      // or follows a quotation ("“…,” the chief of staff, Joe Kasper, told POLITICO"). It may end
      // in a name when a lower-case noun heads it ("The leader of Ennahda, Rachid Ghannouchi,
      // said" had no source at all).
      if (n === 0) {
        const d = descriptionStart(tokens, k, A);
        // A capitalised title heads one too ("VFI Chief Executive, Padraig Cribben, said").
        const headed =
          !(tokens[k - 1] as Token).cap || (d + 1 < k && !(tokens[d + 1] as Token).cap) || isTitle(tokens[k - 1] as Token);
        if (headed && (d === A || quoteJustBefore(tokens, d)) && opensDescription(tokens, d, k))
          return { src: { a: k + 1, b: end }, role: { a: d, b: k } };
      }
      // A place that continues the appositive ("a salesman from Sumter, South Carolina,").
      if (n === 0 || sawAppositive) {
        end = k;
        continue;
      }
      return null;
    }
    if (isAppositive(tokens, k + 1, end)) {
      sawAppositive = true;
      // "Rep. Jo Meeks (D-N.Y.), chairman of …, said": step over the parenthesis.
      let e = k - 1;
      if (tokens[e]?.text === ')') {
        let o = e - 1;
        while (o > A && e - o < 8 && tokens[o]?.text !== '(') o--;
        if (tokens[o]?.text === '(') e = o - 1;
      }
      const np = phraseEndingAt(tokens, e, A);
      // "A, a spokesperson for B, the …, told": B sits inside an appositive; walk on to A. So does
      // "a spokesperson for B" itself when a comma opens it (goldset: two quotes went to "B").
      if (
        np &&
        (isInsideAppositive(tokens, np, A) ||
          opensAppositive(tokens, np, A) ||
          isPartyState(tokens, np) ||
          isStateAfterCity(tokens, np))
      ) {
        end = k;
        continue;
      }
      if (np) return { src: np, role: { a: k + 1, b: j } };
      end = k;
      continue;
    }
    return null;
  }
  return null;
}

/** Where the run of words (and abbreviation points: "Rep.") ending before token `k` starts, at most 12 back. */
function descriptionStart(tokens: readonly Token[], k: number, A: number): number {
  let d = k - 1;
  while (d - 1 >= A && k - d < 12) {
    const p = tokens[d - 1] as Token;
    if (p.kind !== 'w' && !(p.text === '.' && tokens[d - 2]?.kind === 'w' && p.s === (tokens[d - 2] as Token).e)) break;
    d--;
  }
  return d;
}

/** Words longest in a place after "of" in an appositive name ("Jim Poolman of Fargo", "of New York City"). */
const MAX_PLACE_WORDS = 3;

/**
 * Whether [a, b) is a name of two words or more, then "of" and a capitalised place: "A delegate,
 * Jim Poolman of Fargo, said" (the appositive name had been no name run, and the sentence had no
 * attribution). The mention reads the place off the name (mentions.ts, personOfPlace).
 */
function isNameOfPlace(tokens: readonly Token[], a: number, b: number): boolean {
  let of = a;
  while (of < b && tokens[of]?.lower !== 'of') of++;
  return (
    of - a >= 2 && b - of - 1 >= 1 && b - of - 1 <= MAX_PLACE_WORDS && isNameRun(tokens, a, of) && isNameRun(tokens, of + 1, b)
  );
}

/**
 * Whether the words [d, k) open as a description of someone: an article, a possessive pronoun
 * or "another"/"one" ("the chief of staff", "another delegate on the Cruz slate"), a capitalised
 * title ("VFI Chief Executive"), or a possessive name before a lower-case role ("Rep. Duncan
 * Hunter’s chief of staff").
 */
function opensDescription(tokens: readonly Token[], d: number, k: number): boolean {
  if (DESCRIBED_DETERMINERS.has((tokens[d] as Token).lower)) return true;
  // A capitalised title, whatever names it ("VFI Chief Executive, Padraig Cribben, said").
  if (isTitle(tokens[k - 1] as Token) && tokens.slice(d, k).every((t) => t.kind === 'w' && t.cap)) return true;
  for (let m = d; m < k - 1; m++) {
    const t = tokens[m] as Token;
    if (t.cap && /['’]s$/.test(t.text) && !(tokens[m + 1] as Token).cap) return true;
  }
  return false;
}

/** Whether a phrase is only a party and state ("R-Texas", "D-N.H."): an appositive of the name before it. */
function isPartyState(tokens: readonly Token[], np: { a: number; b: number }): boolean {
  return np.b - np.a === 1 && /^[RDI]-/.test((tokens[np.a] as Token).text);
}

/**
 * Whether a phrase is the state or country of a place named before it ("a scientist at NASA’s
 * Goddard Space Flight Center in Greenbelt, Maryland, and American University …, said"): part of
 * the appositive, not its subject (the quotation had gone to "Maryland").
 */
function isStateAfterCity(tokens: readonly Token[], np: Phrase): boolean {
  if (tokens[np.a - 1]?.text !== ',' || !(tokens[np.a - 2] as Token | undefined)?.cap) return false;
  const words = tokens.slice(np.a, np.b).map((t) => t.text);
  const place = words.join(' ');
  return words.length <= 2 && (US_STATE_WORDS.has(place) || TWO_WORD_STATES.test(place) || placeKey(place) !== null);
}

/** US states of two words, which US_STATE_WORDS (one word each) leaves out. */
const TWO_WORD_STATES =
  /^(?:New (?:York|Jersey|Mexico|Hampshire)|(?:North|South) (?:Carolina|Dakota)|Rhode Island|West Virginia)$/;

/** Whether a phrase is an indefinite description opened by a comma (", a spokesperson for B"): an appositive, not a subject. */
function opensAppositive(tokens: readonly Token[], np: Phrase, A: number): boolean {
  const first = tokens[np.a] as Token;
  return np.a - 1 > A && tokens[np.a - 1]?.text === ',' && !first.cap && (first.lower === 'a' || first.lower === 'an');
}

/** "X, a senator, said": the subject before the appositives ending at the cue's left. */
export const appositive: SourceStrategy = ({ tokens, A }, { j }) => {
  const ap = appositiveSubject(tokens, j, A);
  return ap ? { src: ap.src, side: 'left', role: ap.role } : null;
};
