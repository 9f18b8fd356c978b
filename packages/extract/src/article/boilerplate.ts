/**
 * Markup signals of boilerplate versus article content: tag classes and class/id vocabularies in the
 * tradition of Readability (arc90/Mozilla), extended with common CMS names for captions, share bars,
 * newsletter boxes and "recommended" lists.
 */

/** Elements that flow inside a line; everything else starts a new paragraph. */
export const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'kbd',
  'label',
  'mark',
  'nobr',
  'output',
  'picture',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'small',
  'source',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
]);

/** Elements whose inline text is scored as a paragraph (Readability scores p, td, pre, h2-h6 and text-only divs). */
export const PARAGRAPH_TAGS = new Set([
  'p',
  'td',
  'pre',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'div',
  'section',
  'article',
  'main',
  'center',
  'font',
]);

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Initial candidate score by tag (Readability's `_initializeNode`). */
export function tagWeight(tag: string): number {
  switch (tag) {
    case 'div':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

export const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i;
export const MAYBE_CANDIDATE = /and|article|body|column|content|main|mathjax|shadow/i;
export const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i;
export const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i;
export const BYLINE = /byline|author|dateline|writtenby|p-author/i;
export const SHARE = /(\b|_)(share|sharedaddy)(\b|_)/i;
export const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);

/** Class/id weight: +25 for content-like names, -25 for boilerplate-like names, per attribute. */
export function classWeight(cls: string, id: string): number {
  let w = 0;
  if (cls) {
    if (NEGATIVE.test(cls)) w -= 25;
    if (POSITIVE.test(cls)) w += 25;
  }
  if (id) {
    if (NEGATIVE.test(id)) w -= 25;
    if (POSITIVE.test(id)) w += 25;
  }
  return w;
}

/** Elements removed wherever they appear inside the chosen content. */
export const ALWAYS_DROP = new Set([
  'object',
  'embed',
  'footer',
  'link',
  'aside',
  'iframe',
  'input',
  'textarea',
  'select',
  'button',
  'nav',
]);

/** Containers that are kept or dropped by their text, link and media make-up. */
export const CONDITIONAL = new Set(['form', 'fieldset', 'table', 'ul', 'div']);

/** Paragraphs that are labels of the page furniture, not article text. */
export const FURNITURE_PARAGRAPH =
  /^(?:ad(?:vertising|vertisement)?|pub(?:licité)?|werb(?:ung)?|广告|Реклама|Anuncio|sponsored(?: content)?|loading(?:…|\.{3})?|share(?: this)?(?: article| story| post)?|skip to (?:main )?content|(?:read )?more(?: on this(?: topic| story)?)?:|related(?: articles| stories| content)?:?|see also:?|also read:?|read also:?|you may also like\W*|recommended(?: stories| for you)?:?)$/iu;
