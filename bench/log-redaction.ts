/**
 * Cost of the logger's credential redaction on the hot path: N normal log lines (the fields
 * workers write per job, a child logger with `jobId`) through pino with no redaction at all,
 * through the previous config (pino `redact` paths + the standard error serializer), and through
 * `createLogger` (./packages/shared/src/redact.ts on every record, binding, `err` and `msg`).
 * Lines go to a destination that drops them, so only the CPU of building lines is measured.
 *
 *   pnpm exec tsx bench/log-redaction.ts [--n 100000] [--runs 5]
 */
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { createLogger, type Logger, redactRecord, redactText } from '../packages/shared/src/logger.js';

/** The part of pino's API used here; bench/ has no dependencies of its own. */
type Pino = ((options: object, destination: unknown) => Logger) & {
  stdTimeFunctions: { isoTime: () => string };
  stdSerializers: { err: (e: Error) => unknown };
};
// pino is loaded from the shared package, which depends on it.
const { pino } = createRequire(new URL('../packages/shared/package.json', import.meta.url))('pino') as { pino: Pino };

const { values } = parseArgs({
  options: { n: { type: 'string', default: '100000' }, runs: { type: 'string', default: '5' } },
  allowPositionals: true,
  args: process.argv.slice(2).filter((a) => a !== '--'),
});
const n = Number(values.n);
const runs = Number(values.runs);

// A destination that drops lines: only the CPU of building them is measured, not the writes.
const sink = () => ({ write: (_line: string) => {} });
const base = { app: 'quotecheck', pid: process.pid };

const loggers: Record<string, () => Logger> = {
  'pino, no redaction': () => pino({ base, timestamp: pino.stdTimeFunctions.isoTime }, sink()),
  'previous (redact paths)': () =>
    pino(
      {
        base,
        timestamp: pino.stdTimeFunctions.isoTime,
        redact: {
          paths: ['redisUrl', '*.redisUrl', 'password', '*.password', 'headers.authorization', 'headers.cookie'],
          censor: '***',
        },
        serializers: { err: pino.stdSerializers.err },
      },
      sink(),
    ),
  'createLogger (redaction layer)': () => createLogger({ destination: sink() }),
};

function writeLines(root: Logger): number {
  const log = root.child({ queue: 'fetch', jobId: '4711' });
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    log.info(
      {
        event: 'fetch.done',
        feedId: 'f-3a9c',
        articleUrl: `https://www.example.com/news/2024/5/${i}/a-story-about-things`,
        status: 200,
        bytes: 48_213,
        ms: 312,
      },
      'article fetched',
    );
  }
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

// Rounds interleave the loggers, and each keeps its fastest run: the machine is shared, and other
// load only ever adds time.
const made = Object.entries(loggers).map(([name, make]) => [name, make()] as const);
for (const [, log] of made) writeLines(log); // warm-up
const results: Record<string, number> = {};
for (let r = 0; r < runs; r++)
  for (const [name, log] of made) results[name] = Math.min(results[name] ?? Number.POSITIVE_INFINITY, writeLines(log));
const plain = results['pino, no redaction'] ?? Number.NaN;
for (const [name, ms] of Object.entries(results)) {
  const perLine = (ms * 1e6) / n;
  console.log(
    `${name.padEnd(32)} ${ms.toFixed(0).padStart(6)} ms / ${n} lines  ${perLine.toFixed(0).padStart(5)} ns/line  ` +
      `${(((ms - plain) * 1e6) / n).toFixed(0).padStart(5)} ns/line over plain`,
  );
}

// The layer's own work per line, without pino: the record walk and the `msg` scrub.
let kept = 0;
let alone = Number.POSITIVE_INFINITY;
for (let r = 0; r < runs; r++) {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) {
    const rec = redactRecord({
      event: 'fetch.done',
      feedId: 'f-3a9c',
      articleUrl: `https://www.example.com/news/2024/5/${i}/a-story-about-things`,
      status: 200,
      bytes: 48_213,
      ms: 312,
    });
    kept += rec.status === 200 && redactText('article fetched').length > 0 ? 1 : 0;
  }
  alone = Math.min(alone, Number(process.hrtime.bigint() - t0) / 1e6);
}
if (kept !== n * runs) throw new Error('a normal record was changed by redaction');
console.log(
  `${'redactRecord + redactText alone'.padEnd(32)} ${alone.toFixed(0).padStart(6)} ms / ${n} lines  ${((alone * 1e6) / n).toFixed(0).padStart(5)} ns/line`,
);
