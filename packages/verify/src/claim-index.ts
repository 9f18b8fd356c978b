import type { Claim } from '@quotecheck/shared/core';
import { normalizeQuote } from './normalize.js';
import { quoteKeys } from './quote-keys.js';
import { speakerKey } from './speaker.js';

/** Every index entry the verifier wrote for a claim: what has to go when the claim leaves the store. */
export interface ClaimIndexEntries {
  /** `x:` exact-wording keys. */
  exact: string[];
  /** `sq:` entries: a speaker's short quote. */
  short: [speakerKey: string, text: string][];
  /** `p:` word 4-gram posting lists the claim was appended to. */
  posted: string[];
  /** `by:` and `rep:` speaker index keys. */
  by: string[];
  rep: string[];
  /** `ca:` articles with an occurrence of the claim. */
  articles: string[];
  /** `sw:` entries: a content word of one of the claim's quotes, under its speaker. */
  words: [speakerKey: string, word: string][];
}

/** Index entries naming nothing. */
export function noIndexEntries(): ClaimIndexEntries {
  return { exact: [], posted: [], short: [], by: [], rep: [], articles: [], words: [] };
}

/**
 * The index entries of a claim, recomputed from its occurrences the way {@link Verifier} wrote
 * them when each occurrence joined (the same {@link quoteKeys} of the same normalised words).
 */
export function claimIndexEntries(claim: Claim): ClaimIndexEntries {
  const exact = new Set<string>();
  const short = new Map<string, [string, string]>();
  const posted = new Set<string>();
  const by = new Set<string>();
  const rep = new Set<string>();
  const articles = new Set<string>();
  const words = new Map<string, [string, string]>();
  for (const o of claim.occurrences) {
    const keys = quoteKeys(normalizeQuote(o.text).words, o.speaker);
    if (keys.exact) exact.add(keys.exact);
    if (keys.speaker && keys.short) short.set(`${keys.speaker}|${keys.short}`, [keys.speaker, keys.short]);
    for (const g of keys.posted) posted.add(g);
    // `keys.speaker` is the occurrence's speaker key.
    if (keys.speaker) {
      by.add(keys.speaker);
      for (const w of keys.words) words.set(`${keys.speaker}|${w}`, [keys.speaker, w]);
    }
    const rk = speakerKey(o.reportedBy);
    if (rk) rep.add(rk);
    articles.add(o.articleId);
  }
  return {
    exact: [...exact],
    short: [...short.values()],
    posted: [...posted],
    by: [...by],
    rep: [...rep],
    articles: [...articles],
    words: [...words.values()],
  };
}
