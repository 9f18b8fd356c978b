/**
 * Nominal cue: a noun cue owned by a possessive, with its content after "that", "for", "of",
 * "to", "against" or "on" ("Trump's claim that …", "her call for …"). The nouns are in
 * lexicon/noun-cues.ts. A stance frame: the possessive is the source.
 */
import { CAPITALISED_STOPWORDS, isClosedClass, NOMINAL_CUES, TIME_WORDS } from '../lexicon/index.js';
import { isPossessive, isPossessiveApostrophe } from '../mentions.js';
import type { Token } from '../sentences.js';
import { isWord } from '../token-tests.js';
import { type FramePattern, makeFrame } from './types.js';

/**
 * How many modifiers stand between a possessive and its noun cue: up to two time words or
 * lower-case adjectives ("her March comment that", "his earlier claim that"). Requiring the
 * owner right before the noun missed "her March comment that, “…”" (cluster dev set: 1).
 */
function modifiersBefore(tokens: readonly Token[], i: number, A: number): number {
  let n = 0;
  while (n < MAX_NOMINAL_MODIFIERS && i - 2 - n >= A) {
    const m = tokens[i - 1 - n] as Token;
    const isModifier = m.kind === 'w' && !isPossessive(m) && (m.cap ? TIME_WORDS.has(m.lower) : !isClosedClass(m.lower));
    if (!isModifier) break;
    n++;
    const o = tokens[i - 1 - n] as Token;
    if (o.kind === 'w' && (/^(his|her|their)$/.test(o.lower) || (o.cap && isPossessive(o)))) return n;
  }
  return 0;
}

/** At most this many modifiers between a possessive and its noun cue. */
const MAX_NOMINAL_MODIFIERS = 2;

/** "Trump's claim that …". */
export const nominalCue: FramePattern = {
  name: 'nominal cue',
  scope: 'token',
  match({ tokens, A }, i) {
    const t = tokens[i];
    if (!(isWord(t) && NOMINAL_CUES.has(t.lower) && !t.cap && i - 1 >= A)) return undefined;
    // "Sanders' charge that …": the bare apostrophe of a possessive in -s is a token of its own.
    const apostrophe = isPossessiveApostrophe(tokens, i - 1) && i - 2 >= A ? 1 : 0;
    const between = apostrophe ? 0 : modifiersBefore(tokens, i, A);
    const owner = tokens[i - 1 - between - apostrophe] as Token;
    const possessiveName =
      owner.kind === 'w' &&
      owner.cap &&
      (apostrophe === 1 || isPossessive(owner)) &&
      !CAPITALISED_STOPWORDS.has(owner.text.replace(/['’]s?$/, ''));
    const possessivePronoun = owner.kind === 'w' && /^(his|her|their)$/.test(owner.lower);
    // "his comment Monday that “Islam hates us”": a day or date between the noun and its "that".
    const dated = isWord(tokens[i + 1]) && TIME_WORDS.has((tokens[i + 1] as Token).lower) && tokens[i + 2]?.lower === 'that';
    const k = dated ? i + 2 : i + 1;
    const next = tokens[k];
    if (!((possessiveName || possessivePronoun) && next?.kind === 'w' && /^(that|for|of|to|against|on)$/.test(next.lower)))
      return undefined;
    // With words between owner and noun only "that" marks reported content ("her March comment that")
    if (between > 0 && next.lower !== 'that') return undefined;
    const start =
      next.lower === 'that' || next.lower === 'for' || next.lower === 'of' || next.lower === 'against' || next.lower === 'on'
        ? k + 1
        : k;
    return makeFrame({
      cueA: i,
      cueB: i + 1,
      side: 'left',
      cls: 'stance',
      lemma: t.lower,
      src: { a: i - 1 - between - apostrophe, b: i - between - apostrophe },
      chunkA: i - 1 - between - apostrophe,
      chunkB: k,
      fwd: start,
      fwdThat: next.lower === 'that',
    });
  },
};
