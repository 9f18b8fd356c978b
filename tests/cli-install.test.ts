import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CORPUS, REPO_ROOT, runCli } from './support/cli.js';

const cliPackage = JSON.parse(readFileSync(resolve(REPO_ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string };

describe('quotecheck as an installed command', () => {
  it('prints the version of packages/cli/package.json with --version and -V, exit 0', async () => {
    for (const flag of ['--version', '-V']) {
      const r = await runCli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${cliPackage.version}\n`);
    }
  });
});

describe('the built quotecheck (what pnpm install builds and links)', () => {
  const bin = resolve(REPO_ROOT, 'packages/cli/bin/quotecheck.js');
  const run = (args: string[]) => promisify(execFile)(process.execPath, [bin, ...args], { cwd: REPO_ROOT });

  it('is linked into the workspace as node_modules/.bin/quotecheck', () => {
    expect(existsSync(resolve(REPO_ROOT, 'node_modules/.bin/quotecheck'))).toBe(true);
  });

  it('runs from packages/cli/dist with plain node: --version, and --help listing the commands', async () => {
    expect((await run(['--version'])).stdout).toBe(`${cliPackage.version}\n`);
    const help = (await run(['--help'])).stdout;
    expect(help).toContain('Usage: quotecheck <command>');
    expect(help).toMatch(/^ {2}extract +print every attribution/m);
  });

  it('extracts the attributions of the seed article', async () => {
    const seed = resolve(CORPUS, 'seed/aljazeera-2025-11-23-geneva-talks.txt');
    const lines = (await run(['extract', '--json', seed])).stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.some((l) => /blatantly false/i.test(l))).toBe(true);
  });
});
