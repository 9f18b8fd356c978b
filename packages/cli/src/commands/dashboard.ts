import { createServer } from 'node:http';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import express, { type RequestHandler } from 'express';
import { type Command, parse } from '../args.js';
import { openContext } from '../context.js';
import { listen, parsePort } from '../listen.js';

/**
 * The `Host` header values a browser sends when it really means this server: the loopback names
 * and the bound host, each with the port. Anything else is a DNS-rebinding page (a hostile name
 * that resolves to 127.0.0.1) or a misdirected request.
 */
export function allowedHosts(host: string, port: number): Set<string> {
  const bound = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return new Set([`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `${bound.toLowerCase()}:${port}`]);
}

/** Answers 421 to a request whose `Host` is not one of `allowed`. */
export function checkHost(allowed: Set<string>, url: string): RequestHandler {
  return (req, res, next) => {
    const h = (req.headers.host ?? '').toLowerCase();
    if (allowed.has(h)) return next();
    res
      .status(421)
      .type('text/plain')
      .send(`Host ${JSON.stringify(h)} is not this dashboard's address: open ${url}\n`);
  };
}

/** Answers 405 to anything but GET and HEAD: the dashboard is read-only unless --writable. */
export const readOnly: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'HEAD') return next();
  res
    .status(405)
    .set('allow', 'GET, HEAD')
    .type('text/plain')
    .send('the dashboard is read-only: start it with --writable to retry, promote or remove jobs\n');
};

export const dashboardCommand: Command = {
  name: 'dashboard',
  summary: 'web dashboard of the queues (bull-board), read-only unless --writable',
  usage: `
Usage: quotecheck dashboard [--port 3000] [--host 127.0.0.1] [--writable]

Serves bull-board for the poll, fetch, extract and verify queues. It binds to localhost and
is read-only by default (every request but GET and HEAD answers 405, and nothing is written to
Redis): --writable allows retrying, promoting and removing jobs from the page. Requests whose
Host header is not localhost, 127.0.0.1, [::1] or --host, with the port, answer 421.`,
  async run(argv) {
    const { values } = parse(
      argv,
      { port: { type: 'string' }, host: { type: 'string' }, writable: { type: 'boolean' }, config: { type: 'string' } },
      false,
    );
    const port = parsePort('--port', values.port ?? '3000');
    const host = values.host ?? '127.0.0.1';
    const writable = values.writable === true;
    const ctx = await openContext({ configFile: values.config, readOnly: !writable });
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath('/');
    createBullBoard({
      queues: Object.values(ctx.queues).map((q) => new BullMQAdapter(q, { readOnlyMode: !writable })),
      serverAdapter,
    });
    const app = express();
    app.disable('x-powered-by');
    app.use(checkHost(allowedHosts(host, port), url));
    if (!writable) app.use(readOnly);
    app.use('/', serverAdapter.getRouter());
    const server = createServer(app);
    try {
      await listen(server, port, host, '--port');
    } catch (e) {
      await ctx.close();
      throw e;
    }
    ctx.log.info({ event: 'dashboard.listening', url, readOnly: !writable }, 'dashboard up');
    process.stderr.write(`dashboard: ${url}${writable ? '' : ' (read-only)'}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        server.close(() => resolve());
        server.closeAllConnections();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await ctx.close();
    return 0;
  },
};
