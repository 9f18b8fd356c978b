import { load } from 'cheerio';

/**
 * The parts of a parsed (domhandler) node the extractor reads. Declared structurally so the
 * extractor depends on cheerio's parser output, not on the parser's internal packages.
 */
export interface DomNode {
  type: string;
  parent: DomNode | null;
  /** Text and comment nodes. */
  data?: string;
  /** Elements. */
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

/**
 * Parses HTML with cheerio's htmlparser2 path: several times faster than parse5 on news pages, and
 * its tree is built without recursion, so pathological nesting cannot overflow the stack.
 */
export function parseHtml(html: string): DomNode {
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true } });
  return $.root()[0] as unknown as DomNode;
}

/** The concatenated text of a node's subtree, walked iteratively. */
export function textOf(node: DomNode): string {
  let out = '';
  const stack: DomNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') out += n.data ?? '';
    else if (n.children) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}
