import { afterEach, describe, expect, it } from 'vitest';
import { articleFromHtml } from './index.js';

function page(head: string, body = '<article><p>Body text of the story, long enough to be a paragraph.</p></article>'): string {
  return `<!doctype html><html lang="en"><head><title>Page</title>${head}</head><body>${body}</body></html>`;
}

const original = process.env.TZ;
afterEach(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

describe('metadata text', () => {
  it('decodes every named reference left in metadata, with its case', () => {
    const html = page(
      '<meta property="og:title" content="&amp;Eacute;cole &amp;eacute;t&amp;eacute; &amp;oslash; &amp;ocirc; &amp;aring; &amp;mdash; &amp;hellip; &amp;#39;a&amp;#x27;">' +
        '<meta name="author" content="By Bj&amp;oslash;rn &amp;Aring;sen">',
    );
    const a = articleFromHtml(html);
    expect(a.title).toBe("École été ø ô å — … 'a'");
    expect(a.byline).toBe('Bjørn Åsen');
  });

  it('keeps unknown references, and decodes a double-encoded one once', () => {
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Caf&amp;eacute; &foo; &nbsp;R&D', author: 'Ana' });
    const a = articleFromHtml(page(`<script type="application/ld+json">${ld}</script>`));
    expect(a.title).toBe('Caf&eacute; &foo; R&D');
  });
});

describe('publication date', () => {
  const cases: [string, string, string | null][] = [
    [
      'no zone anywhere: UTC',
      '<meta property="article:published_time" content="2019-11-19 10:00:00">',
      '2019-11-19T10:00:00.000Z',
    ],
    [
      'a meta time zone',
      '<meta name="timezone" content="America/New_York"><meta property="article:published_time" content="2019-11-19 10:00:00">',
      '2019-11-19T15:00:00.000Z',
    ],
    [
      'the offset of a JSON-LD date elsewhere on the page',
      `<script type="application/ld+json">${JSON.stringify([
        { '@type': 'NewsArticle', headline: 'H', datePublished: '2019-11-19 10:00:00' },
        { '@type': 'WebPage', dateModified: '2019-11-20T08:00:00+05:30' },
      ])}</script>`,
      '2019-11-19T04:30:00.000Z',
    ],
    [
      'the offset of article:modified_time',
      '<meta property="article:published_time" content="2019-11-19T10:00"><meta property="article:modified_time" content="2019-11-19T12:00:00-08:00">',
      '2019-11-19T18:00:00.000Z',
    ],
    [
      'its own offset',
      '<meta name="timezone" content="Asia/Tokyo"><meta name="date" content="2019-11-19T10:00:00Z">',
      '2019-11-19T10:00:00.000Z',
    ],
    ['unparseable: dropped, not stored raw', '<meta property="article:published_time" content="yesterday-ish">', null],
  ];
  for (const tz of ['UTC', 'America/New_York', 'Asia/Kolkata']) {
    it(`reads the page's stated zone, else UTC, with the process in ${tz}`, () => {
      process.env.TZ = tz;
      expect(new Date(Date.UTC(2019, 10, 19)).getTimezoneOffset()).toBe(
        { UTC: 0, 'America/New_York': 300, 'Asia/Kolkata': -330 }[tz],
      );
      const got = cases.map(([name, head]) => [name, head, articleFromHtml(page(head)).published]);
      expect(got).toEqual(cases);
    });
  }

  it('reads a <time> in the body in the page’s zone', () => {
    const html = page(
      '<meta name="timezone" content="+02:00">',
      '<article><p>Body text of the story, long enough to be a paragraph.</p><time datetime="2019-11-19 10:00">19 Nov</time></article>',
    );
    expect(articleFromHtml(html).published).toBe('2019-11-19T08:00:00.000Z');
  });

  it('logs a dropped date with its raw value and the article URL', () => {
    const lines: Record<string, unknown>[] = [];
    const log = { debug: (o: Record<string, unknown>) => lines.push(o) };
    const url = 'https://news.example/story';
    const a = articleFromHtml(page('<meta property="article:published_time" content="Tuesday-ish">'), { url, log });
    expect(a.published).toBeNull();
    expect(lines).toEqual([{ articleUrl: url, event: 'date.dropped', reason: 'unparseable', rawDate: 'Tuesday-ish' }]);
  });
});
