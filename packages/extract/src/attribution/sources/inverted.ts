/**
 * Inverted source: the source named after its cue, "“…,” said X", "…, said Smith, a senator,
 * …", "said Smith on Monday". Speech cues only, never gerunds; a lone pronoun followed by a word
 * is not taken ("said he would").
 */
import { PREPOSITIONS, TIME_WORDS } from '../lexicon/index.js';
import { type Phrase, phraseStartingAt } from '../mentions.js';
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

/**
 * "said Robert Antonacci of the New York delegation", "said Trump of Clinton": "of" after a
 * capitalised name of two words or more qualifies the name or gives the topic; the name before
 * it is the source. After a lower-case word "of" still refuses it ("said one of the organizers"
 * names no source "one"). Returns the name, or null.
 */
function nameBeforeOf(tokens: readonly Token[], np: Phrase): Phrase | null {
  for (let k = np.a + 2; k <= np.b; k++) {
    const t = tokens[k];
    if (t?.kind === 'w' && t.lower === 'of' && !t.cap) return (tokens[k - 1] as Token).cap ? { a: np.a, b: k } : null;
  }
  return null;
}

/** "said X". */
export const inverted: SourceStrategy = ({ tokens, B }, { form, cueB }) => {
  if (form.cls !== 'speech' || form.gerund) return null;
  const np = phraseStartingAt(tokens, cueB, B);
  if (!np) return null;
  const after = skipAppositiveRight(tokens, np.b, B);
  if (!endsInvertedSource(tokens[after]) && tokens[np.b]?.text !== ',') {
    const name = nameBeforeOf(tokens, np);
    return name ? { src: name, side: 'right' } : null;
  }
  if (np.b - np.a === 1 && /^(he|she|they|it|we|i|you)$/.test((tokens[np.a] as Token).lower) && isWord(tokens[np.b])) return null;
  const pick: SourcePick = { src: np, side: 'right' };
  if (after > np.b) pick.role = { a: np.b + 1, b: after - 1 };
  return pick;
};
