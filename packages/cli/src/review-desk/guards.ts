import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';

/**
 * The `Host` header values a browser sends when it really means this server: the loopback names
 * and the bound host, each with the port. Anything else is a DNS-rebinding page (a hostile name
 * that resolves to 127.0.0.1) or a misdirected request.
 */
export function allowedHosts(host: string, port: number): Set<string> {
  const bound = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return new Set([`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `${bound.toLowerCase()}:${port}`]);
}

/** Answers 421 to a request whose `Host` is not one of `allowed`. */
export function checkHost(allowed: Set<string>, url: string): RequestHandler {
  return (req, res, next) => {
    const h = (req.headers.host ?? '').toLowerCase();
    if (allowed.has(h)) return next();
    res
      .status(421)
      .type('text/plain')
      .send(`Host ${JSON.stringify(h)} is not this server's address: open ${url}\n`);
  };
}

/** Answers 405 to anything but GET and HEAD: the server is read-only unless --writable. */
export const readOnly: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  res
    .status(405)
    .set('allow', 'GET, HEAD')
    .type('text/plain')
    .send('this server is read-only: start it with --writable to record decisions or retry, promote and remove jobs\n');
};

/**
 * Refuses (403) a write sent by another site: a browser says where a request comes from in
 * `Sec-Fetch-Site` (Chromium, Firefox, Safari since 2023) and `Origin`; either naming another site
 * is refused. Clients that send neither (curl, scripts) still need the CSRF token on forms.
 */
export function sameOriginWrites(allowed: Set<string>): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return next();
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      return forbidden(res, `a ${site} request cannot write here: use the forms of this server`);
    const origin = req.headers.origin;
    if (origin !== undefined) {
      let host: string | null = null;
      try {
        host = new URL(origin).host.toLowerCase();
      } catch {
        // "null" and other opaque origins
      }
      if (!host || !allowed.has(host)) return forbidden(res, `origin ${origin} cannot write here: use the forms of this server`);
    }
    next();
  };
}

function forbidden(res: Response, message: string): void {
  res.status(403).type('text/plain').send(`${message}\n`);
}

/** The cookie that holds a browser's CSRF secret. */
export const CSRF_COOKIE = 'qc_csrf';

/** Reads one cookie from the request (no cookie parser needed for two cookies). */
export function cookie(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * CSRF tokens tied to a cookie: each browser gets a random secret in an HttpOnly, SameSite=Strict
 * cookie; its forms carry HMAC(server key, secret). A forged form from another site can neither
 * read the cookie nor compute the token, and SameSite=Strict keeps the browser from sending the
 * cookie with it at all. The server key lives in memory: a restart invalidates open forms.
 */
export class Csrf {
  private readonly key = randomBytes(32);

  /** The browser's secret, set as a cookie when it has none yet. */
  secret(req: Request, res: Response): string {
    const have = cookie(req, CSRF_COOKIE);
    if (have && /^[A-Za-z0-9_-]{43}$/.test(have)) return have;
    const fresh = randomBytes(32).toString('base64url');
    res.append('set-cookie', `${CSRF_COOKIE}=${fresh}; Path=/; HttpOnly; SameSite=Strict`);
    return fresh;
  }

  /** The token forms carry for this secret. */
  token(secret: string): string {
    return createHmac('sha256', this.key).update(secret).digest('base64url');
  }

  /** Whether a submitted token matches the request's cookie. */
  verify(req: Request, submitted: unknown): boolean {
    const secret = cookie(req, CSRF_COOKIE);
    if (!secret || typeof submitted !== 'string') return false;
    const want = Buffer.from(this.token(secret));
    const got = Buffer.from(submitted);
    return want.length === got.length && timingSafeEqual(want, got);
  }
}
