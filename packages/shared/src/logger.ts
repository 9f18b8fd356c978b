import { type DestinationStream, type Logger, pino } from 'pino';
import { redactError, redactRecord, redactText } from './redact.js';

export type { Logger } from 'pino';
export {
  isSecretKey,
  REDACTED,
  redactCommandArgs,
  redactError,
  redactRecord,
  redactText,
  redactUrl,
  redactUrlsInText,
} from './redact.js';

export interface LoggerOptions {
  level?: string;
  /** Where JSON lines go; default stdout. */
  destination?: DestinationStream | string;
  base?: Record<string, unknown>;
}

/**
 * The pino logger every process uses. Fields are an API: `event`, `feedId`, `jobId`,
 * `articleUrl`, `quoteId`, `claimId`, `status`, `speaker`, `reason`. Data stays out of `msg`.
 *
 * Credentials never reach a line: one redaction layer (./redact.ts) runs on every record
 * (`formatters.log`), on child bindings, on `err` (pino's error serializer, then its `command`
 * args, message, stack, causes and AggregateError members scrubbed) and on `msg`, which pino fills
 * from `err.message` when no message is given. It replaces pino's path-based `redact`, which
 * cannot reach a `password` at any depth or a secret inside a string.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const dest =
    typeof options.destination === 'string'
      ? pino.destination({ dest: options.destination, mkdir: true, sync: false })
      : (options.destination ?? pino.destination({ dest: 1, sync: false }));
  const logger = pino(
    {
      level: options.level ?? 'info',
      base: { app: 'quotecheck', pid: process.pid, ...options.base },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: redactRecord, bindings: redactRecord },
      serializers: { err: redactError, msg: (m: unknown) => (typeof m === 'string' ? redactText(m) : m) },
    },
    dest,
  );
  // pino resets the bindings formatter for children and serialises their bindings once, at
  // creation, so `log.child({ redisUrl })` is redacted here; every descendant inherits this method.
  const baseChild = logger.child as unknown as (
    this: Logger,
    bindings: pino.Bindings,
    options?: pino.ChildLoggerOptions,
  ) => Logger;
  logger.child = function child(this: Logger, bindings: pino.Bindings, childOptions?: pino.ChildLoggerOptions) {
    return baseChild.call(this, redactRecord(bindings), childOptions);
  } as unknown as Logger['child'];
  return logger;
}
