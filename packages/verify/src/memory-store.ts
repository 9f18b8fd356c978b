import type { Claim, ClaimStatus } from '@quotecheck/shared/core';
import type { ClaimIndexEntries } from './claim-index.js';
import { copyClaim } from './records.js';
import {
  type ClaimPage,
  type ClaimStore,
  type ClaimTx,
  type ClaimWrites,
  nextCursor,
  type PageCursor,
  type SpeakerIndex,
  zeroCounts,
} from './store.js';
import type { Dispute } from './types.js';

/** A claim store in process memory, for one-shot runs (`quotecheck check`) and tests. */
export class MemoryClaimStore implements ClaimStore {
  private readonly claimMap = new Map<string, Claim>();
  private readonly exactMap = new Map<string, string>();
  private readonly shortMap = new Map<string, Map<string, string>>();
  /** Speaker key -> content word -> claim ids, oldest first. */
  private readonly wordMap = new Map<string, Map<string, string[]>>();
  private readonly postingMap = new Map<string, Set<string>>();
  private readonly speakerMap = new Map<string, Map<string, number>>();
  private readonly articleMap = new Map<string, Set<string>>();
  private readonly disputeKeyMap = new Map<string, Map<string, Dispute>>();
  private readonly disputeArticleMap = new Map<string, Map<string, Dispute>>();
  private readonly logged = new Map<string, string>();
  /** Claim id -> the archive file it was last moved to. */
  private readonly archivedMap = new Map<string, string>();
  /** Merged claim id -> the claim id it now lives under. */
  private readonly mergedMap = new Map<string, string>();
  /** Exact document frequency of each n-gram key, and the number of articles counted. */
  private readonly gramDf = new Map<string, number>();
  private gramDocCount = 0;
  private queue: Promise<unknown> = Promise.resolve();

  private readonly tx: ClaimTx = {
    exact: async (keys) => keys.map((k) => this.exactMap.get(k) ?? null),
    shortQuotes: async (speaker) => [...(this.shortMap.get(speaker) ?? [])],
    speakerWords: async (speaker, words) => words.map((w) => [...(this.wordMap.get(speaker)?.get(w) ?? [])]),
    postings: async (grams, cap) => {
      const out = new Set<string>();
      for (const g of grams) {
        const s = this.postingMap.get(g);
        if (s && s.size <= cap) for (const id of s) out.add(id);
      }
      return [...out];
    },
    claims: async (ids) => {
      const m = new Map<string, Claim>();
      for (const id of ids) {
        const c = this.claimMap.get(this.resolve(id));
        if (c) m.set(id, copyClaim(c));
      }
      return m;
    },
    recent: async (index: SpeakerIndex, keys, limit) => {
      const out = new Set<string>();
      for (const k of keys) {
        const m = this.speakerMap.get(`${index}:${k}`);
        if (!m) continue;
        const ids = [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit);
        for (const [id] of ids) out.add(id);
      }
      return [...out];
    },
    ofArticles: async (articleIds) => {
      const out = new Set<string>();
      for (const a of articleIds) for (const id of this.articleMap.get(a) ?? []) out.add(id);
      return [...out];
    },
    disputesByKey: async (keys) => {
      const out = new Map<string, Dispute>();
      for (const k of keys) for (const [id, d] of this.disputeKeyMap.get(k) ?? []) out.set(id, d);
      return [...out.values()];
    },
    disputesByArticle: async (articleIds) => {
      const out: Dispute[] = [];
      for (const a of articleIds) out.push(...(this.disputeArticleMap.get(a)?.values() ?? []));
      return out;
    },
    gramFrequencies: async (grams) => ({ docs: this.gramDocCount, counts: grams.map((g) => this.gramDf.get(g) ?? 0) }),
  };

  transact<T>(work: (tx: ClaimTx) => Promise<{ writes: ClaimWrites; result: T }>): Promise<T> {
    // Transactions run one at a time, so each sees the last one's writes.
    const run = this.queue.then(async () => {
      const { writes, result } = await work(this.tx);
      this.apply(writes);
      return result;
    });
    this.queue = run.catch(() => {});
    return run;
  }

  /** The id a claim lives under now, following merges. */
  private resolve(id: string): string {
    let cur = id;
    for (let hop = 0; hop < 32; hop++) {
      const next = this.mergedMap.get(cur);
      if (!next) break;
      cur = next;
    }
    return cur;
  }

  private apply(w: ClaimWrites): void {
    for (const c of w.claims) this.claimMap.set(c.id, copyClaim(c));
    for (const [from, into] of w.merges ?? []) {
      this.claimMap.delete(from);
      this.mergedMap.set(from, into);
    }
    for (const [k, id] of w.exact) this.exactMap.set(k, id);
    for (const [speaker, text, id] of w.shortQuotes) {
      let m = this.shortMap.get(speaker);
      if (!m) this.shortMap.set(speaker, (m = new Map()));
      m.set(text, id);
    }
    for (const [speaker, word, id, cap] of w.speakerWords) {
      let m = this.wordMap.get(speaker);
      if (!m) this.wordMap.set(speaker, (m = new Map()));
      const ids = m.get(word) ?? [];
      if (!ids.includes(id)) m.set(word, [...ids, id].slice(-cap));
    }
    for (const [g, id] of w.postings) {
      let s = this.postingMap.get(g);
      if (!s) this.postingMap.set(g, (s = new Set()));
      s.add(id);
    }
    for (const [index, key, id, score] of w.speakers) {
      const k = `${index}:${key}`;
      let m = this.speakerMap.get(k);
      if (!m) this.speakerMap.set(k, (m = new Map()));
      m.set(id, score);
    }
    for (const [a, id] of w.articleClaims) {
      let s = this.articleMap.get(a);
      if (!s) this.articleMap.set(a, (s = new Set()));
      s.add(id);
    }
    for (const { dispute, keys } of w.disputes) {
      for (const k of keys) {
        let m = this.disputeKeyMap.get(k);
        if (!m) this.disputeKeyMap.set(k, (m = new Map()));
        m.set(dispute.id, dispute);
      }
      let m = this.disputeArticleMap.get(dispute.articleId);
      if (!m) this.disputeArticleMap.set(dispute.articleId, (m = new Map()));
      m.set(dispute.id, dispute);
    }
    if (w.gramDocs?.length) {
      this.gramDocCount++;
      for (const g of w.gramDocs) this.gramDf.set(g, (this.gramDf.get(g) ?? 0) + 1);
    }
  }

  async markLogged(claimId: string, state: string): Promise<boolean> {
    if (this.logged.get(claimId) === state) return false;
    this.logged.set(claimId, state);
    return true;
  }

  async page(cursor: PageCursor | null, count: number, sinceMs = 0): Promise<ClaimPage> {
    const from = cursor?.score ?? sinceMs;
    const all = [...this.claimMap.values()]
      .map((c) => ({ c, score: Date.parse(c.updatedAt) }))
      .filter((x) => x.score >= from)
      .sort((a, b) => a.score - b.score || (a.c.id < b.c.id ? -1 : 1));
    const rows = all.slice(cursor?.offset ?? 0, (cursor?.offset ?? 0) + count);
    return {
      claims: rows.map((r) => copyClaim(r.c)),
      next: nextCursor(
        rows.map((r) => r.score),
        cursor,
        count,
      ),
    };
  }

  async count(): Promise<number> {
    return this.claimMap.size;
  }

  async countByStatus(): Promise<Record<ClaimStatus, number>> {
    const out = zeroCounts();
    for (const c of this.claimMap.values()) out[c.status]++;
    return out;
  }

  async get(ids: readonly string[]): Promise<Map<string, Claim>> {
    const m = new Map<string, Claim>();
    for (const id of ids) {
      const c = this.claimMap.get(id);
      if (c) m.set(id, copyClaim(c));
    }
    return m;
  }

  async newest(offset: number, count: number): Promise<{ id: string; updatedMs: number }[]> {
    return [...this.claimMap.values()]
      .map((c) => ({ id: c.id, updatedMs: Date.parse(c.updatedAt) }))
      .sort((a, b) => b.updatedMs - a.updatedMs || (a.id < b.id ? 1 : -1))
      .slice(offset, offset + count);
  }

  async mergedInto(id: string): Promise<string | null> {
    return this.mergedMap.get(id) ?? null;
  }

  async idleClaims(beforeMs: number, count: number): Promise<Claim[]> {
    return [...this.claimMap.values()]
      .filter((c) => Date.parse(c.updatedAt) < beforeMs)
      .sort((a, b) => Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || (a.id < b.id ? -1 : 1))
      .slice(0, count)
      .map((c) => copyClaim(c));
  }

  async evict(claims: readonly Claim[], file: string, entries: readonly ClaimIndexEntries[]): Promise<string[]> {
    const out: string[] = [];
    for (const [i, c] of claims.entries()) {
      const cur = this.claimMap.get(c.id);
      if (!cur || cur.updatedAt !== c.updatedAt) continue;
      this.claimMap.delete(c.id);
      this.logged.delete(c.id);
      this.archivedMap.set(c.id, file);
      const e = entries[i]!;
      for (const x of e.exact) if (this.exactMap.get(x) === c.id) this.exactMap.delete(x);
      for (const g of e.posted) this.postingMap.get(g)?.delete(c.id);
      for (const [speaker, text] of e.short) {
        const m = this.shortMap.get(speaker);
        if (m?.get(text) === c.id) m.delete(text);
      }
      for (const k of e.by) this.speakerMap.get(`by:${k}`)?.delete(c.id);
      for (const k of e.rep) this.speakerMap.get(`rep:${k}`)?.delete(c.id);
      for (const a of e.articles) this.articleMap.get(a)?.delete(c.id);
      for (const [speaker, word] of e.words) {
        const m = this.wordMap.get(speaker);
        const ids = m?.get(word)?.filter((x) => x !== c.id);
        if (m && ids) ids.length ? m.set(word, ids) : m.delete(word);
      }
      out.push(c.id);
    }
    return out;
  }

  async archivedIn(ids: readonly string[]): Promise<(string | null)[]> {
    return ids.map((id) => this.archivedMap.get(id) ?? null);
  }

  /** Every claim, in insertion order (for one-shot output). */
  all(): Claim[] {
    return [...this.claimMap.values()];
  }
}
