import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './support/cli.js';

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
