import { describe, expect, it } from 'vitest';
import { COMMANDS, findCommand } from './index.js';

describe('the command index', () => {
  it('loads, for every listed name, the command of that name with the summary --help shows', async () => {
    for (const entry of COMMANDS) {
      const cmd = await entry.load();
      expect(cmd.name).toBe(entry.name);
      expect(cmd.summary).toBe(entry.summary);
      expect(cmd.usage).toContain(`quotecheck ${entry.name}`);
    }
    // Loading every command imports every package (bullmq, express, cheerio...): a safety bound only.
  }, 120_000);

  it('lists each name once and finds only listed names', () => {
    expect(new Set(COMMANDS.map((c) => c.name)).size).toBe(COMMANDS.length);
    expect(findCommand('extract')?.name).toBe('extract');
    expect(findCommand('--version')).toBeUndefined();
  });
});
