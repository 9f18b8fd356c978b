import { ReplyError } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { RedisAuthError, RedisUnavailableError } from './errors.js';
import { describeRedisError, redisAuthFailure } from './redis.js';

const URL_WITH_PW = 'redis://default:p@ss@127.0.0.1:6390';

describe('describeRedisError', () => {
  it.each([
    'WRONGPASS invalid username-password pair or user is disabled.',
    'ERR invalid password',
    'ERR AUTH <password> called without any password configured for the default user.',
    'ERR invalid username-password pair',
  ])('says refused credentials for %j, never "not answering"', (reply) => {
    const e = describeRedisError(new ReplyError(reply), URL_WITH_PW);
    expect(e).toBeInstanceOf(RedisAuthError);
    expect(e.message).toBe(
      'Redis at redis://default:***@127.0.0.1:6390 refused the credentials: check the password in REDIS_URL',
    );
    expect(e.message).not.toContain('p@ss');
  });

  it('says a password is required for NOAUTH, and names NOPERM', () => {
    expect(describeRedisError(new ReplyError('NOAUTH Authentication required.'), 'redis://127.0.0.1:6390').message).toMatch(
      /^Redis at redis:\/\/127\.0\.0\.1:6390 requires a password: /,
    );
    expect(redisAuthFailure(new ReplyError("NOPERM this user has no permissions to run the 'ping' command"))).toBe('noperm');
  });

  it('keeps "not answering" for a server that is down, with the password hidden', () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const e = describeRedisError(down, 'redis://:secret@127.0.0.1:1');
    expect(e).toBeInstanceOf(RedisUnavailableError);
    expect(e.message).toMatch(/^Redis is not answering at redis:\/\/\*\*\*@127\.0\.0\.1:1: /);
    expect(e.cause).toBe(down);
  });
});
