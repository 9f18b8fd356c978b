/**
 * How likely an attribution is right, from its frame and cue kind: the share of PolNeAR dev
 * predictions of that kind that overlap an annotated attribution (measured after the stance
 * lexicon, commit eda44b7; n = number of dev predictions of the kind). Verification can pass
 * only confident attributions on; the figures are rounded down a little so that a kind seen
 * rarely does not look surer than it is.
 */
import type { Attribution } from '@quotecheck/shared';
import type { Frame } from './frames/index.js';

/** A quotation with its own reporting frame: 0.995-1.000 on dev (n = 372). */
export const DIRECT_FRAMED = 0.95;
/** Quoted words inside reported speech: 0.977 (n = 173, "X said the plan was “dead”"). */
export const MIXED = 0.9;
/** "X said (that) …" with a speech verb: 0.895 (n = 657). */
export const INDIRECT_SPEECH = 0.85;
/** A speech verb taking its clause's subject ("…, adding that", "and said"): 0.855 (n = 124). */
export const INDIRECT_SPEECH_INHERITED = 0.8;
/** "According to X, …": 0.821 (n = 28). */
export const INDIRECT_ACCORDING = 0.8;
/** A stance verb ("Obama welcomed the deal"): 0.806 (n = 31). */
export const INDIRECT_STANCE = 0.75;
/** Evidence from a document ("the poll shows"): 0.800 (n = 15). */
export const INDIRECT_EVIDENCE = 0.75;
/** "X thinks/hopes/wants …": 0.758 (n = 128). */
export const INDIRECT_BELIEF = 0.7;
/** A belief verb taking its clause's subject ("and hopes …"): 0.647 (n = 34). */
export const INDIRECT_BELIEF_INHERITED = 0.6;
/** Unquoted content after a colon credit or before "said X": 0.615-0.714 (n = 20). */
export const INDIRECT_WEAK_FRAME = 0.6;
/** A quotation sentence continuing the last speaker in its paragraph: 0.974 (n = 117). */
export const CONTINUATION_SAME_PARAGRAPH = 0.9;
/** A quotation continuing the last speaker in a later paragraph: 0.889 (n = 18). */
export const CONTINUATION_LATER_PARAGRAPH = 0.8;
/**
 * An embedded post credited by its embed ("— Name (@handle) date"): the markup names the author,
 * as a named dash credit does (policy: PolNeAR has no embeds in this form to measure it on).
 */
export const EMBEDDED_POST = 0.9;
/**
 * A transcript turn ("PENCE: Well, look, …") in an article with two or more speakers' labels: the
 * label names the speaker as a credit line does (PolNeAR dev: one such transcript; policy).
 */
export const TRANSCRIPT_TURN = 0.9;
/**
 * A pull quote credited by the line under it ("Name, what they are."): the page names the speaker
 * as a dash credit does (policy: 7 in PolNeAR, too few to measure).
 */
export const CREDIT_LINE = 0.9;
/** "Asked whether …" with no asker named: right once in one dev prediction; a guess. */
export const QUESTION_PUT = 0.5;
/**
 * Factor for a speaker left unresolved: the words may be right, but an unnamed speaker cannot be
 * checked against other outlets (policy, not measured).
 */
export const UNRESOLVED_SPEAKER_FACTOR = 0.7;

/** The confidence of an attribution of `type` found by frame `f`, in [0, 1]. */
export function frameConfidence(f: Pick<Frame, 'side' | 'cls'>, type: Attribution['type'], speakerKnown: boolean): number {
  let c: number;
  if (type === 'direct') c = DIRECT_FRAMED;
  else if (type === 'mixed') c = MIXED;
  else if (f.side === 'according') c = INDIRECT_ACCORDING;
  else if (f.side === 'colon' || f.side === 'dash' || f.side === 'right') c = INDIRECT_WEAK_FRAME;
  else if (f.cls === 'belief') c = f.side === 'inherit' ? INDIRECT_BELIEF_INHERITED : INDIRECT_BELIEF;
  else if (f.cls === 'stance') c = INDIRECT_STANCE;
  else if (f.cls === 'evidence') c = INDIRECT_EVIDENCE;
  else c = f.side === 'inherit' ? INDIRECT_SPEECH_INHERITED : INDIRECT_SPEECH;
  if (!speakerKnown) c *= UNRESOLVED_SPEAKER_FACTOR;
  return Math.round(Math.max(0, Math.min(1, c)) * 100) / 100;
}
