import { parentPort, threadId } from 'node:worker_threads';
import { articleFromHtml } from './article/index.js';
import { extractAttributions } from './attribution/index.js';
import type { ThreadReply, ThreadRequest } from './extract-pool.js';

/**
 * One extraction worker thread: reads a page and its attributions for each request it receives and
 * replies with them. It says `ready` once its modules are loaded, so a deadline never counts startup.
 */
const port = parentPort;
if (!port) throw new Error('extract-thread.ts runs only as a worker thread: start it through ExtractPool');

port.on('message', (req: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    const started = performance.now();
    // A logger cannot cross the thread boundary: its debug lines are sent back with the result.
    const debug: [Record<string, unknown>, string][] = [];
    const log = { debug: (fields: Record<string, unknown>, msg?: string) => void debug.push([fields, msg ?? '']) };
    const article = articleFromHtml(req.html, { url: req.url, contentType: req.contentType, log: log as never });
    const attributions = extractAttributions(article);
    reply = { kind: 'done', id: req.id, article, attributions, ms: performance.now() - started, threadId, debug };
  } catch (e) {
    reply = { kind: 'failed', id: req.id, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
port.postMessage({ kind: 'ready' } satisfies ThreadReply);
