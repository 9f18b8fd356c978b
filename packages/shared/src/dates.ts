/**
 * One date normaliser for pages and feeds: any published date becomes a UTC ISO instant or null,
 * and never depends on the zone of the process that reads it.
 *
 * A date that states its zone (`Z`, `+01:00`, `-0500`, RFC 822 names such as `GMT`, `EST`, `PDT`)
 * is read in it. A date without one is read in the zone its page or feed states (see
 * {@link NormalizeDateOptions.zone}), else in UTC. `Date.parse` alone reads zone-less strings in the
 * process's local zone: `2019-11-19 10:00:00` was 15:00Z on a worker in New York and 04:30Z in
 * Kolkata. Built on `Intl` (full ICU ships with Node) rather than a date library: the formats
 * publishers use are ISO 8601 / RFC 3339, RFC 822 and a tail that `Date.parse` reads, and the only
 * zone arithmetic needed is one IANA offset lookup.
 */
import type { Logger } from './logger.js';

/** How {@link normalizeDate} reads a date without a zone, and where it reports a dropped one. */
export interface NormalizeDateOptions {
  /**
   * The zone a date without one is read in: an IANA name (`Europe/Paris`), an offset (`+05:30`,
   * `UTC-5`) or an RFC 822 zone name (`EST`). Null, absent or unknown: UTC.
   */
  zone?: string | null;
  /** Receives one debug line, with the raw value in `rawDate`, for each date dropped. */
  log?: Pick<Logger, 'debug'> | null;
  /** Fields added to that line, e.g. `{ articleUrl }` or `{ feedId }`. */
  fields?: Record<string, unknown>;
}

/** Offsets in minutes of the zone names RFC 822 defines, and of a few more that feeds use unambiguously. */
const ZONE_NAMES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  akst: -540,
  akdt: -480,
  hst: -600,
  wet: 0,
  west: 60,
  bst: 60,
  cet: 60,
  cest: 120,
  eet: 120,
  eest: 180,
  msk: 180,
  jst: 540,
  kst: 540,
  hkt: 480,
  sgt: 480,
  aest: 600,
  aedt: 660,
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** A date's wall-clock fields and, when it states one, its UTC offset in minutes. */
interface Parsed {
  /** The wall-clock time as if it were UTC, in ms. */
  wall: number;
  offset: number | null;
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|UT|[+-]\d{2}(?::?\d{2})?)?$/i;
// RFC 822/2822 as feeds write it: optional weekday, 2- or 4-digit year, optional seconds, zone by
// number or name (possibly missing). The month is matched by its first three letters.
const RFC822 =
  /^(?:[a-z]{2,9}\.?,?\s+)?(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(?:([+-]\d{2}:?\d{2})|([a-z]{1,5}))?$/i;
// Any zone a Date.parse-only format can carry; without one, the wall clock is pinned to UTC first.
const HAS_ZONE = /(?:\d|\b)(?:Z|UTC|GMT|UT)\b|[+-]\d{2}:?\d{2}\b|\b(?:[ECMP][SD]T)\b/i;

function offsetOf(sign: string, hh: string, mm: string | undefined): number {
  const m = Number(hh) * 60 + Number(mm ?? 0);
  return sign === '-' ? -m : m;
}

/** `+05:30`, `-0500`, `+01`, `Z`, `UTC`, `GMT`, `UT` as minutes; null when it is none of those. */
function numericOffset(z: string): number | null {
  if (/^(?:z|utc|gmt|ut)$/i.test(z)) return 0;
  const m = /^(?:(?:utc|gmt)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(z.trim());
  if (!m) return null;
  const off = offsetOf(m[1]!, m[2]!, m[3]);
  return Math.abs(off) <= 18 * 60 ? off : null;
}

function parse(s: string): Parsed | null {
  let m = ISO.exec(s);
  if (m) {
    const [, y, mo, d, h, mi, sec, frac, zone] = m;
    const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
    const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0), ms);
    if (!fieldsValid(wall, Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0))) return null;
    return { wall, offset: zone ? numericOffset(zone) : null };
  }
  m = RFC822.exec(s);
  // "19 Nov 2019 10:00 PM" is a 12-hour clock, not a zone named PM: left to Date.parse below
  if (m && !/^[ap]m$/i.test(m[8] ?? '')) {
    const [, d, mon, yy, h, mi, sec, num, name] = m;
    const mo = MONTHS.indexOf(mon!.slice(0, 3).toLowerCase());
    if (mo >= 0) {
      // RFC 2822 section 4.3: two-digit years below 50 are 20xx
      const y = yy!.length === 2 ? Number(yy) + (Number(yy) < 50 ? 2000 : 1900) : Number(yy);
      const wall = Date.UTC(y, mo, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0));
      if (!fieldsValid(wall, y, mo + 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0))) return null;
      // An unknown zone name (military letters, ambiguous IST) counts as no zone, as RFC 2822 reads "-0000".
      const offset = num ? numericOffset(num) : name ? (ZONE_NAMES[name.toLowerCase()] ?? null) : null;
      return { wall, offset };
    }
  }
  // Everything else ("November 19, 2019 10:00 AM", "2019/11/19 10:00"): V8's parser, with the wall
  // clock pinned to UTC when the string carries no zone so the process zone never leaks in.
  if (HAS_ZONE.test(s)) {
    const t = Date.parse(s);
    // the instant itself, as a wall clock at offset 0
    return Number.isFinite(t) ? { wall: t, offset: 0 } : null;
  }
  const t = Date.parse(`${s} UTC`);
  return Number.isFinite(t) ? { wall: t, offset: null } : null;
}

/** Rejects 2019-02-30 and 25:00, which Date.UTC would silently roll over. */
function fieldsValid(wall: number, y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  const t = new Date(wall);
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && h < 24 && mi < 60 && s < 61;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatter(zone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(zone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
        era: 'short',
      });
    } catch {
      f = null;
    }
    if (formatters.size < 500) formatters.set(zone, f);
  }
  return f;
}

/** The offset (minutes) of an IANA zone at an instant. */
function ianaOffset(f: Intl.DateTimeFormat, instant: number): number {
  const p: Record<string, string> = {};
  for (const { type, value } of f.formatToParts(instant)) p[type] = value;
  const y = p.era === 'BC' || p.era === 'B' ? 1 - Number(p.year) : Number(p.year);
  const wall = Date.UTC(y, Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The canonical form of a stated time zone: an IANA name as given (`Europe/Paris`), or a fixed
 * offset as `+05:30`; null when the label is neither (so it can be ignored).
 */
export function parseTimeZone(label: string | null | undefined): string | null {
  const z = label?.trim();
  if (!z || z.length > 64) return null;
  const named = ZONE_NAMES[z.toLowerCase()];
  const off = named ?? numericOffset(z);
  if (off !== null) return formatOffset(off);
  return /^[A-Za-z][\w+-]*(?:\/[\w+-]+){0,2}$/.test(z) && formatter(z) ? z : null;
}

function formatOffset(min: number): string {
  const a = Math.abs(min);
  return `${min < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** The wall-clock time `wall` (ms, as if UTC) read in `zone`, as an instant. */
function inZone(wall: number, zone: string | null | undefined): number {
  const z = parseTimeZone(zone);
  if (!z) return wall;
  const fixed = numericOffset(z);
  if (fixed !== null) return wall - fixed * 60_000;
  const f = formatter(z)!;
  // The offset at the guess, then at the corrected guess: right on both sides of a DST change
  // (an ambiguous fall-back time reads as the first one; a time in a spring-forward gap, which does
  // not exist, is read with the offset after the change).
  let t = wall - ianaOffset(f, wall) * 60_000;
  t = wall - ianaOffset(f, t) * 60_000;
  return t;
}

/**
 * The zone a date states, as `+HH:MM` (`Z` and `GMT` give `+00:00`, `EST` gives `-05:00`); null when
 * it states none. Used to find a page's or feed's zone from its other dates.
 */
export function statedZone(raw: string | null | undefined): string | null {
  const s = raw?.trim();
  if (!s) return null;
  const p = parse(s);
  if (!p || p.offset === null || (!ISO.test(s) && !RFC822.test(s))) return null;
  return formatOffset(p.offset);
}

/**
 * A published date as a UTC ISO 8601 instant (`2019-11-19T10:00:00.000Z`), or null when it is empty,
 * unparseable or outside 1900-2200; a dropped value is logged (debug, `event: 'date.dropped'`, the
 * raw value in `rawDate`) when a logger is given. Zone rules: see the module comment.
 */
export function normalizeDate(raw: string | null | undefined, options: NormalizeDateOptions = {}): string | null {
  if (!raw) return null;
  const s = raw.replace(/[\s\u00a0]+/g, ' ').trim();
  if (!s) return null;
  const p = s.length <= 100 ? parse(s) : null;
  if (p) {
    const t = p.offset !== null ? p.wall - p.offset * 60_000 : inZone(p.wall, options.zone);
    const year = new Date(t).getUTCFullYear();
    if (year >= 1900 && year <= 2200) return new Date(t).toISOString();
  }
  options.log?.debug(
    { ...options.fields, event: 'date.dropped', reason: p ? 'out-of-range' : 'unparseable', rawDate: s.slice(0, 200) },
    'published date dropped',
  );
  return null;
}
