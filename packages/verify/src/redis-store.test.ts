import { describe, expect, it } from 'vitest';
import { opRuns, slotOffsets } from './redis-store.js';

describe('opRuns', () => {
  const op = (cmd: string, n: number) => ({ cmd, args: Array.from({ length: n }, (_, i) => `a${i}`) });

  it('groups consecutive ops of one command and argument count, and nothing else', () => {
    const ops = [
      op('SET', 1),
      op('SET', 1),
      op('ZADD', 2),
      op('ZADD', 2),
      op('ZADD', 2),
      op('HSET', 2),
      op('HSET', 3),
      op('SET', 1),
    ];
    expect(opRuns(ops)).toEqual([
      [0, 2],
      [2, 5],
      [5, 6],
      [6, 7],
      [7, 8],
    ]);
  });

  it('keeps each phrase-count op a run of its own, whatever its argument count', () => {
    expect(opRuns([op('SKETCH', 3), op('SKETCH', 3), op('INCR', 0), op('INCR', 0)])).toEqual([
      [0, 1],
      [1, 2],
      [2, 4],
    ]);
  });

  it('has no run for no ops', () => {
    expect(opRuns([])).toEqual([]);
  });
});

describe('slotOffsets', () => {
  it('writes version slots as BITFIELD offsets in one space-separated argument', () => {
    expect(slotOffsets([3, 4_194_303, 0])).toBe('#3 #4194303 #0');
    expect(slotOffsets(new Set<number>())).toBe('');
  });
});
