import { describe, expect, it } from 'vitest';
import { decodeEntities } from './html-entities.js';

describe('decodeEntities', () => {
  it('decodes every named reference with its case, and numeric ones', () => {
    expect(decodeEntities('&Eacute;cole, caf&eacute;')).toBe('École, café');
    expect(decodeEntities('Tr&oslash;nder, h&ocirc;tel, &aring;r')).toBe('Trønder, hôtel, år');
    expect(decodeEntities('a&nbsp;b')).toBe('a\u00a0b');
    expect(decodeEntities('it&#x27;s, it&#39;s')).toBe("it's, it's");
    expect(decodeEntities('wait &mdash; what&hellip;')).toBe('wait — what…');
    expect(decodeEntities('&#8220;We did it&#8221; &amp; more')).toBe('“We did it” & more');
  });

  it('leaves unknown names, bare ampersands and references without their semicolon as written', () => {
    expect(decodeEntities('&foo; and &bar')).toBe('&foo; and &bar');
    expect(decodeEntities('AT&T, R&D, Q&A')).toBe('AT&T, R&D, Q&A');
    expect(decodeEntities('&copy 2019, ?a=1&amp=2')).toBe('&copy 2019, ?a=1&amp=2');
  });

  it('decodes once: a double-encoded reference keeps one level', () => {
    expect(decodeEntities('caf&amp;eacute;')).toBe('caf&eacute;');
    expect(decodeEntities(decodeEntities('caf&amp;eacute;'))).toBe('café');
  });

  it('turns invalid code points into U+FFFD instead of lone surrogates or NUL', () => {
    expect(decodeEntities('a&#0;b&#xD800;c')).toBe('a\ufffdb\ufffdc');
  });

  it('returns text without an ampersand unchanged', () => {
    const s = 'plain text';
    expect(decodeEntities(s)).toBe(s);
  });
});
