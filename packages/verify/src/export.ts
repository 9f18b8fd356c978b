import { Claim, type ClaimStatus } from '@quotecheck/shared';
import { type Stringifier, stringify } from 'csv-stringify';
import { z } from 'zod';
import type { ClaimStore, PageCursor } from './store.js';

/** The record `quotecheck export` writes per claim (JSONL): the stored claim as validated by the shared schema. */
export const ExportedClaim = Claim;

/** JSON Schema (draft 2020-12) of one exported JSONL record, generated from the zod schema. */
export function exportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ExportedClaim, { target: 'draft-2020-12' }) as Record<string, unknown>;
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
 * Streams claims from the store in pages (never one giant read), filtered. `onPage` reports
 * progress (claims read so far).
 */
export async function* streamClaims(
  store: ClaimStore,
  filter: ExportFilter = {},
  pageSize = 500,
  onPage?: (read: number) => void,
): AsyncGenerator<Claim> {
  let cursor: PageCursor | null = null;
  let read = 0;
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
] as const;

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
export function csvStringifier(options: CsvOptions = {}): Stringifier {
  return stringify({
    header: true,
    // Rows are arrays: column i is cell i.
    columns: CSV_COLUMNS.map((header, i) => ({ key: String(i), header })),
    bom: options.bom === true,
    escape_formulas: true,
    // Matched against the cell before its `'` is added: every neutralised cell is quoted too.
    quoted_match: CSV_FORMULA_START,
  });
}

/** One claim as the cells of a CSV row, in {@link CSV_COLUMNS} order; nested values are JSON-encoded. */
export function csvCells(c: Claim): unknown[] {
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
  ].map((v) => (v !== null && typeof v === 'object' ? JSON.stringify(v) : v));
}
