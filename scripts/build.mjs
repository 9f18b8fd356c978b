#!/usr/bin/env node
// Builds what an installed quotecheck runs; `pnpm install` runs it (the root `prepare` script).
//
// 1. packages/cli/dist: the CLI as one ESM bundle (esbuild) with the workspace packages inlined and
//    every third-party package left as an import, split into chunks so each command loads only its
//    own code. `bin/quotecheck.js` runs dist/main.js; dist/extract-thread.js is the entry of the
//    extraction threads (ExtractPool starts it next to its own chunk).
//    Why a bundle: through tsx, `--help` took 6.4-7.4 s on this machine (lazy commands, 5 runs);
//    plain node on the bundle is given in the commit message.
// 2. packages/{shared,ingest,extract,verify}/dist: each library compiled by `tsc -b` to JS with
//    .d.ts, what their `publishConfig.exports` point at. Incremental: a rebuild without changes
//    only checks timestamps.
//
// Usage: node scripts/build.mjs [--cli-only]
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cliDir = resolve(root, 'packages/cli');
const cliPackage = JSON.parse(readFileSync(resolve(cliDir, 'package.json'), 'utf8'));
const builtins = new Set(builtinModules);

/** The package name of a bare specifier: `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const missing = new Set();
/** Workspace packages are inlined (their exports point at TypeScript); everything else stays an import. */
const externals = {
  name: 'quotecheck-externals',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:') || builtins.has(args.path)) return { path: args.path, external: true };
      if (args.path.startsWith('@quotecheck/')) return undefined;
      const name = packageName(args.path);
      // The bundle runs from packages/cli/dist: a package resolves only if the CLI depends on it.
      if (!cliPackage.dependencies?.[name]) missing.add(name);
      return { path: args.path, external: true };
    });
  },
};

const started = performance.now();
rmSync(resolve(cliDir, 'dist'), { recursive: true, force: true });
await build({
  entryPoints: {
    main: resolve(cliDir, 'src/main.ts'),
    'extract-thread': resolve(root, 'packages/extract/src/extract-thread.ts'),
  },
  outdir: resolve(cliDir, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  plugins: [externals],
  logLevel: 'warning',
});
if (missing.size) {
  const names = [...missing].sort().join(' ');
  console.error(`build: the CLI bundle imports ${names}, which packages/cli does not depend on: run pnpm --filter @quotecheck/cli add ${names}`);
  process.exit(1);
}
console.error(`build: packages/cli/dist in ${Math.round(performance.now() - started)} ms`);

if (!process.argv.includes('--cli-only')) {
  const t = performance.now();
  const projects = ['shared', 'ingest', 'extract', 'verify'].map((p) => `packages/${p}/tsconfig.build.json`);
  execFileSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-b', ...projects], { cwd: root, stdio: 'inherit' });
  console.error(`build: packages/{shared,ingest,extract,verify}/dist in ${Math.round(performance.now() - t)} ms`);
}
