/**
 * Credit lines under a pull quote: a paragraph that is only a quotation, then a paragraph that is
 * only a name and what the person is ("Mo Elleithee, director of Georgetown University’s Institute
 * of Politics and Public Service."). The name under the quotation is its speaker; continuing the
 * previous speaker instead had given Mo Elleithee's words to Barack Obama (PolNeAR: 7 such credit
 * lines, each quotation credited to the paragraph before).
 */
import type { Attribution, Span } from '@quotecheck/shared';
import { CREDIT_LINE } from './confidence.js';
import { CUE_FORMS, DETERMINERS, PREPOSITIONS, TENSED_AUXILIARIES } from './lexicon/index.js';
import { type MentionInfo, type Phrase, readMention } from './mentions.js';
import type { Sentence, Token } from './sentences.js';
import { spanOf } from './spans.js';
import type { SpeakerRegistry } from './speaker-resolution.js';

/**
 * Dashes that open a signature line under a quotation ("- Hillary Clinton.", "— Sanders."), as
 * fact-check columns credit the remark they check (PolNeAR: 6 such lines, each quotation given to
 * the speaker of the paragraph before, "Democratic lawmakers" for Clinton's "I will certainly
 * look into it").
 */
const CREDIT_DASHES: ReadonlySet<string> = new Set(['-', '\u2013', '\u2014', '\u2015']);
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
 * The credit of the sentence after `sentences[at]` when it is a credit line right under that
 * quotation sentence: the quotation opens its paragraph, and the next paragraph, with nothing but
 * whitespace between, is a capitalised name (after a dash, alone), a comma and a short
 * description, then an optional full stop and closing quote mark, alone in its paragraph. Null
 * otherwise.
 */
export function creditLineAfter(
  text: string,
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  at: number,
): Credit | null {
  const [before, quoted, next, after] = [sentences[at - 1], sentences[at] as Sentence, sentences[at + 1], sentences[at + 2]];
  // A pull quote opens its paragraph; a quotation after its speaker's words ends a quoted speech.
  if (before?.paragraph === quoted.paragraph) return null;
  // The next paragraph: blank lines between are no paragraphs of their own (plain-text files).
  if (!next || next.paragraph <= quoted.paragraph || after?.paragraph === next.paragraph) return null;
  const gap = text.slice((tokens[quoted.b - 1] as Token).e, (tokens[next.a] as Token).s);
  if (gap.trim() !== '' || !gap.includes('\n')) return null;
  const dashed = CREDIT_DASHES.has((tokens[next.a] as Token).text);
  const from = dashed ? next.a + 1 : next.a;
  let n = from;
  while (n < next.b && n - from < MAX_NAME_WORDS && (tokens[n] as Token).kind === 'w' && (tokens[n] as Token).cap) n++;
  let end = next.b;
  while (end > n && ((tokens[end - 1] as Token).kind === 'Q' || /^[."”']$/.test((tokens[end - 1] as Token).text))) end--;
  // Under a dash the name may stand alone ("- Hillary Clinton."); without one it needs its description.
  const bare = dashed && end === n;
  if (n - from < (dashed ? 1 : 2) || (!bare && tokens[n]?.text !== ',')) return null;
  if (!bare && (end - (n + 1) < 1 || end - (n + 1) > MAX_DESCRIPTION_TOKENS)) return null;
  if (!bare && !isDescription(tokens, n + 1, end)) return null;
  const phrase = { a: from, b: n };
  const info = readMention(text, tokens, phrase);
  // A surname alone is a name only under a dash, where the article has named the person before.
  return info.form === 'name' && info.kind === 'person' && (dashed || info.name?.includes(' ')) ? { phrase, info } : null;
}

/**
 * Whether tokens `[a, b)` only describe a person ("director of the Harbour Transport Institute",
 * "the ferry captain, of Dover"): no quotation, speech verb or tensed verb, and after an inner comma
 * a determiner, preposition or capital, never a clause ("the radio host, has even likened Perez
 * to …"; "a bearded veteran of the campaign, waved his hand").
 */
function isDescription(tokens: readonly Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'Q') return false;
    if (t.kind !== 'w' || t.cap) continue;
    if (CUE_FORMS.has(t.lower) || TENSED_AUXILIARIES.has(t.lower)) return false;
    const prev = tokens[k - 1] as Token;
    if (k > a && prev.text === ',' && !DETERMINERS.has(t.lower) && !PREPOSITIONS.has(t.lower) && !/^\d/.test(t.text))
      return false;
  }
  return true;
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
