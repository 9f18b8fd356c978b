/**
 * The regular-expression scans the verifier used before it searched from a name's occurrences
 * with `indexOf`: the specification the faster scans keep, for the property tests beside them and
 * `bench/verify-scan.ts` (which checks them over the whole corpus). Not part of the package's
 * entry point; nothing in production calls them.
 */
import { fnv1a32 } from '@quotecheck/shared/core';
import { fullNameFromWords, titleFromWords } from './prepare.js';
import { nameTokens } from './speaker.js';
import { escapeRegExp, wholeWord } from './text.js';

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

/** `lastWholeWord` as a pattern: where the word last occurs as a whole word, or -1. */
export function lastWholeWordByPattern(text: string, word: string): number {
  let at = -1;
  for (const m of text.matchAll(wholeWord(word, 'g'))) at = m.index;
  return at;
}

/** `lastMentionAfterNonLetter` as a pattern: where its last mention (with the character before it) starts, or -1. */
export function lastMentionByPattern(text: string, word: string): number {
  let at = -1;
  for (const m of text.matchAll(new RegExp(`(^|[^\\p{L}])${escapeRegExp(word)}(?![\\p{L}’'])`, 'gu'))) at = m.index;
  return at;
}

/** A shingle hashed as its words sliced, joined by spaces and hashed (what `shingleHash` saves). */
export function shingleByJoin(words: readonly string[], from: number, to: number): number {
  return fnv1a32(words.slice(from, to).join(' '));
}
