import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

describe('quotecheck command', () => {
  it('lists its commands with --help and exits 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['status', 'retry', 'dashboard', 'article', 'extract'])
      expect(r.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
  });

  it('exits 2 on an unknown command or flag', async () => {
    expect((await runCli(['no-such-command'])).code).toBe(2);
    const r = await runCli(['extract', '--no-such-flag', 'x.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-such-flag/);
  });

  it('prints usage for every command with --help', async () => {
    const r = await runCli(['status', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: quotecheck status/m);
  });

  it('says in one line that Redis is unreachable, with the URL it tried, and exits 1', async () => {
    const r = await runCli(['status'], { REDIS_URL: 'redis://:secret@127.0.0.1:1' });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Redis is not answering at redis:\/\/\*\*\*@127\.0\.0\.1:1.*redis-server/);
    expect(r.stderr).not.toContain('secret');
  });

  it('names the bad field of an invalid configuration', async () => {
    const r = await runCli(['status'], { REDIS_URL: 'http://nope' });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/redisUrl/);
  });
});
