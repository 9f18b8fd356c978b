/**
 * Nominal cue: a noun cue owned by a possessive, with its content after "that", "for", "of",
 * "to", "against" or "on" ("Trump's claim that …", "her call for …"). The nouns are in
 * lexicon/noun-cues.ts. A stance frame: the possessive is the source.
 */
import { CAPITALISED_STOPWORDS, NOMINAL_CUES } from '../lexicon/index.js';
import { isPossessive } from '../mentions.js';
import type { Token } from '../sentences.js';
import { isWord } from '../token-tests.js';
import { type FramePattern, makeFrame } from './types.js';

/** "Trump's claim that …". */
export const nominalCue: FramePattern = {
  name: 'nominal cue',
  scope: 'token',
  match({ tokens, A }, i) {
    const t = tokens[i];
    if (!(isWord(t) && NOMINAL_CUES.has(t.lower) && !t.cap && i - 1 >= A)) return undefined;
    const owner = tokens[i - 1] as Token;
    const possessiveName =
      owner.kind === 'w' && owner.cap && isPossessive(owner) && !CAPITALISED_STOPWORDS.has(owner.text.replace(/['’]s?$/, ''));
    const possessivePronoun = owner.kind === 'w' && /^(his|her|their)$/.test(owner.lower);
    const next = tokens[i + 1];
    if (!((possessiveName || possessivePronoun) && next?.kind === 'w' && /^(that|for|of|to|against|on)$/.test(next.lower)))
      return undefined;
    const start =
      next.lower === 'that' || next.lower === 'for' || next.lower === 'of' || next.lower === 'against' || next.lower === 'on'
        ? i + 2
        : i + 1;
    return makeFrame({
      cueA: i,
      cueB: i + 1,
      side: 'left',
      cls: 'stance',
      lemma: t.lower,
      src: { a: i - 1, b: i },
      chunkA: i - 1,
      chunkB: i + 1,
      fwd: start,
      fwdThat: next.lower === 'that',
    });
  },
};
