import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger } from 'pino';

/** Hides the password of a redis://user:pass@host URL. */
export function redactUrl(url: string): string {
  return url.replace(/^(rediss?:\/\/)([^@/]*)@/, (_m, scheme: string, auth: string) => {
    const user = auth.includes(':') ? auth.slice(0, auth.indexOf(':')) : '';
    return `${scheme}${user ? `${user}:` : ''}***@`;
  });
}

export interface LoggerOptions {
  level?: string;
  /** Where JSON lines go; default stdout. */
  destination?: DestinationStream | string;
  base?: Record<string, unknown>;
}

/**
 * The pino logger every process uses. Fields are an API: `event`, `feedId`, `jobId`,
 * `articleUrl`, `quoteId`, `claimId`, `status`, `speaker`, `reason`. Data stays out of `msg`.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const dest =
    typeof options.destination === 'string'
      ? pino.destination({ dest: options.destination, mkdir: true, sync: false })
      : (options.destination ?? pino.destination({ dest: 1, sync: false }));
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'quotecheck', pid: process.pid, ...options.base },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['redisUrl', '*.redisUrl', 'password', '*.password', 'headers.authorization', 'headers.cookie'],
        censor: (value: unknown) => (typeof value === 'string' && value.startsWith('redis') ? redactUrl(value) : '***'),
      },
      serializers: { err: pino.stdSerializers.err },
    },
    dest,
  );
}
