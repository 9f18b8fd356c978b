/**
 * Embedded social posts: a page that embeds a tweet (Twitter's `blockquote.twitter-tweet`, which
 * most news sites use; the body keeps it, see article/content.ts `EMBEDDED_POST`) reads as the
 * post's text in one paragraph, then the embed's credit line: "— Donald J. Trump
 * (@realDonaldTrump) July 14, 2016". The post is its author's own words, so the paragraph is a
 * direct attribution to the credited name, whatever the article says around it.
 */
import type { Attribution, Span, SpeakerKind } from '@quotecheck/shared';
import { EMBEDDED_POST } from './confidence.js';
import { DASHES } from './lexicon/index.js';
import { readMention } from './mentions.js';
import type { Token } from './sentences.js';
import { firstNotBefore, hasWords, spanOf } from './spans.js';

/**
 * The credit line of an embedded post, alone in its paragraph: a dash, the author's display name,
 * the handle in parentheses, and an optional date ("July 14, 2016", "14 July 2016").
 */
const CREDIT =
  /^[ \t]*([—–―-]{1,2})[ \t]*([^\n()@]{2,80}?)[ \t]*\(@[A-Za-z0-9_]{1,15}\)[ \t]*(?:(?:[A-Z][a-z]+\.? \d{1,2},? \d{4})|(?:\d{1,2} [A-Z][a-z]+\.? \d{4}))?[ \t]*$/u;

/** Where a link starts inside a word ("replaced.https://t.co/…" is glued to the text before it). */
const LINK_START = /https?:\/\/|pic\.twitter\.com\//u;

/** Emoji and other symbols a display name may end with ("Dianna E. Anderson 🏳️‍🌈"). */
const NAME_TAIL = /[^\p{L}\p{N}.)'’]+$/u;

/** Fewer words than this is a link or a picture caption, not a statement. */
const MIN_POST_WORDS = 3;

/**
 * Attributions of the posts embedded in `text` (paragraphs joined with "\n"), one per credit line
 * whose preceding paragraph is not already the content of one of `found`.
 */
export function embeddedPosts(
  text: string,
  tokens: readonly Token[],
  starts: readonly number[],
  found: readonly Attribution[],
): Attribution[] {
  const out: Attribution[] = [];
  for (let p = 1; p < starts.length; p++) {
    const start = starts[p] as number;
    const end = p + 1 < starts.length ? (starts[p + 1] as number) - 1 : text.length;
    if (!startsWithDash(text, start, end)) continue;
    const credit = CREDIT.exec(text.slice(start, end));
    if (!credit) continue;
    const post = previousParagraph(text, starts, p);
    if (!post) continue;
    const content = postText(text, post.start, post.end);
    if (!content || CREDIT.test(content.text) || !hasWords(content.text, MIN_POST_WORDS)) continue;
    if (found.some((a) => a.content.start < content.end && content.start < a.content.end)) continue;
    const dash = credit[1] as string;
    const name = (credit[2] as string).replace(NAME_TAIL, '');
    if (!name) continue;
    const dashAt = start + credit[0].indexOf(dash);
    const nameAt = start + credit[0].indexOf(name, credit[0].indexOf(dash) + dash.length);
    out.push({
      type: 'direct',
      content,
      cue: spanOf(text, dashAt, dashAt + dash.length),
      source: spanOf(text, nameAt, nameAt + name.length),
      speaker: authorOf(text, tokens, nameAt, nameAt + name.length, name),
      paragraph: post.index,
      confidence: EMBEDDED_POST,
    });
  }
  return out;
}

/** Whether the paragraph's first non-blank character is a dash (a credit line's first mark). */
function startsWithDash(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i < end && DASHES.has(text[i] as string);
}

/** The nearest non-blank paragraph before paragraph `p`, with its offsets and index. */
function previousParagraph(
  text: string,
  starts: readonly number[],
  p: number,
): { start: number; end: number; index: number } | null {
  for (let q = p - 1; q >= 0; q--) {
    const start = starts[q] as number;
    const end = (starts[q + 1] as number) - 1;
    if (text.slice(start, end).trim()) return { start, end, index: q };
  }
  return null;
}

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/u.test(c);

/**
 * The post's words: the paragraph trimmed, without the links and handles the embed leaves at its
 * end ("https://t.co/…", "pic.twitter.com/…", "@someone"), spaced or glued to the last word.
 * Token by token from the end, so it stays linear on any paragraph (a pattern for "links at the
 * end" backtracked for seconds on 25 glued links).
 */
function postText(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && isSpace(text[s])) s++;
  for (;;) {
    while (e > s && isSpace(text[e - 1])) e--;
    let t = e;
    while (t > s && !isSpace(text[t - 1])) t--;
    if (t === e) break;
    const word = text.slice(t, e);
    const link = word.search(LINK_START);
    if (link > 0) {
      e = t + link;
      break;
    }
    if (link < 0 && !/^@\w+$/u.test(word)) break;
    e = t;
  }
  return e > s ? spanOf(text, s, e) : null;
}

/** The credited author as a speaker: the name read like any mention ("The White House" is an organisation). */
function authorOf(
  text: string,
  tokens: readonly Token[],
  start: number,
  end: number,
  name: string,
): { name: string; kind: SpeakerKind } {
  const a = firstNotBefore(tokens.length, (i) => (tokens[i] as Token).s < start);
  let b = a;
  while (b < tokens.length && (tokens[b] as Token).e <= end) b++;
  if (b <= a) return { name, kind: 'person' };
  const info = readMention(text, tokens, { a, b });
  const kind: SpeakerKind = info.kind === 'unknown' || info.kind === 'anonymous' ? 'person' : info.kind;
  return { name: info.form === 'name' && info.name ? info.name : name, kind };
}
