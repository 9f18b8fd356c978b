import { createReadStream, statSync, watch } from 'node:fs';
import { ClaimStatus, parseSince, QuotecheckError, type Redis, UsageError } from '@quotecheck/shared';
import {
  FlagGroups,
  type FlaggedClaim,
  flaggedFromStore,
  formatFlagged,
  matchesReview,
  type PageCursor,
  RedisClaimStore,
  type ReviewFilter,
} from '@quotecheck/verify';
import { type Command, parse } from '../args.js';
import { useColor } from '../color.js';
import { openContext } from '../context.js';
import { readError } from '../file-errors.js';
import { resolveInput } from '../inputs.js';

/**
 * Longest log line kept. A quotecheck log line with a claim and its evidence is a few KB; a line
 * longer than this is not one of ours, and buffering it whole would let one endless line (a
 * binary or hostile file, `/dev/zero` as stdin) grow memory without bound.
 */
export const MAX_LOG_LINE_CHARS = 1_000_000;

/** Splits text chunks into lines, dropping (and counting) lines over {@link MAX_LOG_LINE_CHARS}. */
class LineSplitter {
  private rest = '';
  private overlong = false;
  dropped = 0;

  /** Where complete lines go; follow mode swaps it after the first read. */
  constructor(public onLine: (line: string) => void) {}

  push(chunk: string): void {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      this.finish(chunk.slice(start, nl));
      start = nl + 1;
    }
    this.add(chunk.slice(start));
  }

  /** The unterminated last line, kept for the next read (follow mode) or emitted at the end. */
  flush(): void {
    if (this.rest || this.overlong) this.finish('');
  }

  private add(part: string): void {
    if (this.overlong) return;
    this.rest += part;
    if (this.rest.length > MAX_LOG_LINE_CHARS) {
      this.overlong = true;
      this.rest = '';
    }
  }

  private finish(part: string): void {
    this.add(part);
    if (this.overlong) this.dropped++;
    else this.onLine(this.rest.endsWith('\r') ? this.rest.slice(0, -1) : this.rest);
    this.rest = '';
    this.overlong = false;
  }
}

async function readLines(stream: NodeJS.ReadableStream, lines: LineSplitter): Promise<void> {
  stream.setEncoding?.('utf8');
  for await (const chunk of stream) lines.push(chunk as string);
  lines.flush();
}

/** Reads a file from `from` to its current end; returns the new end offset. */
async function readFrom(path: string, from: number, lines: LineSplitter): Promise<number> {
  const size = statSync(path).size;
  if (size < from) from = 0; // truncated or rotated: start over
  if (size === from) return from;
  const stream = createReadStream(path, { start: from, end: size - 1, encoding: 'utf8' });
  for await (const chunk of stream) lines.push(chunk as string);
  return size;
}

/** Claims read per page from the store: one round trip each, a few hundred KB. */
const STORE_PAGE = 500;

/** `review --store`: the flagged claims of the claim store, most recent first. */
async function reviewStore(filter: ReviewFilter, json: boolean, configFile: string | undefined): Promise<number> {
  const ctx = await openContext({ configFile, readOnly: true });
  const store = new RedisClaimStore(ctx.redis as Redis, ctx.keys); // until the claim store takes RedisClient
  try {
    const found: FlaggedClaim[] = [];
    let total = 0;
    let cursor: PageCursor | null = null;
    do {
      const page = await store.page(cursor, STORE_PAGE, filter.sinceMs);
      for (const claim of page.claims) {
        const f = flaggedFromStore(claim);
        if (!f) continue;
        total++;
        if (matchesReview(f, filter)) found.push(f);
      }
      cursor = page.next;
    } while (cursor);
    // Claims updated while paging may come twice: keep each once, its latest state.
    const latest = new Map<string, FlaggedClaim>();
    for (const f of found) if ((latest.get(f.claimId)?.time ?? '') <= f.time) latest.set(f.claimId, f);
    const list = [...latest.values()].sort((a, b) => b.time.localeCompare(a.time));
    const color = useColor(process.stdout) && !json;
    for (const c of list) process.stdout.write(`${json ? JSON.stringify(c) : `${formatFlagged(c, color)}\n`}\n`);
    if (total === 0) process.stderr.write('no flagged claims in the store\n');
    else if (list.length === 0) process.stderr.write(`none of the ${total} flagged claim(s) in the store match the filters\n`);
    else if (!json) process.stderr.write(`${list.length} flagged claim(s)\n`);
    return 0;
  } finally {
    await store.close();
    await ctx.close();
  }
}

export const reviewCommand: Command = {
  name: 'review',
  summary: 'show flagged claims from the JSON logs, grouped by claim, with their evidence',
  usage: `
Usage: quotecheck review [LOGFILE|-] [--status S] [--speaker NAME] [--since T] [--follow] [--json]
       quotecheck review --store [--status S] [--speaker NAME] [--since T] [--json] [--config F]

Reads the JSON-lines log of \`quotecheck run --log-file\` (a file, or standard input with - or no
argument; other lines are skipped, and input with no quotecheck log line at all is refused) and shows the latest state of every flagged claim (event "claim.flagged"), most recent
first, with its evidence lines underneath.
  --status S      only claims whose status or flags include S (denied, contradicted,
                  conflicting_speaker, second_hand, anonymous)
  --speaker NAME  only claims whose speaker name contains NAME (case-insensitive)
  --since T       only claims logged since T: a duration back from now (90s, 5m, 1h, 2d) or an
                  ISO date or time (2026-11-26, 2026-11-26T08:00Z; UTC when no zone is given)
  --follow        keep reading the file as it grows and print claims as they change
  --store         read the flagged claims from the claim store in Redis instead of logs (every
                  worker's claims, wherever its logs went); writes nothing
  --json          one JSON line per claim (latest state) instead of text
The same selections with jq are in docs/review.md.`,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      status: { type: 'string' },
      speaker: { type: 'string' },
      since: { type: 'string' },
      follow: { type: 'boolean', short: 'f' },
      json: { type: 'boolean' },
      store: { type: 'boolean' },
      config: { type: 'string' },
    });
    if (values.store && (positionals.length > 0 || values.follow))
      throw new UsageError('--store reads the claim store: give no LOGFILE and no --follow');
    if (positionals.length > 1) throw new UsageError('review reads one log file (or - for standard input)');
    if (values.status && !ClaimStatus.options.includes(values.status as ClaimStatus))
      throw new UsageError(`--status must be one of ${ClaimStatus.options.join(', ')}`);
    const filter: ReviewFilter = {
      ...(values.status ? { status: values.status } : {}),
      ...(values.speaker ? { speaker: values.speaker } : {}),
      ...(values.since !== undefined ? { sinceMs: parseSince(values.since, '--since') } : {}),
    };
    if (values.store) return reviewStore(filter, values.json === true, values.config);
    const shown = positionals[0] && positionals[0] !== '-' ? positionals[0] : null;
    const file = shown ? resolveInput(shown) : null;
    if (values.follow && !file) throw new UsageError('--follow needs a LOGFILE to tail');
    const name = shown ?? 'standard input';
    const groups = new FlagGroups();
    const color = useColor(process.stdout) && !values.json;
    const show = (c: ReturnType<FlagGroups['list']>[number]) =>
      process.stdout.write(`${values.json ? JSON.stringify(c) : `${formatFlagged(c, color)}\n`}\n`);
    let offset = 0;
    const lines = new LineSplitter((l) => groups.add(l));
    if (file) {
      try {
        offset = await readFrom(file, 0, lines);
      } catch (e) {
        // Missing or unreadable: exit 1 with "no such file: X", as in every command.
        throw readError(shown!, e);
      }
      // A last line without its newline is still a line, unless the writer may finish it.
      if (!values.follow) lines.flush();
    } else await readLines(process.stdin, lines);
    if (lines.dropped > 0)
      process.stderr.write(`skipped ${lines.dropped} line(s) of ${name} longer than ${MAX_LOG_LINE_CHARS} characters\n`);
    // Lines, but none from quotecheck: the wrong file (README.md, some other JSON), not "0 claims".
    if (groups.seen.lines > 0 && groups.seen.logLines === 0)
      throw new QuotecheckError(`${name} has no quotecheck log lines: pass the file written by \`quotecheck run --log-file\``);
    const list = groups.list(filter);
    for (const c of list) show(c);
    if (!values.follow) {
      // Said on standard error in every mode, so --json output stays pure and an empty answer is visible.
      if (groups.size === 0) process.stderr.write(`no flagged claims in ${name}\n`);
      else if (list.length === 0)
        process.stderr.write(`none of the ${groups.size} flagged claim(s) in ${name} match the filters\n`);
      else if (!values.json) process.stderr.write(`${list.length} flagged claim(s)\n`);
      return 0;
    }
    // Follow: print a claim again whenever a new line changes it.
    lines.onLine = (l) => {
      const c = groups.add(l);
      if (c && matchesReview(c, filter)) show(c);
    };
    await new Promise<void>((resolve) => {
      let busy = false;
      let again = false;
      const poll = async () => {
        if (busy) {
          again = true;
          return;
        }
        busy = true;
        do {
          again = false;
          offset = await readFrom(file!, offset, lines).catch(() => offset);
        } while (again);
        busy = false;
      };
      const w = watch(file!, () => void poll());
      const timer = setInterval(() => void poll(), 1000);
      const stop = () => {
        w.close();
        clearInterval(timer);
        resolve();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
