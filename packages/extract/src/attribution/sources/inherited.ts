/**
 * Inherited source: a cue that takes the subject of its clause rather than a phrase next to it:
 * participles and coordinations ("…, adding that", "and said", "but said"), "to" infinitives
 * ("declined to say"), gerunds after a preposition ("after saying"). The subject is the source
 * of the latest frame of the sentence (not a credit), else the coordinated clause's subject,
 * else the main clause's subject.
 */

import type { Frame } from '../frames/types.js';
import {
  CAPITALISED_STOPWORDS,
  CAUSATIVE_VERBS,
  COORD,
  DASHES,
  DETERMINERS,
  OBJECT_PRONOUNS,
  PREPOSITIONS,
  PRONOUNS,
  SUBORDINATORS,
} from '../lexicon/index.js';
import { type Phrase, phraseEndingAt, phraseStartingAt } from '../mentions.js';
import type { Token } from '../sentences.js';
import { isDashAt, isPrepositionHere } from '../token-tests.js';
import type { SourceStrategy } from './types.js';

/**
 * Whether a word after a subject phrase can open its predicate: not a preposition ("Speaking in
 * Salem …") and not a determiner ("in San Jose, California the GOP candidate went …", a comma
 * missing: "California" is the place, not the subject).
 */
function opensPredicate(t: Token): boolean {
  return t.kind === 'w' && !PREPOSITIONS.has(t.lower) && !DETERMINERS.has(t.lower);
}

/** Tokens a wire dateline may take before its dash ("PHILADELPHIA, July 25 (UPI) —"). */
const MAX_DATELINE_TOKENS = 12;

/**
 * Where the clause starts after a wire dateline opening the sentence: an all-capital place, a
 * comma, a date and an agency, then a dash ("PHILADELPHIA, July 25 (UPI) — The Democratic National
 * Committee released a statement …, offering …" had "PHILADELPHIA" speak), or the place and its
 * dash alone ("WASHINGTON — …"). `a` when there is none.
 */
function afterDateline(tokens: readonly Token[], a: number, i: number): number {
  const first = tokens[a];
  if (!(first?.kind === 'w' && /^[A-Z][A-Z.-]{2,}$/.test(first.text))) return a;
  let k = a + 1;
  while (k < i && tokens[k]?.kind === 'w' && /^[A-Z][A-Z.-]+$/.test((tokens[k] as Token).text)) k++;
  // "MEXICO CITY - The rise of …", "WASHINGTON — Sen. Chuck Grassley …": no date, no agency.
  if (isDashAt(tokens, k)) return k + 1;
  if (tokens[k]?.text !== ',') return a;
  for (let d = k + 1; d < i && d - a <= MAX_DATELINE_TOKENS; d++) if (DASHES.has((tokens[d] as Token).text)) return d + 1;
  return a;
}

/**
 * A subordinator opening a clause ("when Rubio thanked …", "when the report was …"), not one of
 * those that are prepositions too, used as such before a determiner ("talked before a San Diego
 * law firm and talked about …": "a San Diego" had been the subject).
 */
function opensClause(t: Token, next: Token | undefined): boolean {
  return SUBORDINATORS.has(t.lower) && !isPrepositionHere(t, next);
}

/** The subject of the clause a coordinated cue belongs to ("when Rubio thanked Miami and said …"). */
function coordinationSubject(tokens: readonly Token[], A: number, j: number): Phrase | null {
  let k = j;
  while (k > A && k - j > -30) {
    const t = tokens[k - 1] as Token;
    if (t.kind !== 'w' || (!t.cap && (opensClause(t, tokens[k]) || t.lower === 'that' || t.lower === 'who'))) break;
    k--;
  }
  const np = phraseStartingAt(tokens, k, j);
  const after = np ? tokens[np.b] : undefined;
  // The subject's own verb follows it: "She talked before a San Diego law firm and talked about
  // …" stops at "before", and "a San Diego law firm" followed by "and" is no subject.
  if (np && after?.kind === 'w' && !after.cap && !COORD.has(after.lower) && opensPredicate(after)) return np;
  return null;
}

/**
 * "The debate was so subdued that Mr. Trump was prompted to say, …": a "to" infinitive inside a
 * "that" clause whose subject is a name speaks for that name, not for the main clause's subject.
 * Only a capitalised subject right after "that": with any subject (a pronoun "it" of "it is hard
 * to say") PolNeAR train lost as many sources as it gained (19 changed, about half worse).
 */
function namedSubjectAfterThat(tokens: readonly Token[], A: number, j: number): Phrase | null {
  const np = coordinationSubject(tokens, A, j);
  if (!np || np.a <= A) return null;
  const before = tokens[np.a - 1] as Token;
  const first = tokens[np.a] as Token;
  return before.kind === 'w' && before.lower === 'that' && first.cap && !PRONOUNS[first.lower] ? np : null;
}

/**
 * "… an attack that prompted Engoron to quip …", "a win that led her to declare …": the object
 * of a causative verb ({@link CAUSATIVE_VERBS}) right before the "to" of the cue is who speaks,
 * not the clause's subject nor the sentence's latest speaker (both cases were credited to the
 * man whose attack or win it was). The object is an object pronoun or the speaker phrase ending
 * before the "to" ("forced the company to admit"); `j` is the "to".
 */
function causedSpeaker(tokens: readonly Token[], A: number, j: number): Phrase | null {
  if (j - 1 <= A) return null;
  const object = OBJECT_PRONOUNS.has(tokens[j - 1]?.lower ?? '') ? { a: j - 1, b: j } : phraseEndingAt(tokens, j - 1, A + 1);
  const verb = object ? tokens[object.a - 1] : undefined;
  return verb?.kind === 'w' && CAUSATIVE_VERBS.has(verb.lower) ? object : null;
}

/** Words that open a clause without being an adverbial of their own ("And then Trump went …"). */
const CLAUSE_CONNECTIVES = new Set(['and', 'but', 'then', 'so', 'yet', 'still', 'later', 'also', 'now']);

/**
 * "Speaking in Salem, New Hampshire, Trump went …": a capitalised stretch set off by commas right
 * after a place named by a preposition is that place's state or country, not the subject. Read
 * as the subject it made "New Hampshire" a person who then took every later "he" of the article
 * (cluster dev set: a Sanders quotation credited to "New Hampshire").
 */
function placeAfterPlace(tokens: readonly Token[], a: number, np: Phrase): boolean {
  if (tokens[np.b]?.text !== ',' || np.b - np.a > 3) return false;
  for (let k = np.a; k < np.b; k++) if (!(tokens[k] as Token).cap) return false;
  if (tokens[np.a - 1]?.text !== ',' || !tokens[np.a - 2]?.cap) return false;
  // the stretch before ends "… in Salem": a preposition a few words before its capitalised end
  for (let k = np.a - 3; k >= a && k >= np.a - 6; k--) {
    const t = tokens[k] as Token;
    if (t.kind !== 'w') return false;
    if (PREPOSITIONS.has(t.lower)) return true;
    if (!t.cap) return false;
  }
  return false;
}

/**
 * Whether a dash at `d` opens an aside another dash closes before `i` ("Trump — much like he did
 * after Paris — cast the blame …"): the phrase before it is the subject. A lone dash after a
 * dateline ("WASHINGTON — Hillary Clinton reassured …") opens no aside.
 */
function closedAside(tokens: readonly Token[], d: number, i: number): boolean {
  if (!isDashAt(tokens, d)) return false;
  for (let k = d + 1; k < i; k++) if (isDashAt(tokens, k)) return true;
  return false;
}

/**
 * The subject of the sentence's main clause before token `i`, for participles and coordinations:
 * a phrase followed by what can open its predicate ({@link opensPredicate}), "to", or a comma.
 */
function clauseSubject(tokens: readonly Token[], a: number, i: number): Phrase | null {
  let s = afterDateline(tokens, a, i);
  for (let guard = 0; guard < 8 && s < i; guard++) {
    const t = tokens[s] as Token;
    // "And then Trump went on the attack, saying, “…”": a connective opening the sentence is not
    // an adverbial stretch; skipping its whole stretch lost the subject (cluster dev set: 1 quote).
    if (s < a + 2 && t.kind === 'w' && CLAUSE_CONNECTIVES.has(t.lower) && tokens[s + 1]?.kind === 'w') {
      s++;
      continue;
    }
    const opensAdverbial =
      t.kind === 'w' &&
      !PRONOUNS[t.lower] &&
      (CAPITALISED_STOPWORDS.has(t.text) && !DETERMINERS.has(t.lower)
        ? true
        : PREPOSITIONS.has(t.lower) || t.lower.endsWith('ing'));
    // "… Thunder – AND, seeing Adele live …": a coordinator opens no subject.
    if (!opensAdverbial && !COORD.has(t.lower)) {
      const np = phraseStartingAt(tokens, s, i);
      if (np) {
        const after = tokens[np.b];
        if (
          after &&
          (after.kind === 'w'
            ? opensPredicate(after) || after.lower === 'to'
            : after.text === ',' || closedAside(tokens, np.b, i)) &&
          !placeAfterPlace(tokens, a, np)
        )
          return np;
      }
    }
    // Move to the next stretch set off by a comma or a dash ("Hastily politicizing the tragedy ―
    // much like he did after Paris ― Trump cast the blame …, and emphasized …").
    while (s < i && tokens[s]?.text !== ',' && !isDashAt(tokens, s)) s++;
    s++;
  }
  return null;
}

/** "…, adding that": the clause subject. */
export const inherited: SourceStrategy = ({ tokens, A, frames }, { j }, prev) => {
  let last: Frame | undefined;
  for (let k = frames.length - 1; k >= 0 && k >= frames.length - 8; k--) {
    const f = frames[k] as Frame;
    if (f.src && f.side !== 'according' && f.side !== 'dash') {
      last = f;
      break;
    }
  }
  const src =
    (prev?.lower === 'to' ? causedSpeaker(tokens, A, j) : null) ??
    last?.src ??
    (COORD.has(prev?.lower ?? '') ? coordinationSubject(tokens, A, j) : null) ??
    (prev?.lower === 'to' ? namedSubjectAfterThat(tokens, A, j) : null) ??
    clauseSubject(tokens, A, j);
  if (!src) return null;
  return { src, side: 'inherit', antecedent: last?.antecedent };
};
