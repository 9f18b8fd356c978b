/**
 * The regular-expression scans the verifier used before it searched from a name's occurrences
 * with `indexOf`: the specification the faster scans keep, for the property tests beside them and
 * `bench/verify-scan.ts` (which checks them over the whole corpus). Not built into the package;
 * nothing in production calls them. (The mention scans' patterns are in production, as the
 * fallbacks `lastWholeWordByPattern` and `lastMentionByPattern`.)
 */
import { fnv1a32 } from '@quotecheck/shared/core';
import { fullNameFromWords, titleFromWords } from './prepare.js';
import { nameTokens } from './speaker.js';
import { escapeRegExp } from './text.js';

/** `roleInText` as one pattern run over the whole text. */
export function roleByPattern(text: string, name: string): string | undefined {
  if (nameTokens(name).length < 2) return undefined;
  const re = new RegExp(`((?:\\p{Lu}[\\p{L}.’'-]*\\s+|of\\s+|for\\s+|the\\s+){1,6})${escapeRegExp(name)}(?![\\p{L}])`, 'u');
  const m = re.exec(text);
  return m?.[1] ? titleFromWords(m[1]) : undefined;
}

/** `fullNameInText` as one pattern run over the whole text. */
export function fullNameByPattern(text: string, surname: string): string | undefined {
  const re = new RegExp(`((?:\\p{Lu}[\\p{L}’'.-]*\\s+){1,3})${escapeRegExp(surname)}(?![\\p{L}])`, 'gu');
  let best: string | undefined;
  for (const m of text.matchAll(re)) {
    const name = fullNameFromWords(m[1] ?? '', surname);
    if (name && (!best || name.length > best.length)) best = name;
  }
  return best;
}

/** A shingle hashed as its words sliced, joined by spaces and hashed (what `fnv1a32Words` saves). */
export function shingleByJoin(words: readonly string[], from: number, to: number): number {
  return fnv1a32(words.slice(from, to).join(' '));
}
