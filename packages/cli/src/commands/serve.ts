import { createServer } from 'node:http';
import { ArticleStore } from '@quotecheck/shared';
import { RedisClaimStore, RedisDecisionLog } from '@quotecheck/verify';
import { type Command, parse } from '../args.js';
import { CONFIG_USAGE } from '../config-option.js';
import { openContext } from '../context.js';
import { listen, parsePort } from '../listen.js';
import { createReviewDesk } from '../review-desk/app.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'the review desk: flagged claims with their evidence in a browser, reviewer decisions, queues',
  usage: `
Usage: quotecheck serve [--port 3000] [--host 127.0.0.1] [--writable] [--config FILE]

Serves the review desk from the claim store in Redis:
  /claims            claims, newest first; filters status, flag, speaker, outlet, since, reviewed, q
  /claims/<id>       the statement, its verdicts with their evidence, every occurrence in its
                     article's sentence, the wording variants compared, the reviewers' decisions
  /api/claims[/<id>] the same as JSON
  /queues            the queues (bull-board)
Read-only by default: every request but GET and HEAD answers 405 and nothing is written to Redis.
--writable lets reviewers confirm, reject (with a reason) or note a claim (kept in Redis with
their name and the time; the latest confirm or reject counts), and retry or remove jobs.
Requests whose Host header is not localhost, 127.0.0.1, [::1] or --host, with the port, answer 421.
${CONFIG_USAGE}
No --json: the output is a server; its JSON is under /api/claims.`,
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
    const claims = new RedisClaimStore(ctx.redis, ctx.keys);
    const app = createReviewDesk({
      claims,
      decisions: new RedisDecisionLog(ctx.redis, ctx.keys),
      articles: new ArticleStore(ctx.redis, ctx.keys),
      queues: Object.values(ctx.queues),
      log: ctx.log,
      host,
      port,
      writable,
    });
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/claims`;
    const server = createServer(app);
    try {
      await listen(server, port, host, '--port');
    } catch (e) {
      await ctx.close();
      throw e;
    }
    ctx.log.info({ event: 'serve.listening', url, readOnly: !writable }, 'review desk up');
    process.stderr.write(`review desk: ${url}${writable ? '' : ' (read-only)'}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        server.close(() => resolve());
        server.closeAllConnections();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await claims.close();
    await ctx.close();
    return 0;
  },
};
