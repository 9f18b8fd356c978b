import { afterEach, describe, expect, it } from 'vitest';
import { normalizeDate, parseTimeZone, statedZone } from './dates.js';

/** [raw, zone stated by the page or feed, expected instant]: each must hold in any process zone. */
const CASES: [string, string | null, string | null][] = [
  // no zone, none stated: UTC (was 15:00Z on a worker in New York)
  ['2019-11-19 10:00:00', null, '2019-11-19T10:00:00.000Z'],
  ['2019-11-19T10:00:00', null, '2019-11-19T10:00:00.000Z'],
  ['2019-11-19', null, '2019-11-19T00:00:00.000Z'],
  ['November 19, 2019 10:00 AM', null, '2019-11-19T10:00:00.000Z'],
  ['19 Nov 2019 10:00 PM', null, '2019-11-19T22:00:00.000Z'],
  ['2019/11/19 10:00', null, '2019-11-19T10:00:00.000Z'],
  ['Tue, 19 Nov 2019 10:00:00', null, '2019-11-19T10:00:00.000Z'],
  // no zone, one stated: IANA (with DST), offset, RFC 822 name
  ['2019-11-19 10:00:00', 'America/New_York', '2019-11-19T15:00:00.000Z'],
  ['2019-07-19T10:00:00', 'America/New_York', '2019-07-19T14:00:00.000Z'],
  ['2019-07-19T10:00:00', 'Europe/Paris', '2019-07-19T08:00:00.000Z'],
  ['2019-11-19T10:00:00', '+05:30', '2019-11-19T04:30:00.000Z'],
  ['2019-11-19T10:00:00', 'UTC-3', '2019-11-19T13:00:00.000Z'],
  ['Tue, 19 Nov 2019 10:00:00', 'EST', '2019-11-19T15:00:00.000Z'],
  ['November 19, 2019 10:00 PM', 'Asia/Kolkata', '2019-11-19T16:30:00.000Z'],
  ['2019-11-19', 'Asia/Tokyo', '2019-11-18T15:00:00.000Z'],
  // an unknown stated zone is ignored
  ['2019-11-19 10:00:00', 'Mars/Olympus_Mons', '2019-11-19T10:00:00.000Z'],
  // a date's own zone wins over the stated one
  ['2019-11-19T10:00:00Z', 'America/New_York', '2019-11-19T10:00:00.000Z'],
  ['2019-11-19T10:00:00+01:00', 'America/New_York', '2019-11-19T09:00:00.000Z'],
  ['2019-11-19T10:00:00.123456-0500', null, '2019-11-19T15:00:00.123Z'],
  ['Tue, 19 Nov 2019 10:00:00 EST', 'Asia/Kolkata', '2019-11-19T15:00:00.000Z'],
  ['Tue, 19 Nov 2019 10:00:00 PDT', null, '2019-11-19T17:00:00.000Z'],
  ['Tue, 19 Nov 2019 10:00:00 GMT', 'America/New_York', '2019-11-19T10:00:00.000Z'],
  ['Tue, 19 Nov 2019 10:00:00 +0100', null, '2019-11-19T09:00:00.000Z'],
  ['19 Nov 19 10:00 GMT', null, '2019-11-19T10:00:00.000Z'],
  ['Tue Nov 19 2019 10:00:00 GMT+0100 (CET)', null, '2019-11-19T09:00:00.000Z'],
  // unparseable or implausible: dropped
  ['not a date', null, null],
  ['2019-02-30', null, null],
  ['2019-11-19T25:00:00', null, null],
  ['1850-01-01', null, null],
  ['', null, null],
];

const ZONES = ['UTC', 'America/New_York', 'Asia/Kolkata'];
const original = process.env.TZ;

afterEach(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

describe('normalizeDate', () => {
  for (const tz of ZONES) {
    it(`gives the same UTC instants with the process in ${tz}`, () => {
      // Node re-reads TZ when it is assigned; check it did, or this test would prove nothing.
      process.env.TZ = tz;
      const localOffset = new Date(Date.UTC(2019, 10, 19, 10)).getTimezoneOffset();
      expect(localOffset).toBe({ UTC: 0, 'America/New_York': 300, 'Asia/Kolkata': -330 }[tz]);
      const got = CASES.map(([raw, zone]) => [raw, zone, normalizeDate(raw, { zone })]);
      expect(got).toEqual(CASES);
    });
  }

  it('logs a dropped date at debug with its raw value and the caller’s fields', () => {
    const lines: Record<string, unknown>[] = [];
    const log = { debug: (o: Record<string, unknown>) => lines.push(o) };
    expect(normalizeDate('  soon-ish  ', { log, fields: { articleUrl: 'https://news.example/a' } })).toBeNull();
    expect(normalizeDate('2019-11-19', { log })).toBe('2019-11-19T00:00:00.000Z');
    expect(lines).toEqual([
      { articleUrl: 'https://news.example/a', event: 'date.dropped', reason: 'unparseable', rawDate: 'soon-ish' },
    ]);
  });

  it('drops an over-long value without parsing it', () => {
    expect(normalizeDate(`2019-11-19 ${'x'.repeat(10_000)}`)).toBeNull();
  });
});

describe('statedZone and parseTimeZone', () => {
  it('reads the offset a date states, and none from a zone-less one', () => {
    expect(statedZone('2019-11-19T10:00:00+05:30')).toBe('+05:30');
    expect(statedZone('2019-11-19T10:00:00Z')).toBe('+00:00');
    expect(statedZone('Tue, 19 Nov 2019 10:00:00 PDT')).toBe('-07:00');
    expect(statedZone('Tue, 19 Nov 2019 10:00:00 -0500')).toBe('-05:00');
    expect(statedZone('2019-11-19 10:00:00')).toBeNull();
    expect(statedZone('Tue, 19 Nov 2019 10:00:00')).toBeNull();
    expect(statedZone('not a date')).toBeNull();
  });

  it('accepts IANA names, offsets and RFC 822 names, and refuses anything else', () => {
    expect(parseTimeZone('Europe/Paris')).toBe('Europe/Paris');
    expect(parseTimeZone('UTC+5:30')).toBe('+05:30');
    expect(parseTimeZone('-0800')).toBe('-08:00');
    expect(parseTimeZone('GMT')).toBe('+00:00');
    expect(parseTimeZone('EDT')).toBe('-04:00');
    expect(parseTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(parseTimeZone('+25:00')).toBeNull();
    expect(parseTimeZone('')).toBeNull();
  });
});
