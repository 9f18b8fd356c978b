import type { Speaker } from '@quotecheck/shared';
import { contentWords, normalizeQuote } from './normalize.js';
import { nameTokens, personKey } from './speaker.js';
import type { SentenceIndex } from './text.js';
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
/** Nouns for an account of what someone said. */
const ACCOUNT =
  '(?:account|accounts|version|claims?|assertions?|characteri[sz]ations?|descriptions?|reports?|reporting|recollection|story|remarks|comments|allegations?|suggestions?|statements?)';
const GENERIC_TARGET = new RegExp(`\\b(?:the|these|those|such|that|this|his|her|their|its)\\s+(?:\\w+\\s+)?${ACCOUNT}\\b`, 'i');
const POSSESSIVE_ACCOUNT = new RegExp(`(\\p{Lu}[\\p{L}'-]+)(?:[’']s|[’'])\\s+(?:\\w+\\s+){0,2}${ACCOUNT}\\b`, 'gu');

/** A person the article names, for mention detection. */
export interface KnownPerson {
  name: string;
  key: string;
}

/** Person keys of the known people whose surname appears in a sentence. */
export function mentionedPeople(sentence: string, people: readonly KnownPerson[]): string[] {
  const out = new Set<string>();
  for (const p of people) {
    const toks = nameTokens(p.name);
    const last = toks[toks.length - 1];
    if (last && last.length > 1 && new RegExp(`(^|[^\\p{L}])${escapeRe(last)}(?![\\p{L}])`, 'u').test(sentence)) out.add(p.key);
  }
  return [...out];
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
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
  content?: { start: number; end: number },
): Dispute {
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
    accountOf: accountOwners(s.text),
    generic: GENERIC_TARGET.test(s.text),
    words: contentWords(normalizeQuote(s.text).words),
    cue,
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
    if ((falsity || denyCue) && (a.speaker.name || a.sourceText)) {
      const d = record(ctx, 'denial', s, a.speaker, speakerText, a.secondHand, (falsity ?? denyCue)![0], {
        start: a.start,
        end: a.end,
      });
      out.set(d.id, d);
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
        const d = record(ctx, 'contrast', s, a.speaker, speakerText, false, cue[0], { start: a.start, end: a.end });
        out.set(d.id, d);
      }
    }
  }
  // Denials stated without a quotation: "Rubio denied the assertions", "The ministry rejected the report".
  for (const s of ctx.sentences.sentences) {
    if (covered.has(s.start)) continue;
    const m = DENY_VERB.exec(s.text) ?? FALSITY.exec(s.text);
    if (!m) continue;
    const before = s.text.slice(0, m.index);
    const subject = denierBefore(before, ctx.people);
    if (!subject) continue;
    const d = record(ctx, 'denial', s, subject.speaker, subject.text, false, m[0]);
    out.set(d.id, d);
  }
  return [...out.values()];
}

/** The subject of a denial verb: the last known person named before it, or an office phrase. */
function denierBefore(
  before: string,
  people: readonly KnownPerson[],
  cutAtSpeech = true,
): { speaker: Speaker; text: string } | null {
  // "X said Y's account was false": the subject is before the speech verb.
  const speech = cutAtSpeech ? /\b(?:said|says|told|added|stated|called|described|wrote|insisted)\b/.exec(before) : null;
  const head = speech ? before.slice(0, speech.index) : before;
  const clause = head.split(/[;:]|,\s*(?:but|while|and)\s/).pop() ?? head;
  let best: { at: number; p: KnownPerson } | null = null;
  for (const p of people) {
    const toks = nameTokens(p.name);
    const last = toks[toks.length - 1];
    if (!last) continue;
    const re = new RegExp(`(^|[^\\p{L}])${escapeRe(last)}(?![\\p{L}’'])`, 'gu');
    for (const m of clause.matchAll(re)) {
      if (!best || m.index > best.at) best = { at: m.index, p };
    }
  }
  if (best && clause.length - best.at < 60) return { speaker: { name: best.p.name, kind: 'person' }, text: best.p.name };
  const office =
    /((?:[Tt]he|[Aa]n?)\s+)?((?:\p{Lu}[\p{L}.]*\s+|of\s+|for\s+)*(?:spokes(?:person|man|woman)|[Oo]ffice|[Dd]epartment|[Mm]inistry|White House|Kremlin|Pentagon|[Gg]overnment|[Ee]mbassy|[Cc]ampaign|press secretary)(?:\s+(?:of|for)\s+\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)*)?)\s*$/u.exec(
      clause.trim(),
    );
  if (office?.[2]) return { speaker: { name: office[2].trim(), kind: 'organization' }, text: office[0].trim() };
  return null;
}
