import { articleFromHtml, articleFromText, extractAttributions } from '@quotecheck/extract';
import { type Article, UsageError } from '@quotecheck/shared';
import { type Command, parse } from '../args.js';
import { fetchPage } from '../fetch-page.js';
import { isTextInput, isUrl, readInputBytes } from '../inputs.js';

/** Loads one input (a .txt file, an .html[.gz] file or an http(s) URL) as an article. */
export async function loadArticle(input: string): Promise<Article> {
  if (isUrl(input)) {
    const page = await fetchPage(input);
    return articleFromHtml(page.body, { url: page.url, contentType: page.contentType });
  }
  const bytes = await readInputBytes(input);
  if (isTextInput(input)) return articleFromText(new TextDecoder('utf-8').decode(bytes));
  return articleFromHtml(bytes, { url: null });
}

function write(line: string): void {
  process.stdout.write(`${line}\n`);
}

export const extractCommand: Command = {
  name: 'extract',
  summary: 'print every attribution (who said what) in articles',
  usage: `
Usage: quotecheck extract [--json] FILE|URL...

Finds direct, mixed and indirect attributions with their cue, source mention and resolved speaker.
  --json   one JSON line per attribution: input, type, content, cue, source, speaker (offsets are
           UTF-16 indices into the .txt file as read, or into the text of \`quotecheck article\`)
Inputs: .txt (one paragraph per line), .html, .html.gz, or an http(s) URL.`,
  async run(argv) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' } });
    if (!positionals.length) throw new UsageError('extract needs at least one FILE or URL');
    let failed = 0;
    for (const input of positionals) {
      let article: Article;
      try {
        article = await loadArticle(input);
      } catch (e) {
        process.stderr.write(`quotecheck: ${input}: ${(e as Error).message}\n`);
        failed++;
        continue;
      }
      const attributions = extractAttributions(article);
      for (const a of attributions) {
        if (values.json) write(JSON.stringify({ input, ...a }));
        else {
          const who = a.speaker.name ?? a.source?.text ?? '(unknown)';
          write(`${input}\t${who}\t${a.type}\t${a.content.text.replace(/\s+/g, ' ')}`);
        }
      }
    }
    return failed ? 1 : 0;
  },
};

export const articleCommand: Command = {
  name: 'article',
  summary: 'print the clean article (title, byline, date, body text) of pages',
  usage: `
Usage: quotecheck article [--json] FILE|URL...

  --json   one JSON line per input: input, url, title, byline, published, language, text`,
  async run(argv) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' } });
    if (!positionals.length) throw new UsageError('article needs at least one FILE or URL');
    let failed = 0;
    for (const input of positionals) {
      try {
        const a = await loadArticle(input);
        if (values.json)
          write(
            JSON.stringify({
              input,
              url: a.url,
              title: a.title,
              byline: a.byline,
              published: a.published,
              language: a.language,
              text: a.text,
            }),
          );
        else
          write(
            `# ${a.title ?? input}\n${a.byline ? `by ${a.byline}\n` : ''}${a.published ?? ''}\n\n${a.paragraphs.join('\n\n')}\n`,
          );
      } catch (e) {
        process.stderr.write(`quotecheck: ${input}: ${(e as Error).message}\n`);
        failed++;
      }
    }
    return failed ? 1 : 0;
  },
};
