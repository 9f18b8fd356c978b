/**
 * Interrupted quotations: one remark an article quotes in two parts cut by its reporting clause,
 * joined into one excerpt before clustering.
 */
import { GAP, isInterruption, normalizeQuote, plainWords } from './normalize.js';
import { personKey } from './speaker.js';
import type { QuoteItem } from './types.js';

/** Characters of narration an interrupted quotation's reporting clause may take (`,” he said. “`). */
const MAX_INTERRUPTION_CHARS = 140;
/**
 * Words below which a part of an interrupted quotation is no statement on its own ("I'm not
 * changing.", "The bullying,"), so it joins its other part. Two longer parts stay two excerpts:
 * outlets and readers treat them as two statements, and a walk-back of one ("Trump meant people
 * who support the Second Amendment …") must not reach the other ("if she gets to pick her judges,
 * nothing you can do"), which joining all parts did on the cluster dev set.
 */
const MAX_SHORT_PART_WORDS = 7;

/**
 * One remark the article quotes in two parts cut by its reporting clause ("You think I'm going to
 * change?" he said at a news conference last month. "I'm not changing.") becomes one excerpt, the
 * clause a gap inside it ({@link isInterruption}): outlets cut the remark at different places or
 * not at all, and only the whole remark lets their excerpts link. Both parts must be direct
 * quotations of one named person.
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

/** Whether `next` continues `prev`'s direct quotation after only its reporting clause. */
function continuesRemark(prev: QuoteItem, next: QuoteItem, text: string): boolean {
  if (prev.type !== 'direct' || next.type !== 'direct') return false;
  if (next.start <= prev.end || next.start - prev.end > MAX_INTERRUPTION_CHARS) return false;
  const a = prev.speaker.kind === 'person' && prev.speaker.name ? personKey(prev.speaker.name) : null;
  const b = next.speaker.kind === 'person' && next.speaker.name ? personKey(next.speaker.name) : null;
  if (!a || a !== b || !!prev.reportedBy !== !!next.reportedBy) return false;
  if (Math.min(plainWords(prev).length, plainWords(next).length) > MAX_SHORT_PART_WORDS) return false;
  let between = text.slice(prev.end, next.start);
  // The first quotation's span may hold its closing punctuation ("… going to change?").
  if (!/^[,.?!;:\u2014\u2013-]/u.test(between)) between = text[prev.end - 1] + between;
  return isInterruption(between);
}
