import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createRedis, loadConfig, type Redis } from '@quotecheck/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { REPO_ROOT, runCli, startCli, testPrefix, until, waitExit } from './support/cli.js';
import { purgePrefix } from './support/redis-keys.js';

/**
 * The deployment files checked without a Docker daemon: compose.yaml parsed and each service's
 * command run through the real CLI, the Dockerfile read instruction by instruction.
 */

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// Nothing listens on port 1: a command that gets as far as Redis accepted its arguments.
const NO_REDIS = 'redis://127.0.0.1:1';
// Each CLI child compiles the TypeScript entry point with tsx: 2-20 s on the shared 2-core machine.
const CLI_TIMEOUT = 300_000;
/** shutdown.ts gives cancelled jobs 5 s after the drain before a worker exits. */
const CANCEL_MS = 5_000;

interface Healthcheck {
  test: string[];
  interval?: string;
  timeout?: string;
  retries?: number;
  start_period?: string;
}
interface Service {
  image?: string;
  build?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
  healthcheck?: Healthcheck;
  stop_grace_period?: string;
  volumes?: string[];
  ports?: string[];
}
interface Compose {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

let compose: Compose;
let quotecheck: [string, Service][];

beforeAll(async () => {
  // Merge keys (<<: *quotecheck) as docker compose reads them.
  compose = parseYaml(await readFile(join(REPO_ROOT, 'compose.yaml'), 'utf8'), { merge: true }) as Compose;
  quotecheck = Object.entries(compose.services).filter(([name]) => name !== 'redis');
});

/** "40s", "1m30s", "500ms" as compose writes durations, in ms. */
function durationMs(d: string): number {
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let total = 0;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let consumed = '';
  for (let m = re.exec(d); m; m = re.exec(d)) {
    total += Number(m[1]) * units[m[2]!]!;
    consumed += m[0];
  }
  if (consumed !== d) throw new Error(`not a compose duration: ${d}`);
  return total;
}

/** The value after `flag` in a command, or undefined. */
function flagValue(command: string[], flag: string): string | undefined {
  const i = command.indexOf(flag);
  return i >= 0 ? command[i + 1] : undefined;
}

/** The roles a `run` command runs (all four without --role). */
function rolesOf(command: string[]): string[] {
  const r = flagValue(command, '--role');
  return r ? r.split(',') : ['ingest', 'fetch', 'extract', 'verify'];
}

/** A TCP port free on 127.0.0.1 right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Runs a compose health check's CMD in a shell-less child, as Docker does, with the port swapped; resolves its exit code. */
function runHealthcheck(test: string[], fromPort: string, toPort: number): Promise<number | null> {
  const [kind, bin, ...args] = test;
  expect(kind).toBe('CMD');
  expect(bin).toBe('node');
  const swapped = args.map((a) => a.replace(`127.0.0.1:${fromPort}/`, `127.0.0.1:${toPort}/`));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, swapped, { stdio: 'ignore' });
    child.on('close', (code) => resolve(code));
  });
}

describe('compose.yaml', () => {
  it('runs Redis 7 with AOF, noeviction, a volume and a redis-cli ping health check', () => {
    const redis = compose.services.redis!;
    expect(redis.image).toMatch(/^redis:7(\.|-|$)/);
    const cmd = redis.command!;
    expect(cmd[0]).toBe('redis-server');
    expect(flagValue(cmd, '--appendonly')).toBe('yes');
    expect(flagValue(cmd, '--maxmemory-policy')).toBe('noeviction');
    expect(redis.healthcheck?.test).toEqual(['CMD', 'redis-cli', 'ping']);
    const volume = redis.volumes?.find((v) => v.endsWith(':/data'))?.split(':')[0];
    expect(volume).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(volume);
  });

  it('has one ingest process, replicated fetch/extract and verify workers, and the review server', () => {
    const byRole = (role: string) => quotecheck.filter(([, s]) => s.command?.[0] === 'run' && rolesOf(s.command).includes(role));
    const ingest = byRole('ingest');
    expect(ingest.map(([n]) => n)).toEqual(['ingest']);
    expect(ingest[0]![1].deploy?.replicas ?? 1).toBe(1);
    // Every role runs somewhere, and the scaled ones run without ingest (no extra schedulers).
    for (const role of ['fetch', 'extract', 'verify']) {
      const services = byRole(role);
      expect(services.length, role).toBeGreaterThan(0);
      for (const [name, s] of services) {
        expect(rolesOf(s.command!), name).not.toContain('ingest');
        expect(s.deploy?.replicas, name).toBeGreaterThanOrEqual(1);
      }
    }
    const review = quotecheck.filter(([, s]) => s.command?.[0] === 'serve');
    expect(review).toHaveLength(1);
    const cmd = review[0]![1].command!;
    expect(flagValue(cmd, '--host')).toBe('0.0.0.0');
    expect(review[0]![1].ports).toContain(`127.0.0.1:${flagValue(cmd, '--port')}:${flagValue(cmd, '--port')}`);
  });

  it('gives every quotecheck service the image, Redis once it is healthy, and a stop grace period longer than the drain', () => {
    const drainMs = loadConfig({ env: {} }).drainTimeoutMs;
    expect(drainMs).toBe(20_000);
    expect(quotecheck.length).toBeGreaterThanOrEqual(4);
    for (const [name, s] of quotecheck) {
      expect(s.build, name).toBe('.');
      expect(s.environment?.REDIS_URL, name).toBe('redis://redis:6379');
      expect(s.depends_on?.redis?.condition, name).toBe('service_healthy');
      expect(s.stop_grace_period, name).toBeDefined();
      expect(durationMs(s.stop_grace_period!), name).toBeGreaterThan(drainMs + CANCEL_MS);
    }
  });

  it("checks each worker's health on its own metrics port at /healthz, and the review server's on its port", () => {
    for (const [name, s] of quotecheck) {
      const cmd = s.command!;
      const test = s.healthcheck?.test.join(' ') ?? '';
      if (cmd[0] === 'run') {
        const port = flagValue(cmd, '--metrics-port');
        expect(port, name).toBeDefined();
        expect(test, name).toContain(`http://127.0.0.1:${port}/healthz`);
      } else {
        expect(test, name).toContain(`http://127.0.0.1:${flagValue(cmd, '--port')}/`);
      }
      expect(durationMs(s.healthcheck!.start_period!), name).toBeGreaterThanOrEqual(30_000);
    }
  });
});

describe('compose.yaml against the real CLI', { timeout: CLI_TIMEOUT }, () => {
  it('names commands, flags and roles that `quotecheck --help` and each command`s --help list', async () => {
    const top = await runCli(['--help'], {});
    expect(top.code).toBe(0);
    const commands = new Set(quotecheck.map(([, s]) => s.command![0]!));
    for (const command of commands) {
      expect(top.stdout, command).toMatch(new RegExp(`^  ${command} `, 'm'));
      const help = await runCli([command, '--help'], {});
      expect(help.code, command).toBe(0);
      for (const [name, s] of quotecheck.filter(([, x]) => x.command![0] === command))
        for (const flag of s.command!.filter((a) => a.startsWith('--'))) expect(help.stdout, `${name} ${flag}`).toContain(flag);
      if (command === 'run')
        for (const [name, s] of quotecheck.filter(([, x]) => x.command![0] === 'run'))
          for (const role of rolesOf(s.command!))
            expect(help.stdout, `${name} role ${role}`).toMatch(new RegExp(`^  ${role} `, 'm'));
    }
  });

  it('refuses --metrics-host without --metrics-port as a usage error', async () => {
    const r = await runCli(['run', '--role', 'verify', '--metrics-host', '0.0.0.0'], { REDIS_URL: NO_REDIS });
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('quotecheck: --metrics-host needs --metrics-port PORT: the metrics server is off without it');
  });

  it('accepts every service command as written: it gets as far as waiting for Redis', async () => {
    for (const [name, s] of quotecheck) {
      // Bound to loopback on a free port here (only local addresses in tests), else as written.
      const port = String(await freePort());
      const args = s.command!.map((a) => (a === '0.0.0.0' ? '127.0.0.1' : a === '9464' || a === '3000' ? port : a));
      if (args[0] === 'run') {
        const child = startCli(args, { REDIS_URL: NO_REDIS, QUOTECHECK_PREFIX: testPrefix('deploy') });
        let out = '';
        child.stdout?.on('data', (d) => (out += d));
        child.stderr?.on('data', (d) => (out += d));
        const exited = waitExit(child, CLI_TIMEOUT);
        await Promise.race([
          until(() => out.includes('"event":"redis.waiting"'), 120_000),
          exited.then((code) => {
            throw new Error(`${name}: ${args.join(' ')} exited ${code} before waiting for Redis: ${out}`);
          }),
        ]);
        child.kill('SIGTERM');
        expect(await exited, `${name}: ${out}`).toBe(0);
      } else {
        const r = await runCli(args, { REDIS_URL: NO_REDIS });
        // 2 would be a usage error; 1 with the Redis message means the arguments were accepted.
        expect(r.code, `${name}: ${r.stderr}`).toBe(1);
        expect(r.stderr).toMatch(/^quotecheck: Redis is not answering/);
      }
    }
  });

  describe('a worker as compose runs it', () => {
    const prefix = testPrefix('deploy-health');
    let redis: Redis;
    beforeAll(() => {
      redis = createRedis(REDIS_URL);
    });
    afterAll(async () => {
      await purgePrefix(redis, prefix);
      await redis.quit();
    });

    it('answers /healthz and /readyz on its metrics port, and passes the compose health check', async () => {
      const [name, verify] = quotecheck.find(([, s]) => s.command?.[0] === 'run' && rolesOf(s.command).includes('verify'))!;
      const composePort = flagValue(verify.command!, '--metrics-port')!;
      const port = await freePort();
      const args = verify.command!.map((a) => (a === '0.0.0.0' ? '127.0.0.1' : a === composePort ? String(port) : a));
      const child = startCli(args, { REDIS_URL, QUOTECHECK_PREFIX: prefix, LOG_LEVEL: 'warn' });
      let err = '';
      child.stderr?.on('data', (d) => (err += d));
      const exited = waitExit(child, CLI_TIMEOUT);
      try {
        const get = (path: string) =>
          fetch(`http://127.0.0.1:${port}${path}`).then(
            (r) => r.status,
            () => 0,
          );
        await until(async () => (await get('/readyz')) === 200, 120_000);
        expect(await get('/healthz')).toBe(200);
        expect(await get('/metrics')).toBe(200);
        // Default process metrics beside quotecheck's own.
        const metrics = await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text());
        expect(metrics).toMatch(/^process_resident_memory_bytes \d+/m);
        expect(metrics).toMatch(/^quotecheck_jobs\{/m);
        expect(await get('/nothing')).toBe(404);
        expect(await runHealthcheck(verify.healthcheck!.test, composePort, port), name).toBe(0);
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exited, err).toBe(0);
      // Once stopped, the same health check fails: it is not a check that always passes.
      expect(await runHealthcheck(verify.healthcheck!.test, composePort, port)).toBe(1);
    });
  });
});

/** Dockerfile instructions: continuation lines joined, comments dropped. */
function instructions(text: string): { op: string; args: string }[] {
  const joined = text.replace(/\\\r?\n/g, ' ');
  return joined
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [op, ...rest] = l.split(/\s+/);
      return { op: op!.toUpperCase(), args: rest.join(' ') };
    });
}

describe('Dockerfile', () => {
  it('builds in stages from Node 22 slim and runs the CLI as a non-root user under tini', async () => {
    const all = instructions(await readFile(join(REPO_ROOT, 'Dockerfile'), 'utf8'));
    const args = Object.fromEntries(
      all.filter((i) => i.op === 'ARG' && i.args.includes('=')).map((i) => i.args.split('=') as [string, string]),
    );
    const stages: { from: string; name: string; body: { op: string; args: string }[] }[] = [];
    for (const i of all) {
      if (i.op === 'FROM') {
        const [image, , name] = i.args.split(/\s+/);
        stages.push({ from: image!.replace(/^\$\{(\w+)\}$/, (_, a: string) => args[a] ?? ''), name: name ?? '', body: [] });
      } else stages.at(-1)?.body.push(i);
    }
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const final = stages.at(-1)!;
    expect(final.from).toBe('node:22-bookworm-slim');
    const users = final.body.filter((i) => i.op === 'USER').map((i) => i.args);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    expect(final.body.find((i) => i.op === 'STOPSIGNAL')?.args).toBe('SIGTERM');
    const entrypoint = JSON.parse(final.body.find((i) => i.op === 'ENTRYPOINT')!.args) as string[];
    expect(entrypoint.slice(0, 2)).toEqual(['/usr/bin/tini', '--']);
    expect(final.body.some((i) => i.op === 'RUN' && /apt-get install .*\btini\b/.test(i.args))).toBe(true);
    // The entry point is the installed CLI's bin, which runs the build (packages/cli/dist).
    const main = entrypoint.find((a) => a.endsWith('/bin/quotecheck.js'))!;
    expect(main, 'ENTRYPOINT runs packages/cli/bin/quotecheck.js').toBeDefined();
    expect(existsSync(join(REPO_ROOT, main.replace(/^\/app\//, '')))).toBe(true);
    // The build stage runs the install again with the sources present, so `prepare` builds.
    const buildStage = stages.find((s) => s.name === 'build')!;
    expect(buildStage.body.some((i) => i.op === 'COPY' && i.args.startsWith('scripts '))).toBe(true);
    expect(buildStage.body.some((i) => i.op === 'RUN' && /pnpm install --frozen-lockfile/.test(i.args))).toBe(true);
    // No compiler toolchain or package manager in the runtime stage: it copies from the build.
    expect(final.body.some((i) => i.op === 'RUN' && /pnpm|npm install/.test(i.args))).toBe(false);
    const build = stages.flatMap((s) => s.body);
    expect(build.some((i) => i.op === 'RUN' && i.args.includes('corepack enable'))).toBe(true);
    expect(build.some((i) => i.op === 'RUN' && /pnpm install --frozen-lockfile/.test(i.args))).toBe(true);
  });

  it('copies every workspace manifest before installing, so --frozen-lockfile finds every importer', async () => {
    const text = await readFile(join(REPO_ROOT, 'Dockerfile'), 'utf8');
    const workspace = parseYaml(await readFile(join(REPO_ROOT, 'pnpm-workspace.yaml'), 'utf8')) as { packages: string[] };
    const lock = parseYaml(await readFile(join(REPO_ROOT, 'pnpm-lock.yaml'), 'utf8')) as { importers: Record<string, unknown> };
    const importers = Object.keys(lock.importers).filter((i) => i !== '.');
    expect(importers.length).toBeGreaterThanOrEqual(workspace.packages.length);
    const install = text.indexOf('pnpm install --frozen-lockfile');
    for (const dir of importers) {
      const copy = text.indexOf(`COPY ${dir}/package.json ${dir}/`);
      expect(copy, dir).toBeGreaterThan(0);
      expect(copy, dir).toBeLessThan(install);
    }
  });

  it('keeps node_modules, .git and the tests out of the build context, but not the tests manifest', async () => {
    const lines = (await readFile(join(REPO_ROOT, '.dockerignore'), 'utf8'))
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    expect(lines).toContain('**/node_modules');
    expect(lines).toContain('.git');
    // A later exception wins: the lockfile's tests importer must reach the deps stage.
    expect(lines.indexOf('!tests/package.json')).toBeGreaterThan(lines.indexOf('tests/**'));
  });
});
