/**
 * Attribution accuracy, measured the way everyone measures it: the shared scorer runs the real
 * `quotecheck extract --json` over the seed article, our dev goldset (eval/goldset) and PolNeAR dev, and each figure must stay
 * within 0.01 of what the extractor reached when these pins were set (docs/accuracy.md).
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS, EVAL, REPO_ROOT } from './support/cli.js';

const SCORER = resolve(EVAL, 'score.py');
const SEED_TEXT = resolve(CORPUS, 'seed/aljazeera-2025-11-23-geneva-talks.txt');
const SEED_GOLD = resolve(CORPUS, 'seed/aljazeera-2025-11-23-geneva-talks.quotes.jsonl');
const GOLDSET = resolve(REPO_ROOT, 'eval/goldset/MANIFEST.tsv');
const TOLERANCE = 0.01;

/** Figures reached when pinned; a drop of more than TOLERANCE fails. */
const PINNED = {
  // Seed P 0.978 (was 1.000) since one record per paragraph (issue 10 item 4): the gold line for
  // a two-paragraph quotation holds both paragraphs, so the second paragraph's own record is too
  // short to match it. Issue 10's floor for the seed is 0.95.
  seed: { P: 0.978, R: 0.978, speaker_acc: 1.0 },
  // Our own dev goldset (eval/goldset: first 14 hand-labelled pages, 216 quotations; issue 10 item 6),
  // after pronoun agreement, salience and appositive chains (speaker accuracy 0.856 -> 0.917),
  // `"…?" X asked` credited to X (0.917 -> 0.922), "the statement said" to its issuer (0.927),
  // offices, ministries and appositive spokespeople (0.951); terms, headings and slogans are not
  // quotations (quote F1 0.938 -> 0.969); a straight mark closed by a curly one (0.972, 0.956);
  // with the cue and clause work (pronoun contractions, colon labels): F1 0.969, speaker 0.961.
  // Round 2 (branch acc-round2): a lone quotation waits for "Trump said." after it, a relative
  // introduced by a kinship noun is not the bare surname, a straight opening ends a curly
  // quotation closed by a straight mark, "said X who …", "begged", "went on": F1 0.981, speaker 0.967.
  // Eight more pages (22 pages, 369 quotations), labelled blind to the extractor: on them alone
  // speaker 0.836 before this round's first names and surnames, 0.881 after (the 14 older pages
  // stay at F1 0.981, speaker 0.972); together F1 0.958, speaker 0.936. Eight more, labelled blind
  // after that round (30 pages, 508 quotations): on them speaker 0.893, F1 0.935; all F1 0.952,
  // speaker 0.925. "the trust" read back to its name, suffixes no surname: speaker 0.932. A third
  // eight, labelled blind after all that (38 pages, 626 quotations): on them speaker 0.871, F1
  // 0.914; all F1 0.945, speaker 0.921. Photo credits are no people: speaker 0.924. An answer
  // after a quoted question ("X asked “…?” Y responded that “…”") is Y's: 0.926. A fourth eight,
  // labelled blind (46 pages, 779 quotations): on them speaker 0.913, F1 0.942; after the rules they
  // prompted, all F1 0.945, speaker 0.927. A fifth eight, labelled blind (54 pages, 977
  // quotations): on them speaker 0.937, F1 0.923; after its rules all F1 0.944, speaker 0.931.
  // "prompted X to quip" is X's: speaker 0.932; a report after a semicolon is kept: F1 0.945.
  // "the company" read back to a firm named with a firm's word (Boeing Co., Apple Inc.): 0.935.
  // People named by their work ("said the designer"): F1 0.947, speaker 0.934. The speaker fixes
  // of 2026-12-03 (evening): speaker 0.948. Descriptors and descriptions after a quotation, "Mr"
  // without a stop, sentence ends before a capitalised quotation, "read", "weighed in" (2026-12-03,
  // later): F1 0.958, speaker 0.950. A sixth batch of twelve pages (66 pages, 1,343 quotations),
  // labelled blind on 2026-12-03: on them F1 0.924, speaker 0.770 (0.848 without the one page
  // whose 32 speakers are anonymous people given by role, "an Iowa Republican", which the
  // extractor names by role only and the scorer counts as wrong); after the rules they prompted,
  // F1 0.930, speaker 0.813 (0.895). All 66 pages: F1 0.951, speaker 0.914. Those anonymous people
  // named by their description ("New Hampshire Republican", 2026-12-04): speaker 0.937; "one GOP
  // operative", "a close Trump associate" too: 0.940.
  goldset: { F1: 0.95, speaker_acc: 0.93 },
  // After the closed stance list, determiner nouns and the outermost frame (issue 10 items 3-5).
  // `"…?" X asked` credited to X: source accuracy 0.907 -> 0.910, content+source 0.655 -> 0.658.
  // Cue and clause work (contractions, main clause after a subordinate one, "speak" needs a topic,
  // colon labels, new cue verbs; docs/accuracy.md) with the speakers work (chanted slogans are not
  // quotations: direct R -0.003): content F1 0.723 -> 0.730, source 0.910 -> 0.914, direct P
  // 0.958 -> 0.961 R 0.867 -> 0.875, indirect precision 0.858 -> 0.866.
  // Round 2: mixed curly/straight marks and "as X put it": content F1 0.730 -> 0.732, source
  // 0.914 -> 0.915, content+source 0.668 -> 0.670, direct R 0.875 -> 0.880, indirect P 0.868.
  // Precision/recall round (docs/accuracy.md): scene adverbials, inverted and described sources,
  // time adjuncts, document subjects of evidence cues, title-case headlines: content F1 0.732 ->
  // 0.738, source 0.915 -> 0.917, content+source 0.670 -> 0.676, direct P 0.961 -> 0.962 R 0.880
  // -> 0.883, indirect P 0.868 -> 0.870.
  // Doubled ASCII marks (''…'', the NYT texts of PolNeAR) are quotations: content F1 0.738 ->
  // 0.741, source 0.917 -> 0.921, content+source 0.676 -> 0.683. The scorer's direct row counts
  // only gold contents holding a double-character mark ("“”«»…), so those quotations, right as
  // they are, count against it there: direct P 0.962 -> 0.826 (R unchanged); 68 right indirect
  // predictions became direct ones, so indirect P 0.870 -> 0.862 with the same wrong ones (~136).
  // `byType` pins what the direct row no longer shows: the share of direct and mixed predictions
  // that overlap a gold attribution (0.986 / 0.980 before, 0.987 / 0.964 after). Then infinitives
  // in "that" clauses, "Never …" and "<place> the …" as no subjects: content+source 0.682, direct
  // P 0.827. The rounds of 2026-12-03 (docs/accuracy.md): content F1 0.746, source 0.924,
  // content+source 0.690, direct P 0.826 R 0.893, indirect P 0.867. The speakers round of
  // 2026-12-03 (night): content F1 0.747, indirect P 0.870; a quotation opened by a named person's
  // report inside another's content now goes to that person, a few of them as fragments: direct
  // P 0.825 R 0.891. Transcript turns ("PENCE: Well, look, …", 2026-12-04): content F1 0.748 ->
  // 0.752, content+source 0.691 -> 0.695, direct R 0.891 -> 0.894; a turn is the speaker's
  // verbatim words, so it is direct, but the scorer's direct row counts a gold turn as direct only
  // when its words hold a quotation mark, so direct P 0.825 -> 0.813 with every turn right. A
  // title with a comma inside its closing mark (“This Week,” “Face the Nation,”) is a title: direct
  // P 0.813 -> 0.818, R 0.894 -> 0.893, indirect P 0.872 -> 0.868: five dev records whose only
  // quotation was such a title moved from mixed to indirect ("In an interview on CBS's “Face the
  // Nation,”"), with what they were right or wrong about unchanged.
  dev: {
    content_f1: 0.752,
    source_acc: 0.924,
    content_source_f1: 0.695,
    direct_p: 0.818,
    direct_r: 0.893,
    indirect_p: 0.868,
  },
  devByType: { direct: 0.987, mixed: 0.964, indirect: 0.862 },
};

function score(args: string[]): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn('python3', [SCORER, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done(out) : fail(new Error(`score.py ${args.join(' ')} exited ${code}\n${err.slice(-2000)}`)),
    );
  });
}

function lastLine(out: string): string {
  const lines = out.trim().split('\n');
  return lines[lines.length - 1] ?? '';
}

function expectAtLeast(label: string, got: number | undefined, pinned: number): void {
  expect(got, `${label} missing from the scorer summary`).toBeTypeOf('number');
  expect(got as number, `${label} fell from ${pinned} to ${got}`).toBeGreaterThanOrEqual(pinned - TOLERANCE);
}

describe('attribution accuracy (shared scorer, real CLI)', () => {
  it('keeps the seed article figures', { timeout: 300_000 }, async () => {
    const line = lastLine(await score(['gold', SEED_GOLD, SEED_TEXT]));
    const m = /quotes P ([\d.]+) R ([\d.]+) F1 [\d.]+ speaker_acc ([\d.]+)/.exec(line);
    expect(m, `unexpected summary: ${line}`).not.toBeNull();
    expectAtLeast('seed quote precision', Number(m?.[1]), PINNED.seed.P);
    expectAtLeast('seed quote recall', Number(m?.[2]), PINNED.seed.R);
    expectAtLeast('seed speaker accuracy', Number(m?.[3]), PINNED.seed.speaker_acc);
  });

  it('keeps the dev goldset figures (quote F1 and speaker accuracy)', { timeout: 300_000 }, async () => {
    const line = lastLine(await score(['goldset', GOLDSET]));
    const m = /^MANIFEST\.tsv: quotes P [\d.]+ R [\d.]+ F1 ([\d.]+) speaker_acc ([\d.]+)/.exec(line);
    expect(m, `unexpected summary: ${line}`).not.toBeNull();
    expectAtLeast('goldset quote F1', Number(m?.[1]), PINNED.goldset.F1);
    expectAtLeast('goldset speaker accuracy', Number(m?.[2]), PINNED.goldset.speaker_acc);
  });

  it('keeps the PolNeAR dev figures', { timeout: 600_000 }, async () => {
    const out = await score(['polnear', '--split', 'dev']);
    const line = lastLine(out);
    expect(line.startsWith('polnear-dev:'), `unexpected summary: ${line}`).toBe(true);
    const got = Object.fromEntries([...line.matchAll(/(\w+)=([\d.]+)/g)].map((m) => [m[1], Number(m[2])]));
    for (const [key, pinned] of Object.entries(PINNED.dev)) expectAtLeast(`dev ${key}`, got[key], pinned);
    const byType = /precision by predicted type[^:]*: (.*)/.exec(out)?.[1] ?? '';
    for (const [type, pinned] of Object.entries(PINNED.devByType)) {
      const m = new RegExp(`\\b${type} ([\\d.]+) of`).exec(byType);
      expectAtLeast(`dev precision of ${type} predictions`, m ? Number(m[1]) : undefined, pinned);
    }
  });
});
