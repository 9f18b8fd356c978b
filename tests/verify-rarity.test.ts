import type { Speaker } from '@quotecheck/shared';
import { type ArticleInput, type ClaimStore, emptyWrites, quoteKeys, Verifier } from '@quotecheck/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneQuoteArticle, TestClaimStores } from './support/claim-fixtures.js';
import { testPrefix } from './support/cli.js';

const stores = new TestClaimStores(testPrefix('rarity'));

// Distinct made-up words, so only the intended phrases are shared.
let next = 0;
const fresh = (n: number) => Array.from({ length: n }, () => `r${(next++).toString(36)}q`).join(' ');

const person = (name: string): Speaker => ({ name, kind: 'person' });
const nobody: Speaker = { name: null, kind: 'unknown' };

const article = (id: string, quote: string, speaker: Speaker) => oneQuoteArticle(id, quote, speaker);

beforeAll(() => stores.open());
afterAll(() => stores.close());

async function frequencies(store: ClaimStore, quote: string): Promise<{ docs: number; counts: number[] }> {
  const grams = quoteKeys(quote.toLowerCase().split(' '), nobody).grams;
  return store.transact(async (tx) => ({
    writes: emptyWrites(),
    result: await tx.gramFrequencies(grams),
  }));
}

/** Number of occurrences of the claim holding the article's quote. */
async function occurrencesOf(v: Verifier, a: ArticleInput): Promise<number> {
  const r = await v.addArticle(a);
  const id = r.claimIds[0]!;
  const got = await v.store.transact(async (tx) => ({
    writes: emptyWrites(),
    result: await tx.claims([id]),
  }));
  return got.get(id)?.occurrences.length ?? 0;
}

describe.each(stores.each)('phrase rarity in the %s store', (_name, makeStore) => {
  it('counts each article once per 4-gram its new quotes hold, and a re-run not at all', async () => {
    const store = makeStore();
    const v = new Verifier(store);
    const phrase = fresh(6);
    const second = article('f2', `${phrase} ${fresh(3)}`, person('Bob Ray'));
    await v.addArticle(article('f1', `${fresh(3)} ${phrase}`, person('Ann Lee')));
    await v.addArticle(second);
    await v.addArticle(second);
    const f = await frequencies(store, phrase);
    expect(f.docs).toBe(2);
    expect(f.counts).toEqual([2, 2, 2]);
  });

  it('never links two quotes on a stock phrase alone, but does on a rare one', async () => {
    const v = new Verifier(makeStore());
    const stock = fresh(9);
    // Ten earlier articles by ten people carry the phrase inside different remarks.
    for (let i = 0; i < 10; i++)
      await v.addArticle(article(`s${i}`, `${fresh(4)} ${stock} ${fresh(4)}`, person(`Speaker${i} Name${i}`)));
    expect(await occurrencesOf(v, article('x1', `${fresh(5)} ${stock} ${fresh(5)}`, nobody))).toBe(1);
    const rare = fresh(9);
    await v.addArticle(article('y1', `${fresh(5)} ${rare} ${fresh(5)}`, nobody));
    expect(await occurrencesOf(v, article('y2', `${fresh(5)} ${rare} ${fresh(5)}`, nobody))).toBe(2);
  });

  it('links two named speakers only on a substantial near-identical rare passage, and only then flags them', async () => {
    const store = makeStore();
    const v = new Verifier(store);
    const statement = fresh(20);
    const words = statement.split(' ');
    await v.addArticle(article('a1', statement, person('Ann Lee')));
    // An 8-word run inside another remark: one person's words do not become another's.
    const r1 = await v.addArticle(article('b1', `${fresh(6)} ${words.slice(4, 12).join(' ')} ${fresh(6)}`, person('Bob Ray')));
    expect(r1.changed.find((c) => c.id === r1.claimIds[0])?.occurrences).toHaveLength(1);
    // Twelve words of it, verbatim: the same statement, attributed to someone else.
    const r2 = await v.addArticle(article('b2', words.slice(2, 14).join(' '), person('Bob Ray')));
    const claim = r2.changed.find((c) => c.id === r2.claimIds[0]);
    expect(claim?.occurrences).toHaveLength(2);
    expect(claim?.status).toBe('conflicting_speaker');
  });
});
