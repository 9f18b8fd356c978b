/**
 * Noun phrase left: the default, "X said", "The senator from Iowa has said", "A person familiar
 * with the talks said". The speaker phrase ending right before the cue (or an anonymous source);
 * for speech and belief cues that need no corroboration, a looser subject with modifiers
 * ("Protesters marching through the streets chanted").
 */

import { cueAt } from '../frames/cue-reading.js';
import {
  CAPITALISED_STOPWORDS,
  CLAUSE_WORDS_LOOSE,
  COORD,
  DASHES,
  DESCRIBED_DETERMINERS,
  DETERMINERS,
  DOCUMENT_NOUNS,
  isAmbiguousLemma,
  ORG_KEYWORDS,
  PARTY_MEMBER_NOUNS,
  PREPOSITIONS,
  QUANTITY_HEDGES,
  TIME_WORDS,
} from '../lexicon/index.js';
import {
  anonymousPhraseBefore,
  isHeadNoun,
  type Phrase,
  pastVerbBeforeObject,
  phraseEndingAt,
  quoteJustBefore,
} from '../mentions.js';
import type { Token } from '../sentences.js';
import type { SourceStrategy } from './types.js';

/**
 * A subject phrase with modifiers the strict scan does not take ("Protesters marching through
 * the streets chanted"): back to a clause boundary, opening with a name, determiner or group noun.
 */
function looseSubjectBefore(tokens: readonly Token[], j: number, A: number): Phrase | null {
  return looseSubjectScan(tokens, j, A, false) ?? looseSubjectScan(tokens, j, A, true);
}

/**
 * One scan of `looseSubjectBefore`. With `coordinated`, "and"/"or" may join the modifiers
 * ("Experts on North Korea and nonproliferation said"), but only when the phrase then reaches
 * the start of the sentence or of a comma-delimited stretch, so no clause is swallowed.
 */
function looseSubjectScan(tokens: readonly Token[], j: number, A: number, coordinated: boolean): Phrase | null {
  let k = j;
  const reach = coordinated ? 14 : 9;
  while (k - 1 >= A && j - k < reach) {
    const p = tokens[k - 1] as Token;
    if (coordinated && p.kind === 'w' && (p.lower === 'and' || p.lower === 'or')) {
      k--;
      continue;
    }
    if (p.kind !== 'w' || (!p.cap && (CLAUSE_WORDS_LOOSE.has(p.lower) || cueAt(tokens, k - 1)))) break;
    if (pastVerbBeforeObject(p, tokens[k])) break;
    k--;
  }
  if (coordinated) {
    const before = tokens[k - 1];
    if (!(k === A || (before?.kind === 'p' && (before.text === ',' || DASHES.has(before.text))))) return null;
    if (COORD.has((tokens[k] as Token).lower)) return null;
  }
  // A subject phrase does not end in a preposition or article ("… in Michigan to").
  const endTok = tokens[j] as Token;
  if (PREPOSITIONS.has(endTok.lower) || DETERMINERS.has(endTok.lower)) return null;
  for (let s = k; s <= j; s++) {
    const t = tokens[s] as Token;
    const opens = (t.cap && !CAPITALISED_STOPWORDS.has(t.text)) || (DETERMINERS.has(t.lower) && !t.cap) || isHeadNoun(t.lower);
    if (!opens) continue;
    for (let h = s; h <= j; h++) {
      const x = tokens[h] as Token;
      if (isHeadNoun(x.lower) || (x.cap && !CAPITALISED_STOPWORDS.has(x.text))) return s === j ? null : { a: s, b: j + 1 };
    }
    return null;
  }
  return null;
}

/** Lower-case words a described subject between a quotation and its cue holds, at most. */
const MAX_DESCRIBED_WORDS = 5;

/**
 * "“…,” the retired neurosurgeon told REVOLT TV", "“…,” the billionaire business mogul told
 * People", "He had “wanted to be a pilot …,” his childhood friend told The Daily Beast": between a
 * quotation and its cue, a determiner and a few lower-case words are the subject, whatever the
 * phrase lexicon knows of them (the strict scan stopped at "neurosurgeon" or "business", and the
 * words left between the quotation and the source cost the frame). Null otherwise.
 */
function describedAfterQuotation(tokens: readonly Token[], j: number, A: number): Phrase | null {
  let k = j;
  let commas = 0;
  while (k - 1 >= A && j - k - commas < MAX_DESCRIBED_WORDS) {
    const p = tokens[k - 1] as Token;
    // "the bespectacled, 71-year-old diplomat": a comma between two modifiers.
    if (p.text === ',' && isModifierWord(tokens[k - 2]) && isModifierWord(tokens[k])) {
      commas++;
      k--;
      continue;
    }
    if (p.kind !== 'w' || p.cap || CLAUSE_WORDS_LOOSE.has(p.lower) || cueAt(tokens, k - 1)) break;
    k--;
  }
  for (let s = k; s < j; s++) {
    const t = tokens[s] as Token;
    if (DESCRIBED_DETERMINERS.has(t.lower) && quoteJustBefore(tokens, s)) return { a: s, b: j + 1 };
  }
  return null;
}

/** A lower-case word that may modify a described subject ("bespectacled", "71-year-old"), not a determiner or clause word. */
function isModifierWord(t: Token | undefined): boolean {
  return t?.kind === 'w' && !t.cap && !CLAUSE_WORDS_LOOSE.has(t.lower) && !DESCRIBED_DETERMINERS.has(t.lower);
}

/** Words that stand for one or some of a group named before ("one said", "another said", "Others agreed"). */
const GROUP_MEMBER = /^(one|another|others|some|many|most|few|several|both)$/;

/**
 * "one said", "“…,” another said", "Others agreed": a group member as the whole subject, at the
 * start of its clause (the sentence start, after a quotation or a comma).
 */
function groupMemberAt(tokens: readonly Token[], j: number, A: number, cue: Token): Phrase | null {
  const t = tokens[j];
  if (t?.kind !== 'w' || !GROUP_MEMBER.test(t.lower)) return null;
  // "one"/"another" take an inflected verb ("one said"); before a bare form the cue is a noun
  // ("One question that has emerged", "Another challenge:").
  if ((t.lower === 'one' || t.lower === 'another') && !/(s|ed|d)$/.test(cue.lower)) return null;
  const before = tokens[j - 1];
  const opensClause =
    j === A || before?.kind === 'Q' || (before?.kind === 'p' && (before.text === ',' || DASHES.has(before.text)));
  return opensClause ? { a: j, b: j + 1 } : null;
}

/** A count written as a word or in digits ("three", "10"). */
const COUNT = /^(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})$/;

/**
 * "Two in three said", "About four in 10 said", "two of three said": a proportion of a group
 * polled as the whole subject (PolNeAR train: such poll reports had no source and no attribution;
 * "55 percent said" already had one).
 */
function proportionAt(tokens: readonly Token[], j: number, A: number): Phrase | null {
  const by = tokens[j - 1];
  if (!(COUNT.test(tokens[j]?.lower ?? '') && by?.kind === 'w' && (by.lower === 'in' || by.lower === 'of'))) return null;
  if (!COUNT.test(tokens[j - 2]?.lower ?? '')) return null;
  let a = j - 2;
  while (a - 1 >= A && tokens[a - 1]?.kind === 'w' && QUANTITY_HEDGES.has((tokens[a - 1] as Token).lower)) a--;
  const before = tokens[a - 1];
  const opensClause =
    a === A ||
    before?.kind === 'Q' ||
    (before?.kind === 'p' && (before.text === ',' || DASHES.has(before.text))) ||
    (before?.kind === 'w' && COORD.has(before.lower));
  return opensClause ? { a, b: j + 1 } : null;
}

/** Whether a word is a document noun, singular or plural ("poll", "polls", "Video"). */
function isDocumentWord(t: Token | undefined): boolean {
  return t?.kind === 'w' && (DOCUMENT_NOUNS.has(t.lower) || DOCUMENT_NOUNS.has(t.lower.replace(/s$/, '')));
}

/**
 * "The latest Reuters/Ipsos opinion poll released Friday shows", "A 2014 study by Harvard found",
 * "Video of the incident shows", "Data from the survey show": the subject of an evidence cue is
 * the document phrase opening its clause, whatever modifies it before the cue (PolNeAR dev: 15
 * such reports were missed; the phrase ending at the cue was "Friday" or "Harvard"). The source is
 * the phrase up to the document noun.
 */
function documentSubjectBefore(tokens: readonly Token[], j: number, A: number): Phrase | null {
  let doc = -1;
  let k = j;
  for (; k >= A && j - k < 16; k--) {
    const t = tokens[k] as Token;
    if (t.kind !== 'w') break;
    if (!t.cap && (CLAUSE_WORDS_LOOSE.has(t.lower) || COORD.has(t.lower))) break;
    // A document noun that is also a cue form ("report", "post") is the noun here.
    if (isDocumentWord(t)) doc = k;
    else if (k < j && cueAt(tokens, k)) break;
  }
  if (doc < 0) return null;
  // The document phrase opens its clause: the sentence start, a comma, a dash or a connective.
  let a = doc;
  while (a - 1 > k && doc - a < 6 && !PREPOSITIONS.has((tokens[a - 1] as Token).lower)) a--;
  // "And records show …", "But the poll finds …": a connective opening the sentence is no part
  // of the phrase, and the phrase after it opens its clause.
  const lead = a;
  while (a < doc && SENTENCE_CONNECTIVES.has((tokens[a] as Token).text)) a++;
  const before = tokens[a - 1];
  const opens =
    a === A ||
    (a > lead && lead === A) ||
    (before?.kind === 'p' && (before.text === ',' || DASHES.has(before.text))) ||
    (before?.kind === 'w' && !before.cap && (COORD.has(before.lower) || before.lower === 'yet'));
  return opens ? { a, b: doc + 1 } : null;
}

/** Capitalised connectives that open a sentence before its subject ("But the poll finds"). */
const SENTENCE_CONNECTIVES = new Set(['And', 'But', 'Or', 'So', 'Yet', 'Nor', 'However', 'Now', 'Still', 'Though', 'Despite']);

/**
 * Prepositions that place a subject ("a voter at a rally in Ohio", "Republicans in Congress"), or
 * its medium and occasion ("Clinton on CNN said", "Sanders in an interview with NBC said",
 * "Republicans on the committee", "officials with the agency": the outlet or committee had been
 * the speaker, 23 speakers over the 1,440 corpus inputs).
 */
const LOCATIVES = new Set(['in', 'at', 'near', 'outside', 'inside', 'across', 'throughout', 'around', 'on', 'with', 'during']);
/** Of those, the ones inside organisations' names ("the Commission on Presidential Debates", "Council on …"). */
const NAME_INTERNAL = new Set(['on', 'with']);
/** Locative phrases a subject may carry before its cue ("in the audience at a campaign event in New Hampshire"). */
const MAX_LOCATIVES = 4;

/**
 * The subject a phrase ending at the cue belongs to when that phrase is the object of a
 * locative: "A voter at a rally in Ohio said" is the voter's, not Ohio's ("Ohio" was the
 * speaker, a person); "Thousands of people in Paris said" is the people's. The phrase itself
 * when no locative stands before it, null when there is no phrase.
 */
function headBeforeLocatives(tokens: readonly Token[], np: Phrase | null, A: number): Phrase | null {
  let head = np;
  for (let n = 0; head && n < MAX_LOCATIVES; n++) {
    const p = tokens[head.a - 1];
    if (!(p?.kind === 'w' && !p.cap && LOCATIVES.has(p.lower))) break;
    const owner = tokens[head.a - 2]?.text ?? '';
    const before = speakerBeforePreposition(tokens, head.a - 2, A);
    if (!before) break;
    // Inside a name ("the Council on American-Islamic Relations Executive Director Nihad Awad"),
    // unless a locative places the whole name ("Democrats on the Select Committee on Benghazi").
    // Party members are no body: "Republicans on the committee said" is theirs.
    const members = PARTY_MEMBER_NOUNS.has(owner.toLowerCase().replace(/s$/, ''));
    if (NAME_INTERNAL.has(p.lower) && ORG_KEYWORDS.has(owner) && !members) {
      const q = tokens[before.a - 1];
      if (!(q?.kind === 'w' && !q.cap && LOCATIVES.has(q.lower))) break;
    }
    head = before;
  }
  return head;
}

/** Words looked over for the phrase a locative follows ("a woman in the audience at a campaign event in …"). */
const MAX_LOCATIVE_OBJECT = 10;

/** The speaker phrase a preposition follows, looking left from `k` over the object of another. */
function speakerBeforePreposition(tokens: readonly Token[], k: number, A: number): Phrase | null {
  for (let i = k; i >= A && k - i <= MAX_LOCATIVE_OBJECT; i--) {
    if (tokens[i]?.kind !== 'w') return null;
    const np = phraseEndingAt(tokens, i, A);
    const next = tokens[i + 1];
    if (np && next?.kind === 'w' && PREPOSITIONS.has(next.lower)) return np;
  }
  return null;
}

/** Words looked over, left of a participle cue, for the past-tense verb whose object it follows. */
const MAX_PARTICIPLE_OBJECT = 10;

/**
 * "Trump unleashed a series of tweets early Friday saying that …": a participle right after the
 * object of a past-tense verb ({@link pastVerbBeforeObject}) reports for that verb's subject. The
 * loose subject scan stops at the verb (the phrase across it was "Trump unleashed a series of
 * tweets"); an object pronoun ("recorded him instructing") is the participle's own doer instead,
 * so only a determiner may open the object.
 */
function subjectOfPastVerbBefore(tokens: readonly Token[], j: number, A: number): Phrase | null {
  for (let k = j; k > A && j - k < MAX_PARTICIPLE_OBJECT; k--) {
    const t = tokens[k] as Token;
    if (t.kind !== 'w' || (!t.cap && CLAUSE_WORDS_LOOSE.has(t.lower))) return null;
    const next = tokens[k + 1];
    if (pastVerbBeforeObject(t, next) && DETERMINERS.has((next as Token).lower)) return phraseEndingAt(tokens, k - 1, A);
  }
  return null;
}

/** "X said". */
export const nounPhraseLeft: SourceStrategy = ({ tokens, A }, { form, j, t, cueB }, prev) => {
  if (form.cls === 'evidence') {
    const doc = documentSubjectBefore(tokens, j, A);
    if (doc) return { src: doc, side: 'left' };
  }
  let src =
    headBeforeLocatives(tokens, phraseEndingAt(tokens, j, A), A) ??
    anonymousPhraseBefore(tokens, j, A) ??
    groupMemberAt(tokens, j, A, t) ??
    proportionAt(tokens, j, A);
  // After a quotation, the described subject reaching back to it (describedAfterQuotation), unless
  // the cue is a participle before "by" describing the noun before it ("“Trump Revealed,” a
  // biography written by …").
  if ((!src || !quoteJustBefore(tokens, src.a)) && tokens[cueB]?.lower !== 'by')
    src = describedAfterQuotation(tokens, j, A) ?? src;
  // A past form right before the cue is a verb ("…, he argued, said"), unless a time follows it:
  // "A court document filed Thursday says" (the participle describes the subject).
  const pastForm = /(ed|ly)$/.test(prev?.lower ?? '') && !TIME_WORDS.has(tokens[j + 1]?.lower ?? '');
  if (!src && form.cls !== 'stance' && !isAmbiguousLemma(form.lemma) && !pastForm) src = looseSubjectBefore(tokens, j, A);
  if (!src && form.gerund) src = subjectOfPastVerbBefore(tokens, j, A);
  return src ? { src, side: 'left' } : null;
};
