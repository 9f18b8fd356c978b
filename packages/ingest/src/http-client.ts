import type { Config } from '@quotecheck/shared';

export interface FetchResult {
  status: number;
  url: string;
  body: Uint8Array;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  notModified: boolean;
}

/** Placeholder: the safe client (SSRF guard, caps, decoding) replaces it. */
export class HttpClient {
  constructor(
    readonly options: Config['fetch'],
    readonly userAgent: string,
  ) {}
  async get(
    url: string,
    opts: { accept?: string; signal?: AbortSignal; etag?: string | null; lastModified?: string | null } = {},
  ): Promise<FetchResult> {
    const r = await fetch(url, {
      headers: { 'user-agent': this.userAgent, accept: opts.accept ?? '*/*' },
      signal: opts.signal ?? null,
    });
    return {
      status: r.status,
      url: r.url,
      body: new Uint8Array(await r.arrayBuffer()),
      contentType: r.headers.get('content-type'),
      etag: r.headers.get('etag'),
      lastModified: r.headers.get('last-modified'),
      notModified: r.status === 304,
    };
  }
}
