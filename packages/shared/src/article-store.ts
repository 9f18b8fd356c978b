import type { Keys } from './keys.js';
import type { RedisClient } from './redis.js';
import { StoredArticle } from './schemas.js';

/** Extracted articles in Redis: one JSON string per article plus a time index. */
export class ArticleStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /** Writes (or overwrites) an article; re-extraction of the same URL keeps its id. */
  async put(article: StoredArticle): Promise<void> {
    const key = this.keys.article(article.id);
    const json = JSON.stringify(article);
    const at = Date.parse(article.fetchedAt) || Date.now();
    if (this.redis.isCluster) {
      // The article and the index hash to different slots (articles spread over the nodes), and
      // MULTI cannot span slots: the article first, so the index never names a missing one. A
      // failure between the two leaves an unindexed article that the job's retry indexes.
      await this.redis.set(key, json);
      await this.redis.zadd(this.keys.articles, at, article.id);
      return;
    }
    await this.redis.multi().set(key, json).zadd(this.keys.articles, at, article.id).exec();
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
