/**
 * One charset decoder for fetched bytes, pages and feeds alike: byte order mark, then the HTTP
 * `Content-Type` charset, then the document's own declaration (`<meta charset>` / `http-equiv`
 * for HTML, the XML declaration for feeds, as RFC 7303 and the HTML standard order them), then
 * UTF-8.
 *
 * Labels are resolved by the WHATWG Encoding Standard through `TextDecoder` (Node ships full
 * ICU), so `iso-8859-1` and `us-ascii` decode as windows-1252 and `gb2312` as GBK, exactly as a
 * browser would; windows-1251, ISO-8859-x, GBK/GB18030, Big5, EUC-KR, Shift_JIS, KOI8 are all
 * there without iconv.
 */

/** Where the encoding used to decode the bytes came from. */
export type CharsetSource = 'bom' | 'http' | 'meta' | 'xml-declaration' | 'default' | 'fallback';

/** Decoded text and the encoding chosen for it. */
export interface DecodedBytes {
  text: string;
  /** WHATWG name of the encoding used, e.g. `utf-8`, `windows-1251`, `gbk`. */
  encoding: string;
  source: CharsetSource;
}

/** Decoded text as consecutive pieces ({@link decodeByteChunks}), and the encoding chosen for it. */
export interface DecodedChunks {
  /** The text in order, none of them empty; joined they are {@link DecodedBytes.text}. */
  chunks: string[];
  encoding: string;
  source: CharsetSource;
}

/**
 * Bytes decoded into one string piece at most. Why: V8 puts a string over 128 KB (64k characters
 * in two bytes, which one curly quote makes a page) in large-object space, on fresh pages every
 * time, and a page-sized string cost more in page faults than in decoding: 240 corpus pages of
 * 164k characters on average, 1.0-1.1 ms each as one string (half of it system time) against
 * 0.12 ms in 32 KB pieces; parsed (htmlparser2 takes pieces as a stream) 2.7-2.8 against
 * 1.5-2.0 ms a page. 32 KB of bytes is at most 32k characters, 64 KB, whatever the text.
 */
export const DECODE_CHUNK_BYTES = 32 * 1024;

// Browsers only prescan 1024 bytes, then reparse when a later declaration turns up; pages with long
// <head> scripts rely on that, so look further.
const PRESCAN_BYTES = 16384;

/** The WHATWG encoding name for a label (quotes and case ignored), or null when the label is unknown. */
export function encodingForLabel(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label.trim().replace(/^["']|["']$/g, '')).encoding;
  } catch {
    return null;
  }
}

/** The `charset` parameter of a `Content-Type` value as written (quotes removed), if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*(["']?)([^"';,\s]+)\1/i.exec(contentType);
  return m?.[2] ?? null;
}

function bomEncoding(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  return null;
}

const META_TAG = /<meta\s[^>]*>/gi;
const XML_DECL = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/i;

/** The `encoding` of an `<?xml ... ?>` declaration at the start of the text, or null. */
export function xmlDeclaredCharset(head: string): string | null {
  return XML_DECL.exec(head.slice(0, 512))?.[1] ?? null;
}

/** The charset of the first `<meta charset>` or `<meta http-equiv=Content-Type>` in the text, or null. */
export function metaCharset(head: string): string | null {
  for (const m of head.matchAll(META_TAG)) {
    const tag = m[0];
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct?.[1] && (/^<meta\s[^>]*?\bcharset\s*=/i.test(tag) || /http-equiv\s*=\s*["']?content-type/i.test(tag))) {
      return direct[1];
    }
  }
  return null;
}

/** The charset a page declares in its markup (`<meta charset>`, `http-equiv`, XML declaration). */
export function declaredCharset(head: string): string | null {
  return metaCharset(head) ?? xmlDeclaredCharset(head);
}

function latin1(bytes: Uint8Array, max: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, max)).toString('latin1');
}

/**
 * UTF-8 via Buffer (several times faster than TextDecoder on Node 20 for page-sized inputs), in
 * pieces of {@link DECODE_CHUNK_BYTES} cut before a byte that starts a character, so each piece
 * decodes as it would inside the whole: a cut moves back over at most 3 continuation bytes (the
 * most a character has), and a 4th in a row is a stray byte, U+FFFD either way.
 */
function utf8Chunks(bytes: Uint8Array): string[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: string[] = [];
  for (let at = 0; at < buf.length; ) {
    let end = Math.min(buf.length, at + DECODE_CHUNK_BYTES);
    for (let back = 0; back < 3 && end < buf.length && end > at + 1 && isContinuation(buf[end]!); back++) end--;
    out.push(buf.toString('utf8', at, end));
    at = end;
  }
  return out;
}

function isContinuation(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
}

/** Any encoding through a streaming TextDecoder (which keeps a character cut between pieces whole), in pieces. */
function streamChunks(encoding: string, bytes: Uint8Array): string[] {
  const decoder = new TextDecoder(encoding);
  const out: string[] = [];
  for (let at = 0; at < bytes.byteLength; at += DECODE_CHUNK_BYTES) {
    const piece = decoder.decode(bytes.subarray(at, at + DECODE_CHUNK_BYTES), { stream: true });
    if (piece) out.push(piece);
  }
  const rest = decoder.decode();
  if (rest) out.push(rest);
  return out;
}

// Node 20's TextDecoder decodes windows-1252 (and so iso-8859-1 and us-ascii, its aliases) as plain
// Latin-1, turning curly quotes, dashes and € into C1 controls; map 0x80-0x9F as the standard does.
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decodes windows-1252 exactly as the WHATWG Encoding Standard specifies. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return windows1252Chunks(bytes).join('');
}

/** windows-1252 in pieces: one byte a character, so any cut is a character boundary. */
function windows1252Chunks(bytes: Uint8Array): string[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: string[] = [];
  for (let at = 0; at < buf.length; at += DECODE_CHUNK_BYTES) {
    out.push(
      buf
        .toString('latin1', at, Math.min(buf.length, at + DECODE_CHUNK_BYTES))
        .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!),
    );
  }
  return out;
}

function chunksAs(encoding: string, bytes: Uint8Array): string[] {
  if (encoding === 'utf-8') return utf8Chunks(bytes);
  if (encoding === 'windows-1252') return windows1252Chunks(bytes);
  return streamChunks(encoding, bytes);
}

function isAsciiCompatible(encoding: string): boolean {
  return !encoding.startsWith('utf-16') && encoding !== 'replacement';
}

/**
 * Decodes fetched bytes. Never throws: unknown labels are skipped (the next source decides).
 * `kind` picks the declaration read: `<meta>` (then an XML declaration) for HTML, the XML
 * declaration for feeds. A declaration cannot truthfully say UTF-16 in ASCII-compatible markup,
 * so it counts as UTF-8. Bytes taken as UTF-8 (labelled or by default, not by a BOM) that are
 * mostly invalid as UTF-8 (more invalid sequences than valid non-ASCII characters) are legacy
 * bytes mislabelled or unlabelled, decoded as windows-1252, the commonest case; a UTF-8 document
 * with a few stray bytes keeps its text and gets U+FFFD for them.
 */
export function decodeBytes(bytes: Uint8Array, contentType?: string | null, kind: 'html' | 'xml' = 'html'): DecodedBytes {
  const d = decodeByteChunks(bytes, contentType, kind);
  return { text: d.chunks.join(''), encoding: d.encoding, source: d.source };
}

/**
 * {@link decodeBytes} in pieces of at most {@link DECODE_CHUNK_BYTES} bytes' text each, for a
 * consumer that reads a stream (the HTML parser): a page never becomes one large string.
 */
export function decodeByteChunks(bytes: Uint8Array, contentType?: string | null, kind: 'html' | 'xml' = 'html'): DecodedChunks {
  const bom = bomEncoding(bytes);
  if (bom) return { chunks: streamChunks(bom, bytes), encoding: bom, source: 'bom' }; // strips the BOM

  let encoding = 'utf-8';
  let source: CharsetSource = 'default';
  const http = encodingForLabel(charsetFromContentType(contentType));
  if (http && isAsciiCompatible(http)) {
    encoding = http;
    source = 'http';
  } else {
    const head = latin1(bytes, kind === 'html' ? PRESCAN_BYTES : 512);
    const meta = kind === 'html' ? encodingForLabel(metaCharset(head)) : null;
    let declared = meta ?? encodingForLabel(xmlDeclaredCharset(head));
    if (declared?.startsWith('utf-16')) declared = 'utf-8';
    if (declared === 'x-user-defined') declared = 'windows-1252';
    if (declared && declared !== 'replacement') {
      encoding = declared;
      source = meta ? 'meta' : 'xml-declaration';
    }
  }
  const chunks = chunksAs(encoding, bytes);
  if (encoding !== 'utf-8' || !chunks.some((c) => c.includes('\ufffd'))) return { chunks, encoding, source };
  let bad = 0;
  let high = 0;
  for (const text of chunks) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0xfffd) bad++;
      else if (c > 0x7f) high++;
    }
  }
  // U+FFFD written in the document itself (EF BF BD) is valid UTF-8, not a decoding error: a
  // corpus JSON file full of them was turned into mojibake before this was subtracted
  for (let i = bytes.indexOf(0xef); i !== -1 && i < bytes.length - 2; i = bytes.indexOf(0xef, i + 1)) {
    if (bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) {
      bad--;
      high++;
    }
  }
  if (bad > high) return { chunks: windows1252Chunks(bytes), encoding: 'windows-1252', source: 'fallback' };
  return { chunks, encoding, source };
}
