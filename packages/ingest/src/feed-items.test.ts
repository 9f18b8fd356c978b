import { MAX_TITLE_CHARS, MAX_URL_CHARS } from '@quotecheck/shared';
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

  it('lists candidates newest first by date, undated items after them in feed order', async () => {
    const item = (slug: string, date?: string) =>
      `<item><link>https://news.example.com/${slug}.html</link>${date ? `<pubDate>${date}</pubDate>` : ''}</item>`;
    const { candidates } = await classify(
      rss(
        item('undated-1') +
          item('old', 'Mon, 01 Jan 2024 10:00:00 GMT') +
          item('undated-2') +
          item('newest', 'Wed, 03 Jan 2024 10:00:00 GMT') +
          item('middle', 'Tue, 02 Jan 2024 10:00:00 GMT'),
      ),
    );
    expect(candidates.map((c) => c.canonicalUrl.replace(/^.*\/|\.html$/g, ''))).toEqual([
      'newest',
      'middle',
      'old',
      'undated-1',
      'undated-2',
    ]);
  });

  it('cuts a long title at the cap, ending it with an ellipsis', async () => {
    const { candidates } = await classify(
      rss(`<item><title>${'word '.repeat(100_000)}</title><link>https://news.example.com/long.html</link></item>`),
    );
    expect(candidates[0]?.title).toHaveLength(MAX_TITLE_CHARS);
    expect(candidates[0]?.title?.endsWith('…')).toBe(true);
  });

  it('skips a link longer than the URL cap with reason url-too-long, keeping a cut copy of it', async () => {
    const long = `https://news.example.com/${'a'.repeat(3000)}.html`;
    const { candidates, skipped } = await classify(
      rss(`<item><title>L</title><link>${long}</link></item><item><link>https://news.example.com/ok.html</link></item>`),
    );
    expect(candidates.map((c) => c.canonicalUrl)).toEqual(['https://news.example.com/ok.html']);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ reason: 'url-too-long', canonicalUrl: null, title: 'L' });
    expect(skipped[0]?.detail).toMatch(/3030 characters long; links over 2048 are not fetched/);
    expect(skipped[0]?.link?.length).toBe(MAX_URL_CHARS);
  });

  it('a link at the cap is still fetched', async () => {
    const base = 'https://news.example.com/';
    const atCap = `${base}${'a'.repeat(MAX_URL_CHARS - base.length)}`;
    const { candidates, skipped } = await classify(rss(`<item><link>${atCap}</link></item>`));
    expect(skipped).toEqual([]);
    expect(candidates[0]?.canonicalUrl).toHaveLength(MAX_URL_CHARS);
  });

  it('looks at the newest maxItems items only and counts the older ones dropped', async () => {
    const feedUrl = 'https://news.example.com/feeds/world.xml';
    const items = Array.from(
      { length: 5 },
      (_, k) =>
        `<item><link>https://news.example.com/${k}.html</link><pubDate>Mon, 0${k + 1} Jan 2024 10:00:00 GMT</pubDate></item>`,
    ).join('');
    const feed = await parseFeed(rss(items), { url: feedUrl });
    const { candidates, dropped } = classifyItems(feed, feedUrl, 'f', { ...rules, maxItems: 2 });
    expect(candidates.map((c) => c.canonicalUrl)).toEqual(['https://news.example.com/4.html', 'https://news.example.com/3.html']);
    expect(dropped).toBe(3);
  });
});
