import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_COMMAND, CORPUS, runCli, runCliWithInput } from './support/cli.js';

const SEED = join(CORPUS, 'seed/aljazeera-2025-11-23-geneva-talks.txt');
const DEV = join(CORPUS, 'polnear/data/dev/text');

describe('check, extract and article read a list of inputs, in parallel, in order', { timeout: 300_000 }, () => {
  let dir: string;
  let texts: string[];
  let missing: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qc-input-list-'));
    texts = (await readdir(DEV))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .slice(0, 6)
      .map((f) => join(DEV, f));
    missing = join(dir, 'not-there.txt');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('extract --from FILE skips blank lines and comments, adds to the positionals, and keeps their order whatever --jobs', async () => {
    const list = join(dir, 'list.txt');
    await writeFile(list, ['# dev texts', '', ...texts.slice(1).map((t) => `  ${t}  `), '', '# end'].join('\n'));
    const serial = await runCli(['extract', '--json', '--jobs', '1', texts[0] as string, '--from', list]);
    const parallel = await runCli(['extract', '--json', '--jobs', '4', texts[0] as string, '--from', list]);
    expect(serial.code).toBe(0);
    expect(parallel.code).toBe(0);
    expect(parallel.stdout).toBe(serial.stdout);
    const order = [
      ...new Set(
        serial.stdout
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l).input as string),
      ),
    ];
    // every input that has attributions, in the order given
    expect(order).toEqual(texts.filter((t) => order.includes(t)));
    expect(order.length).toBeGreaterThanOrEqual(4);
    // not a terminal: nothing on standard error but remarks about inputs
    expect(serial.stderr).not.toContain('\r');
  });

  it('--from - reads the list from standard input', async () => {
    const r = await runCliWithInput(['extract', '--json', '--from', '-'], `${SEED}\n# comment\n`);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.every((l) => JSON.parse(l).input === SEED)).toBe(true);
  });

  it('one bad input gives its one-line error, the others still run, and the exit code is 1', async () => {
    const list = join(dir, 'with-missing.txt');
    await writeFile(list, [texts[0], missing, SEED].join('\n'));
    const r = await runCli(['extract', '--json', '--jobs', '3', '--from', list]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([`quotecheck: no such file: ${missing}`]);
    const inputs = [
      ...new Set(
        r.stdout
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l).input as string),
      ),
    ];
    expect(inputs).toEqual([texts[0], SEED]);
    const art = await runCli(['article', '--json', '--jobs', '2', '--from', list]);
    expect(art.code).toBe(1);
    expect(
      art.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).input),
    ).toEqual([texts[0], SEED]);
  });

  it('check gives the same claims with --jobs 1 and --jobs 3', async () => {
    const list = join(dir, 'check.txt');
    await writeFile(list, [...texts, SEED].join('\n'));
    const serial = await runCli(['check', '--json', '--jobs', '1', '--from', list]);
    const parallel = await runCli(['check', '--json', '--jobs', '3', '--from', list]);
    expect(serial.code).toBe(0);
    expect(serial.stdout.length).toBeGreaterThan(1000);
    expect(parallel.stdout).toBe(serial.stdout);
  });

  it('refuses --from without a list, a missing list, and a bad --jobs', async () => {
    const none = await runCli(['extract', '--from', join(dir, 'no-list.txt')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no such file');
    const jobs = await runCli(['check', '--jobs', '0', SEED]);
    expect(jobs.code).toBe(2);
    expect(jobs.stderr).toContain('--jobs must be a positive integer');
    const empty = join(dir, 'empty.txt');
    await writeFile(empty, '# nothing\n\n');
    const nothing = await runCli(['article', '--from', empty]);
    expect(nothing.code).toBe(2);
  });

  it('on a terminal, draws a progress line with done/total, rate and ETA, rewritten with \\r', async () => {
    const list = join(dir, 'tty.txt');
    await writeFile(list, [...texts, missing].join('\n'));
    const out = join(dir, 'tty.out');
    // `script` gives the command a terminal; standard output goes to a file, so the terminal
    // carries only standard error.
    const command = [...CLI_COMMAND, 'extract', '--json', '--from', list].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
    const tty = await new Promise<string>((ok, fail) =>
      execFile('script', ['-qec', `${command} > '${out}'`, '/dev/null'], { timeout: 120_000 }, (err, stdout) =>
        err && err.code !== 1 ? fail(err) : ok(stdout),
      ),
    );
    expect(tty).toContain('\r');
    expect(tty).toMatch(new RegExp(`${texts.length + 1}/${texts.length + 1} +[\\d.]+/s +ETA 0s`));
    expect(tty).toContain(`quotecheck: no such file: ${missing}`);
  });

  it('fetches at most 4 URLs at once, whatever --jobs', async () => {
    let now = 0;
    let most = 0;
    const server: Server = createServer((req, res) => {
      now++;
      most = Math.max(most, now);
      setTimeout(() => {
        now--;
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(`<html><body><p>"We will win," said Jane Doe, the mayor. Page ${req.url}.</p></body></html>`);
      }, 300);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    try {
      const { port } = server.address() as AddressInfo;
      const urls = Array.from({ length: 10 }, (_, i) => `http://127.0.0.1:${port}/a${i}`);
      const r = await runCliWithInput(['extract', '--json', '--jobs', '8', '--from', '-'], urls.join('\n'), {
        QUOTECHECK_ALLOW_HOSTS: `127.0.0.1:${port}`,
      });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect([
        ...new Set(
          r.stdout
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l).input),
        ),
      ]).toEqual(urls);
      expect(most).toBeGreaterThan(1);
      expect(most).toBeLessThanOrEqual(4);
    } finally {
      server.close();
    }
  });
});
