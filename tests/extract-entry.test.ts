import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/cli.js';

/** What a workspace package's subpath resolves to (its package.json `exports`, the TypeScript sources). */
function workspaceEntry(specifier: string): string | null {
  const m = /^@quotecheck\/([a-z]+)(\/[a-z]+)?$/.exec(specifier);
  if (!m) return null;
  const dir = resolve(REPO_ROOT, 'packages', m[1] as string);
  const exports = JSON.parse(readFileSync(resolve(dir, 'package.json'), 'utf8')).exports as Record<string, string>;
  const target = exports[`.${m[2] ?? ''}`];
  if (!target) throw new Error(`${specifier} is not exported by packages/${m[1]}/package.json`);
  return resolve(dir, target);
}

/**
 * The bare packages a module loads at run time, following its value imports and re-exports (never
 * `import type`/`export type`, which are erased) through relative files and workspace packages.
 */
function runtimePackages(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
      if (m[1]) continue;
      const spec = m[2] as string;
      if (spec.startsWith('.')) {
        const ts = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
        visit(existsSync(ts) ? ts : resolve(dirname(file), spec));
      } else {
        const ws = workspaceEntry(spec);
        if (ws) visit(ws);
        else packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : (spec.split('/')[0] as string));
      }
    }
  };
  visit(entry);
  return packages;
}

describe("@quotecheck/extract's entries", () => {
  it('the main entry (articleFromHtml, extractAttributions) loads no queue or Redis package', () => {
    const loaded = runtimePackages(workspaceEntry('@quotecheck/extract') as string);
    expect(loaded).toContain('htmlparser2');
    expect(loaded).not.toContain('bullmq');
    expect(loaded).not.toContain('ioredis');
  });

  it('the /worker entry (the BullMQ processor) does load bullmq, so the walk above can see it', () => {
    expect(runtimePackages(workspaceEntry('@quotecheck/extract/worker') as string)).toContain('bullmq');
    expect(runtimePackages(workspaceEntry('@quotecheck/shared') as string)).toContain('ioredis');
  });
});
