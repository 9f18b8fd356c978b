import type { Claim, Logger } from '@quotecheck/shared/core';
import { hashKey } from './normalize.js';
import type { ClaimStore } from './store.js';

/** Statuses that are not worth a warning: the claim holds up, or there is only one source. */
const QUIET = new Set(['corroborated', 'single_source']);

/** Whether a claim's status is a flag a reviewer should see (not corroborated or single-source). */
export function isFlagged(c: Claim): boolean {
  return !QUIET.has(c.status);
}

/** The logged state of a claim: a warning is written again only when this changes. */
export function flagState(c: Claim): string {
  return hashKey(`${c.status}|${[...c.flags].sort().join(',')}|${c.occurrences.length}`, 12);
}

/** The stable fields of a `claim.flagged` log line. */
export function flaggedFields(c: Claim) {
  return {
    event: 'claim.flagged' as const,
    claimId: c.id,
    status: c.status,
    flags: c.flags,
    speaker: c.speaker.name,
    speakerKind: c.speaker.kind,
    quote: c.canonical,
    occurrences: c.occurrences.length,
    independentSources: c.independentSources,
    firstSeen: c.firstSeen,
    evidence: c.evidence.filter((e) => e.flag && !QUIET.has(e.flag)),
  };
}

/**
 * Logs every changed claim whose status is a flag (not corroborated or single-source) at warn
 * level, once per change of status, flags or occurrence count (the store remembers what it logged,
 * so several workers do not repeat each other). Returns how many were logged.
 */
export async function logFlagged(claims: readonly Claim[], store: ClaimStore, log: Logger): Promise<number> {
  const flagged = claims.filter(isFlagged);
  const fresh = await Promise.all(flagged.map((c) => store.markLogged(c.id, flagState(c))));
  let n = 0;
  for (const [i, c] of flagged.entries()) {
    if (!fresh[i]) continue;
    log.warn(flaggedFields(c), `claim flagged ${c.status}`);
    n++;
  }
  return n;
}
