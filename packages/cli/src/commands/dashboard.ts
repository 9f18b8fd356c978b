import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { UsageError } from '@quotecheck/shared';
import express from 'express';
import { type Command, parse } from '../args.js';
import { openContext } from '../context.js';

export const dashboardCommand: Command = {
  name: 'dashboard',
  summary: 'web dashboard of the queues (bull-board), read-only unless --writable',
  usage: `
Usage: quotecheck dashboard [--port 3000] [--host 127.0.0.1] [--writable]

Serves bull-board for the poll, fetch, extract and verify queues. It binds to localhost and
is read-only by default: --writable allows retrying, promoting and removing jobs from the page.`,
  async run(argv) {
    const { values } = parse(
      argv,
      { port: { type: 'string' }, host: { type: 'string' }, writable: { type: 'boolean' }, config: { type: 'string' } },
      false,
    );
    const port = Number(values.port ?? 3000);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${values.port} is not a port number`);
    const host = values.host ?? '127.0.0.1';
    const ctx = await openContext({ configFile: values.config });
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath('/');
    createBullBoard({
      queues: Object.values(ctx.queues).map((q) => new BullMQAdapter(q, { readOnlyMode: !values.writable })),
      serverAdapter,
    });
    const app = express();
    app.use('/', serverAdapter.getRouter());
    const server = app.listen(port, host, () => {
      const addr = server.address();
      const actual = typeof addr === 'object' && addr ? addr.port : port;
      ctx.log.info(
        { event: 'dashboard.listening', url: `http://${host}:${actual}/`, readOnly: !values.writable },
        'dashboard up',
      );
      process.stderr.write(`dashboard: http://${host}:${actual}/${values.writable ? '' : ' (read-only)'}\n`);
    });
    await new Promise<void>((resolve) => {
      const stop = () => server.close(() => resolve());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await ctx.close();
    return 0;
  },
};
