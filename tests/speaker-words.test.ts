import { emptyWrites } from '@quotecheck/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClaimStores } from './support/claim-fixtures.js';
import { testPrefix } from './support/cli.js';

const stores = new TestClaimStores(testPrefix('speaker-words'));
beforeAll(() => stores.open());
afterAll(() => stores.close());

describe.each(stores.each)('a speaker’s word lists in the %s store', (_name, make) => {
  it('keeps each word’s most recent claim ids, oldest first, each once, and words of other speakers apart', async () => {
    const store = make();
    const ids = Array.from({ length: 70 }, (_, i) => `c${String(i).padStart(15, '0')}`);
    for (const batch of [ids.slice(0, 40), ids.slice(40), [ids[69]!]])
      await store.transact(async () => {
        const writes = emptyWrites();
        for (const id of batch) writes.speakerWords.push(['p:moss', 'tunnel', id, 64], ['p:reyes', 'ferry', id, 64]);
        return { writes, result: null };
      });
    const [tunnel, ferry, reyes] = await store.transact(async (tx) => ({
      writes: emptyWrites(),
      result: [...(await tx.speakerWords('p:moss', ['tunnel', 'ferry'])), ...(await tx.speakerWords('p:reyes', ['ferry']))],
    }));
    expect(tunnel).toEqual(ids.slice(6));
    expect(ferry).toEqual([]);
    expect(reyes).toEqual(ids.slice(6));
    // A smaller cap (a store written by an earlier release) cuts a list down in one write.
    await store.transact(async () => {
      const writes = emptyWrites();
      writes.speakerWords.push(['p:moss', 'tunnel', 'c-new', 8]);
      return { writes, result: null };
    });
    const [cut] = await store.transact(async (tx) => ({
      writes: emptyWrites(),
      result: await tx.speakerWords('p:moss', ['tunnel']),
    }));
    expect(cut).toEqual([...ids.slice(63), 'c-new']);
  });
});
