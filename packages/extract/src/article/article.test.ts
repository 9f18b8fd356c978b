import { Article } from '@quotecheck/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleFromHtml, articleFromText } from './index.js';

const PROSE = [
  'The city council voted on Tuesday to approve a new budget for the coming year, ending months of debate over how to pay for road repairs, schools and the library system.',
  '“We finally have a plan that works for every neighbourhood,” said Mayor Jane Doe, who had pushed for the compromise since spring, adding that repairs would start in May.',
  'Opponents argued that the budget relies too heavily on a one-time transfer from reserves, and that the council will face the same shortfall again next year, or the year after.',
  'The vote was seven to two. Council member Raj Patel, who voted against, said the city should have raised the parking levy instead, a proposal the majority rejected.',
];

function newsPage(extra = ''): string {
  return `<!doctype html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>Council approves budget | The Daily Example</title>
<meta property="og:site_name" content="The Daily Example">
<meta property="og:title" content="Council approves budget">
<meta name="author" content="By Sam Reporter">
<meta property="article:published_time" content="2024-03-01T09:30:00Z">
<link rel="canonical" href="https://news.example.org/2024/03/council-budget">
</head><body>
<header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div id="page">
  <main>
    <article class="story">
      <h1>Council approves budget</h1>
      <div class="byline">By Sam Reporter</div>
      <figure><img src="council.jpg"><figcaption>Council members during the vote. Photo: Example Agency</figcaption></figure>
      <div class="story-body">
        <p>${PROSE[0]}</p>
        <p>${PROSE[1]}</p>
        <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
        <p>${PROSE[2]}</p>
        <p>Advertisement</p>
        <p>${PROSE[3]}</p>
        ${extra}
      </div>
      <ul class="related-links"><li><a href="/a">Mayor unveils plan for roads</a></li><li><a href="/b">Library hours cut again</a></li></ul>
    </article>
    <section id="comments" class="comments"><h3>12 comments</h3><p>Great news for the city, finally, after all this time and all these meetings, well done.</p></section>
  </main>
  <aside class="sidebar"><h3>Most read</h3><ol><li><a href="/x">Storm closes bridge</a></li><li><a href="/y">Team wins cup</a></li></ol></aside>
</div>
<footer class="site-footer"><p>© 2024 The Daily Example. All rights reserved. Terms, privacy and cookie policy.</p></footer>
</body></html>`;
}

function expectWellFormed(a: Article): void {
  expect(Article.safeParse(a).success).toBe(true);
  expect(a.text).toBe(a.paragraphs.join('\n'));
  for (const p of a.paragraphs) expect(p).not.toMatch(/[\n\r\u000b\u000c\u001c-\u001e\u0085\u2028\u2029]/);
}

describe('articleFromHtml', () => {
  it('keeps the article paragraphs and drops navigation, captions, share bars, related links and comments', () => {
    const a = articleFromHtml(newsPage());
    expectWellFormed(a);
    expect(a.paragraphs).toEqual(PROSE);
  });

  it('drops a pull-quote box that repeats the body, and keeps one whose words stand nowhere else', () => {
    const repeat = newsPage(
      '<table><tr><td class="pullquote">“We finally have a plan that works for every neighbourhood,” Doe said of the vote.</td></tr></table>',
    );
    expect(articleFromHtml(repeat).paragraphs).toEqual(PROSE);
    const own = 'Budgets are moral documents, and this one finally says what the city values most of all.';
    const unique = newsPage(`<blockquote class="graf--pullquote pullquote">${own}</blockquote>`);
    expect(articleFromHtml(unique).paragraphs).toContain(own);
  });

  it('reads a long page from bytes, parsed in pieces, exactly as from one string', () => {
    // Entities, attributes, tags and curly quotes at every offset, so each kind straddles a cut
    // between the decoder's 32 KB pieces for some padding.
    const para = (i: number) =>
      `<p class="body-text" data-i="${i}">“Para&shy;graph ${i} &amp; more,” she said &#8212; caf&eacute; <a href="/x?a=1&amp;b=${i}">link</a>.</p>`;
    const body = Array.from({ length: 1200 }, (_, i) => para(i)).join('\n');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), (pad) => {
        const html = `<html><head><title>Long</title></head><body>${' '.repeat(pad)}<article>${body}</article></body></html>`;
        const bytes = new TextEncoder().encode(html);
        expect(bytes.length).toBeGreaterThan(4 * 32 * 1024);
        const fromBytes = articleFromHtml(bytes);
        expect(fromBytes.paragraphs).toHaveLength(1200);
        expect(fromBytes).toEqual(articleFromHtml(html));
      }),
      { numRuns: 25 },
    );
  });

  it('reads title, byline, date, language and canonical URL from the head', () => {
    const a = articleFromHtml(newsPage());
    expect(a.title).toBe('Council approves budget');
    expect(a.byline).toBe('Sam Reporter');
    expect(a.published).toBe('2024-03-01T09:30:00.000Z');
    expect(a.language).toBe('en-GB');
    expect(a.url).toBe('https://news.example.org/2024/03/council-budget');
    expect(articleFromHtml(newsPage(), { url: 'https://example.org/fetched' }).url).toBe('https://example.org/fetched');
  });

  it('reads byline and date from the page when the head has none', () => {
    const bare = newsPage()
      .replace(/<meta name="author"[^>]*>/, '')
      .replace(/<meta property="article:published_time"[^>]*>/, '')
      .replace(
        '<div class="byline">By Sam Reporter</div>',
        '<p class="article-byline">Posted by <a rel="author" href="/sam">Sam Reporter</a> <time datetime="2024-03-01T10:00:00+01:00">1 March</time></p>',
      );
    const a = articleFromHtml(bare);
    expect(a.byline).toBe('Sam Reporter');
    expect(a.published).toBe('2024-03-01T09:00:00.000Z');
    expect(a.paragraphs).toEqual(PROSE);
  });

  it('decodes character references left in metadata', () => {
    const html = newsPage().replace('content="Council approves budget"', 'content="Mayor: &#8220;We did it&#8221; &amp; more"');
    expect(articleFromHtml(html).title).toBe('Mayor: “We did it” & more');
  });

  it('takes metadata from JSON-LD first, and malformed JSON-LD does not break the page', () => {
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle",
      "headline":"Budget passes 7-2","datePublished":"2024-03-02","author":[{"@type":"Person","name":"Ana Ruiz"}]}]}</script>
      <script type="application/ld+json">{"@type": "NewsArticle", "headline": broken</script>`;
    const a = articleFromHtml(newsPage().replace('</head>', `${ld}</head>`));
    expect(a.title).toBe('Budget passes 7-2');
    expect(a.byline).toBe('Ana Ruiz');
    expect(a.published).toBe('2024-03-02T00:00:00.000Z');
    expect(a.paragraphs).toEqual(PROSE);
  });

  it('falls back to the JSON-LD articleBody when the markup holds only a teaser', () => {
    const body = PROSE.map((p) => `<p>${p.replace(/“|”/g, '&quot;')}</p>`).join('');
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Council approves budget', articleBody: body });
    const html = `<html><head><script type="application/ld+json">${ld}</script></head><body>
      <article><p>${PROSE[0]}</p><div class="paywall">Subscribe to read the full story.</div></article></body></html>`;
    const a = articleFromHtml(html);
    expect(a.paragraphs).toEqual(PROSE.map((p) => p.replace(/“|”/g, '"')));
    // A body no longer than the markup's text does not replace it.
    const short = JSON.stringify({ '@type': 'NewsArticle', articleBody: PROSE[0] });
    expect(
      articleFromHtml(newsPage().replace('</head>', `<script type="application/ld+json">${short}</script></head>`)).paragraphs,
    ).toEqual(PROSE);
  });

  it('keeps subheadings, quotes and lists that belong to the story', () => {
    const extra = `<h2>What happens next</h2><blockquote><p>“It is a good day for the city and its people,” the mayor wrote.</p></blockquote>
      <ul><li>Road repairs start in May, beginning with the ring road.</li><li>The library reopens on Sundays from June onwards.</li></ul>`;
    const a = articleFromHtml(newsPage(extra));
    expect(a.paragraphs.slice(4)).toEqual([
      'What happens next',
      '“It is a good day for the city and its people,” the mayor wrote.',
      'Road repairs start in May, beginning with the ring road.',
      'The library reopens on Sundays from June onwards.',
    ]);
  });

  it('keeps embedded social posts, which quote what someone said', () => {
    const extra = `<div class="social-media-embed"><blockquote class="twitter-tweet"><p>We will win this vote, no doubt about it.</p>— Jane Doe (@janedoe) <a href="https://x.com/janedoe/status/1">March 1, 2024</a></blockquote></div>`;
    const a = articleFromHtml(newsPage(extra));
    expect(a.paragraphs.slice(4)).toEqual(['We will win this vote, no doubt about it.', '— Jane Doe (@janedoe) March 1, 2024']);
  });

  it('splits paragraphs at <br> and keeps inline markup inside one paragraph', () => {
    const body = `<div class="content"><p>${PROSE[0]}<br><br>${PROSE[1]}</p><p>A <a href="/x">linked</a> and <em>emphasised</em> sentence that runs on, with commas, for long enough to count as prose here.</p><p>${PROSE[2]}</p></div>`;
    const a = articleFromHtml(`<html><body>${body}</body></html>`);
    expect(a.paragraphs).toContain(
      'A linked and emphasised sentence that runs on, with commas, for long enough to count as prose here.',
    );
    expect(a.paragraphs.slice(0, 2)).toEqual([PROSE[0], PROSE[1]]);
  });

  it('decodes bytes by the Content-Type charset', () => {
    const html = `<html><body><article>${PROSE.map((p) => `<p>${p} Caf\u00e9.</p>`).join('')}</article></body></html>`;
    const bytes = Uint8Array.from([...html].map((c) => c.charCodeAt(0)));
    const a = articleFromHtml(bytes, { contentType: 'text/html; charset=iso-8859-1' });
    expect(a.text).toContain('Café.');
  });

  it('never throws: empty, malformed, binary and deeply nested input', () => {
    for (const input of [
      '',
      '<',
      '<html><body></body></html>',
      '<p>unclosed <b><i>tags',
      '\u0000\u0001binary\uffff',
      '<svg><p>x</svg>',
    ]) {
      const a = articleFromHtml(input);
      expectWellFormed(a);
    }
    expectWellFormed(articleFromHtml(new Uint8Array([0xff, 0xfe, 0xfd, 0x00, 0x80])));
    const nested = `<html><body>${'<div>'.repeat(10_000)}<p>${PROSE.join('</p><p>')}</p>${'</div>'.repeat(10_000)}</body></html>`;
    const a = articleFromHtml(nested);
    expectWellFormed(a);
    expect(a.paragraphs).toEqual(PROSE);
    const spans = `<html><body><p>${'<span>'.repeat(10_000)}${PROSE[0]}</p></body></html>`;
    expect(articleFromHtml(spans).text).toBe(PROSE[0]);
  });

  it('never throws and keeps its invariants on arbitrary markup', () => {
    const tag = fc.constantFrom(
      'p',
      'div',
      'br',
      'span',
      'a',
      'script',
      'pre',
      'li',
      'ul',
      'table',
      'td',
      'h2',
      'article',
      'aside',
    );
    const piece = fc.oneof(
      fc.string(),
      tag.map((t) => `<${t}>`),
      tag.map((t) => `</${t}>`),
      fc.constantFrom('\n', '\u2028', '&nbsp;', '&#10;', '<!--', '-->', '<br/>', '"', "'"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        expectWellFormed(articleFromHtml(pieces.join('')));
      }),
      { numRuns: 300 },
    );
  });

  it('uses the Al Jazeera adapter: body container only, no recommended stories or captions', () => {
    const html = `<html><head><link rel="canonical" href="https://www.aljazeera.com/news/2024/3/1/story"></head><body>
      <div class="article-header"><h1>Talks resume</h1><p class="article__subhead">A short standfirst that sits above the story body here.</p></div>
      <div class="wysiwyg wysiwyg--all-content">
        <p>${PROSE[0]}</p>
        <div class="more-on"><h2>Recommended Stories</h2><ul><li><a href="/1">Story one headline here</a></li><li><a href="/2">Story two headline here</a></li></ul></div>
        <p>${PROSE[1]}</p>
        <figure class="article-image"><img src="x.jpg"><figcaption class="article-image__caption">Delegates arrive in Geneva [Reuters]</figcaption></figure>
        <p>${PROSE[2]}</p>
      </div>
      <div class="sidebar"><p>Most popular stories of the day, with many words so that it could look like content, yes.</p></div>
      </body></html>`;
    const a = articleFromHtml(html);
    expect(a.paragraphs).toEqual(PROSE.slice(0, 3));
    expect(articleFromHtml(html, { url: 'https://www.aljazeera.com/news/2024/3/1/story' }).paragraphs).toEqual(PROSE.slice(0, 3));
  });
});

describe('articleFromText', () => {
  it('keeps the text exactly, one paragraph per line', () => {
    const a = articleFromText('one\n\ntwo');
    expect(a.paragraphs).toEqual(['one', '', 'two']);
    expect(a.text).toBe('one\n\ntwo');
  });
});
