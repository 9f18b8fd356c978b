#!/usr/bin/env node
// `pnpm quotecheck`: the built CLI when it is newer than every source file, else the TypeScript
// sources through tsx, in this same process (so signals reach `run` directly).
//
// Why both: the built CLI starts in a fraction of the time tsx takes (see scripts/build.mjs), but
// engineers and the scorer run `pnpm quotecheck` while editing the sources, and a stale bundle
// would silently run yesterday's code. Comparing modification times of ~300 files costs a few ms.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'packages/cli/dist/main.js');

/** The newest modification time (ms) of the files under `dir`, skipping dist and node_modules. */
function newest(dir) {
  let latest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    latest = Math.max(latest, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

function builtIsFresh() {
  let builtAt;
  try {
    builtAt = statSync(built).mtimeMs;
  } catch {
    return false;
  }
  const packages = join(root, 'packages');
  return readdirSync(packages).every((p) => {
    try {
      return newest(join(packages, p, 'src')) <= builtAt && statSync(join(packages, p, 'package.json')).mtimeMs <= builtAt;
    } catch {
      return true;
    }
  });
}

if (process.env.QUOTECHECK_FROM_SOURCE !== '1' && builtIsFresh()) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(join(root, 'packages/cli/src/main.ts')).href);
}
