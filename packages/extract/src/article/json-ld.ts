/**
 * schema.org article metadata from `<script type="application/ld+json">` blocks. Real pages ship
 * `@graph` arrays, nested `mainEntity` objects, arrays of types, raw newlines inside strings, trailing
 * commas and HTML comments around the JSON; none of that may throw.
 */

/** What a page's JSON-LD says about its article. All fields are raw strings as published. */
export interface JsonLdArticle {
  headline: string | null;
  author: string | null;
  datePublished: string | null;
  dateModified: string | null;
  inLanguage: string | null;
  articleBody: string | null;
  url: string | null;
  /**
   * Every date the page's JSON-LD gives (`datePublished`, `dateModified`, `dateCreated`,
   * `uploadDate` of any object, at most 20): their offsets tell the page's zone.
   */
  dates: string[];
}

const DATE_PROPS = ['datePublished', 'dateModified', 'dateCreated', 'uploadDate'];
const MAX_DATES = 20;

const ARTICLE_TYPE = /(?:^|:|\/)(?:\w*Article|BlogPosting|LiveBlogPosting|Report|SocialMediaPosting|Review)$/;

/** Parses one JSON-LD script text, repairing the malformations real pages ship; undefined if hopeless. */
export function parseJsonLd(raw: string): unknown {
  let s = raw.trim();
  s = s.replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)\s*/, '');
  // Suffixes are cut by hand: an end-anchored regex would rescan long scripts from every offset.
  for (const suffix of ['-->', ']]>', '//', ';']) if (s.endsWith(suffix)) s = s.slice(0, -suffix.length).trimEnd();
  if (!s) return undefined;
  for (const fix of REPAIRS) {
    try {
      return JSON.parse(fix(s));
    } catch {
      // try the next repair
    }
  }
  return undefined;
}

const REPAIRS: ((s: string) => string)[] = [
  (s) => s,
  // Raw control characters (usually newlines) inside strings: as whitespace between tokens they are harmless too.
  (s) => s.replace(/[\u0000-\u001f]+/g, ' '),
  (s) => s.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1'),
  // Several objects back to back without an enclosing array.
  (s) => `[${s.replace(/[\u0000-\u001f]+/g, ' ').replace(/}\s*{/g, '},{')}]`,
];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isObject(v: unknown): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function types(o: Record<string, Json>): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

function str(v: Json | undefined, depth = 0): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  if (depth > 4) return null;
  if (Array.isArray(v)) {
    for (const x of v) {
      const s = str(x, depth + 1);
      if (s) return s;
    }
  }
  if (isObject(v)) return str(v['@value'] ?? v.name, depth + 1);
  return null;
}

/** Author names: strings, Person/Organization objects, or arrays of either. */
function authorNames(v: Json | undefined): string[] {
  const out: string[] = [];
  const stack: (Json | undefined)[] = [v];
  let budget = 100;
  while (stack.length && budget-- > 0) {
    const x = stack.pop();
    if (typeof x === 'string') {
      const name = x.trim();
      if (name && !/^https?:\/\//.test(name)) out.push(name);
    } else if (Array.isArray(x)) {
      for (let i = x.length - 1; i >= 0; i--) stack.push(x[i]);
    } else if (isObject(x)) {
      const name = str(x.name);
      if (name && !/^https?:\/\//.test(name)) out.push(name);
    }
  }
  return [...new Set(out)];
}

/** Every object in a JSON-LD value (through arrays, @graph and nested properties), breadth-first, bounded. */
export function objects(root: unknown): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  const queue: unknown[] = [root];
  for (let k = 0; k < queue.length && k < 2000; k++) {
    const v = queue[k];
    if (Array.isArray(v)) queue.push(...v);
    else if (isObject(v)) {
      out.push(v);
      for (const [key, child] of Object.entries(v)) if (key !== 'articleBody' && typeof child === 'object') queue.push(child);
    }
  }
  return out;
}

/** The article described by a page's JSON-LD scripts, or null when none describes one. */
export function articleFromJsonLd(scripts: string[]): JsonLdArticle | null {
  let best: Record<string, Json> | null = null;
  let bestRank = -1;
  const dates: string[] = [];
  for (const raw of scripts) {
    for (const o of objects(parseJsonLd(raw))) {
      for (const p of DATE_PROPS) {
        const d = typeof o[p] === 'string' ? (o[p] as string).trim() : '';
        if (d && dates.length < MAX_DATES) dates.push(d);
      }
      const ts = types(o);
      if (!ts.some((t) => ARTICLE_TYPE.test(t))) continue;
      const rank = (typeof o.articleBody === 'string' ? 4 : 0) + (o.headline ? 2 : 0) + (o.datePublished ? 1 : 0);
      if (rank > bestRank) {
        best = o;
        bestRank = rank;
      }
    }
  }
  if (!best) return null;
  const authors = authorNames(best.author ?? best.creator);
  return {
    headline: str(best.headline) ?? str(best.name),
    author: authors.length ? authors.join(', ') : null,
    datePublished: str(best.datePublished) ?? str(best.dateCreated),
    dateModified: str(best.dateModified),
    inLanguage: str(best.inLanguage),
    articleBody: str(best.articleBody),
    url: str(best.url),
    dates,
  };
}
