import { Writable } from 'node:stream';
import { ReplyError } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

/** A logger writing into memory; `lines()` parses what it wrote. */
function memoryLogger() {
  let out = '';
  const destination = new Writable({
    write(chunk, _enc, cb) {
      out += chunk;
      cb();
    },
  });
  const log = createLogger({ level: 'debug', destination });
  return {
    log,
    text: () => out,
    lines: () =>
      out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

/** An ioredis reply error as it reaches the 'error' handler when AUTH is refused. */
function authError(password: string): Error {
  const e = new ReplyError('WRONGPASS invalid username-password pair or user is disabled.');
  return Object.assign(e, { command: { name: 'auth', args: ['default', password] } });
}

describe('logger redaction', () => {
  it('logs a refused AUTH as an error without its password, as err or as the whole argument', () => {
    const { log, text, lines } = memoryLogger();
    log.error({ event: 'redis.error', err: authError('pw-a') }, 'redis connection error');
    log.error(authError('pw-b'));
    expect(text()).not.toMatch(/pw-a|pw-b/);
    const [first, second] = lines();
    expect(first?.event).toBe('redis.error');
    expect(first?.err).toMatchObject({ type: 'ReplyError', command: { name: 'auth', args: ['***', '***'] } });
    expect(second?.msg).toMatch(/^WRONGPASS/);
  });

  it('redacts nested causes and AggregateError members', () => {
    const { log, text, lines } = memoryLogger();
    const cause = Object.assign(new Error('CONFIG SET requirepass pw-c failed'), {
      command: { name: 'config', args: ['set', 'requirepass', 'pw-d'] },
    });
    log.error({ err: new Error('rotation failed', { cause }) });
    const hello = Object.assign(new Error('NOAUTH'), { command: { name: 'hello', args: ['3', 'AUTH', 'u', 'pw-e'] } });
    log.error({ err: new AggregateError([hello, new Error('at redis://u:pw-f@127.0.0.1:1')], 'all failed') });
    expect(text()).not.toMatch(/pw-[cdef]/);
    const [withCause, aggregate] = lines();
    expect(withCause?.err).toMatchObject({ message: 'rotation failed: CONFIG SET requirepass *** failed' });
    expect(aggregate?.err).toMatchObject({
      aggregateErrors: [{ command: { args: ['3', 'AUTH', '***', '***'] } }, { message: 'at redis://u:***@127.0.0.1:1' }],
    });
  });

  it('redacts credential headers, password fields at depth, URLs in fields, msg and child bindings', () => {
    const { log, text, lines } = memoryLogger();
    log.child({ redisUrl: 'redis://default:pw-g@127.0.0.1:6379' }).warn(
      {
        event: 'http',
        req: { headers: { authorization: 'Bearer pw-h', Cookie: 'sid=pw-i' } },
        opts: { tls: { password: 'pw-j' } },
      },
      'calling %s',
      'https://u:pw-k@127.0.0.1/x',
    );
    expect(text()).not.toMatch(/pw-[ghijk]/);
    const [line] = lines();
    expect(line).toMatchObject({
      redisUrl: 'redis://default:***@127.0.0.1:6379',
      req: { headers: { authorization: '***', Cookie: '***' } },
      opts: { tls: { password: '***' } },
      msg: 'calling https://u:***@127.0.0.1/x',
    });
  });

  it('writes a normal line unchanged', () => {
    const { log, lines } = memoryLogger();
    log.info({ event: 'fetch.done', articleUrl: 'https://example.com/a?b=1', status: 200, speaker: 'Jane Doe' }, 'fetched');
    expect(lines()[0]).toMatchObject({
      event: 'fetch.done',
      articleUrl: 'https://example.com/a?b=1',
      status: 200,
      speaker: 'Jane Doe',
      msg: 'fetched',
    });
  });
});
