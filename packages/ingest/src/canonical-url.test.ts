import { describe, expect, it } from 'vitest';
import { canonicalUrl, isTrackingParam } from './canonical-url.js';

describe('canonicalUrl', () => {
  it('drops tracking parameters and the fragment, sorts the rest', () => {
    expect(
      canonicalUrl('https://Example.COM:443/news/a.html?utm_source=rss&b=2&fbclid=x&a=1&ocid=msn&traffic_source=rss#comments'),
    ).toBe('https://example.com/news/a.html?a=1&b=2');
  });

  it('drops default ports only', () => {
    expect(canonicalUrl('http://example.com:80/a')).toBe('http://example.com/a');
    expect(canonicalUrl('http://example.com:8080/a')).toBe('http://example.com:8080/a');
  });

  it('resolves relative links against the base', () => {
    expect(canonicalUrl('../b/c.html?gclid=1', 'https://news.example.org/feeds/x/rss.xml')).toBe(
      'https://news.example.org/feeds/b/c.html',
    );
    expect(canonicalUrl('/a', 'https://example.org/feed')).toBe('https://example.org/a');
  });

  it('keeps path case and meaningful parameters, and the order of repeated ones', () => {
    expect(canonicalUrl('https://example.com/Story/ABC?id=9&tag=b&tag=a')).toBe('https://example.com/Story/ABC?id=9&tag=b&tag=a');
  });

  it('makes equivalent links equal', () => {
    const a = canonicalUrl('https://www.example.com/x?b=1&a=2&utm_campaign=z');
    const b = canonicalUrl('https://WWW.example.com/x?a=2&b=1#top');
    expect(a).toBe(b);
  });

  it('returns null for what is not a URL', () => {
    expect(canonicalUrl('not a url')).toBeNull();
    expect(canonicalUrl('http://')).toBeNull();
  });

  it('leaves non-http URLs recognisable so the caller can refuse them', () => {
    expect(canonicalUrl('ftp://example.com/x#y')).toBe('ftp://example.com/x');
  });

  it('knows tracking parameters by name and prefix', () => {
    for (const p of ['utm_source', 'UTM_Medium', 'mc_cid', 'mc_eid', 'cmpid', 'gclid']) expect(isTrackingParam(p)).toBe(true);
    for (const p of ['id', 'page', 'p', 'story']) expect(isTrackingParam(p)).toBe(false);
  });
});
