/**
 * The texts of a page, outside its body, that name the people of the story: the headline, image
 * captions and alt text, the description and keyword metas, and JSON-LD headlines, captions,
 * descriptions, keywords and the people it is `about` or `mentions` (never its author, editor or
 * publisher: the writer is not a person of the story). The attribution step reads person names
 * from them to complete a surname or first name the body uses alone ("Smith" → "Jane Smith").
 */
import { objects, parseJsonLd } from './json-ld.js';
import type { Page } from './page.js';
import { squash } from './text.js';

/** At most this many texts per page, each cut to this many characters: captions are short. */
const MAX_TEXTS = 60;
const MAX_CHARS = 400;

/** Meta keys whose content names the story's people. */
const META_KEYS = new Set([
  'og:title',
  'twitter:title',
  'description',
  'og:description',
  'twitter:description',
  'og:image:alt',
  'twitter:image:alt',
  'keywords',
  'news_keywords',
]);

/** JSON-LD properties holding prose or names of the story (searched in every object). */
const LD_TEXT_KEYS = ['headline', 'alternativeHeadline', 'description', 'caption', 'keywords'];
/** JSON-LD properties whose objects are the story's people. */
const LD_PEOPLE_KEYS = ['about', 'mentions', 'character'];
/** JSON-LD properties whose objects are the page's makers, whose names are left out. */
const LD_MAKER_KEYS = ['author', 'creator', 'editor', 'publisher', 'contributor', 'copyrightHolder', 'sourceOrganization'];

/** Whether a class or id names a caption ("wp-caption-text", "imageCaption"); `includes` keeps the node scan cheap. */
const isCaptionName = (s: string | undefined): boolean => !!s && (s.includes('caption') || s.includes('Caption'));

/** What a page says about its people outside the body: texts naming them, and who wrote it. */
export interface PageTexts {
  texts: readonly string[];
  /** The byline: its names are the writer's, left out of the gazetteer unless the body quotes them. */
  writers: readonly string[];
}

const NONE: PageTexts = { texts: [], writers: [] };
const pageTexts = new WeakMap<object, PageTexts>();

/**
 * The name-bearing texts recorded for an article built by `articleFromHtml` (empty for any other
 * article). Kept beside the article rather than in it, so they never reach storage or output.
 */
export function pageTextsOf(article: object): PageTexts {
  return pageTexts.get(article) ?? NONE;
}

/** Records the name-bearing texts of the page an article came from. */
export function notePageTexts(article: object, texts: PageTexts): void {
  if (texts.texts.length) pageTexts.set(article, texts);
}

/** Collects the name-bearing texts of a page (see the module comment), deduplicated and bounded. */
export function collectPageTexts(page: Page, headline: string | null): string[] {
  const out = new Set<string>();
  const add = (s: unknown): void => {
    if (out.size >= MAX_TEXTS) return;
    if (Array.isArray(s)) {
      for (const x of s) add(x);
      return;
    }
    if (typeof s !== 'string') return;
    const v = squash(s).slice(0, MAX_CHARS);
    if (v.length >= 3) out.add(v);
  };
  add(headline);
  for (const a of page.head.metas) {
    const key = (a.property ?? a.name ?? '').toLowerCase();
    if (META_KEYS.has(key)) add(a.content);
  }
  for (const raw of page.head.jsonLd) {
    const makers = new Set<object>();
    const all = objects(parseJsonLd(raw));
    for (const o of all)
      for (const k of LD_MAKER_KEYS) for (const m of [o[k]].flat()) if (m && typeof m === 'object') makers.add(m);
    for (const o of all) {
      if (makers.has(o)) continue;
      for (const k of LD_TEXT_KEYS) add(o[k]);
      for (const k of LD_PEOPLE_KEYS)
        for (const p of [o[k]].flat())
          if (p && typeof p === 'object' && !Array.isArray(p)) add((p as Record<string, unknown>).name);
    }
  }
  for (let i = 0; i < page.n && out.size < MAX_TEXTS; i++) {
    const tag = page.tag[i];
    if (!tag) continue;
    const a = page.node[i]?.attribs;
    if (!a) continue;
    if (tag === 'img') add(a.alt);
    else if (tag === 'figcaption' || isCaptionName(a.class) || isCaptionName(a.id)) {
      add(textUnder(page, i));
      i = page.end[i] as number;
    }
  }
  return [...out];
}

/** The text of the nodes under element `i`, space-joined. */
function textUnder(page: Page, i: number): string {
  const parts: string[] = [];
  let len = 0;
  for (let k = i + 1; k <= (page.end[i] as number) && len < MAX_CHARS; k++) {
    if (page.tag[k] !== '') continue;
    const d = page.node[k]?.data ?? '';
    parts.push(d);
    len += d.length;
  }
  return parts.join(' ');
}
