/**
 * Settling the frames of one sentence: which overlap, which nest in another's content as a
 * reporting chain ("said they were told by X that …") or as part of the content ("said he hopes
 * …"), and which open a clause of their own.
 */

import type { Frame } from '../frames/types.js';
import {
  CLAUSE_CONJUNCTIONS,
  CLAUSE_CUTS,
  CONTRASTIVE,
  DASHES,
  DETERMINERS,
  EVIDENTIAL,
  PREPOSITIONS,
  SUBORDINATE_OPENERS,
  TIME_WORDS,
} from '../lexicon/index.js';
import { quoteWordsEndSentence, type Token } from '../sentences.js';
import { isSeparator } from '../token-tests.js';
import { inOpeningParticiplePhrase } from './content-end.js';

/** Where the outer frame's content starts, or -1 when it has none ahead. */
function outerContentStart(tokens: readonly Token[], outer: Frame, A: number): number {
  if (outer.fwd >= 0) return outer.fwd;
  // "According to X, …" opening a sentence: its content starts after the comma.
  if (outer.side === 'according' && outer.cueA - A <= 1) return outer.chunkB + (tokens[outer.chunkB]?.text === ',' ? 1 : 0);
  return -1;
}

/**
 * A frame after a subordinator, a contrast or ", and" opens a clause of its own ("…, though she
 * acknowledged …", "… when Clinton blasted him"), as does one after ", when" ("refusing to recant
 * earlier remarks, when he called the businessman “unhinged.”": the quotation had been part of
 * the refusal's content, with no speaker; 1,008 PolNeAR texts: 8 records moved, Buchanan's
 * “cultural war” among them, train content+source F1 0.648 -> 0.649).
 */
function opensOwnClause(tokens: readonly Token[], f: Frame): boolean {
  const opener = tokens[f.chunkA - 1];
  return (
    !!opener &&
    opener.kind === 'w' &&
    !opener.cap &&
    (CONTRASTIVE.has(opener.lower) ||
      CLAUSE_CUTS.has(opener.lower) ||
      (opener.lower === 'with' && f.side === 'left') ||
      (opener.lower === 'when' && tokens[f.chunkA - 2]?.text === ',' && f.side === 'left') ||
      (opener.lower === 'and' && tokens[f.chunkA - 2]?.text === ','))
  );
}

/** A frame inside the outer frame's content: kept as a chain or a new clause (true), or dropped. */
function nestsIn(tokens: readonly Token[], f: Frame, outer: Frame, outerStart: number): boolean {
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
    return true;
  }
  if (
    f.side === 'inherit' ||
    f.side === 'right' ||
    f.side === 'dash' ||
    f.side === 'according' ||
    (f.side === 'left' && isSeparator(tokens[f.chunkA - 1]) && f.fwd < 0)
  )
    return true; // a new clause: the outer content stops before it
  if (outer.side === 'according' && startsContent && f.cls === 'speech') {
    f.relayedBy = outer;
    outer.dropped = true;
    return true;
  }
  return f.side === 'left' && quotesNamedPerson(tokens, f);
}

/** Reflexive objects of a naming report ("called himself"): the quotation after one is still the subject's. */
const REFLEXIVES = new Set(['himself', 'herself', 'themselves', 'myself', 'ourselves']);

/**
 * "Clinton advisers say …, angering his supporters and Mr. Sanders, both of which Mrs. Clinton
 * praised Tuesday night ''for challenging us to get unaccountable money out of our politics''":
 * a named person's report inside another's content whose own content opens with a quotation
 * quotes that person; the outer content stops before it (the quotation had gone to the
 * advisers, and the statement split from another outlet's excerpt of it: held-out cluster set).
 * Only speech reports: a stance's quotation ("only people such as the Kochs wanted “open
 * borders”") is the outer speaker's word for it.
 */
function quotesNamedPerson(tokens: readonly Token[], f: Frame): boolean {
  if (!(f.cls === 'speech' && f.fwd >= 0)) return false;
  // "in which Trump called himself “very pro-choice”": a reflexive object before the quotation.
  const q = REFLEXIVES.has(tokens[f.fwd]?.lower ?? '') ? f.fwd + 1 : f.fwd;
  if (tokens[q]?.kind !== 'Q') return false;
  // Not a name that is only part of its subject ("he and Cruz shared “…”" is the reporter's Rubio).
  if (!f.src || tokens[f.src.a - 1]?.lower === 'and') return false;
  return f.srcInfo?.kind === 'person' && f.srcInfo.form === 'name';
}

/**
 * Whether `outer` sits in a sentence-initial subordinate clause ("While he acknowledged …,") and
 * `f` comes after the comma (or a dash) that closes that clause: `f` is the main clause's own report ("…, Ham
 * also noted …"), not part of the subordinate content (contentEnd already stops that content at
 * the comma). Such frames were dropped as nested.
 */
function mainClauseAfterSubordinate(tokens: readonly Token[], f: Frame, outer: Frame, A: number): boolean {
  const start = subordinateStart(tokens, outer, A);
  if (start < 0) return false;
  let k = start;
  while (k < outer.chunkA && tokens[k]?.text !== ',') k++;
  if (k < outer.chunkA) return false;
  for (let m = outer.cueB; m < f.chunkA; m++) if (tokens[m]?.text === ',' || DASHES.has(tokens[m]?.text ?? '')) return true;
  return false;
}

/** Tokens a subordinator may stand before the frame whose clause it opens ("the day before Trump attacked"). */
const SUBORDINATOR_REACH = 3;

/**
 * Where the subordinate clause holding `outer` starts: the sentence's start when a subordinator
 * or an opening participle phrase opens it, else a subordinator right before the frame in a
 * leading adverbial ("On December 6, the day before Trump attacked Chuck Jones on Twitter, Twitter
 * CEO Jack Dorsey told …": the goldset quotation had gone to Trump). -1 when there is none.
 */
function subordinateStart(tokens: readonly Token[], outer: Frame, A: number): number {
  if ((SUBORDINATE_OPENERS.has(tokens[A]?.lower ?? '') && tokens[A]?.kind === 'w') || inOpeningParticiplePhrase(tokens, outer, A))
    return A;
  for (let k = outer.chunkA - 1; k >= A && outer.chunkA - k <= SUBORDINATOR_REACH; k--) {
    const t = tokens[k] as Token;
    if (t.kind !== 'w') return -1;
    if (!t.cap && SUBORDINATE_OPENERS.has(t.lower) && t.lower !== 'asked') return onlyTimeBefore(tokens, A, k) ? k : -1;
  }
  return -1;
}

/**
 * Whether tokens [A, k) are only a leading time adverbial ("On December 6, the day"): words that
 * are capitalised, numbers, prepositions, determiners or time words, and commas. A clause there
 * ("He returned to it later after …", "when asked who they thought …") makes the subordinate
 * clause the sentence's last, and a comma inside it no end of it.
 */
function onlyTimeBefore(tokens: readonly Token[], A: number, k: number): boolean {
  for (let m = A; m < k; m++) {
    const t = tokens[m] as Token;
    if (t.kind === 'p' ? t.text !== ',' : t.kind !== 'w') return false;
    // "And when asked …": a conjunction joins a clause, which no time adverbial holds.
    if (t.kind === 'w' && CLAUSE_CONJUNCTIONS.has(t.lower)) return false;
    if (
      t.kind === 'w' &&
      !t.cap &&
      !/^\d/.test(t.text) &&
      !PREPOSITIONS.has(t.lower) &&
      !DETERMINERS.has(t.lower) &&
      !TIME_WORDS.has(t.lower)
    )
      return false;
  }
  return true;
}

/**
 * "After Peggy Bell asked “Who will pay?” Mr. Cueto responded that “…”": a quotation that ends
 * its own sentence and is all of the outer frame's content, followed at once by a speaker and a
 * cue, is answered by a new clause, and the outer content stops at the quotation. The clause is
 * reported only when it quotes the answer: "“I like my girls chubby!” Ms. Gillibrand did not
 * reveal his name" reports nothing more (1,443 corpus inputs: 10 records, the answers to Cheryl
 * Mills, Josenrique Cueto and Hillary Clinton, who had been given the asker's name).
 */
function answersQuotation(tokens: readonly Token[], f: Frame, outerStart: number, B: number): boolean {
  const q = tokens[f.chunkA - 1];
  if (!(f.side === 'left' && f.cls === 'speech' && q?.kind === 'Q' && f.chunkA - 1 === outerStart)) return false;
  if (!quoteWordsEndSentence(q)) return false;
  if (!hasQuote(tokens, f.cueB, B)) f.dropped = true;
  return true;
}

/**
 * "The council said it would meet in January; one lawmaker called Trump “…”": the outer content
 * stops at a semicolon after its cue (contentEnd), so a frame after that semicolon reports a
 * clause of its own. It was dropped as nested, and the lawmaker's quotation with it.
 */
function afterSemicolon(tokens: readonly Token[], f: Frame, outer: Frame): boolean {
  for (let m = outer.cueB; m < f.chunkA; m++) if (tokens[m]?.kind === 'p' && tokens[m]?.text === ';') return true;
  return false;
}

/**
 * "He appeared rattled …, unable to muster much more than “ooooh, whoooa” when Clinton accused him
 * of an “artful smear” …": inside the writer's own assessment ("appeared", "seems": EVIDENTIAL,
 * no one's words), a named person's report is that person's. It had been dropped as part of the
 * assessment's content, and Clinton's “artful smear” with it (a new blind cluster set).
 */
function reportInsideAssessment(f: Frame, outer: Frame): boolean {
  const form = f.srcInfo?.form;
  return (
    EVIDENTIAL.has(outer.lemma) &&
    (f.side === 'left' || f.side === 'by') &&
    (form === 'name' || (form === 'pronoun' && f.cls === 'speech' && PERSONAL_PRONOUNS.has(f.srcInfo?.pronoun ?? '')))
  );
}

/**
 * Pronouns that report for a person inside an assessment: "Sanders appeared to dismiss the email
 * issue in October, when he told Clinton at a debate that Americans were “sick and tired of
 * hearing about your damn emails”" (the told-frame had been dropped with the assessment's content).
 */
const PERSONAL_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she']);

/** Whether frame `f` is kept after the frame `outer` kept before it. */
function keepsAfter(tokens: readonly Token[], f: Frame, outer: Frame, A: number, B: number): boolean {
  const outerStart = outerContentStart(tokens, outer, A);
  if (outerStart >= 0 && f.chunkA >= outerStart && !f.dropped) {
    if (mainClauseAfterSubordinate(tokens, f, outer, A) && (f.side === 'left' || f.side === 'by')) return true;
    if (afterSemicolon(tokens, f, outer) && (f.side === 'left' || f.side === 'by')) return true;
    // the outer content stops before a clause of its own
    if (opensOwnClause(tokens, f) && (f.side === 'left' || f.side === 'by')) return true;
    if (reportInsideAssessment(f, outer)) return true;
    if (answersQuotation(tokens, f, outerStart, B)) return true;
    return nestsIn(tokens, f, outer, outerStart);
  }
  // Overlapping chunks: keep the first.
  return !(f.chunkA < outer.chunkB && f.side !== 'by');
}

/**
 * A frame that closes the sentence after a comma and takes the clause before it ("…, according
 * to a campaign aide", "…, said Mr. Barrett", "…, the aide said."): the outermost report.
 */
function closesSentence(tokens: readonly Token[], g: Frame, A: number): boolean {
  if (tokens[g.chunkA - 1]?.text !== ',' || g.chunkA - 1 <= A) return false;
  if (g.side === 'according') return g.cueA - A > 1;
  return (g.side === 'right' || g.side === 'left') && g.fwd < 0 && g.cls === 'speech';
}

/** The frames that stay, in text order, with reporting chains linked (`relayedBy`, `dropped`). */
export function settleFrames(tokens: readonly Token[], frames: Frame[], A: number, B: number): Frame[] {
  frames.sort((x, y) => x.chunkA - y.chunkA || x.cueA - y.cueA);
  let live: Frame[] = [];
  for (const f of frames) {
    const outer = live[live.length - 1];
    if (outer && !keepsAfter(tokens, f, outer, A, B)) continue;
    live.push(f);
  }
  // The outermost frame wins: "Clinton plans to visit Charlotte, according to a campaign aide"
  // is the aide's report, not Clinton's plan (10 of 137 PolNeAR dev source errors). Earlier
  // frames whose content runs forward into the clause it closes are part of its content.
  const last = live[live.length - 1];
  if (last && live.length > 1 && closesQuotedReport(tokens, live, A, B)) return [last];
  if (last && live.length > 1 && closesSentence(tokens, last, A)) {
    const inner = live.slice(0, -1);
    const first = live[0] as Frame;
    // A quotation opening the sentence right before the first inner frame ("“…,” he told settler
    // leaders, according to a statement") is that frame's, relayed by the closing one.
    const quoteOpens = tokens[A]?.kind === 'Q' && first.chunkA - A <= QUOTE_BEFORE_FRAME;
    if (inner.every((f) => f.fwd >= 0 && !f.dropped && !f.relayedBy)) {
      if (quoteOpens) {
        first.relayedBy = last;
        last.dropped = true;
      } else if (!hasQuote(tokens, first.chunkA, last.chunkA)) live = [last];
    }
  }
  return live;
}

/**
 * "Energy Control believed that the reputation … might carry over to the drug analysis service,
 * where one needs to establish “credibility, trustworthiness, [and] transparency,” Caudevilla
 * said.": a speech frame right after a quotation that closes with a comma, ending the sentence
 * with no content ahead, reports the sentence, quotation and all, when what sits inside it are
 * beliefs or stances. The quotation had gone to the inner belief ("Energy Control believed").
 */
function closesQuotedReport(tokens: readonly Token[], live: readonly Frame[], A: number, B: number): boolean {
  const last = live[live.length - 1] as Frame;
  const q = tokens[last.chunkA - 1];
  // The quotation's words (inside its marks) end on a comma: "“…,” Caudevilla said".
  if (!(q?.kind === 'Q' && q.text.trimEnd().endsWith(',') && last.chunkA - 1 > A)) return false;
  if (!(last.cls === 'speech' && last.fwd < 0 && (last.side === 'left' || last.side === 'right'))) return false;
  if (last.chunkB < B - 1) return false;
  // Only over beliefs and stances: a speech report inside ("Trump asserted that …: “France is no
  // longer France,” he claimed", "Clinton pledged to “…,” the Orlando Sentinel reported") is the
  // quotation's own speaker, relayed.
  return live.slice(0, -1).every((f) => f.cls !== 'speech' && f.fwd >= 0 && f.fwd < last.chunkA && !f.dropped && !f.relayedBy);
}

/** Tokens from a sentence-opening quotation to the frame that reports it: the quotation and a comma. */
const QUOTE_BEFORE_FRAME = 2;

function hasQuote(tokens: readonly Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if ((tokens[k] as Token).kind === 'Q') return true;
  return false;
}
