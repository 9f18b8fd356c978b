import type { Claim, ClaimStatus } from '@quotecheck/shared/core';
import { diffWords } from 'diff';
import { type Decision, type DecisionLog, type ReviewState, reviewState } from './decisions.js';
import { matchesFilter } from './export.js';
import type { ClaimStore } from './store.js';

/** The filters of the claim list (the review desk's query string). Every field is optional. */
export interface ClaimQuery {
  /** Headline status. */
  status?: ClaimStatus;
  /** Any flag (a claim flagged `denied` and `second_hand` matches both). */
  flag?: ClaimStatus;
  /** Case-insensitive substring of the speaker's name (as `export --speaker`). */
  speaker?: string;
  /** Case-insensitive substring of an occurrence's outlet. */
  outlet?: string;
  /** Claims updated at or after this time (ms). */
  sinceMs?: number;
  /** Review state: a latest decision of confirm or reject, `reviewed` (either), or `unreviewed`. */
  reviewed?: ReviewState | 'reviewed';
  /** Free text: case-insensitive words that must all appear in the quote, the speaker or an outlet. */
  q?: string;
}

/** One page of a claim list, newest update first. */
export interface ClaimListPage {
  claims: Claim[];
  /** The latest verdict decision of each listed claim that has one. */
  decisions: Map<string, Decision>;
  /** 1-based page number. */
  page: number;
  pageSize: number;
  /** True when a further page has at least one claim. */
  more: boolean;
  /** Claims read from the store to answer (the cost of the filters). */
  scanned: number;
}

/** Claims read per store round trip while filtering: 200 claims of ~3 KB is one 600 KB MGET. */
const SCAN_BATCH = 200;

/** Lower-case words of a free-text query. */
function words(q: string): string[] {
  return q.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether a claim passes the filters that need no decision. */
export function matchesQuery(c: Claim, q: ClaimQuery): boolean {
  if (!matchesFilter(c, { ...(q.status ? { status: q.status } : {}), ...(q.speaker ? { speaker: q.speaker } : {}) }))
    return false;
  if (q.flag && !c.flags.includes(q.flag) && c.status !== q.flag) return false;
  if (q.outlet) {
    const o = q.outlet.toLowerCase();
    if (!c.occurrences.some((x) => x.outlet.toLowerCase().includes(o))) return false;
  }
  if (q.q) {
    const hay = [c.canonical, c.speaker.name ?? '', ...c.occurrences.map((o) => `${o.outlet} ${o.text}`)].join(' ').toLowerCase();
    if (!words(q.q).every((w) => hay.includes(w))) return false;
  }
  return true;
}

function matchesReview(state: ReviewState, want: ClaimQuery['reviewed']): boolean {
  if (!want) return true;
  if (want === 'reviewed') return state !== 'unreviewed';
  return state === want;
}

/**
 * One page of claims, most recently updated first, filtered. Reads the update index newest
 * first in batches and stops at the first claim older than `sinceMs`, or once the page and one
 * more claim are found: a page deep into a narrow filter reads more of the store (`scanned`).
 */
export async function listClaims(
  store: ClaimStore,
  decisions: DecisionLog,
  query: ClaimQuery,
  page = 1,
  pageSize = 50,
): Promise<ClaimListPage> {
  const skip = (page - 1) * pageSize;
  const found: Claim[] = [];
  const latest = new Map<string, Decision>();
  let offset = 0;
  let scanned = 0;
  let skipped = 0;
  let more = false;
  // The store counts claims per headline status: once that many matched, the rest of the index
  // holds no more. Flagged claims are few, so `status=denied` stops early instead of reading the
  // whole store (10,000 claims, 2 denied: 3.4 s before, see docs/review-desk.md).
  const total = query.status ? (await store.countByStatus())[query.status] : Number.POSITIVE_INFINITY;
  let matched = 0;
  scan: for (;;) {
    if (matched >= total) break;
    const ids = await store.newest(offset, SCAN_BATCH);
    offset += ids.length;
    const fresh = query.sinceMs === undefined ? ids : ids.filter((r) => r.updatedMs >= query.sinceMs!);
    const claims = await store.get(fresh.map((r) => r.id));
    scanned += claims.size;
    for (const c of claims.values()) if (c.status === query.status) matched++;
    const candidates = fresh.map((r) => claims.get(r.id)).filter((c): c is Claim => !!c && matchesQuery(c, query));
    const decided = await decisions.latest(candidates.map((c) => c.id));
    for (const c of candidates) {
      const d = decided.get(c.id);
      if (!matchesReview(reviewState(d), query.reviewed)) continue;
      if (skipped < skip) skipped++;
      else if (found.length < pageSize) {
        found.push(c);
        if (d) latest.set(c.id, d);
      } else {
        more = true;
        break scan;
      }
    }
    // the end of the index, or claims older than `sinceMs` from here on
    if (ids.length < SCAN_BATCH || fresh.length < ids.length) break;
  }
  return { claims: found, decisions: latest, page, pageSize, more, scanned };
}

/** Hops followed from a merged claim id before giving up (a chain longer than this is a loop). */
const MAX_MERGE_HOPS = 8;

/**
 * The claim an id names now: the claim itself, or the one it was merged into (following a chain
 * of merges). `id` is the id asked for, `claim.id` the surviving one; null when neither exists.
 */
export async function resolveClaim(store: ClaimStore, id: string): Promise<Claim | null> {
  let current = id;
  for (let hop = 0; hop <= MAX_MERGE_HOPS; hop++) {
    const c = (await store.get([current])).get(current);
    if (c) return c;
    const next = await store.mergedInto(current);
    if (!next || next === current) return null;
    current = next;
  }
  return null;
}

/** A run of words of a wording compared with another: the same, only in this one, or only in the other. */
export interface WordingPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * A wording variant compared word by word with the reference wording (the claim's canonical):
 * `added` runs are in the variant only, `removed` ones in the reference only.
 */
export function compareWordings(reference: string, variant: string): WordingPart[] {
  return diffWords(reference, variant).map((p) => ({
    kind: p.added ? 'added' : p.removed ? 'removed' : 'same',
    text: p.value,
  }));
}
