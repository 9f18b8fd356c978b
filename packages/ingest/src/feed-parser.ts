import { parseFeed as feedsmithParse } from 'feedsmith';
import Parser from 'rss-parser';
import { decodeBody } from './charset.js';
import { FeedParseError } from './errors.js';

/** One entry of a feed, before URL canonicalisation. */
export interface ParsedFeedItem {
  link: string | null;
  guid: string | null;
  /** False only when the feed says `isPermaLink="false"`. */
  guidIsPermaLink: boolean;
  title: string | null;
  /** ISO 8601 when the feed's date could be read. */
  published: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  title: string | null;
  link: string | null;
  /** The document's `xml:base`, against which relative item links resolve (before the feed URL). */
  base: string | null;
  items: ParsedFeedItem[];
  /** Which library read it. */
  parser: FeedParserName;
  /** The charset the bytes were decoded with. */
  charset: string;
}

export type FeedParserName = 'feedsmith' | 'rss-parser';

export interface ParseFeedOptions {
  /** The feed's URL: used in errors. */
  url: string;
  contentType?: string | null;
  /**
   * Which parsers to try, in order. Default: feedsmith, then rss-parser when feedsmith
   * rejects the document (measured on the corpus: docs/feeds.md).
   */
  parsers?: readonly FeedParserName[];
}

/** Both parsers' order by default; see docs/feeds.md for the measurement behind it. */
export const DEFAULT_FEED_PARSERS: readonly FeedParserName[] = ['feedsmith', 'rss-parser'];

/**
 * Decodes a feed body by its charset (BOM, Content-Type, XML declaration) and reads it as RSS,
 * Atom, RDF or JSON Feed. Anything else (empty body, an HTML page, malformed XML) throws a
 * {@link FeedParseError} whose `reason` says which, never a parser crash.
 */
export async function parseFeed(body: Uint8Array | string, options: ParseFeedOptions): Promise<ParsedFeed> {
  const decoded = typeof body === 'string' ? { text: body, charset: 'utf8' } : decodeBody(body, options.contentType, 'xml');
  const text = decoded.text.replace(/^\uFEFF/, '');
  const head = text.slice(0, 2048).trimStart();
  if (head === '') throw new FeedParseError(options.url, 'empty', 'the response body is empty; check the feed URL');
  const html = HTML_START.test(head);
  const errors: string[] = [];
  for (const name of options.parsers ?? DEFAULT_FEED_PARSERS) {
    try {
      const feed = name === 'feedsmith' ? fromFeedsmith(text) : await fromRssParser(text);
      // a lenient parser can read an HTML page as an empty feed: only a feed with items counts
      if (html && feed.items.length === 0) throw new Error('an HTML page without feed items');
      return { ...feed, base: xmlBase(head), parser: name, charset: decoded.charset };
    } catch (e) {
      errors.push(`${name}: ${firstLine((e as Error).message)}`);
    }
  }
  if (html) {
    const alt = /<link[^>]+type=["']application\/(rss|atom)\+xml["'][^>]*>/i.exec(text)?.[0];
    const href = alt ? /href=["']([^"']+)["']/i.exec(alt)?.[1] : undefined;
    throw new FeedParseError(
      options.url,
      'html-page',
      `it is an HTML page, not RSS/Atom: ${href ? `the page announces a feed at ${href}; use that URL` : 'find the site’s feed URL (a <link rel="alternate" type="application/rss+xml"> in its pages)'}`,
    );
  }
  // feedsmith found no feed structure, and rss-parser found no feed root or no XML at all
  const notFeed = errors.every((m) =>
    /unrecognized feed|not recognized as|Non-whitespace before first tag|Invalid feed format/i.test(m),
  );
  throw new FeedParseError(
    options.url,
    notFeed ? 'not-a-feed' : 'malformed',
    `${notFeed ? 'it is not RSS, Atom, RDF or JSON Feed' : 'the XML is malformed'} (${errors.join('; ')}); check the URL, or ask the publisher to fix the feed`,
  );
}

const HTML_START = /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;

function firstLine(s: string): string {
  return (s.split('\n')[0] ?? s).slice(0, 160);
}

/** The xml:base of the root element (or RSS channel). */
function xmlBase(head: string): string | null {
  const m = /<(?:feed|rss|channel|rdf:RDF)\b[^>]*\sxml:base\s*=\s*["']([^"']+)["']/i.exec(head);
  return m?.[1] ?? null;
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (v && typeof v === 'object' && 'value' in v && typeof (v as { value: unknown }).value === 'string') {
    return ((v as { value: string }).value.trim() || null) as string | null;
  }
  return null;
}

function isoDate(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  const t = Date.parse(s);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

interface AtomLinkLike {
  href?: string;
  rel?: string;
  type?: string;
}

/** The article link of an Atom entry: rel=alternate (or no rel), HTML preferred. */
function atomLink(links: AtomLinkLike[] | undefined): string | null {
  if (!links?.length) return null;
  const alternates = links.filter((l) => l.href && (!l.rel || l.rel === 'alternate'));
  const html = alternates.find((l) => !l.type || /html/i.test(l.type));
  return str((html ?? alternates[0])?.href);
}

type Normalised = Omit<ParsedFeed, 'base' | 'parser' | 'charset'>;

function fromFeedsmith(text: string): Normalised {
  const r = feedsmithParse(text);
  switch (r.format) {
    case 'rss': {
      const f = r.feed;
      return {
        format: 'rss',
        title: str(f.title),
        link: str(f.link),
        items: (f.items ?? []).map((i) => ({
          link: str(i.link) ?? atomLink(i.atom?.links as AtomLinkLike[] | undefined),
          guid: str(i.guid?.value),
          guidIsPermaLink: i.guid?.isPermaLink !== false,
          title: str(i.title),
          published: isoDate(i.pubDate) ?? isoDate(i.dc?.dates?.[0]),
        })),
      };
    }
    case 'atom': {
      const f = r.feed;
      return {
        format: 'atom',
        title: str(f.title),
        link: atomLink(f.links as AtomLinkLike[] | undefined),
        items: (f.entries ?? []).map((e) => ({
          link: atomLink(e.links as AtomLinkLike[] | undefined),
          guid: str(e.id),
          // an Atom id is an IRI that need not be dereferenceable
          guidIsPermaLink: false,
          title: str(e.title),
          published: isoDate(e.published) ?? isoDate(e.updated),
        })),
      };
    }
    case 'rdf': {
      const f = r.feed;
      return {
        format: 'rdf',
        title: str(f.title),
        link: str(f.link),
        items: (f.items ?? []).map((i) => ({
          link: str(i.link),
          guid: null,
          guidIsPermaLink: false,
          title: str(i.title),
          published: isoDate(i.dc?.dates?.[0]),
        })),
      };
    }
    case 'json': {
      const f = r.feed;
      return {
        format: 'json',
        title: str(f.title),
        link: str(f.home_page_url),
        items: (f.items ?? []).map((i) => ({
          link: str(i.url) ?? str(i.external_url),
          guid: str(i.id),
          guidIsPermaLink: false,
          title: str(i.title),
          published: isoDate(i.date_published),
        })),
      };
    }
    default:
      throw new Error('unrecognized feed format');
  }
}

async function fromRssParser(text: string): Promise<Normalised> {
  // A fresh instance per document: rss-parser reuses one xml2js parser, which after a parse
  // error can leave later parses pending forever. The timer is a last resort for the same.
  let timer: NodeJS.Timeout | undefined;
  const f = await Promise.race([
    new Parser().parseString(text),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('rss-parser did not finish')), 10_000);
    }),
  ]).finally(() => clearTimeout(timer));
  const atom = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<feed\b/i.test(text.slice(0, 2048));
  return {
    format: atom ? 'atom' : 'rss',
    title: str(f.title),
    link: str(f.link),
    items: (f.items ?? []).map((i) => ({
      link: str(i.link),
      guid: str(i.guid) ?? str((i as { id?: unknown }).id),
      // rss-parser drops the isPermaLink attribute: trust a guid only when it is a URL
      guidIsPermaLink: /^https?:\/\//i.test(str(i.guid) ?? ''),
      title: str(i.title),
      published: isoDate(i.isoDate) ?? isoDate(i.pubDate),
    })),
  };
}
