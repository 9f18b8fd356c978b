/**
 * Credit lines under a pull quote: a paragraph that is only a quotation, then a paragraph that is
 * only a name and what the person is ("Mo Elleithee, director of Georgetown University’s Institute
 * of Politics and Public Service."). The name under the quotation is its speaker; continuing the
 * previous speaker instead had given Mo Elleithee's words to Barack Obama (PolNeAR: 7 such credit
 * lines, each quotation credited to the paragraph before).
 */
import type { Attribution, Span } from '@quotecheck/shared';
import { CREDIT_LINE } from './confidence.js';
import { CUE_FORMS } from './lexicon/index.js';
import { type MentionInfo, type Phrase, readMention } from './mentions.js';
import type { Sentence, Token } from './sentences.js';
import { spanOf } from './spans.js';
import type { SpeakerRegistry } from './speaker-resolution.js';

/** Words a credit line's name has at most ("Robert John Dougherty III"). */
const MAX_NAME_WORDS = 4;
/** Tokens the description after the name's comma has at most. */
const MAX_DESCRIPTION_TOKENS = 20;

/** The person a credit line names, with the phrase of the name. */
export interface Credit {
  phrase: Phrase;
  info: MentionInfo;
}

/**
 * The credit of sentence `next` when it is a credit line right under the quotation sentence
 * `quoted`: the next paragraph, with nothing but whitespace between, made of a capitalised name,
 * a comma, a short description without a speech verb, then an optional full stop and closing
 * quote mark, and alone in its paragraph. Null otherwise.
 */
export function creditLineAfter(
  text: string,
  tokens: readonly Token[],
  quoted: Sentence,
  next: Sentence | undefined,
  after: Sentence | undefined,
): Credit | null {
  if (!next || next.paragraph !== quoted.paragraph + 1 || after?.paragraph === next.paragraph) return null;
  const gap = text.slice((tokens[quoted.b - 1] as Token).e, (tokens[next.a] as Token).s);
  if (gap.trim() !== '' || !gap.includes('\n')) return null;
  let n = next.a;
  while (n < next.b && n - next.a < MAX_NAME_WORDS && (tokens[n] as Token).kind === 'w' && (tokens[n] as Token).cap) n++;
  if (n - next.a < 2 || tokens[n]?.text !== ',') return null;
  let end = next.b;
  while (end > n && ((tokens[end - 1] as Token).kind === 'Q' || /^[."”']$/.test((tokens[end - 1] as Token).text))) end--;
  if (end - (n + 1) < 1 || end - (n + 1) > MAX_DESCRIPTION_TOKENS) return null;
  for (let k = n + 1; k < end; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'Q' || (t.kind === 'w' && !t.cap && CUE_FORMS.has(t.lower))) return null;
  }
  const phrase = { a: next.a, b: n };
  const info = readMention(text, tokens, phrase);
  return info.form === 'name' && info.kind === 'person' && info.name?.includes(' ') ? { phrase, info } : null;
}

/** The pull quote's attribution to the name its credit line gives (no cue: the line has none). */
export function creditedQuotation(
  text: string,
  tokens: readonly Token[],
  registry: SpeakerRegistry,
  credit: Credit,
  content: Span,
  paragraph: number,
): Attribution {
  const pos = (tokens[credit.phrase.a] as Token).s;
  return {
    type: 'direct',
    content,
    cue: null,
    source: spanOf(text, pos, (tokens[credit.phrase.b - 1] as Token).e),
    speaker: registry.resolve(credit.info, pos).speaker,
    paragraph,
    confidence: CREDIT_LINE,
  };
}
