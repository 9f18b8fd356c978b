import type { Page } from './page.js';

/**
 * A rule matching one element by tag, class token (or class substring), id or attribute. All given
 * parts must match.
 */
export interface ElementRule {
  tag?: string;
  /** A whole class token. */
  classToken?: string;
  /** A substring of the class attribute. */
  classContains?: string;
  id?: string;
  attr?: readonly [name: string, value: string];
}

/**
 * Known markup of a publishing platform: where its article body lives and what inside that body is
 * furniture. Selected by host name or by a markup signature, never by page.
 */
export interface SiteAdapter {
  name: string;
  /** Host names the adapter is for (matched against the page URL, canonical or og:url). */
  hosts?: RegExp;
  /** Body containers in order of preference; the first one present with enough text wins. */
  body: ElementRule[];
  /** Elements inside the body that are not article text. */
  drop: ElementRule[];
}

const FIGURES: ElementRule[] = [{ tag: 'figure' }, { tag: 'figcaption' }, { classContains: 'caption' }];

export const SITE_ADAPTERS: SiteAdapter[] = [
  {
    name: 'aljazeera',
    hosts: /(?:^|\.)aljazeera\.(?:com|net)$/,
    body: [{ classToken: 'wysiwyg' }, { classToken: 'article-p-wrapper' }, { classToken: 'main-article-body' }],
    drop: [
      ...FIGURES,
      { classContains: 'more-on' },
      { classContains: 'recommended' },
      { classContains: 'related' },
      { classContains: 'advertisement' },
      { classContains: 'ad-container' },
      { classContains: 'newsletter' },
      { classContains: 'inpage-embed' },
      { tag: 'aside' },
    ],
  },
];

/** Whether element `i` matches a rule. */
export function matches(page: Page, i: number, rule: ElementRule): boolean {
  const t = page.tag[i]!;
  if (t === '') return false;
  if (rule.tag && t !== rule.tag) return false;
  const a = page.node[i]!.attribs ?? {};
  if (rule.id && a.id !== rule.id) return false;
  if (rule.classContains && !(a.class ?? '').toLowerCase().includes(rule.classContains)) return false;
  if (rule.classToken && !(a.class ?? '').split(/\s+/).includes(rule.classToken)) return false;
  if (rule.attr && a[rule.attr[0]] !== rule.attr[1]) return false;
  return true;
}

/** The adapter for a host, if any. */
export function adapterForHost(host: string | null): SiteAdapter | null {
  if (!host) return null;
  const h = host.toLowerCase().replace(/^www\./, '');
  return SITE_ADAPTERS.find((a) => a.hosts?.test(h)) ?? null;
}

/** Elements matching the adapter's body rules, in rule order then document order (outermost only). */
export function findBodies(page: Page, adapter: SiteAdapter): number[] {
  const out: number[] = [];
  for (const rule of adapter.body) {
    for (let i = 0; i < page.n; i++) {
      if (!matches(page, i, rule)) continue;
      out.push(i);
      i = page.end[i]!;
    }
  }
  return out;
}
