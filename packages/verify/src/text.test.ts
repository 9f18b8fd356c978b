import { fnv1a32 } from '@quotecheck/shared/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeQuote } from './normalize.js';
import { codePointLengthBefore, contextSignature, letterAt, letterBefore, shingleHash, signatureSimilarity } from './text.js';

// The signature as it was computed before the shingles were hashed in place: each shingle's words
// sliced, joined by a space and hashed.
function signatureByJoin(paragraphs: readonly string[], paragraph: number): string {
  const words = normalizeQuote(paragraphs.slice(Math.max(0, paragraph - 1), paragraph + 2).join(' ')).words;
  const seeds = [0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f, 0x165667b1, 0xd3a2646c, 0xfd7046c5, 0xb55a4f09];
  const mix = (x: number) => {
    let h = x >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  const mins = new Array<number>(8).fill(0xffffffff);
  for (let i = 0; i + 5 <= Math.max(words.length, 5); i++) {
    const h = fnv1a32(words.slice(i, i + 5).join(' '));
    for (let k = 0; k < 8; k++) mins[k] = Math.min(mins[k]!, mix(h ^ seeds[k]!));
  }
  return mins.map((m) => m.toString(16).padStart(8, '0')).join('');
}

describe('context signatures', () => {
  it('hashes a shingle as the FNV-1a hash of its words joined by spaces', () => {
    const words = ['the', 'talks', 'were', '…', 'продуктивными', '\u{1F600}', 'wish-list'];
    for (let from = 0; from <= words.length; from++)
      for (let to = from; to <= words.length; to++)
        expect(shingleHash(words, from, to)).toBe(fnv1a32(words.slice(from, to).join(' ')));
  });

  it('gives the signature of the joined shingles, for short and long windows', () => {
    const paragraphs = [
      'US Secretary of State Marco Rubio said the plan was “authored by the US”.',
      'Short one.',
      '',
      'Rubio denied ever saying the plan was a “wish list” … of Russia’s demands, Senator Mike Rounds said.',
      'Президент заявил, что переговоры были продуктивными.',
    ];
    for (let p = 0; p < paragraphs.length; p++) expect(contextSignature(paragraphs, p)).toBe(signatureByJoin(paragraphs, p));
    expect(contextSignature([], 0)).toBe(signatureByJoin([], 0));
    expect(contextSignature(['one two'], 0)).toBe(signatureByJoin(['one two'], 0));
    expect(signatureSimilarity(contextSignature(paragraphs, 0), contextSignature(paragraphs, 0))).toBe(1);
    expect(contextSignature(paragraphs, 0)).not.toBe(contextSignature(paragraphs, 4));
  });

  it('gives the joined shingles’ signature on random paragraphs', () => {
    const word = fc.constantFrom(
      'the',
      'Rubio',
      'said',
      '“plan”',
      '...',
      '…',
      'é',
      'Путин',
      '\u{1F600}',
      'U.S.',
      "don't",
      '600,000',
    );
    const paragraph = fc.array(word, { maxLength: 30 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 5 }), fc.nat(4), (paragraphs, p) => {
        expect(contextSignature(paragraphs, p)).toBe(signatureByJoin(paragraphs, p));
      }),
      { numRuns: 300 },
    );
  });
});

describe('letters around an offset', () => {
  it('reads whole code points, as a u pattern does', () => {
    const text = 'a\u{10428}b\u{1F600}.';
    expect(letterAt(text, 0)).toBe(true);
    expect(letterAt(text, 1)).toBe(true); // U+10428, a Deseret letter, in two code units
    expect(letterAt(text, 4)).toBe(false); // an emoji
    expect(letterAt(text, text.length)).toBe(false);
    expect(codePointLengthBefore(text, 3)).toBe(2);
    expect(letterBefore(text, 3)).toBe(true);
    expect(letterBefore(text, 6)).toBe(false);
    expect(letterBefore(text, 0)).toBe(false);
  });
});
