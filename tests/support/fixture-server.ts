/**
 * A real HTTP server on 127.0.0.1 (random port) for integration tests and benchmarks. It serves
 * the shared corpus as it is on disk, generated feeds that link corpus pages under distinct URLs,
 * and fault routes. Every request is counted per path so tests can assert "fetched once".
 *
 * Routes (all GET):
 * - `/feeds/<path>`: a file of `corpus/feeds`. Gzip files are sent with `Content-Encoding: gzip`,
 *   as a server would. `?ct=<content-type>` overrides the Content-Type (e.g. to add a charset).
 * - `/articles/<path>`: a file of `corpus/articles`, `.gz` inflated, as `text/html`.
 * - `/gen/feed.xml?n=20&offset=0&seed=x[&format=atom][&track=1][&every=k]`: an RSS (or Atom) feed
 *   of `n` items linking `/page/<seed>-<k>.html` for k in [offset, offset+n); `track=1` adds
 *   `utm_*` parameters and a fragment to links (same canonical URL). Answers `ETag` and
 *   `Last-Modified` and honours `If-None-Match`/`If-Modified-Since` with 304.
 * - `/page/<anything>-<k>.html` (or `/page/<k>.html`): the k-th corpus article page (modulo the
 *   number of pages), so any number of distinct URLs serve real news HTML.
 * - `/enc/windows-1251.xml`, `/enc/iso-8859-1.xml` (`?label=header|declaration|both`, default
 *   declaration): small feeds encoded in those charsets; their text is in {@link ENCODED_FEED_TEXT}.
 * - `/fault/status/<code>[?retry-after=s]`: that status with a short body.
 * - `/fault/slow?ms=5000`: a page after a delay; gives up when the client closes.
 * - `/fault/endless`: chunked HTML that never ends (until the client closes).
 * - `/fault/oversized?mb=45[&declare=0]`: a body of that size, streamed lazily, with a truthful
 *   Content-Length unless `declare=0`.
 * - `/fault/html-feed`: an article HTML page served as `application/rss+xml`.
 * - `/fault/empty-feed`: an empty 200 `application/rss+xml`.
 * - `/fault/malformed-feed`: a truncated RSS document.
 * - `/fault/redirect?to=<url>[&status=302]`: a redirect to any URL (e.g. a private address).
 * - `/fault/redirect-loop`: redirects to itself forever.
 * - `/fault/private-links.xml`: an RSS feed whose items link private, loopback, link-local,
 *   metadata, IPv6 loopback/mapped, file: and ftp: URLs, plus one public-looking article.
 * - `/fault/gzip-bomb?mb=50`: a small gzip body that inflates to `mb` megabytes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

/** The repository root (this file is tests/support/fixture-server.ts). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The read-only shared corpus beside the repository. */
export const CORPUS_DIR = resolve(REPO_ROOT, '../shared/corpus');

/** Files under `corpus/<sub>` whose name passes `keep`, as `/<sub>/<relative path>`, sorted. */
function corpusPaths(sub: 'feeds' | 'articles', keep: (name: string) => boolean): string[] {
  const root = join(CORPUS_DIR, sub);
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else if (keep(name)) out.push(`/${sub}/${relative(root, abs).split(sep).join('/')}`);
    }
  };
  walk(root);
  return out;
}

/** The text inside the charset fixtures, to compare with what a decoder produced. */
export const ENCODED_FEED_TEXT = {
  'windows-1251': {
    title: 'Новости дня: Ёлки и ёжики',
    itemTitle: 'Премьер-министр заявил: «Мы готовы к переговорам»',
  },
  'iso-8859-1': {
    title: 'Nachrichten für Köln - Größe, café, niño',
    itemTitle: 'Der Bürgermeister sagte: «Das Straßenfest findet statt»',
  },
} as const;

/** The article pages `/page/<k>.html` cycles through: scrapinghub's benchmark pages, then others. */
export function listArticlePages(): string[] {
  const dirs = ['articles/scrapinghub-aeb/html', 'articles/trafilatura-eval/html', 'articles/newspaper4k/html'];
  const out: string[] = [];
  for (const d of dirs) {
    const abs = join(CORPUS_DIR, d);
    if (!existsSync(abs)) continue;
    for (const f of readdirSync(abs).sort()) if (/\.html(\.gz)?$/.test(f)) out.push(join(abs, f));
  }
  return out;
}

// pages are served thousands of times by the pipeline benchmarks: inflate each once
const inflated = new Map<string, Buffer>();

function readCorpusFile(abs: string, inflate: boolean): Buffer {
  const cached = inflate ? inflated.get(abs) : undefined;
  if (cached) return cached;
  const buf = readFileSync(abs);
  if (!inflate) return buf;
  const out = buf[0] === 0x1f && buf[1] === 0x8b ? gunzipSync(buf) : buf;
  inflated.set(abs, out);
  return out;
}

/** The bytes of an article page from {@link listArticlePages}, gunzipped when stored gzipped. */
export function readArticlePage(file: string): Buffer {
  return readCorpusFile(file, true);
}

/** windows-1251 for the Cyrillic block and ASCII, enough for the fixtures. */
function encodeWindows1251(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0x3f;
    if (c < 0x80) out.push(c);
    else if (c >= 0x410 && c <= 0x44f) out.push(c - 0x410 + 0xc0);
    else if (c === 0x401) out.push(0xa8);
    else if (c === 0x451) out.push(0xb8);
    else if (c === 0xab) out.push(0xab);
    else if (c === 0xbb) out.push(0xbb);
    else out.push(0x3f);
  }
  return Buffer.from(out);
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const CONTENT_TYPES: Record<string, string> = {
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.rdf': 'application/rdf+xml',
  '.json': 'application/json',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.txt': 'text/plain',
};

/** A route handler added by a test. */
export type FixtureHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

export interface FixtureRequest {
  path: string;
  status: number;
  ifNoneMatch: string | null;
  userAgent: string | null;
}

/** Started by {@link FixtureServer.start}; close it in `afterAll`. */
export class FixtureServer {
  private readonly counts = new Map<string, number>();
  private readonly extra = new Map<string, FixtureHandler>();
  private readonly pages = listArticlePages();
  private readonly startedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  /** Every finished request in order (path without query, final status). */
  readonly requests: FixtureRequest[] = [];

  private constructor(
    private readonly server: Server,
    /** `http://127.0.0.1:<port>` */
    readonly origin: string,
  ) {}

  /** Starts a server on 127.0.0.1 on a free port. */
  static async start(): Promise<FixtureServer> {
    if (!existsSync(CORPUS_DIR)) throw new Error(`corpus not found at ${CORPUS_DIR}: clone the repository beside shared/`);
    let self: FixtureServer | undefined;
    const server = createServer((req, res) => {
      void self?.handle(req, res);
    });
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => ok());
    });
    const { port } = server.address() as AddressInfo;
    self = new FixtureServer(server, `http://127.0.0.1:${port}`);
    return self;
  }

  /** Absolute URL of a path on this server. */
  url(path: string): string {
    return `${this.origin}${path.startsWith('/') ? path : `/${path}`}`;
  }

  /** How many requests reached a path (query ignored). */
  hits(path: string): number {
    return this.counts.get(path.split('?')[0] ?? path) ?? 0;
  }

  /** Forgets the request counts and log. */
  resetHits(): void {
    this.counts.clear();
    this.requests.length = 0;
  }

  /** The number of article pages `/page/<k>.html` cycles through. */
  get pageCount(): number {
    return this.pages.length;
  }

  /** Every feed file of `corpus/feeds` as a server path (license and index files left out). */
  corpusFeedPaths(): string[] {
    return corpusPaths('feeds', (name) => !/^(LICENSE|NO-LICENSE|SOURCE|NOTICE|README)/i.test(name) && !name.endsWith('.tsv'));
  }

  /** Every article page of `corpus/articles` (`.html`, `.htm`, gzipped or not) as a server path. */
  corpusArticlePaths(): string[] {
    return corpusPaths('articles', (name) => /\.html?(\.gz)?$/i.test(name));
  }

  /** Adds (or replaces) a handler for an exact path. */
  route(path: string, handler: FixtureHandler): void {
    this.extra.set(path, handler);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((ok) => this.server.close(() => ok()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    const path = url.pathname;
    this.counts.set(path, (this.counts.get(path) ?? 0) + 1);
    res.on('finish', () =>
      this.requests.push({
        path,
        status: res.statusCode,
        ifNoneMatch: (req.headers['if-none-match'] as string | undefined) ?? null,
        userAgent: req.headers['user-agent'] ?? null,
      }),
    );
    try {
      const custom = this.extra.get(path);
      if (custom) await custom(req, res, url);
      else if (path.startsWith('/feeds/')) this.serveCorpus(res, join(CORPUS_DIR, 'feeds'), path.slice(7), url, false);
      else if (path.startsWith('/articles/')) this.serveCorpus(res, join(CORPUS_DIR, 'articles'), path.slice(10), url, true);
      else if (path === '/gen/feed.xml') this.serveGenerated(req, res, url);
      else if (path.startsWith('/page/')) this.servePage(res, path);
      else if (path.startsWith('/enc/')) this.serveEncoded(res, path, url);
      else if (path.startsWith('/fault/')) this.serveFault(req, res, path, url);
      else send(res, 404, 'text/plain', 'not found');
    } catch (e) {
      if (!res.headersSent) send(res, 500, 'text/plain', `fixture error: ${(e as Error).message}`);
      else res.destroy();
    }
  }

  private serveCorpus(res: ServerResponse, root: string, rel: string, url: URL, inflate: boolean): void {
    const abs = resolve(root, decodeURIComponent(rel));
    if (!abs.startsWith(root + sep) || !existsSync(abs) || statSync(abs).isDirectory()) {
      send(res, 404, 'text/plain', 'no such corpus file');
      return;
    }
    const buf = readCorpusFile(abs, inflate);
    const gz = buf[0] === 0x1f && buf[1] === 0x8b;
    const ext = extname(abs.replace(/\.gz$/, '')).toLowerCase();
    const type = url.searchParams.get('ct') ?? (inflate ? 'text/html' : (CONTENT_TYPES[ext] ?? 'application/octet-stream'));
    res.writeHead(200, { 'content-type': type, 'content-length': buf.length, ...(gz ? { 'content-encoding': 'gzip' } : {}) });
    res.end(buf);
  }

  private serveGenerated(req: IncomingMessage, res: ServerResponse, url: URL): void {
    const n = Number(url.searchParams.get('n') ?? 20);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const seed = url.searchParams.get('seed') ?? 'x';
    const track = url.searchParams.get('track') === '1';
    const atom = url.searchParams.get('format') === 'atom';
    const items: { link: string; title: string; date: string }[] = [];
    for (let k = offset; k < offset + n; k++) {
      const link =
        this.url(`/page/${encodeURIComponent(seed)}-${k}.html`) +
        (track ? `?utm_source=rss&utm_medium=feed&fbclid=${k}#top` : '');
      items.push({ link, title: `Generated item ${k}`, date: new Date(this.startedAt.getTime() - k * 60_000).toUTCString() });
    }
    const body = atom
      ? `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Generated ${escapeXml(seed)}</title><id>urn:gen:${escapeXml(seed)}</id><updated>${this.startedAt.toISOString()}</updated>${items
          .map(
            (i) =>
              `<entry><title>${escapeXml(i.title)}</title><link rel="alternate" type="text/html" href="${escapeXml(i.link)}"/><id>${escapeXml(i.link)}</id><updated>${new Date(i.date).toISOString()}</updated></entry>`,
          )
          .join('')}</feed>`
      : `<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel><title>Generated ${escapeXml(seed)}</title><link>${this.origin}/</link><description>generated</description>${items
          .map(
            (i) =>
              `<item><title>${escapeXml(i.title)}</title><link>${escapeXml(i.link)}</link><guid isPermaLink="false">gen-${escapeXml(seed)}-${escapeXml(i.title)}</guid><pubDate>${i.date}</pubDate></item>`,
          )
          .join('')}</channel></rss>`;
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    const lastModified = this.startedAt.toUTCString();
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    if ((inm && inm === etag) || (!inm && ims && Date.parse(ims) >= this.startedAt.getTime())) {
      res.writeHead(304, { etag, 'last-modified': lastModified });
      res.end();
      return;
    }
    res.writeHead(200, {
      'content-type': atom ? 'application/atom+xml' : 'application/rss+xml; charset=utf-8',
      etag,
      'last-modified': lastModified,
    });
    res.end(body);
  }

  private servePage(res: ServerResponse, path: string): void {
    const m = /(\d+)\.html$/.exec(path);
    if (!m || this.pages.length === 0) {
      send(res, 404, 'text/plain', 'no such page');
      return;
    }
    const file = this.pages[Number(m[1]) % this.pages.length] as string;
    const buf = readCorpusFile(file, true);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': buf.length });
    res.end(buf);
  }

  private serveEncoded(res: ServerResponse, path: string, url: URL): void {
    const charset = path === '/enc/windows-1251.xml' ? 'windows-1251' : path === '/enc/iso-8859-1.xml' ? 'iso-8859-1' : null;
    if (!charset) {
      send(res, 404, 'text/plain', 'unknown encoding');
      return;
    }
    const label = url.searchParams.get('label') ?? 'declaration';
    const t = ENCODED_FEED_TEXT[charset];
    const decl = label === 'header' ? '<?xml version="1.0"?>' : `<?xml version="1.0" encoding="${charset}"?>`;
    const xml = `${decl}\n<rss version="2.0"><channel><title>${escapeXml(t.title)}</title><link>${this.origin}/</link><description>d</description><item><title>${escapeXml(t.itemTitle)}</title><link>${this.origin}/page/enc-${charset}-1.html</link></item></channel></rss>`;
    const bytes = charset === 'windows-1251' ? encodeWindows1251(xml) : Buffer.from(xml, 'latin1');
    const type = label === 'declaration' ? 'application/rss+xml' : `application/rss+xml; charset=${charset}`;
    res.writeHead(200, { 'content-type': type, 'content-length': bytes.length });
    res.end(bytes);
  }

  private serveFault(req: IncomingMessage, res: ServerResponse, path: string, url: URL): void {
    const status = /^\/fault\/status\/(\d{3})$/.exec(path);
    if (status) {
      const retry = url.searchParams.get('retry-after');
      res.writeHead(Number(status[1]), { 'content-type': 'text/plain', ...(retry ? { 'retry-after': retry } : {}) });
      res.end(`status ${status[1]}`);
      return;
    }
    switch (path) {
      case '/fault/slow': {
        const ms = Number(url.searchParams.get('ms') ?? 5000);
        const timer = setTimeout(() => this.servePage(res, '/page/0.html'), ms);
        req.on('close', () => clearTimeout(timer));
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case '/fault/endless': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const pump = () => {
          while (!res.destroyed && res.write(chunk)) {
            /* fill the socket buffer */
          }
          if (!res.destroyed) res.once('drain', pump);
        };
        res.on('close', () => res.removeAllListeners('drain'));
        pump();
        return;
      }
      case '/fault/oversized': {
        const total = Number(url.searchParams.get('mb') ?? 45) * 1024 * 1024;
        const declare = url.searchParams.get('declare') !== '0';
        res.writeHead(200, { 'content-type': 'text/html', ...(declare ? { 'content-length': total } : {}) });
        const chunk = Buffer.alloc(64 * 1024, 'b');
        let sent = 0;
        const pump = () => {
          while (!res.destroyed && sent < total) {
            const part = chunk.subarray(0, Math.min(chunk.length, total - sent));
            sent += part.length;
            if (!res.write(part)) {
              res.once('drain', pump);
              return;
            }
          }
          if (!res.destroyed) res.end();
        };
        pump();
        return;
      }
      case '/fault/gzip-bomb': {
        const total = Number(url.searchParams.get('mb') ?? 50) * 1024 * 1024;
        const bomb = gzipSync(Buffer.alloc(total, 0x20), { level: 9 });
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': bomb.length });
        res.end(bomb);
        return;
      }
      case '/fault/html-feed': {
        const buf = readCorpusFile(this.pages[0] as string, true);
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.end(buf);
        return;
      }
      case '/fault/empty-feed':
        send(res, 200, 'application/rss+xml', '');
        return;
      case '/fault/malformed-feed':
        send(
          res,
          200,
          'application/rss+xml',
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>One</title><link>${this.origin}/page/broken-1.html</link></item><item><title>Tw`,
        );
        return;
      case '/fault/redirect': {
        const to = url.searchParams.get('to') ?? '/';
        res.writeHead(Number(url.searchParams.get('status') ?? 302), { location: to });
        res.end();
        return;
      }
      case '/fault/redirect-loop':
        res.writeHead(302, { location: '/fault/redirect-loop' });
        res.end();
        return;
      case '/fault/private-links.xml': {
        const port = new URL(this.origin).port;
        const links = [
          `http://10.0.0.5/news/a.html`,
          `http://127.0.0.1:${port}/page/private-loopback-1.html`,
          `http://169.254.169.254/latest/meta-data/`,
          `http://[::1]:${port}/page/private-v6-1.html`,
          `http://[::ffff:127.0.0.1]:${port}/page/private-mapped-1.html`,
          `http://192.168.1.10/news/b.html`,
          `file:///etc/passwd`,
          `ftp://ftp.example.com/news.txt`,
          `https://news.example.com/2024/05/01/public-story.html`,
        ];
        send(
          res,
          200,
          'application/rss+xml',
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Private links</title><link>${this.origin}/</link><description>d</description>${links
            .map((l, i) => `<item><title>Link ${i}</title><link>${escapeXml(l)}</link></item>`)
            .join('')}</channel></rss>`,
        );
        return;
      }
      default:
        send(res, 404, 'text/plain', 'no such fault');
    }
  }
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  const buf = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { 'content-type': type, 'content-length': buf.length });
  res.end(buf);
}
