/**
 * One-paragraph articles for the verifier's unit tests: the same input shape everywhere a test
 * prepares or verifies a hand-written text. Not built into the package.
 */
import type { Attribution, AttributionType, Speaker } from '@quotecheck/shared/core';
import type { ArticleInput } from './prepare.js';

/** An article of one paragraph, `text`, with these attributions. */
export function oneParagraphArticle(text: string, attributions: Attribution[], id = 'a1'): ArticleInput {
  return { id, input: `${id}.txt`, outlet: 'x', published: null, text, paragraphs: [text], byline: null, attributions };
}

/** An attribution of `content` (found in `text`) to `speaker`, without cue or source. */
export function attributionOf(text: string, type: AttributionType, content: string, speaker: Speaker): Attribution {
  const start = text.indexOf(content);
  if (start < 0) throw new Error(`fixture text not found: ${content}`);
  return { type, content: { start, end: start + content.length, text: content }, speaker, cue: null, source: null };
}

/** An article of these paragraphs (joined by newlines) with attributions of the quoted contents. */
export function paragraphsArticle(
  paragraphs: string[],
  quotes: [content: string, type: AttributionType, speaker: Speaker][],
  id = 'a1',
): ArticleInput {
  const text = paragraphs.join('\n');
  return {
    ...oneParagraphArticle(
      text,
      quotes.map(([content, type, speaker]) => attributionOf(text, type, content, speaker)),
      id,
    ),
    paragraphs,
  };
}
