import { decodeEntities, type Logger, normalizeDate, statedZone } from '@quotecheck/shared';
import { parseFeed as feedsmithParse } from 'feedsmith';
import { decodeBody } from './charset.js';
import { FeedParseError } from './errors.js';

/** One entry of a feed, before URL canonicalisation. */
export interface ParsedFeedItem {
  link: string | null;
  guid: string | null;
  /** False only when the feed says `isPermaLink="false"`. */
  guidIsPermaLink: boolean;
  /** The title as text: HTML character references a feed leaves in it are decoded. */
  title: string | null;
  /**
   * A UTC ISO 8601 instant when the feed's date could be read (a zone-less date is read in the
   * zone of the feed's other dates, else UTC); null otherwise.
   */
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

/**
 * The library that read a feed. feedsmith alone since rss-parser, kept as a fallback until
 * measured, added no article link on the corpus (docs/feeds.md).
 */
export type FeedParserName = 'feedsmith';

export interface ParseFeedOptions {
  /** The feed's URL: used in errors. */
  url: string;
  contentType?: string | null;
  /** Receives a debug line (`event: 'date.dropped'`, the raw value in `rawDate`) per unreadable item date. */
  log?: Pick<Logger, 'debug'> | null;
}

/**
 * Decodes a feed body by its charset (BOM, Content-Type, XML declaration) and reads it as RSS,
 * Atom, RDF or JSON Feed. Anything else (empty body, an HTML page, malformed XML) throws a
 * {@link FeedParseError} whose `reason` says which, never a parser crash.
 */
export async function parseFeed(body: Uint8Array | string, options: ParseFeedOptions): Promise<ParsedFeed> {
  // async for its callers' sake: reading stays synchronous since the rss-parser fallback went
  const decoded = typeof body === 'string' ? { text: body, charset: 'utf8' } : decodeBody(body, options.contentType, 'xml');
  const text = decoded.text.replace(/^\uFEFF/, '');
  const head = text.slice(0, 2048).trimStart();
  if (head === '') throw new FeedParseError(options.url, 'empty', 'the response body is empty; check the feed URL');
  const html = HTML_START.test(head);
  let error: string;
  try {
    const feed = fromFeedsmith(text);
    // a lenient parser can read an HTML page as an empty feed: only a feed with items counts
    if (html && feed.items.length === 0) throw new Error('an HTML page without feed items');
    const items = feed.items.map(({ rawDates, ...item }) => ({
      ...item,
      title: item.title === null ? null : decodeEntities(item.title),
      published: readDate(rawDates, feed.zone, options.log, item.link),
    }));
    return {
      format: feed.format,
      title: feed.title === null ? null : decodeEntities(feed.title),
      link: feed.link,
      items,
      base: xmlBase(head),
      parser: 'feedsmith',
      charset: decoded.charset,
    };
  } catch (e) {
    error = firstLine((e as Error).message);
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
  // feedsmith says "Unrecognized feed format" when no root is a feed's, "Invalid feed format" when
  // a feed root holds broken XML or no channel
  const notFeed = /unrecognized feed|not recognized as/i.test(error);
  throw new FeedParseError(
    options.url,
    notFeed ? 'not-a-feed' : 'malformed',
    `${notFeed ? 'it is not RSS, Atom, RDF or JSON Feed' : 'the XML is malformed'} (feedsmith: ${error}); check the URL, or ask the publisher to fix the feed`,
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

/** An item's first readable date, as a UTC instant; a zone-less one is read in the feed's zone. */
function readDate(
  raws: (string | null)[],
  zone: string | null,
  log: Pick<Logger, 'debug'> | null | undefined,
  link: string | null,
): string | null {
  for (const raw of raws) {
    const d = normalizeDate(raw, { zone, log, fields: { articleUrl: link } });
    if (d) return d;
  }
  return null;
}

/**
 * The zone a feed's dates state: the offset of the first item or channel date written with one
 * (RFC 822 names such as EST and GMT count). Feeds write all their dates one way, so it is the
 * best reading for the odd date without a zone.
 */
function feedZone(dates: (string | null)[]): string | null {
  for (const d of dates) {
    const z = statedZone(d);
    if (z) return z;
  }
  return null;
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

/** A parsed item before its dates are normalised: the raw dates it gives, preferred first. */
type RawItem = Omit<ParsedFeedItem, 'published'> & { rawDates: (string | null)[] };

interface Normalised {
  format: ParsedFeed['format'];
  title: string | null;
  link: string | null;
  items: RawItem[];
  /** The feed's zone for zone-less dates: see {@link feedZone}. */
  zone: string | null;
}

function normalised(feed: Omit<Normalised, 'zone'>, channelDates: unknown[]): Normalised {
  const dates = [...feed.items.flatMap((i) => i.rawDates), ...channelDates.map(str)];
  return { ...feed, zone: feedZone(dates) };
}

function fromFeedsmith(text: string): Normalised {
  const r = feedsmithParse(text);
  switch (r.format) {
    case 'rss': {
      const f = r.feed;
      return normalised(
        {
          format: 'rss',
          title: str(f.title),
          link: str(f.link),
          items: (f.items ?? []).map((i) => ({
            link: str(i.link) ?? atomLink(i.atom?.links as AtomLinkLike[] | undefined),
            guid: str(i.guid?.value),
            guidIsPermaLink: i.guid?.isPermaLink !== false,
            title: str(i.title),
            rawDates: [str(i.pubDate), str(i.dc?.dates?.[0])],
          })),
        },
        [f.pubDate, f.lastBuildDate],
      );
    }
    case 'atom': {
      const f = r.feed;
      return normalised(
        {
          format: 'atom',
          title: str(f.title),
          link: atomLink(f.links as AtomLinkLike[] | undefined),
          items: (f.entries ?? []).map((e) => ({
            link: atomLink(e.links as AtomLinkLike[] | undefined),
            guid: str(e.id),
            // an Atom id is an IRI that need not be dereferenceable
            guidIsPermaLink: false,
            title: str(e.title),
            rawDates: [str(e.published), str(e.updated)],
          })),
        },
        [f.updated],
      );
    }
    case 'rdf': {
      const f = r.feed;
      return normalised(
        {
          format: 'rdf',
          title: str(f.title),
          link: str(f.link),
          items: (f.items ?? []).map((i) => ({
            link: str(i.link),
            guid: null,
            guidIsPermaLink: false,
            title: str(i.title),
            rawDates: [str(i.dc?.dates?.[0])],
          })),
        },
        [f.dc?.dates?.[0]],
      );
    }
    case 'json': {
      const f = r.feed;
      return normalised(
        {
          format: 'json',
          title: str(f.title),
          link: str(f.home_page_url),
          items: (f.items ?? []).map((i) => ({
            link: str(i.url) ?? str(i.external_url),
            guid: str(i.id),
            guidIsPermaLink: false,
            title: str(i.title),
            rawDates: [str(i.date_published)],
          })),
        },
        [],
      );
    }
    default:
      throw new Error('unrecognized feed format');
  }
}
