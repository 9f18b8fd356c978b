import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants, gunzip } from 'node:zlib';
import type { Keys, RedisClient } from '@quotecheck/shared';

const brotli = promisify(brotliCompress);
const unbrotli = promisify(brotliDecompress);
const ungzip = promisify(gunzip);

/** One byte in front of the stored value says how it is compressed, so the format can change. */
const BROTLI = 0x62; // 'b'
const GZIP_MAGIC = 0x1f;

// Every page is compressed once and decompressed once on its way through the pipeline, so CPU
// counts more than bytes (raw pages expire with their retention). On the 233 benchmark pages
// (209 KB mean): quality 1 takes 1.1 ms to compress and 0.7 ms to decompress for 45.7 KB,
// quality 4 3.2 ms and 1.1 ms for 39.5 KB. The 16 KB default output chunk adds a callback per
// chunk on the main thread: one chunk holds a page.
const QUALITY = 1;
const CHUNK = 1 << 20;

/**
 * Raw fetched pages in Redis, brotli-compressed, expiring after `retention.rawHtmlMs`, so a
 * page can be re-extracted without re-fetching it until then.
 */
export class RawStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly ttlMs: number,
  ) {}

  /** The Redis key of a page id (what an ExtractJob carries as `rawKey`). */
  keyOf(id: string): string {
    return this.keys.raw(id);
  }

  /** Stores a page under its id with the retention TTL; returns its key. */
  async put(id: string, body: Uint8Array): Promise<string> {
    const packed = await brotli(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength },
      chunkSize: CHUNK,
    });
    const key = this.keyOf(id);
    await this.redis.set(key, Buffer.concat([Buffer.from([BROTLI]), packed]), 'PX', this.ttlMs);
    return key;
  }

  /** The page bytes stored under a key, decompressed; null when retention expired it. */
  async get(key: string): Promise<Uint8Array | null> {
    const v = await this.redis.getBuffer(key);
    if (!v || v.length === 0) return null;
    if (v[0] === BROTLI) return unbrotli(v.subarray(1), { chunkSize: CHUNK });
    if (v[0] === GZIP_MAGIC) return ungzip(v, { chunkSize: CHUNK });
    throw new Error(`raw page ${key} has an unknown format (first byte ${v[0]}): delete it and re-fetch the page`);
  }
}
