import type { AttributionType, Speaker } from '@quotecheck/shared/core';

/**
 * What kind of statement a dispute record holds: a denial of an account, the speaker's own words
 * said in contrast, or a dispute of a statement (walk-back, denial of saying, refutation,
 * fact-check rating) that may be in any article.
 */
export type DisputeKind = 'denial' | 'contrast' | 'statement';

/** The flag a statement dispute raises on the claim it is about. */
export type StatementDisputeFlag = 'walked_back' | 'denied' | 'contradicted' | 'fact_checked_false';

/**
 * A sentence that may dispute claims: a denial ("a State Department spokesperson said Rounds's
 * account … was 'blatantly false'") or a speaker's own on-record words said in contrast
 * ("Rubio denied the assertions, insisting that the plan was 'authored by the US'").
 */
export interface Dispute {
  /** `articleId:start:end` of the sentence (plus the kind): stable across re-runs. */
  id: string;
  kind: DisputeKind;
  articleId: string;
  input: string;
  start: number;
  end: number;
  sentence: string;
  /** Who denies, or who said the contrasting words. */
  speaker: Speaker;
  /** Name, role and mention of the speaker as written, for office rules ("US Department of State spokesperson"). */
  speakerText: string;
  /** The speaker's words were reported by someone else (a contrast only counts first-hand). */
  secondHand: boolean;
  /** Person keys mentioned in the sentence. */
  mentions: string[];
  /** Person keys whose account is denied ("Rounds's account"). */
  accountOf: string[];
  /** Targets an account without naming its words ("denied the assertions", "the account was false"). */
  generic: boolean;
  /** Content words of the sentence. */
  words: string[];
  /** What the denial is aimed at: the text after a denial verb, or the subject of "… was false" (older records lack it). */
  target?: string;
  /** The cue that fired ("blatantly false", "denied", "insisting"). */
  cue: string;
  /** Span of the attribution's content when the record comes from one, to avoid self-disputes. */
  content?: { start: number; end: number };
  /** The attribution's words, when the record comes from one. */
  quote?: string;
  /** Statement disputes: the flag they raise. */
  flag?: StatementDisputeFlag;
  /** Statement disputes: article offset of the cue (a claim whose own words hold it is not disputed by it). */
  cueAt?: number;
  /** Statement disputes: person keys of whose statement is disputed. */
  about?: string[];
  /** Statement disputes pointing back ("the comments", "those statements"): the span of the statement they point at. */
  antecedent?: { start: number; end: number };
  /** Statement disputes: topic words (stemmed, names left out) to tie them to a claim on that topic. */
  topic?: string[];
  /** Statement disputes: who disputes ("PolitiFact", "the speaker’s campaign", a named person, the reporting outlet). */
  by?: string;
}

/** One quotation of one article, ready to be clustered. */
export interface QuoteItem {
  articleId: string;
  input: string;
  outlet: string;
  published: string | null;
  start: number;
  end: number;
  text: string;
  type: AttributionType;
  speaker: Speaker;
  reportedBy?: Speaker;
  /** Extraction confidence of the attribution the quote came from. */
  confidence?: number;
  /** The reporting verb of its attribution ("said", "added"), when it has one. */
  cue?: string;
  sentence: string;
  wire: string | null;
  context: string;
  /** Normalised words (with gap tokens). */
  words: readonly string[];
  raw: readonly string[];
  norm: string;
}
