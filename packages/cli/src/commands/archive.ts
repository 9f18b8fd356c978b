import { assertRedis, createRedis, Keys, loadConfig, parseDuration, UsageError } from '@quotecheck/shared';
import { ClaimArchive, RedisClaimStore, sweepIdleClaims } from '@quotecheck/verify';
import { type Command, parse } from '../args.js';
import { CONFIG_USAGE } from '../config-option.js';
import { resolveInput } from '../inputs.js';

export const archiveCommand: Command = {
  name: 'archive',
  summary: 'move claims idle past the hot window from Redis to the claim archive (gzip JSON Lines) that export reads',
  usage: `
Usage: quotecheck archive [--idle D] [--dir DIR] [--json] [--config FILE]

Moves every claim not updated for D (default: the config's archive.idleMs, 30 days) out of Redis
into new gzip JSON Lines files in DIR (default: the config's archive.dir), one file per 1,000
claims, each on disk before its claims leave Redis. A claim a worker updates meanwhile stays in
Redis. \`quotecheck export\` reads the archive (archive.dir or its --archive) and Redis together;
\`zcat DIR/claims-*.jsonl.gz\` reads it with no server. Safe to run while workers run, and from
several machines at once when DIR is one shared volume. With archive.dir in the config, every
\`run\` process with the verify role also sweeps, at start and every archive.sweepEveryMs (1h).
  --idle D     how long a claim must have gone without an update: 90s, 5m, 12h, 30d
  --dir DIR    the archive directory (created when missing)
  --json       print one JSON object: {"archived", "kept", "files", "dir"}
${CONFIG_USAGE}`,
  async run(argv) {
    const { values } = parse(
      argv,
      { idle: { type: 'string' }, dir: { type: 'string' }, json: { type: 'boolean' }, config: { type: 'string' } },
      false,
    );
    const config = loadConfig(values.config ? { file: values.config } : {});
    const dir = values.dir ?? config.archive.dir;
    if (!dir) throw new UsageError('no archive directory: give --dir DIR or set archive.dir in the config');
    const idleMs = values.idle === undefined ? config.archive.idleMs : parseDuration(values.idle, '--idle');
    const archive = new ClaimArchive(resolveInput(dir));
    await assertRedis(config);
    const redis = createRedis(config);
    const store = new RedisClaimStore(redis, new Keys(config.prefix, config.claimPartitions));
    try {
      const r = await sweepIdleClaims(store, archive, {
        idleMs,
        onFile: (file, archived) => {
          if (!values.json && process.stderr.isTTY) process.stderr.write(`\rarchive: ${file} (${archived} claims)`);
        },
      });
      if (values.json) process.stdout.write(`${JSON.stringify({ ...r, dir: archive.dir })}\n`);
      else {
        if (process.stderr.isTTY && r.files.length) process.stderr.write('\n');
        process.stdout.write(
          `archived ${r.archived} claims in ${r.files.length} files to ${archive.dir}${r.kept ? ` (${r.kept} updated meanwhile stay in Redis)` : ''}\n`,
        );
      }
      return 0;
    } finally {
      await store.close();
      await redis.quit().catch(() => redis.disconnect());
    }
  },
};
