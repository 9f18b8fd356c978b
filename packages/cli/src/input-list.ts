import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { UsageError } from '@quotecheck/shared';
import { CONFIG_USAGE } from './config-option.js';
import { FileAccessError, readError } from './file-errors.js';
import { isUrl, resolveInput } from './inputs.js';

/**
 * At most this many URLs are fetched at once, whatever `--jobs` says: politeness towards the
 * sites read, kept simple (one cap for all hosts, not one per host).
 */
export const URL_CONCURRENCY = 4;

/** The options every command that reads a list of inputs takes (`check`, `extract`, `article`), and `--config`. */
export const INPUT_LIST_OPTIONS = {
  from: { type: 'string' },
  jobs: { type: 'string' },
  config: { type: 'string' },
} as const;

/** The usage lines of {@link INPUT_LIST_OPTIONS}, shared by the commands' `--help`. */
export const INPUT_LIST_USAGE = `  --from FILE        read more inputs from FILE (- for standard input): one URL or path per
                     line; blank lines and lines starting with # are skipped
  --jobs N           inputs processed at once (default: the number of CPUs; URLs at most ${URL_CONCURRENCY}
                     at once); the output keeps the order of the inputs
${CONFIG_USAGE}`;

/** Parses a list of inputs: one per line, trimmed; blank lines and `#` comments skipped. */
export function parseInputList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/**
 * The inputs of a command: its positional arguments, then the lines of `--from` (a file, or
 * standard input for `-`).
 * @throws UsageError when there are none, or when standard input is asked for twice
 * @throws FileAccessError when the `--from` file cannot be read
 */
export async function collectInputs(command: string, positionals: string[], from: string | undefined): Promise<string[]> {
  let listed: string[] = [];
  if (from === '-') {
    if (positionals.includes('-')) throw new UsageError(`${command}: standard input cannot be both --from - and an input (-)`);
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    listed = parseInputList(Buffer.concat(chunks).toString('utf8'));
  } else if (from !== undefined) {
    const text = await readFile(resolveInput(from), 'utf8').catch((e: unknown) => {
      throw readError(from, e);
    });
    listed = parseInputList(text);
  }
  const inputs = [...positionals, ...listed];
  if (!inputs.length) throw new UsageError(`${command} needs at least one FILE or URL (or --from FILE)`);
  return inputs;
}

/** `--jobs`: a positive integer, by default the number of CPUs. */
export function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError('--jobs must be a positive integer');
  return n;
}

/** The outcome of one input: its result, or the error it failed with. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * A progress line on standard error, rewritten in place with `\r`: done/total, rate and ETA.
 * Silent unless standard error is a terminal; {@link Progress.note} prints a line above it.
 */
export class Progress {
  readonly #total: number;
  readonly #tty: boolean;
  readonly #start = Date.now();
  #done = 0;
  #shown = false;
  #lastDraw = 0;

  constructor(total: number, tty = process.stderr.isTTY === true) {
    this.#total = total;
    this.#tty = tty;
  }

  /** Counts one input done and redraws (at most every 100 ms, and always at the last one). */
  tick(): void {
    this.#done++;
    if (!this.#tty) return;
    const now = Date.now();
    if (this.#done < this.#total && now - this.#lastDraw < 100) return;
    this.#lastDraw = now;
    this.#draw(now);
  }

  /** Writes a line (an input's error or remark) to standard error without breaking the bar. */
  note(line: string): void {
    if (this.#shown) process.stderr.write('\r\x1b[K');
    process.stderr.write(line);
    if (this.#shown) this.#draw(Date.now());
  }

  /** Ends the progress line (a newline), if one was drawn. */
  end(): void {
    if (this.#shown) process.stderr.write('\n');
    this.#shown = false;
  }

  #draw(now: number): void {
    const secs = Math.max(0.001, (now - this.#start) / 1000);
    const rate = this.#done / secs;
    const left = this.#total - this.#done;
    const eta = rate > 0 ? Math.ceil(left / rate) : 0;
    const width = 24;
    const fill = Math.round((this.#done / Math.max(1, this.#total)) * width);
    process.stderr.write(
      `\r\x1b[K[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${this.#done}/${this.#total}  ${rate.toFixed(1)}/s  ETA ${formatSeconds(eta)}`,
    );
    this.#shown = true;
  }
}

function formatSeconds(s: number): string {
  const m = Math.floor(s / 60);
  return m ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/**
 * Runs `work` over the inputs, at most `jobs` at once (and at most {@link URL_CONCURRENCY} URLs at
 * once), and hands each outcome to `emit` in the order of the inputs, as soon as every earlier
 * input has been emitted: the output of a parallel run is the output of a serial one.
 *
 * Why in one thread: the work is a read or a fetch followed by a synchronous extraction; the reads
 * and fetches overlap, the extraction does not (see the CLI's report for the measured times).
 */
export async function forEachOrdered<T>(
  inputs: readonly string[],
  jobs: number,
  work: (input: string) => Promise<T>,
  emit: (input: string, outcome: Outcome<T>) => void | Promise<void>,
): Promise<void> {
  const outcomes = new Map<number, Outcome<T>>();
  let nextToEmit = 0;
  let emitting: Promise<void> = Promise.resolve();
  const flush = async () => {
    while (outcomes.has(nextToEmit)) {
      const i = nextToEmit++;
      const outcome = outcomes.get(i) as Outcome<T>;
      outcomes.delete(i);
      await emit(inputs[i] as string, outcome);
    }
  };
  let next = 0;
  let urlsRunning = 0;
  await new Promise<void>((done, fail) => {
    let running = 0;
    const pump = () => {
      if (next >= inputs.length && running === 0) {
        emitting.then(done, fail);
        return;
      }
      while (running < jobs && next < inputs.length) {
        const input = inputs[next] as string;
        const url = isUrl(input);
        if (url && urlsRunning >= URL_CONCURRENCY) break;
        const i = next++;
        running++;
        if (url) urlsRunning++;
        work(input).then(
          (value) => finish(i, url, { ok: true, value }),
          (error: unknown) => finish(i, url, { ok: false, error }),
        );
      }
    };
    const finish = (i: number, url: boolean, outcome: Outcome<T>) => {
      running--;
      if (url) urlsRunning--;
      outcomes.set(i, outcome);
      emitting = emitting.then(flush);
      emitting.catch(fail);
      pump();
    };
    pump();
  });
}

/**
 * The one line a command prints for an input it could not load: file errors name the file
 * themselves ("no such file: X"); any other error is prefixed with the input.
 */
export function inputFailure(input: string, e: unknown): string {
  const message = (e as Error)?.message ?? String(e);
  return `quotecheck: ${e instanceof FileAccessError ? message : `${input}: ${message}`}\n`;
}

/**
 * Runs `work` over the inputs, `jobs` at a time, with the progress line on a terminal, and hands
 * each result to `use` in input order. An input whose work or use throws is named on standard
 * error in one line and the others go on. Returns how many inputs failed (exit 1 when any did).
 */
export async function runInputList<T>(
  inputs: readonly string[],
  jobs: number,
  work: (input: string) => Promise<T>,
  use: (input: string, value: T, progress: Progress) => void | Promise<void>,
): Promise<number> {
  const progress = new Progress(inputs.length);
  let failed = 0;
  await forEachOrdered(inputs, jobs, work, async (input, outcome) => {
    progress.tick();
    try {
      if (!outcome.ok) throw outcome.error;
      await use(input, outcome.value, progress);
    } catch (e) {
      progress.note(inputFailure(input, e));
      failed++;
    }
  });
  progress.end();
  return failed;
}
