import { resolve } from 'node:path';
import { loadConfig } from '@quotecheck/shared';

/** The `--config FILE` line of every command's `--help`. */
export const CONFIG_USAGE =
  '  --config FILE      the configuration file (default ./quotecheck.config.json, or QUOTECHECK_CONFIG)';

/**
 * `--config FILE` for the commands without Redis (`check`, `extract`, `article`), whose helpers
 * read the configuration where they need it (`fetchPage`, `inputMaxBytes`): the file is checked
 * now, so a bad one fails before any input is read, and handed to them through
 * `QUOTECHECK_CONFIG`, the one way `loadConfig` already takes a file from outside.
 * @throws ConfigError one line naming the file when it is missing, not JSON or invalid
 */
export function useConfigFile(file: string | undefined): void {
  if (file === undefined) return;
  const path = resolve(file);
  loadConfig({ file: path });
  process.env.QUOTECHECK_CONFIG = path;
}
