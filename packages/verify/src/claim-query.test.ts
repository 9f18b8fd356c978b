import type { Claim, ClaimStatus } from '@quotecheck/shared';
import { describe, expect, it } from 'vitest';
import { compareWordings, listClaims, resolveClaim } from './claim-query.js';
import { MemoryDecisionLog } from './decisions.js';
import { MemoryClaimStore } from './memory-store.js';
import { emptyWrites } from './store.js';

function claim(i: number, status: ClaimStatus, speaker: string, outlet: string, quote: string): Claim {
  return {
    id: `c${String(i).padStart(4, '0')}`,
    canonical: quote,
    speaker: { name: speaker, kind: 'person' },
    status,
    flags: status === 'denied' ? ['denied', 'second_hand'] : [status],
    firstSeen: null,
    independentSources: 1,
    occurrences: [
      {
        articleId: `a${i}`,
        input: `https://${outlet}/${i}`,
        outlet,
        published: null,
        start: 0,
        end: quote.length,
        text: quote,
        type: 'direct',
        speaker: { name: speaker, kind: 'person' },
        fidelity: 'exact',
        meaningChanged: false,
      },
    ],
    evidence: [],
    updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
  };
}

/** 450 claims, one a minute; every 100th denied (Rubio, wire.test), the rest single-source. */
async function fixture(): Promise<{ store: MemoryClaimStore; decisions: MemoryDecisionLog }> {
  const store = new MemoryClaimStore();
  const claims = Array.from({ length: 450 }, (_, i) =>
    i % 100 === 0
      ? claim(i, 'denied', 'Marco Rubio', 'wire.test', `wish list ${i}`)
      : claim(i, 'single_source', `Speaker ${i % 7}`, i % 2 ? 'odd.test' : 'even.test', `words number ${i}`),
  );
  await store.transact(async () => ({
    writes: { ...emptyWrites(), claims, statuses: claims.map((c) => [c.id, null, c.status] as [string, null, ClaimStatus]) },
    result: null,
  }));
  return { store, decisions: new MemoryDecisionLog() };
}

describe('listClaims', () => {
  it('pages newest first without gaps or overlaps', async () => {
    const { store, decisions } = await fixture();
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const r = await listClaims(store, decisions, {}, page, 100);
      ids.push(...r.claims.map((c) => c.id));
      if (!r.more) break;
    }
    expect(ids).toHaveLength(450);
    expect(ids[0]).toBe('c0449');
    expect([...ids].sort().reverse()).toEqual(ids);
  });

  it('filters by status, flag, speaker, outlet, text and since', async () => {
    const { store, decisions } = await fixture();
    const ids = async (q: Parameters<typeof listClaims>[2]) =>
      (await listClaims(store, decisions, q, 1, 500)).claims.map((c) => c.id);
    expect(await ids({ status: 'denied' })).toEqual(['c0400', 'c0300', 'c0200', 'c0100', 'c0000']);
    expect(await ids({ flag: 'second_hand' })).toHaveLength(5);
    expect(await ids({ speaker: 'rubio', outlet: 'WIRE' })).toHaveLength(5);
    expect(await ids({ outlet: 'odd.test' })).toHaveLength(225);
    expect(await ids({ q: 'number 123' })).toEqual(['c0123']);
    expect(await ids({ q: 'RUBIO wish' })).toHaveLength(5); // every word, in the quote or the speaker
    expect(await ids({ q: 'rubio number' })).toEqual([]);
    expect(await ids({ sinceMs: Date.UTC(2026, 0, 1) + 440 * 60_000 })).toHaveLength(10);
  });

  it('stops reading once every claim of the asked status is found', async () => {
    const { store, decisions } = await fixture();
    const r = await listClaims(store, decisions, { status: 'denied' }, 1, 50);
    expect(r.claims).toHaveLength(5);
    expect(r.scanned).toBe(450); // the oldest denied claim is the oldest claim: all read
    await store.transact(async () => ({
      writes: { ...emptyWrites(), claims: [claim(9000, 'single_source', 'X', 'x.test', 'late')] },
      result: null,
    }));
    const few = await listClaims(store, decisions, { status: 'corroborated' }, 1, 50);
    expect(few.scanned).toBe(0); // none stored with that status: nothing to read
  });

  it('filters on the latest verdict decision; a note does not change it', async () => {
    const { store, decisions } = await fixture();
    const at = '2026-02-01T00:00:00Z';
    await decisions.record({ claimId: 'c0400', action: 'reject', text: 'misquoted', reviewer: 'Ana', at });
    await decisions.record({ claimId: 'c0400', action: 'note', text: 'called them', reviewer: 'Ben', at });
    await decisions.record({ claimId: 'c0300', action: 'reject', text: 'no', reviewer: 'Ana', at });
    await decisions.record({ claimId: 'c0300', action: 'confirm', reviewer: 'Cleo', at });
    const ids = async (reviewed: 'confirmed' | 'rejected' | 'reviewed' | 'unreviewed') =>
      (await listClaims(store, decisions, { status: 'denied', reviewed })).claims.map((c) => c.id);
    expect(await ids('rejected')).toEqual(['c0400']);
    expect(await ids('confirmed')).toEqual(['c0300']);
    expect(await ids('reviewed')).toEqual(['c0400', 'c0300']);
    expect(await ids('unreviewed')).toEqual(['c0200', 'c0100', 'c0000']);
    expect((await decisions.history('c0400')).map((d) => d.action)).toEqual(['reject', 'note']);
    await expect(decisions.record({ claimId: 'c0001', action: 'reject', reviewer: 'Ana', at })).rejects.toThrow(/needs a reason/);
  });
});

describe('resolveClaim', () => {
  it('finds a stored claim and returns null for an unknown id', async () => {
    const { store } = await fixture();
    expect((await resolveClaim(store, 'c0001'))?.id).toBe('c0001');
    expect(await resolveClaim(store, 'nope')).toBeNull();
  });
});

describe('compareWordings', () => {
  it('marks the words a variant adds and leaves out', () => {
    const parts = compareWordings(
      'it looked like it was written in Russian',
      'it looked more like it was written in Russian to begin with',
    );
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['more', 'to begin with']);
    expect(parts.filter((p) => p.kind === 'removed')).toEqual([]);
  });
});
