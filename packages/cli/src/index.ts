export type { Command } from './args.js';
export { COMMANDS, type CommandEntry, findCommand } from './commands/index.js';
