import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration, parseSince } from './duration.js';
import { UsageError } from './errors.js';

describe('parseDuration', () => {
  it('reads every unit and a bare number of milliseconds', () => {
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('1h')).toBe(3_600_000);
    expect(parseDuration('2d')).toBe(172_800_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('1.5m')).toBe(90_000);
    expect(parseDuration(' 15000 ')).toBe(15_000);
  });

  it('says which forms it accepts, named by the flag, as a usage error', () => {
    expect(() => parseDuration('5x')).toThrow("'5x' is not a duration: use e.g. 90s, 5m, 1h, 2d");
    expect(() => parseDuration('5x', '--every')).toThrow("--every: '5x' is not a duration: use e.g. 90s, 5m, 1h, 2d");
    for (const bad of ['', '-5m', '5 m', '1e3', 'm', '1h30m']) expect(() => parseDuration(bad)).toThrow(UsageError);
  });

  it('formats back to the shortest exact unit', () => {
    for (const s of ['90s', '5m', '1h', '2d', '250ms']) expect(formatDuration(parseDuration(s))).toBe(s);
  });
});

describe('parseSince', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');

  it('reads a duration back from now', () => {
    expect(parseSince('2h', '--since', now)).toBe(Date.parse('2026-11-26T10:00:00Z'));
    expect(parseSince('3d', '--since', now)).toBe(Date.parse('2026-11-23T12:00:00Z'));
  });

  it('reads an ISO date or time, without a zone as UTC', () => {
    expect(parseSince('2026-11-20', '--since', now)).toBe(Date.parse('2026-11-20T00:00:00Z'));
    expect(parseSince('2026-11-20T08:30', '--since', now)).toBe(Date.parse('2026-11-20T08:30:00Z'));
    expect(parseSince('2026-11-20 08:30:15', '--since', now)).toBe(Date.parse('2026-11-20T08:30:15Z'));
    expect(parseSince('2026-11-20T08:30+02:00', '--since', now)).toBe(Date.parse('2026-11-20T06:30:00Z'));
  });

  it('refuses what Date.parse would guess at, naming both accepted forms', () => {
    // Date.parse reads "5" as a day in 2001 and "1.5" as 1 May; a bare number would be ms ago.
    for (const bad of ['5', '1.5', '5x', 'yesterday', '2026-13-45', 'Nov 20 2026'])
      expect(() => parseSince(bad, '--since', now), bad).toThrow(
        `--since: '${bad}' is neither a duration back from now (90s, 5m, 1h, 2d) nor an ISO date or time (2026-11-26, 2026-11-26T08:00Z)`,
      );
  });
});
