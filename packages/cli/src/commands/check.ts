import { basename, dirname } from 'node:path';
import { extractAttributions } from '@quotecheck/extract';
import { type Article, type Claim, outletOf, stableId, UsageError } from '@quotecheck/shared';
import { MemoryClaimStore, Verifier } from '@quotecheck/verify';
import { type Command, parse } from '../args.js';
import { useConfigFile } from '../config-option.js';
import { collectInputs, INPUT_LIST_OPTIONS, INPUT_LIST_USAGE, parseJobs, runInputList } from '../input-list.js';
import { isUrl, resolveInput } from '../inputs.js';
import { loadArticle, noAttributions } from './extract.js';

const OUTLET_RULES = ['auto', 'path', 'dirname', 'prefix'] as const;
type OutletRule = (typeof OUTLET_RULES)[number];

/**
 * The outlet of an input. URLs (and pages that name their URL) use the host. Files use the rule:
 * `path` (default) makes each file its own outlet; `dirname` uses the folder name; `prefix` the
 * file name up to its first "_" (for collections named `outlet_date_slug.txt`).
 */
export function outletFor(input: string, article: Article, rule: OutletRule): string {
  if (isUrl(input)) return outletOf(input);
  if (rule === 'dirname') return basename(dirname(resolveInput(input)));
  if (rule === 'prefix') {
    const base = basename(input);
    const i = base.indexOf('_');
    return i > 0 ? base.slice(0, i) : base.replace(/\.[^.]+$/, '');
  }
  if (rule === 'auto' && article.url) return outletOf(article.url);
  return input;
}

/** One claim cluster as `check --json` prints it. */
export function checkRecord(c: Claim) {
  return {
    id: c.id,
    canonical: c.canonical,
    speaker: c.speaker,
    status: c.status,
    flags: c.flags,
    independentSources: c.independentSources,
    outlets: [...new Set(c.occurrences.map((o) => o.outlet))].length,
    occurrences: c.occurrences.map((o) => ({
      input: o.input,
      outlet: o.outlet,
      start: o.start,
      end: o.end,
      text: o.text,
      speaker: o.speaker,
      ...(o.reportedBy ? { reportedBy: o.reportedBy } : {}),
      type: o.type,
      fidelity: o.fidelity,
      meaningChanged: o.meaningChanged,
    })),
    evidence: c.evidence,
  };
}

function readable(c: Claim): string {
  const who = c.speaker.name ?? '(unknown speaker)';
  const lines = [
    `[${c.status}] “${c.canonical.replace(/\s+/g, ' ')}” — ${who}${c.flags.length > 1 ? `  (flags: ${c.flags.join(', ')})` : ''}`,
  ];
  for (const o of c.occurrences)
    lines.push(
      `    ${o.input}:${o.start}-${o.end}  ${o.speaker.name ?? '?'}${o.reportedBy ? ` via ${o.reportedBy.name ?? '?'}` : ''}  ${o.fidelity}${o.meaningChanged ? ' (meaning changed)' : ''}`,
    );
  for (const e of c.evidence)
    if (e.flag !== 'single_source' && e.flag !== 'corroborated')
      lines.push(`    ! ${e.flag}/${e.rule}: ${e.sentence.replace(/\s+/g, ' ')}${e.note ? `  — ${e.note}` : ''}`);
  return lines.join('\n');
}

export const checkCommand: Command = {
  name: 'check',
  summary: 'extract and verify articles in one go, without Redis: one line per claim',
  usage: `
Usage: quotecheck check [--json] [--outlet-from auto|path|dirname|prefix] [--min-outlets N] [--from FILE] [--jobs N] [--config FILE]
                        FILE|URL...

Extracts the attributions of every input, clusters the quotations across them (one claim per
quotation and speaker) and prints each claim with its status, flags, occurrences and evidence.
  --json             one JSON line per claim: id, canonical, speaker, status, flags, occurrences
                     [{input, start, end, text, speaker, type, ...}], evidence (offsets as in extract)
  --outlet-from R    outlet of a file input (URLs always use their host):
                       auto (default) the page's own URL host when it names one, else the path
                       path     each file is its own outlet
                       dirname  the name of the file's folder
                       prefix   the file name up to its first "_"
  --min-outlets N    print only claims carried by at least N outlets
${INPUT_LIST_USAGE}
Independent sources: one outlet is one source, and copies of one wire story count once.`,
  async run(argv) {
    const { values, positionals } = parse(argv, {
      json: { type: 'boolean' },
      'outlet-from': { type: 'string', default: 'auto' },
      'min-outlets': { type: 'string', default: '1' },
      ...INPUT_LIST_OPTIONS,
    });
    const rule = values['outlet-from'] as OutletRule;
    if (!OUTLET_RULES.includes(rule)) throw new UsageError(`--outlet-from must be one of ${OUTLET_RULES.join(', ')}`);
    const minOutlets = Number(values['min-outlets']);
    if (!Number.isInteger(minOutlets) || minOutlets < 1) throw new UsageError('--min-outlets must be a positive integer');
    useConfigFile(values.config);
    const inputs = await collectInputs('check', positionals, values.from);
    const jobs = parseJobs(values.jobs);
    const store = new MemoryClaimStore();
    const verifier = new Verifier(store);
    // Articles are read and extracted in parallel but verified in the order of the inputs, so the
    // claims (their ids, canonical wordings and order) are those of a serial run.
    const failed = await runInputList(
      inputs,
      jobs,
      async (input) => {
        const article = await loadArticle(input);
        return { article, attributions: extractAttributions(article) };
      },
      async (input, { article, attributions }, progress) => {
        if (!attributions.length) progress.note(noAttributions(input));
        await verifier.addArticle({
          id: stableId(input),
          input,
          outlet: outletFor(input, article, rule),
          published: article.published,
          text: article.text,
          paragraphs: article.paragraphs,
          byline: article.byline,
          attributions,
        });
      },
    );
    const out: string[] = [];
    let printed = 0;
    for (const c of store.all()) {
      if (new Set(c.occurrences.map((o) => o.outlet)).size < minOutlets) continue;
      printed++;
      out.push(values.json ? JSON.stringify(checkRecord(c)) : readable(c));
      if (out.length >= 1000) {
        process.stdout.write(`${out.join('\n')}\n`);
        out.length = 0;
      }
    }
    if (out.length) process.stdout.write(`${out.join('\n')}\n`);
    const claims = await store.count();
    if (claims > 0 && printed === 0)
      process.stderr.write(`none of the ${claims} claim(s) is carried by ${minOutlets} or more outlets\n`);
    return failed ? 1 : 0;
  },
};
