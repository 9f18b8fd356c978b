/**
 * Small predicates and scans over tokens that the frame patterns, the source strategies and
 * region assignment share.
 */

import { AUXILIARIES, BE, DASHES, DETERMINERS, PREPOSITIONAL_SUBORDINATORS, TIME_WORDS } from './lexicon/index.js';
import { isHeadNoun } from './mentions.js';
import type { Token } from './sentences.js';

/**
 * Whether a subordinator that is a preposition too is used as one: before a determiner or a time
 * word it opens a noun phrase ("after the debate", "before last week"), not a clause ("after he
 * spoke").
 */
export function isPrepositionHere(t: Token, next: Token | undefined): boolean {
  return (
    PREPOSITIONAL_SUBORDINATORS.has(t.lower) && next?.kind === 'w' && (DETERMINERS.has(next.lower) || TIME_WORDS.has(next.lower))
  );
}

/** A name word lower-cased without a possessive ending ("Clinton’s" -> "clinton"). */
export const lowerName = (s: string): string => s.toLowerCase().replace(/['’]s$/, '');

/** Whether a token is a word. */
export const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === 'w';

/** A lower-case -ly word that is not a head noun ("repeatedly", not "ally"). */
export const isAdverb = (t: Token): boolean =>
  t.kind === 'w' && !t.cap && t.lower.length > 4 && t.lower.endsWith('ly') && !isHeadNoun(t.lower);

/** Words a title-case line has at least, counting only those over three letters. */
const TITLE_CASE_MIN_WORDS = 4;
/** Share of those words capitalised in a title-case line ("Woman Who Accused Trump Of Rape …"). */
const TITLE_CASE_SHARE = 0.85;

/**
 * Whether words are set in title case, as a headline is: four words or more of over three
 * letters, nearly all capitalised. There a capital letter says nothing about names or verbs.
 */
export function isTitleCase(words: Iterable<string>): boolean {
  let long = 0;
  let capital = 0;
  for (const w of words) {
    if (w.length <= 3) continue;
    long++;
    if (/^\p{Lu}/u.test(w)) capital++;
  }
  return long >= TITLE_CASE_MIN_WORDS && capital >= TITLE_CASE_SHARE * long;
}

/** Whether the words among tokens [a, b) are set in title case ({@link isTitleCase}). */
export function isTitleCased(tokens: readonly Token[], a: number, b: number): boolean {
  const words: string[] = [];
  for (let k = a; k < b; k++) if ((tokens[k] as Token).kind === 'w') words.push((tokens[k] as Token).text);
  return isTitleCase(words);
}

/**
 * The sentence ending before token `B` closes on a colon ("Caddell continued:", "issued the
 * following statement:"): its words, if any, are the quotation opening the next paragraph.
 */
export const endsOnColon = (tokens: readonly Token[], B: number): boolean => tokens[B - 1]?.text === ':';

/** A comma or a dash. */
export const isDelimiter = (t: Token | undefined): boolean => !!t && t.kind === 'p' && (t.text === ',' || DASHES.has(t.text));

/** A quotation, a comma, a dash or a stray quote mark: what sets a clause off from the next. */
export function isSeparator(t: Token | undefined): boolean {
  return (
    !!t &&
    (t.kind === 'Q' ||
      (t.kind === 'p' &&
        (t.text === ',' || DASHES.has(t.text) || t.text === "'" || t.text === '’' || t.text === '"' || t.text === '”')))
  );
}

/**
 * "has since said", "have since acknowledged": "since" between an auxiliary and the cue is an
 * adverb, not a subordinator; reading it as a stop left "X has since said …" without a frame.
 */
function sinceAfterAuxiliary(tokens: readonly Token[], j: number): boolean {
  const before = tokens[j - 1];
  return tokens[j]?.lower === 'since' && before?.kind === 'w' && AUXILIARIES.has(before.lower);
}

/** Heads of a time adjunct between a subject and its verb ("last week", "on Tuesday", "Monday night"). */
const TIME_HEADS =
  /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|morning|afternoon|evening|night)$/;
/** Words that open such an adjunct ("last week", "this month", "on Monday", "earlier this year"). */
const TIME_OPENERS = /^(last|this|on|earlier|early|late|later|that|next)$/;

/**
 * "Dianne Feinstein (D-Calif.) last week said", "Clinton on Tuesday said": a time adjunct ending
 * at `j` between the subject and its verb; returns the index left of it, or `j` when there is none.
 * (PolNeAR train: such reports had no source.)
 */
function skipTimeLeft(tokens: readonly Token[], j: number, floor: number): number {
  const head = tokens[j];
  if (head?.kind !== 'w' || !TIME_HEADS.test(head.lower)) return j;
  let start = j;
  // "Monday night": the part of the day after its weekday.
  if (!/day$/.test(head.lower) && /day$/.test(tokens[j - 1]?.lower ?? '') && tokens[j - 1]?.kind === 'w') start = j - 1;
  let k = start - 1;
  while (k >= floor && tokens[k]?.kind === 'w' && !(tokens[k] as Token).cap && TIME_OPENERS.test((tokens[k] as Token).lower)) k--;
  // A weekday needs no opener; "week" or "year" alone is a noun ("the week said").
  if (k === start - 1 && !/day$/.test((tokens[start] as Token).lower)) return j;
  return k;
}

/**
 * Participles that, after "be", raise the subject of a reported act over "to" ("Obama is reported
 * to have called the Saudis “free riders”", "she is said to have told aides"): the subject is the
 * cue's source. Hearsay only: "is expected to say" reports nothing said yet, and "appears to" is
 * the writer's own judgement (EVIDENTIAL).
 */
const RAISING_VERBS = new Set([
  'reported',
  'said',
  'believed',
  'understood',
  'known',
  'thought',
  'alleged',
  'rumored',
  'rumoured',
]);

/**
 * Whether token `i` is a hearsay participle between "be" and "to" ("is reported to"). "The paper
 * reported to readers" has no "be"; the caller tells "was reported to Congress" from "is
 * reported to have called" by the word after "to".
 */
export function isRaisingAt(tokens: readonly Token[], i: number): boolean {
  const verb = tokens[i];
  return (
    verb?.kind === 'w' &&
    !verb.cap &&
    RAISING_VERBS.has(verb.lower) &&
    tokens[i + 1]?.lower === 'to' &&
    BE.has(tokens[i - 1]?.lower ?? '')
  );
}

/** Perception participles after "be" and before the cue's -ing form ("can be heard asking", "was seen telling"). */
const PERCEPTION_PARTICIPLES = new Set(['heard', 'seen', 'overheard', 'caught']);

/**
 * "a reporter can be heard asking Trump": a perception participle between "be" and an -ing form at
 * `j + 1` reports the act, not a verb of its own; returns the index left of its "be", or `j`.
 */
function skipPerceptionLeft(tokens: readonly Token[], j: number): number {
  const t = tokens[j];
  if (t?.kind !== 'w' || t.cap || !PERCEPTION_PARTICIPLES.has(t.lower)) return j;
  if (!/ing$/.test(tokens[j + 1]?.lower ?? '') || !BE.has(tokens[j - 1]?.lower ?? '')) return j;
  return j - 2;
}

/** "is reported to": a raising participle, its "be" and its "to" ending at `j`; returns the index left of them, or `j`. */
function skipRaisingLeft(tokens: readonly Token[], j: number): number {
  return tokens[j]?.lower === 'to' && isRaisingAt(tokens, j - 1) ? j - 3 : j;
}

/** Skips auxiliaries, adverbs, a time adjunct, a hearsay "is reported to" and a perception "be heard" leftwards from `j`; returns the first other index. */
export function skipAuxLeft(tokens: readonly Token[], j: number, floor: number): number {
  while (j >= floor) {
    const t = tokens[j] as Token;
    if (t.kind === 'w' && !t.cap && (AUXILIARIES.has(t.lower) || isAdverb(t) || sinceAfterAuxiliary(tokens, j))) j--;
    else {
      let k = skipTimeLeft(tokens, j, floor);
      if (k === j) k = skipRaisingLeft(tokens, j);
      if (k === j) k = skipPerceptionLeft(tokens, j);
      if (k === j) break;
      j = k;
    }
  }
  return j;
}

/**
 * A "not", "never" or "-n't" among the words from `from` to a cue at `cueA` ("did not respond",
 * "has never said", "didn’t comment").
 */
export function negatedBefore(tokens: readonly Token[], from: number, cueA: number): boolean {
  for (let k = Math.max(0, from); k < cueA; k++) {
    const w = (tokens[k] as Token).lower;
    if (w === 'not' || w === 'never' || /n[’']t$/.test(w)) return true;
  }
  return false;
}

/**
 * Whether token `k` is a dash setting off words: an em dash or horizontal bar however set, a hyphen
 * or en dash only with a space beside it (not "U.S.-Mexico", which had "Mexico" as a subject).
 */
export function isDashAt(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (!t || !DASHES.has(t.text)) return false;
  if (t.text !== '-' && t.text !== '–') return true;
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  return (!!before && before.e < t.s) || (!!after && after.s > t.e);
}
