import type { Claim, ClaimStatus, Evidence, Occurrence, Speaker } from '@quotecheck/shared/core';
import { statementDisputeLink } from './disputes/link.js';
import { isContainedIn, segments, strongOverlap } from './match.js';
import { contentWords, GAP, normalizeQuote } from './normalize.js';
import { isSpokesperson, speaksForRole } from './offices.js';
import { distinctSpeakers, sameSpeaker, speakerKey, speakersConflict } from './speaker.js';
import { signatureSimilarity } from './text.js';
import type { Dispute } from './types.js';

/** Context signatures this similar mark two occurrences as copies of one story. */
const COPY_SIMILARITY = 0.75;
/** Evidence lines kept per flag, so one claim seen in thousands of articles stays readable. */
const MAX_EVIDENCE_PER_FLAG = 5;
/** A reporter who says they were told or assured something is giving an account of a conversation. */
const RECEPTION =
  /\b(?:(?:was|were|had been|has been|have been|being|been)\s+(?:\w+\s+)?(?:told|assured|informed|briefed|shown|promised)|learned from|heard from)\b/i;

/** The verdict of one claim: headline status, every flag that applies, and the evidence behind each. */
export interface Verdict {
  status: ClaimStatus;
  flags: ClaimStatus[];
  evidence: Evidence[];
  independentSources: number;
}

/**
 * Status precedence, stated here once (a status the schema adds without a rank here does not
 * compile): the headline status of a claim is its flag of lowest rank. The speaker's own acts on
 * the words come first — a denial of saying them, then a walk-back (they were said, then taken
 * back) — then evidence against them (the speaker's own words on record or a report that they
 * are false, then a fact-checker's rating, which is about the content, not the attribution); a
 * dispute outranks a wrong speaker, which outranks how the words reached us (second-hand,
 * anonymous), which outranks how many sources carry them.
 */
export const STATUS_RANK: Readonly<Record<ClaimStatus, number>> = {
  denied: 0,
  walked_back: 1,
  contradicted: 2,
  fact_checked_false: 3,
  conflicting_speaker: 4,
  second_hand: 5,
  anonymous: 6,
  single_source: 7,
  corroborated: 8,
};

/** Orders flags by {@link STATUS_RANK}, strongest first. */
export function byPrecedence(a: ClaimStatus, b: ClaimStatus): number {
  return STATUS_RANK[a] - STATUS_RANK[b];
}

/**
 * The verdict rules: each evidence line names the rule that produced it, and each rule raises
 * exactly one flag. Rule ids are part of the export format (`evidence[].rule`).
 */
export const RULES = {
  'reporting-chain': { flag: 'second_hand', when: 'an occurrence comes through someone who reports the speaker' },
  'anonymous-source': { flag: 'anonymous', when: 'no occurrence names the speaker' },
  'speaker-mismatch': {
    flag: 'conflicting_speaker',
    when: 'two articles name different people for a substantial near-identical passage',
  },
  'denial-of-reporter-account': { flag: 'denied', when: 'the speaker (or their office) calls a reporter’s account false' },
  'denial-names-quote': { flag: 'denied', when: 'the speaker (or their office) denies the quoted words' },
  'denial-of-account': { flag: 'denied', when: 'in the same article, the speaker denies “the account” of a second-hand claim' },
  'account-disputed': { flag: 'denied', when: 'the reporter’s own report of what they were told is called false' },
  'speaker-on-record': { flag: 'contradicted', when: 'the speaker’s own first-hand words are said against the account' },
  'denies-saying': {
    flag: 'denied',
    when: 'in any article, the speaker says they never said it (“I’ve never said…”, “denied saying…”)',
  },
  'walk-back': {
    flag: 'walked_back',
    when: 'in any article, the speaker or their side walks it back, retracts, clarifies what they meant, or calls it a joke or sarcasm',
  },
  'reported-false': {
    flag: 'contradicted',
    when: 'in any article, it is reported false or unsupported (“without evidence”, “wrongly claimed”, “isn’t true”), or the one it is about says otherwise in its own words (“We have never expressed interest …”)',
  },
  'fact-check-false': {
    flag: 'fact_checked_false',
    when: 'in any article, a fact-checker rates it false (PolitiFact, Pinocchios…)',
  },
  'independent-source': { flag: 'corroborated', when: 'two or more independent sources carry it, same speaker, meaning kept' },
  'sources-disagree': { flag: 'single_source', when: 'several sources, but not two faithful independent ones' },
  'one-source': { flag: 'single_source', when: 'one independent source' },
} as const satisfies Record<string, { flag: ClaimStatus; when: string }>;

/** The id of a verdict rule. */
export type RuleId = keyof typeof RULES;

/** An evidence line with the flag its rule raises. */
type FlagEvidence = Evidence & { flag: ClaimStatus };

function occEvidence(o: Occurrence, rule: RuleId, note?: string): FlagEvidence {
  return {
    rule,
    flag: RULES[rule].flag,
    input: o.input,
    start: o.start,
    end: o.end,
    sentence: o.sentence ?? o.text,
    ...(note ? { note } : {}),
  };
}

function disputeEvidence(d: Dispute, rule: RuleId, note: string): FlagEvidence {
  return {
    rule,
    flag: RULES[rule].flag,
    input: d.input,
    start: d.start,
    end: d.end,
    sentence: d.sentence,
    note,
    ...(d.by ? { by: d.by } : {}),
  };
}

/** The rule of each statement-dispute flag. */
const STATEMENT_RULE: Record<NonNullable<Dispute['flag']>, RuleId> = {
  denied: 'denies-saying',
  walked_back: 'walk-back',
  contradicted: 'reported-false',
  fact_checked_false: 'fact-check-false',
};

/**
 * Groups occurrences into independent sources: one outlet is one source, copies of one wire
 * story (same agency credit) are one source, and near-identical surrounding text is one source.
 */
export function independentGroups(occurrences: readonly Occurrence[]): Occurrence[][] {
  const parent = occurrences.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const byOutlet = new Map<string, number>();
  const byWire = new Map<string, number>();
  occurrences.forEach((o, i) => {
    const first = byOutlet.get(o.outlet);
    if (first === undefined) byOutlet.set(o.outlet, i);
    else union(first, i);
    if (o.wire) {
      const w = byWire.get(o.wire);
      if (w === undefined) byWire.set(o.wire, i);
      else union(w, i);
    }
  });
  for (let i = 0; i < occurrences.length; i++) {
    const ci = occurrences[i]!.context;
    if (!ci) continue;
    for (let j = i + 1; j < occurrences.length; j++) {
      const cj = occurrences[j]!.context;
      if (cj && find(i) !== find(j) && signatureSimilarity(ci, cj) >= COPY_SIMILARITY) union(i, j);
    }
  }
  const groups = new Map<number, Occurrence[]>();
  occurrences.forEach((o, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(o);
    else groups.set(r, [o]);
  });
  return [...groups.values()];
}

/**
 * Whether any two of these excerpts' speakers are in conflict, judged over the distinct speakers
 * (most claims name one person in every excerpt): the excerpt pairs are compared only then.
 */
function namesConflict(occ: readonly Occurrence[]): boolean {
  const speakers = distinctSpeakers(occ);
  for (let i = 0; i < speakers.length; i++)
    for (let j = i + 1; j < speakers.length; j++) if (speakersConflict(speakers[i]!, speakers[j]!)) return true;
  return false;
}

/** Roles the claimed speaker holds, as the articles give them. */
function rolesOf(claim: Claim): string[] {
  const roles = new Set<string>();
  if (claim.speaker.role) roles.add(claim.speaker.role);
  for (const o of claim.occurrences) if (o.speaker.role && sameSpeaker(o.speaker, claim.speaker)) roles.add(o.speaker.role);
  return [...roles];
}

/** Whether a dispute's speaker is the claimed speaker or speaks for them (their office, department, spokesperson). */
function speaksFor(d: Dispute, speaker: Speaker, roles: readonly string[], key: string | null): string | null {
  if (speaker.name && d.speaker.name && d.speaker.kind === 'person' && sameSpeaker(d.speaker, speaker)) return 'the speaker';
  for (const r of roles) if (speaksForRole(d.speakerText, r)) return `office of the ${r}`;
  if (key && isSpokesperson(d.speakerText) && d.speakerText.toLowerCase().includes(key.slice(2))) return 'a spokesperson';
  return null;
}

/**
 * Whether a denial names the claim's words: every ellipsis-separated segment of the quote occurs
 * in order in what the denial is aimed at (scattered shared words are not naming the quote). A
 * denial whose own words are the claim ("I never said that") is the claim itself, not a denial of it.
 */
function quoteNamedIn(claim: Claim, d: Dispute): boolean {
  const quote = normalizeQuote(claim.canonical).words;
  // Two common words ("the Democratic nomination") turn up in unrelated sentences.
  if (contentWords(quote).length < 3) return false;
  if (d.quote) {
    const own = normalizeQuote(d.quote).words;
    if (isContainedIn(own, quote) || isContainedIn(quote, own)) return false;
  }
  const target = normalizeQuote(d.target ?? d.sentence).words;
  return isContainedIn(quote, target) && !isDeniersLabel(quote, target);
}

/**
 * Whether a denial quotes the words as its own label for what it denies: "what Trump dismissed
 * as “locker-room talk”", "rejected the report as “fake news”". Those are the denier's words,
 * not the statement denied.
 */
function isDeniersLabel(quote: readonly string[], target: readonly string[]): boolean {
  const first = segments(quote)[0];
  if (!first) return false;
  return ` ${target.filter((w) => w !== GAP).join(' ')} `.includes(` as ${first.join(' ')} `);
}

function isOwnSentence(claim: Claim, d: Dispute): boolean {
  // A statement dispute may sit in the sentence of the words it disputes ("She said, without
  // evidence, that “…”"): only the claim's own words holding its cue are excluded (statementDisputeLink).
  if (d.kind === 'statement') return false;
  return claim.occurrences.some(
    (o) =>
      (o.articleId === d.articleId && o.start >= d.start && o.end <= d.end) ||
      (d.content && o.articleId === d.articleId && o.start >= d.content.start && o.end <= d.content.end),
  );
}

function push(map: Map<ClaimStatus, Evidence[]>, e: FlagEvidence): void {
  const flag = e.flag;
  const list = map.get(flag) ?? [];
  if (list.length < MAX_EVIDENCE_PER_FLAG && !list.some((x) => x.input === e.input && x.start === e.start && x.rule === e.rule))
    list.push(e);
  map.set(flag, list);
}

/**
 * Computes a claim's verdict from its occurrences and the dispute records that may concern it.
 *
 * - `denied`: the speaker, or someone speaking for them, calls the account false — targeting a
 *   reporter of the claim, the claim's own words, or (in the same article) "the account" of a
 *   second-hand claim; also a reporter's own report of what they were told, when their account is
 *   the one called false.
 * - `denied` (also): in any article, the speaker says they never said it ({@link statementDisputeLink}).
 * - `walked_back`: in any article, the speaker or their side walks it back, retracts it,
 *   clarifies what they meant, or calls it a joke or sarcasm.
 * - `contradicted`: the speaker's own first-hand words, said against the account ("insisting…");
 *   or, in any article, a report that it is false or unsupported ("without evidence").
 * - `fact_checked_false`: in any article, a fact-checker rates it false.
 * - `conflicting_speaker`: occurrences name different speakers.
 * - `second_hand`: some occurrence comes through a reporting chain.
 * - `anonymous`: no occurrence names the speaker.
 * - `corroborated` / `single_source`: two or more independent sources with the same speaker and
 *   wording that keeps its meaning, or not.
 */
export function evaluateClaim(claim: Claim, disputes: readonly Dispute[]): Verdict {
  const ev = new Map<ClaimStatus, Evidence[]>();
  const occ = claim.occurrences;
  const speaker = claim.speaker;
  const key = speakerKey(speaker);
  const roles = rolesOf(claim);
  const articles = new Set(occ.map((o) => o.articleId));
  const reporters = occ.flatMap((o) => (o.reportedBy ? [o.reportedBy] : []));
  const reporterKeys = new Set(reporters.map((r) => speakerKey(r)).filter((k): k is string => !!k));
  const secondHand = reporters.length > 0;

  // second_hand
  for (const o of occ)
    if (o.reportedBy) push(ev, occEvidence(o, 'reporting-chain', `reported by ${o.reportedBy.name ?? 'an unnamed source'}`));

  // anonymous
  if (occ.length && occ.every((o) => o.speaker.kind === 'anonymous'))
    for (const o of occ) push(ev, occEvidence(o, 'anonymous-source'));

  // conflicting_speaker
  const named = occ.filter((o) => o.speaker.name && o.speaker.kind !== 'unknown' && o.speaker.kind !== 'anonymous');
  const clash = namesConflict(named);
  for (let i = 0; clash && i < named.length; i++) {
    for (let j = i + 1; j < named.length; j++) {
      const a = named[i]!;
      const b = named[j]!;
      // Only a substantial near-identical passage ties two people to one statement: sharing a
      // stock phrase through a third excerpt is no conflict.
      if (
        a.articleId !== b.articleId &&
        speakersConflict(a.speaker, b.speaker) &&
        strongOverlap(normalizeQuote(a.text).words, normalizeQuote(b.text).words)
      ) {
        push(ev, occEvidence(a, 'speaker-mismatch', `attributed to ${a.speaker.name}`));
        push(ev, occEvidence(b, 'speaker-mismatch', `attributed to ${b.speaker.name}`));
      }
    }
  }

  for (const d of disputes) {
    if (isOwnSentence(claim, d)) continue;
    if (d.kind === 'denial') {
      const who = speaksFor(d, speaker, roles, key);
      if (who) {
        // The reporter's account is the object: "Doe's account", or the reporter named beside "the account".
        const reporterNamed =
          secondHand && [...reporterKeys].some((k) => d.accountOf.includes(k) || (d.generic && d.mentions.includes(k)));
        const wordsNamed = quoteNamedIn(claim, d);
        const accountHere =
          secondHand &&
          articles.has(d.articleId) &&
          (d.generic || d.accountOf.length > 0) &&
          ((key !== null && d.mentions.includes(key)) || who === 'the speaker');
        if (reporterNamed || wordsNamed || accountHere) {
          const rule: RuleId = reporterNamed
            ? 'denial-of-reporter-account'
            : wordsNamed
              ? 'denial-names-quote'
              : 'denial-of-account';
          push(ev, disputeEvidence(d, rule, `“${d.cue}” by ${who}${d.speaker.name ? ` (${d.speaker.name})` : ''}`));
          continue;
        }
      }
      // The reporter's own account of what they were told, called false.
      if (key && d.accountOf.includes(key) && articles.has(d.articleId)) {
        const told = occ.find((o) => o.articleId === d.articleId && o.sentence && RECEPTION.test(o.sentence));
        if (told)
          push(ev, disputeEvidence(d, 'account-disputed', `${speaker.name ?? 'the speaker'}’s account called “${d.cue}”`));
      }
    } else if (d.kind === 'statement' && d.flag) {
      const how = statementDisputeLink(claim, d);
      if (how) push(ev, disputeEvidence(d, STATEMENT_RULE[d.flag], `“${d.cue}” by ${d.by ?? 'someone'} (${how})`));
    } else if (d.kind === 'contrast' && !d.secondHand && speaker.name && sameSpeaker(d.speaker, speaker)) {
      // Against a second-hand account, the speaker's own words in the same coverage are the
      // contradiction; against their own first-hand words, only a denial that names them is.
      const related = secondHand
        ? articles.has(d.articleId) || [...reporterKeys].some((k) => d.mentions.includes(k)) || quoteNamedIn(claim, d)
        : quoteNamedIn(claim, d) && DENIAL_IN.test(d.sentence);
      if (related)
        push(ev, disputeEvidence(d, 'speaker-on-record', `${speaker.name} on record (“${d.cue}”): ${d.quote ?? d.sentence}`));
    }
  }

  const groups = independentGroups(occ);
  const faithful = groups.filter((g) => g.some((o) => !o.meaningChanged));
  const conflicting = ev.has('conflicting_speaker');
  if (groups.length >= 2 && faithful.length >= 2 && !conflicting) {
    for (const g of faithful) push(ev, occEvidence(g[0]!, 'independent-source', `${g.length} article(s) from ${g[0]!.outlet}`));
  } else if (occ[0]) {
    push(ev, occEvidence(occ[0], groups.length >= 2 ? 'sources-disagree' : 'one-source'));
  }

  const flags = [...ev.keys()].sort(byPrecedence);
  const status = flags[0] ?? 'single_source';
  const evidence = flags.flatMap((f) => ev.get(f) ?? []);
  return { status, flags, evidence, independentSources: groups.length };
}

const DENIAL_IN = /\b(?:denied|denies|rejected|disputed|refuted|false|untrue|never said)\b/i;
