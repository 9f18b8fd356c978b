export type { Command } from './args.js';
export { COMMANDS } from './commands/index.js';
