import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { assertRedis, ClaimStatus, createRedis, Keys, loadConfig, UsageError } from '@quotecheck/shared';
import { csvHeader, csvRow, ExportedClaim, exportJsonSchema, RedisClaimStore, streamClaims } from '@quotecheck/verify';
import { type Command, parse } from '../args.js';
import { resolveInput } from '../inputs.js';
import { parseSince } from './review.js';

function write(out: Writable, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (out.write(`${line}\n`)) resolve();
    else {
      out.once('drain', resolve);
      out.once('error', reject);
    }
  });
}

export const exportCommand: Command = {
  name: 'export',
  summary: 'export the verified quote set from the store as JSONL or CSV (or print its JSON Schema)',
  usage: `
Usage: quotecheck export [--status S] [--since T] [--speaker NAME] [--format jsonl|csv] [--out FILE]
       quotecheck export --schema

Streams claims from the Redis claim store in pages: per claim the canonical quote, speaker
(name, kind, role), status and flags, first seen, independent-source count, every occurrence
(URL, outlet, published, offsets, wording fidelity) and the evidence.
  --status S      only claims whose headline status is S (e.g. corroborated)
  --since T       only claims updated since T: an ISO time or a duration back from now (2h, 3d)
  --speaker NAME  only claims whose speaker name contains NAME (case-insensitive)
  --format F      jsonl (default): one claim per line, valid against --schema
                  csv: one row per claim; flags, occurrences and evidence are JSON-encoded cells
  --out FILE      write there instead of standard output
  --schema        print the JSON Schema of one JSONL record and exit
Progress goes to standard error when it is a terminal or the export is long.`,
  async run(argv) {
    const { values, positionals } = parse(
      argv,
      {
        status: { type: 'string' },
        since: { type: 'string' },
        speaker: { type: 'string' },
        format: { type: 'string', default: 'jsonl' },
        out: { type: 'string', short: 'o' },
        schema: { type: 'boolean' },
      },
      false,
    );
    void positionals;
    if (values.schema) {
      process.stdout.write(`${JSON.stringify(exportJsonSchema(), null, 2)}\n`);
      return 0;
    }
    if (values.format !== 'jsonl' && values.format !== 'csv') throw new UsageError('--format must be jsonl or csv');
    if (values.status && !ClaimStatus.options.includes(values.status as ClaimStatus))
      throw new UsageError(`--status must be one of ${ClaimStatus.options.join(', ')}`);
    const sinceMs = parseSince(values.since);
    const config = loadConfig();
    await assertRedis(config.redisUrl);
    const redis = createRedis(config.redisUrl);
    const store = new RedisClaimStore(redis, new Keys(config.prefix));
    const out: Writable = values.out ? createWriteStream(resolveInput(values.out)) : process.stdout;
    try {
      const total = await store.count();
      const showProgress = process.stderr.isTTY === true || total > 10_000;
      let written = 0;
      let lastReport = 0;
      if (values.format === 'csv') await write(out, csvHeader());
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
      for await (const c of claims) {
        // Records that do not validate are a bug upstream; say which instead of writing them.
        const ok = ExportedClaim.safeParse(c);
        if (!ok.success) {
          process.stderr.write(
            `quotecheck: claim ${c.id} does not match the export schema, skipped: ${ok.error.issues[0]?.message}\n`,
          );
          continue;
        }
        await write(out, values.format === 'csv' ? csvRow(ok.data) : JSON.stringify(ok.data));
        written++;
      }
      if (showProgress) process.stderr.write(`\rexport: wrote ${written} of ${total} claims\n`);
    } finally {
      if (values.out) await new Promise<void>((r) => (out as ReturnType<typeof createWriteStream>).end(r));
      await store.close();
      await redis.quit().catch(() => redis.disconnect());
    }
    return 0;
  },
};
