/**
 * Inverted source: the source named after its cue, "“…,” said X", "…, said Smith, a senator,
 * …", "said Smith on Monday". Speech cues only, never gerunds; a lone pronoun followed by a word
 * is not taken ("said he would").
 */
import { PREPOSITIONS, TIME_WORDS } from '../lexicon/index.js';
import { phraseStartingAt } from '../mentions.js';
import type { Token } from '../sentences.js';
import { isAdverb, isWord } from '../token-tests.js';
import { skipAppositiveRight } from './appositive.js';
import type { SourcePick, SourceStrategy } from './types.js';

/** Whether a token may follow a source named after its cue ("…, said Smith, …" / "said Smith on Monday"). */
function endsInvertedSource(t: Token | undefined): boolean {
  if (!t) return true;
  if (t.kind === 'Q') return true;
  if (t.kind === 'p') return t.text !== "'" && t.text !== '’';
  // "…,” said a longtime GOP data expert who has worked …": a relative clause describes the
  // source; stopping at "who" left such quotations without a frame (PolNeAR dev: reported miss).
  if (t.lower === 'who') return true;
  return (
    !t.cap &&
    (PREPOSITIONS.has(t.lower) || TIME_WORDS.has(t.lower) || isAdverb(t) || /ed$/.test(t.lower)) &&
    t.lower !== 'that' &&
    t.lower !== 'to' &&
    t.lower !== 'of'
  );
}

/** "said X". */
export const inverted: SourceStrategy = ({ tokens, B }, { form, cueB }) => {
  if (form.cls !== 'speech' || form.gerund) return null;
  const np = phraseStartingAt(tokens, cueB, B);
  if (!np) return null;
  const after = skipAppositiveRight(tokens, np.b, B);
  if (!endsInvertedSource(tokens[after]) && tokens[np.b]?.text !== ',') return null;
  if (np.b - np.a === 1 && /^(he|she|they|it|we|i|you)$/.test((tokens[np.a] as Token).lower) && isWord(tokens[np.b])) return null;
  const pick: SourcePick = { src: np, side: 'right' };
  if (after > np.b) pick.role = { a: np.b + 1, b: after - 1 };
  return pick;
};
