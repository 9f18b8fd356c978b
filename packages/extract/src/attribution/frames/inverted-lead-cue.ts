/**
 * Inverted lead cue: a sentence that opens with the speech verb and then names the speaker before
 * the quotation ("Asked a reporter: “Is this the end?”", "Said one official, “We are broke.”",
 * "Added another resident: “…”"). The source is the phrase after the verb; the content is the
 * quotation after the colon or comma. Before, no frame read these sentences (issue 10).
 */
import { CUE_FORMS } from '../lexicon/index.js';
import { phraseStartingAt, readMention } from '../mentions.js';
import type { Token } from '../sentences.js';
import { type FramePattern, makeFrame } from './types.js';

/** Most words the speaker phrase may have ("a supporter in the crowd"). */
const MAX_SOURCE_WORDS = 6;

/** "Asked a reporter: “…”" opening a sentence. */
export const invertedLeadCue: FramePattern = {
  name: 'inverted lead cue',
  scope: 'sentence',
  match({ text, tokens, A, B }) {
    const v = tokens[A] as Token;
    const form = v.kind === 'w' && v.cap ? CUE_FORMS.get(v.lower) : undefined;
    if (form?.cls !== 'speech' || v.lower.endsWith('ing')) return undefined;
    if (!phraseStartingAt(tokens, A + 1, B)) return undefined;
    // The speaker runs from the verb to the ":" or "," that opens the quotation, words only.
    let k = A + 1;
    while (k < B && k - A <= MAX_SOURCE_WORDS && (tokens[k] as Token).kind === 'w') k++;
    const sep = tokens[k]?.text;
    if (k === A + 1 || !((sep === ':' || sep === ',') && tokens[k + 1]?.kind === 'Q' && k + 1 < B)) return undefined;
    const np = { a: A + 1, b: k };
    const info = readMention(text, tokens, np);
    if (info.form === 'pronoun' || info.kind === 'document') return undefined;
    return makeFrame({
      cueA: A,
      cueB: A + 1,
      side: 'colon',
      cls: 'speech',
      lemma: form.lemma,
      src: np,
      srcInfo: info,
      chunkA: A,
      chunkB: np.b + 1,
      fwd: np.b + 1,
      fwdThat: false,
    });
  },
};
