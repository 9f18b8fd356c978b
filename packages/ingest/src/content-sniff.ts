import { QuotecheckError } from '@quotecheck/shared';

/** Media types read as article pages. Everything else (SVG, XML, images, PDF, text) is refused. */
export const HTML_MEDIA_TYPES: readonly string[] = ['text/html', 'application/xhtml+xml'];

/** How many leading bytes {@link looksLikeHtml} and {@link binaryReason} look at. */
export const SNIFF_BYTES = 8192;

/** A fetched body that is not an HTML page: refused for good, retrying returns the same thing. */
export class NotHtmlError extends QuotecheckError {
  constructor(
    readonly url: string,
    /** The media type the server declared, or null when it declared none. */
    readonly mediaType: string | null,
  ) {
    super(
      mediaType
        ? `${url} is ${mediaType}, not an HTML page (only ${HTML_MEDIA_TYPES.join(' and ')} are read): nothing to extract`
        : `${url} has no Content-Type and does not start like an HTML page: nothing to extract`,
    );
  }
}

/** The media type of a `Content-Type` value, lower case, without parameters; null when absent or empty. */
export function mediaTypeOf(contentType: string | null | undefined): string | null {
  const essence = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return essence || null;
}

/** The first bytes as text: UTF-16 when a UTF-16 BOM says so, else Latin-1 (bytes as they are). */
function headText(bytes: Uint8Array, n = SNIFF_BYTES): string {
  const head = bytes.subarray(0, n);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head.subarray(2));
  return new TextDecoder('latin1').decode(head).replace(/^\xef\xbb\xbf/, '');
}

// The WHATWG MIME Sniffing "HTML" patterns (https://mimesniff.spec.whatwg.org/#identifying-a-resource-with-an-unknown-mime-type):
// after leading white space, one of these tags followed by a space or ">". An XML declaration
// or comments may come first when an `<html>` or HTML doctype follows (XHTML served without a type).
const HTML_START = /^<(?:!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--)[\s>]/i;
const PROLOG = /^(?:\s+|<\?xml[^>]*\?>|<!--[\s\S]*?-->)*/;
const XHTML_START = /^<(?:!doctype\s+html|html)[\s>]/i;

/** True when a body without a Content-Type starts like an HTML page (WHATWG sniffing rules). */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const text = headText(bytes).replace(/^\ufeff/, '');
  if (HTML_START.test(text.trimStart())) return true;
  const afterProlog = text.slice(PROLOG.exec(text)?.[0].length ?? 0);
  return XHTML_START.test(afterProlog);
}

/**
 * Refuses a fetched body that is not an HTML page: the declared media type must be one of
 * {@link HTML_MEDIA_TYPES}; with no Content-Type the first bytes decide ({@link looksLikeHtml}).
 * Throws {@link NotHtmlError} naming the type.
 */
export function assertHtmlPage(url: string, contentType: string | null | undefined, body: Uint8Array): void {
  const type = mediaTypeOf(contentType);
  if (type === null ? !looksLikeHtml(body) : !HTML_MEDIA_TYPES.includes(type)) throw new NotHtmlError(url, type);
}

/**
 * Why the first {@link SNIFF_BYTES} bytes look like a binary file rather than text, or null when
 * they look like text. A NUL byte is binary (text in UTF-8 or a legacy charset never has one;
 * UTF-16 with a BOM is let through), and so is more than 10% control characters other than tab,
 * line feed, form feed, carriage return and escape (text has none; random bytes have about 11%,
 * and a NUL in their first 8 KB all but surely).
 */
export function binaryReason(bytes: Uint8Array): string | null {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return null;
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i] as number;
    if (b === 0) return `it holds a NUL byte at offset ${i}, so it is a binary file, not text or HTML`;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f) control++;
  }
  if (head.length && control / head.length > 0.1) {
    return `${Math.round((control / head.length) * 100)}% of its first ${head.length} bytes are control characters, so it is a binary file, not text or HTML`;
  }
  return null;
}
