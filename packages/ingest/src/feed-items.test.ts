import { describe, expect, it } from 'vitest';
import { HostAllowlist } from './address-guard.js';
import { classifyItems, compileSkipPatterns } from './feed-items.js';
import { parseFeed } from './feed-parser.js';

const rules = {
  skipPatterns: compileSkipPatterns(['/video/', '/live-?blog', '/gallery/']),
  allow: new HostAllowlist([]),
};

async function classify(xml: string, feedUrl = 'https://news.example.com/feeds/world.xml') {
  const feed = await parseFeed(xml, { url: feedUrl });
  return classifyItems(feed, feedUrl, 'news.example.com-1', rules);
}

const rss = (items: string, channelAttrs = '') =>
  `<?xml version="1.0"?><rss version="2.0"${channelAttrs}><channel><title>T</title><link>https://news.example.com/</link><description>d</description>${items}</channel></rss>`;

describe('classifyItems', () => {
  it('resolves relative links against the feed URL and canonicalises them', async () => {
    const { candidates } = await classify(rss('<item><title>A</title><link>../2024/a.html?utm_source=rss#x</link></item>'));
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatchObject({
      canonicalUrl: 'https://news.example.com/2024/a.html',
      feedId: 'news.example.com-1',
      title: 'A',
    });
  });

  it('resolves relative links against the document xml:base first', async () => {
    const { candidates } = await classify(rss('<item><link>a.html</link></item>', ' xml:base="https://cdn.example.org/world/"'));
    expect(candidates[0]?.canonicalUrl).toBe('https://cdn.example.org/world/a.html');
  });

  it('falls back to a permalink guid, and records items without either as no-link', async () => {
    const { candidates, skipped } = await classify(
      rss(
        '<item><title>P</title><guid>https://news.example.com/p.html</guid></item>' +
          '<item><title>N</title><guid isPermaLink="false">https://news.example.com/n.html</guid></item>' +
          '<item><title>X</title><guid>urn:uuid:1</guid></item>',
      ),
    );
    expect(candidates.map((c) => c.canonicalUrl)).toEqual(['https://news.example.com/p.html']);
    expect(skipped.map((s) => [s.title, s.reason])).toEqual([
      ['N', 'no-link'],
      ['X', 'no-link'],
    ]);
  });

  it('skips non-article pages, unsafe addresses and other schemes with their reason', async () => {
    const { candidates, skipped } = await classify(
      rss(
        [
          'https://news.example.com/video/clip-1',
          'https://news.example.com/news/liveblog/today',
          'http://10.1.1.1/a',
          'mailto:desk@example.com',
          'https://news.example.com/ok.html',
        ]
          .map((l) => `<item><link>${l}</link></item>`)
          .join(''),
      ),
    );
    expect(candidates.map((c) => c.canonicalUrl)).toEqual(['https://news.example.com/ok.html']);
    expect(skipped.map((s) => s.reason)).toEqual(['non-article', 'non-article', 'unsafe-url', 'bad-scheme']);
    expect(skipped[0]?.detail).toMatch(/video/);
  });

  it('lists an article once when the feed repeats it under tracking variants', async () => {
    const { candidates } = await classify(
      rss(
        '<item><link>https://news.example.com/a?utm_medium=x</link></item><item><link>https://news.example.com/a#top</link></item>',
      ),
    );
    expect(candidates).toHaveLength(1);
  });

  it('reads Atom entries by their alternate link', async () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:x</id><updated>2024-01-01T00:00:00Z</updated>
      <entry><title>E</title><id>tag:x,2024:1</id><updated>2024-01-02T00:00:00Z</updated>
        <link rel="self" href="https://news.example.com/api/1.json"/><link rel="alternate" type="text/html" href="https://news.example.com/e.html"/></entry></feed>`;
    const { candidates } = await classify(atom);
    expect(candidates[0]).toMatchObject({
      canonicalUrl: 'https://news.example.com/e.html',
      published: '2024-01-02T00:00:00.000Z',
    });
  });
});
