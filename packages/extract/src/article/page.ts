import type { DomNode } from './dom.js';
import { countCommas, squashedLength } from './text.js';

/**
 * A parsed page flattened into document order: node `i`'s subtree is exactly the indices
 * `i..end[i]`, so every later pass (scoring, cleaning, rendering) is a loop over ranges instead of a
 * recursive walk, and 10,000 nested tags cost no stack.
 */
export interface Page {
  /** Number of content nodes (elements and text) in the flat arrays. */
  n: number;
  node: DomNode[];
  /** Lower-cased tag name, or '' for a text node. */
  tag: string[];
  parent: Int32Array;
  end: Int32Array;
  /** For text nodes: whitespace-collapsed length and comma count. */
  len: Int32Array;
  commas: Int32Array;
  /** Index of the `<body>` element, or -1. */
  body: number;
  head: HeadData;
}

/** What the page says about itself outside the visible body text. */
export interface HeadData {
  title: string | null;
  htmlLang: string | null;
  metas: Record<string, string>[];
  links: Record<string, string>[];
  jsonLd: string[];
}

/** Subtrees that never hold article text; they are left out of the flat arrays. */
const INERT = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'select',
  'textarea',
  'button',
  'input',
  'option',
  'datalist',
  'map',
  'dialog',
  'frameset',
]);

/** Inert elements still counted (as empty leaves) because their presence says something about a block. */
const LEAF = new Set(['iframe', 'object', 'embed', 'video', 'audio', 'input', 'select', 'textarea', 'button']);

function isHidden(a: Record<string, string>): boolean {
  if ('hidden' in a) return true;
  if (a['aria-hidden'] === 'true' && !/fallback-image/.test(a.class ?? '')) return true;
  const style = a.style;
  return (
    !!style &&
    (style.includes('none') || style.includes('hidden')) &&
    /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)
  );
}

/** Flattens a parsed document, collecting head metadata (meta, link, title, JSON-LD) on the way. */
export function flattenPage(root: DomNode): Page {
  const node: DomNode[] = [];
  const tag: string[] = [];
  const parentList: number[] = [];
  const lenList: number[] = [];
  const commaList: number[] = [];
  const head: HeadData = { title: null, htmlLang: null, metas: [], links: [], jsonLd: [] };
  let body = -1;

  // Parallel stacks (node, parent index, inert flag) rather than one object per frame: less garbage.
  // "Inert" means inside a subtree whose text is not content, where only metadata is collected.
  const stackNode: DomNode[] = [];
  const stackParent: number[] = [];
  const stackInert: boolean[] = [];
  const kids = root.children ?? [];
  for (let i = kids.length - 1; i >= 0; i--) {
    stackNode.push(kids[i]!);
    stackParent.push(-1);
    stackInert.push(false);
  }

  while (stackNode.length) {
    const nd = stackNode.pop()!;
    const parent = stackParent.pop()!;
    const inert = stackInert.pop()!;
    if (nd.type === 'text') {
      if (inert) continue;
      const data = nd.data ?? '';
      node.push(nd);
      tag.push('');
      parentList.push(parent);
      lenList.push(squashedLength(data));
      commaList.push(countCommas(data));
      continue;
    }
    const name = nd.name;
    if (!name || !nd.attribs) continue; // comments, directives, CDATA
    const a = nd.attribs;
    let childInert = inert;
    switch (name) {
      case 'meta':
        head.metas.push(a);
        continue;
      case 'link':
        head.links.push(a);
        continue;
      case 'script':
        if (/ld\+json/i.test(a.type ?? '')) head.jsonLd.push(textOfChildren(nd));
        continue;
      case 'style':
        continue;
      case 'title':
        if (head.title === null && (!inert || nd.parent?.name === 'head')) head.title = textOfChildren(nd);
        continue;
      case 'html':
        head.htmlLang ??= a.lang || a['xml:lang'] || null;
        break;
      case 'svg':
      case 'math':
        continue;
    }
    let index = -1;
    if (!inert) {
      // html/body are exempt: anti-flicker scripts hide them until the page has loaded.
      if (INERT.has(name) || (name !== 'body' && name !== 'html' && isHidden(a))) {
        childInert = true;
        if (LEAF.has(name)) index = push(nd, name, parent);
      } else {
        index = push(nd, name, parent);
        if (name === 'body' && body < 0) body = index;
      }
    }
    const ch = nd.children;
    if (!ch) continue;
    const childParent = index >= 0 ? index : parent;
    for (let i = ch.length - 1; i >= 0; i--) {
      stackNode.push(ch[i]!);
      stackParent.push(childParent);
      stackInert.push(childInert);
    }
  }

  function push(nd: DomNode, name: string, parent: number): number {
    node.push(nd);
    tag.push(name);
    parentList.push(parent);
    lenList.push(0);
    commaList.push(0);
    return node.length - 1;
  }

  const n = node.length;
  const parentArr = Int32Array.from(parentList);
  const end = new Int32Array(n);
  for (let i = 0; i < n; i++) end[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const p = parentArr[i]!;
    if (p >= 0 && end[i]! > end[p]!) end[p] = end[i]!;
  }
  return {
    n,
    node,
    tag,
    parent: parentArr,
    end,
    len: Int32Array.from(lenList),
    commas: Int32Array.from(commaList),
    body,
    head,
  };
}

function textOfChildren(nd: DomNode): string {
  let s = '';
  for (const c of nd.children ?? []) if (c.type === 'text') s += c.data ?? '';
  return s;
}
