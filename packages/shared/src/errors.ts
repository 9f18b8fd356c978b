/** Base class: every quotecheck error says what went wrong and what to do next. */
export class QuotecheckError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * A failure of the outside world (a network, a remote server, a hostile or broken page or feed),
 * not of quotecheck's code: a worker's normal weather, logged at warn without a stack. Subclass it
 * for such errors; everything else that fails a job is treated as a bug.
 */
export class ExternalError extends QuotecheckError {}

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

/**
 * Redis answered but refused who we are: a wrong or missing password (WRONGPASS, NOAUTH, ERR AUTH,
 * "invalid username-password pair") or an ACL user without the needed permissions (NOPERM).
 * Retrying will not help until REDIS_URL changes, so it is never reported as "not answering".
 */
export class RedisAuthError extends QuotecheckError {
  constructor(
    /** The URL with its password hidden. */
    public readonly url: string,
    /** Why: the password was wrong, none was sent, or the user lacks a permission. */
    public readonly kind: 'refused' | 'missing' | 'noperm',
    cause?: unknown,
  ) {
    super(
      kind === 'missing'
        ? `Redis at ${url} requires a password: put it in REDIS_URL as redis://USER:PASSWORD@HOST:PORT`
        : kind === 'noperm'
          ? `Redis at ${url} refused a command to this user (NOPERM): grant the user in REDIS_URL the commands and keys quotecheck uses`
          : `Redis at ${url} refused the credentials: check the password in REDIS_URL`,
      { cause },
    );
  }
}

/** A job payload read from Redis did not validate against its schema; retrying will not help. */
export class InvalidPayloadError extends QuotecheckError {}
