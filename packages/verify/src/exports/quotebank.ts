import type { Claim, StoredArticle } from '@quotecheck/shared/core';
import { z } from 'zod';
import { occurrenceConfidence } from './articles.js';
import { ExportReview } from './review.js';

/** Quotebank's speaker name for "no speaker". */
const NONE = 'None';

/** A probability as Quotebank's files write it: a string with four decimals ("0.8512"). */
const Proba = z.string().regex(/^(0|1)\.\d{4}$/);

/**
 * One `export --format quotebank` line: a claim in the fields of Quotebank's quotation-centric
 * files (Vaucher et al., WSDM 2021), so tools written for Quotebank read quotecheck's output,
 * plus quotecheck's `review`.
 */
export const QuotebankRecord = z.object({
  /** The claim id (Quotebank's own ids are "YYYY-MM-DD-nnnnnn"; ours are stable across exports). */
  quoteID: z.string().min(1),
  quotation: z.string(),
  /** The speaker's name, "None" when the claim has none. */
  speaker: z.string().min(1),
  /** Wikidata ids of the speaker: quotecheck does not link entities, so always null. */
  qids: z.null(),
  /** First seen, as Quotebank writes dates: "YYYY-MM-DD HH:MM:SS" (UTC); null when unknown. */
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
    .nullable(),
  numOccurrences: z.number().int().nonnegative(),
  /**
   * `[[speaker, p], ["None", 1 - p]]`, p the mean extraction confidence of the occurrences'
   * attributions; `[["None", "1.0000"]]` for a claim without a speaker; empty when no
   * occurrence's article is stored any more.
   */
  probas: z.array(z.tuple([z.string(), Proba])),
  /** The articles, first seen first, each once. */
  urls: z.array(z.string()),
  /** Quotebank's data-collection phase: not applicable, always null. */
  phase: z.null(),
  review: ExportReview,
});
export type QuotebankRecord = z.infer<typeof QuotebankRecord>;

/** JSON Schema (draft 2020-12) of one `--format quotebank` line. */
export function quotebankJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(QuotebankRecord, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

/** "2026-11-20T10:00:00.000Z" → "2026-11-20 10:00:00"; null for a missing or unreadable date. */
export function quotebankDate(iso: string | null): string | null {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(ms)) return null;
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** A claim as a Quotebank record; `articles` holds the stored articles of its occurrences. */
export function toQuotebank(c: Claim, review: ExportReview, articles: ReadonlyMap<string, StoredArticle>): QuotebankRecord {
  const confidences = c.occurrences
    .map((o) => occurrenceConfidence(articles.get(o.articleId), o))
    .filter((p): p is number => p !== null);
  let probas: [string, string][] = [];
  if (!c.speaker.name) probas = [[NONE, '1.0000']];
  else if (confidences.length) {
    const p = confidences.reduce((a, b) => a + b, 0) / confidences.length;
    probas = [
      [c.speaker.name, p.toFixed(4)],
      [NONE, (1 - p).toFixed(4)],
    ];
  }
  const firstSeen = [...c.occurrences].sort((a, b) => (a.published ?? '\uffff').localeCompare(b.published ?? '\uffff'));
  return {
    quoteID: c.id,
    quotation: c.canonical,
    speaker: c.speaker.name ?? NONE,
    qids: null,
    date: quotebankDate(c.firstSeen ?? firstSeen[0]?.published ?? null),
    numOccurrences: c.occurrences.length,
    probas,
    urls: [...new Set(firstSeen.map((o) => o.input))],
    phase: null,
    review,
  };
}
