import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRedis, type Redis } from '@quotecheck/shared';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, testPrefix, waitExit } from './support/cli.js';
import { purgePrefix } from './support/redis-keys.js';
import { seedReviewDesk, startServe } from './support/review-desk-seed.js';

/** Debian's Chromium (`.ci/run` installs it with apt-get); never a downloaded browser. */
const CHROMIUM = '/usr/bin/chromium';
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = testPrefix('review-browser');
const env = { QUOTECHECK_PREFIX: prefix, REDIS_URL, LOG_LEVEL: 'warn' };
/** Set QUOTECHECK_SCREENSHOT=1 to rewrite docs/review-desk-seed.png from this run. */
const SHOT = process.env.QUOTECHECK_SCREENSHOT === '1' ? resolve(REPO_ROOT, 'docs/review-desk-seed.png') : null;
let redis: Redis;
let serve: { child: ChildProcess; base: string };
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (as .ci/run does)`);
  redis = createRedis(REDIS_URL, 'client');
  await seedReviewDesk(redis, prefix);
  serve = await startServe(env, ['--writable']);
  // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  serve?.child.kill('SIGTERM');
  if (serve) await waitExit(serve.child, 30_000);
  await purgePrefix(redis, prefix);
  await redis.quit();
});

describe('the review desk in a real browser (Debian Chromium, no JavaScript needed)', () => {
  it('lists, filters to denied, opens the seed dispute, records a decision and still shows it after a reload', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false, viewport: { width: 1000, height: 900 } });
    await page.goto(`${serve.base}/claims`);
    expect(await page.locator('ol.claims li').count()).toBeGreaterThan(40);

    await page.selectOption('select[name=status]', 'denied');
    await page.click('button:has-text("Filter")');
    await page.waitForURL(/status=denied/);
    expect(await page.locator('ol.claims li').count()).toBe(2);

    await page.click('a:has-text("wish list")');
    await page.waitForURL(/\/claims\/[0-9a-f]+$/);
    await expect(page.locator('h1').textContent()).resolves.toBe('“wish list”');
    const evidence = await page.locator('#verdicts ~ .card').allTextContents();
    expect(evidence.some((t) => /denied/.test(t) && /blatantly false/.test(t))).toBe(true);
    expect(await page.locator('mark', { hasText: 'wish list' }).count()).toBeGreaterThan(0);

    await page.fill('input[name=reviewer]', 'Ana Reviewer');
    await page.check('input[name=action][value=reject]');
    await page.fill('textarea[name=text]', 'The State Department called the account blatantly false.');
    await page.click('button:has-text("Record decision")');
    await page.waitForURL(/#review$/);
    await page.reload();
    expect(await page.locator('ul.history li').allTextContents()).toEqual([
      expect.stringMatching(/^rejected by Ana Reviewer, .*: The State Department called the account blatantly false\.$/),
    ]);
    expect(await page.locator('.badge.r-rejected').textContent()).toBe('rejected by Ana Reviewer');
    // the form remembers who is reviewing
    expect(await page.inputValue('input[name=reviewer]')).toBe('Ana Reviewer');

    if (SHOT) await page.screenshot({ path: SHOT, fullPage: true });
    await page.close();
  }, 120_000);

  it('reads on a phone: nothing wider than the screen', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 }, isMobile: true });
    for (const path of ['/claims', '/claims?status=denied']) {
      await page.goto(`${serve.base}${path}`);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    }
    await page.click('a:has-text("wish list")');
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.close();
  }, 60_000);
});
