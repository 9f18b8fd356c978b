import { FeedRegistry } from '@quotecheck/ingest';
import { formatDuration, parseDuration, UsageError } from '@quotecheck/shared';
import { type Command, parse } from '../args.js';
import { openContext } from '../context.js';

export const feedsCommand: Command = {
  name: 'feeds',
  summary: 'add, list or remove the feeds the ingest role polls',
  usage: `
Usage: quotecheck feeds add URL [--every 5m]
       quotecheck feeds list [--json]
       quotecheck feeds remove ID|URL

Feeds are stored in Redis; running ingest workers pick changes up within 30 s.
When no feed is stored, the configured defaults (Al Jazeera's all-news feed) are added.`,
  async run(argv) {
    const [sub, ...rest] = argv;
    const { values, positionals } = parse(rest, {
      every: { type: 'string' },
      json: { type: 'boolean' },
      config: { type: 'string' },
    });
    if (sub !== 'add' && sub !== 'list' && sub !== 'remove') throw new UsageError('feeds needs add, list or remove: see --help');
    const ctx = await openContext({ configFile: values.config });
    try {
      const registry = new FeedRegistry(ctx.redis, ctx.keys, ctx.config);
      if (sub === 'add') {
        const url = positionals[0];
        if (!url || positionals.length > 1) throw new UsageError('feeds add takes one URL');
        const feed = await registry.add(url, values.every ? parseDuration(values.every) : undefined);
        await registry.syncSchedulers(ctx.queues.poll, ctx.log);
        process.stdout.write(`${feed.id}\t${feed.url}\tevery ${formatDuration(feed.everyMs)}\n`);
        return 0;
      }
      if (sub === 'remove') {
        const which = positionals[0];
        if (!which) throw new UsageError('feeds remove takes a feed ID or URL (see feeds list)');
        const feed = (await registry.get(which)) ?? (await registry.list()).find((f) => f.url === which);
        const removed = await registry.remove(which);
        if (!removed || !feed) {
          process.stderr.write(`quotecheck: no feed ${which}: see quotecheck feeds list\n`);
          return 1;
        }
        await registry.syncSchedulers(ctx.queues.poll, ctx.log);
        process.stdout.write(`removed ${feed.id}\t${feed.url}\n`);
        return 0;
      }
      await registry.seedDefaults();
      const feeds = await registry.list();
      for (const f of feeds) {
        process.stdout.write(values.json ? `${JSON.stringify(f)}\n` : `${f.id}\t${f.url}\tevery ${formatDuration(f.everyMs)}\n`);
      }
      return 0;
    } finally {
      await ctx.close();
    }
  },
};
