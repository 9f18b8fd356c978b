import type { FeedItem, SkipReason } from '@quotecheck/shared';
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
}

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

/**
 * Sorts a feed's items into article candidates (canonical URL, deduplicated within the feed)
 * and skipped items: `no-link` (no link and no permalink guid, or an unparsable one),
 * `bad-scheme` (not http/https), `unsafe-url` (a private/loopback/link-local address literal
 * or `localhost`; names are checked again after DNS at fetch time), `non-article` (matches a
 * skip pattern: video, gallery, live blog...). Pure: no I/O.
 */
export function classifyItems(
  feed: ParsedFeed,
  feedUrl: string,
  feedId: string,
  rules: ItemRules,
): { candidates: ArticleCandidate[]; skipped: SkippedItem[] } {
  const base = baseOf(feed, feedUrl);
  const candidates: ArticleCandidate[] = [];
  const skipped: SkippedItem[] = [];
  const inFeed = new Set<string>();
  for (const item of feed.items) {
    const common = { feedId, guid: item.guid, title: item.title, published: item.published };
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
  return { candidates, skipped };
}
