import { type Claim, type Occurrence, type Speaker, stableId } from '@quotecheck/shared/core';
import { type Alignment, alignWords, canonicalOf } from './align.js';
import { compareWording } from './fidelity.js';
import {
  GRAM_WORDS,
  isContainedIn,
  isCutWithOneFunctionWord,
  type MatchKind,
  MIN_FREE_WORDS,
  matchQuotes,
  paraphrasedSides,
  plainLength,
  segments,
  sharedGrams,
  strongOverlap,
  wordGrams,
} from './match.js';
import { contentWords, GAP, hashKey, isNegation, normalizeQuote } from './normalize.js';
import { type ArticleInput, prepareArticle } from './prepare.js';
import { claimRecord, copyClaim, occurrenceRecord, speakerRecord } from './records.js';
import { distinctSpeakers, fullerName, nameTokens, personKey, sameSpeaker, speakerKey, speakersConflict } from './speaker.js';
import { type ClaimStore, type ClaimTx, type ClaimWrites, emptyWrites } from './store.js';
import { splitSentences, wholeWord } from './text.js';
import { sentenceTopic, shareTopic, TOPIC_FREE_WORDS } from './topic.js';
import type { Dispute, QuoteItem } from './types.js';
import { evaluateClaim } from './verdict.js';

/** Word n-gram size of the candidate index. */
export const GRAM = GRAM_WORDS;
/**
 * A stored quote posts only the 4-grams at every STRIDE-th position (plus the last one of each
 * segment); a new quote looks up all of its own. Any shared run of RUN_WORDS (8) words spans
 * five consecutive positions of the stored quote, so it holds a posted one when STRIDE <= 5; one
 * substituted word kills four consecutive positions, so a quote of 8+ words keeps a posted gram.
 * Quotes of fewer than GRAM + STRIDE - 1 words may sit between posted positions of a longer
 * quote they are cut from: for those the speaker's claims holding all their content words are
 * candidates too ({@link holdingAll}).
 */
export const STRIDE = 4;
/** Below this many words a quote may fall between the posted grams of a quote containing it. */
const SPARSE_WORDS = GRAM + STRIDE - 1;

/**
 * A word 4-gram is rare when at most this many earlier articles quoted it (or
 * {@link RARE_DF_FRACTION} of them, when more). Over PolNeAR train (833 articles with
 * quotations) the 4-grams the dev set's cross-outlet excerpts share are in 2-4 articles, while
 * stock phrases are in 6-39 ("president of the united states" 39, "make america great again" 16,
 * "at the end of the" 17, "in the united states of" 36).
 */
export const RARE_DF = 3;
/** With many articles stored, a 4-gram in up to this fraction of them still counts as rare. */
export const RARE_DF_FRACTION = 0.003;
/** Rare shared 4-grams two different named speakers' quotes need to link (with {@link strongOverlap}). */
export const STRONG_RARE_GRAMS = 5;

/**
 * Whether a gram is rare, from the document frequencies read for an article. `own` is how many
 * of those articles quote it inside the candidate claim itself: a statement quoted by ten outlets
 * is not a stock phrase, a phrase many different statements share is. Without the discount the
 * fifth outlet quoting a statement saw its every 4-gram as common and could not join it, so the
 * claims depended on arrival order.
 */
type Rarity = (gramText: string, own?: number) => boolean;

function rarityOf(grams: readonly string[], freq: { docs: number; counts: number[] }): Rarity {
  const cut = Math.max(RARE_DF, Math.floor(RARE_DF_FRACTION * freq.docs));
  const df = new Map<string, number>();
  for (const [i, g] of grams.entries()) df.set(g, freq.counts[i] ?? 0);
  return (text, own = 0) => (df.get(gramKey(text)) ?? 0) - own <= cut;
}

/**
 * For each 4-gram of a claim's excerpts, the other articles quoting it in that claim as words of
 * this speaker (a quote without a named speaker discounts nothing: ten people's remarks sharing a
 * phrase, wrongly gathered once, must not make the phrase rare for anyone).
 */
function gramArticles(claim: Claim, item: QuoteItem): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  if (!speakerKey(item.speaker)) return out;
  // A statement reprinted by many outlets repeats a few wordings: their grams once each.
  const articlesOf = new Map<string, string[]>();
  for (const o of claim.occurrences) {
    if (o.articleId === item.articleId || !sameSpeaker(o.speaker, item.speaker)) continue;
    let ids = articlesOf.get(o.text);
    if (!ids) articlesOf.set(o.text, (ids = []));
    ids.push(o.articleId);
  }
  for (const [text, ids] of articlesOf)
    for (const g of wordGrams(normalizeQuote(text).words)) {
      let s = out.get(g);
      if (!s) out.set(g, (s = new Set()));
      for (const id of ids) s.add(id);
    }
  return out;
}

/** The index key of a word 4-gram ("w1 w2 w3 w4"): posting list and document frequency. */
function gramKey(text: string): string {
  return `p:${hashKey(text)}`;
}

/** Tuning of the verifier. */
export interface VerifierOptions {
  /** Posting lists longer than this are stock phrases and are not used to find candidates. */
  postingCap?: number;
  /** How many of a speaker's most recent claims a new dispute re-evaluates. */
  recentLimit?: number;
  /** How many of a claim's articles' dispute records are read when evaluating it. */
  articleLimit?: number;
  now?: () => Date;
}

/** What one article did to the store. */
export interface VerifyResult {
  quotes: number;
  disputes: number;
  /** Claims whose record changed (new, new occurrence, or a new verdict). */
  changed: Claim[];
  /** Ids of the claims this article's quotes belong to. */
  claimIds: string[];
  /** Claims this article's excerpts bridged into one: each `from` id now resolves to `into`. */
  merged: [from: string, into: string][];
  /** Times the article's transaction ran: more than 1 when concurrent writers changed what it read. */
  attempts: number;
}

const KIND_RANK: Record<MatchKind, number> = { exact: 5, contains: 4, contained: 4, edit: 3, run: 2 };

/** Index keys of one quotation. */
export interface QuoteKeys {
  /** Exact-wording key (short quotes: per speaker), null when it has none. */
  exact: string | null;
  /** Word 4-grams to look candidates up under (all of them). */
  grams: string[];
  /** Word 4-grams to post the quote under (a sample, see {@link STRIDE}). */
  posted: string[];
  /** Speaker key, when the speaker is known. */
  speaker: string | null;
  /** Words of the quote, gaps left out. */
  length: number;
  /** A short quote's words (fewer than MIN_FREE_WORDS, known speaker): filed under its speaker. */
  short: string | null;
  /**
   * Its segments as " w1 w2 … " (known speaker): where its speaker's short quotes are looked for.
   * A short quote's too, so that "locker room" and "locker-room talk" meet in whichever order they
   * come (a short quote also finds claims holding all its words, {@link QuoteKeys.words}).
   */
  spans: string[];
  /**
   * Its distinct content words (known speaker only), filed under the speaker: a sparse quote looks
   * for its container among the speaker's claims holding all of its own ({@link ClaimTx.speakerWords}).
   *
   * Why: a quote of a few words may sit between the sampled grams of the quote it was cut from
   * ({@link STRIDE}), and it looked only among the speaker's 200 most recent claims. Over the
   * 1,008 PolNeAR texts in path order, hundreds of a candidate's claims came between two outlets'
   * excerpts of one remark ("I love Oreos" after "I love Oreos. I will never eat them again";
   * "challenging us to get unaccountable money"), so whether they met depended on what else was
   * read in between.
   */
  words: string[];
  /**
   * Per gap of a quote with a known speaker, the content words on either side of it: the speaker's
   * claims holding both may be a passage the gap stands for ({@link GAP_STANDS_FOR_WORDS}: "carpet
   * bomb them into oblivion", stored before "carpet-bomb [the Islamic militants] into oblivion …"
   * came, shares no word 4-gram with it).
   */
  bridges: [string, string][];
}

/**
 * Claim ids a speaker's word keeps, the most recent. A word whose list is this long is common in
 * the speaker's mouth ("great" for a candidate) and does not narrow the search.
 */
export const SPEAKER_WORD_RECENT = 64;

/** The index keys of a quotation with these normalised words. */
export function quoteKeys(words: readonly string[], speaker: Speaker): QuoteKeys {
  const segs = segments(words);
  const plain = segs.flat();
  const sk = speakerKey(speaker);
  const text = plain.join(' ');
  let exact: string | null = null;
  if (plain.length >= MIN_FREE_WORDS) exact = `x:${hashKey(text)}`;
  else if (sk) exact = `x:${hashKey(`${sk}|${text}`)}`;
  const grams = new Set<string>();
  const posted = new Set<string>();
  for (const seg of segs) {
    const last = seg.length - GRAM;
    for (let i = 0; i <= last; i++) {
      const g = gramKey(seg.slice(i, i + GRAM).join(' '));
      grams.add(g);
      if (i % STRIDE === 0 || i === last) posted.add(g);
    }
  }
  const long = plain.length >= MIN_FREE_WORDS;
  return {
    exact,
    grams: [...grams],
    posted: [...posted],
    speaker: sk,
    length: plain.length,
    short: sk && !long && plain.length ? text : null,
    spans: sk && plain.length ? segs.map((seg) => ` ${seg.join(' ')} `) : [],
    words: sk ? [...new Set(contentWords(plain))] : [],
    bridges: sk ? gapBridges(segs) : [],
  };
}

/** {@link QuoteKeys.bridges} of a quote's segments: the last content word before each gap and the first after it. */
function gapBridges(segs: readonly string[][]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < segs.length; i++) {
    const before = contentWords(segs[i]!).at(-1);
    const after = contentWords(segs[i + 1]!)[0];
    if (before && after) out.push([before, after]);
  }
  return out;
}

/**
 * Whether a speaker's short quote (words joined by spaces) runs inside one of a longer quote's
 * segments, word for word or but for one function word ({@link isCutWithOneFunctionWord}: "a
 * couple clicks" stored before "… a couple of clicks" came).
 */
function cutFrom(keys: QuoteKeys, short: string): boolean {
  return keys.spans.some((span) => span.includes(` ${short} `) || cutWithOneFunctionWord(span, short));
}

function cutWithOneFunctionWord(span: string, short: string): boolean {
  const words = short.split(' ');
  // Most of a speaker's short quotes share no word with the span: two substring tests first.
  if (words.length < 2 || !span.includes(` ${words[0]} `) || !span.includes(` ${words.at(-1)} `)) return false;
  return isCutWithOneFunctionWord(words, span.trim().split(' '));
}

function occKey(o: { articleId: string; start: number; end: number }): string {
  return `${o.articleId}:${o.start}:${o.end}`;
}

/** How many occurrences' own sentences name the person (their surname as a word). */
function sentencesNaming(occ: readonly Occurrence[], name: string): number {
  const toks = nameTokens(name);
  const last = toks[toks.length - 1];
  if (!last) return 0;
  const re = wholeWord(last);
  return occ.filter((o) => !!o.sentence && re.test(o.sentence)).length;
}

/** The representative speaker of a claim: the most often named one, with the fullest name and a role. */
export function representativeSpeaker(occ: readonly Occurrence[]): Speaker {
  const groups: { s: Speaker; n: number; roles: string[] }[] = [];
  for (const o of occ) {
    if (!o.speaker.name || o.speaker.kind === 'unknown') continue;
    const g = groups.find((x) => sameSpeaker(x.s, o.speaker));
    if (g) {
      g.n++;
      g.s = { ...g.s, name: fullerName(g.s.name!, o.speaker.name) };
      if (o.speaker.role) g.roles.push(o.speaker.role);
    } else
      groups.push({ s: { name: o.speaker.name, kind: o.speaker.kind }, n: 1, roles: o.speaker.role ? [o.speaker.role] : [] });
  }
  // A tie between outlets naming different people goes to the one whose name the occurrences'
  // own sentences carry ("“Russia, if you’re listening…” Trump said." attributed to someone else
  // upstream still names Trump). Stable sort: otherwise the earliest named keeps it.
  const named = new Map(groups.map((g) => [g, groups.length > 1 ? sentencesNaming(occ, g.s.name!) : 0]));
  groups.sort((a, b) => b.n - a.n || named.get(b)! - named.get(a)!);
  const best = groups[0];
  if (best) {
    const role = best.roles.sort((a, b) => b.length - a.length)[0];
    return speakerRecord({ ...best.s, role });
  }
  const first = occ[0]?.speaker;
  return speakerRecord(first ?? { name: null, kind: 'unknown' });
}

function toOccurrence(item: QuoteItem): Occurrence {
  return occurrenceRecord({
    articleId: item.articleId,
    input: item.input,
    outlet: item.outlet,
    published: item.published,
    start: item.start,
    end: item.end,
    text: item.text,
    type: item.type,
    speaker: item.speaker,
    reportedBy: item.reportedBy,
    confidence: item.confidence,
    fidelity: 'exact',
    meaningChanged: false,
    sentence: item.sentence,
    wire: item.wire,
    context: item.context,
  });
}

/** Plain (gap-free) words of a text. */
function plainOf(text: string): string[] {
  return normalizeQuote(text).words.filter((w) => w !== GAP);
}

/**
 * Words an alignment must share (or the whole excerpt, when shorter) to judge drift on it: a
 * stray two-word anchor ("of the") is no overlap.
 */
const MIN_ALIGNED_WORDS = 4;
/** Other excerpts an excerpt not wholly inside the canonical statement is compared with. */
const MAX_REFERENCE_EXCERPTS = 16;

/** An alignment of an excerpt into a wording, when it shares enough words to judge drift on. */
function solidAlignment(wording: readonly string[], excerpt: readonly string[]): Alignment | null {
  const a = alignWords(wording, excerpt);
  return a && a.matched >= Math.min(MIN_ALIGNED_WORDS, excerpt.length) ? a : null;
}

/**
 * Fidelity of one excerpt, judged on the part it overlaps only (words the excerpt has beyond the
 * statement's ends, or the statement beyond the excerpt's, are not drift): against the canonical
 * statement, where it aligns (`align` is recorded then), unless another excerpt shares more of
 * its words: then against the excerpt it overlaps most (a claim joined through a repeated sentence in the middle of a longer remark has
 * no single line of text). An otherwise exact excerpt shorter than what it aligns to is
 * `truncated`, and a cut that drops a negation right before the excerpt changes its meaning.
 */
function fidelityOf(claim: Claim, o: Occurrence, wordsOf: (text: string) => string[]): void {
  const vq = normalizeQuote(o.text);
  const vw = vq.words.filter((w) => w !== GAP);
  let ref = claim.canonical;
  let rw = wordsOf(ref);
  let a = solidAlignment(rw, vw);
  // Cleared, not deleted: the record keeps its layout (see records.ts).
  o.align = a ? { start: a.start, end: a.end } : undefined;
  if (!a || a.matched < vw.length) {
    // A few excerpts are enough to find the overlapping one; a claim may have hundreds.
    for (const other of claim.occurrences.slice(0, MAX_REFERENCE_EXCERPTS)) {
      if (other.text === o.text || other.text === claim.canonical) continue;
      const ow = wordsOf(other.text);
      const b = solidAlignment(ow, vw);
      if (b && (!a || b.matched > a.matched)) [a, ref, rw] = [b, other.text, ow];
    }
  }
  if (!a) {
    // Nothing to align on: compare whole wordings (a paraphrase in reported speech).
    const f = compareWording(normalizeQuote(ref), vq);
    o.fidelity = f.fidelity;
    o.meaningChanged = f.meaningChanged;
    return;
  }
  const refPart = normalizeQuote(rawSlice(normalizeQuote(ref), a.start, a.end).join(' '));
  // An excerpt with gaps is compared whole: its gaps are where it leaves the statement's words out.
  const ownPart = vq.words.includes(GAP) ? vq : normalizeQuote(rawPlain(vq).slice(a.from, a.to).join(' '));
  const f = compareWording(refPart, ownPart);
  let fidelity = f.fidelity;
  let meaningChanged = f.meaningChanged;
  if (fidelity === 'exact' && (a.start > 0 || a.end < rw.length)) fidelity = 'truncated';
  for (let j = Math.max(0, a.start - 2); j < a.start; j++) if (isNegation(rw[j]!)) meaningChanged = true;
  o.fidelity = fidelity;
  o.meaningChanged = meaningChanged;
}

/** Gives `to` the alignment and fidelity judged for `from` (an excerpt of the same wording). */
function copyFidelity(from: Occurrence, to: Occurrence): void {
  to.align = from.align ? { ...from.align } : undefined;
  to.fidelity = from.fidelity;
  to.meaningChanged = from.meaningChanged;
}

/**
 * The written tokens of plain words `from` to `to` (gap-free positions), with the gaps between
 * them kept: a capital after a gap starts a sentence ("… And it's going to be"), and read without
 * the gap it looked like a name, so an excerpt without the "And" had its meaning "changed".
 */
function rawSlice(q: { words: readonly string[]; raw: readonly string[] }, from: number, to: number): string[] {
  const out: string[] = [];
  let plain = 0;
  for (let i = 0; i < q.words.length && plain < to; i++) {
    if (q.words[i] === GAP) {
      if (plain > from) out.push(GAP);
    } else if (plain++ >= from) out.push(q.raw[i]!);
  }
  return out;
}

/** The written tokens of a normalised quote's plain words (gap tokens left out). */
function rawPlain(q: { words: readonly string[]; raw: readonly string[] }): string[] {
  return q.raw.filter((_, i) => q.words[i] !== GAP);
}

/**
 * Canonical statement (the union of the excerpts, {@link canonicalOf}: the same whatever order
 * they came in), each excerpt's alignment and fidelity against it, first sighting and speaker.
 */
function refresh(claim: Claim): void {
  if (claim.occurrences.length) claim.canonical = canonicalOf(claim.occurrences.map((o) => o.text));
  // Every excerpt is aligned against the canonical and a few other excerpts: normalise each once.
  const plain = new Map<string, string[]>();
  const wordsOf = (text: string) => {
    let w = plain.get(text);
    if (!w) plain.set(text, (w = plainOf(text)));
    return w;
  };
  // An excerpt's fidelity depends on its wording and the claim's, not on where it appeared: a
  // statement reprinted word for word by many outlets is judged once per distinct wording.
  const judged = new Map<string, Occurrence>();
  for (const o of claim.occurrences) {
    const same = judged.get(o.text);
    if (same) copyFidelity(same, o);
    else {
      fidelityOf(claim, o, wordsOf);
      judged.set(o.text, o);
    }
  }
  const dates = claim.occurrences.map((o) => o.published).filter((d): d is string => !!d && !Number.isNaN(Date.parse(d)));
  claim.firstSeen = dates.length ? dates.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b)) : null;
  claim.speaker = representativeSpeaker(claim.occurrences);
}

/**
 * Whether two speakers of one article are different people: one a named person, the other without
 * a name the article resolved ("the Christie supporter retorted" beside Madeleine Albright's
 * quote; resolveSpeakers already maps a role or pronoun to the person the article gives it). Such
 * quotes link only on a near-identical rare passage (a repeat), not on a shared run of an idiom:
 * on the cluster dev set this kept Albright's "special place in hell for women who don't help each
 * other" apart from a town-hall voter's "… for women who vote for women" (look-alikes merged 1 -> 0).
 */
function someoneElseHere(a: Speaker, b: Speaker): boolean {
  return (isNamedPerson(a) && !b.name) || (isNamedPerson(b) && !a.name);
}

/** A person the article names. */
function isNamedPerson(s: Speaker): boolean {
  return s.kind === 'person' && !!s.name;
}

/**
 * Positions of an article's quotations in the order the assign phase takes them: a named person's
 * first, then longest first (ties in the article's order).
 *
 * Longest first: a headline or lede often quotes a few words of a remark the body quotes whole
 * ("woman's card" before "The only thing she's got going is the woman's card"): taken first, the
 * whole remark is there for the few words to join, instead of another statement that used them.
 *
 * A named person's first: an unnamed voice's quote checks that no named person here holds the
 * claim it would join ({@link someoneElseHere}), which it can only see once the named quotes of its
 * own article are in. Taken longest first, a town-hall voter's "There is a special place in hell
 * for women who vote for women …" joined Albright's remark, stored from a later article, before
 * her own quote in the same article did, but only when the PolNeAR texts were read in reverse.
 */
function assignOrder(items: readonly QuoteItem[]): number[] {
  const len = items.map((item) => plainLength(item.words));
  const named = items.map((item) => (isNamedPerson(item.speaker) ? 1 : 0));
  return [...items.keys()].sort((a, b) => named[b]! - named[a]! || len[b]! - len[a]! || a - b);
}

/**
 * The claims in every one of a quote's speaker word lists ({@link ClaimTx.speakerWords}): those that may
 * hold all its content words. A full list (a word common for this speaker) narrows nothing and is
 * left out, unless every list is full.
 */
function holdingAll(lists: readonly string[][]): string[] {
  if (!lists.length) return [];
  const narrow = lists.filter((l) => l.length < SPEAKER_WORD_RECENT);
  const [first, ...rest] = (narrow.length ? narrow : lists).map((l) => new Set(l));
  return [...first!].filter((id) => rest.every((s) => s.has(id)));
}

/** A quote with a known speaker, short enough to fall between the posted grams of a quote containing it. */
function isSparse(keys: QuoteKeys): boolean {
  return !!keys.speaker && keys.length < SPARSE_WORDS;
}

/** The speaker keys a claim is indexed under: its speakers ('by') and those who reported them ('rep'). */
function indexKeys(claim: Claim): { by: Set<string>; rep: Set<string> } {
  const by = new Set<string>();
  const rep = new Set<string>();
  for (const o of claim.occurrences) {
    const k = speakerKey(o.speaker);
    if (k) by.add(k);
    const r = speakerKey(o.reportedBy);
    if (r) rep.add(r);
  }
  return { by, rep };
}

/** One call per distinct argument; later calls share the first one's promise. */
function memoize<T>(fn: (arg: string) => Promise<T>): (arg: string) => Promise<T> {
  const cache = new Map<string, Promise<T>>();
  return (arg) => {
    let p = cache.get(arg);
    if (!p) cache.set(arg, (p = fn(arg)));
    return p;
  };
}

/** Whether a claim as re-evaluated equals the record read (its update time aside). */
function sameRecord(a: Claim | undefined, b: Claim): boolean {
  if (!a) return false;
  return sameJson({ ...a, updatedAt: '' }, { ...b, updatedAt: '' });
}

/**
 * Whether two values of plain JSON data are equal as JSON (a property whose value is undefined
 * counts as absent; key order does not count). Serialising both records to compare them took
 * 6.7% of verification's CPU once claims held ~20 excerpts each.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let na = 0;
  for (const k in ra) {
    if (ra[k] === undefined) continue;
    na++;
    if (!sameJson(ra[k], rb[k])) return false;
  }
  let nb = 0;
  for (const k in rb) if (rb[k] !== undefined) nb++;
  return na === nb;
}

/** The state of one article's transaction, shared by its phases. */
interface ArticleRun {
  readonly tx: ClaimTx;
  readonly articleId: string;
  readonly writes: ClaimWrites;
  /** Claims as read (to tell a real change), and as being updated. */
  readonly before: Map<string, Claim>;
  readonly working: Map<string, Claim>;
  /** Reads claims not loaded yet into `before` and `working`. */
  load(ids: Iterable<string>): Promise<void>;
  /** Occurrence key -> claim id, for occurrences this article already has. */
  readonly byOcc: Map<string, string>;
  readonly keysOf: Map<QuoteItem, QuoteKeys>;
  /** Stored candidates of each new quote. */
  readonly stored: Map<QuoteItem, string[]>;
  /** Whether a 4-gram is rare (document frequencies read in the candidates phase). */
  rare: Rarity;
  /** Index entries this article wrote, for its later quotes. */
  readonly localExact: Map<string, string>;
  readonly localShort: Map<string, [text: string, claimId: string][]>;
  readonly localPostings: Map<string, Set<string>>;
  readonly claimIds: string[];
  /** Quotes that became new occurrences. */
  readonly isNew: Set<QuoteItem>;
  /** Claim id -> the claim it was merged into (this transaction's merges and stored ones met on reading). */
  readonly alias: Map<string, string>;
  /** The id a claim lives under now. */
  resolve(id: string): string;
}

function newRun(tx: ClaimTx, articleId: string): ArticleRun {
  const before = new Map<string, Claim>();
  const working = new Map<string, Claim>();
  const alias = new Map<string, string>();
  const resolve = (id: string): string => {
    let cur = id;
    for (let hop = 0; hop < 32 && alias.has(cur); hop++) cur = alias.get(cur)!;
    return cur;
  };
  return {
    tx,
    articleId,
    writes: emptyWrites(),
    before,
    working,
    async load(ids) {
      const missing = [...new Set([...ids].map(resolve))].filter((id) => !working.has(id));
      if (!missing.length) return;
      const got = await tx.claims(missing);
      for (const [asked, c] of got) {
        // A stored claim merged into another comes back under the id it lives under now.
        if (asked !== c.id) alias.set(asked, c.id);
        if (working.has(c.id)) continue;
        // The record as read, to tell later whether the transaction changed it (sameRecord).
        before.set(c.id, copyClaim(c));
        working.set(c.id, c);
      }
    },
    byOcc: new Map(),
    keysOf: new Map(),
    stored: new Map(),
    rare: () => true,
    localExact: new Map(),
    localShort: new Map(),
    localPostings: new Map(),
    claimIds: [],
    isNew: new Set(),
    alias,
    resolve,
  };
}

/**
 * Merges claims one new excerpt bridges into one: the smallest id survives (deterministic,
 * whatever the arrival order), the others' occurrences move into it and their ids resolve to it
 * (`merges` writes; the store keeps `from -> into` for readers). Verdict and evidence are
 * recomputed from the union in the re-evaluate phase, from the dispute records of all their
 * people and articles. Returns the surviving id.
 */
function mergeClaims(run: ArticleRun, ids: readonly string[]): string {
  const into = [...ids].sort()[0]!;
  const survivor = run.working.get(into)!;
  for (const from of ids) {
    if (from === into) continue;
    const other = run.working.get(from);
    if (!other) continue;
    const have = new Set(survivor.occurrences.map(occKey));
    for (const o of other.occurrences) if (!have.has(occKey(o))) survivor.occurrences.push(o);
    const ev = new Set(survivor.evidence.map((e) => JSON.stringify(e)));
    for (const e of other.evidence) if (!ev.has(JSON.stringify(e))) survivor.evidence.push(e);
    survivor.mergedFrom = [...new Set([...(survivor.mergedFrom ?? []), from, ...(other.mergedFrom ?? [])])].sort();
    run.working.delete(from);
    run.alias.set(from, into);
    (run.writes.merges ??= []).push([from, into]);
    const prev = run.before.get(from);
    // A stored claim leaves the status counts; one started in this transaction was never counted.
    if (prev) run.writes.statuses.push([from, prev.status, null]);
    for (const a of new Set(other.occurrences.map((o) => o.articleId))) run.writes.articleClaims.push([a, into]);
  }
  survivor.occurrences.sort(byPublished);
  return into;
}

function byPublished(a: Occurrence, b: Occurrence): number {
  return (a.published ?? '').localeCompare(b.published ?? '') || a.input.localeCompare(b.input) || a.start - b.start;
}

/**
 * Clusters the quotations of incoming articles into claims and keeps every claim's verdict
 * current. The same logic runs over Redis (workers) and memory (one-shot `check`).
 */
export class Verifier {
  private readonly postingCap: number;
  private readonly recentLimit: number;
  private readonly articleLimit: number;
  private readonly now: () => Date;

  constructor(
    readonly store: ClaimStore,
    options: VerifierOptions = {},
  ) {
    this.postingCap = options.postingCap ?? 200;
    this.recentLimit = options.recentLimit ?? 200;
    this.articleLimit = options.articleLimit ?? 50;
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Adds one article: each quotation joins the claim it matches (or starts one), dispute records
   * are filed, and every affected claim is re-evaluated. Idempotent: occurrences are keyed by
   * article id and offsets, and an unchanged claim is not rewritten.
   */
  async addArticle(article: ArticleInput): Promise<VerifyResult> {
    const prepared = prepareArticle(article);
    let attempts = 0;
    const r = await this.store.transact((tx) => {
      attempts++;
      return this.apply(tx, prepared.items, prepared.disputes, article.id);
    });
    return { ...r, attempts };
  }

  /**
   * One article's transaction, in phases: load what this article already recorded, look up
   * candidates and phrase frequencies, assign each quote to a claim, file the disputes, and
   * re-evaluate every claim touched. The writes are collected and applied by the store at the end.
   */
  private async apply(tx: ClaimTx, items: QuoteItem[], disputes: Dispute[], articleId: string) {
    const run = newRun(tx, articleId);
    await this.loadRecorded(run);
    await this.lookUp(run, items);
    await this.assign(run, items);
    await this.fileDisputes(run, disputes);
    const changed = await this.reevaluate(run, disputes);
    return {
      writes: run.writes,
      result: {
        quotes: items.length,
        disputes: disputes.length,
        changed,
        claimIds: run.claimIds,
        merged: (run.writes.merges ?? []).map(([from]) => [from, run.resolve(from)] as [string, string]),
      },
    };
  }

  /** Load phase: claims with occurrences already recorded for this article (a re-run keeps them). */
  private async loadRecorded(run: ArticleRun): Promise<void> {
    const mine = await run.tx.ofArticles([run.articleId]);
    await run.load(mine);
    for (const id of new Set(mine.map(run.resolve)))
      for (const o of run.working.get(id)?.occurrences ?? []) if (o.articleId === run.articleId) run.byOcc.set(occKey(o), id);
  }

  /**
   * Candidates phase: every new quote's stored candidates and the document frequencies of the
   * article's 4-grams. Store reads do not depend on one another, only on the quotes: issue them
   * all at once (one round trip on Redis instead of several per quote) and keep the assign loop
   * nearly free of I/O.
   */
  private async lookUp(run: ArticleRun, items: QuoteItem[]): Promise<void> {
    for (const item of items) run.keysOf.set(item, quoteKeys(item.words, item.speaker));
    const fresh = items.filter((item) => !run.byOcc.has(occKey(item)));
    const articleGrams = [...new Set(fresh.flatMap((item) => run.keysOf.get(item)!.grams))];
    const [found, freq] = await Promise.all([
      Promise.all(fresh.map(async (item) => [item, await this.storeCandidates(run.tx, run.keysOf.get(item)!)] as const)),
      articleGrams.length ? run.tx.gramFrequencies(articleGrams) : { docs: 0, counts: [] },
    ]);
    for (const [item, ids] of found) run.stored.set(item, ids);
    run.rare = rarityOf(articleGrams, freq);
    await run.load([...run.stored.values()].flat());
  }

  /**
   * Assign phase: each quote joins the claim it matches best ({@link pick}) or starts one; its
   * index entries are written and kept locally, so later quotes of the same article find it.
   * Named speakers' and longer quotes go first ({@link assignOrder}); `claimIds` stays in the article's order.
   */
  private async assign(run: ArticleRun, items: QuoteItem[]): Promise<void> {
    const { working, writes, articleId } = run;
    run.claimIds.length = items.length;
    for (const pos of assignOrder(items)) {
      const item = items[pos]!;
      const keys = run.keysOf.get(item)!;
      const recorded = run.byOcc.get(occKey(item));
      let target = recorded === undefined ? undefined : run.resolve(recorded);
      let isNewOcc = !target;
      if (!target) {
        // Every quote without a recorded occurrence was looked up above.
        const cand = new Set<string>(run.stored.get(item));
        const local = keys.exact ? run.localExact.get(keys.exact) : undefined;
        if (local) cand.add(local);
        if (keys.speaker)
          for (const [short, id] of run.localShort.get(keys.speaker) ?? []) if (cutFrom(keys, short)) cand.add(id);
        for (const g of keys.grams) for (const id of run.localPostings.get(g) ?? []) cand.add(id);
        if (isSparse(keys)) {
          // The speaker's claims this article started are not in the speaker index yet; only
          // those the quote is cut from (the case sampled postings can miss), not near-wordings.
          for (const c of working.values())
            if (
              c.occurrences.some((o) => o.articleId === articleId && sameSpeaker(o.speaker, item.speaker)) &&
              isContainedIn(item.words, normalizeQuote(c.canonical).words)
            )
              cand.add(c.id);
        }
        await run.load(cand);
        const ids = new Set([...cand].map(run.resolve));
        const linked = this.links(
          item,
          [...ids].map((id) => working.get(id)).filter((c): c is Claim => !!c),
          run.rare,
        );
        target = linked.length ? mergeClaims(run, linked) : undefined;
      }
      let claim = target ? working.get(target) : undefined;
      if (!claim) {
        const id = stableId(`claim:${occKey(item)}`);
        claim = claimRecord({
          id,
          canonical: item.text,
          speaker: item.speaker,
          status: 'single_source',
          flags: [],
          firstSeen: item.published,
          independentSources: 1,
          occurrences: [],
          evidence: [],
          updatedAt: this.now().toISOString(),
        });
        working.set(id, claim);
        isNewOcc = true;
      }
      const occ = toOccurrence(item);
      const at = claim.occurrences.findIndex((o) => occKey(o) === occKey(item));
      // A wording the claim already holds (a reprint) had these very grams posted under it.
      const wordingPosted = at < 0 && claim.occurrences.some((o) => o.text === item.text);
      if (at >= 0) {
        // Keep the stored fidelity fields; refresh() recomputes them.
        claim.occurrences[at] = {
          ...occ,
          fidelity: claim.occurrences[at]!.fidelity,
          meaningChanged: claim.occurrences[at]!.meaningChanged,
        };
        isNewOcc = false;
      } else {
        claim.occurrences.push(occ);
        claim.occurrences.sort(byPublished);
      }
      refresh(claim);
      run.byOcc.set(occKey(item), claim.id);
      run.claimIds[pos] = claim.id;
      if (isNewOcc) {
        run.isNew.add(item);
        if (keys.exact) {
          writes.exact.push([keys.exact, claim.id]);
          run.localExact.set(keys.exact, claim.id);
        }
        if (keys.speaker && keys.short) {
          writes.shortQuotes.push([keys.speaker, keys.short, claim.id]);
          let list = run.localShort.get(keys.speaker);
          if (!list) run.localShort.set(keys.speaker, (list = []));
          list.push([keys.short, claim.id]);
        }
        for (const g of keys.posted) {
          if (!wordingPosted) writes.postings.push([g, claim.id]);
          let s = run.localPostings.get(g);
          if (!s) run.localPostings.set(g, (s = new Set()));
          s.add(claim.id);
        }
        if (!wordingPosted && keys.speaker)
          for (const w of keys.words) writes.speakerWords.push([keys.speaker, w, claim.id, SPEAKER_WORD_RECENT]);
        writes.articleClaims.push([articleId, claim.id]);
      }
    }
    if (writes.merges?.length) {
      // Entries written before a merge in this transaction name the claim it now lives under.
      const r = run.resolve;
      for (const [i, id] of run.claimIds.entries()) run.claimIds[i] = r(id);
      writes.exact = writes.exact.map(([k, id]) => [k, r(id)]);
      writes.shortQuotes = writes.shortQuotes.map(([sk, t, id]) => [sk, t, r(id)]);
      writes.speakerWords = writes.speakerWords.map(([sk, w, id, cap]) => [sk, w, r(id), cap]);
      writes.postings = writes.postings.map(([g, id]) => [g, r(id)]);
      writes.articleClaims = writes.articleClaims.map(([a, id]) => [a, r(id)]);
    }
    // The article counts once towards the frequency of each 4-gram its new quotes hold (a re-run adds none).
    if (run.isNew.size) writes.gramDocs = [...new Set([...run.isNew].flatMap((i) => run.keysOf.get(i)!.grams))];
  }

  /**
   * Disputes phase: dispute records are filed under every person they name, deny or come from,
   * and those people's claims (and the claims they reported) are loaded: a new dispute may change
   * the verdict of claims from earlier articles.
   */
  private async fileDisputes(run: ArticleRun, disputes: Dispute[]): Promise<void> {
    for (const d of disputes) {
      const keys = new Set<string>([...d.mentions, ...d.accountOf, ...(d.about ?? [])]);
      const own = d.speaker.kind === 'person' && d.speaker.name ? personKey(d.speaker.name) : speakerKey(d.speaker);
      if (own) keys.add(own);
      run.writes.disputes.push({ dispute: d, keys: [...keys] });
    }
    const disputeKeys = [...new Set(run.writes.disputes.flatMap((x) => x.keys))];
    if (disputeKeys.length) {
      const [by, rep] = await Promise.all([
        run.tx.recent('by', disputeKeys, this.recentLimit),
        run.tx.recent('rep', disputeKeys, this.recentLimit),
      ]);
      await run.load([...by, ...rep]);
    }
  }

  /**
   * Re-evaluate phase: every loaded claim gets its verdict from its occurrences and the dispute
   * records of its people and articles; changed claims are written and re-indexed.
   */
  private async reevaluate(run: ArticleRun, disputes: Dispute[]): Promise<Claim[]> {
    const { tx, writes } = run;
    // Each person's and each article's dispute records are read once, all together.
    const byKey = memoize((k: string) => tx.disputesByKey([k]));
    const byArticle = memoize((a: string) => tx.disputesByArticle([a]));
    const claims = [...run.working.values()];
    const related = await Promise.all(
      claims.map(async (claim) => {
        const { by, rep } = indexKeys(claim);
        const keys = new Set([...by, ...rep]);
        const articles = [...new Set(claim.occurrences.map((o) => o.articleId))]
          .slice(-this.articleLimit)
          .filter((a) => a !== run.articleId);
        return (await Promise.all([...[...keys].map(byKey), ...articles.map(byArticle)])).flat();
      }),
    );

    const changed: Claim[] = [];
    const nowIso = this.now().toISOString();
    for (const [i, claim] of claims.entries()) {
      const found = new Map<string, Dispute>();
      for (const d of related[i]!) found.set(d.id, d);
      for (const d of disputes) found.set(d.id, d);
      const v = evaluateClaim(
        claim,
        [...found.values()].sort((a, b) => a.id.localeCompare(b.id)),
      );
      claim.status = v.status;
      claim.flags = v.flags;
      claim.evidence = v.evidence;
      claim.independentSources = v.independentSources;
      const prev = run.before.get(claim.id);
      if (sameRecord(prev, claim)) continue;
      claim.updatedAt = nowIso;
      changed.push(claim);
      writes.claims.push(claim);
      // `prev` was read in this transaction, so the count moves exactly once per real change.
      if (prev?.status !== claim.status) writes.statuses.push([claim.id, prev?.status ?? null, claim.status]);
      const score = Date.parse(nowIso);
      const { by, rep } = indexKeys(claim);
      for (const k of by) writes.speakers.push(['by', k, claim.id, score]);
      for (const r of rep) writes.speakers.push(['rep', r, claim.id, score]);
    }
    return changed;
  }

  /**
   * Ids of stored claims a quotation may join: by exact key, shared word 4-grams, its speaker's
   * short quotes it contains, (short quotes) its speaker's claims holding all its content words
   * ({@link holdingAll}), or (quotes with gaps) its speaker's claims holding the words on both
   * sides of a gap ({@link QuoteKeys.bridges}).
   */
  private async storeCandidates(tx: ClaimTx, keys: QuoteKeys): Promise<string[]> {
    const sk = keys.speaker;
    // One read of the speaker's word lists: a sparse quote's words and the words around its gaps.
    const sparseWords = isSparse(keys) ? keys.words : [];
    const lookUp = sk ? [...new Set([...sparseWords, ...keys.bridges.flat()])] : [];
    const [found, posted, lists, shorts] = await Promise.all([
      keys.exact ? tx.exact([keys.exact]) : [],
      keys.grams.length ? tx.postings(keys.grams, this.postingCap) : [],
      sk && lookUp.length ? tx.speakerWords(sk, lookUp) : [],
      sk && keys.spans.length ? tx.shortQuotes(sk) : [],
    ]);
    const listOf = new Map(lookUp.map((w, i) => [w, lists[i] ?? []]));
    const holding = (words: readonly string[]) => holdingAll(words.map((w) => listOf.get(w)!));
    const out = new Set<string>([...posted, ...holding(sparseWords)]);
    for (const pair of keys.bridges) for (const id of holding(pair)) out.add(id);
    for (const id of found) if (id) out.add(id);
    for (const [short, id] of shorts) if (cutFrom(keys, short)) out.add(id);
    return [...out];
  }

  /**
   * The claims a quotation links to, best first. A link needs a rare shared phrase when the quotes
   * share any 4-gram (stock phrases alone never link), and a claim whose named speakers all differ
   * from the quote's needs a substantial, near-identical rare passage ({@link strongOverlap},
   * {@link STRONG_RARE_GRAMS}). Every linked claim whose speakers fit the quote's is one statement
   * with it (the caller merges them); a claim of another speaker is joined only when nothing else
   * links, as before. A quotation of a few words ({@link isFewWords}) links to its best claim only.
   */
  private links(item: QuoteItem, candidates: Claim[], rare: Rarity): string[] {
    const found: { c: Claim; rank: number; other: boolean }[] = [];
    const short = isFewWords(item.words);
    const itemSentences = quoteSentences(item.text);
    // The quotation's own topic, read once and only when a short link needs it.
    let ownTopic: Set<string> | null | undefined;
    const itemTopic = () => {
      if (ownTopic === undefined) ownTopic = sentenceTopic(item.sentence, item.words, item.speaker);
      return ownTopic;
    };
    for (const c of candidates) {
      const elsewhere = (o: Occurrence) => o.articleId === item.articleId && someoneElseHere(o.speaker, item.speaker);
      const same = c.occurrences.some((o) => sameSpeaker(o.speaker, item.speaker) && !elsewhere(o));
      const otherSpeaker = !same && c.occurrences.some((o) => speakersConflict(o.speaker, item.speaker) || elsewhere(o));
      const canonicalType = c.occurrences.find((o) => o.text === c.canonical)?.type ?? 'direct';
      const wordings = new Map<string, boolean>([[c.canonical, canonicalType === 'indirect']]);
      for (const o of c.occurrences) {
        if (wordings.size >= MAX_WORDINGS) break;
        if (!wordings.has(o.text)) wordings.set(o.text, o.type === 'indirect');
      }
      const own = gramArticles(c, item);
      const isRare = (g: string) => rare(g, own.get(g)?.size ?? 0);
      let rank = 0;
      for (const [w, indirect] of wordings) {
        const ww = normalizeQuote(w).words;
        const sides = paraphrasedSides(item.type === 'indirect', indirect);
        let k: number = 0;
        const m = matchQuotes(item.words, ww, same, sides);
        // Containment counts against the canonical (the whole statement) only: a short variant
        // inside many different quotes would otherwise chain them into one claim.
        if (m && !(w !== c.canonical && (m === 'contains' || m === 'contained'))) k = KIND_RANK[m];
        else if (sides === 'none' && !otherSpeaker && shareSentence(itemSentences, w)) k = SENTENCE_RANK;
        if (!k) continue;
        const shared = sharedGrams(item.words, ww);
        const rareShared = shared.filter(isRare).length;
        if (otherSpeaker ? !(rareShared >= STRONG_RARE_GRAMS && strongOverlap(item.words, ww)) : shared.length > 0 && !rareShared)
          continue;
        rank = Math.max(rank, k);
        if (rank === 5) break;
      }
      if (!rank) continue;
      if (!shortLinkOnTopic(item, short, c, itemTopic)) continue;
      if (same) rank += 0.5;
      // A few words join the statement their own article quotes at length, before another one.
      if (short && c.occurrences.some((o) => o.articleId === item.articleId)) rank += SAME_ARTICLE_BONUS;
      found.push({ c, rank, other: otherSpeaker });
    }
    found.sort((a, b) => b.rank - a.rank || b.c.occurrences.length - a.c.occurrences.length || (a.c.id < b.c.id ? -1 : 1));
    // Every linked claim is the same statement and merges with the best one, except a claim naming
    // other people than the group when only a weak link (no near-identical rare passage with the
    // quote, {@link STRONG_RARE_GRAMS}) ties it: an unattributed stock remark must not chain two speakers.
    // Two claims one article already kept apart, a named person's and someone unnamed's
    // ({@link someoneElseHere}), clash too: a later excerpt of one must not bridge them.
    const group: Claim[] = [];
    const voices = new Map<Claim, ClaimVoices>();
    const voicesOf = (c: Claim) => {
      let v = voices.get(c);
      if (!v) voices.set(c, (v = claimVoices(c)));
      return v;
    };
    for (const f of found) {
      const clash = group.some((g) => voicesClash(voicesOf(g), voicesOf(f.c)));
      if (!clash || f.other) group.push(f.c);
    }
    // A few words ("radical Islamic terrorism", "politically correct") recur across one speaker's
    // statements, as do slogans: under BRIDGE_WORDS (more than TOPIC_FREE_WORDS) a quote joins
    // one claim, never bridges two.
    if (plainLength(item.words) < BRIDGE_WORDS) return group.slice(0, 1).map((g) => g.id);
    return group.map((g) => g.id);
  }
}

/**
 * Words a quotation needs to bridge two claims; a shorter one links to its best claim only. A
 * slogan of four or five words ("Make America Great Again") ends many of one speaker's statements:
 * read early in the 1,008 PolNeAR texts, while the phrase was still rare, it chained Trump's Cruz
 * endorsement, a Super Bowl tweet and a Nevada rally line into one claim. On the cluster sets
 * no bridge is shorter (5, 6 and 8 give the same figures; 4 keeps the chain).
 */
export const BRIDGE_WORDS = 6;

/** Whether a quotation is a few words only ({@link TOPIC_FREE_WORDS}): a phrase, not a statement. */
function isFewWords(words: readonly string[]): boolean {
  return plainLength(words) < TOPIC_FREE_WORDS;
}

/**
 * Rank a few-word quotation's link gains from a claim its own article holds: of two claims that
 * contain it, the one quoted around it wins ("woman's card" beside the April remark it came from,
 * not the January one that used the phrase too).
 */
const SAME_ARTICLE_BONUS = 0.25;

/**
 * Whether a link between a quotation and a claim, either of them a few words only
 * ({@link TOPIC_FREE_WORDS}), is about one thing: the claim has an excerpt in the quotation's
 * article, or the sentence around one of its excerpts shares a topic word with the quotation's
 * ({@link shareTopic}). Longer quotations link on their wording alone.
 */
function shortLinkOnTopic(item: QuoteItem, itemIsShort: boolean, c: Claim, itemTopic: () => Set<string> | null): boolean {
  if (!itemIsShort && !isFewWords(normalizeQuote(c.canonical).words)) return true;
  if (c.occurrences.some((o) => o.articleId === item.articleId)) return true;
  if (sameShortPhrase(item, c)) return true;
  const own = itemTopic();
  return c.occurrences.some((o) => shareTopic(own, sentenceTopic(o.sentence, normalizeQuote(o.text).words, o.speaker)));
}

/**
 * Words from which two excerpts that are the same phrase, word for word, are one statement without
 * a shared topic: "Islam hates us" and "overclassification run amok", each quoted alone by two
 * outlets whose sentences around them share no topic word (a new blind cluster set, 2 pairs). A
 * short excerpt inside a longer quotation still needs the topic ("just not true" inside an Obama
 * remark of another month; "radical Islamic terrorism" inside a tweet), as do one- and two-word
 * excerpts ("disaster", "total disaster").
 */
export const SAME_PHRASE_WORDS = 3;

/** Whether a short quotation is word for word an excerpt the claim holds ({@link SAME_PHRASE_WORDS}). */
function sameShortPhrase(item: QuoteItem, c: Claim): boolean {
  if (item.norm.split(' ').length < SAME_PHRASE_WORDS) return false;
  return c.occurrences.some((o) => normalizeQuote(o.text).text === item.norm);
}

/**
 * A claim's distinct speakers ({@link distinctSpeakers}), in all and per article: what decides
 * whether two claims' speakers clash ({@link voicesClash}).
 */
interface ClaimVoices {
  all: Speaker[];
  byArticle: Map<string, Speaker[]>;
}

function claimVoices(c: Claim): ClaimVoices {
  const byArticle = new Map<string, Occurrence[]>();
  for (const o of c.occurrences) {
    let list = byArticle.get(o.articleId);
    if (!list) byArticle.set(o.articleId, (list = []));
    list.push(o);
  }
  return {
    all: distinctSpeakers(c.occurrences),
    byArticle: new Map([...byArticle].map(([article, occ]) => [article, distinctSpeakers(occ)])),
  };
}

/**
 * Whether two claims name people who cannot be one speaker: two named people in conflict, or, in
 * one article, a named person and someone unnamed ({@link someoneElseHere}). Compared over
 * distinct speakers rather than every pair of excerpts: two claims of a statement reprinted by
 * hundreds of outlets took tens of thousands of comparisons.
 */
function voicesClash(a: ClaimVoices, b: ClaimVoices): boolean {
  for (const x of a.all) for (const y of b.all) if (speakersConflict(x, y)) return true;
  for (const [article, xs] of a.byArticle) {
    const ys = b.byArticle.get(article);
    if (ys) for (const x of xs) for (const y of ys) if (someoneElseHere(x, y)) return true;
  }
  return false;
}

/**
 * Wordings of a candidate claim a quote is compared with: the canonical statement (which holds
 * every excerpt that extended it) and the first distinct excerpts. A statement quoted by hundreds
 * of outlets repeats a few wordings; comparing them all would cost a word diff each.
 */
const MAX_WORDINGS = 16;

/** Rank of a link through a whole shared sentence (below a shared run of 8+ words). */
const SENTENCE_RANK = 2;
/**
 * Words a shared sentence needs to link two excerpts: "He was the most valuable player." (6) is
 * one statement's sentence; "Thank you." or "We will see." are anyone's. Its 4-grams must be rare
 * too (checked by the caller).
 */
export const MIN_SENTENCE_WORDS = 6;

/** The sentences of a quote, each as its plain words joined by spaces (long enough ones only). */
function quoteSentences(text: string): Set<string> {
  const out = new Set<string>();
  for (const { text: part } of splitSentences(text)) {
    const w = plainOf(part);
    if (w.length >= MIN_SENTENCE_WORDS) out.add(w.join(' '));
  }
  return out;
}

/** Whether a wording holds one of these whole sentences. */
function shareSentence(sentences: Set<string>, wording: string): boolean {
  if (!sentences.size) return false;
  for (const s of quoteSentences(wording)) if (sentences.has(s)) return true;
  return false;
}
