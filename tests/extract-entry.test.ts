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

describe('the BullMQ processors of verify and ingest are under /worker, as extract is', () => {
  it('@quotecheck/verify loads no queue package; verifyArticle is in @quotecheck/verify/worker only', async () => {
    expect(runtimePackages(workspaceEntry('@quotecheck/verify') as string)).not.toContain('bullmq');
    expect(runtimePackages(workspaceEntry('@quotecheck/verify/worker') as string)).toContain('bullmq');
    const main: Record<string, unknown> = await import('@quotecheck/verify');
    const worker: Record<string, unknown> = await import('@quotecheck/verify/worker');
    expect(main.verifyArticle).toBeUndefined();
    expect(typeof main.articleInput).toBe('function');
    expect(typeof worker.verifyArticle).toBe('function');
  });

  it('pollFeed and fetchArticle are in @quotecheck/ingest/worker only', async () => {
    const main: Record<string, unknown> = await import('@quotecheck/ingest');
    const worker: Record<string, unknown> = await import('@quotecheck/ingest/worker');
    expect([main.pollFeed, main.fetchArticle]).toEqual([undefined, undefined]);
    expect(typeof main.fetchJobId).toBe('function');
    expect(typeof main.extractJobId).toBe('function');
    expect([typeof worker.pollFeed, typeof worker.fetchArticle]).toEqual(['function', 'function']);
  });
});
