import { Keys, loadConfig } from '@quotecheck/shared/core';
import { describe, expect, it } from 'vitest';
import { byPartition, ClaimKeyspace } from './claim-keys.js';

describe('ClaimKeyspace', () => {
  it('keeps every key under the one {claims} tag with one partition, as stores had before', () => {
    const s = new ClaimKeyspace(new Keys('qc'));
    expect(s.entry('p:0123456789abcdef')).toEqual({ p: 0, key: 'qc:{claims}:p:0123456789abcdef' });
    expect(s.claim('abc')).toEqual({ p: 0, key: 'qc:{claims}:c:abc' });
    expect(s.ofClaim('abc', 'updated')).toEqual({ p: 0, key: 'qc:{claims}:updated' });
    expect(s.everywhere('status')).toEqual(['qc:{claims}:status']);
  });

  it('places an index entry by its name and a claim with everything filed by its id in one partition', () => {
    const s = new ClaimKeyspace(new Keys('qc', 16));
    const record = s.claim('abc');
    expect(record.key).toBe(`qc:{claims:${record.p}}:c:abc`);
    for (const name of ['updated', 'status', 'merged', 'archived', 'logged', 'reviewed', 'rv:abc'])
      expect(s.ofClaim('abc', name)).toEqual({ p: record.p, key: `qc:{claims:${record.p}}:${name}` });
    expect(s.everywhere('updated')).toHaveLength(16);
    expect(s.nameOf(record.key)).toBe('c:abc');
    expect(s.nameOf('qc:article:abc')).toBeNull();
    // 1,000 posting lists use every partition, none with more than twice its share.
    const counts = new Array(16).fill(0);
    for (let i = 0; i < 1000; i++) counts[s.entry(`p:${i.toString(16).padStart(16, '0')}`).p]++;
    expect(Math.min(...counts)).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBeLessThan((2 * 1000) / 16);
  });

  it('groups keys by partition keeping each one’s place in the input', () => {
    const s = new ClaimKeyspace(new Keys('qc', 4));
    const names = ['x:1', 'x:2', 'x:3', 'x:4', 'x:5', 'x:6'];
    const groups = byPartition(names, (n) => s.entry(n));
    const back: string[] = [];
    for (const [p, g] of groups)
      g.at.forEach((i, j) => {
        expect(g.keys[j]).toBe(`qc:{claims:${p}}:${names[i]}`);
        back[i] = names[i]!;
      });
    expect(back).toEqual(names);
  });
});

describe('claimPartitions in the config', () => {
  it('defaults to 1, reads QUOTECHECK_CLAIM_PARTITIONS, and refuses 0 naming the field', () => {
    expect(loadConfig({ env: {} }).claimPartitions).toBe(1);
    expect(loadConfig({ env: { QUOTECHECK_CLAIM_PARTITIONS: '16' } }).claimPartitions).toBe(16);
    expect(() => loadConfig({ env: { QUOTECHECK_CLAIM_PARTITIONS: '0' } })).toThrow(/claimPartitions/);
  });
});
