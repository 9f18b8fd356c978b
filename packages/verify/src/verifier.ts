import { type Claim, type Occurrence, type Speaker, stableId } from '@quotecheck/shared/core';
import { type Alignment, alignWords, canonicalOf } from './align.js';
import { compareWording } from './fidelity.js';
import { isNamedPerson, linkedClaims, type Rarity, rarityOf, someoneElseHere } from './links.js';
import { isContainedIn, plainLength } from './match.js';
import { GAP, isNegation, normalizeQuote, plainWords } from './normalize.js';
import { type ArticleInput, prepareArticle } from './prepare.js';
import { cutFrom, holdingAll, isSparse, type QuoteKeys, quoteKeys, SPEAKER_WORD_RECENT } from './quote-keys.js';
import { claimRecord, copyClaim, occurrenceRecord, speakerRecord } from './records.js';
import { fullerName, nameTokens, personKey, sameSpeaker, speakerKey } from './speaker.js';
import { type ClaimStore, type ClaimTx, type ClaimWrites, emptyWrites } from './store.js';
import { wholeWord } from './text.js';
import type { Dispute, QuoteItem } from './types.js';
import { evaluateClaim } from './verdict.js';

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
    if (!w) plain.set(text, (w = plainWords(normalizeQuote(text))));
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
        const linked = linkedClaims(
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
}
