/**
 * Punctuation classes the frame patterns and region assignment work with: dashes, marks that end
 * a comma-delimited stretch, and the marks trimmed from the ends of a content region.
 * To add a mark: one entry in the set whose comment fits.
 */

/** Marks that end a stretch a scan may cross. */
export const STRETCH_BREAK = new Set(['.', ';', '!', '?', '\n', ':']);
/** Dash tokens ("“…” – X", "X — a teacher — says"). */
export const DASHES = new Set(['—', '–', '-', '--', '―']);
/** Marks trimmed from the start of a content region. */
export const TRIM_LEAD = new Set([',', ':', ';', '—', '–', '-', '(', "'", '’', '`', '"']);
/** Marks trimmed from the end of a content region. */
export const TRIM_TAIL = new Set([',', ':', ';', '—', '–', '-', '.', '\n', '(', "'", '’', '`', '"', '”']);
