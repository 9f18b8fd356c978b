import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  charsetFromContentType,
  DECODE_CHUNK_BYTES,
  declaredCharset,
  decodeByteChunks,
  decodeBytes,
  encodingForLabel,
  xmlDeclaredCharset,
} from './charset.js';

// Pages (extract) and feeds (ingest) share this decoder: the cases of both former charset tests.

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const page = (head: string, body: number[]): Uint8Array =>
  Uint8Array.from([...ascii(`<html><head>${head}</head><body><p>`), ...body, ...ascii('</p></body></html>')]);
const xml = (decl: string, body: number[]): Uint8Array =>
  Uint8Array.from([...ascii(`<?xml version="1.0"${decl}?><rss><t>`), ...body, ...ascii('</t></rss>')]);

/** windows-1251 for the Cyrillic letters, Ё/ё and guillemets used below. */
function cp1251(s: string): number[] {
  return [...s].map((c) => {
    const u = c.charCodeAt(0);
    if (u >= 0x410 && u <= 0x44f) return u - 0x410 + 0xc0;
    const special: Record<string, number> = { Ё: 0xa8, ё: 0xb8, '«': 0xab, '»': 0xbb };
    if (special[c] !== undefined) return special[c];
    if (u < 0x80) return u;
    throw new Error(`no windows-1251 byte for ${c} in this helper`);
  });
}
const latin1 = (s: string): number[] => [...Buffer.from(s, 'latin1')];

const CYR = 'Новости: «Ёлки»';
const LAT = 'Größe, café, niño';
// "Привет" in windows-1251, "中文" in GB2312, "café" in ISO-8859-1.
const PRIVET_1251 = [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2];
const ZHONGWEN_GB = [0xd6, 0xd0, 0xce, 0xc4];
const CAFE_LATIN1 = [0x63, 0x61, 0x66, 0xe9];

describe('decodeBytes for pages', () => {
  it('reads windows-1251 from <meta charset>', () => {
    const d = decodeBytes(page('<meta charset="windows-1251">', PRIVET_1251));
    expect(d.encoding).toBe('windows-1251');
    expect(d.source).toBe('meta');
    expect(d.text).toContain('Привет');
  });

  it('reads gb2312 from an http-equiv declaration', () => {
    const d = decodeBytes(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', ZHONGWEN_GB));
    expect(d.encoding).toBe('gbk');
    expect(d.text).toContain('中文');
  });

  it('lets the HTTP charset win over the markup, as browsers do', () => {
    const d = decodeBytes(page('<meta charset="utf-8">', CAFE_LATIN1), 'text/html; charset=ISO-8859-1');
    expect(d.source).toBe('http');
    expect(d.text).toContain('café');
  });

  it('maps windows-1252 quotes, dashes and the euro sign for ISO-8859-1 pages', () => {
    const d = decodeBytes(page('<meta charset="iso-8859-1">', [0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35]));
    expect(d.encoding).toBe('windows-1252');
    expect(d.text).toContain('“q” – €5');
  });

  it('lets a byte order mark win over everything', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>naïve</p>')]);
    const d = decodeBytes(bytes, 'text/html; charset=windows-1251');
    expect(d.source).toBe('bom');
    expect(d.text).toBe('<p>naïve</p>');
  });

  it('decodes UTF-16 with a BOM', () => {
    const text = '<p>Grüße</p>';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    expect(decodeBytes(bytes).text).toBe(text);
  });

  it('defaults to UTF-8 and skips unknown labels', () => {
    const bytes = new TextEncoder().encode('<meta charset="no-such-charset"><p>日本語 ünïcödé</p>');
    const d = decodeBytes(bytes, 'text/html; charset=bogus');
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain('日本語 ünïcödé');
  });

  it('falls back to windows-1252 for undeclared legacy bytes that are not UTF-8', () => {
    const d = decodeBytes(page('', [...CAFE_LATIN1, 0x20, 0x93, 0x71, 0x94]));
    expect(d.source).toBe('fallback');
    expect(d.text).toContain('café “q”');
  });

  it('keeps a UTF-8 page with one stray byte as UTF-8', () => {
    const good = new TextEncoder().encode('<p>Zürich – Genève – København</p>');
    const d = decodeBytes(Uint8Array.from([...good, 0xff]));
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toContain('Zürich – Genève – København');
  });

  it('keeps U+FFFD written in a UTF-8 document as it is', () => {
    const bytes = new TextEncoder().encode('<p>Elei\ufffd\ufffdes de 2\ufffd turno</p>');
    const d = decodeBytes(bytes);
    expect(d.encoding).toBe('utf-8');
    expect(d.text).toBe('<p>Elei\ufffd\ufffdes de 2\ufffd turno</p>');
  });

  it('finds a declaration after a long head', () => {
    const filler = `<script>${'x'.repeat(5000)}</script>`;
    expect(decodeBytes(page(`${filler}<meta charset="koi8-r">`, [0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4])).text).toContain('Привет');
  });

  it('reads a page declared only by an XML declaration', () => {
    const d = decodeBytes(Uint8Array.from([...ascii('<?xml version="1.0" encoding="windows-1251"?><html><p>'), ...PRIVET_1251]));
    expect(d.source).toBe('xml-declaration');
    expect(d.text).toContain('Привет');
  });
});

describe('decodeBytes for feeds', () => {
  it('uses the XML declaration when the header has no charset', () => {
    const d = decodeBytes(xml(' encoding="windows-1251"', cp1251(CYR)), 'application/rss+xml', 'xml');
    expect(d.text).toContain(CYR);
    expect(d.source).toBe('xml-declaration');
    expect(d.encoding).toBe('windows-1251');
  });

  it('lets the HTTP charset win over the declaration', () => {
    const d = decodeBytes(xml(' encoding="utf-8"', latin1(LAT)), 'text/xml; charset=ISO-8859-1', 'xml');
    expect(d.text).toContain(LAT);
    expect(d.source).toBe('http');
  });

  it('lets a BOM win over everything, and strips it', () => {
    const bytes = Uint8Array.from([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode(`<?xml version="1.0" encoding="windows-1251"?><t>${CYR}</t>`),
    ]);
    const d = decodeBytes(bytes, 'text/xml; charset=iso-8859-1', 'xml');
    expect(d.text).toContain(CYR);
    expect(d.source).toBe('bom');
    expect(d.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('decodes UTF-16 with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<?xml version="1.0"?><t>${CYR}</t>`, 'utf16le')]);
    expect(decodeBytes(bytes, null, 'xml').text).toContain(CYR);
  });

  it('reads gb2312 and other legacy labels', () => {
    expect(decodeBytes(xml(' encoding="gb2312"', ZHONGWEN_GB), null, 'xml').text).toContain('中文');
  });

  it('falls back to windows-1252 when "UTF-8" bytes are not UTF-8', () => {
    const d = decodeBytes(xml(' encoding="utf-8"', latin1(LAT)), 'application/xml; charset=utf-8', 'xml');
    expect(d.text).toContain(LAT);
    expect(d.source).toBe('fallback');
  });

  it('ignores an unknown label', () => {
    const d = decodeBytes(new TextEncoder().encode(`<?xml version="1.0" encoding="x-no-such"?><t>${LAT}</t>`), null, 'xml');
    expect(d.text).toContain(LAT);
    expect(d.source).toBe('default');
  });

  it('ignores a <meta> in a feed and a UTF-16 label in an ASCII declaration', () => {
    const meta = decodeBytes(xml('', [...ascii('<meta charset="windows-1251">'), ...new TextEncoder().encode(LAT)]), null, 'xml');
    expect(meta.encoding).toBe('utf-8');
    expect(meta.text).toContain(LAT);
    const utf16 = decodeBytes(xml(' encoding="UTF-16"', [...new TextEncoder().encode(LAT)]), null, 'xml');
    expect(utf16.text).toContain(LAT);
  });
});

describe('decodeByteChunks', () => {
  const UTF8 = 'text/html; charset=utf-8';
  const longest = (chunks: string[]) => Math.max(...chunks.map((c) => c.length));

  it('cuts a long page into pieces under the large-string size, each character whole', () => {
    // 3- and 4-byte characters at every offset, so some straddle each 32 KB boundary
    const text = '<p>“quoted” 𝄞 naïve 中文</p>\n'.repeat(4000);
    const d = decodeByteChunks(Buffer.from(text), UTF8);
    expect(d.chunks.length).toBeGreaterThan(3);
    expect(longest(d.chunks)).toBeLessThanOrEqual(DECODE_CHUNK_BYTES);
    expect(d.chunks.join('')).toBe(text);
    expect(d.chunks.join('').includes('\ufffd')).toBe(false);
  });

  it('decodes any bytes as the whole would, stray and cut sequences included', () => {
    const bytes = fc.uint8Array({ minLength: 0, maxLength: 3 * DECODE_CHUNK_BYTES });
    fc.assert(
      fc.property(bytes, fc.string({ unit: 'grapheme', maxLength: 40 }), (raw, text) => {
        // mostly valid text with stray bytes, the fallback's decision taken over the whole page
        const page = Buffer.concat([Buffer.from(text.repeat(2000)), raw, Buffer.from(text.repeat(500))]);
        const d = decodeByteChunks(page, UTF8);
        const whole = d.source === 'fallback' ? decodeBytes(page, 'text/html; charset=windows-1252').text : page.toString('utf8');
        expect(d.chunks.join('')).toBe(whole);
        expect(d.chunks.every((c) => c.length > 0 && c.length <= DECODE_CHUNK_BYTES)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('streams multi-byte legacy encodings and byte order marks across the cuts', () => {
    const gbk = Uint8Array.from(Array.from({ length: 30_000 }, () => [0x20, ...ZHONGWEN_GB]).flat());
    const d = decodeByteChunks(gbk, 'text/html; charset=gbk');
    expect(d.chunks.join('')).toBe(' 中文'.repeat(30_000));
    const utf16 = Buffer.from(`\ufeff${'“a” '.repeat(20_000)}`, 'utf16le');
    const u = decodeByteChunks(utf16);
    expect(u.source).toBe('bom');
    expect(u.chunks.join('')).toBe('“a” '.repeat(20_000));
  });
});

describe('label readers', () => {
  it('parse Content-Type parameters', () => {
    expect(charsetFromContentType('text/html; charset="UTF-8"')).toBe('UTF-8');
    expect(charsetFromContentType('text/html;charset=windows-1251')).toBe('windows-1251');
    expect(charsetFromContentType("application/atom+xml;charset='us-ascii'")).toBe('us-ascii');
    expect(charsetFromContentType('text/html')).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
  });

  it('read meta and XML declarations', () => {
    expect(declaredCharset('<meta name="viewport" content="width=device-width"><meta charset=Shift_JIS>')).toBe('Shift_JIS');
    expect(declaredCharset('<?xml version="1.0" encoding="ISO-8859-2"?><html>')).toBe('ISO-8859-2');
    expect(declaredCharset('<html><head><title>x</title>')).toBeNull();
    expect(xmlDeclaredCharset("<?xml version='1.0' encoding='ISO-8859-1'?><a/>")).toBe('ISO-8859-1');
  });

  it('resolve labels as browsers do', () => {
    expect(encodingForLabel('ISO-8859-1')).toBe('windows-1252');
    expect(encodingForLabel('"gb2312"')).toBe('gbk');
    expect(encodingForLabel('no-such')).toBeNull();
  });
});
