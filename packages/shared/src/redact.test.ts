import { describe, expect, it } from 'vitest';
import { redactCommandArgs, redactRecord, redactText, redactUrl, redactUrlsInText } from './redact.js';

describe('redactUrl', () => {
  it.each([
    // password with a raw '@': WHATWG URL splits at the last '@' before the host
    ['redis://default:p@ss@127.0.0.1:6390', 'redis://default:***@127.0.0.1:6390'],
    ['redis://default:a:b@127.0.0.1:6390/2', 'redis://default:***@127.0.0.1:6390/2'],
    ['redis://default:a%40b%3Ac%2Fd@h:1', 'redis://default:***@h:1'],
    ['redis://:secret@127.0.0.1:1', 'redis://***@127.0.0.1:1'],
    ['rediss://user:pw@cache.example:6380/0', 'rediss://user:***@cache.example:6380/0'],
    // a space is percent-encoded by the parser, not a reason to fail
    ['redis://u:pa ss@h:1', 'redis://u:***@h:1'],
    // a lone userinfo may be a token
    ['https://ghp_token@github.com/o/r.git', 'https://***@github.com/o/r.git'],
    ['http://u:p@127.0.0.1:8080/a?b=1#c', 'http://u:***@127.0.0.1:8080/a?b=1#c'],
    ['redis://127.0.0.1:6379?password=hunter2&db=2', 'redis://127.0.0.1:6379?password=***&db=2'],
  ])('hides the password of %s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected);
  });

  it.each(['redis://127.0.0.1:6379', 'https://medium.com/@someone/a-post', 'not a url', ''])(
    'leaves %j alone: no credentials',
    (input) => {
      expect(redactUrl(input)).toBe(input);
    },
  );

  it('hides everything up to the last @ of a string URL cannot parse', () => {
    // '/' in an unencoded password makes the URL invalid (port "a")
    expect(redactUrl('redis://u:a/b@h:1')).toBe('redis://***@h:1');
    expect(redactUrl('redis://u:a/b c@h:1')).toBe('redis://***@h:1');
    expect(redactUrl('default:pw@127.0.0.1:6379')).toBe('***@127.0.0.1:6379');
  });
});

describe('redactUrlsInText', () => {
  it('hides credentials of each URL in a sentence, leaving the rest', () => {
    const s = 'tried redis://default:p@ss@10.0.0.1:6379 then "https://u:pw@h/x" and https://ok.example/a';
    expect(redactUrlsInText(s)).toBe('tried redis://default:***@10.0.0.1:6379 then "https://u:***@h/x" and https://ok.example/a');
  });

  it('returns the same string when there is nothing to hide', () => {
    const s = 'https://www.aljazeera.com/news/2024/1/1/story';
    expect(redactUrlsInText(s)).toBe(s);
  });
});

describe('redactCommandArgs', () => {
  it.each([
    ['auth', ['default', 'pw'], ['***', '***']],
    ['AUTH', ['pw'], ['***']],
    ['hello', ['3', 'AUTH', 'default', 'pw', 'SETNAME', 'x'], ['3', 'AUTH', '***', '***', 'SETNAME', 'x']],
    [
      'migrate',
      ['h', '6379', '', '0', '5000', 'AUTH', 'pw', 'KEYS', 'k'],
      ['h', '6379', '', '0', '5000', 'AUTH', '***', 'KEYS', 'k'],
    ],
    ['migrate', ['h', '6379', 'k', '0', '5000', 'AUTH2', 'u', 'pw'], ['h', '6379', 'k', '0', '5000', 'AUTH2', '***', '***']],
    ['config', ['SET', 'requirepass', 'pw'], ['SET', 'requirepass', '***']],
    ['config', ['set', 'maxmemory', '1gb', 'masterauth', 'pw'], ['set', 'maxmemory', '1gb', 'masterauth', '***']],
    ['acl', ['SETUSER', 'bob', 'on', '>pw', '#abc', '~*', '+@all'], ['SETUSER', 'bob', 'on', '>***', '#***', '~*', '+@all']],
    ['sentinel', ['SET', 'mymaster', 'auth-pass', 'pw'], ['SET', 'mymaster', 'auth-pass', '***']],
  ])('hides the secrets of %s %j', (name, args, expected) => {
    expect(redactCommandArgs(name, args)).toEqual(expected);
  });

  it('returns null for commands without secrets', () => {
    expect(redactCommandArgs('get', ['k'])).toBeNull();
    expect(redactCommandArgs('config', ['GET', 'requirepass'])).toBeNull();
  });
});

describe('redactText', () => {
  it.each([
    ['AUTH default hunter2', 'AUTH ***'],
    ['ERR in HELLO 3 AUTH default hunter2 SETNAME w', 'ERR in HELLO 3 AUTH *** SETNAME w'],
    ['CONFIG SET requirepass hunter2', 'CONFIG SET requirepass ***'],
    ['ACL SETUSER bob on >hunter2 ~*', 'ACL SETUSER bob on >*** ~*'],
    ["command: { name: 'auth', args: [ 'default', 'hunter2' ] }", "command: { name: 'auth', args: [***] }"],
    ['{"command":{"name":"auth","args":["default","hunter2"]}}', '{"command":{"name":"auth","args":[***]}}'],
    ['connect redis://default:hunter2@h:1 failed', 'connect redis://default:***@h:1 failed'],
  ])('hides the secret in %j', (input, expected) => {
    expect(redactText(input)).toBe(expected);
    expect(redactText(input)).not.toContain('hunter2');
  });

  it("keeps Redis' own placeholder and plain messages", () => {
    const m = 'ERR AUTH <password> called without any password configured for the default user.';
    expect(redactText(m)).toBe(m);
    expect(redactText('WRONGPASS invalid username-password pair or user is disabled.')).toBe(
      'WRONGPASS invalid username-password pair or user is disabled.',
    );
  });
});

describe('redactRecord', () => {
  it('returns the very same object for a normal line', () => {
    const rec = { event: 'fetch.done', articleUrl: 'https://example.com/a', status: 200, jobId: '12' };
    expect(redactRecord(rec)).toBe(rec);
  });

  it('hides password-named fields at any depth, credential headers and URLs, without mutating the input', () => {
    const rec = {
      event: 'x',
      password: 'p1',
      config: { redis: { sentinelPassword: 'p2', url: 'redis://u:p3@h' } },
      headers: { Authorization: 'Bearer p4', 'proxy-authorization': 'Basic p5', cookie: 'sid=p6', 'set-cookie': ['sid=p7'] },
      list: [{ Password: 'p8' }, new URL('https://u:p9@h/')],
      command: { name: 'auth', args: ['default', 'p10'] },
    };
    const before = JSON.stringify(rec);
    const out = JSON.stringify(redactRecord(rec));
    expect(JSON.stringify(rec)).toBe(before);
    for (let i = 1; i <= 10; i++) expect(out).not.toMatch(new RegExp(`"?p${i}\\b`));
    expect(out).toContain('"Authorization":"***"');
    expect(out).toContain('"url":"redis://u:***@h"');
  });

  it('turns errors found in any field into redacted serialized errors', () => {
    const e = Object.assign(new Error('WRONGPASS'), { command: { name: 'auth', args: ['default', 'p11'] } });
    const out = JSON.stringify(redactRecord({ detail: { error: e } }));
    expect(out).toContain('WRONGPASS');
    expect(out).not.toContain('p11');
  });
});
