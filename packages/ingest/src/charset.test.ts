import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, headerCharset, xmlDeclarationCharset } from './charset.js';

const cyr = 'Новости: «Ёлки»';
const lat = 'Größe, café, niño';

describe('decodeBody', () => {
  it('uses the XML declaration when the header has no charset', () => {
    const bytes = iconv.encode(`<?xml version="1.0" encoding="windows-1251"?><t>${cyr}</t>`, 'windows-1251');
    const d = decodeBody(bytes, 'application/rss+xml');
    expect(d.text).toContain(cyr);
    expect(d.source).toBe('xml-declaration');
  });

  it('lets the HTTP charset win over the declaration', () => {
    const bytes = iconv.encode(`<?xml version="1.0" encoding="utf-8"?><t>${lat}</t>`, 'latin1');
    const d = decodeBody(bytes, 'text/xml; charset=ISO-8859-1');
    expect(d.text).toContain(lat);
    expect(d.source).toBe('header');
  });

  it('lets a BOM win over everything', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(`<?xml version="1.0" encoding="windows-1251"?><t>${cyr}</t>`),
    ]);
    const d = decodeBody(bytes, 'text/xml; charset=iso-8859-1');
    expect(d.text).toContain(cyr);
    expect(d.source).toBe('bom');
    expect(d.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('decodes UTF-16 with a BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<?xml version="1.0"?><t>${cyr}</t>`, 'utf16le')]);
    expect(decodeBody(bytes, null).text).toContain(cyr);
  });

  it('reads gb2312 and other legacy labels', () => {
    const zh = '新闻标题';
    const bytes = iconv.encode(`<?xml version="1.0" encoding="gb2312"?><t>${zh}</t>`, 'gbk');
    expect(decodeBody(bytes, null).text).toContain(zh);
  });

  it('falls back to windows-1252 when "UTF-8" bytes are not UTF-8', () => {
    const bytes = iconv.encode(`<?xml version="1.0" encoding="utf-8"?><t>${lat}</t>`, 'latin1');
    const d = decodeBody(bytes, 'application/xml; charset=utf-8');
    expect(d.text).toContain(lat);
    expect(d.source).toBe('fallback');
  });

  it('ignores an unknown label', () => {
    const d = decodeBody(Buffer.from(`<?xml version="1.0" encoding="x-no-such"?><t>${lat}</t>`), null);
    expect(d.text).toContain(lat);
  });

  it('uses <meta charset> for HTML', () => {
    const bytes = iconv.encode(`<html><head><meta charset="windows-1251"></head><body>${cyr}</body></html>`, 'windows-1251');
    expect(decodeBody(bytes, 'text/html', 'html').text).toContain(cyr);
  });
});

describe('label readers', () => {
  it('read Content-Type and XML declaration', () => {
    expect(headerCharset('text/xml; charset="Windows-1251"')).toBe('windows-1251');
    expect(headerCharset("application/atom+xml;charset='us-ascii'")).toBe('us-ascii');
    expect(headerCharset('text/xml')).toBeNull();
    expect(xmlDeclarationCharset(Buffer.from("<?xml version='1.0' encoding='ISO-8859-1'?><a/>"))).toBe('iso-8859-1');
  });
});
