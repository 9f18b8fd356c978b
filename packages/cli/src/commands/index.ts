import type { Command } from '../args.js';

/**
 * One `quotecheck` command as `--help` lists it: its name and summary, and how to load it.
 *
 * Why lazy: loading every command up front pulled in bullmq, ioredis, express, bull-board, cheerio
 * and zod for `--help` (7.6-10.2 s through tsx on this shared machine, 5 runs); a command's module is
 * now imported only when that command runs, so `--help` loads this file and nothing else.
 */
export interface CommandEntry {
  name: string;
  summary: string;
  /** Imports the command's module; its `Command` carries the same name and summary. */
  load(): Promise<Command>;
}

/** Every `quotecheck` command, in the order `--help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'run',
    summary: 'run the workers (all roles, or some with --role) until SIGINT/SIGTERM',
    load: async () => (await import('./run.js')).runCommand,
  },
  {
    name: 'feeds',
    summary: 'add, list or remove the feeds the ingest role polls',
    load: async () => (await import('./feeds.js')).feedsCommand,
  },
  {
    name: 'submit',
    summary: 'put articles (URLs or local .html/.txt files) into the running pipeline by hand',
    load: async () => (await import('./submit.js')).submitCommand,
  },
  {
    name: 'status',
    summary: 'queue counts, recent failures with reasons, last poll of each feed',
    load: async () => (await import('./status.js')).statusCommand,
  },
  {
    name: 'retry',
    summary: 'retry failed jobs (all queues, or one with --queue)',
    load: async () => (await import('./retry.js')).retryCommand,
  },
  {
    name: 'serve',
    summary: 'the review desk: flagged claims with their evidence in a browser, reviewer decisions, queues',
    load: async () => (await import('./serve.js')).serveCommand,
  },
  {
    name: 'dashboard',
    summary: 'alias of serve: the review desk, with the queues (bull-board) under /queues',
    load: async () => (await import('./dashboard.js')).dashboardCommand,
  },
  {
    name: 'article',
    summary: 'print the clean article (title, byline, date, body text) of pages',
    load: async () => (await import('./extract.js')).articleCommand,
  },
  {
    name: 'extract',
    summary: 'print every attribution (who said what) in articles',
    load: async () => (await import('./extract.js')).extractCommand,
  },
  {
    name: 'check',
    summary: 'extract and verify articles in one go, without Redis: one line per claim',
    load: async () => (await import('./check.js')).checkCommand,
  },
  {
    name: 'review',
    summary: 'show flagged claims from the JSON logs, grouped by claim, with their evidence',
    load: async () => (await import('./review.js')).reviewCommand,
  },
  {
    name: 'archive',
    summary: 'move claims idle past the hot window from Redis to the claim archive (gzip JSON Lines) that export reads',
    load: async () => (await import('./archive.js')).archiveCommand,
  },
  {
    name: 'export',
    summary:
      'export the verified quote set from the store (JSONL, CSV, ClaimReview, Quotebank, per occurrence) or its JSON Schema',
    load: async () => (await import('./export.js')).exportCommand,
  },
];

/** The entry of a command by name, or undefined for a name no command has. */
export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === name);
}
