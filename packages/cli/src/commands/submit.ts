import { pathToFileURL } from 'node:url';
import {
  assertSafeUrl,
  canonicalUrl,
  extractJobId,
  fetchJobId,
  HostAllowlist,
  handToExtraction,
  RawStore,
  SeenSet,
  UnsafeUrlError,
} from '@quotecheck/ingest';
import {
  CATALOG,
  clampText,
  type FetchJob,
  MAX_ID_CHARS,
  MAX_URL_CHARS,
  QuotecheckError,
  stableId,
  UsageError,
} from '@quotecheck/shared';
import type { Queue } from 'bullmq';
import { type Command, parse } from '../args.js';
import { CONFIG_USAGE } from '../config-option.js';
import { type AppContext, openContext } from '../context.js';
import { FileAccessError, readError } from '../file-errors.js';
import { isTextInput, isUrl, readInputBytes, resolveInput } from '../inputs.js';

/** One submitted input and the job that now carries it. */
export interface Submitted {
  input: string;
  /** `fetch` for a URL (the fetch stage downloads it), `extract` for a local file (stored as fetched). */
  queue: 'fetch' | 'extract';
  jobId: string;
  articleId: string;
  canonicalUrl: string;
  /** True when the URL was already in the seen-set (fed by a feed or an earlier submit): processed again anyway. */
  seen: boolean;
}

/** A submitted input that cannot go into the pipeline; the message says why and what to do. */
export class SubmitError extends QuotecheckError {}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * A plain-text article as the HTML page it stands for: each non-blank line one `<p>`, as
 * `quotecheck check` and `extract` read a `.txt` (one paragraph per line). The extract stage only
 * reads pages; on the seed article this gives the same 69 non-blank paragraphs, same text.
 */
export function textAsHtml(text: string): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPES[c]!);
  const paragraphs = text
    .replace(/^\ufeff/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => `<p>${esc(l)}</p>`);
  return `<!doctype html>\n<html><head><meta charset="utf-8"></head><body><article>\n${paragraphs.join('\n')}\n</article></body></html>\n`;
}

/**
 * Removes a finished (completed or failed) job so the same id can be added again. BullMQ ignores
 * an `add` whose id exists, and finished jobs are kept (`retention.completedJobs`): without this a
 * URL processed once would never be processed again by hand. A waiting or active job is left as
 * it is: it will process the input anyway.
 */
async function clearFinished(queue: Queue, jobId: string): Promise<void> {
  const job = await queue.getJob(jobId);
  if (!job) return;
  const state = await job.getState();
  if (state === 'completed' || state === 'failed') await job.remove();
}

/**
 * Puts one URL into the pipeline exactly as a feed item would go (a fetch job with the fetch
 * stage's job id, `feedId: null`), after the checks a feed item gets (http/https, length, no
 * private address literal unless allowlisted). Marks it seen so a feed carrying it later does not
 * fetch it again; an already-seen URL is fetched again: asking by hand is asking for it.
 */
export async function submitUrl(ctx: AppContext, url: string, outlet?: string): Promise<Submitted> {
  if (url.length > MAX_URL_CHARS)
    throw new SubmitError(`the URL has ${url.length} characters; URLs over ${MAX_URL_CHARS} are not fetched`);
  try {
    assertSafeUrl(url, new HostAllowlist(ctx.config.fetch.allowHosts));
  } catch (e) {
    // its message already says what to do (fetch.allowHosts)
    if (e instanceof UnsafeUrlError) throw new SubmitError(e.message);
    throw e;
  }
  const canonical = canonicalUrl(url);
  if (!canonical) throw new SubmitError('not a URL: give an absolute http(s) URL');
  const articleId = stableId(canonical);
  const jobId = fetchJobId(canonical);
  const [seen] = await new SeenSet(ctx.redis, ctx.keys).has([canonical]);
  await clearFinished(ctx.queues.fetch, jobId);
  await clearFinished(ctx.queues.extract, extractJobId(articleId));
  const data: FetchJob = { url, canonicalUrl: canonical, feedId: null, ...(outlet ? { outlet } : {}) };
  await ctx.queues.fetch.add(CATALOG.fetch.job, CATALOG.fetch.schema.parse(data), { jobId });
  await new SeenSet(ctx.redis, ctx.keys).claim([canonical]);
  return { input: url, queue: 'fetch', jobId, articleId, canonicalUrl: canonical, seen: seen === true };
}

/**
 * Puts one local `.html`/`.html.gz`/`.txt` file into the pipeline as the fetch stage leaves a
 * fetched page: raw page stored (compressed, under retention), then an extract job with the
 * extract stage's job id. The article's identity is the file's `file://` URL, so submitting the
 * same file again replaces its article; its outlet is `--outlet`, else "file".
 */
export async function submitFile(ctx: AppContext, input: string, outlet?: string): Promise<Submitted> {
  const bytes = await readInputBytes(input).catch((e: unknown) => {
    throw readError(input, e);
  });
  const body = isTextInput(input) ? new TextEncoder().encode(textAsHtml(new TextDecoder('utf-8').decode(bytes))) : bytes;
  const url = pathToFileURL(resolveInput(input)).href;
  if (url.length > MAX_URL_CHARS) throw new SubmitError(`its path is longer than ${MAX_URL_CHARS} characters: move it`);
  // A finished extract job with this id would make BullMQ skip the add: submitting by hand means
  // "do it again".
  await clearFinished(ctx.queues.extract, extractJobId(stableId(url)));
  const raw = new RawStore(ctx.redis, ctx.keys, ctx.config.retention.rawHtmlMs);
  const { articleId, jobId } = await handToExtraction(
    { raw, extractQueue: ctx.queues.extract },
    {
      url,
      canonicalUrl: url,
      feedId: null,
      body,
      contentType: 'text/html; charset=utf-8',
      published: null,
      ...(outlet ? { outlet } : {}),
    },
  );
  return { input, queue: 'extract', jobId, articleId, canonicalUrl: url, seen: false };
}

export const submitCommand: Command = {
  name: 'submit',
  summary: 'put articles (URLs or local .html/.txt files) into the running pipeline by hand',
  usage: `
Usage: quotecheck submit [--outlet NAME] [--json] [--config FILE] FILE|URL...

Hands each input to the workers of \`quotecheck run\` (in this or any process on the same Redis)
and prints the id of the job that carries it, one line per input; it does not wait.
  URL    a fetch job, exactly as a feed item gets one (same safe fetch, politeness, retries);
         a URL already fetched (seen) is fetched and checked again
  FILE   .html, .html.gz or .txt (one paragraph per line): stored as a fetched page would be,
         then an extract job
  --outlet NAME   the outlet to file the articles under (default: the URL's host; "file" for files)
  --json          one JSON line per input: input, queue, jobId, articleId, canonicalUrl, seen
${CONFIG_USAGE}
Follow them with \`quotecheck status\`; their claims appear in \`quotecheck serve\` and \`export\`.
Exit 1 when an input could not be submitted (the others still are).`,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      outlet: { type: 'string' },
      json: { type: 'boolean' },
      config: { type: 'string' },
    });
    if (!positionals.length) throw new UsageError('submit needs at least one FILE or URL');
    const outlet = values.outlet?.trim();
    if (values.outlet !== undefined && (!outlet || outlet.length > MAX_ID_CHARS))
      throw new UsageError(`--outlet must be a name of 1 to ${MAX_ID_CHARS} characters`);
    const ctx = await openContext({ configFile: values.config });
    let failed = 0;
    try {
      for (const input of positionals) {
        try {
          const s = isUrl(input) ? await submitUrl(ctx, input, outlet) : await submitFile(ctx, input, outlet);
          ctx.log.info(
            { event: 'article.submitted', articleUrl: s.canonicalUrl, jobId: s.jobId, queue: s.queue, seen: s.seen },
            'article submitted',
          );
          process.stdout.write(
            values.json
              ? `${JSON.stringify(s)}\n`
              : `${s.queue}\t${s.jobId}\t${input}${s.seen ? '\t(seen before: fetched again)' : ''}\n`,
          );
        } catch (e) {
          if (!(e instanceof QuotecheckError)) throw e;
          process.stderr.write(`quotecheck: ${e instanceof FileAccessError ? '' : `${clampText(input, 300)}: `}${e.message}\n`);
          failed++;
        }
      }
    } finally {
      await ctx.close();
    }
    return failed ? 1 : 0;
  },
};
