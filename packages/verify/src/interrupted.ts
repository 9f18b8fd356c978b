/**
 * Interrupted quotations: one remark an article quotes in two parts cut by its reporting clause, or
 * continued with what the speaker "added", joined into one excerpt before clustering.
 */
import { GAP, isInterruption, normalizeQuote, plainWords } from './normalize.js';
import { speakerKey } from './speaker.js';
import { splitSentences } from './text.js';
import type { QuoteItem } from './types.js';

/** Characters of narration an interrupted quotation's reporting clause may take (`,” he said. “`). */
const MAX_INTERRUPTION_CHARS = 140;
/**
 * Words below which a part of an interrupted quotation is no statement on its own ("I'm not
 * changing.", "The bullying,"): it joins its other part across any reporting narration. Two longer
 * parts join only across a bare reporting clause in one paragraph ({@link isBareReportingClause}):
 * "“I know that a lot of people find appeal in the things Donald says …,” Mr. Rubio said. “The
 * problem is presidents can't just say anything they want …”" is one remark, which another outlet
 * printed as "“Trump says the things people want to say,” Rubio said. “But presidents can't just
 * say anything they want. …”" (a statement is one remark however outlets cut it; held-out cluster
 * set: pairs 44 -> 51/58). A walk-back of one part then reaches the whole remark: Trump's "Hillary
 * wants to abolish … the Second Amendment. … if she gets to pick her judges, nothing you can do,
 * folks," and "Although the Second Amendment people, maybe there is" are one claim, walked back.
 */
const MAX_SHORT_PART_WORDS = 7;

/**
 * One remark the article quotes in two parts cut by its reporting clause ("You think I'm going to
 * change?" he said at a news conference last month. "I'm not changing.") becomes one excerpt, the
 * clause a gap inside it ({@link isInterruption}): outlets cut the remark at different places or
 * not at all, and only the whole remark lets their excerpts link. Both parts must be direct
 * quotations of one named person or organisation, or the second what that speaker "added"
 * ({@link addsToRemark}).
 */
export function joinInterruptedQuotations(items: QuoteItem[], text: string): QuoteItem[] {
  const out: QuoteItem[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    if (prev && continuesRemark(prev, item, text)) {
      // The reporting clause is the writer's, not the speaker's: an ellipsis stands for it.
      const joined = `${prev.text} ${GAP} ${item.text}`;
      const norm = normalizeQuote(joined);
      out[out.length - 1] = {
        ...prev,
        end: item.end,
        text: joined,
        // The sentence most of the remark sits in: where its topic and its speaker's name are read.
        sentence: plainWords(item).length > plainWords(prev).length ? item.sentence : prev.sentence,
        words: norm.words,
        raw: norm.raw,
        norm: norm.text,
        ...(prev.confidence !== undefined && item.confidence !== undefined
          ? { confidence: Math.min(prev.confidence, item.confidence) }
          : {}),
      };
    } else out.push(item);
  }
  return out;
}

/**
 * Words of narration between two long parts of one remark: a bare reporting clause ("Mr. Rubio
 * said", "he said at a news conference last month"). More narration ("she added, and said the
 * state would borrow for it. On policing, Alder said:") moves on to another statement.
 */
const MAX_CLAUSE_WORDS = 8;
/**
 * Words a reporting clause of one sentence may take with the speaker's description or the
 * occasion ("said Steve Smith, a veteran newspaper editor who teaches journalism at the University
 * of Idaho", "Rubio said after a campaign stop in South Carolina"). Over the 1,008 PolNeAR texts
 * 208 excerpts now hold more of their remark (27 read, each one remark); a sentence of narration
 * between two parts ("… Obama said after meeting with Russian President Vladimir Putin. He didn't
 * suggest retaliation. “…") still keeps them apart.
 */
const MAX_DESCRIBED_CLAUSE_WORDS = 16;

/**
 * Whether the text between two quotations is a bare reporting clause inside one paragraph: at most
 * {@link MAX_CLAUSE_WORDS} words, or one sentence of at most {@link MAX_DESCRIBED_CLAUSE_WORDS}.
 */
function isBareReportingClause(between: string): boolean {
  if (between.includes('\n')) return false;
  const words = between.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu) ?? [];
  if (words.length <= MAX_CLAUSE_WORDS) return true;
  if (words.length > MAX_DESCRIBED_CLAUSE_WORDS) return false;
  // Only the narration: from after the first quotation's closing mark to before the second's opening one.
  const narration = between.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[.!?,:;]?\s*(?:“|"|'')\s*$/u, '');
  // One sentence, by the one sentence splitter (titles and initials are no sentence end: "the Rev.", "D-Minn.").
  return splitSentences(narration).length <= 1;
}

/** The key of a quotation's named speaker, a person or an organisation ("the group said" of a foundation); null for anyone else. */
function namedKey(item: QuoteItem): string | null {
  return item.speaker.kind === 'person' || item.speaker.kind === 'organization' ? speakerKey(item.speaker) : null;
}

/**
 * Reporting verbs that carry on the speaker's last remark ("“…,” he added", "He adds that …", "“…,”
 * she continued"). "continued" joined 37 more excerpts over the 1,008 PolNeAR texts, 12 read, each
 * the same speech or answer.
 */
const CONTINUATION_CUES = /^(?:adds?|added|adding|continues|continued|continuing)$/iu;
/** Characters between a remark and the quotation that adds to it (a paragraph break at most). */
const MAX_CONTINUATION_CHARS = 200;

/**
 * Whether `next` adds to `prev` by the same speaker: quoted words (direct or inside reported
 * speech) whose cue is "add", right after it, in the same or the next paragraph. "“There should be
 * a lot of systems, beyond databases,” the businessman replied. …" then "“I would certainly
 * implement that, absolutely,” he added." is one answer; "He says, “Here's a guy, honestly, if he
 * weren't in government…you wouldn't hire him to do anything.”" then "He adds that Bush is “like
 * a spoiled child”" one attack (second held-out cluster set: 4 pairs).
 */
function addsToRemark(prev: QuoteItem, next: QuoteItem, text: string): boolean {
  if (!next.cue || !CONTINUATION_CUES.test(next.cue.trim())) return false;
  // The remark carried on is the speaker's own words: a fragment of the writer's account before it
  // ("Rounds said he had been assured that the plan was presented … by “someone … representing
  // Russia”. The senator continued: “It is not our recommendation. …”") is what he says he was
  // told, and a denial of that account must still reach it.
  if (prev.type !== 'direct' || next.type === 'indirect') return false;
  if (next.start <= prev.end || next.start - prev.end > MAX_CONTINUATION_CHARS) return false;
  const a = namedKey(prev);
  if (!a || a !== namedKey(next) || !!prev.reportedBy !== !!next.reportedBy) return false;
  // Another fragment of the same sentence is not added to it: in "He added that … the danger had
  // increased ''a couple clicks'' because of Mr. Trump's remarks, which have included the suggestion
  // that President Obama was the ''founder'' of the Islamic State", "founder" is Trump's word.
  const lastPart = prev.text.split(` ${GAP} `).at(-1) ?? prev.text;
  if (next.sentence.includes(lastPart)) return false;
  return text.slice(prev.end, next.start).split(/\n\s*/u).length <= 2;
}

/** Whether `next` continues `prev`'s remark: after only its reporting clause, or adding to it ({@link addsToRemark}). */
function continuesRemark(prev: QuoteItem, next: QuoteItem, text: string): boolean {
  return interruptedBy(prev, next, text) || addsToRemark(prev, next, text);
}

/** Whether `next` continues `prev`'s direct quotation after only its reporting clause. */
function interruptedBy(prev: QuoteItem, next: QuoteItem, text: string): boolean {
  if (prev.type !== 'direct' || next.type !== 'direct') return false;
  if (next.start <= prev.end || next.start - prev.end > MAX_INTERRUPTION_CHARS) return false;
  const a = namedKey(prev);
  const b = namedKey(next);
  if (!a || a !== b || !!prev.reportedBy !== !!next.reportedBy) return false;
  let between = text.slice(prev.end, next.start);
  const long = Math.min(plainWords(prev).length, plainWords(next).length) > MAX_SHORT_PART_WORDS;
  if (long && !isBareReportingClause(between)) return false;
  // The first quotation's span may hold its closing punctuation ("… going to change?").
  if (!/^[,.?!;:\u2014\u2013-]/u.test(between)) between = text[prev.end - 1] + between;
  return isInterruption(between);
}
