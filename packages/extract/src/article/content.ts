import {
  ALWAYS_DROP,
  BYLINE,
  CONDITIONAL,
  classWeight,
  HEADING_TAGS,
  INLINE_TAGS,
  MAYBE_CANDIDATE,
  PARAGRAPH_TAGS,
  SHARE,
  tagWeight,
  UNLIKELY,
  UNLIKELY_ROLES,
} from './boilerplate.js';
import type { Page } from './page.js';
import { render } from './render.js';
import { squash, squashedLength } from './text.js';

/** Which of Readability's heuristics an extraction attempt applies; later attempts relax them. */
interface Attempt {
  stripUnlikely: boolean;
  weightClasses: boolean;
  cleanConditionally: boolean;
}

const ATTEMPTS: Attempt[] = [
  { stripUnlikely: true, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: false },
];

/** Below this many characters an attempt is considered to have missed the article. */
const CHAR_THRESHOLD = 500;

/** The article body found in a page: its paragraphs and the elements they were rendered from. */
export interface ContentResult {
  paragraphs: string[];
  /** Length of the body text. */
  chars: number;
}

/** Per-page state shared by all attempts: class/id strings and the aggregate arrays, reused. */
class Scratch {
  readonly cls: string[];
  readonly ids: string[];
  readonly dead: Uint8Array;
  readonly drop: Uint8Array;
  readonly textLen: Float64Array;
  readonly linkLen: Float64Array;
  readonly commas: Float64Array;
  readonly ownLen: Float64Array;
  readonly ownCommas: Float64Array;
  readonly mixed: Uint8Array;
  readonly score: Float64Array;
  readonly scored: Uint8Array;
  // Make-up counts used when cleaning the chosen content.
  readonly pCount: Int32Array;
  readonly imgCount: Int32Array;
  readonly liCount: Int32Array;
  readonly inputCount: Int32Array;
  readonly embedCount: Int32Array;
  readonly headingLen: Float64Array;
  readonly listLen: Float64Array;
  readonly textishLen: Float64Array;
  /** Descendants that keep Readability from turning a div into a paragraph. */
  readonly blockCount: Int32Array;
  readonly dataTable: Uint8Array;
  /** Embedded social posts (a quoted tweet, an Instagram caption) and their small wrappers. */
  readonly embeddedPost: Uint8Array;
  /** h1/h2 headings that repeat the page title. */
  readonly titleHeading: Uint8Array;
  // Nearest proper ancestor of each kind, -1 when none: the cleaning rules ask "inside a figure?"
  // of every container, and walking up each time is quadratic on deeply nested pages.
  /** Nearest `code` or data-table ancestor (cleaning never drops anything inside one). */
  readonly guardAbove: Int32Array;
  readonly figureAbove: Int32Array;
  readonly tableOrCodeAbove: Int32Array;

  constructor(
    readonly page: Page,
    title: string | null,
  ) {
    const n = page.n;
    this.cls = new Array<string>(n);
    this.ids = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const a = page.node[i]!.attribs;
      this.cls[i] = a?.class ?? '';
      this.ids[i] = a?.id ?? '';
    }
    this.dead = new Uint8Array(n);
    this.drop = new Uint8Array(n);
    this.textLen = new Float64Array(n);
    this.linkLen = new Float64Array(n);
    this.commas = new Float64Array(n);
    this.ownLen = new Float64Array(n);
    this.ownCommas = new Float64Array(n);
    this.mixed = new Uint8Array(n);
    this.score = new Float64Array(n);
    this.scored = new Uint8Array(n);
    this.pCount = new Int32Array(n);
    this.imgCount = new Int32Array(n);
    this.liCount = new Int32Array(n);
    this.inputCount = new Int32Array(n);
    this.embedCount = new Int32Array(n);
    this.headingLen = new Float64Array(n);
    this.listLen = new Float64Array(n);
    this.textishLen = new Float64Array(n);
    this.blockCount = new Int32Array(n);
    this.dataTable = new Uint8Array(n);
    this.embeddedPost = new Uint8Array(n);
    this.titleHeading = new Uint8Array(n);
    this.markTitleHeadings(title);
    this.markDataTables();
    this.markEmbeddedPosts();
    this.guardAbove = new Int32Array(n);
    this.figureAbove = new Int32Array(n);
    this.tableOrCodeAbove = new Int32Array(n);
    this.markAncestors();
  }

  /** One pass in document order: a parent's entries are final before its children read them. */
  private markAncestors(): void {
    const { tag, parent, n } = this.page;
    for (let i = 0; i < n; i++) {
      const p = parent[i]!;
      if (p < 0) {
        this.guardAbove[i] = this.figureAbove[i] = this.tableOrCodeAbove[i] = -1;
        continue;
      }
      const t = tag[p];
      this.guardAbove[i] = t === 'code' || (t === 'table' && this.dataTable[p]) ? p : this.guardAbove[p]!;
      this.figureAbove[i] = t === 'figure' ? p : this.figureAbove[p]!;
      this.tableOrCodeAbove[i] = t === 'table' || t === 'code' ? p : this.tableOrCodeAbove[p]!;
    }
  }

  /**
   * Tables with header cells or captions hold data, not layout, and are never cleaned away. The
   * nearest table above each node is carried down in document order (one pass), not looked up by
   * walking up from every header cell.
   */
  private markDataTables(): void {
    const { tag, parent, n } = this.page;
    const tableAbove = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const p = parent[i]!;
      tableAbove[i] = p < 0 ? -1 : tag[p] === 'table' ? p : tableAbove[p]!;
      const t = tag[i];
      if ((t === 'th' || t === 'caption' || t === 'thead' || t === 'tfoot') && tableAbove[i]! >= 0)
        this.dataTable[tableAbove[i]!] = 1;
    }
  }

  /**
   * Marks the h1/h2 headings that repeat the title (left out of the body). Computed once per page,
   * not once per attempt, and only for headings of at most {@link SHORT_SUBTREE} nodes: a page of
   * 20,000 unclosed `<h1>`s otherwise copied every heading's whole subtree text, four times over
   * (59 s measured; O(N^2)).
   */
  private markTitleHeadings(title: string | null): void {
    const { tag, end, n } = this.page;
    if (!title) return;
    for (let i = 0; i < n; i++) {
      const t = tag[i];
      if ((t === 'h1' || t === 'h2') && end[i]! - i <= SHORT_SUBTREE && textSimilarity(title, flatText(this.page, i)) > 0.75)
        this.titleHeading[i] = 1;
    }
  }

  /**
   * Publishers quote statements by embedding the post itself; the embed's wrapper usually carries
   * "social"/"embed"/"media" class names that would otherwise mark it as boilerplate.
   */
  private markEmbeddedPosts(): void {
    const { tag, parent, end, n } = this.page;
    for (let i = 0; i < n; i++) {
      if (tag[i] !== 'blockquote' || !EMBEDDED_POST.test(this.cls[i]!)) continue;
      this.embeddedPost[i] = 1;
      for (let p = parent[i]!, k = 0; p >= 0 && k < 3 && end[p]! - p < 150; p = parent[p]!, k++) this.embeddedPost[p] = 1;
    }
  }

  weight(i: number, attempt: Attempt): number {
    return attempt.weightClasses ? classWeight(this.cls[i]!, this.ids[i]!) : 0;
  }

  private wholeText: string | null = null;
  /** Pull-quote boxes looked up in the page's text so far (see MAX_PULL_QUOTES_CHECKED). */
  pullQuotesChecked = 0;

  /** All the page's text, squashed as {@link squash} does (read once, for the rare pull-quote box). */
  pageText(): string {
    if (this.wholeText === null)
      this.wholeText = rootsOf(this.page)
        .map((r) => squash(flatText(this.page, r)))
        .join(' ');
    return this.wholeText;
  }
}

const TEXTISH = new Set(['span', 'li', 'td', 'blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul']);
const DIV_TO_P = new Set(['blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul']);
const EMBED = new Set(['iframe', 'object', 'embed', 'video', 'audio']);
const INPUT = new Set(['input', 'select', 'textarea', 'button']);

/**
 * Sums text, link text and commas bottom-up over `from..to` (a reverse pass: every node's subtree
 * is complete before its parent reads it), skipping dead and dropped subtrees. With `clean`, each
 * container is judged once its subtree is final, as Readability's `_cleanConditionally` does.
 */
function aggregate(s: Scratch, from: number, to: number, clean: ((i: number) => boolean) | null): void {
  const { page } = s;
  const { tag, parent, node } = page;
  s.textLen.fill(0, from, to + 1);
  s.linkLen.fill(0, from, to + 1);
  s.commas.fill(0, from, to + 1);
  s.ownLen.fill(0, from, to + 1);
  s.ownCommas.fill(0, from, to + 1);
  s.mixed.fill(0, from, to + 1);
  if (clean) {
    s.pCount.fill(0, from, to + 1);
    s.imgCount.fill(0, from, to + 1);
    s.liCount.fill(0, from, to + 1);
    s.inputCount.fill(0, from, to + 1);
    s.embedCount.fill(0, from, to + 1);
    s.headingLen.fill(0, from, to + 1);
    s.listLen.fill(0, from, to + 1);
    s.textishLen.fill(0, from, to + 1);
    s.blockCount.fill(0, from, to + 1);
  }
  for (let i = to; i >= from; i--) {
    if (s.dead[i] || s.drop[i]) continue;
    const t = tag[i]!;
    const p = parent[i]!;
    if (t === '') {
      const len = page.len[i]!;
      s.textLen[i] = len;
      s.commas[i] = page.commas[i]!;
      if (p >= from) {
        s.textLen[p]! += len;
        s.commas[p]! += page.commas[i]!;
        s.ownLen[p]! += len;
        s.ownCommas[p]! += page.commas[i]!;
      }
      continue;
    }
    if (clean) {
      if (t === 'p') s.pCount[i]!++;
      else if (t === 'img') s.imgCount[i]!++;
      else if (t === 'li') s.liCount[i]!++;
      else if (INPUT.has(t)) s.inputCount[i]!++;
      else if (EMBED.has(t)) s.embedCount[i]!++;
      if (clean(i)) {
        s.drop.fill(1, i, page.end[i]! + 1);
        continue;
      }
    }
    if (t === 'a') {
      const href = node[i]!.attribs?.href ?? '';
      s.linkLen[i] = s.textLen[i]! * (href.startsWith('#') ? 0.3 : 1);
    }
    if (p < from) continue;
    s.textLen[p]! += s.textLen[i]!;
    s.linkLen[p]! += s.linkLen[i]!;
    s.commas[p]! += s.commas[i]!;
    if (INLINE_TAGS.has(t)) {
      s.ownLen[p]! += s.ownLen[i]!;
      s.ownCommas[p]! += s.ownCommas[i]!;
    } else if (s.textLen[i]! > 0) {
      s.mixed[p] = 1;
    }
    if (clean) {
      s.pCount[p]! += s.pCount[i]!;
      s.imgCount[p]! += s.imgCount[i]!;
      s.liCount[p]! += s.liCount[i]!;
      s.inputCount[p]! += s.inputCount[i]!;
      s.embedCount[p]! += s.embedCount[i]!;
      s.headingLen[p]! += HEADING_TAGS.has(t) ? s.textLen[i]! : s.headingLen[i]!;
      s.listLen[p]! += t === 'ul' || t === 'ol' ? s.textLen[i]! : s.listLen[i]!;
      s.textishLen[p]! += TEXTISH.has(t) ? s.textLen[i]! : s.textishLen[i]!;
      s.blockCount[p]! += s.blockCount[i]! + (DIV_TO_P.has(t) ? 1 : 0);
    }
  }
}

function linkDensity(s: Scratch, i: number): number {
  const len = s.textLen[i]!;
  return len > 0 ? s.linkLen[i]! / len : 0;
}

const EMBEDDED_POST = /twitter-tweet|instagram-media|tiktok-embed|bluesky-embed|mastodon-embed|threads-post|fb-(?:post|xfbml)/i;

/** Readability's text similarity: the share of `b`'s tokens (by length) also found in `a`. */
export function textSimilarity(a: string, b: string): number {
  const tokensA = new Set(a.toLowerCase().split(/\W+/u).filter(Boolean));
  const tokensB = b.toLowerCase().split(/\W+/u).filter(Boolean);
  if (!tokensA.size || !tokensB.length) return 0;
  const uniqB = tokensB.filter((t) => !tokensA.has(t));
  return 1 - uniqB.join(' ').length / tokensB.join(' ').length;
}

/** Marks the subtrees an attempt removes before scoring: unlikely candidates, bylines, the title heading. */
function markDead(s: Scratch, attempt: Attempt): void {
  const { page } = s;
  const { tag, node, end, n } = page;
  s.dead.fill(0);
  const top = Math.max(page.body, 0);
  for (let i = top; i < n; i++) {
    const t = tag[i]!;
    if (t === '' || t === 'body' || t === 'html') continue;
    const a = node[i]!.attribs!;
    const match = `${s.cls[i]} ${s.ids[i]}`;
    let kill = false;
    if (a['aria-modal'] === 'true' && a.role === 'dialog') kill = true;
    else if (
      attempt.stripUnlikely &&
      t !== 'a' &&
      !s.embeddedPost[i] &&
      ((UNLIKELY.test(match) && !MAYBE_CANDIDATE.test(match) && s.tableOrCodeAbove[i]! < 0) ||
        (a.role !== undefined && UNLIKELY_ROLES.has(a.role)))
    )
      kill = true;
    else if ((a.rel === 'author' || a.itemprop?.includes('author') || BYLINE.test(match)) && isShortText(s, i, 100)) kill = true;
    else if (s.titleHeading[i]) kill = true;
    if (kill) {
      s.dead.fill(1, i, end[i]! + 1);
      i = end[i]!;
    }
  }
}

/**
 * Subtrees larger than this many nodes are containers, never a byline or a title heading; bounding
 * them keeps a class on a page wrapper (or thousands of nested ones) from costing a full-text copy.
 */
const SHORT_SUBTREE = 200;

function isShortText(s: Scratch, i: number, max: number): boolean {
  const page = s.page;
  if (page.end[i]! - i > SHORT_SUBTREE) return false;
  const len = squashedLength(flatText(page, i));
  return len > 0 && len < max;
}

/** The text of node `i`'s subtree as the flat arrays hold it (hidden and inert parts left out). */
function flatText(page: Page, i: number): string {
  let out = '';
  for (let j = i, stop = page.end[i]!; j <= stop; j++) if (page.tag[j] === '') out += page.node[j]!.data ?? '';
  return out;
}

/** Scores paragraphs into their ancestors (Readability's content score) and returns the best candidate. */
function pickCandidate(s: Scratch, attempt: Attempt): number {
  const { page } = s;
  const { tag, parent, n } = page;
  s.score.fill(0);
  s.scored.fill(0);
  const candidates: number[] = [];
  const init = (i: number): void => {
    if (s.scored[i]) return;
    s.scored[i] = 1;
    s.score[i] = tagWeight(tag[i]!) + s.weight(i, attempt);
    candidates.push(i);
  };
  const from = Math.max(page.body, 0);
  for (let i = from; i < n; i++) {
    if (s.dead[i]) {
      i = page.end[i]!;
      continue;
    }
    const t = tag[i]!;
    if (t === '' || (!PARAGRAPH_TAGS.has(t) && !t.includes('-'))) continue;
    const len = s.ownLen[i]!;
    if (len < 25) continue;
    const contentScore = 1 + s.ownCommas[i]! + Math.min(Math.floor(len / 100), 3);
    let anc = s.mixed[i] ? i : parent[i]!;
    for (let level = 0; level < 5 && anc >= 0; level++) {
      if (tag[anc] === 'html') break;
      init(anc);
      s.score[anc]! += contentScore / (level === 0 ? 1 : level === 1 ? 2 : level * 3);
      anc = parent[anc]!;
    }
  }
  let best = -1;
  const top: number[] = [];
  for (const c of candidates) {
    s.score[c] = s.score[c]! * (1 - linkDensity(s, c));
    if (best < 0 || s.score[c]! > s.score[best]!) best = c;
    top.push(c);
  }
  if (best < 0 || tag[best] === 'body') return -1;
  top.sort((a, b) => s.score[b]! - s.score[a]!);

  // Several near-best candidates sharing an ancestor: the article is that ancestor.
  const alternatives = top.slice(1, 5).filter((c) => s.score[c]! / s.score[best]! >= 0.75);
  if (alternatives.length >= 3) {
    for (let p = parent[best]!; p >= 0 && tag[p] !== 'body'; p = parent[p]!) {
      let containing = 0;
      for (const alt of alternatives) if (alt > p && alt <= page.end[p]!) containing++;
      if (containing >= 3) {
        best = p;
        if (!s.scored[best]) s.score[best] = tagWeight(tag[best]!) + s.weight(best, attempt);
        break;
      }
    }
  }
  // Climb while the parent scores better (a container split in scored halves).
  let lastScore = s.score[best]!;
  const threshold = lastScore / 3;
  for (let p = parent[best]!; p >= 0 && tag[p] !== 'body'; p = parent[p]!) {
    if (!s.scored[p]) continue;
    const ps = s.score[p]!;
    if (ps < threshold) break;
    if (ps > lastScore) {
      best = p;
      break;
    }
    lastScore = ps;
  }
  // An only child stands for its parent.
  for (let p = parent[best]!; p >= 0 && tag[p] !== 'body' && elementChildren(s, p).length === 1; p = parent[p]!) best = p;
  return best;
}

function elementChildren(s: Scratch, p: number): number[] {
  const { page } = s;
  const out: number[] = [];
  const stop = page.end[p]!;
  for (let i = p + 1; i <= stop; i = page.end[i]! + 1) if (page.tag[i] !== '' && !s.dead[i]) out.push(i);
  return out;
}

/** The top candidate plus siblings that look like more of the same article. */
function withSiblings(s: Scratch, best: number): number[] {
  const { page } = s;
  const p = page.parent[best]!;
  if (p < 0) return [best];
  const threshold = Math.max(10, s.score[best]! * 0.2);
  const bestClass = s.cls[best]!;
  const out: number[] = [];
  for (const sib of elementChildren(s, p)) {
    if (sib === best) {
      out.push(sib);
      continue;
    }
    const bonus = bestClass !== '' && s.cls[sib] === bestClass ? s.score[best]! * 0.2 : 0;
    if (s.scored[sib] && s.score[sib]! + bonus >= threshold) {
      out.push(sib);
      continue;
    }
    if (page.tag[sib] !== 'p') continue;
    const len = s.textLen[sib]!;
    const ld = linkDensity(s, sib);
    if (len > 80 && ld < 0.25) out.push(sib);
    else if (len > 0 && len < 80 && ld === 0 && /\.( |$)/.test(flatText(page, sib))) out.push(sib);
  }
  return out;
}

/** Readability's `_cleanConditionally` verdict for one container whose subtree is final. */
function shouldClean(s: Scratch, i: number, attempt: Attempt, root: number): boolean {
  const { page } = s;
  const t = page.tag[i]!;
  if (ALWAYS_DROP.has(t)) return true;
  if (s.embeddedPost[i]) return false;
  const match = `${s.cls[i]} ${s.ids[i]}`;
  if (SHARE.test(match) && s.textLen[i]! < CHAR_THRESHOLD) return true;
  if (t === 'figcaption' || (CAPTION.test(match) && s.textLen[i]! < 400 && s.pCount[i]! < 2)) return true;
  if (PULL_QUOTE.test(match) && s.textLen[i]! < MAX_PULL_QUOTE_CHARS && repeatsPageText(s, i)) return true;
  const w = s.weight(i, attempt);
  if ((t === 'h1' || t === 'h2') && w < 0) return true;
  if (FURNITURE_CLASS.test(match) && s.textLen[i]! < 1000) return true;
  if (attempt.cleanConditionally && w < 0 && !INLINE_TAGS.has(t) && !CONDITIONAL.has(t)) return true;
  if (!attempt.cleanConditionally || !CONDITIONAL.has(t)) return false;
  if (t === 'table' && s.dataTable[i]) return false;
  // Readability turns a div without block content into a paragraph before cleaning: never a container to drop.
  if (t === 'div' && s.blockCount[i] === 0) return false;
  if (s.guardAbove[i]! >= root) return false;
  if (w < 0) return true;
  if (s.commas[i]! >= 10) return false;
  const len = s.textLen[i]!;
  const isList = t === 'ul' || t === 'ol' || (len > 0 && s.listLen[i]! / len > 0.9);
  const p = s.pCount[i]!;
  const img = s.imgCount[i]!;
  const li = s.liCount[i]! - 100;
  const input = s.inputCount[i]!;
  const headingDensity = len > 0 ? s.headingLen[i]! / len : 0;
  const embeds = s.embedCount[i]!;
  const ld = linkDensity(s, i);
  const inFigure = s.figureAbove[i]! >= root;
  // Inline text beside blocks is wrapped into paragraphs by Readability, so it counts as text-ish.
  const textDensity = len > 0 ? (s.textishLen[i]! + s.ownLen[i]!) / len : 0;
  return (
    (!inFigure && img > 1 && p / img < 0.5) ||
    (!isList && li > p) ||
    input > Math.floor(p / 3) ||
    (!isList && !inFigure && headingDensity < 0.9 && len < 25 && (img === 0 || img > 2) && ld > 0) ||
    (!isList && w < 25 && ld > 0.2) ||
    (w >= 25 && ld > 0.5) ||
    // Readability keeps link lists; inside an article body they are "related stories" far more often than prose.
    (isList && ld > 0.8) ||
    (embeds === 1 && len < 75) ||
    embeds > 1 ||
    (img === 0 && textDensity === 0)
  );
}

const FURNITURE_CLASS =
  /newsletter|subscri(?:be|ption)|signup|sign-up|skip-?(?:link|nav|to)|breadcrumb|advert|outbrain|taboola|recommend|more-?stories|read-?more|toolbar/i;
const CAPTION = /caption|credit|getty|photo-?desc/i;
/**
 * A pull-quote box ("pullquote", "pull-quote", WordPress's "wp-block-pullquote"): the page's own
 * sentence set large, with its credit. Left in, it repeats a body quotation out of place and its
 * credit becomes the latest person named (a "he continued" after one went to the pull-quote's man).
 */
const PULL_QUOTE = /pull-?quote|pull_quote/i;
/** Longest pull-quote box dropped: more text than this is a section, whatever its class. */
const MAX_PULL_QUOTE_CHARS = 600;
/** Characters of a pull-quote's text looked for elsewhere on the page (at its start, middle and end). */
const PULL_QUOTE_PROBE = 40;
/**
 * Pull-quote boxes a page has checked at most: each check searches the page's whole text, so a
 * hostile page of 100,000 such boxes must not make it quadratic; real pages have a handful.
 */
const MAX_PULL_QUOTES_CHECKED = 20;

/**
 * Whether a pull-quote's words stand elsewhere on the page too: a box that repeats the body is
 * dropped, one that is the only place of its words (Medium's "graf--pullquote", an inline
 * "pullquote" span) is content.
 */
function repeatsPageText(s: Scratch, i: number): boolean {
  if (++s.pullQuotesChecked > MAX_PULL_QUOTES_CHECKED) return false;
  const own = squash(flatText(s.page, i));
  if (own.length < PULL_QUOTE_PROBE) return false;
  const all = s.pageText();
  const twice = (probe: string): boolean => {
    const first = all.indexOf(probe);
    return first >= 0 && all.indexOf(probe, first + 1) >= 0;
  };
  // Its start, middle or end: a box often adds or drops a credit ("…,” Stafford said of …").
  const mid = Math.floor((own.length - PULL_QUOTE_PROBE) / 2);
  return [0, mid, own.length - PULL_QUOTE_PROBE].some((at) => twice(own.slice(at, at + PULL_QUOTE_PROBE)));
}

/**
 * Finds the article body among a page's elements, Readability-style: score paragraphs into their
 * containers, take the best container with its related siblings, clean it, and retry with relaxed
 * heuristics while the result is too short to be an article.
 */
export function extractContent(page: Page, title: string | null): ContentResult {
  if (page.n === 0) return EMPTY;
  const s = new Scratch(page, title);
  let bestResult = EMPTY;
  for (const attempt of ATTEMPTS) {
    markDead(s, attempt);
    s.drop.fill(0); // the previous attempt's cleaning must not hide text from this one's scoring
    aggregate(s, 0, page.n - 1, null);
    const best = pickCandidate(s, attempt);
    const roots = best >= 0 ? withSiblings(s, best) : page.body >= 0 ? [page.body] : rootsOf(page);
    const result = cleanAndRender(s, roots, attempt, null);
    if (result.chars >= CHAR_THRESHOLD) return result;
    if (result.chars > bestResult.chars) bestResult = result;
  }
  return bestResult;
}

/**
 * The article text inside a known body container (a site adapter's), cleaned like a chosen
 * candidate: bylines, title headings, captions, share bars and link lists are left out, and so is
 * anything `drop` names.
 */
export function extractFromContainer(
  page: Page,
  title: string | null,
  root: number,
  drop: (i: number) => boolean,
): ContentResult {
  const s = new Scratch(page, title);
  const attempt = ATTEMPTS[1]!;
  markDead(s, attempt);
  return cleanAndRender(s, [root], attempt, drop);
}

const EMPTY: ContentResult = { paragraphs: [], chars: 0 };

function cleanAndRender(s: Scratch, roots: number[], attempt: Attempt, drop: ((i: number) => boolean) | null): ContentResult {
  const { page } = s;
  s.drop.fill(0);
  for (const r of roots) aggregate(s, r, page.end[r]!, (i) => (drop?.(i) ?? false) || shouldClean(s, i, attempt, r));
  const paragraphs = render(page, roots, (i) => s.dead[i] === 1 || s.drop[i] === 1);
  return { paragraphs, chars: paragraphs.reduce((n, p) => n + p.length, 0) };
}

function rootsOf(page: Page): number[] {
  const out: number[] = [];
  for (let i = 0; i < page.n; i = page.end[i]! + 1) out.push(i);
  return out;
}
