import type { Command } from '../args.js';
import { articleCommand, extractCommand } from './extract.js';

/** Every `quotecheck` command, in the order `--help` lists them. */
export const COMMANDS: Command[] = [extractCommand, articleCommand];
