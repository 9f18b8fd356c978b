import iconv from 'iconv-lite';

/** Where the charset used to decode a body came from. */
export type CharsetSource = 'bom' | 'header' | 'xml-declaration' | 'html-meta' | 'default' | 'fallback';

export interface DecodedText {
  text: string;
  /** The encoding actually used, as iconv-lite names it (e.g. "utf8", "windows-1251"). */
  charset: string;
  source: CharsetSource;
}

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** The charset a byte-order mark announces, or null. */
export function bomCharset(bytes: Uint8Array): string | null {
  for (const [bom, name] of BOMS) if (bom.every((b, i) => bytes[i] === b)) return name;
  return null;
}

/** The `charset` parameter of a Content-Type header, or null. */
export function headerCharset(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*["']?([^"';\s]+)["']?/i.exec(contentType);
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** The `encoding` of an `<?xml ... ?>` declaration at the start of the bytes, or null. */
export function xmlDeclarationCharset(bytes: Uint8Array): string | null {
  const head = asciiHead(bytes, 256);
  const m = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  return m?.[1] ? m[1].toLowerCase() : null;
}

/** The charset of `<meta charset>` or `<meta http-equiv=Content-Type>` in the first 2 KB, or null. */
export function htmlMetaCharset(bytes: Uint8Array): string | null {
  const head = asciiHead(bytes, 2048);
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head) ??
    /<meta[^>]+content\s*=\s*["'][^"']*charset=([A-Za-z0-9._:-]+)/i.exec(head);
  return m?.[1] ? m[1].toLowerCase() : null;
}

function asciiHead(bytes: Uint8Array, n: number): string {
  // UTF-16 declarations are only reachable through the BOM; an ASCII view is enough here.
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(n, bytes.byteLength)).toString('latin1');
}

/** Maps labels browsers treat as aliases onto encodings iconv-lite knows. */
function normaliseLabel(label: string): string | null {
  const l = label.trim().toLowerCase();
  // WHATWG: these legacy labels decode as their superset
  const alias: Record<string, string> = {
    'iso-8859-1': 'windows-1252',
    'iso8859-1': 'windows-1252',
    latin1: 'windows-1252',
    'us-ascii': 'windows-1252',
    ascii: 'windows-1252',
    gb2312: 'gbk',
    'x-gbk': 'gbk',
    'x-sjis': 'shift_jis',
    'ks_c_5601-1987': 'euc-kr',
    'utf-16': 'utf-16le',
  };
  const name = alias[l] ?? l;
  return iconv.encodingExists(name) ? name : null;
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Decodes a body to text. Precedence follows RFC 7303 for XML and the HTML standard for pages:
 * byte-order mark, then the HTTP charset, then the document's own declaration (XML
 * declaration, or `<meta>` for HTML), then UTF-8. A body labelled (or defaulted to) UTF-8
 * that is not valid UTF-8 is decoded as windows-1252, the commonest mislabel, rather than
 * filled with replacement characters. Unknown labels fall through to the next source.
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null | undefined, kind: 'xml' | 'html' = 'xml'): DecodedText {
  const candidates: [string | null, CharsetSource][] = [
    [bomCharset(bytes), 'bom'],
    [headerCharset(contentType), 'header'],
    [kind === 'xml' ? xmlDeclarationCharset(bytes) : htmlMetaCharset(bytes), kind === 'xml' ? 'xml-declaration' : 'html-meta'],
  ];
  let charset = 'utf8';
  let source: CharsetSource = 'default';
  for (const [label, from] of candidates) {
    let name = label ? normaliseLabel(label) : null;
    // a declaration readable as ASCII cannot be right about UTF-16/32 (the HTML standard agrees)
    if (name && (from === 'xml-declaration' || from === 'html-meta') && /^utf-?(16|32)/.test(name)) name = 'utf8';
    if (name) {
      charset = name;
      source = from;
      break;
    }
  }
  const isUtf8 = /^utf-?8$/.test(charset);
  if (isUtf8 && source !== 'bom' && !isValidUtf8(bytes)) {
    charset = 'windows-1252';
    source = 'fallback';
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // iconv-lite strips a BOM of the encoding it decodes with
  const text = iconv.decode(buf, isUtf8 && source !== 'fallback' ? 'utf8' : charset);
  return { text, charset: isUtf8 && source !== 'fallback' ? 'utf8' : charset, source };
}
