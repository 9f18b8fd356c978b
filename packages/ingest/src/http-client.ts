import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Config } from '@quotecheck/shared';
import { Agent, type Dispatcher, request } from 'undici';
import { assertSafeUrl, guardedConnector, HostAllowlist } from './address-guard.js';
import {
  BodyTooLargeError,
  FetchNetworkError,
  FetchTimeoutError,
  HttpStatusError,
  RedirectError,
  UnsafeUrlError,
} from './errors.js';

/** A completed GET. `body` is decompressed; on 304 it is empty and `notModified` is true. */
export interface FetchResult {
  status: number;
  /** The final URL, after redirects. */
  url: string;
  body: Uint8Array;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  notModified: boolean;
  /** The URLs that redirected, in order (empty when none). */
  redirects: string[];
}

export interface GetOptions {
  accept?: string;
  /** Aborts the request; combined with the client's own timeout. */
  signal?: AbortSignal;
  /** Validators of a previous response: a match answers 304 without a body. */
  etag?: string | null;
  lastModified?: string | null;
  /** Per-request override of `fetch.maxBytes`. */
  maxBytes?: number;
  /** Per-request override of `fetch.timeoutMs`. */
  timeoutMs?: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The only way quotecheck reads the network. It sends a real User-Agent, follows at most
 * `maxRedirects` redirects by hand (re-checking every hop), refuses non-http(s) URLs and any
 * host that is or resolves to a non-public address, IPv4 embedded in IPv6 included (unless
 * allowlisted with its port; the socket connects to the very address that was checked), caps the body at
 * `maxBytes` while streaming (compressed and decompressed), and bounds the whole exchange by
 * `timeoutMs`. Errors are typed: {@link UnsafeUrlError}, {@link BodyTooLargeError},
 * {@link FetchTimeoutError}, {@link HttpStatusError}, {@link RedirectError}, {@link FetchNetworkError}.
 */
export class HttpClient {
  private readonly allow: HostAllowlist;
  private readonly dispatcher: Dispatcher;

  constructor(
    readonly options: Config['fetch'],
    readonly userAgent: string,
  ) {
    this.allow = new HostAllowlist(options.allowHosts);
    this.dispatcher = new Agent({
      // every socket opens through the guard: literals classified, names resolved and checked
      // for the connection's port, and the socket given exactly the addresses that passed
      connect: guardedConnector(this.allow, { timeout: Math.min(10_000, options.timeoutMs) }),
      keepAliveTimeout: 10_000,
      // the whole-request timeout is ours (AbortSignal); these only guard against a stuck socket
      headersTimeout: options.timeoutMs + 1_000,
      bodyTimeout: options.timeoutMs + 1_000,
    });
  }

  /** GETs a URL; see the class comment for what is refused and how. Non-2xx/304 statuses throw {@link HttpStatusError}. */
  async get(url: string, opts: GetOptions = {}): Promise<FetchResult> {
    const timeoutMs = opts.timeoutMs ?? this.options.timeoutMs;
    const maxBytes = opts.maxBytes ?? this.options.maxBytes;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const headers: Record<string, string> = {
      'user-agent': this.userAgent,
      accept: opts.accept ?? '*/*',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (opts.etag) headers['if-none-match'] = opts.etag;
    if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;

    const redirects: string[] = [];
    let current = assertSafeUrl(url, this.allow);
    try {
      for (;;) {
        signal.throwIfAborted();
        const res = await request(current, { method: 'GET', headers, signal, dispatcher: this.dispatcher });
        const status = res.statusCode;
        if (REDIRECTS.has(status)) {
          discard(res.body);
          const location = header(res.headers, 'location');
          if (!location) throw new RedirectError(current.href, `stop at HTTP ${status} without a Location header`);
          if (redirects.length >= this.options.maxRedirects) {
            throw new RedirectError(url, `exceed the limit of ${this.options.maxRedirects}`);
          }
          redirects.push(current.href);
          let next: URL;
          try {
            next = new URL(location, current);
          } catch {
            throw new RedirectError(current.href, `lead to an invalid Location ${JSON.stringify(location)}`);
          }
          current = assertSafeUrl(next, this.allow);
          continue;
        }
        const base = {
          status,
          url: current.href,
          contentType: header(res.headers, 'content-type'),
          etag: header(res.headers, 'etag'),
          lastModified: header(res.headers, 'last-modified'),
          redirects,
        };
        if (status === 304) {
          discard(res.body);
          return { ...base, body: new Uint8Array(0), notModified: true };
        }
        if (status < 200 || status >= 300) {
          discard(res.body);
          throw new HttpStatusError(current.href, status, retryAfterMs(header(res.headers, 'retry-after')));
        }
        const declared = Number(header(res.headers, 'content-length') ?? Number.NaN);
        if (Number.isFinite(declared) && declared > maxBytes) {
          discard(res.body);
          throw new BodyTooLargeError(current.href, maxBytes, declared);
        }
        const body = await readCapped(res.body, header(res.headers, 'content-encoding'), maxBytes, current.href);
        return { ...base, body, notModified: false };
      }
    } catch (e) {
      throw this.classify(e, current.href, timeout, opts.signal, timeoutMs);
    }
  }

  /** Closes pooled connections. */
  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  private classify(e: unknown, url: string, timeout: AbortSignal, caller: AbortSignal | undefined, timeoutMs: number): unknown {
    const unsafe = e instanceof UnsafeUrlError ? e : (e as { cause?: unknown })?.cause;
    // the connection guard only knows host and port (its errors name `//host:port/`): name the URL
    if (unsafe instanceof UnsafeUrlError && unsafe.url.startsWith('//'))
      return new UnsafeUrlError(url, unsafe.reason, unsafe.detail);
    if (
      e instanceof UnsafeUrlError ||
      e instanceof BodyTooLargeError ||
      e instanceof HttpStatusError ||
      e instanceof RedirectError ||
      e instanceof FetchTimeoutError
    ) {
      return e;
    }
    if (caller?.aborted) return caller.reason ?? e;
    if (timeout.aborted) return new FetchTimeoutError(url, timeoutMs);
    const err = e as { code?: string; cause?: unknown };
    if (err.code === 'UND_ERR_HEADERS_TIMEOUT' || err.code === 'UND_ERR_BODY_TIMEOUT' || err.code === 'UND_ERR_CONNECT_TIMEOUT') {
      return new FetchTimeoutError(url, timeoutMs);
    }
    return new FetchNetworkError(url, err.code ?? null, e);
  }
}

/** Drops a body we do not want without reading it; the connection is not reused. */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const v = headers[name];
  return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

function decoderFor(encoding: string | null): Transform | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

/** Reads a body, refusing more than `cap` bytes on the wire or after decompression (no zip bombs). */
async function readCapped(body: Readable, encoding: string | null, cap: number, url: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let wire = 0;
  let total = 0;
  const countWire = async function* (src: AsyncIterable<Buffer>) {
    for await (const chunk of src) {
      wire += chunk.length;
      if (wire > cap) throw new BodyTooLargeError(url, cap, null);
      yield chunk;
    }
  };
  const collect = async (src: AsyncIterable<Buffer | string>) => {
    for await (const c of src) {
      const chunk = typeof c === 'string' ? Buffer.from(c) : c;
      total += chunk.length;
      if (total > cap) throw new BodyTooLargeError(url, cap, null);
      chunks.push(chunk);
    }
  };
  const decoder = decoderFor(encoding);
  if (decoder) await pipeline(body, countWire, decoder, collect);
  else await pipeline(body, countWire, collect);
  return Buffer.concat(chunks, total);
}
