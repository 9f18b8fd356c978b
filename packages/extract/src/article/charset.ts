/**
 * Decoding HTML bytes the way browsers do, by the one decoder shared with feeds
 * (`decodeBytes` in packages/shared/src/charset.ts): byte order mark, then the HTTP
 * `Content-Type` charset, then a `<meta charset>` / `http-equiv` declaration (or an XML
 * declaration), then UTF-8.
 */
import { type CharsetSource, type DecodedChunks, decodeByteChunks } from '@quotecheck/shared/core';

export { type CharsetSource, charsetFromContentType, declaredCharset } from '@quotecheck/shared/core';

/** A decoded page and the encoding chosen for it. */
export interface DecodedHtml {
  html: string;
  /** WHATWG name of the encoding used, e.g. `utf-8`, `windows-1251`, `gbk`. */
  encoding: string;
  source: CharsetSource;
}

/**
 * Decodes page bytes. Never throws: unknown labels are skipped, and bytes taken as UTF-8 that are
 * mostly not UTF-8 (legacy pages mislabelled or without any declaration) fall back to windows-1252.
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedHtml {
  const d = decodeHtmlChunks(bytes, contentType);
  return { html: d.chunks.join(''), encoding: d.encoding, source: d.source };
}

/** {@link decodeHtml} in pieces, as the parser reads them (`DECODE_CHUNK_BYTES` says why). */
export function decodeHtmlChunks(bytes: Uint8Array, contentType?: string | null): DecodedChunks {
  return decodeByteChunks(bytes, contentType, 'html');
}
