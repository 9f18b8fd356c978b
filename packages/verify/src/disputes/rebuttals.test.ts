import type { Speaker } from '@quotecheck/shared';
import { describe, expect, it } from 'vitest';
import { paragraphsArticle } from '../article.testkit.js';
import { MemoryClaimStore } from '../memory-store.js';
import { Verifier } from '../verifier.js';

// Hand-written short articles (a made-up mayor and mill).
const mayor: Speaker = { name: 'Dana Whitcombe', kind: 'person' };
const CLAIM = 'the Harlow mill is going to reopen and hire back every worker by spring';

async function verdictOf(quoted: string, answer: string) {
  const input = paragraphsArticle(
    [
      'Mayor Dana Whitcombe promised a lot last year.',
      quoted.endsWith('?') ? `“${quoted}” Whitcombe asked in March.` : `“${quoted},” Whitcombe said in March.`,
      answer,
      'The town voted in May.',
    ],
    [[quoted, 'direct', mayor]],
  );
  const store = new MemoryClaimStore();
  await new Verifier(store).addArticle(input);
  return store.all().find((c) => c.canonical === quoted)!;
}

describe('the reporter’s one-line answer to the words quoted before it', () => {
  it('marks the statement contradicted by the reporting', async () => {
    const claim = await verdictOf(`Word is that ${CLAIM}`, 'It didn’t.');
    expect(claim.status).toBe('contradicted');
    const ev = claim.evidence.find((e) => e.flag === 'contradicted');
    expect(ev?.sentence).toBe('It didn’t.');
    expect(ev?.note).toContain('the reporting');
  });

  it('leaves it alone after a question, when more follows the auxiliary, or when the answer is not a paragraph of its own', async () => {
    expect((await verdictOf(`Will ${CLAIM}?`, 'It didn’t.')).status).toBe('single_source');
    expect((await verdictOf(`Word is that ${CLAIM}`, 'He did not elaborate.')).status).toBe('single_source');
    expect((await verdictOf(`Word is that ${CLAIM}`, 'The mill stayed shut. It didn’t.')).status).toBe('single_source');
  });
});
