import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvStringifier } from './export.js';

/** The CSV text of rows whose first cell is `value` (other cells empty). */
async function csvOf(values: string[], bom = false): Promise<string> {
  const rows = values.map((v) => [v, ...CSV_COLUMNS.slice(1).map(() => '')]);
  // Bytes decoded by Buffer, not TextDecoder, which would drop a byte order mark.
  return (await buffer(Readable.from(rows).pipe(csvStringifier({ bom })))).toString('utf8');
}

describe('csvStringifier', () => {
  it('writes a cell that starts like a formula as quoted text behind a single quote', async () => {
    const hostile = [
      '@SUM(1+1) we will win',
      "+cmd|' /C calc'!A0",
      '=1+1',
      '-2+3',
      '\tcmd',
      '\r=1',
      '＝1+1',
      '＋1',
      '－1',
      '＠SUM(A1)',
    ];
    const lines = (await csvOf(hostile)).split('\n');
    expect(lines[0]).toBe(CSV_COLUMNS.join(','));
    hostile.forEach((v, i) => {
      expect(lines[i + 1]!.startsWith(`"'${v}"`), JSON.stringify(v)).toBe(true);
    });
  });

  it('leaves ordinary cells alone and quotes only what RFC 4180 needs', async () => {
    const lines = (await csvOf(['plain words', 'a, b', 'say "hi"', "'already quoted", '2+2'])).split('\n');
    expect(lines.slice(1, 6).map((l) => l.split(',,')[0])).toEqual([
      'plain words',
      '"a, b"',
      '"say ""hi"""',
      "'already quoted",
      '2+2',
    ]);
  });

  it('starts with a UTF-8 byte order mark only when asked', async () => {
    expect((await csvOf(['x'], true)).startsWith('\uFEFFid,')).toBe(true);
    expect((await csvOf(['x'])).startsWith('id,')).toBe(true);
  });
});
