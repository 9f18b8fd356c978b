import { fnv1a32, fnv1a32Words } from '@quotecheck/shared/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shingleByJoin } from './scan-oracles.testkit.js';
import { codePointLengthBefore, contextSignature, letterAt, letterBefore, signatureSimilarity, splitSentences } from './text.js';

describe('context signatures', () => {
  it('hashes a shingle as the FNV-1a hash of its words joined by spaces', () => {
    const words = ['the', 'talks', 'were', '…', 'продуктивными', '\u{1F600}', 'wish-list'];
    for (let from = 0; from <= words.length; from++)
      for (let to = from; to <= words.length; to++)
        expect(fnv1a32Words(words, from, to)).toBe(fnv1a32(words.slice(from, to).join(' ')));
  });

  it('gives the signature of the joined shingles, for short and long windows', () => {
    const paragraphs = [
      'US Secretary of State Marco Rubio said the plan was “authored by the US”.',
      'Short one.',
      '',
      'Rubio denied ever saying the plan was a “wish list” … of Russia’s demands, Senator Mike Rounds said.',
      'Президент заявил, что переговоры были продуктивными.',
    ];
    for (let p = 0; p < paragraphs.length; p++)
      expect(contextSignature(paragraphs, p)).toBe(contextSignature(paragraphs, p, shingleByJoin));
    expect(contextSignature([], 0)).toBe(contextSignature([], 0, shingleByJoin));
    expect(contextSignature(['one two'], 0)).toBe(contextSignature(['one two'], 0, shingleByJoin));
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
        expect(contextSignature(paragraphs, p)).toBe(contextSignature(paragraphs, p, shingleByJoin));
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

describe('splitSentences', () => {
  it('ends a sentence at the curly mark closing a quotation that ends one', () => {
    const t = 'One spokesman called the situation “overclassification run amok.” However, one source said it was routine.';
    expect(splitSentences(t).map((x) => x.text)).toEqual([
      'One spokesman called the situation “overclassification run amok.”',
      'However, one source said it was routine.',
    ]);
    // pages that drop the space after the closing mark
    expect(splitSentences('“I want America First - so do voters!”After his rally, he left.').map((x) => x.text)).toEqual([
      '“I want America First - so do voters!”',
      'After his rally, he left.',
    ]);
    // inside the marks, sentences stay together with their reporting clause
    expect(splitSentences('“We will win. We will fight,” he said. Then he left.').map((x) => x.text)).toEqual([
      '“We will win. We will fight,” he said.',
      'Then he left.',
    ]);
  });
});
