import { FeedParseError, FeedRegistry, HttpClient, probeFeed, UnsafeUrlError } from '@quotecheck/ingest';
import { formatDuration, parseDuration, UsageError } from '@quotecheck/shared';
import { type Command, parse } from '../args.js';
import { CONFIG_USAGE } from '../config-option.js';
import { openContext } from '../context.js';

/**
 * The shortest `--every` taken without `--force`. Sites treat polling faster than once a minute
 * as abuse, and a feed rarely changes that often (the default is 5 minutes).
 */
export const MIN_POLITE_EVERY_MS = 60_000;

export const feedsCommand: Command = {
  name: 'feeds',
  summary: 'add, list or remove the feeds the ingest role polls',
  usage: `
Usage: quotecheck feeds add URL [--every 5m] [--force] [--strict] [--json] [--config FILE]
       quotecheck feeds list [--json] [--config FILE]
       quotecheck feeds remove ID|URL [--json] [--config FILE]

Feeds are stored in Redis; running ingest workers pick changes up within 30 s.
When no feed was ever stored, the ingest role adds the configured defaults (Al Jazeera's
all-news feed) at its first start; list only reads and never adds them.
  --every D   poll interval (default pollEveryMs, 5m); below 1m needs --force, as polling a
              site faster is impolite
  --force     accept an --every below 1m (for a feed server of your own)
  --strict    refuse the feed (exit 1) when the check GET does not read it as a feed
  --json      one JSON line per feed: id, url, everyMs, ... (add adds itemsRead: the items the
              check read, null when it could not read the feed; remove adds removed: true)
${CONFIG_USAGE}
add reads the feed once, as the poller will, and says how many items it read; a URL that is not a
readable feed is added with a warning unless --strict.`,
  async run(argv) {
    const [sub, ...rest] = argv;
    const { values, positionals } = parse(rest, {
      every: { type: 'string' },
      force: { type: 'boolean' },
      strict: { type: 'boolean' },
      json: { type: 'boolean' },
      config: { type: 'string' },
    });
    if (sub !== 'add' && sub !== 'list' && sub !== 'remove') throw new UsageError('feeds needs add, list or remove: see --help');
    let everyMs: number | undefined;
    if (sub === 'add') {
      if (!positionals[0] || positionals.length > 1) throw new UsageError('feeds add takes one URL');
      everyMs = values.every === undefined ? undefined : parseDuration(values.every, '--every');
      if (everyMs !== undefined && everyMs < MIN_POLITE_EVERY_MS && !values.force) {
        throw new UsageError(
          `--every ${values.every} polls more often than once a minute, which sites treat as abuse: use 1m or more, or add --force if the feed server is yours`,
        );
      }
    }
    const ctx = await openContext({ configFile: values.config, readOnly: sub === 'list' });
    try {
      const registry = new FeedRegistry(ctx.redis, ctx.keys, ctx.config);
      if (sub === 'add') {
        const url = positionals[0] as string;
        const read = await checkFeed(url, ctx.config, values.strict === true);
        if (read === 'refused') return 1;
        const feed = await registry.add(url, everyMs);
        await registry.syncSchedulers(ctx.queues.poll, ctx.log);
        const checked = typeof read === 'number' ? `${read} item${read === 1 ? '' : 's'} read` : 'not a readable feed yet';
        process.stdout.write(
          values.json
            ? `${JSON.stringify({ ...feed, itemsRead: typeof read === 'number' ? read : null })}\n`
            : `${feed.id}\t${feed.url}\tevery ${formatDuration(feed.everyMs)}\t${checked}\n`,
        );
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
        process.stdout.write(
          values.json ? `${JSON.stringify({ ...feed, removed: true })}\n` : `removed ${feed.id}\t${feed.url}\n`,
        );
        return 0;
      }
      // list only reads: the defaults are seeded by the ingest role, never here
      const feeds = await registry.list();
      for (const f of feeds) {
        process.stdout.write(values.json ? `${JSON.stringify(f)}\n` : `${f.id}\t${f.url}\tevery ${formatDuration(f.everyMs)}\n`);
      }
      if (!feeds.length && !values.json) {
        process.stderr.write(
          (await registry.seeded())
            ? 'no feeds: add one with quotecheck feeds add URL\n'
            : `no feeds stored yet: quotecheck run (ingest role) adds the configured default${ctx.config.feeds.length === 1 ? '' : 's'} at its first start (${ctx.config.feeds.map((f) => f.url).join(', ')}), or add one with quotecheck feeds add URL\n`,
        );
      }
      return 0;
    } finally {
      await ctx.close();
    }
  },
};

/**
 * Reads the feed once through the poller's own client and parser. Returns the number of items,
 * `'warned'` when it is not readable (a warning line on stderr; the feed is still added), or
 * `'refused'` under `strict` (the reason on stderr). Refused URLs throw, as `add` would.
 */
async function checkFeed(
  url: string,
  config: ConstructorParameters<typeof FeedRegistry>[2],
  strict: boolean,
): Promise<number | 'warned' | 'refused'> {
  const http = new HttpClient(config.fetch, config.userAgent);
  try {
    return (await probeFeed(http, url)).items;
  } catch (e) {
    if (e instanceof UnsafeUrlError || !(e instanceof Error)) throw e;
    const what = e instanceof FeedParseError ? 'is not a feed' : 'could not be read';
    if (strict) {
      process.stderr.write(`quotecheck: not added: ${e.message} (${url} ${what}; --strict refuses it)\n`);
      return 'refused';
    }
    process.stderr.write(`quotecheck: warning: ${e.message}; added anyway (${url} ${what}; --strict refuses it)\n`);
    return 'warned';
  } finally {
    await http.close();
  }
}
