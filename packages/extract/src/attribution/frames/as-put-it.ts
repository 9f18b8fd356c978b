/**
 * As-X-put-it: "…, as The New Yorker put it, “the operator.”" and "… a “lawful source of
 * income,” as a Homeland Security memo put it.", and a sentence-opening "As X said, …" The source is the noun phrase between "as" and
 * "put it"; the content is the quotation after it when one follows (past a short phrase: "put it
 * in a lengthy exposé,"), else the clause before it, as with "according to".
 * PolNeAR dev: 2 direct misses were such credits, which had no frame at all.
 */
import { AS_CREDIT_VERBS } from '../lexicon/index.js';
import { isAppositive, phraseStartingAt, readMention } from '../mentions.js';
import type { Token } from '../sentences.js';
import { isWord } from '../token-tests.js';
import { cueAt } from './cue-reading.js';
import { type FramePattern, makeFrame } from './types.js';

/** At most this many tokens between "put it" and the comma before a following quotation. */
const MAX_PHRASE_AFTER_PUT_IT = 8;

/** The quotation token after "put it" (past a comma and maybe a short phrase before it), or -1. */
function quotationAfter(tokens: readonly Token[], k: number, end: number): number {
  for (let m = k; m < end && m - k <= MAX_PHRASE_AFTER_PUT_IT; m++) {
    const t = tokens[m] as Token;
    if (t.kind === 'Q') return tokens[m - 1]?.text === ',' || tokens[m - 1]?.text === ':' ? m : -1;
    if (t.kind === 'p' && t.text !== ',' && t.text !== ':') return -1;
  }
  return -1;
}

/** Particles a speech verb of an as-clause may take ("as Ryan has pointed out"). */
const AS_CLAUSE_PARTICLES = new Set(['out']);

/**
 * "As House Speaker Paul Ryan has pointed out, that’s the “textbook definition” of racism": a
 * crediting verb (after "has"/"had" at most, with "out" at most) that closes a sentence-opening
 * as-clause at a comma credits the clause after it, as "as X put it" does. The cue's span
 * [from, to), or null (PolNeAR train: a labelled statement's only occurrence in one article had
 * no attribution).
 */
function speechVerbClosing(tokens: readonly Token[], k: number): [number, number] | null {
  let v = k;
  if (/^(has|had|have)$/.test(tokens[v]?.lower ?? '')) v++;
  const form = cueAt(tokens, v);
  const t = tokens[v] as Token | undefined;
  // An inflected crediting verb only: "As a general rule," is no credit.
  if (!form || !t || !AS_CREDIT_VERBS.has(form.lemma) || form.gerund || t.lower === form.lemma) return null;
  let b = v + 1;
  if (AS_CLAUSE_PARTICLES.has(tokens[b]?.lower ?? '')) b++;
  return tokens[b]?.text === ',' ? [v, b] : null;
}

/** The token after a short parenthesis opening at `k` ("Paul Ryan (R-Wis.) said"), else k. */
function afterParenthesis(tokens: readonly Token[], k: number, end: number): number {
  if (tokens[k]?.text !== '(') return k;
  for (let m = k + 1; m < end && m - k < 8; m++) if (tokens[m]?.text === ')') return m + 1;
  return k;
}

/** At most this many tokens in a description between the source and "put it". */
const MAX_APPOSITIVE_TOKENS = 20;

/**
 * The token after a comma-delimited description of the source ("As Akhil Amar, professor of
 * constitutional law at Yale and author of ''America's Unwritten Constitution,'' put it,"; the
 * closing comma may sit inside a closing quotation mark), else k. PolNeAR train: that sentence,
 * printed by two outlets, had no attribution.
 */
function afterAppositive(tokens: readonly Token[], k: number, end: number): number {
  if (tokens[k]?.text !== ',') return k;
  for (let m = k + 1; m < end && m - k <= MAX_APPOSITIVE_TOKENS; m++) {
    const t = tokens[m] as Token;
    if (t.text === ',') return isAppositive(tokens, k + 1, m) ? m + 1 : k;
    // A quotation is one token: a title closing the description holds its comma.
    if (t.kind === 'Q' && /,\s*$/.test(t.text)) return isAppositive(tokens, k + 1, m + 1) ? m + 1 : k;
  }
  return k;
}

/** "as X put it", "as X said". */
export const asPutIt: FramePattern = {
  name: 'as X put it',
  scope: 'token',
  match({ text, tokens, A, B }, i) {
    const t = tokens[i];
    if (!(isWord(t) && t.lower === 'as' && (!t.cap || i === A))) return undefined;
    const np = phraseStartingAt(tokens, i + 1, B);
    if (!np) return undefined;
    const afterSource = afterAppositive(tokens, np.b, B);
    const put = tokens[afterSource];
    let cueA = afterSource;
    let cueB: number;
    if (put?.kind === 'w' && /^(put|puts)$/.test(put.lower) && tokens[afterSource + 1]?.lower === 'it') {
      cueB = afterSource + 2;
      // "put it to a vote" is no credit: after "put it" only punctuation or a place/time phrase
      const after = tokens[cueB];
      if (after && after.kind === 'w' && !/^(in|on|at|during|recently|once|last|this)$/.test(after.lower)) return undefined;
    } else {
      // A sentence closing on a colon introduces the words after it, which the verb's reading of
      // the sentence credits ("As Breitbart News reported, even on Friday …, the White House was
      // refusing …:" and an excerpt of that report after it).
      const introduces = tokens[B - 1]?.text === ':';
      const said = i === A && !introduces ? speechVerbClosing(tokens, afterParenthesis(tokens, afterSource, B)) : null;
      if (!said) return undefined;
      [cueA, cueB] = said;
    }
    const q = quotationAfter(tokens, cueB, B);
    return makeFrame({
      cueA,
      cueB,
      side: q >= 0 ? 'left' : 'according',
      cls: 'speech',
      lemma: 'put',
      src: np,
      srcInfo: readMention(text, tokens, np),
      chunkA: i,
      chunkB: cueB,
      fwd: q,
      fwdThat: false,
    });
  },
};
