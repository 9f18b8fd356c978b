import { describe, expect, it } from 'vitest';
import { REDIS_ERROR_LOG_INTERVAL_MS, redisErrorListener } from './redis.js';

type Line = { level: 'debug' | 'warn' | 'error'; obj: Record<string, unknown>; msg: string };

function recorder() {
  const lines: Line[] = [];
  return {
    lines,
    log: {
      debug: (obj: object, msg: string) => lines.push({ level: 'debug', obj: obj as Record<string, unknown>, msg }),
      warn: (obj: object, msg: string) => lines.push({ level: 'warn', obj: obj as Record<string, unknown>, msg }),
      error: (obj: object, msg: string) => lines.push({ level: 'error', obj: obj as Record<string, unknown>, msg }),
    },
  };
}

const URL_WITH_PASSWORD = 'redis://default:s3cret@127.0.0.1:6390';

function refused(): Error {
  return new Error('WRONGPASS invalid username-password pair or user is disabled.');
}

function connRefused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6390'), { code: 'ECONNREFUSED' });
}

describe('redisErrorListener', () => {
  it('says refused credentials in one actionable line, without the password or a stack', () => {
    const { lines, log } = recorder();
    redisErrorListener(log, URL_WITH_PASSWORD)(refused());
    expect(lines).toHaveLength(1);
    expect(lines[0]!.level).toBe('error');
    expect(String(lines[0]!.obj.reason)).toMatch(/refused the credentials/);
    expect(JSON.stringify(lines)).not.toContain('s3cret');
    expect(lines[0]!.obj.err).toBeUndefined();
  });

  it('logs a lost connection at warn, since ioredis reconnects by itself', () => {
    const { lines, log } = recorder();
    redisErrorListener(log, URL_WITH_PASSWORD)(connRefused());
    expect(lines.map((l) => l.level)).toEqual(['warn']);
    expect(lines[0]!.obj.reason).toMatch(/^ECONNREFUSED/);
  });

  it('keeps a lost connection of a one-off command at debug: its own error line says what failed', () => {
    const { lines, log } = recorder();
    const listen = redisErrorListener(log, URL_WITH_PASSWORD, { lostLevel: 'debug' });
    listen(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    listen(refused());
    expect(lines.map((l) => l.level)).toEqual(['debug', 'error']);
  });

  it('logs a repeating error once per interval and counts the repeats it left out', () => {
    const { lines, log } = recorder();
    let t = 0;
    const listen = redisErrorListener(log, URL_WITH_PASSWORD, { now: () => t });
    for (let i = 0; i < 35; i++) listen(refused());
    listen(connRefused());
    expect(lines).toHaveLength(2);
    t = REDIS_ERROR_LOG_INTERVAL_MS;
    listen(refused());
    expect(lines).toHaveLength(3);
    expect(lines[2]!.obj.repeats).toBe(34);
  });

  it('keeps the stack of an unexpected error', () => {
    const { lines, log } = recorder();
    redisErrorListener(log, URL_WITH_PASSWORD)(new Error('something new'));
    expect(lines[0]!.level).toBe('error');
    expect(lines[0]!.obj.err).toBeInstanceOf(Error);
  });
});
