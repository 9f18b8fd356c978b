import { type Attribution, createRedis, Keys, type Redis, type Speaker } from '@quotecheck/shared';
import { type ArticleInput, type ClaimStore, MemoryClaimStore, RedisClaimStore } from '@quotecheck/verify';
import { purgePrefix } from './redis-keys.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Distinct quotations with no 4-gram in common, for tests that verify many statements at once. */
export const DISTINCT_QUOTES = [
  'The bridge will be finished before the winter storms arrive in the valley',
  'Our hospitals need more nurses and we intend to pay them properly this year',
  'Nobody in this city should wait three hours for a bus to reach work',
  'Farmers have carried the drought alone for too long and that ends today',
  'We found the contract was signed without any of the usual safety reviews',
  'Teachers told me the new curriculum arrived weeks after classes had started',
  'The river cleanup is ahead of schedule and under the budget we promised',
  'Small businesses cannot survive another winter of these energy prices here',
  'The museum will open its doors free of charge every first Sunday',
  'Our police officers deserve body cameras that actually work in the dark',
  'The airport expansion plan ignores every objection residents have raised',
  'Broadband reaches the last mountain villages before the end of next spring',
];

/** How {@link oneQuoteArticle} words its article. */
export interface OneQuoteText {
  /** The first paragraph (default "Lead paragraph of <id>."). */
  lead?: string;
  /** Who the text says said it (default "the speaker"). */
  credit?: string;
}

/**
 * An article whose second paragraph is one direct quotation of `quote`, attributed to `speaker`
 * and credited in the text by "<credit> said." after it.
 */
export function oneQuoteArticle(id: string, quote: string, speaker: Speaker, wording: OneQuoteText = {}): ArticleInput {
  const text = `${wording.lead ?? `Lead paragraph of ${id}.`}\n“${quote}” ${wording.credit ?? 'the speaker'} said.`;
  const start = text.indexOf(quote);
  const a: Attribution = {
    type: 'direct',
    content: { start, end: start + quote.length, text: quote },
    cue: null,
    source: null,
    speaker,
  };
  return {
    id,
    input: `${id}.txt`,
    outlet: `${id}.example`,
    published: null,
    text,
    paragraphs: text.split('\n'),
    byline: null,
    attributions: [a],
  };
}

/**
 * The claim stores a verification test runs on: memory, and Redis under a fresh sub-prefix of
 * `prefix` per store. Call `open()` in beforeAll and `close()` in afterAll (it deletes the keys).
 */
export class TestClaimStores {
  private redisConn: Redis | null = null;
  private readonly opened: RedisClaimStore[] = [];
  private run = 0;

  constructor(readonly prefix: string) {}

  /** `describe.each` rows: the store's name and a maker of a fresh, empty store. */
  readonly each: [string, () => ClaimStore][] = [
    ['memory', () => new MemoryClaimStore()],
    ['redis', () => this.redisStore()],
    ['redis, 16 partitions', () => this.redisStore(undefined, 16)],
  ];

  open(): void {
    this.redisConn = createRedis(REDIS_URL);
  }

  /** The test's Redis connection. */
  get redis(): Redis {
    if (!this.redisConn) throw new Error('TestClaimStores.open() was not called');
    return this.redisConn;
  }

  /** A fresh, empty Redis claim store (`sub` names its prefix; a counter otherwise), over `partitions` hash tags. */
  redisStore(sub = String(this.run++), partitions = 1): RedisClaimStore {
    const s = new RedisClaimStore(this.redis, new Keys(`${this.prefix}:${sub}`, partitions));
    this.opened.push(s);
    return s;
  }

  async close(): Promise<void> {
    for (const s of this.opened) await s.close();
    if (!this.redisConn) return;
    await purgePrefix(this.redisConn, this.prefix);
    await this.redisConn.quit();
  }
}
