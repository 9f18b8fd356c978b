import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import {
  type ArticleStore,
  type Claim,
  ClaimStatus,
  type Logger,
  parseSince,
  type StoredArticle,
  stableId,
  UsageError,
} from '@quotecheck/shared';
import { type ClaimQuery, type ClaimStore, Decision, type DecisionLog, listClaims, resolveClaim } from '@quotecheck/verify';
import type { Queue } from 'bullmq';
import express, { type Request, type Response } from 'express';
import { allowedHosts, Csrf, checkHost, cookie, readOnly, sameOriginWrites } from './guards.js';
import type { SafeHtml } from './html.js';
import { claimPage, listPage, messagePage, type PageEnv } from './pages.js';
import { STYLE_CSS } from './style.js';

/** What the review desk reads and writes. */
export interface ReviewDeskDeps {
  claims: ClaimStore;
  decisions: DecisionLog;
  articles: ArticleStore;
  /** The queues bull-board shows under `/queues`; none, no `/queues`. */
  queues: Queue[];
  log: Logger;
  /** The bound host and port: requests naming any other `Host` answer 421. */
  host: string;
  port: number;
  /** Decisions (and bull-board's job actions) allowed; otherwise every write answers 405. */
  writable: boolean;
}

/** Claims per list page; `?limit=` on the API may ask 1-200. */
const PAGE_SIZE = 50;
const MAX_PAGE = 10_000;
const REVIEWER_COOKIE = 'qc_reviewer';

/** A filter value the list cannot use; answered 400 with its message. */
class BadQuery extends UsageError {}

type Raw = Record<string, string | undefined>;

/** The query string's filters, checked. */
export function parseQuery(raw: Raw): { query: ClaimQuery; page: number } {
  const query: ClaimQuery = {};
  const status = (name: 'status' | 'flag') => {
    const v = raw[name];
    if (!v) return undefined;
    const r = ClaimStatus.safeParse(v);
    if (!r.success) throw new BadQuery(`${name} must be one of ${ClaimStatus.options.join(', ')}`);
    return r.data;
  };
  const s = status('status');
  if (s) query.status = s;
  const f = status('flag');
  if (f) query.flag = f;
  if (raw.reviewed) {
    if (!['confirmed', 'rejected', 'unreviewed', 'reviewed'].includes(raw.reviewed))
      throw new BadQuery('reviewed must be one of confirmed, rejected, reviewed, unreviewed');
    query.reviewed = raw.reviewed as ClaimQuery['reviewed'];
  }
  if (raw.since) {
    try {
      query.sinceMs = parseSince(raw.since, 'since');
    } catch (e) {
      throw new BadQuery((e as Error).message);
    }
  }
  for (const k of ['speaker', 'outlet', 'q'] as const) {
    const v = raw[k]?.trim();
    if (v) query[k] = v.slice(0, 200);
  }
  const page = raw.page ? Number(raw.page) : 1;
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE)
    throw new BadQuery(`page must be a whole number from 1 to ${MAX_PAGE}`);
  return { query, page };
}

/** The string-valued query parameters (a repeated parameter keeps its first value). */
function rawQuery(req: Request): Raw {
  const out: Raw = {};
  for (const [k, v] of Object.entries(req.query)) {
    const first = Array.isArray(v) ? v[0] : v;
    if (typeof first === 'string') out[k] = first;
  }
  return out;
}

/** Security headers of the desk's own pages: no script at all, no framing, no referrer leak. */
function pageHeaders(res: Response): void {
  res.set({
    'content-security-policy':
      "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    // same-origin, not no-referrer: with no-referrer a browser's form POST says "Origin: null"
    'referrer-policy': 'same-origin',
  });
}

function sendPage(res: Response, status: number, page: SafeHtml): void {
  pageHeaders(res);
  res.status(status).type('html').send(page.value);
}

/** The stored articles of a claim's occurrences and evidence, by id. */
async function articlesOf(store: ArticleStore, c: Claim): Promise<Map<string, StoredArticle>> {
  const ids = new Set([...c.occurrences.map((o) => o.articleId), ...c.evidence.map((e) => stableId(e.input))]);
  const out = new Map<string, StoredArticle>();
  await Promise.all(
    [...ids].map(async (id) => {
      const a = await store.get(id).catch(() => null);
      if (a) out.set(id, a);
    }),
  );
  return out;
}

/**
 * The review desk: server-rendered HTML of the claim store (`/claims`, `/claims/<id>`), the same
 * as JSON (`/api/claims`, `/api/claims/<id>`), reviewer decisions when writable, and bull-board
 * under `/queues`. Every request must name this server in `Host`; every write is refused unless
 * writable, and then must come from this site (Origin / Sec-Fetch-Site) with a CSRF token.
 */
export function createReviewDesk(deps: ReviewDeskDeps): express.Express {
  const env: PageEnv = { writable: deps.writable };
  const hosts = allowedHosts(deps.host, deps.port);
  const url = `http://${deps.host.includes(':') ? `[${deps.host}]` : deps.host}:${deps.port}/`;
  const csrf = new Csrf();
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(checkHost(hosts, url));
  if (!deps.writable) app.use(readOnly);
  app.use(sameOriginWrites(hosts));

  if (deps.queues.length) {
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath('/queues');
    createBullBoard({
      queues: deps.queues.map((q) => new BullMQAdapter(q, { readOnlyMode: !deps.writable })),
      serverAdapter,
    });
    app.use('/queues', serverAdapter.getRouter());
  }

  app.get('/', (_req, res) => res.redirect(302, '/claims'));
  app.get('/style.css', (_req, res) => {
    res.set('cache-control', 'max-age=300').type('css').send(STYLE_CSS);
  });

  const list = async (req: Request) => {
    const raw = rawQuery(req);
    const { query, page } = parseQuery(raw);
    const limit = raw.limit ? Number(raw.limit) : PAGE_SIZE;
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new BadQuery('limit must be a whole number from 1 to 200');
    const started = performance.now();
    const result = await listClaims(deps.claims, deps.decisions, query, page, limit);
    return { raw, result, ms: performance.now() - started };
  };

  app.get('/claims', async (req, res) => {
    try {
      const { raw, result, ms } = await list(req);
      res.set('server-timing', `list;dur=${ms.toFixed(1)}`);
      sendPage(res, 200, listPage(result, raw, env, ms));
    } catch (e) {
      if (e instanceof BadQuery) return sendPage(res, 400, messagePage('Bad filter', e.message, env));
      throw e;
    }
  });

  app.get('/api/claims', async (req, res) => {
    try {
      const { raw, result, ms } = await list(req);
      res.set('server-timing', `list;dur=${ms.toFixed(1)}`);
      res.json({
        claims: result.claims.map((c) => ({ ...c, review: result.decisions.get(c.id) ?? null })),
        page: result.page,
        pageSize: result.pageSize,
        next: result.more
          ? `/api/claims?${new URLSearchParams({ ...raw, page: String(result.page + 1) } as Record<string, string>)}`
          : null,
      });
    } catch (e) {
      if (e instanceof BadQuery) return void res.status(400).json({ error: e.message });
      throw e;
    }
  });

  /** The claim an id names, or a redirect to the one it was merged into; null when answered already. */
  const lookup = async (req: Request, res: Response, base: string): Promise<Claim | null> => {
    const id = String(req.params.id);
    const c = await resolveClaim(deps.claims, id);
    if (!c) {
      // A claim swept to the archive is gone from Redis, not unknown: say where it is.
      const [file] = await deps.claims.archivedIn([id]);
      const why = file
        ? `Claim ${id} was moved to the claim archive (${file}); quotecheck export --archive reads it.`
        : `There is no claim ${id}.`;
      if (base === '/api/claims')
        res.status(404).json({ error: file ? why : `no claim ${id}`, ...(file ? { archived: file } : {}) });
      else sendPage(res, 404, messagePage(file ? 'Archived claim' : 'No such claim', why, env));
      return null;
    }
    if (c.id !== id) {
      res.redirect(301, `${base}/${encodeURIComponent(c.id)}`);
      return null;
    }
    return c;
  };

  const showClaim = async (req: Request, res: Response, status = 200, message?: string) => {
    const c = await lookup(req, res, '/claims');
    if (!c) return;
    const [articles, history, latest] = await Promise.all([
      articlesOf(deps.articles, c),
      deps.decisions.history(c.id),
      deps.decisions.latest([c.id]),
    ]);
    const extra: { csrfToken?: string; reviewer?: string; message?: string } = {};
    if (deps.writable) {
      extra.csrfToken = csrf.token(csrf.secret(req, res));
      extra.reviewer = cookie(req, REVIEWER_COOKIE) ?? '';
    }
    if (message) extra.message = message;
    sendPage(res, status, claimPage(c, articles, history, latest.get(c.id), { ...env, ...extra }));
  };

  app.get('/claims/:id', (req, res) => showClaim(req, res));

  app.get('/api/claims/:id', async (req, res) => {
    const c = await lookup(req, res, '/api/claims');
    if (!c) return;
    const [history, latest] = await Promise.all([deps.decisions.history(c.id), deps.decisions.latest([c.id])]);
    res.json({ claim: c, review: { latest: latest.get(c.id) ?? null, history } });
  });

  if (deps.writable) {
    app.post('/claims/:id/decisions', express.urlencoded({ extended: false, limit: '16kb' }), async (req, res) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      if (!csrf.verify(req, body.csrf)) {
        res
          .status(403)
          .type('text/plain')
          .send(
            'the form has no valid CSRF token (expired after a restart, or not sent from this site): reload the page and try again\n',
          );
        return;
      }
      const c = await resolveClaim(deps.claims, String(req.params.id));
      if (!c) return void sendPage(res, 404, messagePage('No such claim', `There is no claim ${String(req.params.id)}.`, env));
      const parsed = Decision.safeParse({
        claimId: c.id,
        action: body.action,
        text: typeof body.text === 'string' && body.text.trim() ? body.text.trim() : undefined,
        reviewer: body.reviewer,
        at: new Date().toISOString(),
      });
      if (!parsed.success) {
        const why = parsed.error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`).join('; ');
        return showClaim(req, res, 400, `Not recorded: ${why}.`);
      }
      const d = await deps.decisions.record(parsed.data);
      deps.log.info({ event: 'claim.reviewed', claimId: c.id, action: d.action }, 'reviewer decision recorded');
      res.append(
        'set-cookie',
        `${REVIEWER_COOKIE}=${encodeURIComponent(d.reviewer)}; Path=/; Max-Age=31536000; SameSite=Strict; HttpOnly`,
      );
      res.redirect(303, `/claims/${encodeURIComponent(c.id)}#review`);
    });
  }

  app.use((_req: Request, res: Response) => sendPage(res, 404, messagePage('Not found', 'There is no such page.', env)));
  app.use((err: unknown, _req: Request, res: Response, _next: express.NextFunction) => {
    deps.log.error({ event: 'serve.failed', err, reason: (err as Error)?.message }, 'review desk request failed');
    if (!res.headersSent) res.status(500).type('text/plain').send('the review desk failed on this request: see its log\n');
  });
  return app;
}
