import type { Speaker } from '@quotecheck/shared/core';
import { CLAUSE_START } from './disputes/cues.js';
import { contentWords, normalizeQuote } from './normalize.js';
import { nameTokens, personKey } from './speaker.js';
import {
  codePointLengthBefore,
  escapeRegExp,
  lastMatchAt,
  lastWholeWord,
  letterAt,
  letterBefore,
  plainSearchString,
  type SentenceIndex,
} from './text.js';
import type { Dispute } from './types.js';

/** Words that call an account false (FNC-1 refuting words and common denial phrasing). */
export const FALSITY =
  /\b(?:(?:blatantly|categorically|patently|completely|totally|demonstrably|absolutely|utterly|simply)\s+)?(?:false|untrue|baseless|groundless|fabricat\w*|made[- ]up|fake news|not true|inaccurate|nonsense|a lie|lies|lying|misrepresent\w*|mischaracteri[sz]\w*|out of context|never said|did not say|didn[’']t say|never told|did not tell|didn[’']t tell|bogus|a hoax|debunked)\b/i;
/** Verbs of denial. */
export const DENY_VERB =
  /\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|disputed|disputes|refuted|refutes|rebuffed|rebutted|contradicted|pushed back on)\b/i;
/** Cues of a speaker's own words said against an account. */
export const CONTRAST_CUE =
  /\b(?:denied|denies|denying|rejected|rejecting|disputed|disputing|insist\w*|countered|countering|dismissed|dismissing|refuted|maintained|maintaining|pushed back|contradicted)\b/i;
/**
 * Nouns for an account of what someone said. Accusations ("allegations", "charges") are not in
 * it: denying an accusation against oneself is not denying that one said the quoted words.
 */
const ACCOUNT =
  '(?:account|accounts|version|claims?|assertions?|characteri[sz]ations?|descriptions?|reports?|reporting|recollection|story|remarks|comments|suggestions?|statements?|quotes?|quotations?)';
const GENERIC_TARGET = new RegExp(`\\b(?:the|these|those|such|that|this|his|her|their|its)\\s+(?:\\w+\\s+)?${ACCOUNT}\\b`, 'i');
const POSSESSIVE_ACCOUNT = new RegExp(`(\\p{Lu}[\\p{L}'-]+)(?:[’']s|[’'])\\s+(?:\\w+\\s+){0,2}${ACCOUNT}\\b`, 'gu');
/** A denial of having said something: "denied saying", "denied ever making the remark". */
const DENIED_SAYING =
  /^\s*(?:ever\s+|that\s+(?:he|she|they|it)\s+(?:had\s+|has\s+|ever\s+)?)?(?:saying|having said|said|making|made|telling|told|using)\b/i;
/** An account noun followed by what it accuses the speaker of ("reports that he took money"). */
const ACCOUNT_OF_DEED = new RegExp(
  `^\\W*(?:[\\w’']+\\W+){0,3}?${ACCOUNT}\\s+(?:[\\w’']+\\s+){0,3}?that\\s+(?!(?:he|she|they)\\s+(?:had\\s+)?(?:said|told|called))`,
  'i',
);
/** An object that starts with an accusation ("denied wrongdoing", "denied the fraud claims"). */
export const ACCUSATION_HEAD =
  /^\W*(?:(?:the|any|all|these|those|such|his|her|their)\s+)?(?:\w+\s+)?(?:wrongdoing|allegations?|accusations?|charges?|involvement|responsibility|guilt|misconduct|(?:fraud|abuse|harassment|assault|corruption|bribery|racism|sexism)\s+(?:claims?|reports?|stories|suggestions?))\b/i;
/** Negation right before a cue: "did not deny", "never disputed", "refused to reject", "was not false". */
const NEGATED = /\b(?:not|n[’']t|never|no|neither|nor|refused to|declined to|without)\s+(?:\w+\s+)?$/i;

/** True when the cue at `index` of `text` is negated ("did not deny"). */
export function isNegated(text: string, index: number): boolean {
  return NEGATED.test(text.slice(Math.max(0, index - 40), index));
}

/**
 * What a denial is aimed at, from its object phrase: an account of someone's words (the
 * possessive owners, or a generic "the account"/"the remarks"), or a denial of having said
 * something. Accusations and reports of deeds are neither.
 */
export function denialTarget(object: string): { accountOf: string[]; generic: boolean } {
  const accountOf = accountOwners(object);
  const deed = ACCOUNT_OF_DEED.test(object) || ACCUSATION_HEAD.test(object);
  const generic = DENIED_SAYING.test(object) || (!deed && GENERIC_TARGET.test(object));
  return { accountOf: deed ? [] : accountOf, generic };
}

/** A person the article names, for mention detection. */
export interface KnownPerson {
  name: string;
  key: string;
}

/** Known people whose surname appears in `text` as a word, with where it last does, in text order. */
export function surnameMentions(
  text: string,
  people: readonly KnownPerson[],
  lastMention: (text: string, word: string) => number = lastWholeWord,
): { key: string; at: number }[] {
  const out: { key: string; at: number }[] = [];
  for (const p of people) {
    const toks = nameTokens(p.name);
    const last = toks[toks.length - 1];
    if (!last || last.length < 2) continue;
    // indexOf, not a pattern built per person per sentence (~0.3 ms per article in a profile).
    const at = lastMention(text, last);
    if (at >= 0) out.push({ key: p.key, at });
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Person keys of the known people whose surname appears in a sentence. */
export function mentionedPeople(sentence: string, people: readonly KnownPerson[]): string[] {
  return [...new Set(surnameMentions(sentence, people).map((m) => m.key))];
}

function accountOwners(sentence: string): string[] {
  const out = new Set<string>();
  for (const m of sentence.matchAll(POSSESSIVE_ACCOUNT)) {
    const k = m[1] ? personKey(m[1]) : null;
    if (k) out.add(k);
  }
  return [...out];
}

/** Input for dispute detection: an attribution already resolved to a speaker. */
export interface DisputeSource {
  start: number;
  end: number;
  cue: string | null;
  sourceText: string | null;
  speaker: Speaker;
  secondHand: boolean;
}

export interface DisputeContext {
  articleId: string;
  input: string;
  text: string;
  sentences: SentenceIndex;
  people: KnownPerson[];
}

function record(
  ctx: DisputeContext,
  kind: Dispute['kind'],
  s: { start: number; end: number; text: string },
  speaker: Speaker,
  speakerText: string,
  secondHand: boolean,
  cue: string,
  object: string,
  content?: { start: number; end: number },
): Dispute {
  const target = denialTarget(object);
  return {
    id: `${ctx.articleId}:${s.start}:${s.end}:${kind}`,
    kind,
    articleId: ctx.articleId,
    input: ctx.input,
    start: s.start,
    end: s.end,
    sentence: s.text,
    speaker,
    speakerText,
    secondHand,
    mentions: mentionedPeople(s.text, ctx.people),
    accountOf: target.accountOf,
    generic: target.generic,
    words: contentWords(normalizeQuote(s.text).words),
    cue,
    target: object,
    ...(content ? { content, quote: ctx.text.slice(content.start, content.end) } : {}),
  };
}

/**
 * Finds the sentences of one article that may dispute claims: attributions whose words call
 * something false or whose cue is a denial verb; sentences where a known person or an office
 * "denied"/"rejected" something without a quote; and a named speaker's first-hand words said
 * against something ("insisting that…").
 */
export function findDisputes(ctx: DisputeContext, attributions: readonly DisputeSource[]): Dispute[] {
  const out = new Map<string, Dispute>();
  const covered = new Set<number>();
  for (const a of attributions) {
    const s = ctx.sentences.span(a.start, a.end);
    const content = ctx.text.slice(a.start, a.end);
    const speakerText = [a.speaker.name, a.speaker.role, a.sourceText].filter(Boolean).join(' | ');
    const falsity = FALSITY.exec(content);
    const denyCue = a.cue ? DENY_VERB.exec(a.cue) : null;
    const cueAt = denyCue ? ctx.text.lastIndexOf(a.cue!, a.start) : -1;
    const negated = falsity
      ? isNegated(content, falsity.index)
      : denyCue && cueAt >= 0
        ? isNegated(ctx.text.slice(s.start, cueAt + denyCue.index), cueAt + denyCue.index - s.start)
        : false;
    if ((falsity || denyCue) && (a.speaker.name || a.sourceText)) {
      if (!negated) {
        const d = record(ctx, 'denial', s, a.speaker, speakerText, a.secondHand, (falsity ?? denyCue)![0], content, {
          start: a.start,
          end: a.end,
        });
        out.set(d.id, d);
      }
      covered.add(s.start);
    }
    if (a.speaker.kind === 'person' && a.speaker.name && !a.secondHand) {
      // The contrast must be the speaker's own act ("Rubio denied…, insisting"), not someone else's
      // in the same sentence ("Trump said Zelenskyy can… if he rejected the proposal").
      const own = a.cue ? CONTRAST_CUE.exec(a.cue) : null;
      const inSentence = own ? null : CONTRAST_CUE.exec(s.text);
      const subject = inSentence ? denierBefore(s.text.slice(0, inSentence.index), ctx.people, false) : null;
      const cue =
        own ?? (subject?.speaker.name && personKey(subject.speaker.name) === personKey(a.speaker.name) ? inSentence : null);
      if (cue) {
        const d = record(ctx, 'contrast', s, a.speaker, speakerText, false, cue[0], s.text, { start: a.start, end: a.end });
        out.set(d.id, d);
      }
    }
  }
  // Denials stated without a quotation: "Rubio denied the assertions", "The ministry rejected the report".
  for (const s of ctx.sentences.sentences) {
    if (covered.has(s.start)) continue;
    const verb = DENY_VERB.exec(s.text);
    const m = verb ?? FALSITY.exec(s.text);
    if (!m || isNegated(s.text, m.index)) continue;
    const before = s.text.slice(0, m.index);
    const subject = denierBefore(before, ctx.people);
    if (!subject) continue;
    // "X denied <object>"; "<object> was false, X said": the object is what the denial is about.
    const object = verb ? s.text.slice(m.index + m[0].length) : before;
    const d = record(ctx, 'denial', s, subject.speaker, subject.text, false, m[0], object);
    out.set(d.id, d);
  }
  return [...out.values()];
}

/**
 * {@link lastMentionAfterNonLetter} with the pattern itself: for words `indexOf` cannot search as
 * a `u` pattern would, and the specification the faster scan is tested against.
 */
export function lastMentionByPattern(text: string, word: string): number {
  return lastMatchAt(text, new RegExp(`(^|[^\\p{L}])${escapeRegExp(word)}(?![\\p{L}’'])`, 'gu'));
}

/**
 * Where the last match of `(^|[^\p{L}])WORD(?![\p{L}’'])` in `text` starts (the character before
 * the word, or 0 at the start), its matches taken left to right, or -1: the offset that pattern
 * gives, found with `indexOf` instead of a pattern built per person per sentence.
 */
export function lastMentionAfterNonLetter(text: string, word: string): number {
  if (!plainSearchString(word)) return lastMentionByPattern(text, word);
  let at = -1;
  // A match takes the character before the word: the next one may not start inside the last.
  let from = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const before = codePointLengthBefore(text, i);
    const start = i - before;
    if (start < from || (before > 0 && letterBefore(text, i))) continue;
    const after = text.charCodeAt(i + word.length);
    if (after === 0x2019 || after === 0x27 || letterAt(text, i + word.length)) continue;
    at = start;
    from = i + word.length;
  }
  return at;
}

/** Words that make a clause's end an office phrase ("the State Department", "a Kremlin spokesman"). */
const OFFICE_WORDS =
  'spokes(?:person|man|woman)|[Oo]ffice|[Dd]epartment|[Mm]inistry|White House|Kremlin|Pentagon|[Gg]overnment|[Ee]mbassy|[Cc]ampaign|press secretary';
/** Any office word: without one, {@link OFFICE_AT_END} cannot match. */
const OFFICE_WORD = new RegExp(OFFICE_WORDS);
/** An office phrase ending a clause: its article (group 1) and the office's name (group 2). */
const OFFICE_AT_END = new RegExp(
  String.raw`((?:[Tt]he|[Aa]n?)\s+)?((?:\p{Lu}[\p{L}.]*\s+|of\s+|for\s+)*(?:${OFFICE_WORDS})(?:\s+(?:of|for)\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*)?)\s*$`,
  'u',
);

/**
 * The subject of a denial verb: the last known person named before it (within 60 characters of
 * the clause's end), or an office phrase ending the clause ("the State Department").
 */
export function denierBefore(
  before: string,
  people: readonly KnownPerson[],
  cutAtSpeech = true,
  lastMention: (text: string, word: string) => number = lastMentionAfterNonLetter,
): { speaker: Speaker; text: string } | null {
  // "X said Y's account was false": the subject is before the speech verb.
  const speech = cutAtSpeech ? /\b(?:said|says|told|added|stated|called|described|wrote|insisted)\b/.exec(before) : null;
  const head = speech ? before.slice(0, speech.index) : before;
  const clause = head.split(CLAUSE_START).pop() ?? head;
  let best: { at: number; p: KnownPerson } | null = null;
  for (const p of people) {
    const toks = nameTokens(p.name);
    const last = toks[toks.length - 1];
    if (!last) continue;
    const at = lastMention(clause, last);
    if (at >= 0 && (!best || at > best.at)) best = { at, p };
  }
  if (best && clause.length - best.at < 60) return { speaker: { name: best.p.name, kind: 'person' }, text: best.p.name };
  // The office pattern tries its leading word group at every offset of the clause: only where
  // one of its office words occurs at all (most clauses have none).
  if (!OFFICE_WORD.test(clause)) return null;
  const office = OFFICE_AT_END.exec(clause.trim());
  if (office?.[2]) return { speaker: { name: office[2].trim(), kind: 'organization' }, text: office[0].trim() };
  return null;
}
