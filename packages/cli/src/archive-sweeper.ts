import type { Config, Logger } from '@quotecheck/shared';
import { ClaimArchive, type ClaimStore, sweepIdleClaims } from '@quotecheck/verify';
import { resolveInput } from './inputs.js';

/** A running sweeper; `stop()` clears its timer and waits for a sweep under way. */
export interface ArchiveSweeper {
  stop(): Promise<void>;
}

/**
 * Sweeps idle claims into the archive from a verify process (`run`), once at start and then every
 * `archive.sweepEveryMs`, when `archive.dir` is set. Several processes may sweep at once: each
 * claim leaves Redis once (its removal checks the update time it read), and a copy another sweep
 * wrote as well is never the current one, so export skips it.
 */
export function startArchiveSweeper(store: ClaimStore, config: Config, log: Logger): ArchiveSweeper {
  const dir = config.archive.dir;
  if (!dir) return { stop: async () => {} };
  const archive = new ClaimArchive(resolveInput(dir));
  let running: Promise<void> | null = null;
  const sweep = async () => {
    try {
      const r = await sweepIdleClaims(store, archive, { idleMs: config.archive.idleMs });
      if (r.files.length)
        log.info(
          { event: 'archive.swept', archived: r.archived, kept: r.kept, files: r.files.length, dir: archive.dir },
          'idle claims archived',
        );
    } catch (err) {
      log.warn({ event: 'archive.failed', dir: archive.dir, err }, 'archive sweep failed; the next one retries');
    }
  };
  const start = () => {
    running ??= sweep().finally(() => {
      running = null;
    });
  };
  start();
  const timer = setInterval(start, config.archive.sweepEveryMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
