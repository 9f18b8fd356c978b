import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { assertHtmlPage, binaryReason, looksLikeHtml, mediaTypeOf, NotHtmlError } from './content-sniff.js';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('assertHtmlPage', () => {
  it.each(['text/html', 'text/html; charset=utf-8', 'TEXT/HTML', 'application/xhtml+xml'])('accepts %s', (type) => {
    expect(() => assertHtmlPage('https://x.example/a', type, bytes('%PDF-1.7'))).not.toThrow();
  });

  it.each([
    'image/svg+xml',
    'application/xml',
    'text/xml',
    'image/png',
    'application/pdf',
    'text/plain; charset=utf-8',
    'application/rss+xml',
    'application/octet-stream',
  ])('refuses %s, naming the type', (type) => {
    const html = bytes('<!doctype html><html><body><p>hi</p></body></html>');
    const err = (() => {
      try {
        assertHtmlPage('https://x.example/a', type, html);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(NotHtmlError);
    expect((err as Error).message).toContain(`is ${mediaTypeOf(type)}, not an HTML page`);
    expect((err as Error).message).not.toContain('\n');
  });

  it('sniffs a body without Content-Type: HTML passes, SVG, XML, PNG and PDF do not', () => {
    expect(() => assertHtmlPage('u', null, bytes('\n  <!DOCTYPE html><html><p>x'))).not.toThrow();
    expect(() => assertHtmlPage('u', '', bytes('<html lang="en"><head>'))).not.toThrow();
    for (const body of [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '<?xml version="1.0"?><rss version="2.0"></rss>',
      '\x89PNG\r\n\x1a\n\0\0\0\rIHDR',
      '%PDF-1.7\n',
      'just some words',
    ])
      expect(() => assertHtmlPage('u', null, bytes(body)), body).toThrow(
        /has no Content-Type and does not start like an HTML page/,
      );
  });
});

describe('looksLikeHtml', () => {
  it('reads XHTML after an XML declaration and comments, and UTF-16 with a BOM', () => {
    expect(looksLikeHtml(bytes('<?xml version="1.0"?>\n<!-- c -->\n<html xmlns="http://www.w3.org/1999/xhtml">'))).toBe(true);
    expect(looksLikeHtml(bytes('<?xml version="1.0"?><svg/>'))).toBe(false);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<html><body>', 'utf16le')]);
    expect(looksLikeHtml(utf16)).toBe(true);
    expect(looksLikeHtml(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<!doctype html>')]))).toBe(true);
  });

  it('does not take a tag name that merely starts like an HTML one', () => {
    expect(looksLikeHtml(bytes('<body-part>'))).toBe(false);
    expect(looksLikeHtml(bytes('<abbr>'))).toBe(false);
  });
});

describe('binaryReason', () => {
  it('calls random bytes, a NUL and a run of control characters binary', () => {
    expect(binaryReason(randomBytes(8192))).toMatch(/binary file/);
    expect(binaryReason(bytes('<html>\0</html>'))).toMatch(/NUL byte at offset 6/);
    expect(binaryReason(bytes('\x01\x02\x03\x04<p>hello world</p>'))).toMatch(/% of its first \d+ bytes are control characters/);
  });

  it('lets text and HTML through, in UTF-8, legacy charsets and UTF-16 with a BOM', () => {
    expect(binaryReason(bytes('<p>“Quoted,” she said.\tTabbed\r\n\f</p>'))).toBeNull();
    expect(binaryReason(Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0xe8, 0x93, 0x94, 0x3c]))).toBeNull();
    expect(binaryReason(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>hi</p>', 'utf16le')]))).toBeNull();
    expect(binaryReason(new Uint8Array(0))).toBeNull();
  });
});
