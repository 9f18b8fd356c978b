import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { CORPUS_DIR, REPO_ROOT } from './fixture-server.js';

export { CORPUS_DIR, REPO_ROOT };
/** The shared corpus, read in place at test time. */
export const CORPUS = CORPUS_DIR;
/** The shared scorers, run in place. */
export const EVAL = resolve(REPO_ROOT, '../shared/eval');

const MAIN = resolve(REPO_ROOT, 'packages/cli/src/main.ts');
// One process per CLI run: the tsx binary would run the program in a child of its own, and a
// SIGKILL sent to the wrapper would leave that child running.
const NODE_ARGS = ['--import', 'tsx', MAIN];

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `quotecheck` CLI (the same entry point as `pnpm quotecheck`) to completion. */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 120_000): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream: a character cut between two chunks of a long output (an export of 292
    // claims) had become U+FFFD in one run and not in the next.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`quotecheck ${args.join(' ')} did not finish in ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** Starts a long-running CLI process (e.g. `run`); the caller stops it. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [...NODE_ARGS, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Waits for a child to exit, killing it after `timeoutMs`; resolves its exit code. */
export function waitExit(child: ChildProcess, timeoutMs = 60_000): Promise<number | null> {
  return new Promise((resolvePromise) => {
    if (child.exitCode !== null) return resolvePromise(child.exitCode);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolvePromise(code);
    });
  });
}

/** Polls `check` until it returns true or `timeoutMs` passes. */
export async function until(check: () => Promise<boolean> | boolean, timeoutMs = 60_000, everyMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

/** A unique Redis key and queue prefix for one test file. */
export function testPrefix(name: string): string {
  return `qc-test-${name}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Runs the real CLI like {@link runCli}, with `input` written to its standard input. */
export function runCliWithInput(args: string[], input: string, env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...NODE_ARGS, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    // Decoded as a stream: a character cut between two chunks of a long output (an export of 292
    // claims) had become U+FFFD in one run and not in the next.
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** The command line that runs the real CLI, for wrappers such as `script` (a terminal). */
export const CLI_COMMAND: readonly string[] = [process.execPath, ...NODE_ARGS];
