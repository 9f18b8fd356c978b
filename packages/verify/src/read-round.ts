import type { PlacedKey } from './claim-keys.js';

/**
 * What a round does with one key (the store's read script runs it): `G` GET, `P` GET of a posting
 * list (null when it names more ids than the argument), `HG` HGET of the argument's field, `CM`
 * the count (a number) of the item whose counters the argument names in a count-min sketch, `HA`
 * HGETALL (flat field, value list), `HV` HVALS, `ZR` ZRANGE 0..argument-1 REV, `SM` SMEMBERS.
 */
export type ReadOp = 'G' | 'P' | 'HG' | 'CM' | 'HA' | 'HV' | 'ZR' | 'SM';
/** Reads that return one value (or null). */
export type ValueOp = 'G' | 'P' | 'HG';
/** Reads whose argument differs from key to key (a field, a sketch item's counters): one group for all of them. */
const PER_KEY_ARG: ReadonlySet<ReadOp> = new Set(['HG', 'CM']);
/** Reads that return a list (`CM` returns a number: {@link ReadRounds.counts}). */
export type ListOp = Exclude<ReadOp, ValueOp | 'CM'>;
type ReadValue = string | number | null | string[];
type ReadArg = string | number;

/**
 * The version counters a transaction read, per partition: version slot -> counter value. The
 * first reading of a slot is kept: every value read after it (or with it) depends on it.
 */
export type Seen = Map<number, Map<number, number>>;

/**
 * The reads of one kind of a round in one partition: `op` on each of `keys`, with `arg` (the same
 * for all) or, for `HG` and `CM`, `fields[i]` for `keys[i]`.
 */
export interface ReadGroup {
  op: ReadOp;
  arg: ReadArg;
  keys: string[];
  fields: ReadArg[];
}

/**
 * Sends one partition's reads of a round and returns the counters of `slots` (in order) and the
 * value of each read (group after group, in order), read atomically (one script call).
 */
export type SendRound = (
  p: number,
  groups: readonly ReadGroup[],
  slots: readonly number[],
) => Promise<{ counters: number[]; values: ReadValue[] }>;

/** One partition's reads of a round. */
interface PartReads {
  /** By op (and argument, except for `HG` and `CM` whose argument is per key). */
  groups: Map<string, ReadGroup & { offset: number }>;
  /** Version slots of the versioned keys among them. */
  slots: Set<number>;
  /** Each distinct read (op, argument, key) as its group and index there, so a read asked for twice in a round is sent once. */
  index: Map<string, readonly [ReadGroup & { offset: number }, number]>;
  values: ReadValue[];
}

interface Round {
  parts: Map<number, PartReads>;
  /** Settles when every partition of the round has replied. */
  done: Promise<void>;
}

/**
 * Coalesces the reads one transaction attempt issues in a round (one macrotask) into one call of
 * the store's read script per partition: the version counters of every versioned key read in the
 * round (those not already in `seen`) and all the values, read atomically, so a commit landing
 * after them moves a counter the commit check compares. Before, each read method sent its own
 * BITFIELD_RO and its own MGET / HGETALL / HVALS / … per key: 105.5 commands per article
 * (`bench:pipeline --store-profile`, P1k), 4.7 with rounds (3.7 rounds and the commit). Reading
 * the counters in the same script also keeps them ahead of the values on a Redis Cluster, where
 * a separate BITFIELD_RO went through auto-pipelining (sent on setImmediate) but the scripts
 * reading values did not (sent at once).
 *
 * A round is flushed on `setImmediate`, not `queueMicrotask`: the verifier's reads of one phase
 * start from different async functions (`Promise.all` of per-quote lookups, memoized dispute
 * reads), some only after a few promise hops, and all within the macrotask. ioredis's own
 * auto-pipelining waits for `setImmediate` for the same reason, so a round here is what was one
 * round trip before; the script is then sent straight away (not auto-pipelined again).
 */
export class ReadRounds {
  private open: Round | null = null;

  constructor(
    private readonly send: SendRound,
    private readonly seen: Seen,
    private readonly slotOf: (key: string) => number,
    /** Counts the version slots read (the store's `stats.checked`). */
    private readonly checked: (n: number) => void,
  ) {}

  /** One value per key (null when missing), in order. `arg`: one for all keys, or one per key. */
  values(
    op: ValueOp,
    keys: readonly PlacedKey[],
    versioned: boolean,
    arg: ReadArg | readonly ReadArg[] = '',
  ): Promise<(string | null)[]> {
    return this.read(op, keys, versioned, arg) as Promise<(string | null)[]>;
  }

  /** Unversioned counts of the item whose counters are `cells[i]` in the count-min sketch at `keys[i]`, in order. */
  counts(keys: readonly PlacedKey[], cells: readonly string[]): Promise<number[]> {
    return this.read('CM', keys, false, cells) as Promise<number[]>;
  }

  /** One list per key (empty when missing), in order. */
  lists(op: ListOp, keys: readonly PlacedKey[], versioned: boolean, arg: ReadArg = ''): Promise<string[][]> {
    return this.read(op, keys, versioned, arg) as Promise<string[][]>;
  }

  private read(
    op: ReadOp,
    keys: readonly PlacedKey[],
    versioned: boolean,
    arg: ReadArg | readonly ReadArg[],
  ): Promise<ReadValue[]> {
    if (!keys.length) return Promise.resolve([]);
    const round = (this.open ??= this.start());
    const refs = keys.map(({ p, key }, i) => {
      let part = round.parts.get(p);
      if (!part) round.parts.set(p, (part = { groups: new Map(), slots: new Set(), index: new Map(), values: [] }));
      const a = typeof arg === 'object' ? arg[i]! : arg;
      if (versioned) part.slots.add(this.slotOf(key));
      const id = `${op} ${a} ${key}`;
      let ref = part.index.get(id);
      if (!ref) {
        const perKey = PER_KEY_ARG.has(op);
        const kind = perKey ? op : `${op} ${a}`;
        let g = part.groups.get(kind);
        if (!g) part.groups.set(kind, (g = { op, arg: perKey ? '' : a, keys: [], fields: [], offset: 0 }));
        ref = [g, g.keys.length] as const;
        part.index.set(id, ref);
        g.keys.push(key);
        if (perKey) g.fields.push(a);
      }
      return [part, ref[0], ref[1]] as const;
    });
    return round.done.then(() => refs.map(([part, g, at]) => part.values[g.offset + at] ?? null));
  }

  private start(): Round {
    let settle!: (sent: Promise<void>) => void;
    const round: Round = { parts: new Map(), done: new Promise<void>((resolve) => (settle = resolve)) };
    setImmediate(() => {
      this.open = null;
      settle(this.flush(round.parts));
    });
    return round;
  }

  private async flush(parts: Map<number, PartReads>): Promise<void> {
    await Promise.all(
      [...parts].map(async ([p, part]) => {
        let mine = this.seen.get(p);
        const slots = mine ? [...part.slots].filter((s) => !mine!.has(s)) : [...part.slots];
        this.checked(slots.length);
        const groups = [...part.groups.values()];
        let offset = 0;
        for (const g of groups) {
          g.offset = offset;
          offset += g.keys.length;
        }
        const { counters, values } = await this.send(p, groups, slots);
        if (!mine) this.seen.set(p, (mine = new Map()));
        // A slot another round read first keeps that reading: the values read since depend on it.
        slots.forEach((s, i) => {
          if (!mine!.has(s)) mine!.set(s, counters[i]!);
        });
        part.values = values;
      }),
    );
  }
}
