import type { ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { type Claim, createRedis, type Redis } from '@quotecheck/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPrefix, waitExit } from './support/cli.js';
import { purgePrefix } from './support/redis-keys.js';
import { HOSTILE_QUOTE, seedReviewDesk, startServe } from './support/review-desk-seed.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = testPrefix('review-desk');
const env = { QUOTECHECK_PREFIX: prefix, REDIS_URL, LOG_LEVEL: 'warn' };
let redis: Redis;
let readOnly: { child: ChildProcess; base: string };
let writable: { child: ChildProcess; base: string };

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request with exactly these headers (fetch would not let a test set Host or Origin). */
function http(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((ok, fail) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: opts.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', fail);
    req.end(opts.body);
  });
}

const json = async <T>(url: string): Promise<T> => JSON.parse((await http(url)).body) as T;

beforeAll(async () => {
  redis = createRedis(REDIS_URL, 'client');
  await seedReviewDesk(redis, prefix);
  [readOnly, writable] = await Promise.all([startServe(env), startServe(env, ['--writable'])]);
}, 240_000);

afterAll(async () => {
  for (const s of [readOnly, writable]) {
    s?.child.kill('SIGTERM');
    if (s) await waitExit(s.child, 30_000);
  }
  await purgePrefix(redis, prefix);
  await redis.quit();
});

async function wishList(base: string): Promise<Claim> {
  const { claims } = await json<{ claims: Claim[] }>(`${base}/api/claims?status=denied&q=wish+list`);
  expect(claims).toHaveLength(1);
  return claims[0]!;
}

describe('quotecheck serve: the review desk over HTTP (real CLI, real Redis, claims from the real verifier)', () => {
  it('lists claims newest first and filters them by status, flag, speaker, outlet, text and since', async () => {
    const all = await json<{ claims: Claim[]; next: string | null }>(`${readOnly.base}/api/claims?limit=200`);
    expect(all.claims.length).toBeGreaterThan(50);
    const times = all.claims.map((c) => Date.parse(c.updatedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const denied = await json<{ claims: Claim[] }>(`${readOnly.base}/api/claims?status=denied`);
    expect(denied.claims.map((c) => c.speaker.name).sort()).toEqual(['Marco Rubio', 'Mike Rounds']);
    const flagged = await json<{ claims: Claim[] }>(`${readOnly.base}/api/claims?flag=second_hand`);
    expect(flagged.claims.some((c) => /wish list/.test(c.canonical))).toBe(true);
    expect(flagged.claims.every((c) => c.flags.includes('second_hand'))).toBe(true);
    const rounds = await json<{ claims: Claim[] }>(`${readOnly.base}/api/claims?speaker=rounds&outlet=example-wire`);
    expect(rounds.claims.length).toBeGreaterThan(0);
    expect(rounds.claims.every((c) => c.occurrences.some((o) => o.outlet === 'example-wire.test'))).toBe(true);
    expect((await json<{ claims: Claim[] }>(`${readOnly.base}/api/claims?since=2099-01-01`)).claims).toEqual([]);

    // paging: two pages of 30 do not overlap and follow the single list
    const p1 = await json<{ claims: Claim[]; next: string }>(`${readOnly.base}/api/claims?limit=30`);
    const p2 = await json<{ claims: Claim[] }>(`${readOnly.base}${p1.next}`);
    expect([...p1.claims, ...p2.claims].map((c) => c.id)).toEqual(all.claims.slice(0, 60).map((c) => c.id));

    const page = await http(`${readOnly.base}/claims?status=denied`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('name="viewport"');
    expect(page.body).toMatch(/<a href="\/claims\/[0-9a-f]+">“wish list”<\/a>/);
    expect(page.body).not.toMatch(/Zelenskyy/);
    expect((await http(`${readOnly.base}/claims?status=bogus`)).status).toBe(400);
  });

  it('shows a claim with its evidence, its occurrences in context and its wording variants', async () => {
    const wish = await wishList(readOnly.base);
    const page = await http(`${readOnly.base}/claims/${wish.id}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('Marco Rubio');
    expect(page.body).toMatch(/blatantly false/);
    expect(page.body).toMatch(/<mark>wish list<\/mark>/);
    expect(page.body).toContain('href="https://www.aljazeera.com/news/2025/11/23/us-ukraine-talks"');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);

    const { claims } = await json<{ claims: Claim[] }>(`${readOnly.base}/api/claims?speaker=rounds&outlet=example-wire`);
    const variant = claims.find((c) => new Set(c.occurrences.map((o) => o.text)).size > 1);
    expect(variant, 'a claim carried in two wordings').toBeDefined();
    const v = await http(`${readOnly.base}/claims/${variant!.id}`);
    expect(v.body).toMatch(/<del>[^<]+<\/del>/);

    const api = await json<{ claim: Claim; review: { latest: null; history: [] } }>(`${readOnly.base}/api/claims/${wish.id}`);
    expect(api.claim.id).toBe(wish.id);
    expect(api.review).toEqual({ latest: null, history: [] });
    expect((await http(`${readOnly.base}/claims/0000000000000000`)).status).toBe(404);
    expect((await http(`${readOnly.base}/api/claims/0000000000000000`)).status).toBe(404);
  });

  it('redirects a merged claim id to the claim it lives on in', async () => {
    const wish = await wishList(readOnly.base);
    await redis.hset(`${prefix}:{claims}:merged`, 'feedface00000000', wish.id);
    const r = await http(`${readOnly.base}/claims/feedface00000000`);
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe(`/claims/${wish.id}`);
    expect((await http(`${readOnly.base}/api/claims/feedface00000000`)).headers.location).toBe(`/api/claims/${wish.id}`);
  });

  it('renders a quotation made of markup as inert text', async () => {
    const { claims } = await json<{ claims: Claim[] }>(`${readOnly.base}/api/claims?q=script`);
    const hostile = claims.find((c) => c.canonical.includes('<script>'));
    expect(hostile, 'the script quotation is a claim').toBeDefined();
    for (const url of [`${readOnly.base}/claims/${hostile!.id}`, `${readOnly.base}/claims?q=script`]) {
      const page = await http(url);
      expect(page.body).not.toContain('<script');
      expect(page.body).toContain('&lt;script&gt;document.title=&quot;owned&quot;&lt;/script&gt;');
    }
    expect(HOSTILE_QUOTE).toContain('<script>');
  });

  it('refuses foreign Host headers (421) and every write when read-only (405), writing nothing', async () => {
    const foreign = await http(`${readOnly.base}/claims`, { headers: { host: 'evil.example:80' } });
    expect(foreign.status).toBe(421);
    const port = new URL(readOnly.base).port;
    expect((await http(`${readOnly.base}/claims`, { headers: { host: `localhost:${port}` } })).status).toBe(200);
    const wish = await wishList(readOnly.base);
    const post = await http(`${readOnly.base}/claims/${wish.id}/decisions`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=confirm&reviewer=x',
    });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    expect((await http(`${readOnly.base}/queues/api/queues`, { method: 'PUT' })).status).toBe(405);
    expect(await redis.exists(`${prefix}:{claims}:rv:${wish.id}`)).toBe(0);
    const page = await http(`${readOnly.base}/claims/${wish.id}`);
    expect(page.body).not.toContain('<form class="decide"');
  });

  it('records decisions only from its own form: CSRF token tied to a cookie, same origin; history kept, latest wins', async () => {
    const wish = await wishList(writable.base);
    const url = `${writable.base}/claims/${wish.id}`;
    const form = await http(url);
    const cookie = String(form.headers['set-cookie']).split(';')[0]!;
    expect(String(form.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const token = /name="csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const post = (body: Record<string, string>, headers: Record<string, string> = {}) =>
      http(`${url}/decisions`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(body).toString(),
      });

    expect((await post({ action: 'confirm', reviewer: 'Mallory' }, { cookie })).status).toBe(403); // no token
    expect((await post({ action: 'confirm', reviewer: 'Mallory', csrf: token })).status).toBe(403); // no cookie
    expect((await post({ action: 'confirm', reviewer: 'Mallory', csrf: `${token}x` }, { cookie })).status).toBe(403);
    const cross = await post({ action: 'confirm', reviewer: 'Mallory', csrf: token }, { cookie, 'sec-fetch-site': 'cross-site' });
    expect(cross.status).toBe(403);
    const evil = await post({ action: 'confirm', reviewer: 'Mallory', csrf: token }, { cookie, origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    expect(await redis.exists(`${prefix}:{claims}:rv:${wish.id}`)).toBe(0);

    const origin = writable.base;
    const noReason = await post({ action: 'reject', reviewer: 'Ana', csrf: token }, { cookie, origin });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatch(/a rejection needs a reason/);

    const reject = await post(
      { action: 'reject', reviewer: 'Ana', text: 'State said <b>false</b>', csrf: token },
      { cookie, origin },
    );
    expect(reject.status).toBe(303);
    expect(reject.headers.location).toBe(`/claims/${wish.id}#review`);
    await post({ action: 'note', reviewer: 'Ben', text: 'asked the senator’s office', csrf: token }, { cookie, origin });

    const api = await json<{
      review: { latest: { action: string; reviewer: string }; history: { action: string; at: string }[] };
    }>(`${writable.base}/api/claims/${wish.id}`);
    expect(api.review.history.map((d) => d.action)).toEqual(['reject', 'note']);
    expect(api.review.latest).toMatchObject({ action: 'reject', reviewer: 'Ana' }); // a note does not override
    await post({ action: 'confirm', reviewer: 'Cleo', csrf: token }, { cookie, 'sec-fetch-site': 'same-origin' });
    const after = await json<{ review: { latest: { action: string } } }>(`${writable.base}/api/claims/${wish.id}`);
    expect(after.review.latest.action).toBe('confirm');

    const page = await http(url, { headers: { cookie } });
    expect(page.body).toContain('State said &lt;b&gt;false&lt;/b&gt;');
    expect(page.body).toMatch(/confirmed by Cleo/);
    const list = await http(`${writable.base}/claims?reviewed=confirmed`);
    expect(list.body).toMatch(/wish list/);
    expect(list.body).toMatch(/confirmed by Cleo/);
    expect((await http(`${writable.base}/claims?reviewed=rejected`)).body).not.toMatch(/wish list/);
  });
});
