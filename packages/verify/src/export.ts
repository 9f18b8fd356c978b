import { Claim, type ClaimStatus, type StoredArticle } from '@quotecheck/shared/core';
import { type Stringifier, stringify } from 'csv-stringify';
import { z } from 'zod';
import { type ClaimArchive, streamArchivedClaims } from './archive.js';
import { type ArticleLookup, CachedArticles } from './exports/articles.js';
import { type ClaimReviewOptions, ClaimReviewRecord, claimReviewJsonSchema, toClaimReview } from './exports/claimreview.js';
import { OCCURRENCE_COLUMNS, occurrenceCells, occurrencesJsonSchema } from './exports/occurrences.js';
import { QuotebankRecord, quotebankJsonSchema, toQuotebank } from './exports/quotebank.js';
import { ExportReview, type LatestDecisions, type ReviewedFilter, withReviews } from './exports/review.js';
import type { ClaimStore, PageCursor } from './store.js';

/**
 * The record `quotecheck export` writes per claim (JSONL): the stored claim as validated by the
 * shared schema, plus its latest reviewer decision (`review`, null when none).
 */
export const ExportedClaim = Claim.extend({ review: ExportReview });
export type ExportedClaim = z.infer<typeof ExportedClaim>;

/** JSON Schema (draft 2020-12) of one exported JSONL record, generated from the zod schema. */
export function exportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ExportedClaim, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

/**
 * Export formats: `jsonl` and `csv` (one record per claim), `claimreview` (schema.org
 * ClaimReview JSON-LD per reviewed claim), `quotebank` (Quotebank's quotation-centric fields),
 * `occurrences-csv` (one row per occurrence, with the text around it).
 */
export const ExportFormat = z.enum(['jsonl', 'csv', 'claimreview', 'quotebank', 'occurrences-csv']);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** Whether a format is CSV (rows of cells) rather than JSON lines. */
export function isCsvFormat(format: ExportFormat): boolean {
  return format === 'csv' || format === 'occurrences-csv';
}

/** JSON Schema (draft 2020-12) of one record (JSON line, or CSV row keyed by its header) of a format. */
export function exportSchema(format: ExportFormat): Record<string, unknown> {
  switch (format) {
    case 'jsonl':
      return exportJsonSchema();
    case 'csv':
      return csvJsonSchema();
    case 'claimreview':
      return claimReviewJsonSchema();
    case 'quotebank':
      return quotebankJsonSchema();
    case 'occurrences-csv':
      return occurrencesJsonSchema();
  }
}

/** What an export reads besides the claims. */
export interface ExportDeps {
  /** Reviewers' latest decisions. */
  decisions: LatestDecisions;
  /** Stored articles (quotebank's confidences, occurrences-csv's context). */
  articles: ArticleLookup;
}

/** How to write an export. */
export interface ExportOptions extends Partial<ClaimReviewOptions> {
  format: ExportFormat;
  /** Only claims whose latest decision is this. */
  reviewed?: ReviewedFilter;
}

/** Counts of an export run, updated as it goes. */
export interface ExportStats {
  /** Records (JSON lines or CSV rows) written. */
  written: number;
  /** Claims left out of a claimreview export because no reviewer has decided on them. */
  withoutDecision: number;
  /** Claims skipped because their record does not validate (a bug upstream, reported one by one). */
  invalid: number;
  /** Articles read from the store. */
  articleReads: number;
}

/**
 * The records of an export, in order: JSON lines (with their newline) or CSV cell arrays for
 * {@link csvStringifier}. Every record is validated against its format's schema; one that does
 * not is skipped and reported through `onInvalid` rather than written.
 */
export async function* exportRecords(
  claims: AsyncIterable<Claim>,
  deps: ExportDeps,
  options: ExportOptions,
  stats: ExportStats,
  onInvalid: (claimId: string, message: string) => void,
): AsyncGenerator<string | unknown[]> {
  const { format } = options;
  if (format === 'claimreview' && !options.org)
    throw new TypeError('a claimreview export needs the reviewing organisation (org)');
  const articles = new CachedArticles(deps.articles);
  const check = <T>(schema: z.ZodType<T>, id: string, value: unknown): T | null => {
    const ok = schema.safeParse(value);
    if (ok.success) return ok.data;
    stats.invalid++;
    onInvalid(id, ok.error.issues[0]?.message ?? 'invalid');
    return null;
  };
  for await (const { claim, review } of withReviews(claims, deps.decisions, options.reviewed)) {
    if (format === 'jsonl' || format === 'csv') {
      const rec = check(ExportedClaim, claim.id, { ...claim, review });
      if (!rec) continue;
      stats.written++;
      yield format === 'csv' ? csvCells(rec) : `${JSON.stringify(rec)}\n`;
    } else if (format === 'claimreview') {
      const cr = toClaimReview(claim, review, { org: options.org!, ...(options.urlBase ? { urlBase: options.urlBase } : {}) });
      if (!cr) {
        stats.withoutDecision++;
        continue;
      }
      const rec = check(ClaimReviewRecord, claim.id, cr);
      if (!rec) continue;
      stats.written++;
      yield `${JSON.stringify(rec)}\n`;
    } else {
      // Stored claims are checked before their articles are read.
      if (!check(Claim, claim.id, claim)) continue;
      // Claims stored before occurrences kept their confidence need their articles for it.
      const needed = format === 'occurrences-csv' || claim.occurrences.some((o) => o.confidence === undefined);
      const stored = needed ? await articles.of(claim.occurrences) : new Map<string, StoredArticle>();
      stats.articleReads = articles.reads;
      if (format === 'quotebank') {
        const rec = check(QuotebankRecord, claim.id, toQuotebank(claim, review, stored));
        if (!rec) continue;
        stats.written++;
        yield `${JSON.stringify(rec)}\n`;
      } else {
        for (const row of occurrenceCells(claim, review, stored)) {
          stats.written++;
          yield row;
        }
      }
    }
  }
}

/** Filters of an export. */
export interface ExportFilter {
  status?: ClaimStatus;
  speaker?: string;
  /** Claims updated at or after this time (ms). */
  sinceMs?: number;
}

/** Whether a claim passes the filters (speaker: case-insensitive substring of the claim's speaker name). */
export function matchesFilter(c: Claim, f: ExportFilter): boolean {
  if (f.status && c.status !== f.status) return false;
  if (f.speaker && !(c.speaker.name ?? '').toLowerCase().includes(f.speaker.toLowerCase())) return false;
  return true;
}

/**
 * Streams claims in pages (never one giant read), filtered: first the archived ones when an
 * archive is given (oldest archive file first, each claim's current copy only), then the store's
 * in update order. `onPage` reports progress (claims read so far).
 */
export async function* streamClaims(
  store: ClaimStore,
  filter: ExportFilter = {},
  pageSize = 500,
  onPage?: (read: number) => void,
  archive?: ClaimArchive,
): AsyncGenerator<Claim> {
  let cursor: PageCursor | null = null;
  let read = 0;
  if (archive) {
    for await (const c of streamArchivedClaims(store, archive, filter.sinceMs ?? 0)) {
      if (++read % pageSize === 0) onPage?.(read);
      if (Date.parse(c.updatedAt) >= (filter.sinceMs ?? 0) && matchesFilter(c, filter)) yield c;
    }
  }
  const seen = new Set<string>();
  do {
    const page = await store.page(cursor, pageSize, filter.sinceMs ?? 0);
    read += page.claims.length;
    onPage?.(read);
    for (const c of page.claims) {
      // A claim updated during the export can come round again; write it once.
      if (seen.has(c.id)) continue;
      seen.add(c.id);
      if (matchesFilter(c, filter)) yield c;
    }
    cursor = page.next;
  } while (cursor);
}

/** CSV columns: one row per claim; nested values (flags, speaker role, occurrences, evidence) are JSON-encoded. */
export const CSV_COLUMNS = [
  'id',
  'canonical',
  'speaker_name',
  'speaker_kind',
  'speaker_role',
  'status',
  'flags',
  'first_seen',
  'independent_sources',
  'occurrence_count',
  'updated_at',
  'occurrences',
  'evidence',
  'review',
] as const;

/**
 * JSON Schema (draft 2020-12) of one `--format csv` row read as an object keyed by the header:
 * every cell is text; flags, speaker role, occurrences, evidence and review are JSON (or empty).
 */
function csvJsonSchema(): Record<string, unknown> {
  const row = z.strictObject(Object.fromEntries(CSV_COLUMNS.map((c) => [c, z.string()])));
  return z.toJSONSchema(row, { target: 'draft-2020-12' }) as Record<string, unknown>;
}

/**
 * First characters that make a spreadsheet read a cell as a formula (OWASP CSV injection), with
 * their full-width forms that some spreadsheets also accept. Such cells are written with a
 * leading `'` (csv-stringify's `escape_formulas`) and always quoted, so `@SUM(1+1)` or
 * `+cmd|' /C calc'!A0` stay text.
 */
export const CSV_FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Options of a CSV export. */
export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so spreadsheets read the file as UTF-8. */
  bom?: boolean;
}

/**
 * A stream that turns the cell arrays of {@link csvCells} into CSV text: header line first,
 * RFC 4180 quoting, formula-like cells neutralised. Write cell arrays, read text.
 */
export function csvStringifier(options: CsvOptions = {}, columns: readonly string[] = CSV_COLUMNS): Stringifier {
  return stringify({
    header: true,
    // Rows are arrays: column i is cell i.
    columns: columns.map((header, i) => ({ key: String(i), header })),
    bom: options.bom === true,
    escape_formulas: true,
    // Matched against the cell before its `'` is added: every neutralised cell is quoted too.
    quoted_match: CSV_FORMULA_START,
  });
}

/** The CSV columns of a CSV format. */
export function csvColumns(format: ExportFormat): readonly string[] {
  return format === 'occurrences-csv' ? OCCURRENCE_COLUMNS : CSV_COLUMNS;
}

/** One claim as the cells of a CSV row, in {@link CSV_COLUMNS} order; nested values are JSON-encoded. */
export function csvCells(c: ExportedClaim): unknown[] {
  return [
    c.id,
    c.canonical,
    c.speaker.name,
    c.speaker.kind,
    c.speaker.role,
    c.status,
    c.flags,
    c.firstSeen,
    c.independentSources,
    c.occurrences.length,
    c.updatedAt,
    c.occurrences.map((o) => ({
      url: o.input,
      outlet: o.outlet,
      published: o.published,
      start: o.start,
      end: o.end,
      text: o.text,
      type: o.type,
      speaker: o.speaker,
      reportedBy: o.reportedBy,
      fidelity: o.fidelity,
      meaningChanged: o.meaningChanged,
    })),
    c.evidence,
    c.review,
  ].map((v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v));
}
