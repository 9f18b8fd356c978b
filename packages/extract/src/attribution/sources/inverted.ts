/**
 * Inverted source: the source named after its cue, "“…,” said X", "…, said Smith, a senator,
 * …", "said Smith on Monday". Speech cues only, never gerunds; a lone pronoun followed by a word
 * is not taken ("said he would").
 */
import { ANONYMITY_MARKERS, OBJECT_FIRST, PERSONAL_PRONOUNS, PREPOSITIONS, TIME_WORDS } from '../lexicon/index.js';
import {
  isAppositive,
  isHeadNoun,
  isNameRun,
  isTitle,
  type Phrase,
  phraseStartingAt,
  quoteJustBefore,
  readMention,
} from '../mentions.js';
import type { Token } from '../sentences.js';
import { isAdverb, isWord } from '../token-tests.js';
import { skipAppositiveRight } from './appositive.js';
import type { SourcePick, SourceStrategy } from './types.js';

/** Whether a token may follow a source named after its cue ("…, said Smith, …" / "said Smith on Monday"). */
function endsInvertedSource(t: Token | undefined): boolean {
  if (!t) return true;
  if (t.kind === 'Q') return true;
  if (t.kind === 'p') return t.text !== "'" && t.text !== '’';
  // "…,” said a longtime GOP data expert who has worked …": a relative clause describes the
  // source; stopping at "who" left such quotations without a frame (PolNeAR dev: reported miss).
  if (t.lower === 'who') return true;
  return (
    !t.cap &&
    (PREPOSITIONS.has(t.lower) || TIME_WORDS.has(t.lower) || isAdverb(t) || /ed$/.test(t.lower)) &&
    t.lower !== 'that' &&
    t.lower !== 'to' &&
    t.lower !== 'of'
  );
}

/**
 * "said Robert Antonacci of the New York delegation", "said Trump of Clinton": "of" after a
 * capitalised name of two words or more qualifies the name or gives the topic; the name before
 * it is the source. After a lower-case word "of" still refuses it ("said one of the organizers"
 * names no source "one"). Returns the name, or null.
 */
function nameBeforeOf(tokens: readonly Token[], np: Phrase): Phrase | null {
  for (let k = np.a + 2; k <= np.b; k++) {
    const t = tokens[k];
    if (t?.kind === 'w' && t.lower === 'of' && !t.cap) return (tokens[k - 1] as Token).cap ? { a: np.a, b: k } : null;
  }
  return null;
}

/**
 * "“…,” quipped Pitt of his role", "said Trump of Clinton", "said David Sandalow of Columbia
 * University's Center …": a person's name before "of" is the source when the whole phrase reads as
 * someone or something else ("Clinton", "Law", a person named "David Sandalow of Columbia
 * University's Center", or nothing); what follows is the topic or an affiliation. An office or a
 * body before "of" keeps the phrase whole ("said Secretary of State John Kerry", "said University
 * of Michigan professor Jo Doe"), as does a phrase that reads as that person already ("Craig
 * Holman of Public Citizen").
 */
function personBeforeOf(text: string, tokens: readonly Token[], np: Phrase): SourcePick | null {
  for (let k = np.a + 1; k <= np.b; k++) {
    const t = tokens[k];
    if (t?.kind !== 'w' || t.lower !== 'of' || t.cap) continue;
    if (!isNameRun(tokens, np.a, k) || isTitle(tokens[np.a] as Token)) return null;
    const info = readMention(text, tokens, { a: np.a, b: k });
    if (info.form !== 'name' || info.kind !== 'person') return null;
    // The whole phrase already reads as that person ("Craig Holman of Public Citizen"): kept whole.
    const whole = k < np.b ? readMention(text, tokens, np) : null;
    return whole?.kind === 'person' && whole.name === info.name ? null : { src: { a: np.a, b: k }, side: 'right' };
  }
  return null;
}

/**
 * "“…,” said one owner of a shop that sells …": right after a quotation and its cue, a described
 * phrase (a determiner and a lower-case head noun) before "of" is the source, what follows
 * describes it (the quotation had no frame). "said one of the organizers" has no head noun before
 * "of"; after a clause, "…, wrote a host of new songs" is a verb and its object.
 */
function describedBeforeOf(tokens: readonly Token[], np: Phrase): Phrase | null {
  if (!quoteJustBefore(tokens, np.a - 1)) return null;
  const first = tokens[np.a] as Token;
  const head = tokens[np.b - 1] as Token;
  const after = tokens[np.b];
  if (np.b - np.a < 2 || first.cap || !DESCRIBED_OPENERS.test(first.lower)) return null;
  if (head.cap || !isHeadNoun(head.lower) || after?.kind !== 'w' || after.lower !== 'of') return null;
  return np;
}

/** Determiners that open a described source after its cue ("said one unaligned strategist"). */
const DESCRIBED_OPENERS = /^(a|an|the|one|another)$/;

/**
 * "said one unaligned Florida Republican strategist", "said the 46-year-old": a determiner, up to
 * four describing words the phrase lexicon does not list, then a head (a role or group noun, a
 * capitalised word, an age). Only right after a cue, where the words can be nothing but the
 * source (PolNeAR train: such quotations had no frame).
 */
function describedPhraseAt(tokens: readonly Token[], i: number, B: number): Phrase | null {
  if (!DESCRIBED_OPENERS.test(tokens[i]?.lower ?? '') || (tokens[i] as Token).cap) return null;
  let head = -1;
  for (let k = i + 1; k < B && k - i <= 6; k++) {
    const t = tokens[k] as Token;
    if (t.kind !== 'w' || (!t.cap && (PREPOSITIONS.has(t.lower) || t.lower === 'and' || t.lower === 'or' || t.lower === 'who')))
      break;
    if (t.cap || isHeadNoun(t.lower) || isHeadNoun(t.lower.replace(/s$/, '')) || AGE_NOUN.test(t.lower)) head = k;
  }
  return head > i ? { a: i, b: head + 1 } : null;
}

/** "46-year-old", "a 30-year-old". */
const AGE_NOUN = /^\d+-year-olds?$/;

/**
 * "said one Democrat familiar with the discussion, who …": an anonymity marker after the source
 * phrase extends it to the next comma or the sentence end.
 */
function withAnonymityTail(tokens: readonly Token[], np: Phrase, B: number): Phrase {
  if (!ANONYMITY_MARKERS.has(tokens[np.b]?.lower ?? '') || tokens[np.b]?.lower === 'who') return np;
  let k = np.b + 1;
  while (k < B && k - np.b < 12 && tokens[k]?.kind === 'w') k++;
  return k < B && tokens[k]?.text !== ',' && !endsSentence(tokens, k, B) ? np : { a: np.a, b: k };
}

/** "said X". */
export const inverted: SourceStrategy = ({ text, tokens, B }, { form, cueB }) => {
  if (form.cls !== 'speech' || form.gerund || OBJECT_FIRST.has(form.lemma)) return null;
  const listed = phraseStartingAt(tokens, cueB, B);
  return (
    (listed && personBeforeOf(text, tokens, listed)) ??
    (listed && invertedPick(tokens, listed, B)) ??
    describedPick(tokens, cueB, B, listed) ??
    describedNamePick(tokens, cueB, B)
  );
};

/** Lower-case words a description before a name may hold after the cue, at most. */
const MAX_DESCRIPTION_WORDS = 5;

/**
 * "“…,” says Rosetta’s former mission manager Gerhard Schwehm, who …", "…, says certified
 * financial planner Eric Roberge.": after the cue, a description (a possessive name, then
 * lower-case words the phrase lexicon does not list: "mission manager") and a name of two words
 * or more that ends the clause. The name is the source, the description its role (such
 * quotations had no frame: 7 over the 1,440 corpus inputs). "say experts like Paul Bauman" is a
 * group named by example, not a description of Bauman.
 */
function describedNamePick(tokens: readonly Token[], i: number, B: number): SourcePick | null {
  let k = i;
  while (k < B && k - i < 3 && (tokens[k] as Token).cap && /['’]s$/.test((tokens[k] as Token).text)) k++;
  const words = k;
  while (k < B && k - words < MAX_DESCRIPTION_WORDS && isDescriptionWord(tokens[k])) k++;
  if (k === words) return null;
  let n = k;
  while (n < B && n - k < 5 && (tokens[n] as Token).kind === 'w' && (tokens[n] as Token).cap) n++;
  // "of" after the name gives a place or a body ("43-year-old Martin Taylor of Aberdeen").
  if (n - k < 2 || !isNameRun(tokens, k, n) || !(endsInvertedSource(tokens[n]) || tokens[n]?.lower === 'of')) return null;
  return { src: { a: k, b: n }, side: 'right', role: { a: i, b: k } };
}

/** A lower-case word that can describe a person before their name ("mission", "former"), not a clause word. */
function isDescriptionWord(t: Token | undefined): boolean {
  return (
    t?.kind === 'w' &&
    !t.cap &&
    /^[\p{L}\p{N}-]+$/u.test(t.text) &&
    /\p{L}/u.test(t.text) &&
    !PREPOSITIONS.has(t.lower) &&
    !PERSONAL_PRONOUNS.has(t.lower) &&
    !/^(and|or|but|that|who|which|to|not|the|a|an|like|such|as|including)$/.test(t.lower) &&
    !isAdverb(t)
  );
}

/** The described reading ("said one undecided Ohio county chairman") when it reaches further than the listed one. */
function describedPick(tokens: readonly Token[], i: number, B: number, listed: Phrase | null): SourcePick | null {
  const np = describedPhraseAt(tokens, i, B);
  return np && (!listed || np.b > listed.b) ? invertedPick(tokens, np, B) : null;
}

/** The pick for source phrase `np` right after the cue, or null when what follows it cannot follow a source. */
function invertedPick(tokens: readonly Token[], found: Phrase, B: number): SourcePick | null {
  const np = withAnonymityTail(tokens, found, B);
  const after = skipAppositiveRight(tokens, np.b, B);
  if (!endsInvertedSource(tokens[after]) && tokens[np.b]?.text !== ',') {
    const name = nameBeforeOf(tokens, np) ?? describedBeforeOf(tokens, np);
    return name ? { src: name, side: 'right' } : null;
  }
  if (np.b - np.a === 1 && PERSONAL_PRONOUNS.has((tokens[np.a] as Token).lower) && isWord(tokens[np.b])) return null;
  const pick: SourcePick = { src: np, side: 'right' };
  if (after > np.b) pick.role = { a: np.b + 1, b: after - 1 };
  return pick;
}

/** Whether token `k` ends the sentence (`B`) or is its final mark. */
function endsSentence(tokens: readonly Token[], k: number, B: number): boolean {
  const t = tokens[k];
  return k >= B || (t?.kind === 'p' && /^[.!?]$/.test(t.text));
}

/**
 * "…, the race will be tight, said Dan Gerstein, director of …": an inverted source that closes
 * the sentence (alone or with a description after a comma) takes the cue before any appositive
 * reading of the clause to its left; the appositive strategy had walked that clause back to "New
 * York" and made the source's own name the content.
 */
export const closingInverted: SourceStrategy = (s, c, prev) => {
  // "…,” Butz, 49, told The Huffington Post.": after "told" comes the addressee.
  // "…, has defended the company.": after an auxiliary the cue is a clause's verb with an object.
  if (c.form.takesAddressee || c.j !== c.i - 1) return null;
  const pick = inverted(s, c, prev);
  if (!pick) return null;
  const { tokens, B } = s;
  const { src } = pick;
  const only = tokens[src.a] as Token;
  // "…, X said of Mrs. Clinton's plan." names the topic, not the source.
  if (!only.cap && (PREPOSITIONS.has(only.lower) || only.lower === 'of')) return null;
  if (src.b - src.a === 1 && (TIME_WORDS.has(only.lower) || PERSONAL_PRONOUNS.has(only.lower))) return null;
  const k = pick.role ? pick.role.b + 1 : src.b;
  if (endsSentence(tokens, k, B)) return pick;
  if (tokens[k]?.text !== ',') return null;
  let m = k + 1;
  while (m < B && m - k < 30 && tokens[m]?.kind !== 'Q' && !(tokens[m]?.kind === 'p' && /^[.!?;:]$/.test(tokens[m]?.text ?? '')))
    m++;
  return endsSentence(tokens, m, B) && isAppositive(tokens, k + 1, Math.min(m, k + 21)) ? pick : null;
};
