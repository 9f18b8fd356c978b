// Entry point of an extraction worker thread. The sources are TypeScript run through tsx, and a
// worker thread starts without the parent's loader hooks (its execArgv is emptied on purpose, so the
// hooks are registered exactly once, here): register tsx, then load the TypeScript entry.
import { register } from 'tsx/esm/api';

register();
await import('./extract-thread.ts');
