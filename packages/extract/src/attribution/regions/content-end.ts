/** Where a forward frame's content stops inside its sentence. */

import type { Frame } from '../frames/types.js';
import { CLAUSE_CUTS, PREPOSITIONS, SUBORDINATE_OPENERS } from '../lexicon/index.js';
import type { Token } from '../sentences.js';

/** An -ing word long enough to be a participle ("rushing"), not "thing" or "king". */
const isParticiple = (w: string): boolean => w.endsWith('ing') && w.length > 5;

/**
 * Participles that continue what they follow instead of opening a clause of their own: "…
 * celebrated several of his heroes, including the musician Chuck Berry, …" (the content had
 * stopped before the list).
 */
const LIST_PARTICIPLES = new Set(['including', 'excluding']);

/**
 * Whether frame `f` is a participle inside a prepositional phrase opening its sentence, before
 * the phrase's comma: "In the post announcing Energy Control’s service, the group promised that
 * “…”", "In a statement announcing the deal, the company said …". What it announces ends at
 * that comma; the main clause after it reports on its own (the participle's content had run on
 * through it, and the group's promise went to "the post").
 */
export function inOpeningParticiplePhrase(tokens: readonly Token[], f: Frame, A: number): boolean {
  const first = tokens[A];
  if (!(first?.kind === 'w' && first.cap && PREPOSITIONS.has(first.lower))) return false;
  if (!isParticiple((tokens[f.cueA] as Token | undefined)?.lower ?? '')) return false;
  for (let k = A; k < f.chunkA; k++) if (tokens[k]?.text === ',') return false;
  return true;
}

/** Nouns of a writer's appositive naming what was reported: ", a charge that …", ", a claim which …". */
const REPORT_APPOSITIVE_NOUNS = new Set(['charge', 'claim', 'assertion', 'accusation', 'allegation', 'contention', 'remark']);

/**
 * Whether tokens from `k` are "a charge that …": the writer's words about the report before it
 * ("… had been “rigged” against him, a charge that Colorado Republican leaders strongly
 * denied"), which the content had run on through, the denial with it.
 */
function reportAppositive(tokens: readonly Token[], k: number): boolean {
  const article = tokens[k]?.lower;
  return (
    (article === 'a' || article === 'an') &&
    REPORT_APPOSITIVE_NOUNS.has(tokens[k + 1]?.lower ?? '') &&
    (tokens[k + 2]?.lower === 'that' || tokens[k + 2]?.lower === 'which')
  );
}

/**
 * Where forward content stops before `limit`: at a comma that opens a contrast or a participle
 * ("…, but he is not predicting", "…, rushing to TV"), at a semicolon, and — when the frame sits in
 * a sentence-initial subordinate clause ("While X claimed that …, experts say") — at its first comma.
 */
export function contentEnd(tokens: readonly Token[], f: Frame, A: number, limit: number): number {
  let subordinate = inOpeningParticiplePhrase(tokens, f, A);
  for (let k = A; k < f.chunkA; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'p' && t.text === ',') {
      subordinate = false;
      continue;
    }
    if (t.kind === 'w' && k === A && SUBORDINATE_OPENERS.has(t.lower)) subordinate = true;
  }
  let lastQuote = -1;
  for (let k = f.fwd + 1; k < limit; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'p' && t.text === ';') return k;
    if (t.kind !== 'p' || t.text !== ',') continue;
    if (subordinate) return k;
    const n = tokens[k + 1];
    // A relative clause that runs to the end describes the last noun in the writer's voice
    // ("acknowledged the reality of climate change, which makes him an outlier").
    if (n?.kind === 'w' && (n.lower === 'which' || n.lower === 'who') && !f.fwdThat) {
      let more = false;
      for (let m = k + 2; m < limit && !more; m++) more = (tokens[m] as Token).text === ',' || (tokens[m] as Token).kind === 'Q';
      if (!more) return k;
    }
    const cut =
      n?.kind === 'w' &&
      !n.cap &&
      (CLAUSE_CUTS.has(n.lower) || (isParticiple(n.lower) && !LIST_PARTICIPLES.has(n.lower)) || reportAppositive(tokens, k + 1));
    if (cut) {
      // Keep going when quoted words follow: they are the speaker's.
      if (lastQuote < 0) {
        lastQuote = 0;
        for (let m = limit - 1; m > f.fwd; m--)
          if ((tokens[m] as Token).kind === 'Q') {
            lastQuote = m;
            break;
          }
      }
      if (lastQuote <= k) return k;
    }
  }
  return limit;
}
