import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './support/cli.js';

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

// Each CLI child compiles the TypeScript entry point with tsx: 2-20 s on the shared 2-core machine.
describe('the same message and exit code for the same cause in every command', { timeout: 300_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qc-cli-messages-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a missing input file: "no such file: X", exit 1, in review, extract, article and check', async () => {
    const missing = join(dir, 'no-such-file.txt');
    const results = await Promise.all(['review', 'extract', 'article', 'check'].map((cmd) => runCli([cmd, missing])));
    for (const r of results) {
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`quotecheck: no such file: ${missing}\n`);
    }
  });

  it('review refuses a file that is not a quotecheck log, and says when a log has no flagged claims', async () => {
    const readme = resolve(REPO_ROOT, 'README.md');
    const json = join(dir, 'other.jsonl');
    await writeFile(json, '{"level":"info","message":"another program"}\n{"a":1}\n');
    const empty = join(dir, 'empty.log');
    await writeFile(empty, '');
    const quiet = join(dir, 'quiet.log');
    await writeFile(
      quiet,
      `${JSON.stringify({ level: 30, time: '2026-11-26T08:00:00.000Z', app: 'quotecheck', event: 'feed.polled', msg: 'feed polled' })}\n`,
    );
    const [a, b, c, d] = await Promise.all([readme, json, empty, quiet].map((f) => runCli(['review', f])));
    for (const [r, f] of [
      [a, readme],
      [b, json],
    ] as const) {
      expect(r!.code).toBe(1);
      expect(r!.stderr).toBe(
        `quotecheck: ${f} has no quotecheck log lines: pass the file written by \`quotecheck run --log-file\`\n`,
      );
      expect(r!.stdout).toBe('');
    }
    for (const [r, f] of [
      [c, empty],
      [d, quiet],
    ] as const) {
      expect(r!.code).toBe(0);
      expect(r!.stderr).toBe(`no flagged claims in ${f}\n`);
    }
  });

  it('review skips a line too long to be a log line, with a note, and still reads the lines around it', async () => {
    const log = join(dir, 'long-line.log');
    const quiet = JSON.stringify({ level: 30, app: 'quotecheck', event: 'feed.polled', msg: 'feed polled' });
    await writeFile(log, `${quiet}\n${'x'.repeat(3_000_000)}\n${quiet}\n`);
    const r = await runCli(['review', log]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`skipped 1 line(s) of ${log} longer than 1000000 characters\nno flagged claims in ${log}\n`);
  });

  it('extract and article say on stderr that a text has no attributions, and exit 0', async () => {
    const plain = join(dir, 'plain.txt');
    await writeFile(plain, 'The weather was fine on Monday and the market opened at nine.\n');
    const [extract, article] = await Promise.all([runCli(['extract', plain]), runCli(['article', plain])]);
    expect(extract.code).toBe(0);
    expect(extract.stdout).toBe('');
    expect(extract.stderr).toBe(`no attributions found in ${plain}\n`);
    expect(article.code).toBe(0);
    expect(article.stdout).toContain('The weather was fine on Monday');
    expect(article.stderr).toBe(`no attributions found in ${plain}\n`);
  });

  it('bad flag values exit 2 and say what is accepted', async () => {
    const [since, failed] = await Promise.all([
      runCli(['review', '--since', '5x', join(dir, 'whatever.log')]),
      runCli(['status', '--failed', 'abc']),
    ]);
    expect(since.code).toBe(2);
    expect(since.stderr).toBe(
      "quotecheck: --since: '5x' is neither a duration back from now (90s, 5m, 1h, 2d) nor an ISO date or time (2026-11-26, 2026-11-26T08:00Z)\n",
    );
    expect(failed.code).toBe(2);
    expect(failed.stderr).toBe('quotecheck: --failed must be a whole number (0 or more)\n');
  });
});
