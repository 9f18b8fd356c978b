/**
 * Helpers for the attribution rules' behaviour tests (not exported from the package): extract
 * from paragraphs written inline, and read who a quotation was credited to.
 */
import type { Attribution } from '@quotecheck/shared';
import { extractAttributions } from './index.js';

/** The attributions of an article made of these paragraphs. */
export function extractFrom(...paragraphs: string[]): Attribution[] {
  return extractAttributions({ text: paragraphs.join('\n'), paragraphs });
}

/** The speaker name of the attribution whose content holds `words`; throws (listing them) when none does. */
export function speakerOf(atts: Attribution[], words: string): string | null {
  const a = atts.find((x) => x.content.text.includes(words));
  if (!a) throw new Error(`no attribution with "${words}" in ${JSON.stringify(atts.map((x) => x.content.text))}`);
  return a.speaker.name;
}
