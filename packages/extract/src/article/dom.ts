import { DomHandler, Parser } from 'htmlparser2';

/**
 * The parts of a parsed (domhandler) node the extractor reads. Declared structurally so the
 * extractor depends on the parser's output shape, not on the parser's internal packages.
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
 * Deepest element nesting the parser builds; an element opened deeper closes the innermost open
 * one first and becomes its sibling. Browsers do the same (Blink's HTML parser caps the tree at
 * 512 levels), and no real page nests its article anywhere near that deep.
 *
 * Why: htmlparser2 keeps its open-element stack with the top at index 0 (`unshift`/`shift`/
 * `indexOf`), so each open tag costs O(depth) and a page of N unclosed `<div>`s cost O(N^2):
 * measured parse alone 0.39 s at 25k and 1.95 s at 50k unclosed divs (about 30 s at 200k). With
 * the stack bounded every tag costs O(MAX_DEPTH) at most and parsing is linear in page size.
 */
export const MAX_DEPTH = 512;

/** Elements that switch htmlparser2's "foreign content" flag, which it keeps in a parallel stack. */
const FOREIGN_CONTEXT = new Set([
  'math',
  'svg',
  'mi',
  'mo',
  'mn',
  'ms',
  'mtext',
  'annotation-xml',
  'foreignobject',
  'desc',
  'title',
]);

/** The parser's private stacks this class bounds (top of stack at index 0). */
interface ParserStacks {
  stack: string[];
  foreignContext: boolean[];
}

/** htmlparser2's parser with the open-element stack bounded at {@link MAX_DEPTH}. */
class BoundedParser extends Parser {
  private readonly stacks: ParserStacks;

  constructor(private readonly handler: DomHandler) {
    super(handler, PARSER_OPTIONS);
    this.stacks = this as unknown as ParserStacks;
    // Fail loudly at the first parse if an htmlparser2 upgrade renames what the bound relies on.
    if (!Array.isArray(this.stacks.stack) || !Array.isArray(this.stacks.foreignContext)) {
      throw new Error('htmlparser2 Parser no longer keeps `stack`/`foreignContext` arrays: update BoundedParser in dom.ts');
    }
  }

  override onopentagname(start: number, endIndex: number): void {
    const { stack, foreignContext } = this.stacks;
    if (stack.length >= MAX_DEPTH) {
      const top = stack.shift()!;
      if (FOREIGN_CONTEXT.has(top) && foreignContext.length > 1) foreignContext.shift();
      this.handler.onclosetag();
    }
    super.onopentagname(start, endIndex);
  }
}

const PARSER_OPTIONS = { xmlMode: false, decodeEntities: true } as const;

/**
 * Parses HTML with htmlparser2 (the parser cheerio uses in its non-parse5 mode): several times
 * faster than parse5 on news pages, its tree is built without recursion, and with the nesting
 * bounded at {@link MAX_DEPTH} it is linear in page size. Takes the page as one string or as
 * pieces in order.
 */
export function parseHtml(html: string | readonly string[]): DomNode {
  const handler = new DomHandler(undefined, PARSER_OPTIONS);
  const parser = new BoundedParser(handler);
  if (typeof html === 'string') parser.end(html);
  else {
    // Pieces of one page in order (decodeHtmlChunks): the parser streams across their boundaries.
    for (const piece of html) parser.write(piece);
    parser.end();
  }
  return handler.root as unknown as DomNode;
}
