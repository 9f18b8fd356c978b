/**
 * Embedded social posts: a page that embeds a tweet (Twitter's `blockquote.twitter-tweet`, which
 * most news sites use; the body keeps it, see article/content.ts `EMBEDDED_POST`) reads as the
 * post's text in one paragraph, then the embed's credit line: "— Donald J. Trump
 * (@realDonaldTrump) July 14, 2016". The post is its author's own words, so each of its
 * paragraphs is a direct attribution to the credited name, whatever the article says around it.
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
 * Attributions of the posts embedded in `text` (paragraphs joined with "\n"), one per paragraph of
 * each post, and those of `found` they replace.
 */
export function embeddedPosts(
  text: string,
  tokens: readonly Token[],
  starts: readonly number[],
  found: readonly Attribution[],
): EmbeddedPosts {
  const out: Attribution[] = [];
  const superseded = new Set<Attribution>();
  for (let p = 1; p < starts.length; p++) {
    const start = starts[p] as number;
    const end = p + 1 < starts.length ? (starts[p + 1] as number) - 1 : text.length;
    if (!startsWithDash(text, start, end)) continue;
    const credit = CREDIT.exec(text.slice(start, end));
    if (!credit) continue;
    const dash = credit[1] as string;
    const name = (credit[2] as string).replace(NAME_TAIL, '');
    if (!name) continue;
    const dashAt = start + credit[0].indexOf(dash);
    const nameAt = start + credit[0].indexOf(name, credit[0].indexOf(dash) + dash.length);
    const paragraphs = postParagraphs(text, starts, p, found);
    for (const { content } of paragraphs)
      for (const a of found) if (overlaps(a.content, content) && isFirstPersonInPost(a)) superseded.add(a);
    for (const { content, index } of paragraphs)
      out.push({
        type: 'direct',
        content,
        cue: spanOf(text, dashAt, dashAt + dash.length),
        source: spanOf(text, nameAt, nameAt + name.length),
        speaker: authorOf(text, tokens, nameAt, nameAt + name.length, name),
        paragraph: index,
        confidence: EMBEDDED_POST,
      });
  }
  return { posts: out.sort((x, y) => x.content.start - y.content.start), superseded };
}

/** The posts embedded in an article, and the attributions found inside them that they replace. */
export interface EmbeddedPosts {
  posts: Attribution[];
  /** First-person attributions with no speaker inside a post ({@link isFirstPersonInPost}): the post's credit says who. */
  superseded: ReadonlySet<Attribution>;
}

/** Whether two spans overlap. */
const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

/**
 * An end of prose: the article's paragraphs end on a stop, a question or exclamation mark, a colon
 * or a closing quotation mark. A post's earlier paragraphs often end bare ("… from crop burning
 * in neighbouring states"); a paragraph before the post's last that ends like prose is taken for
 * the article's lead-in (over the corpus inputs, three such lead-ins had been taken for posts:
 * "… a whole lot of people on Twitter pointed it out.").
 */
const ENDS_PROSE = /[.!?:"”'’)]$/u;

/** The most characters a post holds (a tweet's limit): paragraphs beyond it are the article's. */
const POST_MAX_CHARS = 280;

/**
 * The paragraphs of the post credited at paragraph `p`, in text order: the one right before the
 * credit line, and the ones before it while the post stays within {@link POST_MAX_CHARS}, none of
 * them is another attribution's content or ends like prose ({@link ENDS_PROSE}). A post of
 * several paragraphs ("Delhi has turned into a gas chamber …" / "It is very imp that we …" /
 * "I urge all Delhiites …") had been credited by its last paragraph only, or not at all when an
 * "I urge" inside it read as an attribution of its own.
 */
function postParagraphs(
  text: string,
  starts: readonly number[],
  p: number,
  found: readonly Attribution[],
): { content: Span; index: number }[] {
  const out: { content: Span; index: number }[] = [];
  let chars = 0;
  for (let q = p; q > 0; ) {
    const post = previousParagraph(text, starts, q);
    if (!post) break;
    q = post.index;
    const content = postText(text, post.start, post.end);
    if (!content || CREDIT.test(content.text) || !hasWords(content.text, MIN_POST_WORDS)) break;
    if (found.some((a) => overlaps(a.content, content) && !isFirstPersonInPost(a))) break;
    chars += content.text.length;
    if (out.length && (chars > POST_MAX_CHARS || ENDS_PROSE.test(content.text))) break;
    out.unshift({ content, index: post.index });
  }
  return out;
}

/** First-person sources the post's author speaks through ("I urge all Delhiites …"). */
const FIRST_PERSON = /^(i|we|my|our)$/i;

/**
 * Whether an attribution found inside a post is its author speaking in the first person with no
 * one resolved ("I urge all Delhiites to use them", source "I"): the post's credit says who.
 */
function isFirstPersonInPost(a: Attribution): boolean {
  return !a.speaker.name && !!a.source && FIRST_PERSON.test(a.source.text);
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
