import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';
import { StoredArticle } from './schemas.js';

/** Extracted articles in Redis: one JSON string per article plus a time index. */
export class ArticleStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** Writes (or overwrites) an article; re-extraction of the same URL keeps its id. */
  async put(article: StoredArticle): Promise<void> {
    await this.redis
      .multi()
      .set(this.keys.article(article.id), JSON.stringify(article))
      .zadd(this.keys.articles, Date.parse(article.fetchedAt) || Date.now(), article.id)
      .exec();
  }

  /** Reads and validates an article; null when it does not exist. */
  async get(id: string): Promise<StoredArticle | null> {
    const raw = await this.redis.get(this.keys.article(id));
    return raw === null ? null : StoredArticle.parse(JSON.parse(raw));
  }

  async count(): Promise<number> {
    return this.redis.zcard(this.keys.articles);
  }

  /** Article ids in fetch order. */
  async ids(start = 0, stop = -1): Promise<string[]> {
    return this.redis.zrange(this.keys.articles, start, stop);
  }
}
