/**
 * Decoding HTML bytes the way browsers do: byte order mark, then the HTTP `Content-Type` charset,
 * then a `<meta charset>` / `http-equiv` declaration (or an XML declaration), then UTF-8.
 *
 * Labels are resolved by the WHATWG Encoding Standard through `TextDecoder` (Node ships full ICU), so
 * `iso-8859-1` decodes as windows-1252 and `gb2312` as GBK, exactly as a browser would.
 */

/** Where the encoding used to decode a page came from. */
export type CharsetSource = 'bom' | 'http' | 'meta' | 'default' | 'fallback';

/** A decoded page and the encoding chosen for it. */
export interface DecodedHtml {
  html: string;
  /** WHATWG name of the encoding used, e.g. `utf-8`, `windows-1251`, `gbk`. */
  encoding: string;
  source: CharsetSource;
}

// Browsers only prescan 1024 bytes, then reparse when a later declaration turns up; pages with long
// <head> scripts rely on that, so look further.
const PRESCAN_BYTES = 16384;

/** The WHATWG encoding name for a label, or null when the label is unknown. */
export function encodingForLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().replace(/^["']|["']$/g, '')).encoding;
  } catch {
    return null;
  }
}

/** The `charset` parameter of a `Content-Type` value, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("?)([^";,\s]+)\1/i.exec(contentType);
  return m?.[2] ?? null;
}

function bomEncoding(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  return null;
}

const META_TAG = /<meta\s[^>]*>/gi;
const XML_DECL = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i;

/** The charset a page declares in its markup (`<meta charset>`, `http-equiv`, XML declaration). */
export function declaredCharset(head: string): string | null {
  for (const m of head.matchAll(META_TAG)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1] && (/^<meta\s[^>]*?\bcharset\s*=/i.test(tag) || /http-equiv\s*=\s*["']?content-type/i.test(tag))) {
      return direct[1];
    }
  }
  return XML_DECL.exec(head)?.[1] ?? null;
}

function latin1(bytes: Uint8Array, max: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, max)).toString('latin1');
}

/** UTF-8 via Buffer: several times faster than TextDecoder on Node 20 for page-sized inputs. */
function utf8(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

// Node 20's TextDecoder decodes windows-1252 (and so iso-8859-1 and us-ascii, its aliases) as plain
// Latin-1, turning curly quotes, dashes and € into C1 controls; map 0x80-0x9F as the standard does.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decodes windows-1252 exactly as the WHATWG Encoding Standard specifies. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function decodeAs(encoding: string, bytes: Uint8Array): string {
  if (encoding === 'utf-8') return utf8(bytes);
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding).decode(bytes);
}

function isAsciiCompatible(encoding: string): boolean {
  return !encoding.startsWith('utf-16') && encoding !== 'replacement';
}

/**
 * Decodes page bytes. Never throws: unknown labels are skipped, and undeclared bytes that are not
 * valid UTF-8 (legacy pages served without any declaration) fall back to windows-1252.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedHtml {
  const bom = bomEncoding(bytes);
  if (bom) return { html: new TextDecoder(bom).decode(bytes), encoding: bom, source: 'bom' }; // strips the BOM

  const http = encodingForLabel(charsetFromContentType(contentType));
  if (http && isAsciiCompatible(http)) return { html: decodeAs(http, bytes), encoding: http, source: 'http' };

  let meta = encodingForLabel(declaredCharset(latin1(bytes, PRESCAN_BYTES)));
  // A page cannot truthfully declare UTF-16 in ASCII-compatible markup; the standard maps it to UTF-8.
  if (meta?.startsWith('utf-16')) meta = 'utf-8';
  if (meta === 'x-user-defined') meta = 'windows-1252';
  if (meta && meta !== 'replacement') return { html: decodeAs(meta, bytes), encoding: meta, source: 'meta' };

  const html = utf8(bytes);
  if (!html.includes('\ufffd')) return { html, encoding: 'utf-8', source: 'default' };
  // Invalid UTF-8 became U+FFFD. A few stray bytes in a UTF-8 page are better kept that way than
  // re-decoding the whole page; mostly-invalid bytes are an undeclared legacy page.
  let bad = 0;
  let high = 0;
  for (let i = 0; i < html.length; i++) {
    const c = html.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c > 0x7f) high++;
  }
  if (bad > high) return { html: decodeWindows1252(bytes), encoding: 'windows-1252', source: 'fallback' };
  return { html, encoding: 'utf-8', source: 'default' };
}
