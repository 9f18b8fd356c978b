import type { Claim, StoredArticle } from '@quotecheck/shared/core';
import { z } from 'zod';
import { occurrenceContext } from './articles.js';
import type { ExportReview } from './review.js';

/**
 * `--format occurrences-csv` columns: one row per occurrence, i.e. per article that printed the
 * claim (a claim printed by 5 outlets is 5 rows with the same `claim_id`).
 */
export const OCCURRENCE_COLUMNS = [
  'claim_id',
  'claim_status',
  'quote',
  'speaker',
  'outlet',
  'date',
  'url',
  'type',
  'fidelity',
  'sentence',
  'left_context',
  'right_context',
  'review',
] as const;

/** What each column holds, for the JSON Schema and docs/exports.md. */
const DESCRIPTIONS: Record<(typeof OCCURRENCE_COLUMNS)[number], string> = {
  claim_id: 'the claim this occurrence belongs to (the `id` of the JSONL export)',
  claim_status: "the claim's headline status",
  quote: 'the quotation as this article printed it',
  speaker: 'the speaker this article names (empty when none)',
  outlet: 'the outlet (the host name, or the name given to `submit --outlet`)',
  date: 'when the article was published (ISO), empty when unknown',
  url: "the article's canonical URL",
  type: 'direct, mixed or indirect',
  fidelity: 'how the wording compares with the canonical quote (exact, truncated, omission, ...)',
  sentence: 'the sentence(s) holding the quotation',
  left_context: 'up to 200 characters of the paragraph before the quotation (empty when the article is no longer stored)',
  right_context: 'up to 200 characters of the paragraph after the quotation',
  review: "the claim's latest reviewer decision as JSON ({action, reviewer, at, text}), empty when none",
};

/**
 * JSON Schema (draft 2020-12) of one occurrences-csv row read as an object keyed by the header
 * (as `csv-parse` with `columns: true` or `sqlite-utils insert --csv` read it): every cell is text.
 */
export const OccurrenceRow = z.object(
  Object.fromEntries(OCCURRENCE_COLUMNS.map((c) => [c, z.string().describe(DESCRIPTIONS[c])])) as Record<
    (typeof OCCURRENCE_COLUMNS)[number],
    z.ZodString
  >,
);

/** JSON Schema (draft 2020-12) of one `--format occurrences-csv` row. */
export function occurrencesJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(OccurrenceRow.strict(), { target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** The rows of a claim's occurrences, cells in {@link OCCURRENCE_COLUMNS} order. */
export function occurrenceCells(c: Claim, review: ExportReview, articles: ReadonlyMap<string, StoredArticle>): unknown[][] {
  const reviewCell = review ? JSON.stringify(review) : '';
  return c.occurrences.map((o) => {
    const ctx = occurrenceContext(articles.get(o.articleId), o);
    return [
      c.id,
      c.status,
      o.text,
      o.speaker.name ?? '',
      o.outlet,
      o.published ?? '',
      o.input,
      o.type,
      o.fidelity,
      o.sentence ?? '',
      ctx?.left ?? '',
      ctx?.right ?? '',
      reviewCell,
    ];
  });
}
