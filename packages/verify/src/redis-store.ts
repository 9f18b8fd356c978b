import { randomUUID } from 'node:crypto';
import type { Cluster, Redis, RedisClient } from '@quotecheck/shared';
import { type Claim, type ClaimStatus, ConfigError, fnv1a32, type Keys, STATUS_PRECEDENCE } from '@quotecheck/shared/core';
import { type ClaimIndexEntries, noIndexEntries } from './claim-index.js';
import { byPartition, ClaimKeyspace, type PlacedKey } from './claim-keys.js';
import { type ListOp, ReadRounds, type Seen } from './read-round.js';
import { parseClaim } from './records.js';
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

/**
 * Phrase counts (document frequencies of quoted word 4-grams) live in a count-min sketch, one per
 * partition: {@link SKETCH_DEPTH} rows of {@link SKETCH_WIDTH} unsigned 32-bit counters (saturating)
 * in one string, 16 MB however many articles it counts, where exact `df:<xx>` hash fields grew
 * by ~10 KB per article forever (P200; ≤ 2.5 GB a day at 250,000 articles, docs/scale.md). A
 * count is the least of the item's counters, so it only ever overcounts. The rarity rule compares
 * it with max(3, 0.3% of articles), and ~167 grams are counted per article, so a row's expected
 * overcount is 167/2^21 = 0.008% of articles, 2.7% of the threshold, whatever the store's size;
 * a rare gram passes for common only if both rows exceed it (under 0.1%: fewer links, never a
 * wrong one). Redis CPU as for exact counts: the claim store's scripts took 2.85-3.38 s per 1,000
 * articles against 3.06-3.21 s (`--store-profile`, alternated 3 times); with 4 rows of 2^20,
 * 3.47-3.83 s.
 */
export const SKETCH_WIDTH = 2 ** 21;
/** Rows of the phrase-count sketch (see {@link SKETCH_WIDTH}). */
export const SKETCH_DEPTH = 2;
/** Items of the sketch per BITFIELD call (x depth x 3-4 arguments: under Lua's unpack limit of ~8,000). */
const SKETCH_CHUNK = 250;
/**
 * The number of articles the sketches counted. A new name (exact counts had `df:n` beside their
 * `df:<xx>` hashes): a store that kept exact counts starts its sketch at zero, and its article
 * count with it, so the rarity threshold is that of a new store, not one of many articles over
 * counts of none. The old keys are no longer read.
 */
const DF_DOCS = 'df:docs';

/**
 * The counters of an n-gram key (`p:<16 hex>`) in the sketch, as BITFIELD offsets (`#<index>`,
 * one per row, space-separated): row r counts it in column (h1 + r x h2) mod width, h1 and h2
 * the hash's last and first 8 hex digits (FNV-1a of the key for a key of another form), h2 made
 * odd: the double hashing of Kirsch and Mitzenmacher. Made here, not in Lua, where formatting a
 * number as an offset cost more than the counting (P1k, 4 rows: the store's scripts took 4.7 s
 * of Redis CPU per 1,000 articles with offsets made in Lua, 3.5 s made here).
 */
export function sketchCells(gram: string): string {
  const hex = gram.slice(gram.indexOf(':') + 1);
  const isHex = HEX64.test(hex);
  const h1 = isHex ? Number.parseInt(hex.slice(8), 16) : fnv1a32(gram);
  const h2 = ((isHex ? Number.parseInt(hex.slice(0, 8), 16) : fnv1a32(`#${gram}`)) | 1) >>> 0;
  let out = '';
  for (let r = 0; r < SKETCH_DEPTH; r++) out += `${r ? ' ' : ''}#${r * SKETCH_WIDTH + ((h1 + r * h2) % SKETCH_WIDTH)}`;
  return out;
}
const HEX64 = /^[0-9a-f]{16}$/;

// Appends to args, from n + 1 on, the BITFIELD sub-operations (verb GET or INCRBY) of the
// counters at cells (see sketchCells); returns the new length.
const SKETCH_LUA = `
local function sketchCells(args, n, verb, cells)
  for off in string.gmatch(cells, '%S+') do
    args[n + 1] = verb; args[n + 2] = 'u32'; args[n + 3] = off; n = n + 3
    if verb == 'INCRBY' then args[n + 1] = '1'; n = n + 1 end
  end
  return n
end
`;

/** Version slots per BITFIELD call of the scripts (3-4 values each: under Lua's unpack limit of ~8,000). */
const SLOT_CHUNK = 1000;

// The version counters at the slots an argument names (see slotOffsets), in order, read with
// BITFIELD_RO in chunks of SLOT_CHUNK; and moving each of them by one (wrapping). Offsets come
// pre-formatted in one argument: a script argument per slot cost the client ~0.5 us each to
// encode and send, ~670 of the 1,792 arguments an article sent (`pnpm bench:pipeline -- --n 1000
// --workers 0 --store-profile`, alternated 3 times: 1,123 arguments per article now, the store's
// client CPU 1.99-2.30x the memory store's against 2.51-2.87x before, Redis CPU unchanged at
// 3.0-3.8 ms).
const SLOTS_LUA = `
local CHUNK_GET, CHUNK_INCR = ${3 * SLOT_CHUNK}, ${2 + 4 * SLOT_CHUNK}
local function readSlots(key, vtype, offs)
  local out, args = {}, {}
  for off in string.gmatch(offs, '%S+') do
    args[#args + 1] = 'GET'; args[#args + 1] = vtype; args[#args + 1] = off
    if #args >= CHUNK_GET then
      for _, c in ipairs(redis.call('BITFIELD_RO', key, unpack(args))) do out[#out + 1] = c end
      args = {}
    end
  end
  if #args > 0 then
    for _, c in ipairs(redis.call('BITFIELD_RO', key, unpack(args))) do out[#out + 1] = c end
  end
  return out
end
local function bumpSlots(key, vtype, offs)
  local args = { 'OVERFLOW', 'WRAP' }
  for off in string.gmatch(offs, '%S+') do
    args[#args + 1] = 'INCRBY'; args[#args + 1] = vtype; args[#args + 1] = off; args[#args + 1] = 1
    if #args >= CHUNK_INCR then
      redis.call('BITFIELD', key, unpack(args))
      args = { 'OVERFLOW', 'WRAP' }
    end
  end
  if #args > 2 then redis.call('BITFIELD', key, unpack(args)) end
end
`;

// One round of a transaction's reads in one partition (see ReadRounds), atomically with the
// version counters of the keys they depend on. KEYS[1] is the partition's version counters, then
// the keys read. ARGV: the counter type (BITFIELD encoding), the version slots (see slotOffsets),
// then the reads in groups, each as (op, number n of keys, argument) for the next n keys
// (HG: then the n fields). G: GET; P: GET of a posting list (a string of space-terminated claim
// ids, on Redis 7.0 ~100 bytes where a one-member set costs ~250), false when it names more ids
// than the argument (a stock phrase readers skip); HG: HGET; CM: the count of an item in a sketch
// (then the n items' counters, see sketchCells); HA: HGETALL; HV: HVALS; ZR: ZRANGE
// 0..argument-1 REV; SM: SMEMBERS. Returns { the slots' counters, the value of each key read, in order }.
const READ_LUA = `${SKETCH_LUA}${SLOTS_LUA}
local CHUNK = 1000
local out = { readSlots(KEYS[1], ARGV[1], ARGV[2]) }
local a, k = 3, 2
while a <= #ARGV do
  local op, n, arg = ARGV[a], tonumber(ARGV[a + 1]), ARGV[a + 2]
  a = a + 3
  if op == 'G' or op == 'P' then
    -- One MGET per CHUNK keys: a redis.call costs more than the GET it runs.
    local cap = op == 'P' and tonumber(arg)
    for from = k, k + n - 1, CHUNK do
      local to = math.min(k + n, from + CHUNK) - 1
      local got = redis.call('MGET', unpack(KEYS, from, to))
      for i = from, to do
        local r = got[i - from + 1]
        if r and cap then
          local _, ids = string.gsub(r, ' ', '')
          if ids > cap then r = false end
        end
        out[i] = r
      end
    end
    k = k + n
  elseif op == 'CM' then
    -- One BITFIELD_RO per SKETCH_CHUNK items of one sketch; a count is the least of its counters.
    local from = k
    while from < k + n do
      local key, args, len, to = KEYS[from], {}, 0, from
      while to < k + n and to - from < ${SKETCH_CHUNK} and KEYS[to] == key do
        len = sketchCells(args, len, 'GET', ARGV[a + to - k])
        to = to + 1
      end
      local got = redis.call('BITFIELD_RO', key, unpack(args))
      for i = from, to - 1 do
        local least = got[(i - from) * ${SKETCH_DEPTH} + 1]
        for r = 2, ${SKETCH_DEPTH} do least = math.min(least, got[(i - from) * ${SKETCH_DEPTH} + r]) end
        out[i] = least
      end
      from = to
    end
    a = a + n
    k = k + n
  else
    for _ = 1, n do
      local key, r = KEYS[k]
      if op == 'HG' then r = redis.call('HGET', key, ARGV[a]); a = a + 1
      elseif op == 'HA' then r = redis.call('HGETALL', key)
      elseif op == 'HV' then r = redis.call('HVALS', key)
      elseif op == 'ZR' then r = redis.call('ZRANGE', key, 0, tonumber(arg) - 1, 'REV')
      elseif op == 'SM' then r = redis.call('SMEMBERS', key)
      else return redis.error_reply('qcRead: unknown read ' .. tostring(op)) end
      out[k] = r
      k = k + 1
    end
  end
end
return out`;

// Lists of claim ids as strings, each id followed by a space (posting lists, a speaker's words):
// whether one holds an id, and the list without it (nil when it lacks it, '' when nothing is left).
const ID_LIST_LUA = `
local function holdsId(v, id)
  return string.find(' ' .. v, ' ' .. id .. ' ', 1, true) ~= nil
end
local function withoutId(v, id)
  if not v then return nil end
  local s, e = string.find(' ' .. v, ' ' .. id .. ' ', 1, true)
  if not s then return nil end
  return string.sub(v, 1, s - 1) .. string.sub(v, e)
end
`;

// Moves one archived claim out of the hot store, or the index entries of such a claim that live in
// another partition. KEYS[1] is the partition's version counters. With ARGV[1] = '1' KEYS[2..6]
// are the claim's `updated`, `status`, `archived`, `logged` and `c:<id>`: the claim goes only if
// its update time is still the one the sweep read (a claim a verifier touched since then stays: it
// is not idle any more), and the script returns 0 otherwise. Then come its `x:`, `p:`, `sq:`,
// `by:`, `rep:`, `ca:` and `sw:` keys (of this partition), as many as ARGV[6..12] say; each loses
// the entry naming the claim, and the version counters of those keys move (ARGV[14] slots), so a
// transaction that read them reruns. ARGV: 1 the record flag, 2 the archive file, 3 the id, 4 its
// update time (ms), 5 its status, 6-12 those counts, 13 the counter type, 14 the version slots
// (see slotOffsets), then the short-quote texts (fields of the `sq:` hashes), then the words
// (fields of the `sw:` hashes).
const EVICT_LUA = `${SLOTS_LUA}${ID_LIST_LUA}
local id = ARGV[3]
local k = 2
if ARGV[1] == '1' then
  local cur = redis.call('ZSCORE', KEYS[2], id)
  if not cur or tonumber(cur) ~= tonumber(ARGV[4]) then return 0 end
  redis.call('DEL', KEYS[6])
  redis.call('ZREM', KEYS[2], id)
  redis.call('HINCRBY', KEYS[3], ARGV[5], -1)
  redis.call('HDEL', KEYS[5], id)
  redis.call('HSET', KEYS[4], id, ARGV[2])
  k = 7
end
bumpSlots(KEYS[1], ARGV[13], ARGV[14])
local texts = 14
local words = texts + tonumber(ARGV[8])
for _ = 1, tonumber(ARGV[6]) do
  if redis.call('GET', KEYS[k]) == id then redis.call('DEL', KEYS[k]) end
  k = k + 1
end
for _ = 1, tonumber(ARGV[7]) do
  local rest = withoutId(redis.call('GET', KEYS[k]), id)
  if rest == '' then redis.call('DEL', KEYS[k]) elseif rest then redis.call('SET', KEYS[k], rest) end
  k = k + 1
end
for i = 1, tonumber(ARGV[8]) do
  if redis.call('HGET', KEYS[k], ARGV[texts + i]) == id then redis.call('HDEL', KEYS[k], ARGV[texts + i]) end
  k = k + 1
end
for _ = 1, tonumber(ARGV[9]) + tonumber(ARGV[10]) do
  redis.call('ZREM', KEYS[k], id)
  k = k + 1
end
for _ = 1, tonumber(ARGV[11]) do
  redis.call('SREM', KEYS[k], id)
  k = k + 1
end
for i = 1, tonumber(ARGV[12]) do
  local field = ARGV[words + i]
  local rest = withoutId(redis.call('HGET', KEYS[k], field), id)
  if rest == '' then redis.call('HDEL', KEYS[k], field) elseif rest then redis.call('HSET', KEYS[k], field, rest) end
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
// ARGV: the posting limit, the counter type (BITFIELD encoding), the checked slots (see
// slotOffsets), the counters read at them (space-separated, in the same order), the slots to
// move, then the ops in runs of one command with as many arguments each: (number of ops in the
// run, number of arguments of each, the command), then each op's arguments (see opRuns). Op POST
// appends a claim id to a posting list that lacks it and is not yet over the limit (stock phrases
// stop growing once readers skip them anyway); op HPOST (key, field, id, cap) appends a claim id
// to the list in a hash field that lacks it, keeping the cap most recent; op SKETCH counts once each item whose counters an
// argument names (see sketchCells) in the phrase-count sketch at its key. Returns 0, and writes nothing, when a
// checked counter moved.
const COMMIT_LUA = `${SKETCH_LUA}${SLOTS_LUA}${ID_LIST_LUA}
local limit = tonumber(ARGV[1])
if table.concat(readSlots(KEYS[1], ARGV[2], ARGV[3]), ' ') ~= ARGV[4] then return 0 end
bumpSlots(KEYS[1], ARGV[2], ARGV[5])
local a, k = 6, 2
while a <= #ARGV do
  local count, argc, cmd = tonumber(ARGV[a]), tonumber(ARGV[a + 1]), ARGV[a + 2]
  a = a + 3
  for _ = 1, count do
    local key, last = KEYS[k], a + argc - 1
    if cmd == 'POST' then
      local id = ARGV[a]
      local v = redis.call('GET', key) or ''
      if #v <= limit * (#id + 1) and not holdsId(v, id) then
        redis.call('APPEND', key, id .. ' ')
      end
    elseif cmd == 'HPOST' then
      local field, id, cap = ARGV[a], ARGV[a + 1], tonumber(ARGV[a + 2])
      local v = redis.call('HGET', key, field) or ''
      if not holdsId(v, id) then
        v = v .. id .. ' '
        local _, n = string.gsub(v, ' ', '')
        if n > cap then
          -- Drop the oldest n - cap ids in one cut (a list over its cap, say after the cap was
          -- lowered, costs one pass, not one copy per id).
          local at = 0
          for _ = 1, n - cap do at = string.find(v, ' ', at + 1, true) end
          v = string.sub(v, at + 1)
        end
        redis.call('HSET', key, field, v)
      end
    elseif cmd == 'SKETCH' then
      for from = a, last, ${SKETCH_CHUNK} do
        local args, len = { 'OVERFLOW', 'SAT' }, 2
        for i = from, math.min(last, from + ${SKETCH_CHUNK} - 1) do len = sketchCells(args, len, 'INCRBY', ARGV[i]) end
        redis.call('BITFIELD', key, unpack(args))
      end
    else
      redis.call(cmd, key, unpack(ARGV, a, last))
    end
    a = last + 1
    k = k + 1
  end
end
return 1`;

/** Slot of a full key among the version counters (FNV-1a, 32 bits). */
export function versionSlot(key: string): number {
  return fnv1a32(key) % VERSION_SLOTS;
}

/**
 * Version slots as one script argument: each as its BITFIELD offset (`#<slot>`), space-separated
 * (the scripts' readSlots and bumpSlots take them apart).
 */
export function slotOffsets(slots: Iterable<number>): string {
  let out = '';
  for (const s of slots) out += out ? ` #${s}` : `#${s}`;
  return out;
}

type ScriptArg = string | number;
/** Names of the store's scripts as commands of its connection. */
const SCRIPT_NAMES = ['qcRead', 'qcCommit', 'qcEvict', 'qcMark', 'qcUnlock'] as const;
/** The store's connection with its scripts defined (sent by SHA, loaded once). */
type ClaimConn = RedisClient & {
  qcRead(numKeys: number, ...args: ScriptArg[]): Promise<[number[], ...(string | null | string[])[]]>;
  qcCommit(numKeys: number, ...args: ScriptArg[]): Promise<number>;
  qcEvict(numKeys: number, ...args: ScriptArg[]): Promise<number>;
  qcMark(key: string, claimId: string, state: string): Promise<number>;
  qcUnlock(key: string, token: string): Promise<number>;
};

/**
 * One write of a commit: a Redis command on one key of the store (`POST`: append a claim id to a
 * posting list, see COMMIT_LUA), in partition `p`. `versioned`: transactions read this key, so the
 * commit moves its version counter. `grams`: the n-grams whose document frequencies this op counts.
 */
export interface WriteOp {
  cmd: string;
  key: string;
  p: number;
  args: ScriptArg[];
  versioned: boolean;
  grams?: readonly string[];
  /** Removes what a merge made redundant (applied after every other write of a partitioned commit). */
  removes?: boolean;
}

/**
 * The runs of consecutive ops with one command and as many arguments each, as [from, to) index
 * ranges: COMMIT_LUA takes one (count, arguments, command) header per run, not per op: ~150
 * fewer arguments per article (1,123 -> 970, `--store-profile`). A SKETCH op is a run of its own
 * (its argument count is its number of grams).
 */
export function opRuns(ops: readonly Pick<WriteOp, 'cmd' | 'args'>[]): [from: number, to: number][] {
  const runs: [number, number][] = [];
  for (let from = 0; from < ops.length; ) {
    const { cmd, args } = ops[from]!;
    let to = from + 1;
    if (cmd !== 'SKETCH') while (to < ops.length && ops[to]!.cmd === cmd && ops[to]!.args.length === args.length) to++;
    runs.push([from, to]);
    from = to;
  }
  return runs;
}

/** Thrown when a claim transaction kept conflicting with concurrent writers; the job retries. */
export class ClaimConflictError extends Error {
  constructor(attempts: number) {
    super(`claim store transaction conflicted ${attempts} times with concurrent writers: the job will be retried`);
    this.name = 'ClaimConflictError';
  }
}

/** Thrown when the configured partition count differs from the one the store was created with. */
export class ClaimLayoutError extends ConfigError {
  constructor(
    readonly prefix: string,
    readonly stored: number,
    readonly configured: number,
  ) {
    super(
      `the claim store under prefix "${prefix}" was created with ${stored} partition(s), not ${configured}: set claimPartitions to ${stored} (QUOTECHECK_CLAIM_PARTITIONS=${stored}), or use a new prefix`,
    );
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

/** What is still to count of one article's phrase frequencies, across reruns of its transaction. */
interface DfDue {
  grams: Set<string>;
  /** Whether the article count (`df:docs`) is still to move. */
  article: boolean;
}

/** Marks the document frequencies counted by `ops` (which landed) as done in `due`. */
function landedDf(ops: readonly WriteOp[], due: DfDue): void {
  for (const o of ops) {
    if (o.grams) for (const g of o.grams) due.grams.delete(g);
    else if (o.cmd === 'INCR') due.article = false;
  }
}

/**
 * How long the commit lock of a partitioned store lives unless released (ms): far above a
 * commit's few milliseconds, short enough that a holder that died stalls the others briefly.
 */
const COMMIT_LOCK_MS = 10_000;

const UNLOCK_LUA = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * The claim store in Redis. Its keys spread over `Keys.claimPartitions` hash tags (one,
 * `{claims}`, by default; see {@link ClaimKeyspace} for which key goes where), so a Redis Cluster
 * can put partitions on different nodes while one script still touches one partition. A
 * transaction reads without locks or WATCH, in rounds (the reads issued in one macrotask: one
 * READ_LUA call per partition read, {@link ReadRounds}), recording the version counter of every
 * key it reads (`v`, per partition, below), read atomically with the values; its writes apply in
 * one script call per partition written, each of which first checks the counters of what the
 * transaction read in that partition and writes nothing if a concurrent commit moved one. With
 * one partition that is one script: the article's update is atomic. With
 * several, the partitions commit one script each (in parallel), then the partitions only read are
 * checked; if any check fails the transaction reruns against the new state, which includes its
 * own writes that did land (the verifier keeps an article's recorded occurrences on a rerun, and
 * document frequencies already counted are not counted again). Two articles racing over
 * different partitions cannot both miss each other: each checks what it read after its own
 * writes landed. Layout, under each partition's prefix:
 *
 * - `c:<id>` claim JSON; `updated` sorted set of claim ids by update time (export paging)
 * - `x:<hash>` exact normalised quote -> claim id; `p:<hash>` posting list of a word 4-gram:
 *   space-terminated claim ids appended to a string (bounded by `postingLimit`)
 * - `sq:<speaker key>` hash of the speaker's short quotes (fewer than 4 words) -> claim id, read
 *   by the speaker's longer quotes that may contain them
 * - `sw:<speaker key>` hash content word -> the speaker's claim ids holding it (space-terminated,
 *   oldest first, the `SPEAKER_WORD_RECENT` most recent): where a few words look for the quote
 *   they were cut from (see `QuoteKeys.words`)
 * - `by:<speaker key>`, `rep:<reporter key>` sorted sets of claim ids by update time
 * - `ca:<article id>` set of claim ids with an occurrence in the article
 * - `d:<person key>`, `da:<article id>` hashes of dispute records (denials, on-record contrasts)
 * - `v` version counters of the partition's keys above, by slot of the key name ({@link VERSION_SLOTS})
 * - `logged` hash claim id -> last logged flag state
 * - `status` hash headline status -> number of the partition's claims (moved in the commit that
 *   changes a status)
 * - `df:sketch` count-min sketch of the number of articles whose quotations hold each n-gram (of
 *   the grams whose first two hex digits `xx` place `df:<xx>` in the partition; see
 *   {@link SKETCH_WIDTH}); `df:docs` the number of articles counted. Not versioned: every article
 *   writes them, and a count one article late changes no decision that matters
 * - `merged` hash merged claim id -> the claim id it now lives under (read by {@link mergedInto})
 * - `archived` hash claim id -> the archive file it was last moved to (claims idle past the hot
 *   window are written to the archive and their `c:<id>` removed; see archive.ts)
 * - `rv:<id>`, `reviewed`: reviewers' decisions, written by the decision log (decisions.ts)
 *
 * The partition count is recorded at `Keys.claimLayout` when the store is first used; a process
 * configured with another count is refused ({@link ClaimLayoutError}).
 */
export class RedisClaimStore implements ClaimStore {
  private conn: ClaimConn | null = null;
  private readonly layout: { read: Promise<void> | null; recorded: Promise<void> | null } = { read: null, recorded: null };
  private readonly maxAttempts: number;
  private readonly postingLimit: number;
  /** Where each key lives. */
  readonly space: ClaimKeyspace;
  /**
   * Transactions committed, reruns because a concurrent commit moved a version counter of what
   * one read, keys whose counter transactions read, and sleeps waiting for the commit lock
   * (partitioned stores only).
   */
  readonly stats = { committed: 0, conflicts: 0, checked: 0, lockWaits: 0 };

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    options: RedisClaimStoreOptions = {},
  ) {
    this.space = new ClaimKeyspace(keys);
    this.maxAttempts = options.maxAttempts ?? 50;
    this.postingLimit = options.postingLimit ?? 256;
  }

  private connection(): ClaimConn {
    if (this.conn) return this.conn;
    // A transaction's reads of a round are already one READ_LUA call per partition, sent when
    // the round ends (on setImmediate, see ReadRounds): they go straight out rather than waiting
    // for another setImmediate of auto-pipelining. Auto-pipelining still batches the commits and
    // lock commands of concurrent transactions.
    const d = this.redis.isCluster
      ? (this.redis as Cluster).duplicate(undefined, {
          enableAutoPipelining: true,
          // ioredis 5 groups an auto-pipelined script by its first argument (the key count), not
          // its first key, and fails the batch when the keys are on another node: scripts go
          // straight to their key's node instead (still several in flight at once).
          autoPipeliningIgnoredCommands: [...SCRIPT_NAMES],
          redisOptions: { ...(this.redis as Cluster).options.redisOptions, connectionName: 'quotecheck-claims' },
        })
      : (this.redis as Redis).duplicate({
          connectionName: 'quotecheck-claims',
          enableAutoPipelining: true,
          autoPipeliningIgnoredCommands: ['qcRead'],
        });
    d.defineCommand('qcRead', { lua: READ_LUA });
    d.defineCommand('qcCommit', { lua: COMMIT_LUA });
    d.defineCommand('qcEvict', { lua: EVICT_LUA });
    d.defineCommand('qcMark', { lua: MARK_LUA, numberOfKeys: 1 });
    d.defineCommand('qcUnlock', { lua: UNLOCK_LUA, numberOfKeys: 1 });
    this.conn = d as ClaimConn;
    return this.conn;
  }

  /**
   * Checks once that the store was created with this process's partition count, rejecting with
   * {@link ClaimLayoutError} otherwise. Writers (`record`) also record the count in a new store;
   * readers write nothing. Called by every method; `run` calls it at start ({@link open}).
   */
  private ready(record = false): Promise<void> {
    const memo = record ? 'recorded' : 'read';
    this.layout[memo] ??= this.checkLayout(record).catch((e: unknown) => {
      // Redis being down is not a verdict on the layout: check again next time.
      if (!(e instanceof ClaimLayoutError)) this.layout[memo] = null;
      throw e;
    });
    return this.layout[memo];
  }

  /**
   * Checks (and records, for a new store) the partition count, so a misconfigured process stops
   * at start with one line instead of failing every verification.
   */
  open(): Promise<void> {
    return this.ready(true);
  }

  private async checkLayout(record: boolean): Promise<void> {
    const n = this.space.partitions;
    const key = this.keys.claimLayout;
    let stored = await this.redis.get(key);
    if (stored === null) {
      // A store from before partitions existed has one, under `{claims}`, and no record of it.
      const unpartitioned = n !== 1 && (await this.redis.exists(`${this.keys.claims}:updated`)) === 1;
      if (unpartitioned) stored = '1';
      else if (!record) return;
      else {
        await this.redis.set(key, String(n), 'NX');
        stored = await this.redis.get(key);
      }
    }
    if (Number(stored) !== n) throw new ClaimLayoutError(this.keys.prefix, Number(stored), n);
  }

  async transact<T>(work: (tx: ClaimTx) => Promise<{ writes: ClaimWrites; result: T }>): Promise<T> {
    await this.ready(true);
    const conn = this.connection();
    // N-grams of this article whose document frequency is still to count, and whether the
    // article count is: kept across reruns, so a partition that committed counts once.
    const dfDue: DfDue = { grams: new Set<string>(), article: false };
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      const seen: Seen = new Map();
      const { writes, result } = await work(this.reader(conn, seen));
      if (writes.gramDocs?.length) {
        dfDue.article = true;
        for (const g of writes.gramDocs) dfDue.grams.add(g);
      }
      const ops = this.queueWrites(writes, dfDue);
      if (await this.commit(conn, seen, ops, dfDue)) {
        this.stats.committed++;
        return result;
      }
      this.stats.conflicts++;
      // Someone changed what we read: back off a little and rerun against the new state.
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 * attempt)));
    }
    throw new ClaimConflictError(this.maxAttempts);
  }

  /**
   * Applies `ops` if nothing the transaction read has moved; true when they landed. One
   * partition: one COMMIT_LUA checks and writes atomically. Several: under the commit lock (so no
   * other commit lands meanwhile), a check-only COMMIT_LUA per partition read, then the writes,
   * one COMMIT_LUA per partition written, additive ones first and what a merge removes last (a
   * process dying between the two leaves a statement in two claims, which the job's retry merges
   * again, never an occurrence lost). Document frequencies that landed leave `dfDue`.
   */
  private async commit(conn: ClaimConn, seen: Seen, ops: WriteOp[], dfDue: DfDue): Promise<boolean> {
    if (this.space.partitions === 1) {
      if ((await conn.qcCommit(...this.commitArgs(0, seen.get(0), ops))) !== 1) return false;
      landedDf(ops, dfDue);
      return true;
    }
    return this.locked(conn, async () => {
      const checks = await Promise.all([...seen].map(([p, read]) => conn.qcCommit(...this.commitArgs(p, read, []))));
      if (checks.some((x) => x !== 1)) return false;
      for (const phase of [ops.filter((o) => !o.removes), ops.filter((o) => o.removes)]) {
        const byPart = new Map<number, WriteOp[]>();
        for (const o of phase) {
          let list = byPart.get(o.p);
          if (!list) byPart.set(o.p, (list = []));
          list.push(o);
        }
        // Nothing to check any more: the lock keeps other commits out since the checks passed.
        await Promise.all([...byPart].map(([p, list]) => conn.qcCommit(...this.commitArgs(p, undefined, list))));
        landedDf(phase, dfDue);
      }
      return true;
    });
  }

  /**
   * Runs `work` holding the store's commit lock (several partitions only): `SET NX PX` with a
   * random token, waited for in short random sleeps, released only by its holder. A holder that
   * died frees it after {@link COMMIT_LOCK_MS}.
   */
  private async locked<T>(conn: ClaimConn, work: () => Promise<T>): Promise<T> {
    const key = this.keys.claimCommitLock;
    const token = randomUUID();
    const deadline = Date.now() + 2 * COMMIT_LOCK_MS;
    while ((await conn.set(key, token, 'PX', COMMIT_LOCK_MS, 'NX')) !== 'OK') {
      if (Date.now() > deadline) throw new ClaimConflictError(0);
      this.stats.lockWaits++;
      await new Promise((r) => setTimeout(r, 1 + Math.random() * 2));
    }
    try {
      return await work();
    } finally {
      await conn.qcUnlock(key, token);
    }
  }

  /** Key count and arguments of COMMIT_LUA for partition `p`: check the counters in `seen`, move those of versioned writes, apply `ops`. */
  private commitArgs(p: number, seen: Map<number, number> = new Map(), ops: WriteOp[]): [number, ...ScriptArg[]] {
    const moved = [...new Set(ops.filter((o) => o.versioned).map((o) => versionSlot(o.key)))];
    const args: ScriptArg[] = [
      this.postingLimit,
      VERSION_TYPE,
      slotOffsets(seen.keys()),
      [...seen.values()].join(' '),
      slotOffsets(moved),
    ];
    for (const [from, to] of opRuns(ops)) {
      args.push(to - from, ops[from]!.args.length, ops[from]!.cmd);
      for (let i = from; i < to; i++) for (const a of ops[i]!.args) args.push(a);
    }
    return [ops.length + 1, this.space.inPartition(p, 'v'), ...ops.map((o) => o.key), ...args];
  }

  /**
   * The reads of one transaction attempt, recording in `seen` the version counter of every key
   * that commits move. Reads issued in one round go out as one READ_LUA call per partition
   * ({@link ReadRounds}), each key's counter read atomically with its value.
   */
  private reader(conn: ClaimConn, seen: Seen): ClaimTx {
    const space = this.space;
    const entry = (name: string) => space.entry(name);
    const rounds = new ReadRounds(
      async (p, groups, slots) => {
        const keys: string[] = [space.inPartition(p, 'v')];
        const args: ScriptArg[] = [VERSION_TYPE, slotOffsets(slots)];
        for (const g of groups) {
          keys.push(...g.keys);
          args.push(g.op, g.keys.length, g.arg, ...g.fields);
        }
        const [counters, ...values] = await conn.qcRead(keys.length, ...keys, ...args);
        return { counters, values };
      },
      seen,
      versionSlot,
      (n) => {
        this.stats.checked += n;
      },
    );
    /** Versioned lists of keys, as one list without repeats. */
    const members = async (op: ListOp, names: readonly string[], arg?: number): Promise<string[]> => [
      ...new Set((await rounds.lists(op, names.map(entry), true, arg)).flat()),
    ];
    const disputes = async (names: readonly string[]): Promise<Dispute[]> =>
      (await rounds.lists('HV', names.map(entry), true)).flat().map((v) => JSON.parse(v) as Dispute);
    return {
      exact: (keys) => rounds.values('G', keys.map(entry), true),
      postings: async (grams, cap) => {
        const out = new Set<string>();
        for (const list of await rounds.values('P', grams.map(entry), true, cap))
          if (list) for (const id of list.split(' ')) if (id) out.add(id);
        return [...out];
      },
      claims: async (ids) => {
        const out = new Map<string, Claim>();
        // Ids still to read, each with the id it was asked as; a missing record may have been
        // merged into another (followed a few hops through `merged`, each record's version read).
        let todo = ids.map((id) => [id, id] as const);
        for (let hop = 0; todo.length && hop < 8; hop++) {
          const vals = await rounds.values(
            'G',
            todo.map(([, id]) => space.claim(id)),
            true,
          );
          const missing: (readonly [string, string])[] = [];
          vals.forEach((v, i) => {
            if (v) out.set(todo[i]![0], parseClaim(v));
            else missing.push(todo[i]!);
          });
          if (!missing.length) break;
          // Not versioned: read only after the record, whose counter a merge moves.
          const next = await rounds.values(
            'HG',
            missing.map(([, id]) => space.ofClaim(id, 'merged')),
            false,
            missing.map(([, id]) => id),
          );
          todo = missing.flatMap(([asked], i) => (next[i] ? [[asked, next[i]!] as const] : []));
        }
        return out;
      },
      recent: (index: SpeakerIndex, keys, limit) =>
        members(
          'ZR',
          keys.map((x) => `${index}:${x}`),
          limit,
        ),
      ofArticles: (articleIds) =>
        members(
          'SM',
          articleIds.map((a) => `ca:${a}`),
        ),
      speakerWords: async (speaker, words) =>
        (
          await rounds.values(
            'HG',
            words.map(() => entry(`sw:${speaker}`)),
            true,
            words,
          )
        ).map((v) => (v ? v.split(' ').filter(Boolean) : [])),
      shortQuotes: async (speaker) => {
        const [flat] = await rounds.lists('HA', [entry(`sq:${speaker}`)], true);
        const out: [string, string][] = [];
        for (let i = 0; i < flat!.length; i += 2) out.push([flat![i]!, flat![i + 1]!]);
        return out;
      },
      disputesByKey: (keys) => disputes(keys.map((x) => `d:${x}`)),
      disputesByArticle: (ids) => disputes(ids.map((a) => `da:${a}`)),
      // Not versioned: see the `df:` keys in the class doc.
      gramFrequencies: async (grams) => {
        const [[docs], counts] = await Promise.all([
          rounds.values('G', [entry(DF_DOCS)], false),
          rounds.counts(
            grams.map((g) => this.sketchOf(g)),
            grams.map(sketchCells),
          ),
        ]);
        return { docs: Number(docs ?? 0), counts };
      },
    };
  }

  /**
   * The sketch that counts the document frequency of an n-gram key (`p:<16 hex>`): the one of the
   * partition its first two hex digits `xx` place `df:<xx>` in, so grams spread over partitions.
   */
  private sketchOf(gram: string): PlacedKey {
    const at = gram.indexOf(':') + 1;
    const p = this.space.partitionOf(`df:${gram.slice(at, at + 2)}`);
    return { p, key: this.space.inPartition(p, 'df:sketch') };
  }

  /** HMGET of field `id` in hash `name` of each claim's partition, values in input order. */
  private async hmgetByClaim(conn: RedisClient, name: string, ids: readonly string[]): Promise<(string | null)[]> {
    const out: (string | null)[] = new Array(ids.length).fill(null);
    const groups = byPartition(ids, (id) => this.space.ofClaim(id, name));
    await Promise.all(
      [...groups.values()].map(async ({ at, keys }) => {
        const vals = await conn.hmget(keys[0]!, ...at.map((i) => ids[i]!));
        vals.forEach((v, j) => {
          out[at[j]!] = v;
        });
      }),
    );
    return out;
  }

  /**
   * The one place a transaction's writes become Redis commands (applied by COMMIT_LUA, in order
   * within each partition). A write to a key that transactions read goes through `read`, so its
   * version counter moves and concurrent readers of it rerun (e.g. a merge's `DEL c:<from>`);
   * `unread` is for keys no transaction reads (if `merged` comes to be read inside transactions,
   * write it through `read`). Document frequencies come from `dfDue` (what is still to count of
   * this article, across reruns), not from this attempt's writes.
   */
  private queueWrites(w: ClaimWrites, dfDue: DfDue): WriteOp[] {
    const space = this.space;
    const ops: WriteOp[] = [];
    const put = (cmd: string, { p, key }: PlacedKey, versioned: boolean, args: ScriptArg[], grams?: string[]) =>
      ops.push({ cmd, key, p, args, versioned, ...(grams ? { grams } : {}) });
    const removal = (from: number) => {
      for (let i = from; i < ops.length; i++) ops[i]!.removes = true;
    };
    // Keys transactions read (their version counters move) and keys they do not.
    const read = (cmd: string, name: string, ...args: ScriptArg[]) => put(cmd, space.entry(name), true, args);
    const ofClaim = (id: string, cmd: string, name: string, ...args: ScriptArg[]) =>
      put(cmd, space.ofClaim(id, name), false, args);
    // Ops of one kind together: the commit sends one header per run of them (opRuns).
    for (const c of w.claims) read('SET', `c:${c.id}`, JSON.stringify(c));
    for (const c of w.claims) ofClaim(c.id, 'ZADD', 'updated', Date.parse(c.updatedAt), c.id);
    for (const [x, id] of w.exact) read('SET', x, id);
    for (const [speaker, text, id] of w.shortQuotes) read('HSET', `sq:${speaker}`, text, id);
    for (const [speaker, word, id, cap] of w.speakerWords) read('HPOST', `sw:${speaker}`, word, id, cap);
    for (const [g, id] of w.postings) read('POST', g, id);
    for (const [index, key, id, score] of w.speakers) read('ZADD', `${index}:${key}`, score, id);
    for (const [a, id] of w.articleClaims) read('SADD', `ca:${a}`, id);
    if (dfDue.article) put('INCR', space.entry(DF_DOCS), false, []);
    // One sketch per partition: one SKETCH op per partition the article's grams are counted in.
    const due = [...dfDue.grams];
    for (const [p, { at, keys }] of byPartition(due, (g) => this.sketchOf(g))) {
      const grams = at.map((i) => due[i]!);
      put('SKETCH', { p, key: keys[0]! }, false, grams.map(sketchCells), grams);
    }
    for (const [id, from, to] of w.statuses) {
      if (from) ofClaim(id, 'HINCRBY', 'status', from, -1);
      if (to) ofClaim(id, 'HINCRBY', 'status', to, 1);
    }
    // A merged-away claim leaves the records and the update order; its id resolves through `merged`
    // (read only after its record, whose counter moves here). Index entries naming it (postings,
    // exact, by/rep, ca) stay and resolve when read.
    for (const [from, into] of w.merges ?? []) {
      const at = ops.length;
      read('DEL', `c:${from}`);
      ofClaim(from, 'ZREM', 'updated', from);
      ofClaim(from, 'HSET', 'merged', from, into);
      removal(at);
    }
    for (const { dispute, keys } of w.disputes) {
      const json = JSON.stringify(dispute);
      for (const key of keys) read('HSET', `d:${key}`, dispute.id, json);
      read('HSET', `da:${dispute.articleId}`, dispute.id, json);
    }
    return ops;
  }

  async markLogged(claimId: string, state: string): Promise<boolean> {
    await this.ready(true);
    return (await this.connection().qcMark(this.space.ofClaim(claimId, 'logged').key, claimId, state)) === 1;
  }

  /**
   * Rows of every partition's `updated` sorted set, merged in one order (update time, then id, as
   * Redis orders ties within one set): `read` gets each partition's key and returns its
   * `[id, score, id, score, …]` rows.
   */
  private async updatedRows(
    read: (key: string) => Promise<string[]>,
    order: 'asc' | 'desc',
  ): Promise<{ id: string; score: number }[]> {
    const lists = await Promise.all(this.space.everywhere('updated').map(read));
    const rows: { id: string; score: number }[] = [];
    for (const flat of lists) for (let i = 0; i < flat.length; i += 2) rows.push({ id: flat[i]!, score: Number(flat[i + 1]) });
    const sign = order === 'asc' ? 1 : -1;
    if (lists.length > 1) rows.sort((a, b) => sign * (a.score - b.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
    return rows;
  }

  async page(cursor: PageCursor | null, count: number, sinceMs = 0): Promise<ClaimPage> {
    await this.ready();
    const from = cursor?.score ?? sinceMs;
    const offset = cursor?.offset ?? 0;
    // Each partition may hold the whole page: read offset + count from each, merge, then skip.
    const rows = (
      await this.updatedRows(
        (key) => this.redis.zrange(key, from, '+inf', 'BYSCORE', 'LIMIT', 0, offset + count, 'WITHSCORES'),
        'asc',
      )
    ).slice(offset, offset + count);
    const found = await this.get(rows.map((r) => r.id));
    const claims = rows.flatMap((r) => found.get(r.id) ?? []);
    return {
      claims,
      next: nextCursor(
        rows.map((r) => r.score),
        cursor,
        count,
      ),
    };
  }

  async count(): Promise<number> {
    await this.ready();
    const n = await Promise.all(this.space.everywhere('updated').map((k) => this.redis.zcard(k)));
    return n.reduce((a, b) => a + b, 0);
  }

  async countByStatus(): Promise<Record<ClaimStatus, number>> {
    await this.ready();
    const out = zeroCounts();
    for (const raw of await Promise.all(this.space.everywhere('status').map((k) => this.redis.hgetall(k))))
      for (const s of STATUS_PRECEDENCE) out[s] += Number(raw[s] ?? 0);
    return out;
  }

  async get(ids: readonly string[]): Promise<Map<string, Claim>> {
    const out = new Map<string, Claim>();
    if (!ids.length) return out;
    await this.ready();
    const groups = byPartition(ids, (id) => this.space.claim(id));
    await Promise.all(
      [...groups.values()].map(async ({ at, keys }) => {
        const vals = await this.redis.mget(...keys);
        vals.forEach((v, j) => {
          if (v) out.set(ids[at[j]!]!, parseClaim(v));
        });
      }),
    );
    // In the order asked.
    return new Map(ids.flatMap((id) => (out.has(id) ? [[id, out.get(id)!] as const] : [])));
  }

  async newest(offset: number, count: number): Promise<{ id: string; updatedMs: number }[]> {
    await this.ready();
    const rows = await this.updatedRows((key) => this.redis.zrange(key, 0, offset + count - 1, 'REV', 'WITHSCORES'), 'desc');
    return rows.slice(offset, offset + count).map((r) => ({ id: r.id, updatedMs: r.score }));
  }

  async mergedInto(id: string): Promise<string | null> {
    await this.ready();
    return this.redis.hget(this.space.ofClaim(id, 'merged').key, id);
  }

  async idleClaims(beforeMs: number, count: number): Promise<Claim[]> {
    await this.ready();
    const rows = await this.updatedRows(
      (key) => this.redis.zrange(key, '-inf', `(${beforeMs}`, 'BYSCORE', 'LIMIT', 0, count, 'WITHSCORES'),
      'asc',
    );
    return [...(await this.get(rows.slice(0, count).map((r) => r.id))).values()];
  }

  async evict(claims: readonly Claim[], file: string, entries: readonly ClaimIndexEntries[]): Promise<string[]> {
    if (!claims.length) return [];
    await this.ready(true);
    const conn = this.connection();
    // Partitioned, an eviction takes the commit lock too: a commit in between its steps would
    // see a claim half gone.
    return this.space.partitions === 1
      ? this.evictNow(conn, claims, file, entries)
      : this.locked(conn, () => this.evictNow(conn, claims, file, entries));
  }

  private async evictNow(
    conn: ClaimConn,
    claims: readonly Claim[],
    file: string,
    entries: readonly ClaimIndexEntries[],
  ): Promise<string[]> {
    // Each claim's record goes first, in one script with the entries of its own partition (atomic
    // with one partition); only then do its entries in other partitions go, one script each. All
    // calls of one phase are sent at once (auto-pipelined, per node on a cluster).
    const plans = claims.map((c, i) => this.evictPlan(c, entries[i]!));
    const first = await Promise.all(
      claims.map((c, i) => {
        const own = this.space.partitionOfClaim(c.id);
        return conn.qcEvict(...this.evictArgs(c, file, own, plans[i]!.get(own), true));
      }),
    );
    const out: string[] = [];
    const rest: Promise<number>[] = [];
    for (const [i, c] of claims.entries()) {
      if (first[i] !== 1) continue;
      out.push(c.id);
      const own = this.space.partitionOfClaim(c.id);
      for (const [p, e] of plans[i]!) if (p !== own) rest.push(conn.qcEvict(...this.evictArgs(c, file, p, e, false)));
    }
    await Promise.all(rest);
    return out;
  }

  /** A claim's index entries split by the partition each lives in. */
  private evictPlan(c: Claim, e: ClaimIndexEntries): Map<number, ClaimIndexEntries> {
    const plan = new Map<number, ClaimIndexEntries>();
    const at = (name: string) => {
      const p = this.space.partitionOf(name);
      let got = plan.get(p);
      if (!got) plan.set(p, (got = noIndexEntries()));
      return got;
    };
    for (const x of e.exact) at(x).exact.push(x);
    for (const g of e.posted) at(g).posted.push(g);
    for (const s of e.short) at(`sq:${s[0]}`).short.push(s);
    for (const x of e.by) at(`by:${x}`).by.push(x);
    for (const x of e.rep) at(`rep:${x}`).rep.push(x);
    for (const a of e.articles) at(`ca:${a}`).articles.push(a);
    for (const w of e.words) at(`sw:${w[0]}`).words.push(w);
    // The record's own partition runs even when no entry lives there.
    at(`c:${c.id}`);
    return plan;
  }

  /** Key count and arguments of EVICT_LUA for claim `c` in partition `p` (with its record when `record`). */
  private evictArgs(
    c: Claim,
    file: string,
    p: number,
    e: ClaimIndexEntries = noIndexEntries(),
    record: boolean,
  ): [number, ...ScriptArg[]] {
    const s = this.space;
    const key = (name: string) => s.entry(name).key;
    const own = record
      ? ['updated', 'status', 'archived', 'logged'].map((n) => s.ofClaim(c.id, n).key).concat(s.claim(c.id).key)
      : [];
    const entryKeys = [
      ...e.exact.map(key),
      ...e.posted.map(key),
      ...e.short.map(([speaker]) => key(`sq:${speaker}`)),
      ...e.by.map((x) => key(`by:${x}`)),
      ...e.rep.map((x) => key(`rep:${x}`)),
      ...e.articles.map((a) => key(`ca:${a}`)),
      ...e.words.map(([speaker]) => key(`sw:${speaker}`)),
    ];
    const counts = [e.exact, e.posted, e.short, e.by, e.rep, e.articles, e.words].map((l) => l.length);
    // The record and every index key are ones transactions read: their counters move.
    const slots = [...new Set([...(record ? [s.claim(c.id).key] : []), ...entryKeys].map(versionSlot))];
    const keys = [s.inPartition(p, 'v'), ...own, ...entryKeys];
    return [
      keys.length,
      ...keys,
      record ? '1' : '0',
      file,
      c.id,
      Date.parse(c.updatedAt),
      c.status,
      ...counts,
      VERSION_TYPE,
      slotOffsets(slots),
      ...e.short.map(([, t]) => t),
      ...e.words.map(([, w]) => w),
    ];
  }

  async archivedIn(ids: readonly string[]): Promise<(string | null)[]> {
    if (!ids.length) return [];
    await this.ready();
    return this.hmgetByClaim(this.redis, 'archived', ids);
  }

  /** Closes the transaction connection (the main connection belongs to the caller). */
  async close(): Promise<void> {
    this.conn?.disconnect();
    this.conn = null;
  }
}
