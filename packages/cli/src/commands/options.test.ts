import { describe, expect, it } from 'vitest';
import { COMMANDS } from './index.js';

/**
 * Commands without `--json`, each with the reason its `--help` gives: their output is not
 * something a script reads line by line.
 */
const NO_JSON: Record<string, string> = {
  run: 'the output is the log, JSON lines already',
  serve: 'the output is a server; its JSON is under /api/claims',
  dashboard: 'the output is a server; its JSON is under /api/claims',
};

describe('every command takes --config and --json', () => {
  for (const entry of COMMANDS) {
    it(`${entry.name} --help names --config, and --json or why it has none`, async () => {
      const cmd = await entry.load();
      // review (another engineer's file) writes it `--config F`
      expect(cmd.usage).toMatch(/--config (FILE\b|F\b)/);
      const why = NO_JSON[entry.name];
      if (why) {
        expect(cmd.usage).not.toMatch(/^\s+--json/m);
        expect(cmd.usage).toContain(`No --json: ${why}.`);
      } else expect(cmd.usage).toMatch(/^\s+--json\s+\S/m);
      // Loading `run` imports bullmq, ioredis and the workers: seconds on a loaded CI machine.
    }, 60_000);
  }
});
