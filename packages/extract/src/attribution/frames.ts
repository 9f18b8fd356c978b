/**
 * Reporting frames inside one sentence: a cue, the noun phrase of its source, and the token
 * ranges of its content. Frames covered: "X said (that) …", "“…,” X said", "“…,” said X",
 * "…, X said, …", "X, a senator, said", "X, who …, said", participles and coordinations that take
 * the clause's subject ("…, adding that", "but said"), passives with "by" ("they were told by X
 * that …"), "X was quoted as saying", "according to X", "X: …" and "“…” – X".
 */

import {
  AUXILIARIES,
  BE,
  CAPITALISED_STOPWORDS,
  CLAUSE_CUTS,
  CLAUSE_WORDS_LOOSE,
  COMPLEMENT_ONLY,
  CONTRASTIVE,
  COORD,
  CUE_FORMS,
  type CueClass,
  type CueForm,
  DASHES,
  DETERMINERS,
  DOCUMENT_NOUNS,
  GERUND_PREPS,
  isAmbiguousLemma,
  NOMINAL_CUES,
  NOT_STANCE,
  NOUN_FIRST,
  NOUN_LIKE,
  ON_OBJECT,
  PASSIVE_BY,
  PHRASAL_ONLY,
  PHRASAL_PARTICLE,
  PREPOSITIONS,
  PRONOUNS,
  SKIPPABLE_ADVERBS,
  STRETCH_BREAK,
  SUBJECT_PRONOUNS,
  SUBORDINATE_OPENERS,
  SUBORDINATORS,
  TIME_WORDS,
  TRIM_LEAD,
  TRIM_TAIL,
} from './lexicon/index.js';
import {
  anonymousPhraseBefore,
  isAppositive,
  isHeadNoun,
  isNameRun,
  isPossessive,
  type MentionInfo,
  type Phrase,
  phraseEndingAt,
  phraseStartingAt,
  readMention,
} from './mentions.js';
import type { Sentence, Token } from './sentences.js';

/** A content range of tokens; `that` when a complementiser introduced it (reported speech). */
export interface Region {
  a: number;
  b: number;
  that: boolean;
}

export type FrameSide = 'left' | 'right' | 'by' | 'inherit' | 'according' | 'colon' | 'dash';

/** One reporting frame found in a sentence. */
export interface Frame {
  /** Cue tokens `[cueA, cueB)`. */
  cueA: number;
  cueB: number;
  side: FrameSide;
  cls: CueClass;
  lemma: string;
  /** The source noun phrase as written (for `inherit`, the clause subject it takes). */
  src: Phrase | null;
  srcInfo: MentionInfo | null;
  /** Antecedent of a relative-pronoun source ("Cruz, who said …"). */
  antecedent?: Phrase;
  /** A title or description set off by commas next to the source ("a Republican from Iowa"). */
  role?: Phrase;
  /** Who relays the words in a reporting chain (the passive subject or the outer frame's source). */
  relayedBy?: Frame;
  /** Tokens the source and cue occupy. */
  chunkA: number;
  chunkB: number;
  /** Where forward content starts, or -1 when the content precedes the cue. */
  fwd: number;
  fwdThat: boolean;
  regions: Region[];
  dropped: boolean;
}

const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === 'w';
const isAdverb = (t: Token): boolean =>
  t.kind === 'w' && !t.cap && t.lower.length > 4 && t.lower.endsWith('ly') && !isHeadNoun(t.lower);

/** Context the frame finder needs from the article. */
export interface FrameContext {
  text: string;
  tokens: readonly Token[];
}

/**
 * A verb right after a person, group or organisation that states a position without a reporting
 * verb ("Cruz backed the bill", "Sanders slammed Wall Street"): PolNeAR-style stance frames.
 */
function stanceVerbAt(tokens: readonly Token[], i: number, A: number): CueForm | undefined {
  const t = tokens[i];
  if (!isWord(t) || t.cap || t.lower.length < 4) return undefined;
  const last = t.lower.charCodeAt(t.lower.length - 1);
  if (last !== 100 && last !== 115) return undefined; // only words ending in d or s
  if (NOT_STANCE.has(t.lower) || isHeadNoun(t.lower)) return undefined;
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

/**
 * Whether a cue form is used as a noun or preposition here, not as a verb: "like" outside
 * "would like" / "I like" ("states like Ohio"), and noun-first lemmas not followed by "that",
 * a quotation or a colon ("many of the 16 states holding contests").
 */
function isNounOrPrepositionUse(tokens: readonly Token[], i: number, cueB: number, form: CueForm): boolean {
  const t = tokens[i] as Token;
  const before = tokens[i - 1];
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
    return !(next && (next.kind === 'Q' || next.text === ':' || quoteAfterComma || (next.kind === 'w' && next.lower === 'that')));
  }
  return false;
}

function cueAt(tokens: readonly Token[], i: number): CueForm | undefined {
  const t = tokens[i];
  if (!isWord(t) || t.cap) return undefined;
  return CUE_FORMS.get(t.lower);
}

/** Skips auxiliaries and adverbs leftwards from `j`; returns the first other index. */
function skipAuxLeft(tokens: readonly Token[], j: number, floor: number): number {
  while (j >= floor) {
    const t = tokens[j] as Token;
    if (t.kind === 'w' && !t.cap && (AUXILIARIES.has(t.lower) || isAdverb(t))) j--;
    else break;
  }
  return j;
}

/** Index of the token right after an appositive that starts at `k` (", a Republican from Iowa,"), or k. */
function skipAppositiveRight(tokens: readonly Token[], k: number, end: number): number {
  if (tokens[k]?.text !== ',') return k;
  let m = k + 1;
  while (m < end && m - k < 20 && tokens[m]?.text !== ',' && !STRETCH_BREAK.has(tokens[m]?.text ?? '') && tokens[m]?.kind !== 'Q')
    m++;
  if (tokens[m]?.text === ',' && isAppositive(tokens, k + 1, m)) return m + 1;
  return k;
}

/**
 * Where the content of a forward frame starts after the cue ends at `k`: past an addressee
 * ("told reporters"), adverbials ("on Sunday", "in a statement"), "that", a colon or a comma
 * before a quotation. Null when nothing but adverbials follows (the content came before).
 */
function forwardStart(
  tokens: readonly Token[],
  k: number,
  end: number,
  form: CueForm | null,
): { start: number; that: boolean } | null {
  let cueEnd = k;
  let crossed = false;
  if (form?.takesAddressee && isWord(tokens[k]) && tokens[k]?.lower !== 'that') {
    const objEnd = objectEnd(tokens, k, end);
    const after = tokens[objEnd];
    if (
      objEnd > k &&
      (after?.kind !== 'w' ||
        /^(that|to|about|of|if|whether|how|what|why|last|this)$/.test(after.lower) ||
        PREPOSITIONS.has(after.lower) ||
        SUBORDINATORS.has(after.lower) ||
        TIME_WORDS.has(after.lower))
    ) {
      k = objEnd;
      cueEnd = k;
    }
  }
  for (let guard = 0; guard < 60 && k < end; guard++) {
    const t = tokens[k] as Token;
    if (t.kind === 'Q') return { start: k, that: false };
    if (t.kind === 'p') {
      if (t.text === ',' || DASHES.has(t.text)) {
        crossed = true;
        k++;
        continue;
      }
      if (t.text === ':') return k + 1 < end ? { start: k + 1, that: false } : null;
      if (t.text === '(' && !crossed) {
        while (k < end && tokens[k]?.text !== ')') k++;
        k++;
        continue;
      }
      return null;
    }
    // After a comma only a quotation continues the cue ("he said, “…”", also past asides:
    // "said on Monday, in reference to her child, “…”"); anything else is a new clause.
    if (crossed) {
      for (let m = k; m < end && m - k < 40; m++) {
        const n = tokens[m] as Token;
        if (n.kind === 'Q')
          return (tokens[m - 1] as Token).text === ',' || (tokens[m - 1] as Token).text === ':'
            ? { start: m, that: false }
            : null;
        if (n.kind === 'p' && STRETCH_BREAK.has(n.text) && n.text !== ':') return null;
        if (cueAt(tokens, m)) return null;
      }
      return null;
    }
    const l = t.lower;
    if (l === 'that' && !t.cap) return k + 1 < end ? { start: k + 1, that: true } : null;
    if (k === cueEnd && l === 'of' && form && (form.lemma === 'say' || form.lemma === 'write' || form.lemma === 'tell')) {
      // "said of the plan: …" names the topic; the words come after it or before the cue.
      k++;
      while (k < end && tokens[k]?.kind === 'w' && tokens[k]?.lower !== 'that') k++;
      continue;
    }
    if (k === cueEnd && /^(of|about|for|against|whether|if|how|what|why|who|when|where)$/.test(l))
      return { start: /^(of|about|for|against)$/.test(l) ? k + 1 : k, that: false };
    if (SKIPPABLE_ADVERBS.has(l) || isAdverb(t) || TIME_WORDS.has(l)) {
      k++;
      continue;
    }
    if (SUBORDINATORS.has(l)) return null;
    if (PREPOSITIONS.has(l)) {
      if (l === 'to') {
        const n = tokens[k + 1];
        if (!n || !(n.cap || DETERMINERS.has(n.lower) || /^(him|her|them|me|us|reporters)$/.test(n.lower)))
          return { start: k, that: false };
      }
      if (l === 'on' && k === cueEnd && form && ON_OBJECT.has(form.lemma) && !TIME_WORDS.has(tokens[k + 1]?.lower ?? ''))
        return { start: k + 1, that: false };
      // Skip a short prepositional phrase ("in a statement", "at a rally in Iowa").
      const from = k;
      k++;
      while (k < end && k - from < 10) {
        const n = tokens[k] as Token;
        // A state or country set off by commas belongs to the place ("in Toledo, Ohio, that …").
        if (n.text === ',' && tokens[k + 1]?.cap && tokens[k + 2]?.text === ',' && tokens[k - 1]?.cap) {
          k += 3;
          continue;
        }
        if (n.kind === 'Q' || n.kind === 'p' || (n.lower === 'that' && !n.cap) || SUBORDINATORS.has(n.lower)) break;
        // "said on Friday he met …": a pronoun subject after the phrase starts the reported clause.
        if (k > from + 1 && !n.cap && SUBJECT_PRONOUNS.has(n.lower)) break;
        k++;
      }
      if (k - from >= 10) return null;
      continue;
    }
    return { start: k, that: false };
  }
  return null;
}

/** End of an addressee after a cue ("told reporters", "told a crowd in Iowa", "told him"). */
function objectEnd(tokens: readonly Token[], k: number, end: number): number {
  const t = tokens[k];
  if (!isWord(t)) return k;
  if (
    /^(him|her|them|me|us|you|reporters|journalists|supporters|voters|lawmakers|senators|colleagues|staff|aides|officials|listeners|viewers|readers|people|everyone|anyone|members)$/.test(
      t.lower,
    )
  )
    return k + 1;
  if (!((t.cap && !CAPITALISED_STOPWORDS.has(t.text)) || DETERMINERS.has(t.lower) || /['’]s$/.test(t.lower))) return k;
  let m = k + 1;
  while (m < end && m - k < 7) {
    const n = tokens[m] as Token;
    if (!isWord(n) || PREPOSITIONS.has(n.lower) || n.lower === 'that' || SUBORDINATORS.has(n.lower) || cueAt(tokens, m)) break;
    m++;
  }
  return m;
}

/** Any noun phrase up to the next comma or clause end ("early results of exit polls conducted by …"). */
function looseSourceAfter(tokens: readonly Token[], i: number, end: number): Phrase | null {
  let b = i;
  while (b < end && b - i < 25 && (tokens[b] as Token).kind === 'w') b++;
  return b > i ? { a: i, b } : null;
}

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

/** The subject of the clause a coordinated cue belongs to ("when Rubio thanked Miami and said …"). */
function coordinationSubject(tokens: readonly Token[], A: number, j: number): Phrase | null {
  let k = j;
  while (k > A && k - j > -30) {
    const t = tokens[k - 1] as Token;
    if (t.kind !== 'w' || (!t.cap && (SUBORDINATORS.has(t.lower) || t.lower === 'that' || t.lower === 'who'))) break;
    k--;
  }
  const np = phraseStartingAt(tokens, k, j);
  const after = np ? tokens[np.b] : undefined;
  if (np && after?.kind === 'w' && !after.cap && !PREPOSITIONS.has(after.lower)) return np;
  return null;
}

const isDelimiter = (t: Token | undefined): boolean => !!t && t.kind === 'p' && (t.text === ',' || DASHES.has(t.text));

/**
 * The subject before a run of comma- or dash-delimited appositives ending at token `j`
 * ("Clinton, 35, the daughter of …, said"), with the appositives as its role, or null.
 */
function appositiveSubject(tokens: readonly Token[], j: number, A: number): { src: Phrase; role?: Phrase } | null {
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
    if (isNameRun(tokens, k + 1, end)) {
      const titleNp = phraseEndingAt(tokens, k - 1, A);
      if (n === 0 && titleNp && !(tokens[k - 1] as Token).cap) return { src: { a: k + 1, b: end }, role: titleNp };
      // "A lawyer for the news outlets, David Schulz, said": a description that opens the sentence.
      if (n === 0 && !(tokens[k - 1] as Token).cap) {
        let d = k - 1;
        while (d - 1 >= A && k - d < 12 && tokens[d - 1]?.kind === 'w') d--;
        if (d === A && /^(a|an|the|his|her|their|its)$/.test((tokens[d] as Token).lower))
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
      if (np) return { src: np, role: { a: k + 1, b: j } };
      end = k;
      continue;
    }
    return null;
  }
  return null;
}

/** Whether a token may follow a source named after its cue ("…, said Smith, …" / "said Smith on Monday"). */
function endsInvertedSource(t: Token | undefined): boolean {
  if (!t) return true;
  if (t.kind === 'Q') return true;
  if (t.kind === 'p') return t.text !== "'" && t.text !== '’';
  return (
    !t.cap &&
    (PREPOSITIONS.has(t.lower) || TIME_WORDS.has(t.lower) || isAdverb(t) || /ed$/.test(t.lower)) &&
    t.lower !== 'that' &&
    t.lower !== 'to' &&
    t.lower !== 'of'
  );
}

/** The subject of the sentence's main clause before token `i`, for participles and coordinations. */
function clauseSubject(tokens: readonly Token[], a: number, i: number): Phrase | null {
  let s = a;
  for (let guard = 0; guard < 8 && s < i; guard++) {
    const t = tokens[s] as Token;
    const opensAdverbial =
      t.kind === 'w' &&
      !PRONOUNS[t.lower] &&
      (CAPITALISED_STOPWORDS.has(t.text) && !DETERMINERS.has(t.lower)
        ? true
        : PREPOSITIONS.has(t.lower) || t.lower.endsWith('ing'));
    if (!opensAdverbial) {
      const np = phraseStartingAt(tokens, s, i);
      if (np) {
        const after = tokens[np.b];
        if (after && (after.kind === 'w' ? !PREPOSITIONS.has(after.lower) || after.lower === 'to' : after.text === ','))
          return np;
      }
    }
    // Move to the next comma-separated stretch.
    while (s < i && tokens[s]?.text !== ',') s++;
    s++;
  }
  return null;
}

/** Whether a mention can be the source of a cue of this class. */
function sourceFits(info: MentionInfo, cls: CueClass, lemma: string): boolean {
  if (info.form === 'pronoun') {
    if (info.pronoun === 'it') return cls === 'speech' && !isAmbiguousLemma(lemma);
    if (info.pronoun === 'you' || info.pronoun === 'i' || info.pronoun === 'we')
      return cls === 'speech' && !isAmbiguousLemma(lemma);
    return true;
  }
  if (cls === 'evidence') return info.kind === 'document' || info.kind === 'organization';
  if (cls === 'stance') return info.kind === 'person' || info.kind === 'group' || info.kind === 'organization';
  if (info.kind === 'document') return cls === 'speech' && !isAmbiguousLemma(lemma);
  return true;
}

/** All reporting frames of one sentence, with their content regions, in order. */
export function findFrames(ctx: FrameContext, sent: Sentence): Frame[] {
  const { tokens, text } = ctx;
  const A = sent.a;
  const B = sent.b;
  const frames: Frame[] = [];
  // A question ("What has X said about the plan?") reports nothing.
  const lastTok = tokens[B - 1];
  if (
    lastTok?.text === '?' &&
    /^(what|who|why|how|when|where|which|is|are|was|were|do|does|did|has|have|had|will|would|can|could|should)$/.test(
      tokens[A]?.lower ?? '',
    )
  )
    return [];
  const make = (f: Omit<Frame, 'regions' | 'dropped' | 'srcInfo'> & { srcInfo?: MentionInfo | null }): Frame => ({
    srcInfo: null,
    ...f,
    regions: [],
    dropped: false,
  });
  // A cue that comes before its source and takes the quotation before it or the clause around
  // it ("… – X", "according to X, …"): the chunk runs from the cue to the end of the source.
  const sourceAfterCue = (cueA: number, cueB: number, side: FrameSide, lemma: string, np: Phrase, info: MentionInfo) =>
    make({ cueA, cueB, side, cls: 'speech', lemma, src: np, srcInfo: info, chunkA: cueA, chunkB: np.b, fwd: -1, fwdThat: false });

  // "X: …" at the start of a sentence (headlines, transcripts).
  {
    const np = phraseStartingAt(tokens, A, B);
    if (np && tokens[np.b]?.text === ':' && np.b + 1 < B && np.b - np.a <= 5) {
      const info = readMention(text, tokens, np);
      if ((info.form === 'name' && (tokens[np.b - 1] as Token).cap) || info.form === 'pronoun') {
        frames.push(
          make({
            cueA: np.b,
            cueB: np.b + 1,
            side: 'colon',
            cls: 'speech',
            lemma: ':',
            src: np,
            srcInfo: info,
            chunkA: np.a,
            chunkB: np.b + 1,
            fwd: np.b + 1,
            fwdThat: false,
          }),
        );
      }
    }
  }

  for (let i = A; i < B; i++) {
    const t = tokens[i] as Token;
    // "“…” – X": a quotation credited after a dash.
    if (t.kind === 'p' && DASHES.has(t.text) && tokens[i - 1]?.kind === 'Q' && i - 1 >= A) {
      const np = phraseStartingAt(tokens, i + 1, B);
      if (np) {
        const after = skipAppositiveRight(tokens, np.b, B);
        const n = tokens[after];
        if (!n || after >= B || (n.kind === 'p' && STRETCH_BREAK.has(n.text))) {
          const info = readMention(text, tokens, np);
          if (info.form === 'name') frames.push(sourceAfterCue(i, i + 1, 'dash', '-', np, info));
        }
      }
      continue;
    }
    if (!isWord(t)) continue;
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      const np = phraseStartingAt(tokens, i + 2, B) ?? looseSourceAfter(tokens, i + 2, B);
      if (np) {
        const info = readMention(text, tokens, np);
        frames.push(sourceAfterCue(i, i + 2, 'according', 'according to', np, info));
      }
      continue;
    }
    // Nominal cues after a possessive: "Trump's claim that …", "her call for …".
    if (NOMINAL_CUES.has(t.lower) && !t.cap && i - 1 >= A) {
      const owner = tokens[i - 1] as Token;
      const possessiveName =
        owner.kind === 'w' && owner.cap && isPossessive(owner) && !CAPITALISED_STOPWORDS.has(owner.text.replace(/['’]s?$/, ''));
      const possessivePronoun = owner.kind === 'w' && /^(his|her|their)$/.test(owner.lower);
      const next = tokens[i + 1];
      if ((possessiveName || possessivePronoun) && next?.kind === 'w' && /^(that|for|of|to|against|on)$/.test(next.lower)) {
        const start =
          next.lower === 'that' || next.lower === 'for' || next.lower === 'of' || next.lower === 'against' || next.lower === 'on'
            ? i + 2
            : i + 1;
        frames.push(
          make({
            cueA: i,
            cueB: i + 1,
            side: 'left',
            cls: 'stance',
            lemma: t.lower,
            src: { a: i - 1, b: i },
            chunkA: i - 1,
            chunkB: i + 1,
            fwd: start,
            fwdThat: next.lower === 'that',
          }),
        );
        continue;
      }
    }
    const form = cueAt(tokens, i) ?? stanceVerbAt(tokens, i, A);
    if (!form) continue;
    let cueB = i + 1;
    const particles = PHRASAL_PARTICLE.get(t.lower);
    if (particles?.has(tokens[cueB]?.lower ?? '')) cueB++;
    else if (PHRASAL_ONLY.has(t.lower)) continue;
    if (form.lemma === 'continue' && tokens[cueB]?.lower === 'to') continue;
    if (isNounOrPrepositionUse(tokens, i, cueB, form)) continue;
    if (form.lemma === 'report' && tokens[cueB]?.lower === 'from') continue;
    const j = skipAuxLeft(tokens, i - 1, A);
    let passive = false;
    for (let k = j + 1; k < i; k++) if (BE.has((tokens[k] as Token).lower)) passive = true;
    if (form.gerund) passive = false;

    let frame: Frame | null = null;
    if (passive) {
      if (PASSIVE_BY.has(t.lower) && tokens[cueB]?.lower === 'by') {
        const np = phraseStartingAt(tokens, cueB + 1, B);
        if (np) {
          const subj = phraseEndingAt(tokens, j, A);
          const start = forwardStart(tokens, skipAppositiveRight(tokens, np.b, B), B, null);
          frame = make({
            cueA: i,
            cueB: cueB + 1,
            side: 'by',
            cls: form.cls,
            lemma: form.lemma,
            src: np,
            chunkA: subj?.a ?? j + 1,
            chunkB: np.b,
            fwd: start?.start ?? -1,
            fwdThat: start?.that ?? false,
          });
        }
      } else if (form.lemma === 'quote' && tokens[cueB]?.lower === 'as' && cueAt(tokens, cueB + 1)) {
        const np = phraseEndingAt(tokens, j, A);
        if (np) {
          const start = forwardStart(tokens, cueB + 2, B, null);
          frame = make({
            cueA: i,
            cueB: cueB + 2,
            side: 'left',
            cls: 'speech',
            lemma: 'quote',
            src: np,
            chunkA: np.a,
            chunkB: cueB + 2,
            fwd: start?.start ?? -1,
            fwdThat: start?.that ?? false,
          });
        }
      }
      if (frame) frames.push(frame);
      continue;
    }

    // "X quoted Y as saying …": the words are Y's, relayed by X.
    if (form.lemma === 'quote') {
      const subj = phraseEndingAt(tokens, j, A);
      const obj = phraseStartingAt(tokens, cueB, B);
      if (subj && obj && tokens[obj.b]?.lower === 'as' && cueAt(tokens, obj.b + 1)) {
        const relay = make({
          cueA: i,
          cueB,
          side: 'left',
          cls: 'speech',
          lemma: 'quote',
          src: subj,
          chunkA: subj.a,
          chunkB: cueB,
          fwd: -1,
          fwdThat: false,
        });
        relay.dropped = true;
        const start = forwardStart(tokens, obj.b + 2, B, null);
        frames.push(
          make({
            cueA: i,
            cueB: obj.b + 2,
            side: 'by',
            cls: 'speech',
            lemma: 'quote',
            src: obj,
            relayedBy: relay,
            chunkA: subj.a,
            chunkB: obj.b + 2,
            fwd: start?.start ?? -1,
            fwdThat: start?.that ?? false,
          }),
        );
        continue;
      }
    }

    const prev = j >= A ? (tokens[j] as Token) : undefined;
    let src: Phrase | null = null;
    let side: FrameSide = 'left';
    let antecedent: Phrase | undefined;
    let role: Phrase | undefined;
    let tryInverted = false;
    if (!prev) {
      if (form.gerund) continue;
      tryInverted = true;
    } else if (prev.kind === 'w' && !prev.cap && (prev.lower === 'who' || prev.lower === 'which' || prev.lower === 'that')) {
      let k = j - 1;
      if (tokens[k]?.text === ',') k--;
      const ante = k >= A ? phraseEndingAt(tokens, k, A) : null;
      if (ante && (prev.lower !== 'that' || (tokens[k] as Token).cap || isHeadNoun((tokens[k] as Token).lower))) {
        src = { a: j, b: j + 1 };
        antecedent = ante;
      } else continue;
    } else if (prev.kind === 'p' && prev.text === ')') {
      let k = j - 1;
      while (k > A && j - k < 8 && tokens[k]?.text !== '(') k--;
      const np = tokens[k]?.text === '(' ? phraseEndingAt(tokens, k - 1, A) : null;
      if (np) src = { a: np.a, b: j + 1 };
      else continue;
    } else if (prev.kind === 'p' && (prev.text === ',' || DASHES.has(prev.text)) && !(form.gerund && prev.text === ',')) {
      // "X, a senator, said" / "The senator's aide, Jane Doe, said" / "X — a teacher — says" / "…, X said".
      const ap = appositiveSubject(tokens, j, A);
      if (ap) {
        src = ap.src;
        role = ap.role;
      } else tryInverted = true;
    } else if (prev.kind === 'p' && prev.text === ',') {
      side = 'inherit';
    } else if (prev.kind === 'w' && COORD.has(prev.lower)) {
      side = 'inherit';
    } else if (
      prev.kind === 'w' &&
      prev.lower === 'to' &&
      form.lemma === t.lower &&
      !cueAt(tokens, j - 1) &&
      !stanceVerbAt(tokens, j - 1, A)
    ) {
      // "took to Twitter to accuse …", "declined to say": the clause subject speaks.
      side = 'inherit';
    } else if (prev.kind === 'w' && form.gerund && GERUND_PREPS.has(prev.lower)) {
      side = 'inherit';
    } else if (prev.kind === 'Q' || (prev.kind === 'p' && (DASHES.has(prev.text) || prev.text === '(' || prev.text === ':'))) {
      if (form.gerund) continue;
      tryInverted = true;
    } else {
      src = phraseEndingAt(tokens, j, A) ?? anonymousPhraseBefore(tokens, j, A);
      if (!src && form.cls !== 'stance' && !isAmbiguousLemma(form.lemma) && !/(ed|ly)$/.test(prev.lower))
        src = looseSubjectBefore(tokens, j, A);
      if (!src) continue;
    }

    if (tryInverted) {
      if (form.cls !== 'speech' || form.gerund) continue;
      const np = phraseStartingAt(tokens, cueB, B);
      if (!np) continue;
      const after = skipAppositiveRight(tokens, np.b, B);
      if (!endsInvertedSource(tokens[after]) && tokens[np.b]?.text !== ',') continue;
      if (np.b - np.a === 1 && /^(he|she|they|it|we|i|you)$/.test((tokens[np.a] as Token).lower) && isWord(tokens[np.b]))
        continue;
      src = np;
      side = 'right';
      if (after > np.b) role = { a: np.b + 1, b: after - 1 };
    }

    if (side === 'inherit') {
      // The subject comes from an earlier frame of this sentence, or the clause's subject.
      let last: Frame | undefined;
      for (let k = frames.length - 1; k >= 0 && k >= frames.length - 8; k--) {
        const f = frames[k] as Frame;
        if (f.src && f.side !== 'according' && f.side !== 'dash') {
          last = f;
          break;
        }
      }
      src = last?.src ?? (COORD.has(prev?.lower ?? '') ? coordinationSubject(tokens, A, j) : null) ?? clauseSubject(tokens, A, j);
      if (!src) continue;
      if (last?.antecedent) antecedent = last.antecedent;
    }
    if (!src) continue;
    if (
      side === 'left' &&
      NOUN_LIKE.has(t.lower) &&
      /^(a|an|the|his|her|its|their|our|my|your|this|that)$/.test((tokens[src.a] as Token).lower) &&
      !/s$/.test(t.lower)
    ) {
      const head = tokens[src.b - 1] as Token;
      if (!(head.kind === 'w' && !head.cap && /s$/.test(head.lower))) continue;
    }
    // "a post", "a show" — unless a whole noun phrase comes first ("a new poll shows that").
    if (
      side === 'left' &&
      NOUN_LIKE.has(t.lower) &&
      /^(a|an)$/.test((tokens[src.a] as Token).lower) &&
      !(src.b - src.a > 1 && DOCUMENT_NOUNS.has((tokens[src.b - 1] as Token).lower))
    )
      continue;
    // A noun that looks like a cue heads its own subject: "Republican support was solid",
    // "Health worries have dogged her".
    if (side === 'left' && !form.gerund && /s$/.test(t.lower)) {
      const after = tokens[cueB];
      if (after?.kind === 'w' && !after.cap && /^(is|was|are|were|has|have|had|remain|remains|seem|seems)$/.test(after.lower))
        continue;
    }

    const info = readMention(text, tokens, antecedent ?? src);
    const srcInfo = antecedent ? readMention(text, tokens, src) : info;
    if (!sourceFits(info, form.cls, form.lemma)) continue;
    if (isAmbiguousLemma(form.lemma) && (info.kind === 'document' || info.form === 'description' || info.pronoun === 'it'))
      continue;

    let fwd = -1;
    let fwdThat = false;
    if (side !== 'right') {
      const st = forwardStart(tokens, cueB, B, form);
      if (st) {
        fwd = st.start;
        fwdThat = st.that;
      }
    }
    const chunkA = side === 'inherit' ? i : Math.min(src.a, i);
    const chunkB = side === 'right' ? Math.max(src.b, role ? role.b + 1 : src.b) : cueB;
    frames.push(
      make({
        cueA: i,
        cueB,
        side,
        cls: form.cls,
        lemma: form.lemma,
        src,
        srcInfo,
        antecedent,
        role,
        chunkA,
        chunkB,
        fwd,
        fwdThat,
      }),
    );
  }

  return assignRegions(tokens, frames, A, B);
}

function trimRegion(tokens: readonly Token[], a: number, b: number, that: boolean): Region | null {
  while (a < b && ((tokens[a] as Token).kind === 'p' ? TRIM_LEAD.has((tokens[a] as Token).text) : false)) a++;
  while (b > a && ((tokens[b - 1] as Token).kind === 'p' ? TRIM_TAIL.has((tokens[b - 1] as Token).text) : false)) b--;
  if (b <= a) return null;
  // A region needs a quotation or at least two words.
  let words = 0;
  for (let k = a; k < b && words < 2; k++)
    if ((tokens[k] as Token).kind === 'Q') words = 2;
    else if ((tokens[k] as Token).kind === 'w') words++;
  return words >= 2 ? { a, b, that } : null;
}

/**
 * Settles overlapping frames and gives each its content: forward content runs to the next frame
 * that starts a new clause; a frame nested at the start of another's content is a reporting chain
 * ("said they were told by X that …") or part of the content ("said he hopes …").
 */
function assignRegions(tokens: readonly Token[], frames: Frame[], A: number, B: number): Frame[] {
  frames.sort((x, y) => x.chunkA - y.chunkA || x.cueA - y.cueA);
  const live: Frame[] = [];
  for (const f of frames) {
    const outer = live.length ? (live[live.length - 1] as Frame) : undefined;
    // "According to X, …" opening a sentence: its content starts after the comma.
    const outerStart = !outer
      ? -1
      : outer.fwd >= 0
        ? outer.fwd
        : outer.side === 'according' && outer.cueA - A <= 1
          ? outer.chunkB + (tokens[outer.chunkB]?.text === ',' ? 1 : 0)
          : -1;
    // A frame after a subordinator, a contrast or ", and" opens a clause of its own ("…, though she
    // acknowledged …", "… when Clinton blasted him").
    const opener = tokens[f.chunkA - 1];
    const opensClause =
      !!opener &&
      opener.kind === 'w' &&
      !opener.cap &&
      (CONTRASTIVE.has(opener.lower) ||
        CLAUSE_CUTS.has(opener.lower) ||
        (opener.lower === 'with' && f.side === 'left') ||
        (opener.lower === 'and' && tokens[f.chunkA - 2]?.text === ','));
    if (
      outer &&
      outerStart >= 0 &&
      f.chunkA >= outerStart &&
      !f.dropped &&
      opensClause &&
      (f.side === 'left' || f.side === 'by')
    ) {
      // the outer content stops before this clause
    } else if (outer && outerStart >= 0 && f.chunkA >= outerStart && !f.dropped) {
      const nested = f.side === 'left' || f.side === 'by';
      const startsContent = f.chunkA - outerStart <= 2;
      if (
        nested &&
        startsContent &&
        (f.side === 'by' || (f.lemma === 'tell' && outer.cls === 'speech') || outer.side === 'according') &&
        f.cls === 'speech'
      ) {
        f.relayedBy = outer;
        outer.dropped = true;
      } else if (
        f.side === 'inherit' ||
        f.side === 'right' ||
        f.side === 'dash' ||
        f.side === 'according' ||
        (f.side === 'left' && isSeparator(tokens[f.chunkA - 1]) && f.fwd < 0)
      ) {
        // a new clause: the outer content stops before it
      } else if (outer.side === 'according' && startsContent && f.cls === 'speech') {
        f.relayedBy = outer;
        outer.dropped = true;
      } else continue;
    } else if (outer && f.chunkA < outer.chunkB && f.side !== 'by') {
      // Overlapping chunks: keep the first.
      continue;
    }
    live.push(f);
  }

  let floor = A;
  for (let n = 0; n < live.length; n++) {
    const f = live[n] as Frame;
    let limit = B;
    for (let m = n + 1; m < live.length; m++) {
      const g = live[m] as Frame;
      if (g.relayedBy === f) continue;
      limit = g.side === 'inherit' ? Math.max(g.chunkA - 1, f.chunkB) : g.chunkA;
      const op = tokens[g.chunkA - 1];
      if (
        g.side !== 'inherit' &&
        op?.kind === 'w' &&
        !op.cap &&
        (SUBORDINATORS.has(op.lower) || CLAUSE_CUTS.has(op.lower) || op.lower === 'and' || op.lower === 'with')
      )
        limit = Math.max(g.chunkA - 1 - (tokens[g.chunkA - 2]?.text === ',' ? 1 : 0), f.chunkB);
      // Cut the comma or conjunction before a participle or coordinated cue.
      if (g.side === 'inherit') {
        let c = g.chunkA - 1;
        while (
          c > f.chunkB &&
          (tokens[c] as Token).kind === 'w' &&
          !(tokens[c] as Token).cap &&
          (AUXILIARIES.has((tokens[c] as Token).lower) ||
            COORD.has((tokens[c] as Token).lower) ||
            /^(after|before|while|when|by|for|without|in)$/.test((tokens[c] as Token).lower))
        )
          c--;
        limit = Math.max(c + (tokens[c]?.text === ',' ? 0 : 1), f.chunkB);
      }
      break;
    }
    if (f.dropped) {
      floor = Math.max(floor, f.chunkB);
      continue;
    }
    const before = (): Region | null => {
      const r = trimRegion(tokens, floor, f.chunkA, false);
      // "In August, Trump warned …": a leading adverbial is not what was said.
      if (r && !regionHasQuote(tokens, r) && PREPOSITIONS.has((tokens[r.a] as Token).lower) && r.b - r.a < 8) return null;
      return r;
    };
    if (f.side === 'right' || f.side === 'dash') {
      const r = before();
      if (r) f.regions.push(r);
      // "“…,” said X, “…”" continues after the source.
      const k = f.chunkB;
      if (tokens[k]?.text === ',' && tokens[k + 1]?.kind === 'Q') {
        const r2 = trimRegion(tokens, k + 1, Math.min(limit, k + 2), false);
        if (r2) f.regions.push(r2);
      }
    } else if (f.side === 'according') {
      const r = before();
      const lead = r ? tokens.slice(r.a, r.b).filter((t) => t.kind === 'w' || t.kind === 'Q').length : 0;
      if (r && lead >= 3) f.regions.push(r);
      else {
        const r2 = trimRegion(tokens, f.chunkB, limit, false);
        if (r2) f.regions.push(r2);
      }
    } else if (quoteBefore(tokens, f.chunkA, floor) && (f.side === 'left' || f.side === 'by')) {
      // "“…,” she said several months later": after a quotation the cue closes it; an
      // interrupted quotation goes on after it ("“My hope,” he said, “is that …”").
      const r = before();
      if (r) f.regions.push(r);
      if (f.fwd >= 0 && f.fwd < limit && tokens[f.fwd]?.kind === 'Q' && tokens[f.fwd - 1]?.text === ',') {
        const r2 = trimRegion(tokens, f.fwd, Math.min(limit, f.fwd + 1), false);
        if (r2) f.regions.push(r2);
      }
    } else if (f.fwd < 0 && f.side === 'left' && tokens[f.chunkA - 1]?.text === ',' && tokens[f.cueB]?.text === ',') {
      // "…, Mr. Obama said, a majority have come to believe …": both sides are the content.
      const r = trimRegion(tokens, f.cueB + 1, contentEnd(tokens, { ...f, fwd: f.cueB }, A, limit), false);
      const l = before();
      const pick = l && r ? (span(tokens, l) > span(tokens, r) ? l : r) : (l ?? r);
      if (pick) f.regions.push(pick);
    } else if (f.fwd >= 0 && f.fwd < limit) {
      const r = trimRegion(tokens, f.fwd, contentEnd(tokens, f, A, limit), f.fwdThat);
      if (r) {
        // "The talks, X said, “…”": the part before the chunk is content too; keep the larger.
        const l = isSeparator(tokens[f.chunkA - 1]) && f.chunkA - 1 > floor ? before() : null;
        if (
          l &&
          f.side === 'left' &&
          !regionHasQuote(tokens, r) &&
          span(tokens, l) > span(tokens, r) &&
          tokens[f.fwd - 1]?.text === ','
        )
          f.regions.push(l);
        else f.regions.push(r);
      }
    } else if (f.side === 'left' || f.side === 'inherit' || f.side === 'by') {
      if (f.side === 'left' && (isSeparator(tokens[f.chunkA - 1]) || f.chunkA === A)) {
        const r = before();
        if (r) f.regions.push(r);
      }
    }
    const lastRegion = f.regions[f.regions.length - 1];
    floor = Math.max(floor, f.chunkB, lastRegion ? lastRegion.b : 0);
  }
  return live;
}

/**
 * Where forward content stops before `limit`: at a comma that opens a contrast or a participle
 * ("…, but he is not predicting", "…, rushing to TV"), at a semicolon, and — when the frame sits in
 * a sentence-initial subordinate clause ("While X claimed that …, experts say") — at its first comma.
 */
function contentEnd(tokens: readonly Token[], f: Frame, A: number, limit: number): number {
  let subordinate = false;
  for (let k = A; k < f.chunkA; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'p' && t.text === ',') {
      subordinate = false;
      continue;
    }
    if (t.kind === 'w' && k === A && SUBORDINATE_OPENERS.has(t.lower)) subordinate = true;
  }
  let lastQuote = -1;
  for (let k = f.fwd + 1; k < limit; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'p' && t.text === ';') return k;
    if (t.kind !== 'p' || t.text !== ',') continue;
    if (subordinate) return k;
    const n = tokens[k + 1];
    // A relative clause that runs to the end describes the last noun in the writer's voice
    // ("acknowledged the reality of climate change, which makes him an outlier").
    if (n?.kind === 'w' && (n.lower === 'which' || n.lower === 'who') && !f.fwdThat) {
      let more = false;
      for (let m = k + 2; m < limit && !more; m++) more = (tokens[m] as Token).text === ',' || (tokens[m] as Token).kind === 'Q';
      if (!more) return k;
    }
    if (n?.kind === 'w' && !n.cap && (CLAUSE_CUTS.has(n.lower) || (n.lower.endsWith('ing') && n.lower.length > 5))) {
      // Keep going when quoted words follow: they are the speaker's.
      if (lastQuote < 0) {
        lastQuote = 0;
        for (let m = limit - 1; m > f.fwd; m--)
          if ((tokens[m] as Token).kind === 'Q') {
            lastQuote = m;
            break;
          }
      }
      if (lastQuote <= k) return k;
    }
  }
  return limit;
}

/** Whether a quotation (and maybe a comma) comes right before token `k`. */
function quoteBefore(tokens: readonly Token[], k: number, floor: number): boolean {
  let m = k - 1;
  if (tokens[m]?.kind === 'p' && (tokens[m] as Token).text === ',') m--;
  return m >= floor && tokens[m]?.kind === 'Q';
}

function isSeparator(t: Token | undefined): boolean {
  return (
    !!t &&
    (t.kind === 'Q' ||
      (t.kind === 'p' &&
        (t.text === ',' || DASHES.has(t.text) || t.text === "'" || t.text === '’' || t.text === '"' || t.text === '”')))
  );
}

function regionHasQuote(tokens: readonly Token[], r: Region): boolean {
  for (let k = r.a; k < r.b; k++) if ((tokens[k] as Token).kind === 'Q') return true;
  return false;
}

function span(tokens: readonly Token[], r: Region): number {
  return (tokens[r.b - 1] as Token).e - (tokens[r.a] as Token).s;
}
