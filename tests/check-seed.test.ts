import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, runCli } from './support/cli.js';

const SEED = resolve(CORPUS, 'seed/aljazeera-2025-11-23-geneva-talks.txt');

interface CheckLine {
  canonical: string;
  speaker: { name: string | null };
  status: string;
  flags: string[];
  occurrences: { input: string; start: number; end: number; text: string; type: string }[];
  evidence: { flag?: string; rule: string; sentence: string; note?: string }[];
}

describe('quotecheck check on the seed article (real extractor, real CLI)', () => {
  it('surfaces the disputed "wish list" attribution and Rounds’s disputed account', async () => {
    const r = await runCli(['check', '--json', SEED]);
    expect(r.code).toBe(0);
    const claims: CheckLine[] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const wish = claims.find((c) => /wish list/i.test(c.canonical));
    expect(wish, 'a claim for “wish list”').toBeDefined();
    expect(wish!.speaker.name).toMatch(/Rubio/);
    expect(wish!.flags).toEqual(expect.arrayContaining(['second_hand', 'denied', 'contradicted']));
    expect(wish!.status).toBe('denied');
    expect(
      wish!.evidence.some((e) => e.flag === 'denied' && /blatantly false/.test(e.sentence) && /State/.test(e.note ?? '')),
    ).toBe(true);
    expect(wish!.evidence.some((e) => e.flag === 'contradicted' && /authored by the US/.test(e.sentence))).toBe(true);
    const someone = claims.find((c) => /someone … representing Russia/.test(c.canonical));
    expect(someone?.speaker.name).toMatch(/Rounds/);
    expect(someone?.flags).toContain('denied');
    expect(someone?.evidence.some((e) => e.flag === 'denied' && /blatantly false/.test(e.sentence))).toBe(true);
    // Offsets index the file as read, like `quotecheck extract`.
    const text = (await import('node:fs')).readFileSync(SEED, 'utf8');
    for (const o of wish!.occurrences) expect(text.slice(o.start, o.end)).toBe(o.text);
  });

  it('prints a readable listing without --json', async () => {
    const r = await runCli(['check', SEED]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\[denied\] “wish list” — Marco Rubio/m);
  });
});
