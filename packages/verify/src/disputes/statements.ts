import type { AttributionType } from '@quotecheck/shared/core';
import { ACCUSATION_HEAD, surnameMentions } from '../disputes.js';
import { contentWords, normalizeQuote } from '../normalize.js';
import { nameTokens, personKey } from '../speaker.js';
import { paragraphAt, type Sentence } from '../text.js';
import { topicWords } from '../topic.js';
import type { Dispute } from '../types.js';
import {
  ANAPHOR,
  ANAPHOR_SAID,
  APPOSITIVE_DENIAL,
  CLAIM_OWNER,
  CLAUSE_BREAK,
  CLAUSE_START,
  CUE,
  DEMANDED_BEFORE,
  MEANT_CONTEXT,
  NAME_AFTER_CUE,
  NAMED_AFTER,
  NEGATED_BEFORE,
  OBJECT_NAMES_WHOM,
  OWNER_AFTER_CUE,
  type StatementDisputeKind,
} from './cues.js';

/**
 * An anaphoric dispute ("walked back the comments", "deemed those statements false") points at
 * the nearest statement before it of the person it is about, at most this many paragraphs back.
 * Over the PolNeAR dev set the antecedents are 0-4 paragraphs back (a walk-back in the next
 * paragraph, a fact-check rating right after the quote, "his claims were 'sarcasm'" four
 * one-sentence paragraphs after the quote).
 */
export const ANAPHORA_PARAGRAPHS = 4;

/** One attribution as dispute detection sees it. */
export interface StatementSource {
  start: number;
  end: number;
  type: AttributionType;
  /** Person key of a named person speaker, else null. */
  speakerKey: string | null;
  speakerName: string | null;
  /** Name of the speaker of any kind (person, organisation, group), else null. */
  voiceName: string | null;
  /** Whether that speaker is a person. */
  voiceIsPerson: boolean;
}

/** What {@link findStatementDisputes} reads of one article. */
export interface StatementContext {
  articleId: string;
  input: string;
  outlet: string;
  text: string;
  paragraphs: readonly string[];
  sentences: readonly Sentence[];
  /** The article's named people (surname matches). */
  people: readonly { name: string; key: string }[];
}

interface CueHit {
  kind: StatementDisputeKind;
  index: number;
  text: string;
}

/** The lower-cased name words of an article's people: left out of a dispute's topic words. */
export function nameWordsOf(people: StatementContext['people']): Set<string> {
  return new Set(people.flatMap((p) => nameTokens(p.name).map((t) => t.toLowerCase())));
}

/** A cue found and asserted: neither negated ("did not walk back") nor asked for ("urged him to retract"). */
function asserted(s: string, m: RegExpExecArray | null): m is RegExpExecArray {
  return (
    !!m &&
    !NEGATED_BEFORE.test(s.slice(Math.max(0, m.index - 40), m.index)) &&
    !DEMANDED_BEFORE.test(s.slice(Math.max(0, m.index - 70), m.index))
  );
}

/** The first dispute cue of a sentence, trying fact-check ratings, walk-backs, denials of saying, then refutations. */
export function disputeCue(sentence: string): CueHit | null {
  const rating = CUE.factCheckRating.exec(sentence);
  const own = CUE.factCheckOwnRating.exec(sentence);
  if (asserted(sentence, own)) return { kind: 'fact_checked_false', index: own.index, text: own[0] };
  if (CUE.factCheckSource.test(sentence) && asserted(sentence, rating))
    return { kind: 'fact_checked_false', index: rating.index, text: rating[0] };
  const walk = CUE.walkBack.exec(sentence);
  if (asserted(sentence, walk)) return { kind: 'walked_back', index: walk.index, text: walk[0] };
  const meant = CUE.meant.exec(sentence);
  if (asserted(sentence, meant) && MEANT_CONTEXT.test(sentence) && !/^(?:You|We|I)\b/.test(meant[0]))
    return { kind: 'walked_back', index: meant.index, text: meant[0] };
  const denied = CUE.deniedSaying.exec(sentence);
  // "Smith denied the fraud claims": an accusation, not the speaker's words.
  if (denied && !ACCUSATION_HEAD.test(sentence.slice(denied.index + denied[0].split(' ')[0]!.length)))
    return { kind: 'denied', index: denied.index, text: denied[0] };
  const refuted = CUE.contradiction.exec(sentence);
  if (asserted(sentence, refuted)) return { kind: 'contradicted', index: refuted.index, text: refuted[0] };
  return null;
}

/** "the Trump campaign", "A Clinton campaign official", "Clinton’s spokesman": the person whose side speaks. */
const SIDE = /(\p{Lu}[\p{L}-]+)(?:[’']s)?\s+(?:campaign|camp|aides?|spokes(?:man|woman|person)|advisers?|team)\b/gu;

function sideOf(text: string, people: StatementContext['people']): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(SIDE)) {
    const k = knownKey(m[1], people);
    if (k) out.push(k);
  }
  return out;
}

/** The person key of a name when the article's people hold it, else null. */
function knownKey(name: string | undefined, people: StatementContext['people']): string | null {
  const k = name ? personKey(name) : null;
  return k && people.some((p) => p.key === k) ? k : null;
}

/** The known person owning the account right before a cue ({@link CLAIM_OWNER}), else null. */
function claimOwner(before: string, people: StatementContext['people']): string | null {
  return knownKey(CLAIM_OWNER.exec(before)?.[1], people);
}

/** A known person named first after a walk-back cue ("clarified that Clinton misspoke"), else null. */
function personAfterCue(after: string, people: StatementContext['people']): string | null {
  return knownKey(/^\s*(?:that\s+)?(\p{Lu}[\p{L}-]+)\b/u.exec(after)?.[1], people);
}

/** The clause before a cue: from the last clause break ("; ", ": ", ", but "). */
function clauseBefore(text: string): string {
  return text.split(CLAUSE_START).pop() ?? text;
}

/** Sentences looked back over to find who "he"/"she"/"I" is. */
const PRONOUN_LOOKBACK = 2;

/**
 * Who "he", "she" or an unattributed "I" is: the one person named or quoted in the nearest
 * earlier sentence that names or quotes anyone (up to {@link PRONOUN_LOOKBACK} back). Two people
 * there ("Rubio said: 'Why doesn't the media ask Hillary Clinton…'") leave it unresolved: a
 * wrong person would attach the dispute to an undisputed claim.
 */
function pronounPerson(
  ctx: StatementContext,
  sources: readonly StatementSource[],
  index: number,
  exclude: StatementSource | undefined,
): string | null {
  for (let i = index - 1; i >= Math.max(0, index - PRONOUN_LOOKBACK); i--) {
    const s = ctx.sentences[i]!;
    const found = new Set(surnameMentions(s.text, ctx.people).map((n) => n.key));
    for (const a of sources) if (a !== exclude && a.speakerKey && a.start < s.end && s.start < a.end) found.add(a.speakerKey);
    if (found.size === 1) return [...found][0]!;
    if (found.size > 1) return null;
  }
  return null;
}

/**
 * The part of a sentence a dispute is aimed at: after its cue ("never said [he wanted …]") up to
 * the next clause ("claiming without evidence that the race is tied …, and on Monday, he appeared
 * in Grand Rapids, vowing victory in a state …" is not about the Michigan vow), or the whole
 * sentence when little follows.
 */
function objectText(sentence: string, cue: CueHit): string {
  const after = sentence.slice(cue.index + cue.text.length).split(CLAUSE_BREAK)[0] ?? '';
  return contentWords(normalizeQuote(after).words).length >= 3 ? after : sentence.slice(0, cue.index) + after;
}

/**
 * The quotation a dispute's sentence names after its cue as the disputed words ({@link NAMED_AFTER}):
 * a direct or mixed quotation starting later in the same sentence.
 */
function namedAfterCue(
  text: string,
  s: Sentence,
  cueAt: number,
  sources: readonly StatementSource[],
  holder: StatementSource | undefined,
): StatementSource | undefined {
  return sources.find(
    (a) =>
      a !== holder &&
      a.type !== 'indirect' &&
      a.start > cueAt &&
      a.end <= s.end &&
      NAMED_AFTER.test(text.slice(cueAt, openingMark(text, a)).replace(MARKS_AT_END, '')),
  );
}

/** The attribution that ends last, or undefined. */
export function lastEnding(sources: readonly StatementSource[]): StatementSource | undefined {
  return sources.reduce<StatementSource | undefined>((b, a) => (!b || a.end > b.end ? a : b), undefined);
}

/** The last attribution with a named speaker inside sentence `s` that ends before `cueAt`. */
function reportedBefore(s: Sentence, cueAt: number, sources: readonly StatementSource[]): StatementSource | undefined {
  return lastEnding(sources.filter((a) => a.speakerKey && a.start >= s.start && a.end <= cueAt));
}

/**
 * Who disputes, for the evidence: the fact-checker; the one rejecting someone's claim; the speaker
 * of the words holding the cue unless a walk-back or denial is theirs about themselves; else the
 * speaker or their campaign for their own walk-back or denial, and the reporting for the rest.
 */
function disputer(
  ctx: StatementContext,
  s: Sentence,
  cue: CueHit,
  at: { rejecter: string | undefined; holder: StatementSource | undefined; own: boolean; about: ReadonlySet<string> },
): string {
  const { rejecter, holder, own, about } = at;
  if (cue.kind === 'fact_checked_false') return CUE.factCheckSource.exec(s.text)?.[0] ?? 'a fact-checker';
  if (rejecter) return rejecter;
  if (holder?.speakerName && !(own && holder.speakerKey && about.has(holder.speakerKey))) return holder.speakerName;
  if (own) return sideOf(s.text, ctx.people).length ? 'the speaker’s campaign' : 'the speaker';
  return `the reporting (${ctx.outlet})`;
}

/** Where the quoted words of a quotation start: its first opening quotation mark (a mixed quotation's span may begin before it), else its start. */
function openingMark(text: string, a: StatementSource): number {
  const m = OPENING_MARK.exec(text.slice(a.start, a.end));
  return m ? a.start + m.index : a.start;
}

const OPENING_MARK = /[“"‘]|''/u;
/** A quotation's opening marks (and the space before them) when its span starts after them. */
const MARKS_AT_END = /[\s“"‘']+$/u;

/**
 * Finds the sentences of one article that dispute a statement — a fact-check rating, a walk-back
 * or clarification, the speaker saying they never said it, or a report that it is false or
 * unsupported — and records whom each is about (person keys), what it points back at (the
 * nearest earlier statement of that person, for "the comments"/"those statements"), its topic
 * words, and who disputes. Claims link to them in the verdict ({@link statementDisputeLink}).
 */
export function findStatementDisputes(ctx: StatementContext, sources: readonly StatementSource[]): Dispute[] {
  const out: Dispute[] = [];
  const names = nameWordsOf(ctx.people);
  // Start offset of each paragraph, and how many non-blank paragraphs precede it (texts made of
  // paragraphs separated by blank lines count the blank ones as paragraphs).
  const paraStart: number[] = [];
  const filled: number[] = [];
  const filledStarts: number[] = [];
  for (let i = 0, at = 0; i < ctx.paragraphs.length; i++) {
    paraStart.push(at);
    filled.push(filledStarts.length);
    if (ctx.paragraphs[i]!.trim()) filledStarts.push(at);
    at += ctx.paragraphs[i]!.length + 1;
  }
  for (const [index, s] of ctx.sentences.entries()) {
    const cue = disputeCue(s.text);
    if (!cue) continue;
    const cueAt = s.start + cue.index;
    const holder = sources.find((a) => a.start <= cueAt && cueAt < a.end);
    const para = paragraphAt(ctx.paragraphs, s.start);
    const windowStart = filledStarts[Math.max(0, (filled[para] ?? 0) - ANAPHORA_PARAGRAPHS)] ?? paraStart[0] ?? 0;
    const own = cue.kind === 'walked_back' || cue.kind === 'denied';
    // For a refutation said by someone ("Trump said there is no evidence Clinton…") the subject is
    // inside their words; for a walk-back or denial it is the speaker themselves.
    const from = !own && holder ? Math.max(0, holder.start - s.start) : 0;
    const before = clauseBefore(s.text.slice(from, cue.index));
    // "A Clinton campaign official walked back…", "Clinton campaign director Jennifer Palmieri
    // acknowledged that the candidate misspoke": the side speaks for its candidate, not for itself.
    const about = new Set<string>(sideOf(s.text, ctx.people));
    const subject = surnameMentions(before, ctx.people).pop();
    if (subject && !about.size) about.add(subject.key);
    // The account's owner, not the side speaking, is whom the dispute is about: "Cruz spokeswoman
    // Catherine Frazier said … that Rubio's claim that … is “simply not true”". A cue whose object
    // names whom ("Patricia Smith … rejected Clinton’s claim", "Peña Nieto, contradicting Trump,")
    // has the disputer before it ("Doe's spokeswoman rejected …"), so only that object counts.
    const objectNamed = cue.kind === 'contradicted' && OBJECT_NAMES_WHOM.test(cue.text);
    const afterCue = s.text.slice(cue.index + cue.text.length);
    const owner = objectNamed
      ? knownKey(OWNER_AFTER_CUE.exec(afterCue)?.[1], ctx.people)
      : claimOwner(s.text.slice(0, cue.index), ctx.people);
    // A claim named after the verb may be reported speech ("Clinton said the families … were
    // wrong"), and that is the one pointed back at.
    const accountAfter = objectNamed && !!owner;
    // "contradicting Trump,": whom, not which words; the topic ties them.
    const whom = owner ?? (objectNamed ? knownKey(NAME_AFTER_CUE.exec(afterCue)?.[1], ctx.people) : null);
    if (objectNamed && !whom) continue;
    if (whom) {
      about.clear();
      about.add(whom);
    }
    const pronoun = /\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|I)\b/.test(own ? s.text.slice(0, cue.index + cue.text.length) : before);
    // "He later denied…", "She also said, without evidence, …", "“I’ve never said…”".
    const referent = !about.size && pronoun ? pronounPerson(ctx, sources, index, holder) : null;
    // "“I never said that,” Trump said": the speaker of the words holding the cue, when no one
    // else is its subject — unless the extractor's speaker is neither named here nor the one
    // the pronoun points at ("He later walked back his remarks", after a sentence naming Trump
    // and quoting Clinton, was credited to Clinton).
    const named = holder?.speakerKey && surnameMentions(s.text, ctx.people).some((n) => n.key === holder.speakerKey);
    // "“I never said that. …,” Trump said": the "I" inside the words is their speaker.
    const firstPerson =
      !!holder && holder.start <= cueAt && /\b(?:I|I[’']ve|I[’']m|we)\b/.test(ctx.text.slice(holder.start, cueAt));
    if (own && !about.size && holder?.speakerKey && (named || firstPerson || (pronoun ? referent === holder.speakerKey : true)))
      about.add(holder.speakerKey);
    const byPronoun = !about.size && !!referent;
    if (byPronoun) about.add(referent!);
    // "A campaign aide later clarified that Clinton misspoke": the side is unnamed, the person
    // whose words are taken back is named right after the cue.
    const after =
      !about.size && cue.kind === 'walked_back' ? personAfterCue(s.text.slice(cue.index + cue.text.length), ctx.people) : null;
    if (after) about.add(after);
    // Words the sentence names after its cue are what it disputes, and their speaker is whom the
    // extractor resolved with them ("He was challenged over his statement … that “Islam hates us”":
    // the pronoun's guess, the last speaker quoted, was Rubio). When those words have no named
    // speaker, nothing earlier is pointed back at either.
    const namedAfter = namedAfterCue(ctx.text, s, cueAt, sources, holder);
    let antecedent: { start: number; end: number } | undefined;
    // ", a charge that Colorado Republican leaders strongly denied": the report its sentence made
    // before it, whoever speaks after (the leaders, not the front-runner, are named there).
    const reported = APPOSITIVE_DENIAL.test(cue.text) ? reportedBefore(s, cueAt, sources) : undefined;
    if (reported?.speakerKey) {
      about.clear();
      about.add(reported.speakerKey);
      antecedent = { start: reported.start, end: reported.end };
    }
    if (namedAfter?.speakerKey && (byPronoun || !about.size || about.has(namedAfter.speakerKey))) {
      about.clear();
      about.add(namedAfter.speakerKey);
      antecedent = { start: namedAfter.start, end: namedAfter.end };
    }
    if (!namedAfter && !antecedent && (owner || ANAPHOR.test(s.text) || (own && ANAPHOR_SAID.test(s.text)))) {
      const eligible = sources.filter(
        (a) =>
          a !== holder &&
          a.speakerKey &&
          a.end <= cueAt &&
          a.start >= windowStart &&
          !(a.start <= cueAt && cueAt < a.end) &&
          (!about.size || about.has(a.speakerKey)),
      );
      // "the comments" are quoted words: a direct or mixed quotation (an indirect report is
      // often a mis-parse: "(The Trump comments start around the 2:05 mark.)").
      const pick = lastEnding(eligible.filter((a) => a.type !== 'indirect' || accountAfter));
      if (pick) {
        // The remark may be quoted in pieces within its paragraph ("“Ted is a supporter of …,”
        // Rubio said after a campaign stop in South Carolina. “In fact, …”"): the pointer covers them all.
        const para = paragraphAt(ctx.paragraphs, pick.start);
        const first = eligible.find(
          (a) => a.type !== 'indirect' && a.speakerKey === pick.speakerKey && paragraphAt(ctx.paragraphs, a.start) === para,
        );
        antecedent = { start: Math.min(first?.start ?? pick.start, pick.start), end: pick.end };
        if (!about.size && pick.speakerKey) about.add(pick.speakerKey);
      }
    }
    if (!about.size) continue;
    // The one who rejects someone's claim is the verb's subject ("Patricia Smith … rejected").
    const rejecter = accountAfter && subject ? ctx.people.find((p) => p.key === subject.key)?.name : undefined;
    const by = disputer(ctx, s, cue, { rejecter, holder, own, about });
    out.push({
      id: `${ctx.articleId}:${s.start}:${s.end}:statement`,
      kind: 'statement',
      flag: cue.kind,
      articleId: ctx.articleId,
      input: ctx.input,
      start: s.start,
      end: s.end,
      sentence: s.text,
      speaker: { name: by, kind: holder?.speakerName === by || rejecter === by ? 'person' : 'organization' },
      speakerText: by,
      secondHand: false,
      mentions: surnameMentions(s.text, ctx.people).map((n) => n.key),
      accountOf: [],
      generic: !!antecedent,
      words: contentWords(normalizeQuote(s.text).words),
      cue: cue.text,
      cueAt,
      about: [...about],
      ...(antecedent ? { antecedent } : {}),
      topic: topicWords(objectText(s.text, cue), names),
      by,
    });
  }
  return out;
}
