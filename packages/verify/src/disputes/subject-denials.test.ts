import type { Speaker } from '@quotecheck/shared';
import { describe, expect, it } from 'vitest';
import { paragraphsArticle } from '../article.testkit.js';
import { MemoryClaimStore } from '../memory-store.js';
import { Verifier } from '../verifier.js';

// Hand-written short articles (made-up people and institutions).
const seller: Speaker = { name: 'Gerald Hobart', kind: 'person' };
// Extraction sometimes takes an institution for a person: its distinctive word still names it.
const gallery: Speaker = { name: 'Wexford Gallery', kind: 'person' };
const CLAIM = 'the “Wexford Gallery” in Boston had expressed interest in buying the painting';

async function verdictOf(denial: string, extra: string[] = []) {
  const input = paragraphsArticle(
    [
      'Gerald Hobart is selling the painting online.',
      `In his listing, Hobart claimed that ${CLAIM}.`,
      ...extra,
      `However, the Wexford Gallery said on Thursday, “${denial}”`,
    ],
    [
      [CLAIM, 'indirect', seller],
      [denial, 'direct', gallery],
    ],
  );
  const store = new MemoryClaimStore();
  await new Verifier(store).addArticle(input);
  return store.all().find((c) => c.canonical === CLAIM)!;
}

describe('a statement denied by the one it is about, in its own words', () => {
  it('marks the statement contradicted, with the denial as evidence', async () => {
    const claim = await verdictOf('We have never expressed interest in buying Gerald Hobart’s painting, and have no plans to.');
    expect(claim.status).toBe('contradicted');
    const ev = claim.evidence.find((e) => e.rule === 'reported-false');
    expect(ev?.note).toContain('Wexford Gallery');
    expect(ev?.sentence).toContain('We have never expressed interest');
  });

  it('leaves it alone when the negation is about something else, sits deep in the quotation, or comes paragraphs later', async () => {
    expect((await verdictOf('We do not comment on private sales of any kind.')).status).toBe('single_source');
    expect(
      (
        await verdictOf(
          'Our curators look at many works every month from sellers all over the world, and we never expressed interest in buying this painting.',
        )
      ).status,
    ).toBe('single_source');
    const later = ['Other paragraph one.', 'Other paragraph two.', 'Other paragraph three.', 'Other paragraph four.', 'Five.'];
    expect((await verdictOf('We have never expressed interest in buying the painting.', later)).status).toBe('single_source');
  });
});
