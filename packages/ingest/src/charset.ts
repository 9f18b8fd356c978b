/**
 * Decoding feed bytes by the one decoder shared with article pages (`decodeBytes` in
 * packages/shared/src/charset.ts): byte order mark, then the HTTP charset, then the XML
 * declaration (RFC 7303 order), then UTF-8.
 */
import { type CharsetSource, decodeBytes } from '@quotecheck/shared';

export type { CharsetSource } from '@quotecheck/shared';

/** A decoded body. */
export interface DecodedText {
  text: string;
  /** WHATWG name of the encoding actually used (e.g. "utf-8", "windows-1251"). */
  charset: string;
  source: CharsetSource;
}

/**
 * Decodes a body to text: a feed (`xml`, by its XML declaration) or a page (`html`, by its
 * `<meta>`). Unknown labels fall through to the next source; bytes taken as UTF-8 that are
 * mostly not UTF-8 are decoded as windows-1252, the commonest mislabel.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null | undefined, kind: 'xml' | 'html' = 'xml'): DecodedText {
  const d = decodeBytes(bytes, contentType, kind);
  return { text: d.text, charset: d.encoding, source: d.source };
}
