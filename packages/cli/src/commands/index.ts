import type { Command } from '../args.js';
import { checkCommand } from './check.js';
import { dashboardCommand } from './dashboard.js';
import { exportCommand } from './export.js';
import { articleCommand, extractCommand } from './extract.js';
import { feedsCommand } from './feeds.js';
import { retryCommand } from './retry.js';
import { reviewCommand } from './review.js';
import { runCommand } from './run.js';
import { serveCommand } from './serve.js';
import { statusCommand } from './status.js';
import { submitCommand } from './submit.js';

/** Every `quotecheck` command, in the order `--help` lists them. */
export const COMMANDS: Command[] = [
  runCommand,
  feedsCommand,
  submitCommand,

  statusCommand,
  retryCommand,
  serveCommand,
  dashboardCommand,
  articleCommand,
  extractCommand,
  checkCommand,
  reviewCommand,
  exportCommand,
];
