import { describe, expect, it } from 'vitest';
import { articleFromJsonLd, parseJsonLd } from './json-ld.js';

describe('articleFromJsonLd', () => {
  it('finds a NewsArticle inside @graph with author objects', () => {
    const ld = JSON.stringify({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Example News' },
        {
          '@type': ['NewsArticle', 'Article'],
          headline: 'Council approves budget',
          datePublished: '2024-03-01T09:30:00+01:00',
          author: [
            { '@type': 'Person', name: 'Ana Ruiz' },
            { '@type': 'Person', name: 'Li Wei' },
          ],
          inLanguage: 'es',
          articleBody: 'First paragraph.\nSecond paragraph.',
        },
      ],
    });
    expect(articleFromJsonLd([ld])).toEqual({
      headline: 'Council approves budget',
      author: 'Ana Ruiz, Li Wei',
      datePublished: '2024-03-01T09:30:00+01:00',
      dateModified: null,
      inLanguage: 'es',
      articleBody: 'First paragraph.\nSecond paragraph.',
      url: null,
      dates: ['2024-03-01T09:30:00+01:00'],
    });
  });

  it('prefers the object carrying the body over a bare Article mention', () => {
    const a = JSON.stringify({ '@type': 'Article', headline: 'Teaser' });
    const b = JSON.stringify([{ '@type': 'BlogPosting', headline: 'Full post', articleBody: 'Text.', author: 'Sam Lee' }]);
    const got = articleFromJsonLd([a, b]);
    expect(got?.headline).toBe('Full post');
    expect(got?.author).toBe('Sam Lee');
  });

  it('repairs raw newlines in strings, trailing commas and comment wrappers', () => {
    const raw = '<!--\n{"@type": "NewsArticle", "headline": "Line one\nline two", "author": {"name": "Kim Park"},}\n-->';
    expect(articleFromJsonLd([raw])?.headline).toBe('Line one line two');
  });

  it('ignores hopeless scripts and non-article types without throwing', () => {
    expect(articleFromJsonLd(['{not json', '', ']]]', '{"@type":"Organization","name":"X"}', 'null', '42'])).toBeNull();
    expect(parseJsonLd('{"a": [1, 2,]}')).toEqual({ a: [1, 2] });
  });

  it('survives deeply nested JSON-LD', () => {
    const deep = `${'{"x":'.repeat(5000)}{"@type":"NewsArticle","headline":"Deep"}${'}'.repeat(5000)}`;
    expect(() => articleFromJsonLd([deep])).not.toThrow();
  });
});
