import { describe, expect, it } from 'vitest';
import { extractAttributions } from './index.js';

const confidenceOf = (text: string) => extractAttributions({ text, paragraphs: [text] }).map((a) => [a.type, a.confidence]);

describe('attribution confidence by frame and cue kind', () => {
  it('ranks a framed quotation above reported speech, and speech above belief', () => {
    const [[, direct]] = confidenceOf('“The bridge will reopen in the spring,” Ana Lopes said.') as [[string, number]];
    const [[, speech]] = confidenceOf('Ana Lopes said the bridge would reopen in the spring.') as [[string, number]];
    const [[, belief]] = confidenceOf('Ana Lopes believes the bridge will reopen in the spring.') as [[string, number]];
    expect(direct).toBeGreaterThan(speech);
    expect(speech).toBeGreaterThan(belief);
    for (const c of [direct, speech, belief]) expect(c).toBeGreaterThan(0);
  });

  it('lowers the confidence of an attribution whose speaker is not resolved', () => {
    const [[, named]] = confidenceOf('Ana Lopes said the bridge would reopen in the spring.') as [[string, number]];
    const [[, unnamed]] = confidenceOf('She said the bridge would reopen in the spring.') as [[string, number]];
    expect(unnamed ?? 0).toBeLessThan(named);
  });
});
