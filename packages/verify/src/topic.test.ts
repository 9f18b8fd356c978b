import { describe, expect, it } from 'vitest';
import { normalizeQuote } from './normalize.js';
import { sentenceTopic, shareTopic } from './topic.js';

const trump = { name: 'Donald Trump', kind: 'person' as const };
const topic = (sentence: string, quote: string) => sentenceTopic(sentence, normalizeQuote(quote).words, trump);

describe('sentenceTopic', () => {
  it('keeps what the sentence is about, less the quote, the speaker’s name and the reporting', () => {
    const t = topic('Trump called the North American Free Trade Agreement a “disaster” on Tuesday.', 'disaster');
    expect([...(t ?? [])].sort()).toEqual(['agreement', 'american', 'free', 'north', 'trade']);
  });

  it('says nothing (null) for a sentence that is all quotation and reporting, or none at all', () => {
    expect(topic('“You tell me,” he said.', 'You tell me')).toBeNull();
    expect(sentenceTopic(undefined, ['disaster'], trump)).toBeNull();
  });
});

describe('shareTopic', () => {
  it('needs one shared word, and takes an unknown side as sharing', () => {
    const nafta = topic('Trump called NAFTA a “disaster” and promised to rip it up.', 'disaster');
    const emails = topic('Trump tweeted that the email finding was a “disaster” for Clinton.', 'disaster');
    const trade = topic('Trump has said NAFTA was a “disaster” for workers.', 'disaster');
    expect(shareTopic(nafta, emails)).toBe(false);
    expect(shareTopic(nafta, trade)).toBe(true);
    expect(shareTopic(nafta, null)).toBe(true);
  });
});
