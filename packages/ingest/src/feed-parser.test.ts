import { afterEach, describe, expect, it } from 'vitest';
import { FeedParseError } from './errors.js';
import { parseFeed } from './feed-parser.js';

function rss(items: string[], channel = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>News</title><link>https://news.example/</link>${channel}${items.join('')}</channel></rss>`;
}

function item(
  title: string,
  date: string | null,
  link = `https://news.example/${encodeURIComponent(title).slice(0, 20)}`,
): string {
  return `<item><title>${title}</title><link>${link}</link>${date === null ? '' : `<pubDate>${date}</pubDate>`}</item>`;
}

const original = process.env.TZ;
afterEach(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

describe('parseFeed item titles', () => {
  it('decodes the HTML references a feed leaves in titles, once', async () => {
    const feed = await parseFeed(
      rss([
        item('&amp;Eacute;cole &amp;oslash; &amp;ocirc; &amp;aring; &amp;nbsp;&amp;mdash;&amp;hellip; it&amp;#39;s', null),
        item('Caf&amp;amp;eacute; &amp;foo; AT&amp;T', null),
        item('<![CDATA[Caf&eacute; &#x27;q&#x27;]]>', null),
      ]),
      { url: 'https://news.example/feed' },
    );
    expect(feed.items.map((i) => i.title)).toEqual(["École ø ô å \u00a0—… it's", 'Caf&eacute; &foo; AT&T', "Café 'q'"]);
  });
});

describe('parseFeed item dates', () => {
  for (const tz of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
    it(`gives UTC instants whatever the process zone (${tz})`, async () => {
      process.env.TZ = tz;
      expect(new Date(Date.UTC(2019, 10, 19)).getTimezoneOffset()).toBe(
        { UTC: 0, 'America/New_York': 300, 'Asia/Kolkata': -330 }[tz],
      );
      // zones by name (RFC 822), by number, and none: the last is read in the feed's zone (EST here)
      const zoned = await parseFeed(
        rss([
          item('a', 'Tue, 19 Nov 2019 10:00:00 EST'),
          item('b', 'Tue, 19 Nov 2019 10:00:00 +0530'),
          item('c', 'Tue, 19 Nov 2019 10:00:00 GMT'),
          item('d', 'Tue, 19 Nov 2019 10:00:00'),
        ]),
        { url: 'https://news.example/feed' },
      );
      expect(zoned.items.map((i) => i.published)).toEqual([
        '2019-11-19T15:00:00.000Z',
        '2019-11-19T04:30:00.000Z',
        '2019-11-19T10:00:00.000Z',
        '2019-11-19T15:00:00.000Z',
      ]);
      // no date of the feed states a zone: UTC
      const bare = await parseFeed(rss([item('e', 'Tue, 19 Nov 2019 10:00:00'), item('f', '2019-11-19 10:00:00')]), {
        url: 'https://news.example/feed',
      });
      expect(bare.items.map((i) => i.published)).toEqual(['2019-11-19T10:00:00.000Z', '2019-11-19T10:00:00.000Z']);
    });
  }

  it('reads an Atom date with its offset and takes the channel’s zone for a zone-less one', async () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>urn:x</id><updated>2019-11-19T12:00:00+01:00</updated>
      <entry><title>a</title><id>urn:a</id><link href="https://news.example/a"/><published>2019-11-19T10:00:00</published></entry></feed>`;
    const feed = await parseFeed(atom, { url: 'https://news.example/atom' });
    expect(feed.items[0]?.published).toBe('2019-11-19T09:00:00.000Z');
  });

  it('drops an unreadable date and logs it with the raw value and the item link', async () => {
    const lines: Record<string, unknown>[] = [];
    const log = { debug: (o: Record<string, unknown>) => lines.push(o) };
    const feed = await parseFeed(rss([item('a', 'the day before yesterday', 'https://news.example/a')]), {
      url: 'https://news.example/feed',
      log,
    });
    expect(feed.items[0]?.published).toBeNull();
    expect(lines).toEqual([
      { articleUrl: 'https://news.example/a', event: 'date.dropped', reason: 'unparseable', rawDate: 'the day before yesterday' },
    ]);
  });
});

describe('parseFeed refusals', () => {
  it('says which kind of document it is when it is not a feed', async () => {
    const cases: [string, string][] = [
      ['', 'empty'],
      ['<!doctype html><html><head><link rel="alternate" type="application/rss+xml" href="/rss"></head></html>', 'html-page'],
      ['{"not": "a feed"}', 'not-a-feed'],
      ['<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>a</ti', 'malformed'],
    ];
    for (const [body, reason] of cases) {
      const err = await parseFeed(body, { url: 'https://news.example/feed' }).catch((e: unknown) => e);
      expect(err, body).toBeInstanceOf(FeedParseError);
      expect((err as FeedParseError).reason, body).toBe(reason);
    }
  });
});
