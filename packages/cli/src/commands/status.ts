import { QUEUE_KEYS, UsageError } from '@quotecheck/shared';
import { type Command, parse } from '../args.js';
import { CONFIG_USAGE } from '../config-option.js';
import { openContext } from '../context.js';

interface FeedPoll {
  at?: string;
  status?: string;
  items?: number;
  new?: number;
  skipped?: number;
  error?: string;
}

export const statusCommand: Command = {
  name: 'status',
  summary: 'queue counts, recent failures with reasons, last poll of each feed',
  usage: `
Usage: quotecheck status [--json] [--failed N] [--config FILE]

  --json       one JSON object instead of the table
  --failed N   how many recent failed jobs to list per queue (default 5)
${CONFIG_USAGE}`,
  async run(argv) {
    const { values } = parse(argv, { json: { type: 'boolean' }, failed: { type: 'string' }, config: { type: 'string' } }, false);
    const nFailed = Number(values.failed ?? 5);
    if (!Number.isInteger(nFailed) || nFailed < 0) throw new UsageError('--failed must be a whole number (0 or more)');
    // Read-only: status looks and never writes (not even the queues' meta hashes).
    const ctx = await openContext({ configFile: values.config, readOnly: true });
    try {
      const queues: Record<string, unknown> = {};
      const failures: { queue: string; jobId: string | undefined; reason: string; attempts: number; data: unknown }[] = [];
      for (const key of QUEUE_KEYS) {
        const q = ctx.queues[key];
        queues[key] = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'completed', 'failed');
        for (const job of nFailed > 0 ? await q.getFailed(0, nFailed - 1) : []) {
          failures.push({ queue: key, jobId: job.id, reason: job.failedReason, attempts: job.attemptsMade, data: job.data });
        }
      }
      const feeds = await ctx.redis.hgetall(ctx.keys.feeds);
      const polls = await ctx.redis.hgetall(ctx.keys.feedPolls);
      const feedRows = Object.entries(feeds).map(([id, json]) => {
        const feed = JSON.parse(json) as { url?: string };
        const poll = polls[id] ? (JSON.parse(polls[id]) as FeedPoll) : null;
        return { id, url: feed.url, lastPoll: poll };
      });
      const articles = await ctx.redis.zcard(ctx.keys.articles);
      const seen = await ctx.redis.scard(ctx.keys.seen);
      const skipped = await ctx.redis.hlen(ctx.keys.skipped);
      const out = { queues, failures, feeds: feedRows, articles, seen, skipped };
      if (values.json) {
        process.stdout.write(`${JSON.stringify(out)}\n`);
        return 0;
      }
      const lines = ['queue     waiting  active  delayed  completed  failed'];
      for (const [k, c] of Object.entries(queues) as [string, Record<string, number>][]) {
        lines.push(
          `${k.padEnd(8)} ${String((c.waiting ?? 0) + (c.prioritized ?? 0)).padStart(8)} ${String(c.active ?? 0).padStart(7)} ${String(c.delayed ?? 0).padStart(8)} ${String(c.completed ?? 0).padStart(10)} ${String(c.failed ?? 0).padStart(7)}`,
        );
      }
      lines.push('', `articles stored: ${articles}   urls seen: ${seen}   items skipped: ${skipped}`, '', 'feeds:');
      for (const f of feedRows) {
        const p = f.lastPoll;
        lines.push(
          `  ${f.id}  ${f.url}\n    last poll: ${p ? `${p.at} ${p.status}${p.error ? ` (${p.error})` : ''}, ${p.items ?? 0} items, ${p.new ?? 0} new, ${p.skipped ?? 0} skipped` : 'never'}`,
        );
      }
      if (failures.length) {
        lines.push('', 'recent failures:');
        for (const f of failures) lines.push(`  [${f.queue} ${f.jobId}] after ${f.attempts} attempt(s): ${f.reason}`);
      }
      process.stdout.write(`${lines.join('\n')}\n`);
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
