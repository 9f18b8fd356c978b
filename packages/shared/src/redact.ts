/**
 * Credential redaction for log records and messages: one implementation used by the logger's
 * serializers and formatters and by every error message that names a URL.
 *
 * What counts as a credential: the password (and a lone username, which may be a token) of a URL
 * with userinfo, secret query parameters, the secret arguments of Redis commands that carry
 * passwords (AUTH, HELLO … AUTH, MIGRATE … AUTH/AUTH2, CONFIG SET requirepass/masterauth,
 * ACL SETUSER, SENTINEL auth-pass), HTTP credential headers and any field named like a password.
 */
import { stdSerializers } from 'pino';

/** What a redacted secret is replaced with. */
export const REDACTED = '***';

/** Field names whose values are secrets at any depth (headers included; case-insensitive). */
const SECRET_KEY =
  /passw(?:or)?d|^pass$|requirepass|masterauth|auth-pass|secret|^(?:proxy-)?authorization$|^(?:set-)?cookie$|^x-api-key$|^api[-_]?key$/i;
/** Query parameters of a URL whose values are secrets (`redis://h?password=…`, `?access_token=…`). */
const SECRET_PARAM = /pass|secret|token|api[-_]?key|^key$|^auth$|^sig(?:nature)?$/i;
/** `scheme://…` up to whitespace, a quote or an angle bracket. */
const URL_IN_TEXT = /[a-z][a-z0-9+.-]*:\/\/[^\s"'`<>]*/gi;
/** Cheap test for a secret query parameter before any URL is parsed. */
const SECRET_PARAM_HINT = /[?&;][^=&\s]*(?:pass|secret|token|key|auth|sig)[^=&\s]*=/i;
/** Cheap test for command text worth the command patterns below. */
const COMMAND_HINT = /auth|pass|setuser/i;
/** A command as `util.inspect` or JSON prints it: `name: 'auth', args: [ … ]`. */
const COMMAND_IN_TEXT =
  /(\bname['"]?\s*:\s*['"](?:auth|hello|migrate|config|acl|sentinel)['"]\s*,\s*['"]?args['"]?\s*:\s*\[)[^\]]*\]/gi;
/** `AUTH user pass`, `HELLO 3 AUTH user pass`, `MIGRATE … AUTH2 user pass` in a message. */
const AUTH_IN_TEXT = /\b(AUTH2?)[ \t]+(?!<)[^\s'"]+(?:[ \t]+(?!<)[^\s'"]+)?/g;
/** `CONFIG SET requirepass x`, `masterauth x`, `SENTINEL SET m auth-pass x` in a message. */
const CONFIG_IN_TEXT = /\b(requirepass|masterauth|auth-pass|sentinel-pass)([ \t]+|['"]?\s*[:=,]\s*['"]?)[^\s'",\]}]+/gi;
/** `ACL SETUSER name on >password #hash` in a message: the rest of the line. */
const SETUSER_IN_TEXT = /\b(SETUSER\b)([^\n]*)/gi;
/** The comma between two URLs of a list: `redis://a:1,redis://b:2`. */
const URL_LIST_SEPARATOR = /,(?=\s*[a-z][a-z0-9+.-]*:\/\/)/i;
/** How deep the record walk goes; pino's own stringifier still handles anything deeper. */
const MAX_DEPTH = 8;

/** True when a field of this name holds a secret wherever it appears (password, cookie, …). */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/**
 * Hides the credentials of a URL, parsed as WHATWG `URL` does (so `@`, `:` and `/` in a
 * percent-encoded password are handled): the username is kept beside a hidden password
 * (`redis://default:***@host:6379`), a lone userinfo is hidden whole (it may be a token:
 * `https://***@host/`), and secret query parameters (`?password=`, `?token=`) become `***`.
 * A comma-separated list of URLs has each one redacted. A string that is not a URL is returned
 * with everything between `scheme://` (or its start) and its last `@` hidden, or unchanged when
 * it has no `@`.
 */
export function redactUrl(url: string): string {
  // A list of URLs (a Redis Cluster's seed nodes in REDIS_URL): each one on its own.
  if (URL_LIST_SEPARATOR.test(url)) return url.split(URL_LIST_SEPARATOR).map(redactUrl).join(',');
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return redactUnparsedUrl(url);
  }
  // `user:pw@host:port` without a scheme parses as scheme "user:" with an opaque path.
  if (!u.host && url.includes('@')) return redactUnparsedUrl(url);
  const secretParams = u.search !== '' && [...u.searchParams.keys()].some((k) => SECRET_PARAM.test(k));
  if (!u.username && !u.password && !secretParams) return url;
  if (secretParams) {
    for (const k of new Set(u.searchParams.keys())) if (SECRET_PARAM.test(k)) u.searchParams.set(k, REDACTED);
  }
  if (!u.username && !u.password) return u.href;
  // A URL with a host always serialises as `scheme://`; keep the username only beside a password.
  const user = u.password ? u.username : '';
  return `${u.protocol}//${user ? `${user}:` : ''}${REDACTED}@${u.host}${u.pathname}${u.search}${u.hash}`;
}

/** The fallback for strings `URL` rejects: hide up to the last `@`, which ends any userinfo. */
function redactUnparsedUrl(s: string): string {
  const at = s.lastIndexOf('@');
  if (at === -1) return s;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(s);
  const start = scheme ? scheme[0].length : 0;
  if (at < start) return s;
  return `${s.slice(0, start)}${REDACTED}${s.slice(at)}`;
}

/**
 * Hides the credentials of every URL inside free text (`connect to redis://u:p@h failed`).
 * Cost on the hot path: two `indexOf`s for a string without `://`; a URL without `@` or a
 * secret-looking query is not parsed.
 */
export function redactUrlsInText(s: string): string {
  const scheme = s.indexOf('://');
  if (scheme === -1) return s;
  if (s.indexOf('@', scheme) === -1 && !SECRET_PARAM_HINT.test(s)) return s;
  return s.replace(URL_IN_TEXT, (m) => (m.includes('@') || m.includes('=') ? redactUrl(m) : m));
}

/**
 * Hides credentials in message or stack text: URLs with userinfo, and the secret arguments of
 * Redis commands written out as text (`AUTH default pw`, `CONFIG SET requirepass pw`,
 * `ACL SETUSER u on >pw`, or an inspected `{ name: 'auth', args: [ … ] }`).
 */
export function redactText(s: string): string {
  const out = redactUrlsInText(s);
  if (!COMMAND_HINT.test(out)) return out;
  return out
    .replace(COMMAND_IN_TEXT, `$1${REDACTED}]`)
    .replace(AUTH_IN_TEXT, `$1 ${REDACTED}`)
    .replace(CONFIG_IN_TEXT, `$1$2${REDACTED}`)
    .replace(SETUSER_IN_TEXT, (_m, kw: string, rest: string) => `${kw}${rest.replace(/(^|\s)([<>#!])\S+/g, `$1$2${REDACTED}`)}`);
}

const lower = (v: unknown): string => String(v).toLowerCase();

/**
 * The arguments of a Redis command with its secrets replaced, or `null` when it carries none.
 * Knows AUTH, HELLO … AUTH user pass, MIGRATE … AUTH pass / AUTH2 user pass, CONFIG SET
 * requirepass/masterauth (any number of pairs), ACL SETUSER rules (`>pw`, `<pw`, `#hash`, `!hash`)
 * and SENTINEL SET … auth-pass.
 */
export function redactCommandArgs(name: string, args: readonly unknown[]): unknown[] | null {
  const masked = [...args];
  let changed = false;
  const hide = (i: number, keep = '') => {
    if (i < masked.length) {
      masked[i] = `${keep}${REDACTED}`;
      changed = true;
    }
  };
  switch (name.toLowerCase()) {
    case 'auth':
      for (let i = 0; i < masked.length; i++) hide(i);
      break;
    case 'hello':
    case 'migrate':
      for (let i = 0; i < masked.length; i++) {
        const a = lower(masked[i]);
        if (a === 'auth') {
          // HELLO's AUTH takes user and password; MIGRATE's AUTH takes the password alone.
          hide(i + 1);
          if (name.toLowerCase() === 'hello') hide(i + 2);
        } else if (a === 'auth2') {
          hide(i + 1);
          hide(i + 2);
        }
      }
      break;
    case 'config':
      if (lower(masked[0]) === 'set')
        for (let i = 1; i + 1 < masked.length; i += 2) if (/^(?:requirepass|masterauth)$/.test(lower(masked[i]))) hide(i + 1);
      break;
    case 'acl':
      if (lower(masked[0]) === 'setuser')
        for (let i = 2; i < masked.length; i++) {
          const rule = String(masked[i]);
          if (/^[<>#!]/.test(rule)) hide(i, rule[0]);
        }
      break;
    case 'sentinel':
      for (let i = 0; i < masked.length; i++) if (/^(?:auth-pass|sentinel-pass)$/.test(lower(masked[i]))) hide(i + 1);
      break;
  }
  return changed ? masked : null;
}

/** An ioredis command as errors carry it: `{ name: 'auth', args: [...] }`. */
function isCommand(v: object): v is { name: string; args: unknown[] } {
  const c = v as { name?: unknown; args?: unknown };
  return typeof c.name === 'string' && Array.isArray(c.args);
}

/**
 * The error serializer: pino's standard one (type, message and stack with their causes,
 * AggregateError `errors` as `aggregateErrors`, enumerable fields such as ioredis' `command`),
 * then every credential removed from the result, nested errors included.
 */
export function redactError(err: unknown): unknown {
  return scrub(stdSerializers.err(err as Error), 0, true);
}

/**
 * A log record (or child bindings) with every credential removed. Returns the same object when
 * there is nothing to hide, so a normal line costs one walk and no copy; never mutates its input.
 * The `err` key is left to {@link redactError}, which pino runs after this.
 */
export function redactRecord(obj: Record<string, unknown>): Record<string, unknown> {
  let out: Record<string, unknown> | null = null;
  for (const key in obj) {
    if (key === 'err') continue;
    const v = obj[key];
    const r = SECRET_KEY.test(key) ? (v === undefined || v === null || v === '' ? v : REDACTED) : scrub(v, 0, false);
    if (r !== v) {
      out ??= { ...obj };
      out[key] = r;
    }
  }
  return out ?? obj;
}

/**
 * Walks one value: strings lose URL credentials (and command text too inside errors), errors go
 * through {@link redactError}, commands lose their secret arguments, secret-named fields become
 * `***`. Copy-on-write: unchanged values come back as the same reference.
 */
function scrub(v: unknown, depth: number, inError: boolean): unknown {
  if (typeof v === 'string') return inError ? redactText(v) : redactUrlsInText(v);
  if (v === null || typeof v !== 'object' || depth > MAX_DEPTH) return v;
  if (v instanceof Error) return redactError(v);
  if (v instanceof URL) return redactUrl(v.href);
  if (v instanceof Date || ArrayBuffer.isView(v) || v instanceof Map || v instanceof Set) return v;
  if (Array.isArray(v)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < v.length; i++) {
      const r = scrub(v[i], depth + 1, inError);
      if (r !== v[i]) {
        copy ??= [...v];
        copy[i] = r;
      }
    }
    return copy ?? v;
  }
  let copy: Record<string, unknown> | null = null;
  const o = v as Record<string, unknown>;
  const args = isCommand(o) ? redactCommandArgs(o.name, o.args) : null;
  if (args) copy = { ...o, args };
  for (const key in o) {
    if (!Object.hasOwn(o, key) || (args && key === 'args')) continue;
    const val = o[key];
    const r = SECRET_KEY.test(key)
      ? val === undefined || val === null || val === ''
        ? val
        : REDACTED
      : scrub(val, depth + 1, inError);
    if (r !== val) {
      copy ??= { ...o };
      copy[key] = r;
    }
  }
  return copy ?? v;
}
