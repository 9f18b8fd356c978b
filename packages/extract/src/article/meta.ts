import { decodeEntities, type Logger, normalizeDate, parseTimeZone, statedZone } from '@quotecheck/shared/core';
import type { JsonLdArticle } from './json-ld.js';
import type { HeadData } from './page.js';
import { squash } from './text.js';

export { normalizeDate } from '@quotecheck/shared/core';

/** Article metadata gathered from JSON-LD, OpenGraph/meta tags and the document head. */
export interface ArticleMeta {
  title: string | null;
  byline: string | null;
  published: string | null;
  language: string | null;
  url: string | null;
  siteName: string | null;
  /**
   * The zone the page states for dates written without one (an IANA name or `+HH:MM`), or null:
   * see {@link pageTimeZone}.
   */
  timeZone: string | null;
}

/** First `content` per lower-cased meta key (`property`, `name`, `itemprop` or `http-equiv`). */
export function metaMap(head: HeadData): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of head.metas) {
    const content = a.content ?? a.datetime;
    if (content === undefined) continue;
    const value = squash(content);
    if (!value) continue;
    for (const key of [a.property, a.name, a.itemprop, a['http-equiv']]) {
      if (!key) continue;
      for (const k of key.toLowerCase().split(/\s+/)) if (k && !m.has(k)) m.set(k, value);
    }
  }
  return m;
}

function first(m: Map<string, string>, keys: string[]): string | null {
  for (const k of keys) {
    const v = m.get(k);
    if (v) return v;
  }
  return null;
}

const TITLE_SEPARATOR = /\s+[|\-–—:»·•/\\]+\s+/;

/**
 * Drops the site name a `<title>` or og:title carries before or after a separator; for a document
 * `<title>`, also a short trailing segment that is probably the site's name.
 */
export function cleanTitle(raw: string, siteName: string | null, fromDocumentTitle = true): string {
  const title = squash(decodeEntities(raw));
  if (!TITLE_SEPARATOR.test(title)) return title;
  const parts = title.split(TITLE_SEPARATOR);
  const site = siteName ? squash(siteName).toLowerCase() : null;
  if (site) {
    const kept = parts.filter((p) => p.toLowerCase() !== site);
    if (kept.length && kept.length < parts.length) return kept.join(' - ');
  }
  // Headlines (JSON-LD, og:title) contain separators of their own; only <title> gets the guess below.
  if (!fromDocumentTitle) return title;
  // Without a known site name, drop one short trailing segment (Readability keeps >= 4 words before it).
  const last = parts[parts.length - 1]!;
  const before = title.slice(0, title.length - last.length).replace(/\s+[|\-–—:»·•/\\]+\s+$/, '');
  if (last.split(/\s+/).length <= 4 && before.split(/\s+/).length >= 4) return before;
  return title;
}

function cleanByline(raw: string | null): string | null {
  if (!raw) return null;
  const s = squash(decodeEntities(raw))
    .replace(/^(?:(?:posted|written|words|text|story)\s+)?(?:by|von|par|por|di|door|av|af|od|от)\s+/i, '')
    .replace(/\s*[|,;]\s*$/, '');
  if (!s || /^https?:\/\//i.test(s) || s.length > 200) return null;
  return s;
}

/** Meta keys that name the page's publication date, most specific first. */
const PUBLISHED_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'datepublished',
  'article.published',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.created',
  'dc.date',
  'date',
  'og:updated_time',
];

/** Meta keys that state a page's time zone outright. */
const ZONE_KEYS = ['timezone', 'time-zone', 'time_zone', 'tz', 'article:timezone'];
/** Other dates a page gives, whose offset tells its zone when the publication date has none. */
const OTHER_DATE_KEYS = [
  'article:modified_time',
  'og:article:modified_time',
  'datemodified',
  'dcterms.modified',
  'last-modified',
];

/**
 * The zone a page states for its zone-less dates: a `<meta name="timezone">` (IANA name or offset),
 * else the offset of the first date the page writes with one (JSON-LD dates anywhere on the page,
 * then `article:published_time`, `article:modified_time` and the other date metas). Null when none.
 */
export function pageTimeZone(m: Map<string, string>, ld: JsonLdArticle | null): string | null {
  for (const k of ZONE_KEYS) {
    const z = parseTimeZone(m.get(k));
    if (z) return z;
  }
  const dates = [ld?.datePublished, ld?.dateModified, ...(ld?.dates ?? [])];
  for (const k of [...PUBLISHED_KEYS, ...OTHER_DATE_KEYS]) dates.push(m.get(k));
  for (const d of dates) {
    const z = statedZone(d);
    if (z) return z;
  }
  return null;
}

/** A BCP 47-style tag (`en`, `en-US`, `pt-BR`) from `lang`, `og:locale` or `Content-Language` values. */
export function normalizeLanguage(raw: string | null): string | null {
  if (!raw) return null;
  const s = raw.split(/[,;]/)[0]!.trim().replace(/_/g, '-');
  const m = /^([A-Za-z]{2,3})(?:-([A-Za-z0-9]{2,8}))?(?:-[A-Za-z0-9]{1,8})*$/.exec(s);
  if (!m) return null;
  const primary = m[1]!.toLowerCase();
  const sub = m[2];
  if (!sub) return primary;
  return `${primary}-${sub.length === 2 ? sub.toUpperCase() : sub.length === 4 ? sub[0]!.toUpperCase() + sub.slice(1).toLowerCase() : sub}`;
}

function absoluteHttp(u: string | null | undefined): string | null {
  if (!u) return null;
  try {
    const parsed = new URL(u.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/**
 * Combines JSON-LD, meta tags and the head into the article's metadata. A publication date that
 * cannot be read is dropped and reported to `log` (debug) with its raw value.
 */
export function articleMeta(
  head: HeadData,
  ld: JsonLdArticle | null,
  url: string | null,
  log?: Pick<Logger, 'debug'> | null,
): ArticleMeta {
  const m = metaMap(head);
  const siteName = first(m, ['og:site_name', 'application-name', 'al:ios:app_name']);
  const headline = ld?.headline ?? first(m, ['og:title', 'twitter:title', 'dc.title', 'headline', 'title']);
  const title = headline ? cleanTitle(headline, siteName, false) : head.title ? cleanTitle(head.title, siteName) : '';
  const byline =
    cleanByline(ld?.author ?? null) ??
    cleanByline(
      first(m, ['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator']),
    );
  const timeZone = pageTimeZone(m, ld);
  const dateOptions = { zone: timeZone, log, fields: { articleUrl: url } };
  const published = normalizeDate(ld?.datePublished, dateOptions) ?? normalizeDate(first(m, PUBLISHED_KEYS), dateOptions);
  const canonical = head.links.find((l) => /(?:^|\s)canonical(?:\s|$)/i.test(l.rel ?? ''))?.href;
  return {
    title: title || null,
    byline,
    published,
    language: normalizeLanguage(
      head.htmlLang ?? first(m, ['content-language', 'og:locale', 'language', 'dc.language']) ?? ld?.inLanguage ?? null,
    ),
    url: absoluteHttp(url) ?? absoluteHttp(canonical) ?? absoluteHttp(first(m, ['og:url'])) ?? absoluteHttp(ld?.url),
    siteName,
    timeZone,
  };
}
