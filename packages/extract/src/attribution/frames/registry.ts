/**
 * The reporting-frame registry: every frame pattern, in precedence order, and the finder that
 * tries them over one sentence. The sentence pattern runs first; then at each token the token
 * patterns are tried in order, and where a cue verb is read, the cue patterns in order; the first
 * pattern that claims a token (with a frame or without) ends the search there.
 * To add a frame: write it in its own file in this folder (see types.ts for the interface) and
 * put it in FRAME_PATTERNS where its precedence lies.
 */

import { assignRegions } from '../regions/index.js';
import type { Sentence } from '../sentences.js';
import { accordingTo } from './according-to.js';
import { asPutIt } from './as-put-it.js';
import { colonCredit } from './colon-credit.js';
import { readCue } from './cue-reading.js';
import { dashCredit } from './dash-credit.js';
import { invertedLeadCue } from './inverted-lead-cue.js';
import { messageBy } from './message-by.js';
import { messageFrame, messageGerund } from './message-frame.js';
import { nominalCue } from './nominal-cue.js';
import { otherPassive } from './other-passive.js';
import { passiveBy } from './passive-by.js';
import { quotedAs } from './quoted-as.js';
import { relayedQuote } from './relayed-quote.js';
import type { CueReading, Frame, FrameContext, FramePattern, Match, Scan } from './types.js';
import { verbFrame } from './verb-frame.js';

/** Every frame pattern; the order is the precedence (sentence, then token, then cue scope). */
export const FRAME_PATTERNS: readonly FramePattern[] = [
  invertedLeadCue,
  colonCredit,
  dashCredit,
  accordingTo,
  asPutIt,
  nominalCue,
  messageFrame,
  messageBy,
  passiveBy,
  quotedAs,
  otherPassive,
  relayedQuote,
  messageGerund,
  verbFrame,
];

type Scoped<S extends FramePattern['scope']> = Extract<FramePattern, { scope: S }>;
const inScope = <S extends FramePattern['scope']>(scope: S): Scoped<S>[] =>
  FRAME_PATTERNS.filter((p): p is Scoped<S> => p.scope === scope);
const SENTENCE_PATTERNS = inScope('sentence');
const TOKEN_PATTERNS = inScope('token');
const CUE_PATTERNS = inScope('cue');

/** Tries patterns in order; true when one claimed (its frame, if any, is added). */
function tryInOrder<P>(s: Scan, patterns: readonly P[], run: (p: P) => Match): boolean {
  for (const p of patterns) {
    const m = run(p);
    if (m === undefined) continue;
    if (m) s.frames.push(m);
    return true;
  }
  return false;
}

/** A question ("What has X said about the plan?") reports nothing. */
function isQuestion({ tokens, A, B }: Scan): boolean {
  return (
    tokens[B - 1]?.text === '?' &&
    /^(what|who|why|how|when|where|which|is|are|was|were|do|does|did|has|have|had|will|would|can|could|should)$/.test(
      tokens[A]?.lower ?? '',
    )
  );
}

/** All reporting frames of one sentence, with their content regions, in order. */
export function findFrames(ctx: FrameContext, sent: Sentence): Frame[] {
  const s: Scan = { text: ctx.text, tokens: ctx.tokens, A: sent.a, B: sent.b, frames: [] };
  if (isQuestion(s)) return [];
  tryInOrder(s, SENTENCE_PATTERNS, (p) => p.match(s));
  for (let i = s.A; i < s.B; i++) {
    if (tryInOrder(s, TOKEN_PATTERNS, (p) => p.match(s, i))) continue;
    const cue: CueReading | null = readCue(s, i);
    if (cue) tryInOrder(s, CUE_PATTERNS, (p) => p.match(s, cue));
  }
  return assignRegions(s.tokens, s.frames, s.A, s.B);
}
