import { createServer, type Server } from 'node:http';
import type { QueueKey } from '@quotecheck/shared';
import type { Queue, Worker } from 'bullmq';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { listen } from './listen.js';

const STATES = ['waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed'] as const;

/** Prometheus metrics of one `quotecheck run` process. */
export class Metrics {
  readonly registry = new Registry();
  private readonly jobsFinished: Counter<'queue' | 'outcome'>;
  private readonly failures: Counter<'queue' | 'reason'>;
  private readonly extractSeconds: Histogram;

  constructor(queues: Partial<Record<QueueKey, Queue>>, claimCounts?: () => Promise<Record<string, number>>) {
    // Process CPU, memory, event-loop lag, GC and handles (prom-client's defaults).
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'quotecheck_jobs',
      help: 'Jobs by queue and state',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        for (const [name, q] of Object.entries(queues)) {
          if (!q) continue;
          const counts = await q.getJobCounts(...STATES);
          for (const s of STATES) this.set({ queue: name, state: s }, counts[s] ?? 0);
        }
      },
    });
    this.jobsFinished = new Counter({
      name: 'quotecheck_jobs_finished_total',
      help: 'Jobs this process finished, by queue and outcome',
      labelNames: ['queue', 'outcome'],
      registers: [this.registry],
    });
    this.failures = new Counter({
      name: 'quotecheck_job_failures_total',
      help: 'Failed job attempts by queue and reason class (fetch errors by reason)',
      labelNames: ['queue', 'reason'],
      registers: [this.registry],
    });
    this.extractSeconds = new Histogram({
      name: 'quotecheck_extract_seconds',
      help: 'Time to extract one article (body and attributions)',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [this.registry],
    });
    new Gauge({
      name: 'quotecheck_claims',
      help: 'Claims in the store by headline status',
      labelNames: ['status'],
      registers: [this.registry],
      async collect() {
        if (!claimCounts) return;
        for (const [status, n] of Object.entries(await claimCounts())) this.set({ status }, n);
      },
    });
  }

  /** Counts completions and failures of a worker; failures by the error's class name. */
  watch(queue: string, worker: Worker): void {
    worker.on('completed', (_job, result: unknown) => {
      this.jobsFinished.inc({ queue, outcome: 'completed' });
      const ms = (result as { ms?: unknown } | undefined)?.ms;
      if (queue === 'extract' && typeof ms === 'number') this.extractSeconds.observe(ms / 1000);
    });
    worker.on('failed', (_job, err) => {
      this.jobsFinished.inc({ queue, outcome: 'failed' });
      this.failures.inc({ queue, reason: err.name === 'Error' ? reasonOf(err.message) : err.name });
    });
  }

  /**
   * Serves `/metrics` on the port (127.0.0.1 unless told otherwise), `/healthz` (200 while the
   * process serves) and `/readyz` (200 when `ready` resolves true within 2 s, else 503: for a
   * worker, Redis answers and its workers run). A port in use rejects with one line naming
   * `--metrics-port`.
   */
  async listen(port: number, host = '127.0.0.1', ready: () => Promise<boolean> = async () => true): Promise<Server> {
    const server = createServer(async (req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (path === '/healthz') {
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
        return;
      }
      if (path === '/readyz') {
        // A Redis that is down leaves a PING queued, not failed: answer in bounded time.
        const timeout = new Promise<boolean>((r) => setTimeout(r, 2000, false).unref());
        const ok = await Promise.race([ready().catch(() => false), timeout]);
        res.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain' }).end(ok ? 'ready\n' : 'not ready\n');
        return;
      }
      if (path !== '/metrics') {
        res.writeHead(404).end('not found: try /metrics, /healthz or /readyz\n');
        return;
      }
      try {
        const body = await this.registry.metrics();
        res.writeHead(200, { 'content-type': this.registry.contentType }).end(body);
      } catch (e) {
        res.writeHead(500).end(String(e));
      }
    });
    await listen(server, port, host, '--metrics-port');
    return server;
  }
}

/** A low-cardinality label from an error message: its first words, digits folded. */
function reasonOf(message: string): string {
  return message.split(/[:(]/)[0]!.replace(/\d+/g, 'N').trim().slice(0, 40) || 'error';
}
