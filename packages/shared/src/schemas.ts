import { z } from 'zod';

/** A character span into a text, UTF-16 code units, `[start, end)` like `String.prototype.slice`. */
export const Span = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});
export type Span = z.infer<typeof Span>;

export const SpeakerKind = z.enum(['person', 'organization', 'group', 'document', 'anonymous', 'unknown']);
export type SpeakerKind = z.infer<typeof SpeakerKind>;

/** Who a source mention resolves to within one article. */
export const Speaker = z.object({
  name: z.string().nullable(),
  kind: SpeakerKind,
  role: z.string().optional(),
});
export type Speaker = z.infer<typeof Speaker>;

export const AttributionType = z.enum(['direct', 'mixed', 'indirect']);
export type AttributionType = z.infer<typeof AttributionType>;

/**
 * One attribution found in one article: the contract of `quotecheck extract --json`
 * (the fields the shared scorer reads, plus `reportedBy` for reporting chains).
 */
export const Attribution = z.object({
  type: AttributionType,
  content: Span,
  cue: Span.nullable(),
  source: Span.nullable(),
  speaker: Speaker,
  /** Set when the speaker's words reach us through someone else ("senators said Rubio told them"). */
  reportedBy: Speaker.extend({ source: Span.nullable().optional() }).optional(),
  /** Index of the paragraph the content starts in. */
  paragraph: z.number().int().nonnegative().optional(),
  /** Extraction confidence in [0, 1]; precision-first consumers filter on it. */
  confidence: z.number().min(0).max(1).optional(),
  /**
   * Shared by the records of one utterance: the parts of a quotation interrupted by its reporting
   * clause ("“A,” he said, “B.”") and the paragraphs of a quotation running over several.
   */
  group: z.string().optional(),
});
export type Attribution = z.infer<typeof Attribution>;

/** Clean article text, as `quotecheck article --json` prints it. Attribution offsets index `text`. */
export const Article = z.object({
  url: z.string().nullable(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  published: z.string().nullable(),
  language: z.string().nullable(),
  /** Paragraphs in order; `text` is them joined with "\n". */
  paragraphs: z.array(z.string()),
  text: z.string(),
});
export type Article = z.infer<typeof Article>;

/** An article as stored: the extracted article plus where and when it came from. */
export const StoredArticle = Article.extend({
  id: z.string(),
  canonicalUrl: z.string(),
  feedId: z.string().nullable(),
  outlet: z.string(),
  fetchedAt: z.string(),
  attributions: z.array(Attribution),
});
export type StoredArticle = z.infer<typeof StoredArticle>;

// ---------- size caps ----------
//
// Every string that goes into a job payload (and so into Redis, once per retry, and into every
// log line that names it) has a cap: a feed is written by a stranger, and one 9 MB item title
// once became a 12.6 MB fetch job. Producers truncate text with {@link clampText} or refuse an
// over-long URL with a reason; the job schemas check the same caps, so a payload that got past
// a producer fails validation instead of travelling on.

/**
 * Longest URL fetched or enqueued, in UTF-16 code units. The corpus feeds' longest article link
 * is 455 characters; 2,048 is the sitemap protocol's cap and what old browsers and many CDNs
 * accept, so a longer link is junk or an attack, and is skipped with reason `url-too-long`.
 */
export const MAX_URL_CHARS = 2048;
/**
 * Longest item title kept. The corpus feeds' longest title is about 280 characters (headlines
 * are written for one line); 1,000 keeps any real headline whole and truncates the rest.
 */
export const MAX_TITLE_CHARS = 1000;
/**
 * Longest date string kept (`published`, `fetchedAt`). ISO 8601 is 24 characters and an
 * RFC 822 date with a zone name about 40; a raw unparsed date longer than 64 is not a date.
 */
export const MAX_DATE_CHARS = 64;
/** Longest id or key kept (`feedId`, `articleId`, `rawKey`): ours are under 100 characters. */
export const MAX_ID_CHARS = 256;
/**
 * Longest `Content-Type` kept: a media type with a charset is under 60 characters; the header
 * is written by the site, so it is capped like any other text.
 */
export const MAX_CONTENT_TYPE_CHARS = 256;

/**
 * `text` cut to at most `max` UTF-16 code units, ending in "…" when cut (never in half a
 * surrogate pair); `null`/`undefined` pass through. Used wherever outside text enters a job.
 */
export function clampText<T extends string | null | undefined>(text: T, max: number): T {
  if (typeof text !== 'string' || text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // do not keep a lone high surrogate
  return `${text.slice(0, end)}…` as T;
}

const Url = z.string().max(MAX_URL_CHARS).url();
const Id = z.string().max(MAX_ID_CHARS);
const DateText = z.string().max(MAX_DATE_CHARS);

const Duration = z.string().regex(/^\d+(ms|s|m|h|d)$/, 'a duration such as 90s, 5m, 1h or 2d');

export const Feed = z.object({
  id: z.string().min(1),
  url: z.url({ protocol: /^https?$/ }),
  /** Poll interval in milliseconds. */
  everyMs: z.number().int().min(1000),
  addedAt: z.string(),
});
export type Feed = z.infer<typeof Feed>;

/** A feed item as recorded (skipped items) or handed on: every text field capped. */
export const FeedItem = z.object({
  feedId: Id,
  guid: z.string().max(MAX_URL_CHARS).nullable(),
  link: z.string().max(MAX_URL_CHARS).nullable(),
  canonicalUrl: z.string().max(MAX_URL_CHARS).nullable(),
  title: z.string().max(MAX_TITLE_CHARS).nullable(),
  published: DateText.nullable(),
});
export type FeedItem = z.infer<typeof FeedItem>;

export const SkipReason = z.enum(['no-link', 'non-article', 'unsafe-url', 'already-seen', 'bad-scheme', 'url-too-long']);
export type SkipReason = z.infer<typeof SkipReason>;

// ---------- job payloads ----------

export const PollJob = z.object({ feedId: Id.min(1) });
export type PollJob = z.infer<typeof PollJob>;

/** Every text field is capped: see {@link MAX_URL_CHARS}, {@link MAX_TITLE_CHARS}, {@link MAX_DATE_CHARS}. */
export const FetchJob = z.object({
  url: Url,
  canonicalUrl: Url,
  feedId: Id.nullable(),
  title: z.string().max(MAX_TITLE_CHARS).nullable().optional(),
  published: DateText.nullable().optional(),
  /** The outlet named by hand (`quotecheck submit --outlet`); by default the URL's host. */
  outlet: Id.optional(),
});
export type FetchJob = z.infer<typeof FetchJob>;

/** The fetched page travels by reference: the raw HTML is in Redis (compressed) under `rawKey`. */
export const ExtractJob = z.object({
  url: Url,
  canonicalUrl: Url,
  feedId: Id.nullable(),
  rawKey: Id,
  fetchedAt: DateText,
  contentType: z.string().max(MAX_CONTENT_TYPE_CHARS).nullable().optional(),
  published: DateText.nullable().optional(),
  /** The outlet named by hand (`quotecheck submit --outlet`); by default the URL's host. */
  outlet: Id.optional(),
});
export type ExtractJob = z.infer<typeof ExtractJob>;

export const VerifyJob = z.object({ articleId: Id.min(1) });
export type VerifyJob = z.infer<typeof VerifyJob>;

// ---------- verification records ----------

/**
 * A claim's headline status and flags, in precedence order (strongest first): the speaker denies
 * saying it, the speaker (or their side) walked it back, their own words contradict it or a report
 * calls it false, a fact-checker rated it false; then how the attribution reached us.
 */
export const ClaimStatus = z.enum([
  'denied',
  'walked_back',
  'contradicted',
  'fact_checked_false',
  'conflicting_speaker',
  'second_hand',
  'anonymous',
  'single_source',
  'corroborated',
]);
export type ClaimStatus = z.infer<typeof ClaimStatus>;
/** Headline precedence, strongest first. */
export const STATUS_PRECEDENCE: readonly ClaimStatus[] = ClaimStatus.options;

export const Fidelity = z.enum(['exact', 'truncated', 'omission', 'insertion', 'substitution', 'paraphrase']);
export type Fidelity = z.infer<typeof Fidelity>;

export const Evidence = z.object({
  rule: z.string(),
  flag: ClaimStatus.optional(),
  input: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  sentence: z.string(),
  note: z.string().optional(),
  /** Dispute evidence: who disputes (the speaker, their campaign, a fact-checker, a named person, the reporting outlet). */
  by: z.string().optional(),
});
export type Evidence = z.infer<typeof Evidence>;

export const Occurrence = z.object({
  articleId: z.string(),
  input: z.string(),
  outlet: z.string(),
  published: z.string().nullable(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  type: AttributionType,
  speaker: Speaker,
  reportedBy: Speaker.optional(),
  /** Extraction confidence of the attribution this occurrence came from, in [0, 1]. */
  confidence: z.number().min(0).max(1).optional(),
  fidelity: Fidelity,
  meaningChanged: z.boolean(),
  /** The sentence(s) holding the occurrence: the evidence line. */
  sentence: z.string().optional(),
  /** News agency the article credits as its source (wire copy), if any. */
  wire: z.string().nullable().optional(),
  /** MinHash signature of the surrounding paragraphs: near-identical copies count as one source. */
  context: z.string().optional(),
  /**
   * Where this excerpt sits in the claim's canonical statement: word offsets `[start, end)` into
   * the canonical's words (normalised, ellipses left out). Absent when no anchor aligns them (a
   * paraphrase) and on records stored before claims were statements.
   */
  align: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).optional(),
});
export type Occurrence = z.infer<typeof Occurrence>;

export const Claim = z.object({
  id: z.string(),
  canonical: z.string(),
  speaker: Speaker,
  status: ClaimStatus,
  flags: z.array(ClaimStatus),
  firstSeen: z.string().nullable(),
  independentSources: z.number().int().nonnegative(),
  occurrences: z.array(Occurrence),
  evidence: z.array(Evidence),
  updatedAt: z.string(),
  /**
   * Ids of claims merged into this one (an excerpt showed they were one statement); they resolve to
   * this id. Reviewers' decisions filed under them still count for this claim.
   */
  mergedFrom: z.array(z.string()).optional(),
});
export type Claim = z.infer<typeof Claim>;

export { Duration };
