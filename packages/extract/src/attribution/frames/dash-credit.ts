/**
 * Dash credit: "“…” – X", a quotation credited after a dash. The source must be a name that ends
 * the sentence or its stretch (an appositive may follow: "“…” – X, a senator."). A dash right
 * after a quotation is claimed by this pattern even when no name follows.
 */
import { DASHES, STRETCH_BREAK } from '../lexicon/index.js';
import { phraseStartingAt, readMention } from '../mentions.js';
import type { Token } from '../sentences.js';
import { skipAppositiveRight } from '../sources/appositive.js';
import { type FramePattern, sourceAfterCue } from './types.js';

/** "“…” – X". */
export const dashCredit: FramePattern = {
  name: 'dash credit',
  scope: 'token',
  match({ text, tokens, A, B }, i) {
    const t = tokens[i] as Token;
    if (!(t.kind === 'p' && DASHES.has(t.text) && tokens[i - 1]?.kind === 'Q' && i - 1 >= A)) return undefined;
    const np = phraseStartingAt(tokens, i + 1, B);
    if (!np) return null;
    const after = skipAppositiveRight(tokens, np.b, B);
    const n = tokens[after];
    if (!(!n || after >= B || (n.kind === 'p' && STRETCH_BREAK.has(n.text)))) return null;
    const info = readMention(text, tokens, np);
    return info.form === 'name' ? sourceAfterCue(i, i + 1, 'dash', '-', np, info) : null;
  },
};
