import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertRedis, ClaimStatus, createRedis, Keys, loadConfig, parseSince, UsageError } from '@quotecheck/shared';
import { csvCells, csvStringifier, ExportedClaim, exportJsonSchema, RedisClaimStore, streamClaims } from '@quotecheck/verify';
import { type Command, parse } from '../args.js';
import { writeError } from '../file-errors.js';
import { resolveInput } from '../inputs.js';

/** An output file written whole or not at all. */
interface AtomicOutput {
  stream: Writable;
  /** Moves the finished temporary file to its name. */
  commit(): Promise<void>;
  /** Removes the temporary file; the named file, if any, is left as it was. */
  abort(): Promise<void>;
}

/**
 * Opens `<dir>/.<name>.<pid>.<random>.tmp` beside the output, so a failed or interrupted export
 * never leaves a partial file under the name the user asked for, and a missing directory or a
 * denied permission is found before Redis is read. The rename is atomic within a directory.
 */
async function openAtomicOutput(shown: string): Promise<AtomicOutput> {
  const target = resolveInput(shown);
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory()) throw writeError(shown, Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const fh = await open(tmp, 'wx').catch((e: unknown) => {
    throw writeError(shown, e);
  });
  const stream = fh.createWriteStream();
  // Ctrl-C during a long export: no temporary file is left behind either.
  const onSignal = () => {
    stream.destroy();
    unlink(tmp).finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const done = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  return {
    stream,
    async commit() {
      done();
      try {
        await rename(tmp, target);
      } catch (e) {
        await unlink(tmp).catch(() => {});
        throw writeError(shown, e);
      }
    },
    async abort() {
      done();
      stream.destroy();
      await unlink(tmp).catch(() => {});
    },
  };
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'export the verified quote set from the store as JSONL or CSV (or print its JSON Schema)',
  usage: `
Usage: quotecheck export [--status S] [--since T] [--speaker NAME] [--format jsonl|csv] [--bom] [--out FILE]
       quotecheck export --schema

Streams claims from the Redis claim store in pages: per claim the canonical quote, speaker
(name, kind, role), status and flags, first seen, independent-source count, every occurrence
(URL, outlet, published, offsets, wording fidelity) and the evidence.
  --status S      only claims whose headline status is S (e.g. corroborated)
  --since T       only claims updated since T: a duration back from now (90s, 5m, 1h, 2d) or an
                  ISO date or time (2026-11-26, 2026-11-26T08:00Z; UTC when no zone is given)
  --speaker NAME  only claims whose speaker name contains NAME (case-insensitive)
  --format F      jsonl (default): one claim per line, valid against --schema
                  csv: one row per claim; flags, occurrences and evidence are JSON-encoded cells;
                  a cell starting with = + - @ tab or CR is written as '... so that spreadsheets
                  show it as text instead of running it as a formula
  --bom           (csv) start with a UTF-8 byte order mark, for spreadsheets that need it
  --out FILE      write there instead of standard output: the file appears whole when the export
                  succeeds, and is left as it was when it fails
  --schema        print the JSON Schema of one JSONL record and exit
Progress goes to standard error when it is a terminal or the export is long.`,
  async run(argv) {
    const { values } = parse(
      argv,
      {
        status: { type: 'string' },
        since: { type: 'string' },
        speaker: { type: 'string' },
        format: { type: 'string', default: 'jsonl' },
        bom: { type: 'boolean' },
        out: { type: 'string', short: 'o' },
        schema: { type: 'boolean' },
      },
      false,
    );
    if (values.schema) {
      process.stdout.write(`${JSON.stringify(exportJsonSchema(), null, 2)}\n`);
      return 0;
    }
    const csv = values.format === 'csv';
    if (!csv && values.format !== 'jsonl') throw new UsageError('--format must be jsonl or csv');
    if (values.bom && !csv) throw new UsageError('--bom is for --format csv (a JSON line must start with "{")');
    if (values.status && !ClaimStatus.options.includes(values.status as ClaimStatus))
      throw new UsageError(`--status must be one of ${ClaimStatus.options.join(', ')}`);
    const sinceMs = values.since !== undefined ? parseSince(values.since, '--since') : undefined;
    const config = loadConfig();
    const file = values.out && values.out !== '-' ? await openAtomicOutput(values.out) : null;
    let redis: ReturnType<typeof createRedis> | null = null;
    let store: RedisClaimStore | null = null;
    try {
      await assertRedis(config.redisUrl);
      redis = createRedis(config.redisUrl);
      // Reads only: ZRANGE/MGET/ZCARD of the claim store; nothing is written.
      store = new RedisClaimStore(redis, new Keys(config.prefix));
      const total = await store.count();
      const showProgress = process.stderr.isTTY === true || total > 10_000;
      let written = 0;
      let lastReport = 0;
      const claims = streamClaims(
        store,
        {
          ...(values.status ? { status: values.status as ClaimStatus } : {}),
          ...(values.speaker ? { speaker: values.speaker } : {}),
          ...(sinceMs !== undefined ? { sinceMs } : {}),
        },
        500,
        (read) => {
          if (showProgress && (read - lastReport >= 5000 || read === total)) {
            lastReport = read;
            process.stderr.write(`\rexport: read ${read}/${total} claims, wrote ${written}`);
          }
        },
      );
      async function* records(): AsyncGenerator<unknown[] | string> {
        for await (const c of claims) {
          // Records that do not validate are a bug upstream; say which instead of writing them.
          const ok = ExportedClaim.safeParse(c);
          if (!ok.success) {
            process.stderr.write(
              `quotecheck: claim ${c.id} does not match the export schema, skipped: ${ok.error.issues[0]?.message}\n`,
            );
            continue;
          }
          written++;
          yield csv ? csvCells(ok.data) : `${JSON.stringify(ok.data)}\n`;
        }
      }
      // One pipeline, so back-pressure and errors are handled by the stream machinery: the old
      // per-row once('drain')/once('error') listeners piled up (MaxListenersExceededWarning on
      // every --out export) and a failed file stream was an unhandled 'error'.
      const source = Readable.from(records());
      const out: Writable = file?.stream ?? process.stdout;
      const stages = csv ? [source, csvStringifier({ bom: values.bom === true }), out] : [source, out];
      try {
        // Standard output stays open for whoever writes after us; the file is ended and closed.
        await pipeline(stages as [Readable, ...Writable[]], { end: file !== null });
      } catch (e) {
        if (file) throw writeError(values.out!, e);
        throw e;
      }
      if (showProgress) process.stderr.write(`\rexport: wrote ${written} of ${total} claims\n`);
      await file?.commit();
    } catch (e) {
      await file?.abort();
      throw e;
    } finally {
      await store?.close();
      if (redis) await redis.quit().catch(() => redis?.disconnect());
    }
    return 0;
  },
};
