import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import type { Keys, RedisClient } from '@quotecheck/shared';

/** One byte in front of the stored value says how it is compressed, so the format can change. */
const BROTLI = 0x62; // 'b': brotli data follows (pages stored before sizes were recorded)
const BROTLI_SIZED = 0x42; // 'B': the page's byte length (uint32, little-endian), then brotli data
const SIZED_HEADER = 5;
const GZIP_MAGIC = 0x1f;

// Every page is compressed once and decompressed once on its way through the pipeline, so CPU
// counts more than bytes (raw pages expire with their retention). On the 233 benchmark pages
// (209 KB mean): quality 1 takes 1.1 ms to compress and 0.7 ms to decompress for 45.7 KB,
// quality 4 3.2 ms and 1.1 ms for 39.5 KB.
//
// Output chunks of 256 KB: zlib allocates one per call and a result that fits in it is a view
// into it, which keeps the whole chunk alive, and a worker thread is sent the whole chunk, not
// the view. With 1 MB chunks each page held 1.07 MB for its 214 KB (233 benchmark pages) and the
// extraction thread was copied 1 MB per page; with 256 KB chunks and an exact-size copy of a
// decompressed page, 214 KB, and compress + decompress took 1.27 instead of 1.51 ms.
//
// Output chunks sized to the output: zlib allocates a whole chunk per call, so compressing with
// 256 KB chunks allocated 261 KB for 35 KB of output, and decompressing 313 KB per 165 KB page
// plus the exact-size copy. Compression now asks for a quarter of the input (46 KB allocated per
// page), and the page's byte length is stored in front of the data ('B' format) so it decompresses
// into one buffer of its own size (166 KB, no copy); 240 corpus pages, brotli alone: compress
// 0.39 -> 0.34 ms, decompress 0.30-0.37 -> 0.30-0.32 ms. (It did not change how often the
// fetch + extract process runs full collections: 47-48 per 1,000 pipeline articles either way.)
//
// Synchronous, on the caller's thread: handing a page to libuv's thread pool and back cost more
// CPU than the compression itself once the pool's threads sleep between pages, as they do in a
// worker (100 benchmark pages, one every 2 ms: compress 0.95 ms of process CPU async against
// 0.53 ms sync, decompress 1.22 against 0.87 ms). The event loop waits for it instead: under 1 ms
// for a benchmark page; for a 10 MB page (fetch.maxBytes) 29-67 ms to compress and 33-125 ms to
// decompress, far inside the 30 s job lock that the event loop renews.
const QUALITY = 1;
const CHUNK = 256 << 10;
/** zlib's smallest output chunk (its own minimum is 64 bytes; this keeps tiny pages to one chunk). */
const MIN_CHUNK = 16 << 10;
/** The largest output chunk a recorded size asks for (a page over it takes several, as before). */
const MAX_SIZED_CHUNK = 64 << 20;

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
    const packed = brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength },
      chunkSize: packedChunk(body.byteLength),
    });
    const header = Buffer.alloc(SIZED_HEADER);
    header[0] = BROTLI_SIZED;
    header.writeUInt32LE(body.byteLength, 1);
    const key = this.keyOf(id);
    await this.redis.set(key, Buffer.concat([header, packed]), 'PX', this.ttlMs);
    return key;
  }

  /** The page bytes stored under a key, decompressed; null when retention expired it. */
  async get(key: string): Promise<Uint8Array | null> {
    const v = await this.redis.getBuffer(key);
    if (!v || v.length === 0) return null;
    if (v[0] === BROTLI_SIZED && v.length >= SIZED_HEADER) {
      // One output buffer of the page's own size: no chunk to outgrow, no copy out of it.
      const size = Math.min(v.readUInt32LE(1), MAX_SIZED_CHUNK);
      return exactSize(brotliDecompressSync(v.subarray(SIZED_HEADER), { chunkSize: Math.max(MIN_CHUNK, size) }));
    }
    if (v[0] === BROTLI) return exactSize(brotliDecompressSync(v.subarray(1), { chunkSize: CHUNK }));
    if (v[0] === GZIP_MAGIC) return exactSize(gunzipSync(v, { chunkSize: CHUNK }));
    throw new Error(`raw page ${key} has an unknown format (first byte ${v[0]}): delete it and re-fetch the page`);
  }
}

/**
 * zlib's output chunk for compressing `bytes` of page: about what brotli quality 1 leaves of HTML
 * (21% of the 233 benchmark pages: 35 KB of 165 KB), rounded up, so the one chunk it allocates is
 * not a 256 KB buffer held for 35 KB of output; an output that outgrows it takes more chunks.
 */
function packedChunk(bytes: number): number {
  return Math.min(CHUNK, Math.max(MIN_CHUNK, Math.ceil(bytes / 4)));
}

/** The bytes in a buffer of their own size: a view into a larger zlib chunk is copied out. */
function exactSize(page: Buffer): Buffer {
  return page.byteLength < page.buffer.byteLength ? Buffer.from(page) : page;
}
