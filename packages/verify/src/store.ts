import { type Claim, type ClaimStatus, STATUS_PRECEDENCE } from '@quotecheck/shared/core';
import type { ClaimIndexEntries } from './claim-index.js';
import type { Dispute } from './types.js';

/** Index entries kind: claims by speaker key, or by the key of someone who reported them. */
export type SpeakerIndex = 'by' | 'rep';

/**
 * Reads made inside a claim transaction. Every read is part of the transaction's consistency
 * check: if another writer changes what was read before the writes apply, the transaction reruns.
 */
export interface ClaimTx {
  /** Claim ids by exact-quote key (null when unknown). */
  exact(keys: readonly string[]): Promise<(string | null)[]>;
  /** A speaker's short quotes (normalised words joined by spaces) and their claim ids. */
  shortQuotes(speakerKey: string): Promise<[text: string, claimId: string][]>;
  /**
   * The claim ids filed under each of a speaker's content words (one list per word, in order; each
   * holds its most recent ids only, as many as the writes' `cap`; see `QuoteKeys.words`).
   */
  speakerWords(speakerKey: string, words: readonly string[]): Promise<string[][]>;
  /** Union of claim ids posted under word n-gram keys, skipping keys with more than `cap` ids (stock phrases). */
  postings(grams: readonly string[], cap: number): Promise<string[]>;
  /**
   * Claims by id; missing ones are left out. A claim merged into another comes back under the id
   * asked for, as the claim it now lives under (its `id` differs): index entries may still name it.
   */
  claims(ids: readonly string[]): Promise<Map<string, Claim>>;
  /** Most recently updated claim ids under speaker keys. */
  recent(index: SpeakerIndex, keys: readonly string[], limit: number): Promise<string[]>;
  /** Claim ids with an occurrence in these articles. */
  ofArticles(articleIds: readonly string[]): Promise<string[]>;
  /** Dispute records filed under person keys. */
  disputesByKey(keys: readonly string[]): Promise<Dispute[]>;
  /** Dispute records of articles. */
  disputesByArticle(articleIds: readonly string[]): Promise<Dispute[]>;
  /**
   * Document frequencies of word n-gram keys: in how many articles' quotations each occurred
   * (`counts`, in order), and how many articles were counted (`docs`). Approximate is fine
   * (stores may count concurrent articles late); not part of the consistency check.
   */
  gramFrequencies(grams: readonly string[]): Promise<{ docs: number; counts: number[] }>;
}

/** Everything a transaction writes, applied atomically. */
export interface ClaimWrites {
  claims: Claim[];
  exact: [key: string, claimId: string][];
  shortQuotes: [speakerKey: string, text: string, claimId: string][];
  /** A quote's content words filed under its speaker (each list keeps its `cap` most recent ids). */
  speakerWords: [speakerKey: string, word: string, claimId: string, cap: number][];
  postings: [gram: string, claimId: string][];
  speakers: [index: SpeakerIndex, key: string, claimId: string, score: number][];
  articleClaims: [articleId: string, claimId: string][];
  disputes: { dispute: Dispute; keys: string[] }[];
  /** Distinct n-gram keys of one newly counted article (each document frequency moves by one, the article count too); empty when nothing new was counted. */
  gramDocs?: string[];
  /**
   * Headline status changes of claims (from `null` for a new claim, to `null` for a claim merged
   * away), kept as counts for metrics.
   */
  statuses: [claimId: string, from: ClaimStatus | null, to: ClaimStatus | null][];
  /**
   * Claims merged into another (one excerpt bridged two statements): `from` is removed (record,
   * update order), and its id resolves to `into` from then on ({@link ClaimStore.mergedInto}, and
   * {@link ClaimTx.claims} for index entries still naming `from`). The surviving record is in `claims`.
   */
  merges?: [from: string, into: string][];
}

export function emptyWrites(): ClaimWrites {
  return {
    claims: [],
    exact: [],
    shortQuotes: [],
    speakerWords: [],
    postings: [],
    speakers: [],
    articleClaims: [],
    disputes: [],
    gramDocs: [],
    statuses: [],
    merges: [],
  };
}

/** A count of zero for every status. */
export function zeroCounts(): Record<ClaimStatus, number> {
  return Object.fromEntries(STATUS_PRECEDENCE.map((s) => [s, 0])) as Record<ClaimStatus, number>;
}

/** Where the next page starts: the update time reached and how many claims at that time were read. */
export interface PageCursor {
  score: number;
  offset: number;
}

/** A page of claims in update order. */
export interface ClaimPage {
  claims: Claim[];
  /** Pass back to get the next page; null at the end. */
  next: PageCursor | null;
}

/**
 * Where claims live: Redis for the workers ({@link RedisClaimStore}), memory for one-shot runs
 * ({@link MemoryClaimStore}). Verification logic sees only this interface.
 */
export interface ClaimStore {
  /**
   * Runs `work` (reads through the transaction), then applies its writes atomically; when a
   * concurrent writer changed anything it read, runs it again.
   */
  transact<T>(work: (tx: ClaimTx) => Promise<{ writes: ClaimWrites; result: T }>): Promise<T>;
  /** Records a claim's flag state; true when it differs from the recorded one (log it then). */
  markLogged(claimId: string, state: string): Promise<boolean>;
  /**
   * Claims updated at or after `sinceMs`, oldest update first, `count` per page. The cursor is by
   * update time, so claims updated while paging are not skipped (they may appear again).
   */
  page(cursor: PageCursor | null, count: number, sinceMs?: number): Promise<ClaimPage>;
  /** Number of claims stored. */
  count(): Promise<number>;
  /** Number of claims per headline status (every status present, zero when none): cheap enough for a metrics scrape. */
  countByStatus(): Promise<Record<ClaimStatus, number>>;
  /** Claims by id; missing ones are left out. Outside any transaction (for readers such as the review desk). */
  get(ids: readonly string[]): Promise<Map<string, Claim>>;
  /** Claim ids by update time, most recent first: `count` of them from `offset`, with their update time (ms). */
  newest(offset: number, count: number): Promise<{ id: string; updatedMs: number }[]>;
  /** The claim id a claim merged into another now lives under; null when `id` was not merged. */
  mergedInto(id: string): Promise<string | null>;
  /**
   * Claims not updated since `beforeMs`, least recently updated first, at most `count`: what the
   * archive sweep moves out of the hot store ({@link sweepIdleClaims}).
   */
  idleClaims(beforeMs: number, count: number): Promise<Claim[]>;
  /**
   * Removes claims that were written to archive file `file`, each only if it was not updated
   * since it was read (its update time in the store still equals `updatedAt`), together with its
   * index entries (`entries[i]` those of `claims[i]`, from {@link claimIndexEntries}; an entry now
   * naming another claim is left), and records that file as where the claim now lives. Returns
   * the ids removed; a claim updated meanwhile stays whole.
   */
  evict(claims: readonly Claim[], file: string, entries: readonly ClaimIndexEntries[]): Promise<string[]>;
  /** The archive file each claim was last moved to, in order; null for a claim never archived. */
  archivedIn(ids: readonly string[]): Promise<(string | null)[]>;
}

/** The cursor after a page whose rows had these update scores (ascending). */
export function nextCursor(scores: readonly number[], cursor: PageCursor | null, count: number): PageCursor | null {
  if (scores.length < count) return null;
  const last = scores[scores.length - 1]!;
  let same = 0;
  for (const s of scores) if (s === last) same++;
  // All rows at the cursor's own score: skip past them within that score.
  const offset = cursor && cursor.score === last ? cursor.offset + same : same;
  return { score: last, offset };
}
