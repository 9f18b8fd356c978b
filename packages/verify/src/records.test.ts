import type { Claim } from '@quotecheck/shared';
import { describe, expect, it } from 'vitest';
import { copyClaim, parseClaim } from './records.js';

const claim: Claim = {
  id: 'c1',
  canonical: 'We will rebuild the harbour bridge before the winter.',
  speaker: { name: 'Ana Lopes', kind: 'person', role: 'mayor' },
  status: 'second_hand',
  flags: ['second_hand'],
  firstSeen: '2026-01-01T00:00:00.000Z',
  independentSources: 1,
  occurrences: [
    {
      articleId: 'a1',
      input: 'a1.txt',
      outlet: 'outlet-a',
      published: null,
      start: 10,
      end: 60,
      text: 'We will rebuild the harbour bridge before the winter.',
      type: 'direct',
      speaker: { name: 'Ana Lopes', kind: 'person' },
      reportedBy: { name: 'council members', kind: 'group' },
      fidelity: 'exact',
      meaningChanged: false,
      align: { start: 0, end: 9 },
    },
  ],
  evidence: [{ rule: 'reporting-chain', flag: 'second_hand', input: 'a1.txt', start: 10, end: 60, sentence: 'x' }],
  updatedAt: '2026-01-01T00:00:00.000Z',
  mergedFrom: ['c0'],
};

/** Every object and array reachable from a value. */
function objectsOf(v: unknown, out = new Set<object>()): Set<object> {
  if (v !== null && typeof v === 'object' && !out.has(v)) {
    out.add(v);
    for (const x of Object.values(v)) objectsOf(x, out);
  }
  return out;
}

describe('claim records', () => {
  it('copies a claim whole, sharing no object or array with the original', () => {
    const copy = copyClaim(claim);
    expect(copy).toEqual(claim);
    const mine = objectsOf(claim);
    for (const o of objectsOf(copy)) expect(mine.has(o)).toBe(false);
  });

  it('reads a stored claim back as it was written, absent fields absent from its JSON', () => {
    const { mergedFrom: _, ...plain } = claim;
    const json = JSON.stringify(plain);
    const back = parseClaim(json);
    expect(back).toEqual(plain);
    expect(JSON.stringify(back)).toBe(json);
  });
});
