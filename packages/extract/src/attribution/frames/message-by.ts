/**
 * A message named with its author, announced by a colon that closes the paragraph: "the website
 * rated this statement by Trump on June 11:", "here is the full statement from the Clinton
 * campaign:". Its words are the quotation opening the next paragraph (attribution/index.ts takes
 * it, as for "X said:"). The source is the phrase after "by" or "from". Before, such a quotation
 * had no frame and was credited to nobody, and a fact-check's "his comments were rated false"
 * further on fell to the quotation before it, another person's (PolNeAR dev: Sanders's
 * "51 percent" drew the rating of Trump's "59 percent").
 */
import { MESSAGE_NOUNS, MESSAGE_POINTING_DETERMINERS, PREPOSITIONS, TIME_WORDS } from '../lexicon/index.js';
import { phraseStartingAt, readMention } from '../mentions.js';
import type { Token } from '../sentences.js';
import { sourceFits } from '../sources/fit.js';
import { endsOnColon, isWord } from '../token-tests.js';
import { type FramePattern, makeFrame } from './types.js';

/** At most this many tokens of time phrase between the author and the colon ("on June 11, 2016"). */
const MAX_TIME_TOKENS = 5;

/** Tokens `[a, b)` are only a time phrase ("on June 11", "last week", "Tuesday"), or nothing. */
function onlyTime(tokens: readonly Token[], a: number, b: number): boolean {
  if (b - a > MAX_TIME_TOKENS) return false;
  for (let k = a; k < b; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'p' && t.text === ',') continue;
    if (!isWord(t)) return false;
    if (!(TIME_WORDS.has(t.lower) || /^\d{1,4}(st|nd|rd|th)?$/.test(t.lower) || (PREPOSITIONS.has(t.lower) && !t.cap)))
      return false;
  }
  return true;
}

/** "this statement by Trump on June 11:" closing its sentence. */
export const messageBy: FramePattern = {
  name: 'message by',
  scope: 'token',
  match(s, i) {
    const { tokens, B } = s;
    const noun = tokens[i];
    if (!(isWord(noun) && !noun.cap && MESSAGE_NOUNS.has(noun.lower) && endsOnColon(tokens, B))) return undefined;
    const by = tokens[i + 1];
    if (
      !(isWord(by) && (by.lower === 'by' || by.lower === 'from') && MESSAGE_POINTING_DETERMINERS.has(tokens[i - 1]?.lower ?? ''))
    )
      return undefined;
    const src = phraseStartingAt(tokens, i + 2, B - 1);
    if (!src || !onlyTime(tokens, src.b, B - 1)) return undefined;
    const info = readMention(s.text, tokens, src);
    if (info.form === 'pronoun' || info.kind === 'document' || !sourceFits(info, 'speech', 'say')) return undefined;
    return makeFrame({
      cueA: i,
      cueB: i + 2,
      side: 'by',
      cls: 'speech',
      lemma: 'say',
      src,
      srcInfo: info,
      chunkA: i,
      chunkB: src.b,
      fwd: -1,
      fwdThat: false,
    });
  },
};
