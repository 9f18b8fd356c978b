import { clampText, type FeedItem, MAX_DATE_CHARS, MAX_TITLE_CHARS, MAX_URL_CHARS, type SkipReason } from '@quotecheck/shared';
import { assertSafeUrl, type HostAllowlist } from './address-guard.js';
import { canonicalUrl } from './canonical-url.js';
import { UnsafeUrlError } from './errors.js';
import type { ParsedFeed, ParsedFeedItem } from './feed-parser.js';

/** An item worth fetching: it has a safe http(s) link that is not a known non-article page. */
export interface ArticleCandidate extends FeedItem {
  link: string;
  canonicalUrl: string;
}

/** An item recorded but not fetched, with the reason. */
export interface SkippedItem extends FeedItem {
  reason: SkipReason;
  detail: string;
}

export interface ItemRules {
  /** Path patterns of non-article pages (config.skipUrlPatterns). */
  skipPatterns: readonly RegExp[];
  allow: HostAllowlist;
  /** Items considered, newest first; older ones are dropped. Default {@link MAX_FEED_ITEMS}. */
  maxItems?: number;
}

/**
 * Most items of one feed document considered, newest first. Real feeds carry 10-100 items (the
 * largest of the corpus's 323 feed files has 730). Each item costs a URL parse, an address check
 * and a seen-set lookup: a hostile feed of 100,000 items took about 17 s on top of its parse on a
 * loaded 2-core machine, and about 1 s capped at 10,000. Older items of such a feed are never
 * fetched, and the count dropped is logged (`feed.truncated`).
 */
export const MAX_FEED_ITEMS = 10_000;

/** Compiles `config.skipUrlPatterns`, naming a bad one. */
export function compileSkipPatterns(patterns: readonly string[]): RegExp[] {
  return patterns.map((p) => {
    try {
      return new RegExp(p, 'i');
    } catch (e) {
      throw new Error(
        `skipUrlPatterns entry ${JSON.stringify(p)} is not a regular expression (${(e as Error).message}): fix the config`,
      );
    }
  });
}

/** Length of `link` resolved against `base` (its own length when it does not resolve). */
function resolvedLengthOf(link: string, base: string): number {
  try {
    return new URL(link, base).href.length;
  } catch {
    return link.length;
  }
}

function baseOf(feed: ParsedFeed, feedUrl: string): string {
  if (feed.base) {
    try {
      return new URL(feed.base, feedUrl).href;
    } catch {
      // an unusable xml:base: the feed URL is the next best base
    }
  }
  return feedUrl;
}

/** The URL an item points to: its link, else a guid that is a permalink URL. */
function linkOf(item: ParsedFeedItem): string | null {
  if (item.link) return item.link;
  if (item.guid && item.guidIsPermaLink && /^https?:\/\//i.test(item.guid)) return item.guid;
  return null;
}

/** `published` as epoch ms, or null when absent or unreadable. */
function timeOf(item: { published: string | null }): number | null {
  if (!item.published) return null;
  const t = Date.parse(item.published);
  return Number.isNaN(t) ? null : t;
}

/**
 * Items newest first: dated items by date, descending, then undated ones in feed order (feeds
 * list newest first, so feed order is the best guess). Stable, so equal dates keep feed order.
 * Does not modify its argument.
 */
export function newestFirst<T extends { published: string | null }>(items: readonly T[]): T[] {
  const keyed = items.map((item, i) => ({ item, i, t: timeOf(item) }));
  keyed.sort((a, b) => {
    if (a.t !== null && b.t !== null) return b.t - a.t || a.i - b.i;
    if (a.t !== null) return -1;
    if (b.t !== null) return 1;
    return a.i - b.i;
  });
  return keyed.map((k) => k.item);
}

/**
 * Sorts a feed's items into article candidates (canonical URL, deduplicated within the feed)
 * and skipped items: `no-link` (no link and no permalink guid, or an unparsable one),
 * `bad-scheme` (not http/https), `unsafe-url` (a private/loopback/link-local address literal
 * or `localhost`; names are checked again after DNS at fetch time), `non-article` (matches a
 * skip pattern: video, gallery, live blog...), `url-too-long` (a link over {@link MAX_URL_CHARS}).
 * Only the newest `rules.maxItems` ({@link MAX_FEED_ITEMS}) items are looked at; `dropped` counts
 * the older ones left out.
 * Candidates come newest first ({@link newestFirst}), so a caller that takes only part of them
 * takes the newest. Every text field is capped: titles are cut at {@link MAX_TITLE_CHARS}, a
 * date longer than {@link MAX_DATE_CHARS} is dropped, a guid or link kept in a skip record is cut
 * at {@link MAX_URL_CHARS}. Pure: no I/O.
 */
export function classifyItems(
  feed: ParsedFeed,
  feedUrl: string,
  feedId: string,
  rules: ItemRules,
): { candidates: ArticleCandidate[]; skipped: SkippedItem[]; dropped: number } {
  const base = baseOf(feed, feedUrl);
  const candidates: ArticleCandidate[] = [];
  const skipped: SkippedItem[] = [];
  const inFeed = new Set<string>();
  const max = rules.maxItems ?? MAX_FEED_ITEMS;
  const items = newestFirst(feed.items);
  const dropped = Math.max(0, items.length - max);
  for (const item of dropped ? items.slice(0, max) : items) {
    const common = {
      feedId,
      guid: clampText(item.guid, MAX_URL_CHARS),
      title: clampText(item.title, MAX_TITLE_CHARS),
      published: item.published && item.published.length <= MAX_DATE_CHARS ? item.published : null,
    };
    const link = linkOf(item);
    if (!link) {
      skipped.push({
        ...common,
        link: null,
        canonicalUrl: null,
        reason: 'no-link',
        detail: 'the item has no link and no permalink guid',
      });
      continue;
    }
    const resolvedLength = link.length > MAX_URL_CHARS ? link.length : resolvedLengthOf(link, base);
    if (resolvedLength > MAX_URL_CHARS) {
      skipped.push({
        ...common,
        link: clampText(link, MAX_URL_CHARS),
        canonicalUrl: null,
        reason: 'url-too-long',
        detail: `the link is ${resolvedLength} characters long; links over ${MAX_URL_CHARS} are not fetched`,
      });
      continue;
    }
    const canonical = canonicalUrl(link, base);
    if (!canonical) {
      skipped.push({
        ...common,
        link,
        canonicalUrl: null,
        reason: 'no-link',
        detail: `the link ${JSON.stringify(link)} is not a URL`,
      });
      continue;
    }
    if (canonical.length > MAX_URL_CHARS) {
      skipped.push({
        ...common,
        link,
        canonicalUrl: null,
        reason: 'url-too-long',
        detail: `the canonical link is ${canonical.length} characters long; links over ${MAX_URL_CHARS} are not fetched`,
      });
      continue;
    }
    const u = new URL(canonical);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      skipped.push({
        ...common,
        link,
        canonicalUrl: canonical,
        reason: 'bad-scheme',
        detail: `${u.protocol} links are not fetched`,
      });
      continue;
    }
    try {
      assertSafeUrl(u, rules.allow);
    } catch (e) {
      if (!(e instanceof UnsafeUrlError)) throw e;
      skipped.push({ ...common, link, canonicalUrl: canonical, reason: 'unsafe-url', detail: e.detail });
      continue;
    }
    const pattern = rules.skipPatterns.find((p) => p.test(u.pathname));
    if (pattern) {
      skipped.push({
        ...common,
        link,
        canonicalUrl: canonical,
        reason: 'non-article',
        detail: `the path matches ${pattern.source}`,
      });
      continue;
    }
    if (inFeed.has(canonical)) continue;
    inFeed.add(canonical);
    const resolved = new URL(link, base).href;
    candidates.push({ ...common, link: resolved, canonicalUrl: canonical });
  }
  return { candidates, skipped, dropped };
}
