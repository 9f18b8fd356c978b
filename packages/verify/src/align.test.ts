import { describe, expect, it } from 'vitest';
import { align, canonicalOf, extendCanonical } from './align.js';
import { normalizeQuote } from './normalize.js';

const A = 'We will build the wall along the southern border.';
const B = 'Mexico is going to pay for every single mile of it.';
const C = 'Believe me, nobody builds walls better than I do.';
const D = 'And it will be a beautiful wall with a big door.';

describe('align', () => {
  it('places a verbatim cut where it occurs, in plain-word offsets', () => {
    const a = align(`${A} ${B} ${C}`, B);
    expect(a).toMatchObject({ start: 9, end: 20, from: 0, to: 11 });
  });

  it('aligns an excerpt with a small change around the change', () => {
    const a = align(`${A} ${B}`, 'Mexico is going to pay for every mile of it.');
    expect(a).toMatchObject({ start: 9, end: 20, from: 0, to: 10 });
  });

  it('finds nothing between unrelated wordings', () => {
    expect(align(A, 'Thank you all for coming tonight.')).toBeNull();
  });
});

describe('extendCanonical and canonicalOf', () => {
  it('grows the statement by an excerpt that runs past either end', () => {
    expect(extendCanonical(`${A} ${B} ${C}`, `${C} ${D}`)).toBe(`${A} ${B} ${C} ${D}`);
    expect(extendCanonical(`${B} ${C}`, `${A} ${B}`)).toBe(`${A} ${B} ${C}`);
    // Inside the statement, or sharing too little at the edge: nothing to add.
    expect(extendCanonical(`${A} ${B} ${C}`, B)).toBeNull();
    expect(extendCanonical(`${A} ${B}`, `it. ${D}`)).toBeNull();
  });

  it('gives the union of the excerpts whatever their order', () => {
    const parts = [`${A} ${B} ${C}`, B, `${C} ${D}`, `${B} ${C}`];
    const want = `${A} ${B} ${C} ${D}`;
    const orders = [parts, [...parts].reverse(), [parts[2]!, parts[0]!, parts[3]!, parts[1]!]];
    for (const o of orders) expect(canonicalOf(o)).toBe(want);
  });
});

describe('interrupted quotations', () => {
  it('turn the narration left inside a quote into a gap', () => {
    const q = normalizeQuote('if she gets to pick her judges,” Trump said. “Nothing you can do, folks');
    expect(q.words).toContain('\u2026');
    expect(q.words).not.toContain('trump');
    expect(q.text).toBe('if she gets to pick her judges nothing you can do folks');
  });

  it('leave a quote naming someone in its own words alone', () => {
    expect(normalizeQuote('He called it “rigged,” and then “unfair”').words).not.toContain('\u2026');
  });
});
