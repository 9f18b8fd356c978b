/**
 * The shapes the frame patterns share: a frame (cue, source, content regions), the scan state of
 * one sentence, a cue reading, and the pattern interface the registry lists.
 */
import type { CueClass, CueForm } from '../lexicon/index.js';
import type { MentionInfo, Phrase } from '../mentions.js';
import type { Token } from '../sentences.js';

/** A content range of tokens; `that` when a complementiser introduced it (reported speech). */
export interface Region {
  a: number;
  b: number;
  that: boolean;
}

/** Where a frame's source sits relative to its cue, or which fixed frame it is. */
export type FrameSide = 'left' | 'right' | 'by' | 'inherit' | 'according' | 'colon' | 'dash';

/** One reporting frame found in a sentence. */
export interface Frame {
  /** Cue tokens `[cueA, cueB)`. */
  cueA: number;
  cueB: number;
  side: FrameSide;
  cls: CueClass;
  lemma: string;
  /** The source noun phrase as written (for `inherit`, the clause subject it takes). */
  src: Phrase | null;
  srcInfo: MentionInfo | null;
  /** Antecedent of a relative-pronoun source ("Cruz, who said …"). */
  antecedent?: Phrase;
  /** A title or description set off by commas next to the source ("a Republican from Iowa"). */
  role?: Phrase;
  /** Who relays the words in a reporting chain (the passive subject or the outer frame's source). */
  relayedBy?: Frame;
  /** Tokens the source and cue occupy. */
  chunkA: number;
  chunkB: number;
  /** Where forward content starts, or -1 when the content precedes the cue. */
  fwd: number;
  fwdThat: boolean;
  regions: Region[];
  dropped: boolean;
}

/** Context the frame finder needs from the article. */
export interface FrameContext {
  text: string;
  tokens: readonly Token[];
}

/** One sentence being scanned: tokens `[A, B)` and the frames found so far, in order. */
export interface Scan extends FrameContext {
  A: number;
  B: number;
  frames: Frame[];
}

/** A cue verb read at token `i` (with its particle, `[i, cueB)`), and what stands to its left. */
export interface CueReading {
  i: number;
  t: Token;
  form: CueForm;
  cueB: number;
  /** The first token left of the cue that is not an auxiliary or adverb (may be < A). */
  j: number;
  /** A form of "be" stands between `j` and the cue ("was told"). */
  passive: boolean;
}

/**
 * What a pattern returns: a frame; null when it claims the token but finds no frame (no later
 * pattern is tried there); undefined when it does not apply (the next pattern is tried).
 */
export type Match = Frame | null | undefined;

/**
 * A named reporting pattern. `sentence` patterns are tried once per sentence, `token` patterns at
 * every token, `cue` patterns at every token where a cue verb is read; within each scope the
 * registry order is the precedence.
 */
export type FramePattern =
  | { name: string; scope: 'sentence'; match(s: Scan): Match }
  | { name: string; scope: 'token'; match(s: Scan, i: number): Match }
  | { name: string; scope: 'cue'; match(s: Scan, cue: CueReading): Match };

/** A frame with no regions yet, not dropped. */
export function makeFrame(f: Omit<Frame, 'regions' | 'dropped' | 'srcInfo'> & { srcInfo?: MentionInfo | null }): Frame {
  return { srcInfo: null, ...f, regions: [], dropped: false };
}

/**
 * A cue that comes before its source and takes the quotation before it or the clause around it
 * ("… – X", "according to X, …"): the chunk runs from the cue to the end of the source.
 */
export function sourceAfterCue(cueA: number, cueB: number, side: FrameSide, lemma: string, np: Phrase, info: MentionInfo): Frame {
  return makeFrame({
    cueA,
    cueB,
    side,
    cls: 'speech',
    lemma,
    src: np,
    srcInfo: info,
    chunkA: cueA,
    chunkB: np.b,
    fwd: -1,
    fwdThat: false,
  });
}
