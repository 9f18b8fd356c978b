import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '@quotecheck/shared';

export type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments strictly; unknown flags are a usage error (exit 2). */
export function parse<O extends Options>(argv: string[], options: O, allowPositionals = true) {
  try {
    return parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}: see --help`);
  }
}

/** A command of the `quotecheck` CLI: returns its exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[]): Promise<number>;
}
