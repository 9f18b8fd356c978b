import type { Attribution } from '@quotecheck/shared';
import { Claim } from '@quotecheck/shared';
import { describe, expect, it } from 'vitest';
import { MemoryClaimStore } from './memory-store.js';
import { Verifier } from './verifier.js';

const TEXT = 'The minister said the harbour bridge would reopen to traffic before the end of the winter.';
const CONTENT = 'the harbour bridge would reopen to traffic before the end of the winter';

function attribution(confidence?: number): Attribution {
  const start = TEXT.indexOf(CONTENT);
  return {
    type: 'indirect',
    content: { start, end: start + CONTENT.length, text: CONTENT },
    cue: null,
    source: null,
    speaker: { name: 'Ana Lopes', kind: 'person' },
    ...(confidence === undefined ? {} : { confidence }),
  };
}

async function occurrencesOf(a: Attribution) {
  const store = new MemoryClaimStore();
  await new Verifier(store).addArticle({
    id: 'a1',
    input: 'a1.txt',
    outlet: 'outlet-a',
    published: null,
    text: TEXT,
    paragraphs: [TEXT],
    byline: null,
    attributions: [a],
  });
  return store.all().flatMap((c) => Claim.parse(c).occurrences);
}

describe('claim occurrences keep the extraction confidence', () => {
  it('carries the attribution confidence onto its occurrence, through the Claim schema', async () => {
    const [o] = await occurrencesOf(attribution(0.85));
    expect(o?.confidence).toBe(0.85);
  });

  it('leaves the field out of the record when the attribution has none', async () => {
    const [o] = await occurrencesOf(attribution());
    expect(o).toBeDefined();
    // In memory the record keeps one layout (the field present, undefined); what is stored and exported is JSON.
    expect(o?.confidence).toBeUndefined();
    expect('confidence' in JSON.parse(JSON.stringify(o))).toBe(false);
  });
});
