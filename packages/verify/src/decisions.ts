import type { Keys, RedisClient } from '@quotecheck/shared';
import { z } from 'zod';
import { byPartition, ClaimKeyspace } from './claim-keys.js';

/** What a reviewer can do with a claim: confirm its verdict, reject it (with a reason), or leave a note. */
export const ReviewAction = z.enum(['confirm', 'reject', 'note']);
export type ReviewAction = z.infer<typeof ReviewAction>;

/** Longest reviewer name kept: a name or handle, not a text. */
export const MAX_REVIEWER_CHARS = 100;
/** Longest reason or note kept: a paragraph, not an essay (every page view reads the history). */
export const MAX_DECISION_TEXT_CHARS = 4000;

/** One reviewer decision as stored: who, what, when, and why. */
export const Decision = z
  .object({
    claimId: z.string().min(1).max(256),
    action: ReviewAction,
    /** The reason of a rejection (required), the note's text (required), a confirmation's comment (optional). */
    text: z.string().max(MAX_DECISION_TEXT_CHARS).optional(),
    reviewer: z.string().trim().min(1).max(MAX_REVIEWER_CHARS),
    at: z.string(),
  })
  .refine((d) => d.action === 'confirm' || (d.text ?? '').trim().length > 0, {
    message: 'a rejection needs a reason and a note needs a text',
    path: ['text'],
  });
export type Decision = z.infer<typeof Decision>;

/** The reviewed state a list can be filtered on: the latest confirm or reject, or none yet. */
export type ReviewState = 'confirmed' | 'rejected' | 'unreviewed';

/** The state a claim's latest verdict decision gives it (notes do not change it). */
export function reviewState(latest: Decision | undefined): ReviewState {
  if (!latest) return 'unreviewed';
  return latest.action === 'reject' ? 'rejected' : 'confirmed';
}

/**
 * Reviewers' decisions: an append-only history per claim, plus the latest verdict decision
 * (confirm or reject) of each claim, which is the one that counts. Notes go to the history only,
 * so a note after a rejection leaves the claim rejected.
 */
export interface DecisionLog {
  /** Validates and appends a decision; returns it as stored. */
  record(d: Decision): Promise<Decision>;
  /** Every decision of a claim, oldest first. */
  history(claimId: string): Promise<Decision[]>;
  /** The latest confirm/reject decision of each claim that has one. */
  latest(claimIds: readonly string[]): Promise<Map<string, Decision>>;
}

/**
 * Decisions in Redis, beside the claims: in the claim's partition of the claim store
 * ({@link ClaimKeyspace.ofClaim}), so a decision and the latest marker share a hash tag and are
 * written in one MULTI, also on Redis Cluster:
 * - `rv:<claim id>` list of decision JSON, appended to (RPUSH), never rewritten
 * - `reviewed` hash claim id -> latest confirm/reject decision JSON
 */
export class RedisDecisionLog implements DecisionLog {
  private readonly space: ClaimKeyspace;

  constructor(
    private readonly redis: RedisClient,
    keys: Keys,
  ) {
    this.space = new ClaimKeyspace(keys);
  }

  async record(input: Decision): Promise<Decision> {
    const d = Decision.parse(input);
    const json = JSON.stringify(d);
    const m = this.redis.multi().rpush(this.space.ofClaim(d.claimId, `rv:${d.claimId}`).key, json);
    if (d.action !== 'note') m.hset(this.space.ofClaim(d.claimId, 'reviewed').key, d.claimId, json);
    const res = await m.exec();
    const failed = res?.find(([err]) => err);
    if (failed?.[0]) throw failed[0];
    return d;
  }

  async history(claimId: string): Promise<Decision[]> {
    const rows = await this.redis.lrange(this.space.ofClaim(claimId, `rv:${claimId}`).key, 0, -1);
    return rows.map((r) => JSON.parse(r) as Decision);
  }

  async latest(claimIds: readonly string[]): Promise<Map<string, Decision>> {
    const out = new Map<string, Decision>();
    if (!claimIds.length) return out;
    const groups = byPartition(claimIds, (id) => this.space.ofClaim(id, 'reviewed'));
    await Promise.all(
      [...groups.values()].map(async ({ at, keys }) => {
        const vals = await this.redis.hmget(keys[0]!, ...at.map((i) => claimIds[i]!));
        vals.forEach((v, j) => {
          if (v) out.set(claimIds[at[j]!]!, JSON.parse(v) as Decision);
        });
      }),
    );
    return new Map(claimIds.flatMap((id) => (out.has(id) ? [[id, out.get(id)!] as const] : [])));
  }
}

/** Decisions in process memory, for tests and one-shot runs. */
export class MemoryDecisionLog implements DecisionLog {
  private readonly all = new Map<string, Decision[]>();
  private readonly last = new Map<string, Decision>();

  async record(input: Decision): Promise<Decision> {
    const d = Decision.parse(input);
    const list = this.all.get(d.claimId) ?? [];
    list.push(d);
    this.all.set(d.claimId, list);
    if (d.action !== 'note') this.last.set(d.claimId, d);
    return d;
  }

  async history(claimId: string): Promise<Decision[]> {
    return [...(this.all.get(claimId) ?? [])];
  }

  async latest(claimIds: readonly string[]): Promise<Map<string, Decision>> {
    const out = new Map<string, Decision>();
    for (const id of claimIds) {
      const d = this.last.get(id);
      if (d) out.set(id, d);
    }
    return out;
  }
}
