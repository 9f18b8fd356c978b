import type { Claim, ClaimStatus, Evidence } from '@quotecheck/shared/core';
import { flaggedFields, isFlagged } from './flag-log.js';

/** The latest logged state of one flagged claim. */
export interface FlaggedClaim {
  claimId: string;
  status: ClaimStatus;
  flags: ClaimStatus[];
  speaker: string | null;
  quote: string;
  occurrences: number;
  evidence: Evidence[];
  /** Time of the latest log line (ISO). */
  time: string;
  /** How many `claim.flagged` lines the claim had. */
  updates: number;
}

/** Filters of `quotecheck review`. */
export interface ReviewFilter {
  status?: string;
  speaker?: string;
  sinceMs?: number;
}

/** One log line as a JSON object; null for anything else. */
function parseJsonLine(line: string): Record<string, unknown> | null {
  const t = line.trim();
  if (!t.startsWith('{')) return null;
  try {
    const o = JSON.parse(t) as unknown;
    return o !== null && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Whether a parsed line was written by the quotecheck logger: its base field `app` is
 * "quotecheck" (older logs without it: a pino line, numeric `level` and `time`, with an `event`).
 */
function isQuotecheckLog(o: Record<string, unknown>): boolean {
  if (o.app === 'quotecheck') return true;
  return typeof o.level === 'number' && o.time !== undefined && typeof o.event === 'string';
}

function flaggedFrom(o: Record<string, unknown>): Omit<FlaggedClaim, 'updates'> | null {
  if (o.event !== 'claim.flagged' || typeof o.claimId !== 'string') return null;
  const time = typeof o.time === 'string' ? o.time : typeof o.time === 'number' ? new Date(o.time).toISOString() : '';
  return {
    claimId: o.claimId,
    status: o.status as ClaimStatus,
    flags: Array.isArray(o.flags) ? (o.flags as ClaimStatus[]) : [],
    speaker: typeof o.speaker === 'string' ? o.speaker : null,
    quote: typeof o.quote === 'string' ? o.quote : '',
    occurrences: typeof o.occurrences === 'number' ? o.occurrences : 0,
    evidence: Array.isArray(o.evidence) ? (o.evidence as Evidence[]) : [],
    time,
  };
}

/**
 * A stored claim as `review` shows it, the same fields its `claim.flagged` log line carries;
 * null when its status is not a flag. Used by `review --store`, which needs no log files.
 */
export function flaggedFromStore(c: Claim): FlaggedClaim | null {
  if (!isFlagged(c)) return null;
  const f = flaggedFields(c);
  return {
    claimId: f.claimId,
    status: f.status,
    flags: f.flags,
    speaker: f.speaker,
    quote: f.quote,
    occurrences: f.occurrences,
    evidence: f.evidence,
    time: c.updatedAt,
    updates: 1,
  };
}

/** Parses one log line; null for non-JSON lines and lines that are not `claim.flagged` events. */
export function parseFlaggedLine(line: string): Omit<FlaggedClaim, 'updates'> | null {
  const o = parseJsonLine(line);
  return o ? flaggedFrom(o) : null;
}

/** Groups flagged-claim log lines by claim, keeping the latest state of each. */
export class FlagGroups {
  private readonly byId = new Map<string, FlaggedClaim>();
  /** Lines read, and how many of them were quotecheck log lines (of any event). */
  readonly seen = { lines: 0, logLines: 0 };

  /** Adds a line; returns the claim's new state when the line was a flagged claim. */
  add(line: string): FlaggedClaim | null {
    if (line.trim() === '') return null;
    this.seen.lines++;
    const o = parseJsonLine(line);
    if (!o || !isQuotecheckLog(o)) return null;
    this.seen.logLines++;
    const f = flaggedFrom(o);
    if (!f) return null;
    const prev = this.byId.get(f.claimId);
    const next: FlaggedClaim =
      !prev || f.time >= prev.time ? { ...f, updates: (prev?.updates ?? 0) + 1 } : { ...prev, updates: prev.updates + 1 };
    this.byId.set(f.claimId, next);
    return next;
  }

  /** How many distinct flagged claims were read, before any filter. */
  get size(): number {
    return this.byId.size;
  }

  /** The latest state of each claim passing the filter, most recent first. */
  list(filter: ReviewFilter = {}): FlaggedClaim[] {
    return [...this.byId.values()].filter((c) => matchesReview(c, filter)).sort((a, b) => b.time.localeCompare(a.time));
  }
}

/** Whether a flagged claim passes the review filters (status matches the headline or any flag). */
export function matchesReview(c: FlaggedClaim, f: ReviewFilter): boolean {
  if (f.status && c.status !== f.status && !c.flags.includes(f.status as ClaimStatus)) return false;
  if (f.speaker && !(c.speaker ?? '').toLowerCase().includes(f.speaker.toLowerCase())) return false;
  if (f.sinceMs !== undefined && Date.parse(c.time) < f.sinceMs) return false;
  return true;
}

/** A flagged claim as terminal text: headline, then one indented line per piece of evidence. */
export function formatFlagged(c: FlaggedClaim, color = false): string {
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[0m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[0m` : s);
  const red = (s: string) => (color ? `\x1b[31m${s}\x1b[0m` : s);
  const lines = [
    `${red(c.status.toUpperCase())} ${bold(`“${c.quote}”`)} — ${c.speaker ?? '(unknown speaker)'}`,
    dim(
      `  claim ${c.claimId} · flags ${c.flags.join(', ')} · ${c.occurrences} occurrence(s) · last ${c.time}${c.updates > 1 ? ` · ${c.updates} updates` : ''}`,
    ),
  ];
  for (const e of c.evidence) {
    lines.push(`  [${e.flag ?? '?'}/${e.rule}] ${e.input}:${e.start}-${e.end}`);
    lines.push(`      ${e.sentence.replace(/\s+/g, ' ')}`);
    if (e.note) lines.push(dim(`      ${e.note}`));
  }
  return lines.join('\n');
}
