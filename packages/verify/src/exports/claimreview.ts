import type { Claim, ClaimStatus, Speaker } from '@quotecheck/shared/core';
import { z } from 'zod';
import type { ExportReview } from './review.js';

/** A schema.org Rating on quotecheck's 1-5 scale (5: the attribution holds). */
const Rating = z.object({
  '@type': z.literal('Rating'),
  ratingValue: z.number().int().min(1).max(5),
  bestRating: z.literal(5),
  worstRating: z.literal(1),
  alternateName: z.string().min(1),
});

/** A speaker or publisher as schema.org names it. */
const Agent = z.object({
  '@type': z.enum(['Person', 'Organization']),
  name: z.string().min(1),
  jobTitle: z.string().optional(),
});

/** One published appearance of the claim: the article, where and when. */
const Appearance = z.object({
  '@type': z.literal('NewsArticle'),
  url: z.string().min(1),
  datePublished: z.string().nullable(),
  publisher: z.object({ '@type': z.literal('Organization'), name: z.string().min(1) }),
});

/**
 * One `export --format claimreview` line: a schema.org ClaimReview (JSON-LD) of a claim a
 * reviewer decided on. `itemReviewed` is the Claim ("<speaker> said <words>"), its `author` the
 * speaker (absent when the speaker is anonymous or unknown) and its `appearance` the articles.
 */
export const ClaimReviewRecord = z.object({
  '@context': z.literal('https://schema.org'),
  '@type': z.literal('ClaimReview'),
  /** The claim id in the store, stable across exports. */
  identifier: z.string().min(1),
  /** The claim's page on the review desk, when `--url-base` is given. */
  url: z.string().optional(),
  claimReviewed: z.string().min(1),
  itemReviewed: z.object({
    '@type': z.literal('Claim'),
    author: Agent.optional(),
    datePublished: z.string().nullable(),
    appearance: z.array(Appearance).min(1),
    firstAppearance: Appearance,
  }),
  author: z.object({ '@type': z.literal('Organization'), name: z.string().min(1) }),
  /** When the reviewer decided. */
  datePublished: z.string().min(1),
  reviewRating: Rating,
  /** The rejection's reason or the confirmation's comment. */
  reviewBody: z.string().optional(),
});
export type ClaimReviewRecord = z.infer<typeof ClaimReviewRecord>;

/** JSON Schema (draft 2020-12) of one `--format claimreview` line. */
export function claimReviewJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ClaimReviewRecord, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

type Rated = Pick<z.infer<typeof Rating>, 'ratingValue' | 'alternateName'>;

/** The rating when the reviewer confirms quotecheck's verdict, per headline status. */
const CONFIRMED: Record<ClaimStatus, Rated> = {
  corroborated: { ratingValue: 5, alternateName: 'Accurate attribution' },
  single_source: { ratingValue: 4, alternateName: 'Accurate attribution, single source' },
  anonymous: { ratingValue: 3, alternateName: 'Unattributed: anonymous source' },
  second_hand: { ratingValue: 3, alternateName: 'Unverified: second-hand attribution' },
  contradicted: { ratingValue: 2, alternateName: 'Contradicted by the speaker' },
  // Said, then taken back, or said and rated false: the attribution itself holds.
  walked_back: { ratingValue: 4, alternateName: 'Accurate attribution, walked back by the speaker' },
  fact_checked_false: { ratingValue: 4, alternateName: 'Accurate attribution, rated false by a fact-checker' },
  denied: { ratingValue: 1, alternateName: 'Denied by the speaker' },
  conflicting_speaker: { ratingValue: 1, alternateName: 'Misattributed' },
};

/** Verdicts that say the attribution holds: rejecting one says it does not. */
const HOLDS: ReadonlySet<ClaimStatus> = new Set(['corroborated', 'single_source']);

/**
 * The rating of a reviewed claim. A decision is about quotecheck's verdict, and the ClaimReview
 * rates the attribution ("did the speaker say it?"), so both are needed:
 * - confirm: the verdict stands, and the rating is the verdict's ({@link CONFIRMED}).
 * - reject of a verdict that the attribution holds (corroborated, single source): it does not,
 *   1 "Misattributed".
 * - reject of a flag (denied, contradicted, conflicting speaker, second-hand, anonymous): the
 *   reviewer found the flag wrong, so the attribution stands, 5 "Accurate attribution".
 */
export function claimRating(status: ClaimStatus, action: 'confirm' | 'reject'): Rated {
  if (action === 'confirm') return CONFIRMED[status];
  return HOLDS.has(status)
    ? { ratingValue: 1, alternateName: 'Misattributed' }
    : { ratingValue: 5, alternateName: 'Accurate attribution' };
}

/** The schema.org agent of a speaker: people are a Person, every other named source an Organization. */
function speakerAgent(s: Speaker): z.infer<typeof Agent> | undefined {
  if (!s.name || s.kind === 'anonymous' || s.kind === 'unknown') return undefined;
  return { '@type': s.kind === 'person' ? 'Person' : 'Organization', name: s.name, ...(s.role ? { jobTitle: s.role } : {}) };
}

/** Options of a ClaimReview export. */
export interface ClaimReviewOptions {
  /** The reviewing organisation: the review's author. */
  org: string;
  /** Base URL of the review desk; the review's `url` is `<base>/claims/<id>`. */
  urlBase?: string;
}

/**
 * The ClaimReview of a claim, or null when no reviewer has decided on it (a ClaimReview without
 * a review would claim a fact-check nobody made).
 */
export function toClaimReview(c: Claim, review: ExportReview, options: ClaimReviewOptions): ClaimReviewRecord | null {
  if (!review) return null;
  const seen = new Set<string>();
  const appearance: z.infer<typeof Appearance>[] = [];
  // Earliest first; one appearance per article, whatever the number of wordings it printed.
  const byDate = [...c.occurrences].sort((a, b) => (a.published ?? '\uffff').localeCompare(b.published ?? '\uffff'));
  for (const o of byDate) {
    if (seen.has(o.input)) continue;
    seen.add(o.input);
    appearance.push({
      '@type': 'NewsArticle',
      url: o.input,
      datePublished: o.published,
      publisher: { '@type': 'Organization', name: o.outlet },
    });
  }
  if (!appearance.length) return null;
  const author = speakerAgent(c.speaker);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    identifier: c.id,
    ...(options.urlBase ? { url: `${options.urlBase.replace(/\/+$/, '')}/claims/${encodeURIComponent(c.id)}` } : {}),
    claimReviewed: c.canonical,
    itemReviewed: {
      '@type': 'Claim',
      ...(author ? { author } : {}),
      datePublished: c.firstSeen,
      appearance,
      firstAppearance: appearance[0]!,
    },
    author: { '@type': 'Organization', name: options.org },
    datePublished: review.at,
    reviewRating: { '@type': 'Rating', bestRating: 5, worstRating: 1, ...claimRating(c.status, review.action) },
    ...(review.text ? { reviewBody: review.text } : {}),
  };
}
