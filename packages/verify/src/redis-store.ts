import type { Redis } from '@quotecheck/shared';
import { type Claim, type ClaimStatus, type Keys, STATUS_PRECEDENCE } from '@quotecheck/shared/core';
import type { ClaimIndexEntries } from './claim-index.js';
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

// A posting list is a string of space-terminated claim ids: on Redis 7.0 a one-member set of a
// string costs ~250 bytes, a short string ~100.
const POSTINGS_LUA = `
local cap = tonumber(ARGV[1])
local out = {}
for i, k in ipairs(KEYS) do
  local v = redis.call('GET', k)
  if v then
    local ids = {}
    for id in string.gmatch(v, '%S+') do ids[#ids + 1] = id end
    if #ids <= cap then
      for _, id in ipairs(ids) do out[#out + 1] = id end
    end
  end
end
return out`;

// Appends a claim id to posting lists that lack it and are not yet over the limit (stock
// phrases stop growing once readers skip them anyway).
const POST_LUA = `
local id = ARGV[1]
local limit = tonumber(ARGV[2])
for i, k in ipairs(KEYS) do
  local v = redis.call('GET', k) or ''
  if #v <= limit * (#id + 1) and not string.find(' ' .. v, ' ' .. id .. ' ', 1, true) then
    redis.call('APPEND', k, id .. ' ')
  end
end
return 0`;

// Document frequencies of n-grams: one count per gram, in 256 hashes by the gram hash's first
// two hex digits (a hash field costs ~60 bytes against ~100 for a key of its own), plus the
// number of articles counted. KEYS[1] is that article count, KEYS[i + 1] the hash of ARGV[i].
const DF_READ_LUA = `
local out = { tonumber(redis.call('GET', KEYS[1]) or '0') }
for i = 2, #KEYS do
  out[i] = tonumber(redis.call('HGET', KEYS[i], ARGV[i - 1]) or '0')
end
return out`;

const DF_ADD_LUA = `
redis.call('INCR', KEYS[1])
for i = 2, #KEYS do
  redis.call('HINCRBY', KEYS[i], ARGV[i - 1], 1)
end
return 0`;

// Moves one archived claim out of the hot store, only if its update time is still the one the
// sweep read (a claim a verifier touched since then stays: it is not idle any more), with every
// index entry that names it. KEYS: 1 `updated`, 2 `status`, 3 `archived`, 4 `logged`, 5 `c:<id>`,
// then its `x:`, `p:`, `sq:`, `by:`, `rep:` and `ca:` keys, as many as ARGV[5..10] say. ARGV: 1 the
// archive file, 2 the id, 3 its update time (ms), 4 its status, 5-10 those counts, then the
// short-quote texts (fields of the `sq:` hashes).
const EVICT_LUA = `
local id = ARGV[2]
local cur = redis.call('ZSCORE', KEYS[1], id)
if not cur or tonumber(cur) ~= tonumber(ARGV[3]) then return 0 end
redis.call('DEL', KEYS[5])
redis.call('ZREM', KEYS[1], id)
redis.call('HINCRBY', KEYS[2], ARGV[4], -1)
redis.call('HDEL', KEYS[4], id)
redis.call('HSET', KEYS[3], id, ARGV[1])
local k = 6
for _ = 1, tonumber(ARGV[5]) do
  if redis.call('GET', KEYS[k]) == id then redis.call('DEL', KEYS[k]) end
  k = k + 1
end
for _ = 1, tonumber(ARGV[6]) do
  local v = redis.call('GET', KEYS[k])
  if v then
    local s, e = string.find(' ' .. v, ' ' .. id .. ' ', 1, true)
    if s then
      local rest = string.sub(v, 1, s - 1) .. string.sub(v, e)
      if rest == '' then redis.call('DEL', KEYS[k]) else redis.call('SET', KEYS[k], rest) end
    end
  end
  k = k + 1
end
for i = 1, tonumber(ARGV[7]) do
  if redis.call('HGET', KEYS[k], ARGV[10 + i]) == id then redis.call('HDEL', KEYS[k], ARGV[10 + i]) end
  k = k + 1
end
for _ = 1, tonumber(ARGV[8]) + tonumber(ARGV[9]) do
  redis.call('ZREM', KEYS[k], id)
  k = k + 1
end
for _ = 1, tonumber(ARGV[10]) do
  redis.call('SREM', KEYS[k], id)
  k = k + 1
end
return 1`;

const MARK_LUA = `
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1`;

type ScriptArg = string | number;
/** A pooled transaction connection with the store's scripts defined (sent by SHA, loaded once). */
type ClaimConn = Redis & {
  qcPostings(numKeys: number, ...args: ScriptArg[]): Promise<string[]>;
  qcDfRead(numKeys: number, ...args: ScriptArg[]): Promise<number[]>;
};
type ClaimMulti = ReturnType<Redis['multi']> & {
  qcPost(numKeys: number, ...args: ScriptArg[]): ClaimMulti;
  qcDfAdd(numKeys: number, ...args: ScriptArg[]): ClaimMulti;
};

/** Thrown when a claim transaction kept conflicting with concurrent writers; the job retries. */
export class ClaimConflictError extends Error {
  constructor(attempts: number) {
    super(`claim store transaction conflicted ${attempts} times with concurrent writers: the job will be retried`);
    this.name = 'ClaimConflictError';
  }
}

export interface RedisClaimStoreOptions {
  /** Connections kept for transactions (WATCH is per connection). */
  poolSize?: number;
  /** Reruns of a conflicting transaction before giving up. */
  maxAttempts?: number;
  /**
   * Ids a posting list keeps before it stops growing (default 256). Must be at least the
   * verifier's `postingCap`, so a list it still reads is never cut short.
   */
  postingLimit?: number;
}

/**
 * The claim store in Redis. Every key is under `Keys.claims` (one `{claims}` hash tag), so the
 * optimistic transactions (WATCH every key read, then MULTI/EXEC the writes; rerun on conflict)
 * also work on Redis Cluster. Layout, under the prefix:
 *
 * - `c:<id>` claim JSON; `updated` sorted set of claim ids by update time (export paging)
 * - `x:<hash>` exact normalised quote -> claim id; `p:<hash>` posting list of a word 4-gram:
 *   space-terminated claim ids appended to a string (bounded by `postingLimit`)
 * - `sq:<speaker key>` hash of the speaker's short quotes (fewer than 4 words) -> claim id, read
 *   by the speaker's longer quotes that may contain them
 * - `by:<speaker key>`, `rep:<reporter key>` sorted sets of claim ids by update time
 * - `ca:<article id>` set of claim ids with an occurrence in the article
 * - `d:<person key>`, `da:<article id>` hashes of dispute records (denials, on-record contrasts)
 * - `logged` hash claim id -> last logged flag state
 * - `status` hash headline status -> number of claims (moved in the transaction that changes a status)
 * - `df:<xx>` hashes n-gram hash (after its first two hex digits `xx`) -> number of articles whose
 *   quotations hold it; `df:n` the number of articles counted. Read without WATCH: every article
 *   writes them, and a count one article late changes no decision that matters
 * - `merged` hash merged claim id -> the claim id it now lives under (read by {@link mergedInto})
 * - `archived` hash claim id -> the archive file it was last moved to (claims idle past the hot
 *   window are written to the archive and their `c:<id>` removed; see archive.ts)
 * - `rv:<id>`, `reviewed`: reviewers' decisions, written by the decision log (decisions.ts)
 */
export class RedisClaimStore implements ClaimStore {
  private readonly idle: ClaimConn[] = [];
  private readonly all: ClaimConn[] = [];
  private readonly poolSize: number;
  private readonly maxAttempts: number;
  private readonly postingLimit: number;
  readonly base: string;
  /** Transactions committed, reruns because a concurrent writer changed what one read, and keys watched. */
  readonly stats = { committed: 0, conflicts: 0, watched: 0 };

  constructor(
    private readonly redis: Redis,
    keys: Keys,
    options: RedisClaimStoreOptions = {},
  ) {
    this.base = keys.claims;
    this.poolSize = options.poolSize ?? 8;
    this.maxAttempts = options.maxAttempts ?? 50;
    this.postingLimit = options.postingLimit ?? 256;
  }

  /** Full Redis key of a claim-store key. */
  key(k: string): string {
    return `${this.base}:${k}`;
  }

  private acquire(): ClaimConn {
    const c = this.idle.pop();
    if (c) return c;
    // A transaction issues its reads concurrently; auto-pipelining sends those of one tick in one
    // write and one round trip. The WATCHes queue in order before the reads they guard.
    const d = this.redis.duplicate({ connectionName: 'quotecheck-claims', enableAutoPipelining: true });
    d.defineCommand('qcPostings', { lua: POSTINGS_LUA });
    d.defineCommand('qcPost', { lua: POST_LUA });
    d.defineCommand('qcDfRead', { lua: DF_READ_LUA });
    d.defineCommand('qcDfAdd', { lua: DF_ADD_LUA });
    this.all.push(d as ClaimConn);
    return d as ClaimConn;
  }

  private release(c: ClaimConn): void {
    if (this.idle.length < this.poolSize) this.idle.push(c);
    else {
      this.all.splice(this.all.indexOf(c), 1);
      c.disconnect();
    }
  }

  async transact<T>(work: (tx: ClaimTx) => Promise<{ writes: ClaimWrites; result: T }>): Promise<T> {
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const conn = this.acquire();
      try {
        const { writes, result } = await work(this.reader(conn));
        const m = conn.multi() as ClaimMulti;
        this.queueWrites(m, writes);
        const res = await m.exec();
        if (res !== null) {
          const failed = res.find(([err]) => err);
          if (failed?.[0]) throw failed[0];
          this.stats.committed++;
          return result;
        }
      } catch (e) {
        await conn.unwatch().catch(() => {});
        throw e;
      } finally {
        this.release(conn);
      }
      this.stats.conflicts++;
      // Someone changed what we read: back off a little and rerun against the new state.
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 * attempt)));
    }
    throw new ClaimConflictError(this.maxAttempts);
  }

  private reader(conn: ClaimConn): ClaimTx {
    const k = (s: string) => this.key(s);
    // Redis (7.0) checks each WATCHed key against the connection's list of watched keys, so
    // watching costs grow with the square of the keys: watch each key once.
    const watched = new Set<string>();
    const watch = async (keys: string[]) => {
      const fresh = keys.filter((key) => !watched.has(key));
      for (const key of fresh) watched.add(key);
      this.stats.watched += fresh.length;
      if (fresh.length) await conn.watch(...fresh);
    };
    const hvals = async (keys: string[]): Promise<Dispute[]> => {
      if (!keys.length) return [];
      await watch(keys);
      const p = conn.pipeline();
      for (const key of keys) p.hvals(key);
      const res = (await p.exec()) ?? [];
      const out: Dispute[] = [];
      for (const [err, vals] of res) {
        if (err) throw err;
        for (const v of vals as string[]) out.push(JSON.parse(v) as Dispute);
      }
      return out;
    };
    return {
      exact: async (keys) => {
        if (!keys.length) return [];
        const full = keys.map(k);
        await watch(full);
        return conn.mget(...full);
      },
      postings: async (grams, cap) => {
        if (!grams.length) return [];
        const full = grams.map(k);
        await watch(full);
        return [...new Set(await conn.qcPostings(full.length, ...full, cap))];
      },
      claims: async (ids) => {
        const out = new Map<string, Claim>();
        // Ids still to read, each with the id it was asked as; a missing record may have been
        // merged into another (followed a few hops through `merged`, each record watched).
        let todo = ids.map((id) => [id, id] as const);
        for (let hop = 0; todo.length && hop < 8; hop++) {
          const full = todo.map(([, id]) => k(`c:${id}`));
          await watch(full);
          const vals = await conn.mget(...full);
          const missing: (readonly [string, string])[] = [];
          vals.forEach((v, i) => {
            if (v) out.set(todo[i]![0], JSON.parse(v) as Claim);
            else missing.push(todo[i]!);
          });
          if (!missing.length) break;
          const next = await conn.hmget(k('merged'), ...missing.map(([, id]) => id));
          todo = missing.flatMap(([asked], i) => (next[i] ? [[asked, next[i]!] as const] : []));
        }
        return out;
      },
      recent: async (index: SpeakerIndex, keys, limit) => {
        if (!keys.length) return [];
        const full = keys.map((x) => k(`${index}:${x}`));
        await watch(full);
        const p = conn.pipeline();
        for (const key of full) p.zrange(key, 0, limit - 1, 'REV');
        const res = (await p.exec()) ?? [];
        return [...new Set(res.flatMap(([, v]) => v as string[]))];
      },
      ofArticles: async (articleIds) => {
        if (!articleIds.length) return [];
        const full = articleIds.map((a) => k(`ca:${a}`));
        await watch(full);
        const p = conn.pipeline();
        for (const key of full) p.smembers(key);
        const res = (await p.exec()) ?? [];
        return [...new Set(res.flatMap(([, v]) => v as string[]))];
      },
      shortQuotes: async (speaker) => {
        const key = k(`sq:${speaker}`);
        await watch([key]);
        return Object.entries(await conn.hgetall(key));
      },
      disputesByKey: (keys) => hvals(keys.map((x) => k(`d:${x}`))),
      disputesByArticle: (ids) => hvals(ids.map((a) => k(`da:${a}`))),
      gramFrequencies: async (grams) => {
        const [docs = 0, ...counts] = await conn.qcDfRead(grams.length + 1, k('df:n'), ...this.dfArgs(grams));
        return { docs, counts };
      },
    };
  }

  /** Hash keys, then fields, of n-gram keys (`p:<16 hex>`) in the document-frequency hashes. */
  private dfArgs(grams: readonly string[]): string[] {
    const hex = grams.map((g) => g.slice(g.indexOf(':') + 1));
    return [...hex.map((h) => this.key(`df:${h.slice(0, 2)}`)), ...hex.map((h) => h.slice(2))];
  }

  private queueWrites(m: ClaimMulti, w: ClaimWrites): void {
    const k = (s: string) => this.key(s);
    for (const c of w.claims) {
      m.set(k(`c:${c.id}`), JSON.stringify(c));
      m.zadd(k('updated'), Date.parse(c.updatedAt), c.id);
    }
    for (const [x, id] of w.exact) m.set(k(x), id);
    for (const [speaker, text, id] of w.shortQuotes) m.hset(k(`sq:${speaker}`), text, id);
    const byClaim = new Map<string, string[]>();
    for (const [g, id] of w.postings) {
      const list = byClaim.get(id);
      if (list) list.push(k(g));
      else byClaim.set(id, [k(g)]);
    }
    for (const [id, grams] of byClaim) m.qcPost(grams.length, ...grams, id, this.postingLimit);
    for (const [index, key, id, score] of w.speakers) m.zadd(k(`${index}:${key}`), score, id);
    for (const [a, id] of w.articleClaims) m.sadd(k(`ca:${a}`), id);
    if (w.gramDocs?.length) m.qcDfAdd(w.gramDocs.length + 1, k('df:n'), ...this.dfArgs(w.gramDocs));
    for (const [from, to] of w.statuses) {
      if (from) m.hincrby(k('status'), from, -1);
      if (to) m.hincrby(k('status'), to, 1);
    }
    // A merged-away claim leaves the records and the update order; its id resolves through `merged`.
    // Index entries naming it (postings, exact, by/rep, ca) stay and resolve when read.
    for (const [from, into] of w.merges ?? []) {
      m.del(k(`c:${from}`));
      m.zrem(k('updated'), from);
      m.hset(k('merged'), from, into);
    }
    for (const { dispute, keys } of w.disputes) {
      const json = JSON.stringify(dispute);
      for (const key of keys) m.hset(k(`d:${key}`), dispute.id, json);
      m.hset(k(`da:${dispute.articleId}`), dispute.id, json);
    }
  }

  async markLogged(claimId: string, state: string): Promise<boolean> {
    return (await this.redis.eval(MARK_LUA, 1, this.key('logged'), claimId, state)) === 1;
  }

  async page(cursor: PageCursor | null, count: number, sinceMs = 0): Promise<ClaimPage> {
    const from = cursor?.score ?? sinceMs;
    const rows = await this.redis.zrange(
      this.key('updated'),
      from,
      '+inf',
      'BYSCORE',
      'LIMIT',
      cursor?.offset ?? 0,
      count,
      'WITHSCORES',
    );
    const ids: string[] = [];
    const scores: number[] = [];
    for (let i = 0; i < rows.length; i += 2) {
      ids.push(rows[i]!);
      scores.push(Number(rows[i + 1]));
    }
    const vals = ids.length ? await this.redis.mget(...ids.map((id) => this.key(`c:${id}`))) : [];
    const claims = vals.filter((v): v is string => !!v).map((v) => JSON.parse(v) as Claim);
    return { claims, next: nextCursor(scores, cursor, count) };
  }

  async count(): Promise<number> {
    return this.redis.zcard(this.key('updated'));
  }

  async countByStatus(): Promise<Record<ClaimStatus, number>> {
    const out = zeroCounts();
    const raw = await this.redis.hgetall(this.key('status'));
    for (const s of STATUS_PRECEDENCE) out[s] = Number(raw[s] ?? 0);
    return out;
  }

  async get(ids: readonly string[]): Promise<Map<string, Claim>> {
    const out = new Map<string, Claim>();
    if (!ids.length) return out;
    const vals = await this.redis.mget(...ids.map((id) => this.key(`c:${id}`)));
    vals.forEach((v, i) => {
      if (v) out.set(ids[i]!, JSON.parse(v) as Claim);
    });
    return out;
  }

  async newest(offset: number, count: number): Promise<{ id: string; updatedMs: number }[]> {
    const rows = await this.redis.zrange(this.key('updated'), offset, offset + count - 1, 'REV', 'WITHSCORES');
    const out: { id: string; updatedMs: number }[] = [];
    for (let i = 0; i < rows.length; i += 2) out.push({ id: rows[i]!, updatedMs: Number(rows[i + 1]) });
    return out;
  }

  async mergedInto(id: string): Promise<string | null> {
    return this.redis.hget(this.key('merged'), id);
  }

  async idleClaims(beforeMs: number, count: number): Promise<Claim[]> {
    const ids = await this.redis.zrange(this.key('updated'), '-inf', `(${beforeMs}`, 'BYSCORE', 'LIMIT', 0, count);
    return [...(await this.get(ids)).values()];
  }

  async evict(claims: readonly Claim[], file: string, entries: readonly ClaimIndexEntries[]): Promise<string[]> {
    if (!claims.length) return [];
    const k = (x: string) => this.key(x);
    // One script per claim (each atomic), all in one round trip.
    const p = this.redis.pipeline();
    for (const [i, c] of claims.entries()) {
      const e = entries[i]!;
      const keys = [
        k('updated'),
        k('status'),
        k('archived'),
        k('logged'),
        k(`c:${c.id}`),
        ...e.exact.map(k),
        ...e.posted.map(k),
        ...e.short.map(([speaker]) => k(`sq:${speaker}`)),
        ...e.by.map((x) => k(`by:${x}`)),
        ...e.rep.map((x) => k(`rep:${x}`)),
        ...e.articles.map((a) => k(`ca:${a}`)),
      ];
      const counts = [e.exact, e.posted, e.short, e.by, e.rep, e.articles].map((l) => l.length);
      p.eval(
        EVICT_LUA,
        keys.length,
        ...keys,
        file,
        c.id,
        Date.parse(c.updatedAt),
        c.status,
        ...counts,
        ...e.short.map(([, t]) => t),
      );
    }
    const res = (await p.exec()) ?? [];
    const out: string[] = [];
    for (const [i, [err, done]] of res.entries()) {
      if (err) throw err;
      if (done === 1) out.push(claims[i]!.id);
    }
    return out;
  }

  async archivedIn(ids: readonly string[]): Promise<(string | null)[]> {
    return ids.length ? this.redis.hmget(this.key('archived'), ...ids) : [];
  }

  /** Closes the transaction connections (the main connection belongs to the caller). */
  async close(): Promise<void> {
    for (const c of this.all.splice(0)) c.disconnect();
    this.idle.length = 0;
  }
}
