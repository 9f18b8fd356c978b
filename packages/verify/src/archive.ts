import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip, gzipSync } from 'node:zlib';
import { Claim, ExternalError } from '@quotecheck/shared/core';
import { claimIndexEntries } from './claim-index.js';
import type { ClaimStore } from './store.js';

/**
 * Claims not updated for this long leave Redis for the archive by default (30 days). docs/scale.md
 * measured ~16 KB of Redis per claim with its indexes against 231 bytes of gzip JSON in the archive;
 * at 250,000 articles a day a 30-day window is what fits one 64-128 GB Redis node.
 */
export const DEFAULT_IDLE_MS = 30 * 86_400_000;

/** Claims one sweep step reads, writes to one archive file and removes from Redis. */
export const SWEEP_BATCH = 1000;

/** An archive file's name: `claims-<UTC time written, to the second>-<random>.jsonl.gz`. */
const FILE_NAME = /^claims-(\d{8}T\d{6}Z)-[0-9a-f]{8}\.jsonl\.gz$/;

/** An archive file is unreadable or holds a line that is not a claim. */
export class ArchiveError extends ExternalError {}

/** `20261201T073000Z` of a time. */
function compactTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The time (ms) an archive file was written, from its name; NaN for a name that is not one. */
export function archiveFileTime(name: string): number {
  const m = FILE_NAME.exec(name);
  if (!m) return Number.NaN;
  const t = m[1]!;
  return Date.parse(
    `${t.slice(0, 4)}-${t.slice(4, 6)}-${t.slice(6, 8)}T${t.slice(9, 11)}:${t.slice(11, 13)}:${t.slice(13, 15)}Z`,
  );
}

/**
 * The claim archive: a directory of gzip JSON Lines files, one per sweep step, each written whole
 * (temporary file, fsync, rename) and never changed after. Any number of sweepers may write to the
 * same directory (names carry the time and a random part); `zcat claims-*.jsonl.gz | jq`, DuckDB
 * or `quotecheck export` read it with no server. A claim archived twice (it came back to Redis
 * and went idle again) is in two files; the store's `archived` record says which copy is current.
 */
export class ClaimArchive {
  constructor(readonly dir: string) {}

  /** Writes claims to a new archive file and returns its name (not the path). */
  async write(claims: readonly Claim[], nowMs = Date.now()): Promise<string> {
    await mkdir(this.dir, { recursive: true });
    const name = `claims-${compactTime(nowMs)}-${randomBytes(4).toString('hex')}.jsonl.gz`;
    const path = join(this.dir, name);
    const tmp = join(this.dir, `.${name}.tmp`);
    // One sweep batch (1,000 claims, ~5 MB of JSON) is compressed in memory: simpler than a
    // stream, and the file is written in one call.
    const body = gzipSync(claims.map((c) => `${JSON.stringify(c)}\n`).join(''), { level: 6 });
    const fh = await open(tmp, 'wx');
    try {
      await fh.writeFile(body);
      // The claims leave Redis once this returns: the file must be on disk first.
      await fh.sync();
    } catch (e) {
      await fh.close().catch(() => {});
      await unlink(tmp).catch(() => {});
      throw e;
    }
    await fh.close();
    await rename(tmp, path);
    return name;
  }

  /** Archive file names, oldest first; none when the directory does not exist yet. */
  async files(): Promise<string[]> {
    const names = await readdir(this.dir).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return [] as string[];
      throw new ArchiveError(`cannot read the claim archive ${this.dir}: ${e.message}`, { cause: e });
    });
    return names.filter((n) => FILE_NAME.test(n)).sort();
  }

  /** The claims of one archive file, in the order written. */
  async *read(name: string): AsyncGenerator<Claim> {
    const path = join(this.dir, name);
    const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Infinity });
    let n = 0;
    try {
      for await (const line of lines) {
        n++;
        if (!line) continue;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch {
          value = undefined;
        }
        const ok = Claim.safeParse(value);
        if (!ok.success)
          throw new ArchiveError(`archive file ${path} line ${n} is not a claim: move the file aside to read the rest`);
        yield ok.data;
      }
    } catch (e) {
      if (e instanceof ArchiveError) throw e;
      throw new ArchiveError(`cannot read archive file ${path}: ${(e as Error).message}`, { cause: e });
    }
  }
}

/** What one sweep did. */
export interface SweepResult {
  /** Claims moved out of Redis into the archive. */
  archived: number;
  /** Claims written to the archive but kept in Redis because a verifier updated them meanwhile. */
  kept: number;
  /** Archive files written. */
  files: string[];
}

/** How to sweep. */
export interface SweepOptions {
  /** Claims not updated for this long (ms) are archived. */
  idleMs?: number;
  nowMs?: number;
  batch?: number;
  /** Called after each archive file, with its name and how many claims left Redis. */
  onFile?: (file: string, archived: number, kept: number) => void;
}

/**
 * Moves claims idle for longer than the hot window from the store to the archive: per batch,
 * read the least recently updated claims, write them to a new archive file (on disk before
 * anything is removed), then remove from the store each claim not updated since it was read.
 * Nothing is lost if the process dies between the two steps: the claims are then in both, and
 * readers prefer the store's copy ({@link streamArchivedClaims}).
 */
export async function sweepIdleClaims(
  store: ClaimStore,
  archive: ClaimArchive,
  options: SweepOptions = {},
): Promise<SweepResult> {
  const cutoff = (options.nowMs ?? Date.now()) - (options.idleMs ?? DEFAULT_IDLE_MS);
  const batch = options.batch ?? SWEEP_BATCH;
  const result: SweepResult = { archived: 0, kept: 0, files: [] };
  for (;;) {
    const claims = await store.idleClaims(cutoff, batch);
    if (!claims.length) break;
    const file = await archive.write(claims, options.nowMs);
    const evicted = await store.evict(claims, file, claims.map(claimIndexEntries));
    result.files.push(file);
    result.archived += evicted.length;
    result.kept += claims.length - evicted.length;
    options.onFile?.(file, evicted.length, claims.length - evicted.length);
    // Claims kept were updated after the cutoff, so the next read does not return them again.
    if (claims.length < batch) break;
  }
  return result;
}

/** Archive lines checked against the store at once (one HMGET and one MGET per batch). */
const READ_BATCH = 500;

/**
 * Every archived claim that does not live in the store any more, oldest archive file first: a
 * copy is current when the store records its file as the claim's last archive file and the
 * claim is not back in the store. `sinceMs` skips files written before that time (every claim
 * in a file was last updated before the file was written).
 */
export async function* streamArchivedClaims(store: ClaimStore, archive: ClaimArchive, sinceMs = 0): AsyncGenerator<Claim> {
  for (const name of await archive.files()) {
    if (archiveFileTime(name) < sinceMs) continue;
    let pending: Claim[] = [];
    const flush = async function* (): AsyncGenerator<Claim> {
      const ids = pending.map((c) => c.id);
      const [where, hot] = await Promise.all([store.archivedIn(ids), store.get(ids)]);
      for (const [i, c] of pending.entries()) if (where[i] === name && !hot.has(c.id)) yield c;
      pending = [];
    };
    for await (const c of archive.read(name)) {
      pending.push(c);
      if (pending.length >= READ_BATCH) yield* flush();
    }
    if (pending.length) yield* flush();
  }
}
