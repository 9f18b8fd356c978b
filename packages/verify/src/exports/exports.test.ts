import type { Claim, ClaimStatus, Occurrence, StoredArticle } from '@quotecheck/shared';
import { describe, expect, it } from 'vitest';
import { occurrenceConfidence, occurrenceContext } from './articles.js';
import { claimRating, toClaimReview } from './claimreview.js';
import { quotebankDate, toQuotebank } from './quotebank.js';

const QUOTE = 'We will rebuild the northern pier';

function article(text: string, confidence = 0.9): StoredArticle {
  const start = text.indexOf(QUOTE);
  return {
    url: 'https://a.example/1',
    title: null,
    byline: null,
    published: '2026-11-20T10:00:00Z',
    language: 'en',
    paragraphs: text.split('\n'),
    text,
    id: 'a1',
    canonicalUrl: 'https://a.example/1',
    feedId: null,
    outlet: 'a.example',
    fetchedAt: '2026-11-20T10:00:00Z',
    attributions: [
      {
        type: 'direct',
        content: { start, end: start + QUOTE.length, text: QUOTE },
        cue: null,
        source: null,
        speaker: { name: 'Ana Ruiz', kind: 'person' },
        confidence,
      },
    ],
  };
}

function occurrence(a: StoredArticle, over: Partial<Occurrence> = {}): Occurrence {
  const start = a.text.indexOf(QUOTE);
  return {
    articleId: a.id,
    input: a.canonicalUrl,
    outlet: a.outlet,
    published: a.published,
    start,
    end: start + QUOTE.length,
    text: QUOTE,
    type: 'direct',
    speaker: { name: 'Ana Ruiz', kind: 'person' },
    fidelity: 'exact',
    meaningChanged: false,
    ...over,
  };
}

function claim(status: ClaimStatus, occurrences: Occurrence[], speaker: Claim['speaker']): Claim {
  return {
    id: 'c1',
    canonical: QUOTE,
    speaker,
    status,
    flags: [],
    firstSeen: '2026-11-20T10:00:00.000Z',
    independentSources: occurrences.length,
    occurrences,
    evidence: [],
    updatedAt: '2026-11-20T10:00:00.000Z',
  };
}

describe('occurrenceContext', () => {
  it('gives the paragraph text each side of the quote, never across a paragraph', () => {
    const a = article(`First paragraph.\nThe mayor said: “${QUOTE},” and left.\nNext paragraph.`);
    expect(occurrenceContext(a, occurrence(a))).toEqual({ left: 'The mayor said: “', right: ',” and left.' });
  });

  it('cuts a long side at a word boundary at its far edge', () => {
    const a = article(`${'alpha beta '.repeat(30)}${QUOTE} ${'gamma delta '.repeat(30)}`);
    const ctx = occurrenceContext(a, occurrence(a), 30)!;
    expect(ctx.left.length).toBeLessThanOrEqual(30);
    expect(ctx.left).toMatch(/^(alpha|beta) .* $/);
    expect(ctx.right).toMatch(/^ (gamma|delta) .*(gamma|delta)$/);
  });

  it('gives no context, and no confidence, when the stored article no longer holds the quote at its offsets', () => {
    const a = article(`Intro.\n${QUOTE}, she said.`);
    const moved = occurrence(a, { start: 0, end: QUOTE.length });
    expect(occurrenceContext(a, moved)).toBeNull();
    expect(occurrenceConfidence(a, moved)).toBeNull();
    expect(occurrenceContext(undefined, occurrence(a))).toBeNull();
    expect(occurrenceConfidence(a, occurrence(a))).toBe(0.9);
  });
});

describe('claimRating', () => {
  it('rates a confirmed verdict by its status and a rejected one the other way round', () => {
    expect(claimRating('corroborated', 'confirm')).toEqual({ ratingValue: 5, alternateName: 'Accurate attribution' });
    expect(claimRating('denied', 'confirm')).toEqual({ ratingValue: 1, alternateName: 'Denied by the speaker' });
    expect(claimRating('conflicting_speaker', 'confirm')).toEqual({ ratingValue: 1, alternateName: 'Misattributed' });
    expect(claimRating('corroborated', 'reject')).toEqual({ ratingValue: 1, alternateName: 'Misattributed' });
    expect(claimRating('single_source', 'reject')).toEqual({ ratingValue: 1, alternateName: 'Misattributed' });
    expect(claimRating('denied', 'reject')).toEqual({ ratingValue: 5, alternateName: 'Accurate attribution' });
  });
});

describe('toClaimReview', () => {
  const a = article(`Intro.\n“${QUOTE},” she said.`);
  const review = { action: 'confirm' as const, reviewer: 'Ida', at: '2026-11-22T09:00:00.000Z' };

  it('leaves out a claim nobody decided on', () => {
    expect(
      toClaimReview(claim('corroborated', [occurrence(a)], { name: 'Ana Ruiz', kind: 'person' }), null, { org: 'Desk' }),
    ).toBeNull();
  });

  it('names a person as a Person, an organisation as an Organization, and an anonymous source not at all', () => {
    const person = toClaimReview(
      claim('corroborated', [occurrence(a)], { name: 'Ana Ruiz', kind: 'person', role: 'mayor' }),
      review,
      {
        org: 'Desk',
      },
    );
    expect(person?.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Ana Ruiz', jobTitle: 'mayor' });
    const org = toClaimReview(claim('corroborated', [occurrence(a)], { name: 'the ministry', kind: 'organization' }), review, {
      org: 'Desk',
    });
    expect(org?.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'the ministry' });
    const anon = toClaimReview(claim('anonymous', [occurrence(a)], { name: null, kind: 'anonymous' }), review, { org: 'Desk' });
    expect(anon?.itemReviewed).not.toHaveProperty('author');
    expect(anon?.reviewRating.alternateName).toBe('Unattributed: anonymous source');
  });

  it('links the review desk page when given its base URL', () => {
    const r = toClaimReview(claim('corroborated', [occurrence(a)], { name: 'Ana Ruiz', kind: 'person' }), review, {
      org: 'Desk',
      urlBase: 'https://desk.example/',
    });
    expect(r?.url).toBe('https://desk.example/claims/c1');
  });
});

describe('toQuotebank', () => {
  it('writes dates as Quotebank does, and null for none', () => {
    expect(quotebankDate('2026-11-20T10:00:00Z')).toBe('2026-11-20 10:00:00');
    expect(quotebankDate('2026-11-20T12:00:00+02:00')).toBe('2026-11-20 10:00:00');
    expect(quotebankDate(null)).toBeNull();
    expect(quotebankDate('soon')).toBeNull();
  });

  it('averages the confidences of the stored attributions into probas, and leaves them empty without articles', () => {
    const a = article(`Intro.\n“${QUOTE},” she said.`, 0.9);
    const b = { ...article(`“${QUOTE},” said the mayor.`, 0.6), id: 'b1', canonicalUrl: 'https://b.example/1' };
    const c = claim('corroborated', [occurrence(a), occurrence(b, { input: b.canonicalUrl })], {
      name: 'Ana Ruiz',
      kind: 'person',
    });
    const rec = toQuotebank(
      c,
      null,
      new Map([
        [a.id, a],
        [b.id, b],
      ]),
    );
    expect(rec.probas).toEqual([
      ['Ana Ruiz', '0.7500'],
      ['None', '0.2500'],
    ]);
    expect(rec.urls).toEqual(['https://a.example/1', 'https://b.example/1']);
    expect(rec.numOccurrences).toBe(2);
    expect(toQuotebank(c, null, new Map()).probas).toEqual([]);
    // The confidence an occurrence keeps wins over its article's (and needs no article).
    const kept = claim('corroborated', [occurrence(a, { confidence: 0.5 })], { name: 'Ana Ruiz', kind: 'person' });
    expect(toQuotebank(kept, null, new Map()).probas).toEqual([
      ['Ana Ruiz', '0.5000'],
      ['None', '0.5000'],
    ]);
    const nobody = toQuotebank(
      claim('anonymous', [occurrence(a)], { name: null, kind: 'anonymous' }),
      null,
      new Map([[a.id, a]]),
    );
    expect(nobody.speaker).toBe('None');
    expect(nobody.probas).toEqual([['None', '1.0000']]);
  });
});
