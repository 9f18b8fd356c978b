import { MemoryClaimStore, resolveClaim, Verifier } from '@quotecheck/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneQuoteArticle, TestClaimStores } from './support/claim-fixtures.js';
import { testPrefix } from './support/cli.js';
import { loadStatementArticles as loadArticles, partition, shuffled } from './support/statement-set.js';

/**
 * Lower-cased words, punctuation dropped, a hyphenated word in its parts, an honorific before a
 * name left out (as the verifier's normalisation, for these texts).
 */
function words(text: string): string[] {
  const tokens = text.replace(/[’‘]/g, "'").split(/\s+/);
  return tokens
    .filter((t, i) => !(/^(?:mr|mrs|ms|messrs|dr)\.?$/i.test(t) && /^\p{Lu}/u.test(tokens[i + 1] ?? '')))
    .map((t) => t.toLowerCase())
    .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .flatMap((t) => t.split('-'))
    .filter(Boolean);
}

function indexOf(hay: string[], needle: string[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

const stores = new TestClaimStores(testPrefix('statements'));

beforeAll(() => stores.open());
afterAll(() => stores.close());

describe('claims as statements', () => {
  const articles = loadArticles();

  it('gives the same claims (occurrence partition and canonical statements) whatever the arrival order', async () => {
    const base = await partition(new MemoryClaimStore(), articles);
    // The set holds statements excerpted differently by several outlets: some claim has 3+ articles.
    expect(base.groups.some((g) => new Set(g.split(' | ').map((o) => o.split(':')[0])).size >= 3)).toBe(true);
    for (const seed of [1, 2, 3, 4, 5]) {
      const got = await partition(new MemoryClaimStore(), shuffled(articles, seed));
      expect(got.groups, `seed ${seed}`).toEqual(base.groups);
      expect(got.canon, `seed ${seed}`).toEqual(base.canon);
    }
    const store = stores.redisStore('perm');
    const onRedis = await partition(store, shuffled(articles, 7));
    expect(onRedis.groups).toEqual(base.groups);
    // Spread over 16 hash tags, the store gives the same claims too.
    const spread = await partition(stores.redisStore('perm16', 16), shuffled(articles, 8));
    expect(spread.groups).toEqual(base.groups);
    expect(spread.canon).toEqual(base.canon);
  });

  it('grows the canonical statement to the union of its excerpts and aligns each excerpt into it', async () => {
    const store = new MemoryClaimStore();
    const v = new Verifier(store);
    for (const a of articles) await v.addArticle(a);
    const founder = store.all().find((c) => c.occurrences.some((o) => /he’s the founder of ISIS/.test(o.text)));
    expect(founder).toBeDefined();
    // "No, I meant he's the founder of ISIS." and "I do. He was the most valuable player. … He was
    // the founder." are two excerpts of one statement in one article; another article has both.
    expect(founder!.occurrences.some((o) => /most valuable player/.test(o.text) && !/founder of ISIS/.test(o.text))).toBe(true);
    // An excerpt cut from the canonical statement aligns onto exactly its words, and a plain cut
    // is no drift.
    let checked = 0;
    for (const c of store.all()) {
      const canon = words(c.canonical);
      for (const o of c.occurrences) {
        const w = words(o.text);
        const at = indexOf(canon, w);
        // An ellipsis or a writer's bracketed words ("Bill [Clinton]") are gaps: no plain cut.
        if (at < 0 || o.text.includes('…') || /\[[^\]]{2,}\]/.test(o.text)) continue;
        checked++;
        expect(o.align, o.text).toEqual({ start: at, end: at + w.length });
        expect(['exact', 'truncated']).toContain(o.fidelity);
        expect(o.meaningChanged, o.text).toBe(false);
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('merges claims an excerpt bridges: the smallest id survives and the other resolves to it', async () => {
    const store = new MemoryClaimStore();
    const v = new Verifier(store);
    const merges: [string, string][] = [];
    // Arrival order where the bridging article comes after the excerpts it joins.
    for (const a of shuffled(articles, 3)) merges.push(...(await v.addArticle(a)).merged);
    expect(merges.length).toBeGreaterThan(0);
    for (const [from, into] of merges) {
      expect(into < from).toBe(true);
      expect(await store.mergedInto(from)).toBe(into);
      expect((await store.get([from])).size).toBe(0);
      expect((await resolveClaim(store, from))?.id).toBe((await resolveClaim(store, into))?.id);
    }
    // No occurrence is lost: every article's quotes are somewhere.
    const inputs = new Set(store.all().flatMap((c) => c.occurrences.map((o) => o.input)));
    for (const a of articles) if (a.attributions.length) expect(inputs.has(a.input), a.input).toBe(true);
  });

  const A = 'We will build the wall along the southern border.';
  const B = 'Mexico is going to pay for every single mile of it.';
  const C = 'Believe me, nobody builds walls better than I do.';
  const D = 'And it will be a beautiful wall with a big door.';

  const excerpt = (id: string, quote: string) =>
    oneQuoteArticle(
      id,
      quote,
      { name: 'Donald Trump', kind: 'person' },
      { lead: `A rally was held on ${id}.`, credit: 'Donald Trump' },
    );

  it.each(stores.each)(
    'makes "A. B. C.", "B." and "C. D." one claim "A. B. C. D." in every order (%s store)',
    async (_name, makeStore) => {
      const parts = [excerpt('abc', `${A} ${B} ${C}`), excerpt('b', B), excerpt('cd', `${C} ${D}`)];
      const orders = [
        [0, 1, 2],
        [1, 2, 0],
        [2, 1, 0],
        [1, 0, 2],
      ];
      let merges = 0;
      for (const order of orders) {
        const store = makeStore();
        const v = new Verifier(store);
        const merged: [string, string][] = [];
        for (const i of order) merged.push(...(await v.addArticle(parts[i]!)).merged);
        expect(await store.count(), `order ${order}`).toBe(1);
        const page = await store.page(null, 10);
        const claim = page.claims[0]!;
        expect(claim.canonical).toBe(`${A} ${B} ${C} ${D}`);
        expect(claim.occurrences.map((o) => o.input).sort()).toEqual(['abc.txt', 'b.txt', 'cd.txt']);
        expect(claim.occurrences.map((o) => o.align).sort((x, y) => x!.start - y!.start)).toEqual([
          { start: 0, end: 29 },
          { start: 9, end: 20 },
          { start: 20, end: 40 },
        ]);
        for (const o of claim.occurrences) expect(o.meaningChanged).toBe(false);
        // Status counts move with the merge: one claim, counted once.
        const counts = await store.countByStatus();
        expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1);
        // Orders where "C. D." or "B." came first start a second claim that "A. B. C." merges.
        merges += merged.length;
        for (const [from, into] of merged) {
          expect(into).toBe(claim.id);
          expect(await store.mergedInto(from)).toBe(into);
          expect(claim.mergedFrom).toContain(from);
        }
        // A re-run of a merged article changes nothing and finds the surviving claim.
        const again = await v.addArticle(parts[order[0]!]!);
        expect(again.claimIds).toEqual([claim.id]);
        expect(again.changed).toEqual([]);
      }
      expect(merges).toBeGreaterThan(0);
    },
  );
});
