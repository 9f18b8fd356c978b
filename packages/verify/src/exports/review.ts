import type { Claim } from '@quotecheck/shared/core';
import { z } from 'zod';
import { type Decision, type DecisionLog, reviewState } from '../decisions.js';

/**
 * The `review` field of every export row: the claim's latest verdict decision (confirm or
 * reject; a note never changes it), or null while no reviewer has decided.
 */
export const ExportReview = z
  .object({
    action: z.enum(['confirm', 'reject']),
    reviewer: z.string(),
    /** ISO time of the decision. */
    at: z.string(),
    /** The rejection's reason, or a confirmation's comment. */
    text: z.string().optional(),
  })
  .nullable();
export type ExportReview = z.infer<typeof ExportReview>;

/** `export --reviewed`: claims whose latest decision confirms, rejects, either (`any`), or none yet. */
export const ReviewedFilter = z.enum(['confirmed', 'rejected', 'any', 'unreviewed']);
export type ReviewedFilter = z.infer<typeof ReviewedFilter>;

/** The decisions an export reads: the latest verdict decision of each claim (one round trip per batch). */
export type LatestDecisions = Pick<DecisionLog, 'latest'>;

/** A claim with its latest verdict decision. */
export interface ReviewedClaim {
  claim: Claim;
  review: ExportReview;
}

/** The `review` field of a decision (undefined: no decision yet). */
export function exportReview(d: Decision | undefined): ExportReview {
  if (!d || d.action === 'note') return null;
  return { action: d.action, reviewer: d.reviewer, at: d.at, ...(d.text ? { text: d.text } : {}) };
}

/** Whether a claim with this latest decision passes `--reviewed` (no filter: every claim). */
export function matchesReviewed(d: Decision | undefined, want: ReviewedFilter | undefined): boolean {
  if (!want) return true;
  const state = reviewState(d);
  if (want === 'any') return state !== 'unreviewed';
  return state === want;
}

/**
 * Joins each claim with its latest decision, reading decisions for `batch` claims at a time (one
 * HMGET of 200 ids, not a round trip per claim), and keeps those passing `--reviewed`.
 */
export async function* withReviews(
  claims: AsyncIterable<Claim>,
  decisions: LatestDecisions,
  reviewed?: ReviewedFilter,
  batch = 200,
): AsyncGenerator<ReviewedClaim> {
  let pending: Claim[] = [];
  async function* flush(): AsyncGenerator<ReviewedClaim> {
    // A claim's decisions include those filed under the ids merged into it: the latest one counts.
    const latest = await decisions.latest(pending.flatMap((c) => [c.id, ...(c.mergedFrom ?? [])]));
    for (const claim of pending) {
      let d = latest.get(claim.id);
      for (const id of claim.mergedFrom ?? []) {
        const m = latest.get(id);
        if (m && (!d || m.at > d.at)) d = m;
      }
      if (matchesReviewed(d, reviewed)) yield { claim, review: exportReview(d) };
    }
    pending = [];
  }
  for await (const c of claims) {
    pending.push(c);
    if (pending.length >= batch) yield* flush();
  }
  if (pending.length) yield* flush();
}
