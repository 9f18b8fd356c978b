import { Worker } from 'node:worker_threads';
import type { Article, Attribution } from '@quotecheck/shared';

/**
 * How long the extraction of one page may take in the extract worker.
 *
 * Why 20 s: BullMQ's job lock lasts 30 s (`lockDuration` in packages/shared/src/queues.ts) and is
 * renewed by a timer on the worker's event loop. Extraction is synchronous, so in-process a slow page
 * froze that timer; a 200k-div page took 76 s, its lock expired, and the job was taken again by
 * another worker (three runs, `Missing lock ... moveToFinished`). Extraction now runs in a thread, so
 * the event loop keeps renewing the lock, and the deadline ends the page 10 s before even an
 * unrenewed lock could expire. Real pages take milliseconds (slowest of the 181 benchmark pages:
 * about 0.2 s; a 10 MB page of concatenated articles about 1 s), so only hostile pages reach it.
 */
export const EXTRACT_BUDGET_MS = 20_000;

/** How long a fresh thread may take to load its modules (tsx compiles them on first use). */
const STARTUP_TIMEOUT_MS = 60_000;

/** One page to extract. */
export interface ExtractInput {
  html: Uint8Array | string;
  url: string | null;
  contentType: string | null;
}

/** What a thread returns for a page. */
export interface ExtractOutput {
  article: Article;
  attributions: Attribution[];
  /** Time spent extracting inside the thread. */
  ms: number;
  /** The worker thread that extracted the page (never the caller's). */
  threadId: number;
  /** Debug lines the extraction logged (a dropped date), as `[fields, msg]`, for the caller's logger. */
  debug: [Record<string, unknown>, string][];
}

/** @internal A request posted to an extraction thread. */
export interface ThreadRequest extends ExtractInput {
  id: number;
}

/** @internal A message from an extraction thread. */
export type ThreadReply =
  | { kind: 'ready' }
  | ({ kind: 'done'; id: number } & ExtractOutput)
  | { kind: 'failed'; id: number; message: string };

/** A page whose extraction ran past its budget; retrying it would only take as long again. */
export class ExtractBudgetError extends Error {
  override readonly name = 'ExtractBudgetError';
  constructor(
    readonly budgetMs: number,
    readonly bytes: number,
  ) {
    super(`page took longer than ${formatSeconds(budgetMs)} to extract (${bytes} bytes): not retried`);
  }
}

/** An extraction thread that could not start or died mid-page (out of memory, killed). */
export class ExtractThreadError extends Error {
  override readonly name = 'ExtractThreadError';
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}

// Run from its TypeScript sources (tsx, vitest), the thread starts through extract-thread.mjs, which
// registers tsx; built (the CLI bundle, a library's dist), the thread's entry is the compiled
// extract-thread.js beside this module, run by plain node.
const THREAD_URL = import.meta.url.endsWith('.ts')
  ? new URL('./extract-thread.mjs', import.meta.url)
  : new URL('./extract-thread.js', import.meta.url);

/** The error of a page given to (or waiting in) a closed pool. */
const poolClosed = (): ExtractThreadError => new ExtractThreadError('extraction pool is closed: create a new ExtractPool');

/**
 * Threads a pool starts at most, by default. Why one: every thread is a V8 isolate that compiles
 * the extraction code for itself, and that warm-up is most of what a page costs for the first few
 * hundred pages a thread reads (one thread on the 233 benchmark pages, CPU per page by hundreds:
 * 29.7, 19.7, 11.4 ms, then 6-9 ms; ~4 s of CPU in all). Two threads per process paid it twice, and
 * two processes four times: 65.9 ms of worker CPU per article with two threads against 49.4 ms with
 * one (`bench:pipeline --n 1000`, one process), and each thread holds its own heap (peak RSS
 * ~100 MB lower per process). Pages beyond the pool's threads wait for a free one; more pages in
 * parallel come from more processes, or from `extractThreads` on a machine with spare cores.
 */
export const DEFAULT_EXTRACT_THREADS = 1;

/** Options of an {@link ExtractPool}. */
export interface ExtractPoolOptions {
  /** Most threads extracting at once; {@link DEFAULT_EXTRACT_THREADS} by default. */
  threads?: number;
}

/**
 * A pool of extraction threads, each running {@link articleFromHtml} and attribution extraction on
 * one page at a time under a deadline. A thread past its deadline is terminated (a synchronous parse
 * cannot be interrupted otherwise) and replaced by a fresh one on the next page.
 *
 * Threads are started on demand and reused, up to `threads`; a page that finds them all busy waits
 * for one, and its budget starts when a thread takes it. Idle threads do not keep the process alive.
 */
export class ExtractPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Set<Worker>();
  /** Pages waiting for a thread, first come first served. */
  private readonly waiting: (() => void)[] = [];
  private readonly threads: number;
  /** Pages holding one of the `threads` slots (starting a thread or extracting). */
  private running = 0;
  private nextId = 0;
  private closed = false;

  /** Threads started so far (fresh ones replace terminated ones). */
  started = 0;

  constructor(options: ExtractPoolOptions = {}) {
    const threads = options.threads ?? DEFAULT_EXTRACT_THREADS;
    if (!Number.isInteger(threads) || threads < 1) {
      throw new RangeError(`extraction threads must be a whole number of at least 1, got ${threads}: fix extractThreads`);
    }
    this.threads = threads;
  }

  /**
   * Extracts one page in a thread, after waiting for a free one when all are busy. Rejects with
   * {@link ExtractBudgetError} when it takes longer than `budgetMs` in its thread, with
   * {@link ExtractThreadError} when the thread fails, and with the signal's reason when `signal`
   * aborts (a thread extracting the page is terminated in both of the last cases too).
   */
  async run(input: ExtractInput, budgetMs: number = EXTRACT_BUDGET_MS, signal?: AbortSignal): Promise<ExtractOutput> {
    if (this.closed) throw poolClosed();
    signal?.throwIfAborted();
    await this.acquire(signal);
    try {
      return await this.runInThread(input, budgetMs, signal);
    } finally {
      this.release();
    }
  }

  /** Takes one of the `threads` slots, waiting for a page to finish when none is free. */
  private acquire(signal?: AbortSignal): Promise<void> {
    if (this.running < this.threads) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const at = this.waiting.indexOf(take);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(signal?.reason ?? new Error('extraction aborted'));
      };
      // Called by release(), which hands its slot over (`running` stays as it is), or by close().
      const take = (): void => {
        signal?.removeEventListener('abort', onAbort);
        if (this.closed) reject(poolClosed());
        else resolve();
      };
      this.waiting.push(take);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Gives a slot to the next waiting page, or frees it. */
  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  private async runInThread(input: ExtractInput, budgetMs: number, signal?: AbortSignal): Promise<ExtractOutput> {
    const worker = this.idle.pop() ?? (await this.spawn());
    // closed (or cancelled) while the thread was starting: it never takes the page
    if (this.closed || signal?.aborted) {
      void worker.terminate();
      signal?.throwIfAborted();
      throw poolClosed();
    }
    this.busy.add(worker);
    worker.ref();
    const id = this.nextId++;
    const bytes = typeof input.html === 'string' ? Buffer.byteLength(input.html) : input.html.byteLength;
    return new Promise<ExtractOutput>((resolve, reject) => {
      const settle = (keep: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
        this.busy.delete(worker);
        if (keep && !this.closed) {
          worker.unref();
          this.idle.push(worker);
        } else void worker.terminate();
      };
      const timer = setTimeout(() => {
        settle(false);
        reject(new ExtractBudgetError(budgetMs, bytes));
      }, budgetMs);
      const onMessage = (m: ThreadReply): void => {
        if (m.kind === 'ready' || m.id !== id) return;
        settle(true);
        if (m.kind === 'done')
          resolve({ article: m.article, attributions: m.attributions, ms: m.ms, threadId: m.threadId, debug: m.debug });
        else reject(new ExtractThreadError(`extraction failed in its thread: ${m.message}`));
      };
      const onError = (err: Error): void => {
        settle(false);
        reject(new ExtractThreadError(`extraction thread died (${err.message}): the page will be retried in a fresh thread`));
      };
      const onExit = (code: number): void => {
        settle(false);
        reject(new ExtractThreadError(`extraction thread exited with code ${code}: the page will be retried in a fresh thread`));
      };
      const onAbort = (): void => {
        settle(false);
        reject(signal?.reason ?? new Error('extraction aborted'));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.postMessage({ ...input, id } satisfies ThreadRequest);
    });
  }

  /**
   * Starts one thread before the first page, so that page does not wait ~0.5 s (a fresh thread
   * loads and compiles the extraction modules: 450-550 ms of CPU here) and a thread that cannot
   * start shows at start-up. It holds a page slot while starting, so a page arriving meanwhile
   * takes this thread instead of starting another. Nothing when a thread exists or the pool is closed.
   */
  async warm(): Promise<void> {
    if (this.closed || this.started > 0) return;
    await this.acquire();
    try {
      if (this.closed || this.idle.length > 0) return;
      const worker = await this.spawn();
      if (this.closed) {
        void worker.terminate();
        return;
      }
      worker.unref();
      this.idle.push(worker);
    } finally {
      this.release();
    }
  }

  /** Terminates every thread; pages in flight or waiting for a thread are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    const all = [...this.idle, ...this.busy];
    this.idle.length = 0;
    for (const take of this.waiting.splice(0)) take();
    await Promise.all(all.map((w) => w.terminate()));
  }

  private spawn(): Promise<Worker> {
    // execArgv: [] keeps the parent's loader flags (tsx's, when run through the tsx CLI) out of the
    // thread; extract-thread.mjs registers tsx itself, whatever started the parent (tsx, vitest).
    const worker = new Worker(THREAD_URL, { execArgv: [] });
    this.started++;
    return new Promise<Worker>((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      const timer = setTimeout(() => {
        done();
        void worker.terminate();
        reject(
          new ExtractThreadError(`extraction thread did not start within ${formatSeconds(STARTUP_TIMEOUT_MS)}: check CPU load`),
        );
      }, STARTUP_TIMEOUT_MS);
      const onMessage = (m: ThreadReply): void => {
        if (m.kind !== 'ready') return;
        done();
        // A thread that dies while idle (no page listening) must not crash the process as an
        // unhandled 'error' event; it just leaves the pool.
        worker.on('error', () => {});
        worker.on('exit', () => {
          const at = this.idle.indexOf(worker);
          if (at >= 0) this.idle.splice(at, 1);
        });
        resolve(worker);
      };
      const onError = (err: Error): void => {
        done();
        reject(new ExtractThreadError(`extraction thread failed to start: ${err.message}`));
      };
      const onExit = (code: number): void => {
        done();
        reject(new ExtractThreadError(`extraction thread exited with code ${code} while starting`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
  }
}
