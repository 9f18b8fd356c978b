import { QUEUE_KEYS, type QueueKey, UsageError } from '@quotecheck/shared';
import { type Command, parse } from '../args.js';
import { CONFIG_USAGE } from '../config-option.js';
import { openContext } from '../context.js';

export const retryCommand: Command = {
  name: 'retry',
  summary: 'retry failed jobs (all queues, or one with --queue)',
  usage: `
Usage: quotecheck retry --failed [--queue poll|fetch|extract|verify] [--json] [--config FILE]

Moves failed jobs back to waiting so the workers try them again; prints how many per queue.
  --json             one JSON line per queue: queue, retried
${CONFIG_USAGE}`,
  async run(argv) {
    const { values } = parse(
      argv,
      { failed: { type: 'boolean' }, queue: { type: 'string' }, json: { type: 'boolean' }, config: { type: 'string' } },
      false,
    );
    if (!values.failed) throw new UsageError('retry needs --failed (the only state that can be retried)');
    const only = values.queue as QueueKey | undefined;
    if (only && !QUEUE_KEYS.includes(only)) throw new UsageError(`unknown queue "${only}": use one of ${QUEUE_KEYS.join(', ')}`);
    const ctx = await openContext({ configFile: values.config });
    try {
      for (const key of only ? [only] : QUEUE_KEYS) {
        const q = ctx.queues[key];
        const failed = await q.getJobCountByTypes('failed');
        if (failed) await q.retryJobs({ state: 'failed', count: 1000 });
        process.stdout.write(
          values.json
            ? `${JSON.stringify({ queue: key, retried: failed })}\n`
            : `${key}\t${failed} failed job(s) moved back to waiting\n`,
        );
      }
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
