import { describe, expect, it } from 'vitest';
import { charsetFromContentType, declaredCharset, decodeHtml } from './charset.js';

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const page = (head: string, body: number[]): Uint8Array =>
  Uint8Array.from([...ascii(`<html><head>${head}</head><body><p>`), ...body, ...ascii('</p></body></html>')]);

// "Привет" in windows-1251, "中文" in GB2312, "café" in ISO-8859-1.
const PRIVET_1251 = [0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2];
const ZHONGWEN_GB = [0xd6, 0xd0, 0xce, 0xc4];
const CAFE_LATIN1 = [0x63, 0x61, 0x66, 0xe9];

describe('decodeHtml', () => {
  it('reads windows-1251 from <meta charset>', () => {
    const d = decodeHtml(page('<meta charset="windows-1251">', PRIVET_1251));
    expect(d.encoding).toBe('windows-1251');
    expect(d.source).toBe('meta');
    expect(d.html).toContain('Привет');
  });

  it('reads gb2312 from an http-equiv declaration', () => {
    const d = decodeHtml(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', ZHONGWEN_GB));
    expect(d.encoding).toBe('gbk');
    expect(d.html).toContain('中文');
  });

  it('lets the HTTP charset win over the markup, as browsers do', () => {
    const d = decodeHtml(page('<meta charset="utf-8">', CAFE_LATIN1), 'text/html; charset=ISO-8859-1');
    expect(d.source).toBe('http');
    expect(d.html).toContain('café');
  });

  it('maps windows-1252 quotes, dashes and the euro sign for ISO-8859-1 pages', () => {
    const d = decodeHtml(page('<meta charset="iso-8859-1">', [0x93, 0x71, 0x94, 0x20, 0x96, 0x20, 0x80, 0x35]));
    expect(d.encoding).toBe('windows-1252');
    expect(d.html).toContain('“q” – €5');
  });

  it('lets a byte order mark win over everything', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>naïve</p>')]);
    const d = decodeHtml(bytes, 'text/html; charset=windows-1251');
    expect(d.source).toBe('bom');
    expect(d.html).toBe('<p>naïve</p>');
  });

  it('decodes UTF-16 with a BOM', () => {
    const text = '<p>Grüße</p>';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    expect(decodeHtml(bytes).html).toBe(text);
  });

  it('defaults to UTF-8 and skips unknown labels', () => {
    const bytes = new TextEncoder().encode('<meta charset="no-such-charset"><p>日本語 ünïcödé</p>');
    const d = decodeHtml(bytes, 'text/html; charset=bogus');
    expect(d.encoding).toBe('utf-8');
    expect(d.html).toContain('日本語 ünïcödé');
  });

  it('falls back to windows-1252 for undeclared legacy bytes that are not UTF-8', () => {
    const d = decodeHtml(page('', [...CAFE_LATIN1, 0x20, 0x93, 0x71, 0x94]));
    expect(d.source).toBe('fallback');
    expect(d.html).toContain('café “q”');
  });

  it('keeps a UTF-8 page with one stray byte as UTF-8', () => {
    const good = new TextEncoder().encode('<p>Zürich – Genève – København</p>');
    const d = decodeHtml(Uint8Array.from([...good, 0xff]));
    expect(d.encoding).toBe('utf-8');
    expect(d.html).toContain('Zürich – Genève – København');
  });

  it('finds a declaration after a long head', () => {
    const filler = `<script>${'x'.repeat(5000)}</script>`;
    expect(decodeHtml(page(`${filler}<meta charset="koi8-r">`, [0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4])).html).toContain('Привет');
  });
});

describe('charset helpers', () => {
  it('parses Content-Type parameters', () => {
    expect(charsetFromContentType('text/html; charset="UTF-8"')).toBe('UTF-8');
    expect(charsetFromContentType('text/html;charset=windows-1251')).toBe('windows-1251');
    expect(charsetFromContentType('text/html')).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
  });

  it('reads meta and XML declarations', () => {
    expect(declaredCharset('<meta name="viewport" content="width=device-width"><meta charset=Shift_JIS>')).toBe('Shift_JIS');
    expect(declaredCharset('<?xml version="1.0" encoding="ISO-8859-2"?><html>')).toBe('ISO-8859-2');
    expect(declaredCharset('<html><head><title>x</title>')).toBeNull();
  });
});
