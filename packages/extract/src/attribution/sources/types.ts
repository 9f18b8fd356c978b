/** The shape of a source strategy: how a verb frame finds the phrase that names its speaker. */
import type { CueReading, FrameSide, Scan } from '../frames/types.js';
import type { Phrase } from '../mentions.js';
import type { Token } from '../sentences.js';

/** A source found for a cue: the phrase, where it sits, and what came with it. */
export interface SourcePick {
  src: Phrase;
  side: FrameSide;
  /** Antecedent of a relative-pronoun source ("Cruz, who said …"). */
  antecedent?: Phrase;
  /** A title or description set off next to the source. */
  role?: Phrase;
}

/**
 * Finds the source of the cue `c`, whose nearest left token (past auxiliaries) is `prev`
 * (undefined at the sentence start), or null.
 */
export type SourceStrategy = (s: Scan, c: CueReading, prev: Token | undefined) => SourcePick | null;
