import type { Command } from '../args.js';
import { serveCommand } from './serve.js';

/**
 * `dashboard` is the name the queue dashboard had before the review desk: kept as an alias of
 * `serve`, whose server carries bull-board under `/queues` next to the claims.
 */
export const dashboardCommand: Command = {
  ...serveCommand,
  name: 'dashboard',
  summary: 'alias of serve: the review desk, with the queues (bull-board) under /queues',
  usage: serveCommand.usage.replace('Usage: quotecheck serve', 'Usage: quotecheck dashboard'),
};
