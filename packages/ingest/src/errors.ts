import { ExternalError } from '@quotecheck/shared';

/**
 * Why a URL was refused before any byte was sent to it. `reason` is a short stable code
 * (`bad-scheme`, `private-address`, `unresolvable`, `bad-url`) for logs and skip records.
 */
export class UnsafeUrlError extends ExternalError {
  constructor(
    readonly url: string,
    readonly reason: 'bad-scheme' | 'private-address' | 'unresolvable' | 'bad-url',
    readonly detail: string,
  ) {
    super(
      `refused to fetch ${url}: ${detail}. ` +
        (reason === 'private-address'
          ? `Only public addresses are fetched; if this host is yours and trusted, add ${allowEntryFor(url)} to fetch.allowHosts (QUOTECHECK_ALLOW_HOSTS)`
          : reason === 'bad-scheme'
            ? 'Only http and https URLs are fetched'
            : reason === 'unresolvable'
              ? 'Check the host name and DNS'
              : 'Check the URL'),
    );
  }
}

/**
 * The `fetch.allowHosts` entry that would let `url` through, quoted: `"127.0.0.1:6379"`, with the
 * port a URL without one connects to (an entry without a port opens 80 and 443 only).
 */
function allowEntryFor(url: string): string {
  try {
    const u = new URL(url, 'http://host.invalid/'); // `//host:port/` from the connection guard
    return JSON.stringify(`${u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`);
  } catch {
    return '"host:port"';
  }
}

/** The response is larger than `fetch.maxBytes`; it was not read past the cap. */
export class BodyTooLargeError extends ExternalError {
  constructor(
    readonly url: string,
    readonly maxBytes: number,
    readonly declaredBytes: number | null,
  ) {
    super(
      `response from ${url} is larger than the ${maxBytes}-byte cap` +
        (declaredBytes !== null ? ` (Content-Length ${declaredBytes})` : ' (stopped reading at the cap)') +
        ': raise fetch.maxBytes if such pages are wanted',
    );
  }
}

/** No complete response within `fetch.timeoutMs`. Retryable. */
export class FetchTimeoutError extends ExternalError {
  constructor(
    readonly url: string,
    readonly timeoutMs: number,
  ) {
    super(`no complete response from ${url} within ${timeoutMs} ms: the server is slow or down`);
  }
}

/** The server answered with an error status. `retryAfterMs` is set from a Retry-After header. */
export class HttpStatusError extends ExternalError {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly retryAfterMs: number | null = null,
  ) {
    super(
      `${url} answered HTTP ${status}: ` +
        (status === 429
          ? `rate limited by the site${retryAfterMs !== null ? `, retry after ${Math.ceil(retryAfterMs / 1000)} s` : ''}; lower fetch.perHostPerMinute`
          : status >= 500
            ? 'server error on their side; it may succeed later'
            : status === 404 || status === 410
              ? 'the page is gone; nothing to retry'
              : 'the request was refused; retrying will not help'),
    );
  }

  /** 5xx, 408 and 429 may succeed later; other statuses will not. */
  get retryable(): boolean {
    return this.status >= 500 || this.status === 429 || this.status === 408;
  }
}

/** More redirects than `fetch.maxRedirects`, or a redirect without a usable Location. */
export class RedirectError extends ExternalError {
  constructor(
    readonly url: string,
    detail: string,
  ) {
    super(`redirects from ${url} ${detail}: open the URL in a browser to see where it leads, or raise fetch.maxRedirects`);
  }
}

/** Connection refused/reset, DNS failure and other transport errors. Retryable. */
export class FetchNetworkError extends ExternalError {
  constructor(
    readonly url: string,
    readonly code: string | null,
    cause: unknown,
  ) {
    super(`could not fetch ${url}${code ? ` (${code})` : ''}: ${(cause as Error)?.message ?? String(cause)}`, {
      cause,
    });
  }
}

/** The body could not be read as RSS, Atom, RDF or JSON Feed. */
export class FeedParseError extends ExternalError {
  constructor(
    readonly url: string,
    readonly reason: 'empty' | 'html-page' | 'malformed' | 'not-a-feed',
    detail: string,
  ) {
    super(`${url} is not a readable feed: ${detail}`);
  }
}
