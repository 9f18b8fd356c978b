import { contentWords, normalizeQuote } from '../normalize.js';
import type { Dispute } from '../types.js';
import { lastEnding, type StatementContext, type StatementSource } from './statements.js';

/**
 * A paragraph that is only the reporter's answer to the words quoted right before it, a verb
 * phrase left out: "It didn't." after Trump's "Ford Motor … is going to cancel their deal to go to
 * Mexico"; "She hadn't." after Fiorina's description of a video she said she had seen. A word
 * after the auxiliary makes it a report of its own ("He did not elaborate.").
 */
export const REBUTTAL_PARAGRAPH =
  /^(?:But\s+)?(?:it|he|she|they|that)\s+(?:never\s+did|(?:did|had|was|were|has|have|is|are|does|do|would|will)\s+not|(?:didn|hadn|wasn|weren|hasn|haven|isn|aren|doesn|don|wouldn|won)[’']t)\.$/i;

/**
 * Finds the narrator's one-line rebuttals ({@link REBUTTAL_PARAGRAPH}) and ties each to the last
 * quotation, direct or mixed, with a named speaker in the paragraph right before: that statement
 * is `contradicted` by the reporting. A question is left out: "He didn't." after one is an answer,
 * not a rebuttal. Over the 1,008 PolNeAR texts and the 431 pages two paragraphs are such
 * rebuttals, both in one fact-check of candidates "caught fibbing"; the other short negations
 * ("He did not.", "It hasn't.") follow narration or sit inside a quotation.
 */
export function findRebuttals(ctx: StatementContext, sources: readonly StatementSource[]): Dispute[] {
  const out: Dispute[] = [];
  // The text range of the last paragraph with words in it, before the one read.
  let before: { start: number; end: number } | null = null;
  for (let i = 0, start = 0; i < ctx.paragraphs.length; start += ctx.paragraphs[i]!.length + 1, i++) {
    const paragraph = ctx.paragraphs[i]!;
    const body = paragraph.trim();
    if (!body) continue;
    const previous = before;
    before = { start, end: start + paragraph.length };
    if (!previous || !REBUTTAL_PARAGRAPH.test(body)) continue;
    const quoted = sources.filter(
      (a) => a.type !== 'indirect' && a.speakerKey && a.start >= previous.start && a.start <= previous.end,
    );
    const last = lastEnding(quoted);
    if (!last?.speakerKey || /\?[\s”"’']*$/u.test(ctx.text.slice(last.start, last.end))) continue;
    // The remark may be quoted in pieces around its reporting clause: the pointer covers them all.
    const first = quoted.find((a) => a.speakerKey === last.speakerKey) ?? last;
    const sentenceStart = start + paragraph.indexOf(body);
    const by = `the reporting (${ctx.outlet})`;
    out.push({
      id: `${ctx.articleId}:${sentenceStart}:${sentenceStart + body.length}:statement`,
      kind: 'statement',
      flag: 'contradicted',
      articleId: ctx.articleId,
      input: ctx.input,
      start: sentenceStart,
      end: sentenceStart + body.length,
      sentence: body,
      speaker: { name: by, kind: 'organization' },
      speakerText: by,
      secondHand: false,
      mentions: [],
      accountOf: [],
      generic: true,
      words: contentWords(normalizeQuote(body).words),
      cue: body,
      cueAt: sentenceStart,
      about: [last.speakerKey],
      antecedent: { start: first.start, end: last.end },
      topic: [],
      by,
    });
  }
  return out;
}
