import { describe, expect, it } from 'vitest';
import { normalizeQuote } from './normalize.js';
import { sentenceTopic, shareTopic, topicStem } from './topic.js';

const trump = { name: 'Donald Trump', kind: 'person' as const };
const topic = (sentence: string, quote: string) => sentenceTopic(sentence, normalizeQuote(quote).words, trump);

describe('sentenceTopic', () => {
  it('keeps what the sentence is about, less the quote, the speaker’s name and the reporting', () => {
    const t = topic('Trump called the North American Free Trade Agreement a “disaster” on Tuesday.', 'disaster');
    expect([...(t ?? [])].sort()).toEqual(['agreement', 'american', 'free', 'north', 'trad']);
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

describe('topicStem', () => {
  it('reads a verb the same in its present, past and -ing forms, and leaves short words alone', () => {
    expect(new Set(['accuses', 'accused', 'accusing', 'accuse'].map(topicStem)).size).toBe(1);
    expect(topicStem('pledged')).toBe(topicStem('pledge'));
    expect(topicStem('families')).toBe('family');
    for (const w of ['bring', 'thing', 'being', 'seed']) expect(topicStem(w)).toBe(w);
  });

  it('lets two outlets’ sentences about one accusation share a topic through the verb', () => {
    const hillary = { name: 'Hillary Clinton', kind: 'person' as const };
    const a = sentenceTopic(
      'Hillary Clinton accuses Bernie Sanders of subjecting her to an “artful smear” regarding her Wall Street links.',
      normalizeQuote('artful smear').words,
      hillary,
    );
    const b = sentenceTopic(
      'He appeared rattled at the last debate when Clinton accused him of an “artful smear” over her fundraising practices.',
      normalizeQuote('artful smear').words,
      hillary,
    );
    expect(shareTopic(a, b)).toBe(true);
  });
});
