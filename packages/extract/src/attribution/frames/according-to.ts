/**
 * According-to: "according to X, …" and "…, according to X". The source is the noun phrase after
 * "to" (or any run of words up to the next punctuation: "according to early results of exit
 * polls"); region assignment takes the clause before it, or after it when it opens the sentence.
 */
import { isNameRun, type Phrase, phraseStartingAt, readMention } from '../mentions.js';
import type { Token } from '../sentences.js';
import { isWord } from '../token-tests.js';
import { type FramePattern, makeFrame, sourceAfterCue } from './types.js';

/** Any noun phrase up to the next comma or clause end ("early results of exit polls conducted by …"). */
function looseSourceAfter(tokens: readonly Token[], i: number, end: number): Phrase | null {
  let b = i;
  while (b < end && b - i < 25 && (tokens[b] as Token).kind === 'w') b++;
  return b > i ? { a: i, b } : null;
}

/** "according to X". */
export const accordingTo: FramePattern = {
  name: 'according to',
  scope: 'token',
  match({ text, tokens, B }, i) {
    const t = tokens[i];
    if (!(isWord(t) && t.lower === 'according' && tokens[i + 1]?.lower === 'to')) return undefined;
    const np = phraseStartingAt(tokens, i + 2, B) ?? looseSourceAfter(tokens, i + 2, B);
    if (!np) return null;
    const named = nameAfterDescription(tokens, np, B);
    if (named) {
      return makeFrame({
        cueA: i,
        cueB: i + 2,
        side: 'according',
        cls: 'speech',
        lemma: 'according to',
        src: named,
        srcInfo: readMention(text, tokens, named),
        role: np,
        chunkA: i,
        chunkB: named.b,
        fwd: -1,
        fwdThat: false,
      });
    }
    const info = readMention(text, tokens, np);
    return sourceAfterCue(i, i + 2, 'according', 'according to', np, info);
  },
};

/**
 * "According to his aunt, Jane Starner, “He was brilliant …”": a description set off by commas
 * before a name is that person; the name is the source and the content starts after its comma
 * (the name had opened the content, and the aunt was nobody). Null unless a lower-case
 * description is followed by ", Name,".
 */
function nameAfterDescription(tokens: readonly Token[], np: Phrase, end: number): Phrase | null {
  const first = tokens[np.a] as Token;
  if (first.cap || tokens[np.b]?.text !== ',') return null;
  let m = np.b + 1;
  while (m < end && m - np.b <= MAX_NAME_WORDS && isWord(tokens[m]) && (tokens[m] as Token).cap) m++;
  if (tokens[m]?.text !== ',' || !isNameRun(tokens, np.b + 1, m) || m - np.b - 1 < 2) return null;
  return { a: np.b + 1, b: m };
}

/** Words of a name set off after a description. */
const MAX_NAME_WORDS = 4;
