/**
 * Reading a cue verb at a token: a listed cue form (cue-verbs.ts) or a stance verb after a person
 * ("Cruz backed the bill"), with its particle, unless the word is used as a noun or preposition
 * here; and whether it stands in a passive.
 */
import {
  ANONYMITY_MARKERS,
  ANONYMOUS_HEADS,
  BE,
  CAPITALISED_STOPWORDS,
  COMPLEMENT_ONLY,
  CUE_FORMS,
  type CueForm,
  DOCUMENT_NOUNS,
  LICENCE_WORDS,
  MESSAGE_NOUNS,
  NOMINAL_CUES,
  NOT_CUE_AFTER,
  NOT_CUE_BEFORE,
  NOUN_FIRST,
  OBJECT_SENSE,
  PHRASAL_ONLY,
  PHRASAL_PARTICLE,
  PREPOSITIONS,
  REASON_NOUNS,
  STANCE_FORMS,
  THING_OBJECT_VERBS,
} from '../lexicon/index.js';
import { isHeadNoun, isPossessive, isPossessiveApostrophe } from '../mentions.js';
import type { Token } from '../sentences.js';
import { isRaisingAt, isTitleCased, isWord, skipAuxLeft } from '../token-tests.js';
import type { CueReading, Scan } from './types.js';

/** Determiners after which a word is a noun, never a finite verb ("the plans", "their claims"). */
const NOUN_DETERMINERS = new Set(['a', 'an', 'the', 'his', 'their', 'its', 'our', 'my', 'your', 'these', 'those', 'every']);
/** Light verbs whose object is a noun, even when it looks like a cue ("took aim", "gave notice", "made note"). */
const LIGHT_VERBS = new Set([
  'take',
  'takes',
  'took',
  'taken',
  'taking',
  'make',
  'makes',
  'made',
  'making',
  'give',
  'gives',
  'gave',
  'given',
  'giving',
]);
/** "he's said", "it's seen": a pronoun's contracted auxiliary, not a possessive. */
const PRONOUN_CONTRACTION = /^(he|she|it|that|who|there|what|here|where|i|we|they|you)['’]s$/;

/** The listed cue form at token `i`, if it is a lower-case word. */
export function cueAt(tokens: readonly Token[], i: number): CueForm | undefined {
  const t = tokens[i];
  if (!isWord(t) || t.cap) return undefined;
  return CUE_FORMS.get(t.lower);
}

/**
 * A stance verb (lexicon/stance.ts) right after a person, group or organisation: a position
 * stated without a reporting verb ("Obama welcomed the deal"), a PolNeAR-style stance frame.
 * Action verbs ("Russia invaded Ukraine") are not in the list and report nothing.
 */
export function stanceVerbAt(tokens: readonly Token[], i: number, A: number): CueForm | undefined {
  const t = tokens[i];
  if (!isWord(t) || t.cap || t.lower.length < 4) return undefined;
  const last = t.lower.charCodeAt(t.lower.length - 1);
  if (last !== 100 && last !== 115) return undefined; // only words ending in d or s
  if (!STANCE_FORMS.has(t.lower) || isHeadNoun(t.lower)) return undefined;
  const past = /[^e]ed$/.test(t.lower);
  if (!(past || /[^su']s$/.test(t.lower)) || /['’]/.test(t.text)) return undefined;
  const j = skipAuxLeft(tokens, i - 1, A);
  const prev = tokens[j];
  if (!isWord(prev) || j < A) return undefined;
  const pronounSubject = /^(he|she)$/.test(prev.lower);
  if (!past && !pronounSubject) return undefined;
  // A capitalised subject must be a name, not a modifier after an article ("the Iowa caucuses").
  const nameSubject =
    prev.cap && !CAPITALISED_STOPWORDS.has(prev.text) && !isPossessive(prev) && !/^(the|a|an)$/.test(tokens[j - 1]?.lower ?? '');
  if (!pronounSubject && prev.lower !== 'they' && !nameSubject) return undefined;
  return { lemma: t.lower, cls: 'stance', gerund: false, takesAddressee: false, participle: false };
}

/** Words after a cue verb looked over for the head of its object ("assume the spousal role"). */
const MAX_OBJECT_WORDS = 4;

/**
 * Whether the object right after a cue verb is headed by a noun that gives the verb a sense that
 * reports nothing ({@link OBJECT_SENSE}: "assumed office", "assume his place at the top").
 */
function headsObjectSense(tokens: readonly Token[], cueB: number, lemma: string): boolean {
  const nouns = OBJECT_SENSE.get(lemma);
  if (!nouns) return false;
  for (let k = cueB; k < cueB + MAX_OBJECT_WORDS; k++) {
    const t = tokens[k];
    if (!isWord(t)) return false;
    if (nouns.has(t.lower)) return true;
  }
  return false;
}

/**
 * "the letter Mike wrote was “kind and loving”", "the speech he gave is online": a cue verb
 * right before a finite "be" ends a relative clause on the noun before its subject; the verb
 * reports nothing (the letter's praise had gone to Mike, the letter's writer, not to Martha who
 * described it). Not after "what" ("What he said was true" names the words).
 */
function closesRelativeClause(tokens: readonly Token[], i: number, cueB: number, lemma: string): boolean {
  if (!THING_OBJECT_VERBS.has(lemma)) return false;
  const next = tokens[cueB];
  if (!(isWord(next) && !next.cap && FINITE_BE.has(next.lower))) return false;
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (isWord(tokens[k]) && (tokens[k] as Token).lower === 'what') return false;
  return true;
}

/** Finite forms of "be". */
const FINITE_BE = new Set(['is', 'are', 'was', 'were']);

/**
 * Whether a cue form is used as a noun or preposition here, not as a verb: "like" outside
 * "would like" / "I like" ("states like Ohio"), and noun-first lemmas not followed by "that",
 * a quotation or a colon ("many of the 16 states holding contests").
 */
function isNounOrPrepositionUse(tokens: readonly Token[], i: number, cueB: number, form: CueForm): boolean {
  const t = tokens[i] as Token;
  const before = tokens[i - 1];
  // Right after an article, a possessive determiner or a possessive name a cue word is a noun
  // ("his claim that", "the most basic question", "the industry's decline", "Trump's plans"):
  // 21 of PolNeAR dev's indirect false positives were such nouns read as verbs.
  // A capitalised determiner opens the sentence ("A report released Friday found …").
  if (isWord(before) && NOUN_DETERMINERS.has(before.lower)) return true;
  if (isWord(before) && isPossessive(before) && !PRONOUN_CONTRACTION.test(before.lower)) return true;
  if (isPossessiveApostrophe(tokens, i - 1)) return true;
  // Right after a light verb a cue word is its noun object ("Trump again took aim at Ukraine",
  // "made a promise"): the seed article listed "Trump again took — aim" as an attribution.
  if (isWord(before) && LIGHT_VERBS.has(before.lower)) return true;
  // So is a noun cue after a light verb, an article and a modifier ("made a strong claim on RTE
  // that …": the claim's owner had been "Leo Varadkar made a strong"). Only a noun cue: in "make
  // his supporters feel", the word between is the head, and "feel" a verb.
  const light = tokens[i - 3];
  const det = tokens[i - 2];
  if (
    NOMINAL_CUES.has(t.lower) &&
    isWord(light) &&
    LIGHT_VERBS.has(light.lower) &&
    isWord(det) &&
    NOUN_DETERMINERS.has(det.lower) &&
    isWord(before) &&
    !before.cap
  )
    return true;
  // A message noun after a determiner and a modifier is the noun too ("delivered a blunt message
  // to Trump:" had "Mitch McConnell delivered a blunt" as its speaker; message-frame.ts reads it).
  if (isMessageNounAfterModifier(tokens, i)) return true;
  if (isDocumentSubjectOfVerb(tokens, i, cueB)) return true;
  if (t.lower === 'like') {
    if (!isWord(before)) return true;
    return !/^(would|could|should|might|not|to|i|we|they|you)$|['’]d$|n['’]t$/.test(before.lower);
  }
  if (
    (NOUN_FIRST.has(form.lemma) && (t.lower === form.lemma || t.lower === `${form.lemma}s`)) ||
    (COMPLEMENT_ONLY.has(form.lemma) && !form.gerund)
  ) {
    const next = tokens[cueB];
    const quoteAfterComma = next?.text === ',' && tokens[cueB + 1]?.kind === 'Q';
    if (COMPLEMENT_ONLY.has(form.lemma) && closesQuotation(tokens, i, cueB)) return false;
    // After a quotation and its source a noun-first word is the verb ("“…,” the Saudis state in
    // the white paper" had no attribution), but not after a preposition ("the former secretary of
    // state" is the noun).
    if (NOUN_FIRST.has(form.lemma) && quotationShortlyBefore(tokens, i)?.closed && !PREPOSITIONS.has(before?.lower ?? ''))
      return false;
    return !(next && (next.kind === 'Q' || next.text === ':' || quoteAfterComma || (next.kind === 'w' && next.lower === 'that')));
  }
  return false;
}

/**
 * "FEC reports show that …": a plural document noun right before a cue verb in its bare form is
 * that verb's subject, not a verb itself (it was read "FEC reports", content "show that …").
 */
function isDocumentSubjectOfVerb(tokens: readonly Token[], i: number, cueB: number): boolean {
  const t = tokens[i] as Token;
  const next = tokens[cueB];
  return DOCUMENT_NOUNS.has(t.lower) && t.lower.endsWith('s') && isWord(next) && cueAt(tokens, cueB)?.lemma === next.lower;
}

/** "a blunt message", "a clear signal": a message noun after a determiner and one singular modifier. */
function isMessageNounAfterModifier(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const before = tokens[i - 1];
  return (
    MESSAGE_NOUNS.has(t.lower) &&
    isWord(before) &&
    !before.cap &&
    !/s$/.test(before.lower) &&
    NOUN_DETERMINERS.has(tokens[i - 2]?.lower ?? '')
  );
}

/**
 * "“…,” he went on." / "“…,” the senator maintained.": a quotation, a short subject and the
 * cue ending the sentence (a reported miss of "went on"; no change on the dev sets).
 */
function closesQuotation(tokens: readonly Token[], i: number, cueB: number): boolean {
  const end = tokens[cueB];
  if (end && !(end.kind === 'p' && /^[.;]$/.test(end.text))) return false;
  return quotationShortlyBefore(tokens, i) !== null;
}

/**
 * The quotation (maybe with a comma after it) ending one to four words before token `i` ("“…,”
 * the Saudis state"), with whether a comma, question or exclamation mark closes it inside or
 * out, as a quotation its subject and cue follow does (a name in quotation marks, "the “Super
 * Tuesday” March 1 states", has none); null when there is none.
 */
function quotationShortlyBefore(tokens: readonly Token[], i: number): { closed: boolean } | null {
  let k = i - 1;
  while (k >= 0 && i - k <= 4 && tokens[k]?.kind === 'w') k--;
  if (k === i - 1) return null;
  const comma = tokens[k]?.text === ',';
  if (comma) k--;
  const q = tokens[k];
  if (q?.kind !== 'Q') return null;
  return { closed: comma || /[,?!]\s*$/.test(q.text) };
}

/** Inflected speech forms a title-case headline reports with ("Trump Says …", "Obama Slams …"). */
const HEADLINE_CUE = /^[A-Z][a-z]+(s|ed)$/;

/**
 * "Trump Says He Never Pledged To …", "…, Lindsey Graham Says.": in a title-case sentence (a
 * headline: four words or more of over three letters, nearly all capitalised) a capitalised
 * -s or -ed speech cue that is not the first word is read as the lower-case cue (PolNeAR train:
 * 34 headline attributions missed).
 */
function titleCaseCueAt(tokens: readonly Token[], i: number, A: number, B: number): CueForm | undefined {
  const t = tokens[i];
  if (!isWord(t) || !t.cap || i === A || !HEADLINE_CUE.test(t.text)) return undefined;
  const form = CUE_FORMS.get(t.lower);
  if (form?.cls !== 'speech' || form.gerund) return undefined;
  return isTitleCased(tokens, A, B) ? form : undefined;
}

/** Short spans of time: "thinks for a second", "paused and thought for a moment". */
const MOMENT_NOUNS = new Set(['second', 'moment', 'minute', 'while', 'beat']);

/**
 * "Chazelle thinks for a second before crossing his fingers": thinking for a while is an act,
 * not a stated belief, and "a second …" is no content (1,443 corpus inputs: 2 such, both wrong).
 */
function forAMoment(tokens: readonly Token[], k: number): boolean {
  return (
    tokens[k]?.lower === 'for' && /^(a|one)$/.test(tokens[k + 1]?.lower ?? '') && MOMENT_NOUNS.has(tokens[k + 2]?.lower ?? '')
  );
}

/**
 * "a person briefed on the talks said", "officials speaking on condition of anonymity said": a
 * participle of the anonymity markers right after an anonymous source's head, before a
 * preposition, describes the source; the report's cue comes later. ("Officials briefed reporters"
 * is still a report: the verb has an object.)
 */
function describesAnonymousSource(tokens: readonly Token[], i: number, cueB: number): boolean {
  const before = tokens[i - 1];
  return (
    ANONYMITY_MARKERS.has((tokens[i] as Token).lower) &&
    before?.kind === 'w' &&
    ANONYMOUS_HEADS.has(before.lower) &&
    /^(on|about|to|in)$/.test(tokens[cueB]?.lower ?? '')
  );
}

/**
 * "(not) authorized to discuss the talks", "permitted to speak publicly": a speech verb after a
 * permission word and "to" says why a source is unnamed or silent; nothing is reported through it.
 * (Before, "the talks" became an indirect quotation of whoever the sentence's subject was.) So
 * does one after a reason ("ample reasons to question her judgment", REASON_NOUNS): before, "her
 * judgment …" was Clinton's words, and a walk-back of hers reported elsewhere attached to them.
 */
function underLicence(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 2]?.lower ?? '';
  return tokens[i - 1]?.lower === 'to' && (LICENCE_WORDS.has(before) || REASON_NOUNS.has(before));
}

/** The cue verb at token `i` of the sentence, or null when the word is no cue here. */
export function readCue(s: Scan, i: number): CueReading | null {
  const { tokens, A } = s;
  const t = tokens[i] as Token;
  if (!isWord(t)) return null;
  const form = cueAt(tokens, i) ?? stanceVerbAt(tokens, i, A) ?? titleCaseCueAt(tokens, i, A, s.B);
  if (!form) return null;
  let cueB = i + 1;
  const particles = PHRASAL_PARTICLE.get(t.lower);
  if (particles?.has(tokens[cueB]?.lower ?? '')) cueB++;
  else if (PHRASAL_ONLY.has(t.lower)) return null;
  if (NOT_CUE_BEFORE.get(form.lemma)?.has(tokens[cueB]?.lower ?? '')) return null;
  if (headsObjectSense(tokens, cueB, form.lemma)) return null;
  if (NOT_CUE_AFTER.get(form.lemma)?.has(tokens[i - 1]?.lower ?? '')) return null;
  if (isNounOrPrepositionUse(tokens, i, cueB, form)) return null;
  if (forAMoment(tokens, cueB)) return null;
  if (closesRelativeClause(tokens, i, cueB, form.lemma)) return null;
  if (describesAnonymousSource(tokens, i, cueB)) return null;
  if (underLicence(tokens, i)) return null;
  // "Obama is reported to have called …": "reported" raises Obama to "called", the cue.
  if (isRaisingAt(tokens, i) && /^(have|be)$/.test(tokens[i + 2]?.lower ?? '')) return null;
  const j = skipAuxLeft(tokens, i - 1, A);
  let passive = false;
  // A "be" before a raising verb's "to" is the raising verb's ("is reported to have told"), not the cue's.
  for (let k = j + 1; k < i; k++) {
    const w = (tokens[k] as Token).lower;
    if (w === 'to') passive = false;
    else if (BE.has(w)) passive = true;
  }
  if (form.gerund) passive = false;
  return { i, t, form, cueB, j, passive };
}
