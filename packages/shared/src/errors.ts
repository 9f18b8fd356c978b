/** Base class: every quotecheck error says what went wrong and what to do next. */
export class QuotecheckError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** Bad command-line arguments or config: exit code 2. */
export class UsageError extends QuotecheckError {}

/** The config file or environment holds a value that does not validate. */
export class ConfigError extends QuotecheckError {}

/** Redis did not answer. */
export class RedisUnavailableError extends QuotecheckError {
  constructor(
    public readonly url: string,
    cause?: unknown,
  ) {
    super(
      `Redis is not answering at ${url}: start it (redis-server --daemonize yes --appendonly yes) or set REDIS_URL to a running server`,
      { cause },
    );
  }
}

/** A job payload read from Redis did not validate against its schema; retrying will not help. */
export class InvalidPayloadError extends QuotecheckError {}
