#!/usr/bin/env node
import { ConfigError, QuotecheckError, RedisUnavailableError, UsageError } from '@quotecheck/shared';
import type { Command } from './args.js';
import { COMMANDS } from './commands/index.js';
import { isFileAccessError, readError } from './file-errors.js';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'quotecheck: who said what, where, and whether the attribution holds up',
    '',
    'Usage: quotecheck <command> [options]',
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
  const cmd: Command | undefined = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    process.stderr.write(`quotecheck: unknown command "${name}"\n\n${help()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${cmd.usage.trim()}\n`);
    return 0;
  }
  return cmd.run(rest);
}

// A closed pipe (`quotecheck export | head`) ends the output, not the command with a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
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
  },
);
