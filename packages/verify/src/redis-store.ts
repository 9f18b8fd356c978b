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

// Document frequencies of n-grams: one count per gram, in 256 hashes by the gram hash's first
// two hex digits (a hash field costs ~60 bytes against ~100 for a key of its own), plus the
// number of articles counted. KEYS[1] is that article count, KEYS[i + 1] the hash of ARGV[i].
const DF_READ_LUA = `
local out = { tonumber(redis.call('GET', KEYS[1]) or '0') }
for i = 2, #KEYS do
  out[i] = tonumber(redis.call('HGET', KEYS[i], ARGV[i - 1]) or '0')
end
return out`;

// Moves one archived claim out of the hot store, only if its update time is still the one the
// sweep read (a claim a verifier touched since then stays: it is not idle any more), with every
// index entry that names it; the version counters of those keys move, so a transaction that read
// them reruns. KEYS: 1 `updated`, 2 `status`, 3 `archived`, 4 `logged`, 5 `c:<id>`, then its `x:`,
// `p:`, `sq:`, `by:`, `rep:` and `ca:` keys, as many as ARGV[5..10] say, then the version counters.
// ARGV: 1 the archive file, 2 the id, 3 its update time (ms), 4 its status, 5-10 those counts,
// 11 the counter type, 12 the number s of version slots to move, the s slots, then the
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
local s = tonumber(ARGV[12])
local bump = { 'OVERFLOW', 'WRAP' }
for i = 1, s do
  bump[#bump + 1] = 'INCRBY'; bump[#bump + 1] = ARGV[11]; bump[#bump + 1] = '#' .. ARGV[12 + i]; bump[#bump + 1] = 1
end
if s > 0 then redis.call('BITFIELD', KEYS[#KEYS], unpack(bump)) end
local texts = 12 + s
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
  if redis.call('HGET', KEYS[k], ARGV[texts + i]) == id then redis.call('HDEL', KEYS[k], ARGV[texts + i]) end
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

/**
 * Version counters: a string of {@link VERSION_SLOTS} unsigned 8-bit counters (4 MB), one per
 * slot of key names (FNV-1a of the full key). A commit moves the counter of every key it writes
 * that a transaction may read; a transaction records the counters of what it read (read just
 * before the values, on the same connection) and commits only if none moved since. Two keys
 * sharing a slot can only cause a needless rerun, never a missed conflict: with ~300 keys read
 * and ~130 versioned keys written per article (P1k), a concurrent commit collides by chance
 * with odds ~300 x 130 / 2^22 = 0.9% (2^20 slots gave 3.7%, as many reruns as real conflicts).
 * 8 bits wrap after 256 commits touching one slot, far more than can land during one transaction.
 */
const VERSION_SLOTS = 2 ** 22;
/** BITFIELD type of one version counter. */
const VERSION_TYPE = 'u8';

// One article's commit. KEYS[1] is the version counters; KEYS[i + 1] the key of write op i.
// ARGV: number of checked slots n, number of slots to move m, the posting limit, the counter
// type (BITFIELD encoding), then the n
// slots and the n counters read, the m slots, then each op as (number of its arguments, its
// command, its arguments). Op POST appends a claim id to a posting list that lacks it and is not
// yet over the limit (stock phrases stop growing once readers skip them anyway). Returns 0, and
// writes nothing, when a checked counter moved.
const COMMIT_LUA = `
local n, m, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local a = 5
local CHUNK = 1000
for from = 0, n - 1, CHUNK do
  local to = math.min(n, from + CHUNK) - 1
  local args = {}
  for i = from, to do
    args[#args + 1] = 'GET'; args[#args + 1] = ARGV[4]; args[#args + 1] = '#' .. ARGV[a + i]
  end
  local got = redis.call('BITFIELD_RO', KEYS[1], unpack(args))
  for i = from, to do
    if got[i - from + 1] ~= tonumber(ARGV[a + n + i]) then return 0 end
  end
end
a = a + 2 * n
for from = 0, m - 1, CHUNK do
  local to = math.min(m, from + CHUNK) - 1
  local args = { 'OVERFLOW', 'WRAP' }
  for i = from, to do
    args[#args + 1] = 'INCRBY'; args[#args + 1] = ARGV[4]; args[#args + 1] = '#' .. ARGV[a + i]; args[#args + 1] = 1
  end
  redis.call('BITFIELD', KEYS[1], unpack(args))
end
a = a + m
local k = 2
while a <= #ARGV do
  local argc, cmd = tonumber(ARGV[a]), ARGV[a + 1]
  local key = KEYS[k]
  if cmd == 'POST' then
    local id = ARGV[a + 2]
    local v = redis.call('GET', key) or ''
    if #v <= limit * (#id + 1) and not string.find(' ' .. v, ' ' .. id .. ' ', 1, true) then
      redis.call('APPEND', key, id .. ' ')
    end
  else
    redis.call(cmd, key, unpack(ARGV, a + 2, a + 1 + argc))
  end
  a = a + 2 + argc
  k = k + 1
end
return 1`;

/** Slot of a full key among the version counters (FNV-1a, 32 bits). */
export function versionSlot(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % VERSION_SLOTS;
}

type ScriptArg = string | number;
/** The store's connection with its scripts defined (sent by SHA, loaded once). */
type ClaimConn = Redis & {
  qcPostings(numKeys: number, ...args: ScriptArg[]): Promise<string[]>;
  qcDfRead(numKeys: number, ...args: ScriptArg[]): Promise<number[]>;
  qcCommit(numKeys: number, ...args: ScriptArg[]): Promise<number>;
};

/**
 * One write of a commit: a Redis command on one key of the store (`POST`: append a claim id to a
 * posting list, see COMMIT_LUA). `versioned`: transactions read this key, so the commit moves its
 * version counter.
 */
export interface WriteOp {
  cmd: string;
  key: string;
  args: ScriptArg[];
  versioned: boolean;
}

/** Thrown when a claim transaction kept conflicting with concurrent writers; the job retries. */
export class ClaimConflictError extends Error {
  constructor(attempts: number) {
    super(`claim store transaction conflicted ${attempts} times with concurrent writers: the job will be retried`);
    this.name = 'ClaimConflictError';
  }
}

export interface RedisClaimStoreOptions {
  /** Reruns of a conflicting transaction before giving up. */
  maxAttempts?: number;
  /**
   * Ids a posting list keeps before it stops growing (default 256). Must be at least the
   * verifier's `postingCap`, so a list it still reads is never cut short.
   */
  postingLimit?: number;
}

/**
 * The claim store in Redis. Every key is under `Keys.claims` (one `{claims}` hash tag), so one
 * script may touch them all, also on Redis Cluster. A transaction reads without locks or WATCH,
 * in pipelined rounds, recording the version counter of every key it reads (`v`, below); its
 * writes apply in one script call that first checks those counters and writes nothing if a
 * concurrent commit moved one (then the transaction reruns against the new state). Layout, under
 * the prefix:
 *
 * - `c:<id>` claim JSON; `updated` sorted set of claim ids by update time (export paging)
 * - `x:<hash>` exact normalised quote -> claim id; `p:<hash>` posting list of a word 4-gram:
 *   space-terminated claim ids appended to a string (bounded by `postingLimit`)
 * - `sq:<speaker key>` hash of the speaker's short quotes (fewer than 4 words) -> claim id, read
 *   by the speaker's longer quotes that may contain them
 * - `by:<speaker key>`, `rep:<reporter key>` sorted sets of claim ids by update time
 * - `ca:<article id>` set of claim ids with an occurrence in the article
 * - `d:<person key>`, `da:<article id>` hashes of dispute records (denials, on-record contrasts)
 * - `v` version counters of the keys above, by slot of the key name ({@link VERSION_SLOTS})
 * - `logged` hash claim id -> last logged flag state
 * - `status` hash headline status -> number of claims (moved in the commit that changes a status)
 * - `df:<xx>` hashes n-gram hash (after its first two hex digits `xx`) -> number of articles whose
 *   quotations hold it; `df:n` the number of articles counted. Not versioned: every article
 *   writes them, and a count one article late changes no decision that matters
 * - `merged` hash merged claim id -> the claim id it now lives under (read by {@link mergedInto})
 * - `archived` hash claim id -> the archive file it was last moved to (claims idle past the hot
 *   window are written to the archive and their `c:<id>` removed; see archive.ts)
 * - `rv:<id>`, `reviewed`: reviewers' decisions, written by the decision log (decisions.ts)
 */
export class RedisClaimStore implements ClaimStore {
  private conn: ClaimConn | null = null;
  private readonly maxAttempts: number;
  private readonly postingLimit: number;
  readonly base: string;
  /**
   * Transactions committed, reruns because a concurrent commit moved a version counter of what
   * one read, and keys whose counter transactions read.
   */
  readonly stats = { committed: 0, conflicts: 0, checked: 0 };

  constructor(
    private readonly redis: Redis,
    keys: Keys,
    options: RedisClaimStoreOptions = {},
  ) {
    this.base = keys.claims;
    this.maxAttempts = options.maxAttempts ?? 50;
    this.postingLimit = options.postingLimit ?? 256;
  }

  /** Full Redis key of a claim-store key. */
  key(k: string): string {
    return `${this.base}:${k}`;
  }

  private connection(): ClaimConn {
    if (this.conn) return this.conn;
    // Transactions issue their reads concurrently; auto-pipelining sends those of one tick in one
    // write and one round trip, each version read just before the value read it guards.
    const d = this.redis.duplicate({ connectionName: 'quotecheck-claims', enableAutoPipelining: true });
    d.defineCommand('qcPostings', { lua: POSTINGS_LUA });
    d.defineCommand('qcDfRead', { lua: DF_READ_LUA });
    d.defineCommand('qcCommit', { lua: COMMIT_LUA });
    this.conn = d as ClaimConn;
    return this.conn;
  }

  async transact<T>(work: (tx: ClaimTx) => Promise<{ writes: ClaimWrites; result: T }>): Promise<T> {
    const conn = this.connection();
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const seen = new Map<number, number>();
      const { writes, result } = await work(this.reader(conn, seen));
      const ops = this.queueWrites(writes);
      if ((await conn.qcCommit(...this.commitArgs(seen, ops))) === 1) {
        this.stats.committed++;
        return result;
      }
      this.stats.conflicts++;
      // Someone changed what we read: back off a little and rerun against the new state.
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 * attempt)));
    }
    throw new ClaimConflictError(this.maxAttempts);
  }

  /** Key count and arguments of COMMIT_LUA: check the counters in `seen`, move those of versioned writes, apply `ops`. */
  private commitArgs(seen: Map<number, number>, ops: WriteOp[]): [number, ...ScriptArg[]] {
    const moved = [...new Set(ops.filter((o) => o.versioned).map((o) => versionSlot(o.key)))];
    const args: ScriptArg[] = [
      seen.size,
      moved.length,
      this.postingLimit,
      VERSION_TYPE,
      ...seen.keys(),
      ...seen.values(),
      ...moved,
    ];
    for (const o of ops) args.push(o.args.length, o.cmd, ...o.args);
    return [ops.length + 1, this.key('v'), ...ops.map((o) => o.key), ...args];
  }

  private reader(conn: ClaimConn, seen: Map<number, number>): ClaimTx {
    const k = (s: string) => this.key(s);
    const vkey = k('v');
    /**
     * Reads the version counters of keys, issued before (and pipelined with) the reads of their
     * values: a commit landing between the two moves a counter, which the commit check then sees.
     */
    const versions = (keys: string[]): Promise<void> => {
      const slots = keys.map(versionSlot).filter((s) => !seen.has(s));
      if (!slots.length) return Promise.resolve();
      this.stats.checked += slots.length;
      const args: ScriptArg[] = [];
      for (const s of slots) args.push('GET', VERSION_TYPE, `#${s}`);
      return (conn.call('BITFIELD_RO', vkey, ...args) as Promise<number[]>).then((got) => {
        // The first reading of a slot is the one the values read after it depend on.
        slots.forEach((s, i) => {
          if (!seen.has(s)) seen.set(s, got[i]!);
        });
      });
    };
    const hvals = async (keys: string[]): Promise<Dispute[]> => {
      if (!keys.length) return [];
      const [, res] = await Promise.all([versions(keys), Promise.all(keys.map((key) => conn.hvals(key)))]);
      return res.flat().map((v) => JSON.parse(v) as Dispute);
    };
    const members = async (keys: string[], read: (key: string) => Promise<string[]>): Promise<string[]> => {
      const [, res] = await Promise.all([versions(keys), Promise.all(keys.map(read))]);
      return [...new Set(res.flat())];
    };
    return {
      exact: async (keys) => {
        if (!keys.length) return [];
        const full = keys.map(k);
        return (await Promise.all([versions(full), conn.mget(...full)]))[1];
      },
      postings: async (grams, cap) => {
        if (!grams.length) return [];
        const full = grams.map(k);
        const [, ids] = await Promise.all([versions(full), conn.qcPostings(full.length, ...full, cap)]);
        return [...new Set(ids)];
      },
      claims: async (ids) => {
        const out = new Map<string, Claim>();
        // Ids still to read, each with the id it was asked as; a missing record may have been
        // merged into another (followed a few hops through `merged`, each record's version read).
        let todo = ids.map((id) => [id, id] as const);
        for (let hop = 0; todo.length && hop < 8; hop++) {
          const full = todo.map(([, id]) => k(`c:${id}`));
          const [, vals] = await Promise.all([versions(full), conn.mget(...full)]);
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
      recent: (index: SpeakerIndex, keys, limit) =>
        members(
          keys.map((x) => k(`${index}:${x}`)),
          (key) => conn.zrange(key, 0, limit - 1, 'REV'),
        ),
      ofArticles: (articleIds) =>
        members(
          articleIds.map((a) => k(`ca:${a}`)),
          (key) => conn.smembers(key),
        ),
      shortQuotes: async (speaker) => {
        const key = k(`sq:${speaker}`);
        const [, all] = await Promise.all([versions([key]), conn.hgetall(key)]);
        return Object.entries(all);
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

  /**
   * The one place a transaction's writes become Redis commands (applied by COMMIT_LUA, in order).
   * A write to a key that transactions read goes through `read`, so its version counter moves and
   * concurrent readers of it rerun (e.g. a merge's `DEL c:<from>`); `unread` is for keys no
   * transaction reads (if `merged` comes to be read inside transactions, write it through `read`).
   */
  private queueWrites(w: ClaimWrites): WriteOp[] {
    const k = (s: string) => this.key(s);
    const ops: WriteOp[] = [];
    // Keys transactions read (their version counters move) and keys they do not.
    const read = (cmd: string, key: string, ...args: ScriptArg[]) => ops.push({ cmd, key: k(key), args, versioned: true });
    const unread = (cmd: string, key: string, ...args: ScriptArg[]) => ops.push({ cmd, key: k(key), args, versioned: false });
    for (const c of w.claims) {
      read('SET', `c:${c.id}`, JSON.stringify(c));
      unread('ZADD', 'updated', Date.parse(c.updatedAt), c.id);
    }
    for (const [x, id] of w.exact) read('SET', x, id);
    for (const [speaker, text, id] of w.shortQuotes) read('HSET', `sq:${speaker}`, text, id);
    for (const [g, id] of w.postings) read('POST', g, id);
    for (const [index, key, id, score] of w.speakers) read('ZADD', `${index}:${key}`, score, id);
    for (const [a, id] of w.articleClaims) read('SADD', `ca:${a}`, id);
    if (w.gramDocs?.length) {
      unread('INCR', 'df:n');
      for (const g of w.gramDocs) {
        const h = g.slice(g.indexOf(':') + 1);
        unread('HINCRBY', `df:${h.slice(0, 2)}`, h.slice(2), 1);
      }
    }
    for (const [from, to] of w.statuses) {
      if (from) unread('HINCRBY', 'status', from, -1);
      if (to) unread('HINCRBY', 'status', to, 1);
    }
    // A merged-away claim leaves the records and the update order; its id resolves through `merged`
    // (read only after its record, whose counter moves here). Index entries naming it (postings,
    // exact, by/rep, ca) stay and resolve when read.
    for (const [from, into] of w.merges ?? []) {
      read('DEL', `c:${from}`);
      unread('ZREM', 'updated', from);
      unread('HSET', 'merged', from, into);
    }
    for (const { dispute, keys } of w.disputes) {
      const json = JSON.stringify(dispute);
      for (const key of keys) read('HSET', `d:${key}`, dispute.id, json);
      read('HSET', `da:${dispute.articleId}`, dispute.id, json);
    }
    return ops;
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
      // Every key from `c:<id>` on is one transactions read: their counters move.
      const slots = [...new Set(keys.slice(4).map(versionSlot))];
      p.eval(
        EVICT_LUA,
        keys.length + 1,
        ...keys,
        k('v'),
        file,
        c.id,
        Date.parse(c.updatedAt),
        c.status,
        ...counts,
        VERSION_TYPE,
        slots.length,
        ...slots,
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

  /** Closes the transaction connection (the main connection belongs to the caller). */
  async close(): Promise<void> {
    this.conn?.disconnect();
    this.conn = null;
  }
}
