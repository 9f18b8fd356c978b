export {
  ArchiveError,
  archiveFileTime,
  ClaimArchive,
  DEFAULT_IDLE_MS,
  SWEEP_BATCH,
  type SweepOptions,
  type SweepResult,
  streamArchivedClaims,
  sweepIdleClaims,
} from './archive.js';
export { articleInput } from './article-input.js';
export { type ClaimIndexEntries, claimIndexEntries } from './claim-index.js';
export { ClaimKeyspace, type PlacedKey } from './claim-keys.js';
export {
  type ClaimListPage,
  type ClaimQuery,
  compareWordings,
  listClaims,
  matchesQuery,
  resolveClaim,
  type WordingPart,
} from './claim-query.js';
export {
  Decision,
  type DecisionLog,
  MAX_DECISION_TEXT_CHARS,
  MAX_REVIEWER_CHARS,
  MemoryDecisionLog,
  RedisDecisionLog,
  ReviewAction,
  type ReviewState,
  reviewState,
} from './decisions.js';
export { type DisputeContext, type DisputeSource, findDisputes, type KnownPerson } from './disputes.js';
export {
  CSV_COLUMNS,
  CSV_FORMULA_START,
  type CsvOptions,
  csvCells,
  csvColumns,
  csvStringifier,
  type ExportDeps,
  ExportedClaim,
  type ExportFilter,
  ExportFormat,
  type ExportOptions,
  type ExportStats,
  exportJsonSchema,
  exportRecords,
  exportSchema,
  isCsvFormat,
  matchesFilter,
  streamClaims,
} from './export.js';
export { CONTEXT_CHARS, occurrenceConfidence, occurrenceContext } from './exports/articles.js';
export { ClaimReviewRecord, claimRating, toClaimReview } from './exports/claimreview.js';
export { OCCURRENCE_COLUMNS } from './exports/occurrences.js';
export { QuotebankRecord, quotebankDate, toQuotebank } from './exports/quotebank.js';
export { ExportReview, ReviewedFilter } from './exports/review.js';
export { compareWording, type FidelityResult } from './fidelity.js';
export { flaggedFields, flagState, isFlagged, logFlagged } from './flag-log.js';
export { isContainedIn, longestCommonRun, type MatchKind, matchQuotes, wordDistance } from './match.js';
export { MemoryClaimStore } from './memory-store.js';
export { hashKey, type NormalizedQuote, normalizeQuote } from './normalize.js';
export { speaksForRole } from './offices.js';
export { type ArticleInput, type PreparedArticle, prepareArticle, resolveSpeakers } from './prepare.js';
export { quoteKeys, SPEAKER_WORD_RECENT } from './quote-keys.js';
export {
  ClaimConflictError,
  ClaimLayoutError,
  RedisClaimStore,
  type RedisClaimStoreOptions,
  SKETCH_DEPTH,
  SKETCH_WIDTH,
  sketchCells,
} from './redis-store.js';
export {
  FlagGroups,
  type FlaggedClaim,
  flaggedFromStore,
  formatFlagged,
  matchesReview,
  parseFlaggedLine,
  type ReviewFilter,
} from './review.js';
export { foldName, sameSpeaker, speakerKey, speakersConflict } from './speaker.js';
export type { ClaimPage, ClaimStore, ClaimTx, ClaimWrites, PageCursor } from './store.js';
export { emptyWrites } from './store.js';
export { contextSignature, SentenceIndex, signatureSimilarity, splitSentences, wireCredit } from './text.js';
export type { Dispute, QuoteItem } from './types.js';
export { evaluateClaim, independentGroups, type Verdict } from './verdict.js';
export { representativeSpeaker, Verifier, type VerifierOptions, type VerifyResult } from './verifier.js';
