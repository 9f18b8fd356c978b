/**
 * A private `redis-server` for tests that stop, kill or restart Redis: a spare port on 127.0.0.1,
 * a temp directory, AOF on with `appendfsync always` so a restart loses no acknowledged write.
 * The shared Redis at 6379 is never touched.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Asks the kernel for a free port on 127.0.0.1, then releases it for redis-server to bind. */
async function sparePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((ok, fail) => {
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => ok());
  });
  const addr = srv.address();
  await new Promise<void>((ok) => srv.close(() => ok()));
  if (!addr || typeof addr === 'string') throw new Error('could not allocate a port for redis-server');
  return addr.port;
}

/** Resolves once something accepts TCP connections on the port and answers PING. */
async function pingable(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = new Socket();
      let buf = '';
      s.setTimeout(500);
      s.once('error', () => resolve(false));
      s.once('timeout', () => {
        s.destroy();
        resolve(false);
      });
      s.on('data', (d) => {
        buf += d.toString();
        if (buf.includes('\r\n')) {
          s.destroy();
          // A server with requirepass answers an unauthenticated PING with -NOAUTH: it is up.
          resolve(buf.startsWith('+PONG') || buf.startsWith('-NOAUTH'));
        }
      });
      s.connect(port, '127.0.0.1', () => s.write('PING\r\n'));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms`);
}

/** A running private Redis; {@link PrivateRedis.stop} it in `afterAll`. */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  private log = '';

  private constructor(
    /** The port it listens on, kept across restarts so clients reconnect to the same URL. */
    readonly port: number,
    /** Its working directory, holding the AOF. */
    readonly dir: string,
    /** The password it starts with (`--requirepass`), if any. */
    readonly requirepass?: string,
    /** More `redis-server` arguments (e.g. `--cluster-enabled yes`). */
    private readonly extraArgs: readonly string[] = [],
  ) {}

  /** `redis://127.0.0.1:<port>` */
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts `redis-server` on a spare port in a new temp directory, with AOF on (and a password with `requirepass`). */
  static async start(opts: { requirepass?: string; args?: readonly string[] } = {}): Promise<PrivateRedis> {
    const dir = await mkdtemp(join(tmpdir(), 'qc-redis-'));
    // Another test may bind the spare port before redis-server does: then try another one.
    for (let attempt = 1; ; attempt++) {
      const r = new PrivateRedis(await sparePort(), dir, opts.requirepass, opts.args);
      try {
        await r.launch();
        return r;
      } catch (e) {
        if (attempt === 3 || !/Address already in use/i.test(r.output)) {
          await rm(dir, { recursive: true, force: true });
          throw e;
        }
      }
    }
  }

  private async launch(): Promise<void> {
    const args = [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--dir',
      this.dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
      '--daemonize',
      'no',
      ...(this.requirepass === undefined ? [] : ['--requirepass', this.requirepass]),
      ...this.extraArgs,
    ];
    this.log = '';
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    // Up only once this process says it listens: a PING alone could reach another test's server
    // that took the port in the meantime (its data would then be shared, or flushed, by both).
    let listening = false;
    const up = new Promise<boolean>((ok) => {
      const timer = setTimeout(() => ok(false), 10_000);
      const seen = (d: Buffer) => {
        this.log = (this.log + d).slice(-4000);
        if (!listening && /Ready to accept connections/.test(this.log)) {
          listening = true;
          clearTimeout(timer);
          ok(true);
        }
      };
      child.stdout?.on('data', seen);
      child.stderr?.on('data', seen);
      child.once('exit', () => {
        clearTimeout(timer);
        ok(false);
      });
    });
    this.child = child;
    try {
      if (!(await up)) throw new Error(`redis-server on port ${this.port} did not start listening`);
      await pingable(this.port, 10_000);
    } catch (e) {
      if (child.exitCode === null) child.kill('SIGKILL');
      this.child = null;
      throw new Error(`${(e as Error).message}\n${this.log}`);
    }
  }

  /** The last lines redis-server printed, for failure messages. */
  get output(): string {
    return this.log;
  }

  /** Stops the server: SIGTERM (it flushes the AOF and exits), or SIGKILL when `hard`. */
  async halt(hard = false): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
    child.kill(hard ? 'SIGKILL' : 'SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  /** Stops the server and starts it again on the same port and directory (it reloads the AOF). */
  async restart(opts: { hard?: boolean; downMs?: number } = {}): Promise<void> {
    await this.halt(opts.hard);
    if (opts.downMs) await new Promise((r) => setTimeout(r, opts.downMs));
    await this.launch();
  }

  /** Stops the server and deletes its directory. */
  async stop(): Promise<void> {
    await this.halt();
    await rm(this.dir, { recursive: true, force: true });
  }
}
