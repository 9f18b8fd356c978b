import { randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  ArticleStore,
  assertRedis,
  ClaimStatus,
  createRedis,
  Keys,
  loadConfig,
  parseSince,
  UsageError,
} from '@quotecheck/shared';
import {
  ClaimArchive,
  csvColumns,
  csvStringifier,
  ExportFormat,
  type ExportStats,
  exportRecords,
  exportSchema,
  isCsvFormat,
  RedisClaimStore,
  RedisDecisionLog,
  ReviewedFilter,
  streamClaims,
} from '@quotecheck/verify';
import { type Command, parse } from '../args.js';
import { CONFIG_USAGE } from '../config-option.js';
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
  summary: 'export the verified quote set from the store (JSONL, CSV, ClaimReview, Quotebank, per occurrence) or its JSON Schema',
  usage: `
Usage: quotecheck export [--format F] [--status S] [--since T] [--speaker NAME]
                         [--reviewed confirmed|rejected|any|unreviewed] [--org NAME] [--url-base URL]
                         [--bom] [--archive DIR] [--out FILE] [--json] [--config FILE]
       quotecheck export --schema [--format F]

Streams claims from the Redis claim store in pages: per claim the canonical quote, speaker
(name, kind, role), status and flags, first seen, independent-source count, every occurrence
(URL, outlet, published, offsets, wording fidelity), the evidence, and the latest reviewer
decision (review: {action, reviewer, at, text}, or null).
  --format F      jsonl (default): one claim per line
                  csv: one row per claim; flags, occurrences, evidence and review are JSON cells
                  claimreview: one schema.org ClaimReview (JSON-LD) per line, for claims a
                    reviewer confirmed or rejected (needs --org); the others are left out and
                    counted on standard error
                  quotebank: one line per claim in Quotebank's fields (quoteID, quotation,
                    speaker, qids, date, numOccurrences, probas, urls, phase) plus review
                  occurrences-csv: one row per occurrence: the quote as that article printed
                    it, speaker, outlet, date, URL, the sentence and the text left and right
                  In CSV a cell starting with = + - @ tab or CR is written as '... so that
                  spreadsheets show it as text instead of running it as a formula.
  --status S      only claims whose headline status is S (e.g. corroborated)
  --since T       only claims updated since T: a duration back from now (90s, 5m, 1h, 2d) or an
                  ISO date or time (2026-11-26, 2026-11-26T08:00Z; UTC when no zone is given)
  --speaker NAME  only claims whose speaker name contains NAME (case-insensitive)
  --reviewed R    only claims whose latest reviewer decision confirms (confirmed), rejects
                  (rejected), either (any), or that nobody has decided on (unreviewed)
  --org NAME      (claimreview) the reviewing organisation, the author of each review
  --url-base URL  (claimreview) the review desk's address: each review's url is URL/claims/<id>
  --bom           (csv formats) start with a UTF-8 byte order mark, for spreadsheets that need it
  --archive DIR   also read the claim archive there (default: the config's archive.dir); archived
                  claims come first, oldest archive file first, then Redis's in update order
  --out FILE      write there instead of standard output: the file appears whole when the export
                  succeeds, and is left as it was when it fails
  --schema        print the JSON Schema of one record of --format (a CSV row as an object keyed
                  by the header) and exit
  --json          the same as --format jsonl (the default), as every command takes --json
${CONFIG_USAGE}
Progress goes to standard error when it is a terminal or the export is long.`,
  async run(argv) {
    const { values } = parse(
      argv,
      {
        status: { type: 'string' },
        since: { type: 'string' },
        speaker: { type: 'string' },
        format: { type: 'string', default: 'jsonl' },
        reviewed: { type: 'string' },
        org: { type: 'string' },
        'url-base': { type: 'string' },
        bom: { type: 'boolean' },
        archive: { type: 'string' },
        out: { type: 'string', short: 'o' },
        schema: { type: 'boolean' },
        json: { type: 'boolean' },
        config: { type: 'string' },
      },
      false,
    );
    if (values.json && values.format !== 'jsonl')
      throw new UsageError('--json is --format jsonl: give one of them, not both with another format');
    const formatOk = ExportFormat.safeParse(values.format);
    if (!formatOk.success) throw new UsageError(`--format must be one of ${ExportFormat.options.join(', ')}`);
    const format = formatOk.data;
    if (values.schema) {
      process.stdout.write(`${JSON.stringify(exportSchema(format), null, 2)}\n`);
      return 0;
    }
    const csv = isCsvFormat(format);
    if (values.bom && !csv)
      throw new UsageError('--bom is for --format csv or occurrences-csv (a JSON line must start with "{")');
    if (values.status && !ClaimStatus.options.includes(values.status as ClaimStatus))
      throw new UsageError(`--status must be one of ${ClaimStatus.options.join(', ')}`);
    const reviewedOk = values.reviewed === undefined ? null : ReviewedFilter.safeParse(values.reviewed);
    if (reviewedOk && !reviewedOk.success) throw new UsageError(`--reviewed must be one of ${ReviewedFilter.options.join(', ')}`);
    const org = values.org?.trim();
    if (format === 'claimreview' && !org)
      throw new UsageError('--format claimreview needs --org NAME: the reviewing organisation, the author of each review');
    if (format !== 'claimreview' && (values.org !== undefined || values['url-base'] !== undefined))
      throw new UsageError('--org and --url-base are for --format claimreview');
    const urlBase = values['url-base'];
    if (urlBase !== undefined && !URL.canParse(urlBase))
      throw new UsageError(`--url-base: '${urlBase}' is not an absolute URL (e.g. https://review.example.org)`);
    const sinceMs = values.since !== undefined ? parseSince(values.since, '--since') : undefined;
    const config = loadConfig(values.config ? { file: values.config } : {});
    const file = values.out && values.out !== '-' ? await openAtomicOutput(values.out) : null;
    let redis: ReturnType<typeof createRedis> | null = null;
    let store: RedisClaimStore | null = null;
    try {
      await assertRedis(config);
      redis = createRedis(config);
      const keys = new Keys(config.prefix, config.claimPartitions);
      // Reads only: ZRANGE/MGET/ZCARD of the claim store, HMGET of the decisions, GET of
      // articles; nothing is written.
      store = new RedisClaimStore(redis, keys);
      const total = await store.count();
      const showProgress = process.stderr.isTTY === true || total > 10_000;
      const stats: ExportStats = { written: 0, withoutDecision: 0, invalid: 0, articleReads: 0 };
      let lastReport = 0;
      const archiveDir = values.archive ?? config.archive.dir;
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
            process.stderr.write(`\rexport: read ${read}/${total} claims, wrote ${stats.written}`);
          }
        },
        archiveDir ? new ClaimArchive(resolveInput(archiveDir)) : undefined,
      );
      const records = exportRecords(
        claims,
        { decisions: new RedisDecisionLog(redis, keys), articles: new ArticleStore(redis, keys) },
        {
          format,
          ...(reviewedOk?.success ? { reviewed: reviewedOk.data } : {}),
          ...(org ? { org } : {}),
          ...(urlBase ? { urlBase } : {}),
        },
        stats,
        // Records that do not validate are a bug upstream; say which instead of writing them.
        (id, message) => process.stderr.write(`quotecheck: claim ${id} does not match the export schema, skipped: ${message}\n`),
      );
      // One pipeline, so back-pressure and errors are handled by the stream machinery: the old
      // per-row once('drain')/once('error') listeners piled up (MaxListenersExceededWarning on
      // every --out export) and a failed file stream was an unhandled 'error'.
      const source = Readable.from(records);
      const out: Writable = file?.stream ?? process.stdout;
      const stages = csv ? [source, csvStringifier({ bom: values.bom === true }, csvColumns(format)), out] : [source, out];
      try {
        // Standard output stays open for whoever writes after us; the file is ended and closed.
        await pipeline(stages as [Readable, ...Writable[]], { end: file !== null });
      } catch (e) {
        if (file) throw writeError(values.out!, e);
        throw e;
      }
      if (showProgress) process.stderr.write(`\rexport: wrote ${stats.written} records from ${total} claims\n`);
      if (stats.withoutDecision > 0)
        process.stderr.write(
          `quotecheck: ${stats.withoutDecision} claims without a reviewer's decision left out of claimreview (decide on them in quotecheck serve --writable)\n`,
        );
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
