import { UsageError } from './errors.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** The forms a duration may take, said the same way by every flag and config field. */
const DURATION_FORMS = 'use e.g. 90s, 5m, 1h, 2d';

/**
 * Parses "90s", "5m", "1h", "2d", "250ms" or a bare number of milliseconds (config files and
 * environment variables hold milliseconds). The one duration parser of quotecheck: every flag
 * and config field taking a duration goes through it, so every one says the same on a bad value.
 * @param label what the value is, e.g. "--every", prefixed to the error message
 * @throws UsageError (exit 2) naming the accepted forms
 */
export function parseDuration(value: string, label?: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(value.trim());
  if (!m) throw new UsageError(`${label ? `${label}: ` : ''}'${value}' is not a duration: ${DURATION_FORMS}`);
  return Math.round(Number(m[1]) * (UNITS[m[2] ?? 'ms'] ?? 1));
}

// An ISO 8601 date or date-time. Anything looser goes to Date.parse, which reads "5" as the
// year 2001 and "1.5" as 1 May; those are refused instead.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A point in time given as an ISO date or time ("2026-11-26", "2026-11-26T08:00Z") or as a
 * duration back from `now` ("90m", "2h", "3d"), as `--since` takes it. A time without a zone is
 * read as UTC, so the answer does not depend on the machine's time zone.
 * @param label what the value is, e.g. "--since", prefixed to the error message
 * @returns epoch milliseconds
 * @throws UsageError (exit 2) naming the accepted forms
 */
export function parseSince(value: string, label = '--since', now = Date.now()): number {
  const v = value.trim();
  // A bare number would be milliseconds ago: almost surely a mistake, so a unit is required.
  if (/^\d+(?:\.\d+)?(ms|s|m|h|d)$/.test(v)) return now - parseDuration(v, label);
  const iso = ISO_TIME.exec(v);
  if (iso) {
    const t = Date.parse(v.includes(':') && !iso[1] ? `${v.replace(' ', 'T')}Z` : v.replace(' ', 'T'));
    if (!Number.isNaN(t)) return t;
  }
  throw new UsageError(
    `${label}: '${value}' is neither a duration back from now (90s, 5m, 1h, 2d) nor an ISO date or time (2026-11-26, 2026-11-26T08:00Z)`,
  );
}

/** Formats milliseconds as the shortest exact unit ("300000" -> "5m"). */
export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const size = UNITS[unit] ?? 1;
    if (ms >= size && ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
}
