import type { Logger } from '@quotecheck/shared';
import type { Worker } from 'bullmq';

const sleep = (ms: number) => new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref());

/**
 * Drains workers: stop taking jobs and wait for in-flight ones up to `drainMs`; past that,
 * abort them (processors get an AbortSignal, their jobs go back to the queue as failed
 * attempts or stalled jobs) and force-close. `worker.close()` alone waits forever.
 */
export async function drainWorkers(workers: Worker[], drainMs: number, log: Logger): Promise<'drained' | 'cancelled'> {
  const closing = Promise.allSettled(workers.map((w) => w.close()));
  const first = await Promise.race([closing.then(() => 'drained' as const), sleep(drainMs)]);
  if (first === 'drained') return 'drained';
  log.warn({ event: 'shutdown.cancel', drainMs }, 'in-flight jobs did not finish in time; cancelling them');
  for (const w of workers) w.cancelAllJobs('shutdown');
  const second = await Promise.race([closing.then(() => 'drained' as const), sleep(5_000)]);
  if (second === 'timeout') await Promise.allSettled(workers.map((w) => w.close(true)));
  return 'cancelled';
}
