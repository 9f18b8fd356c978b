#!/usr/bin/env node
import pkg from '../package.json' with { type: 'json' };
import { COMMANDS, findCommand } from './commands/index.js';

/** The version `--version` prints: packages/cli/package.json's, inlined by the build. */
export const VERSION: string = pkg.version;

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'quotecheck: who said what, where, and whether the attribution holds up',
    '',
    'Usage: quotecheck <command> [options]',
    '       quotecheck --version',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `quotecheck <command> --help` for the options of a command.',
    'Exit codes: 0 ok, 1 failed, 2 usage error.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-V') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const entry = findCommand(name);
  if (!entry) {
    process.stderr.write(`quotecheck: unknown command "${name}"\n\n${help()}\n`);
    return 2;
  }
  // Only the command asked for is loaded (and with it only the packages it uses).
  const cmd = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${cmd.usage.trim()}\n`);
    return 0;
  }
  return cmd.run(rest);
}

/** How long a failed command may take to close what it opened before the process exits anyway. */
const FAILED_EXIT_GRACE_MS = 2_000;

// A closed pipe (`quotecheck export | head`) ends the output, not the command with a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  async (err: unknown) => {
    // Loaded here, not up front: `--help` and `--version` never need the shared package.
    const { ConfigError, QuotecheckError, RedisUnavailableError, UsageError } = await import('@quotecheck/shared');
    const { isFileAccessError, readError } = await import('./file-errors.js');
    if (err instanceof UsageError) {
      process.stderr.write(`quotecheck: ${err.message}\n`);
      process.exitCode = 2;
    } else if (err instanceof RedisUnavailableError || err instanceof ConfigError || err instanceof QuotecheckError) {
      process.stderr.write(`quotecheck: ${err.message}\n`);
      process.exitCode = 1;
    } else if (isFileAccessError(err)) {
      // A file error a command did not word itself: still one line, exit 1, as everywhere.
      const path = (err as NodeJS.ErrnoException).path;
      process.stderr.write(`quotecheck: ${path ? readError(path, err).message : (err as Error).message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`quotecheck: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = 1;
    }
    // The command failed: whatever it left open (a reconnecting client, a half-closed socket)
    // must not keep the process alive after its one line. Unref'd, so a clean exit is not delayed.
    setTimeout(() => process.exit(), FAILED_EXIT_GRACE_MS).unref();
  },
);
