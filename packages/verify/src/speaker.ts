import {
  cachedByName,
  foldName,
  foldOwnScript,
  isShortFormPair,
  isSyllabic,
  TITLE_WORDS as NAME_TITLES,
  type Speaker,
  scriptOf,
  splitSuffix,
} from '@quotecheck/shared/core';
import { distance } from 'fastest-levenshtein';

export { foldName, foldOwnScript, scriptOf };

/**
 * Words that precede a speaker's name and describe them rather than name them: the title words
 * extraction reads names with (shared names.ts), and the party, country, seniority and military
 * abbreviations a name from elsewhere may carry. "Senator Mike Rounds", "Republican Sen. Mike
 * Rounds" and "Mike Rounds" are one speaker.
 */
const TITLE_WORDS: ReadonlySet<string> = new Set([
  ...NAME_TITLES,
  ...`republican democrat democratic senate house official senior top us u.s. uk eu
  adm capt col lt lieutenant sgt prof rev minister-president secretary-general`
    .split(/\s+/)
    .filter(Boolean),
]);

const tokenCache = new Map<string, readonly string[]>();

/** Name parts of a speaker: titles dropped, possessives and suffixes removed. */
export function nameTokens(name: string): string[] {
  return [...cachedByName(tokenCache, name, computeNameTokens)];
}

function computeNameTokens(name: string): string[] {
  const toks = name
    .normalize('NFKC')
    .replace(/[’']s\b/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
  const out: string[] = [];
  for (const t of toks) if (out.length || !TITLE_WORDS.has(t.toLowerCase())) out.push(t);
  // Generational suffixes as extraction reads them: trailing only ("James Roosevelt Jr.").
  return splitSuffix(out).parts;
}

/** True when a speaker is a person the text named (not a role, group or anonymous source). */
export function isNamedPerson(s: Speaker): boolean {
  // Caseless scripts (Arabic, Chinese…) have no capitals: any of their letters starts a name.
  return s.kind === 'person' && !!s.name && nameTokens(s.name).length > 0 && /[\p{Lu}\p{Lo}]/u.test(s.name);
}

/**
 * The index key of a speaker: the folded surname for a person, the folded name for an
 * organisation or group; null for unknown and anonymous speakers.
 */
export function speakerKey(s: Speaker | null | undefined): string | null {
  if (!s?.name) return null;
  if (s.kind === 'anonymous' || s.kind === 'unknown') return null;
  if (s.kind === 'person') {
    const toks = nameTokens(s.name);
    const last = toks[toks.length - 1];
    const f = last ? foldName(last) : '';
    return f ? `p:${f}` : null;
  }
  const folded = s.name
    .toLowerCase()
    .replace(/^(the|a|an)\s+/, '')
    .replace(/[^\p{L}\p{N} ]/gu, '')
    .trim();
  return folded ? `o:${folded}` : null;
}

/**
 * A person name as written in running text, one to three capitalised words, captured: "Rubio",
 * "Donald Trump". Pattern source, for the patterns built on it.
 */
export const PERSON_NAME = String.raw`((?:\p{Lu}[\p{L}.-]+\s+){0,2}\p{Lu}[\p{L}-]+)`;

/** {@link PERSON_NAME} in the possessive: "Rubio's", "Donald Trump’s". Pattern source. */
export const POSSESSIVE_NAME = String.raw`${PERSON_NAME}[’']s`;

/** The person key of a bare surname or full name as it appears in running text. */
export function personKey(name: string): string | null {
  const toks = nameTokens(name);
  const last = toks[toks.length - 1];
  const f = last ? foldName(last) : '';
  return f ? `p:${f}` : null;
}

/**
 * Whether two name parts are one name: two parts in the same non-Latin script compare in that
 * script (a transliteration would blur distinct letters); across scripts, and in Latin, by their
 * transliterated folds. Small spelling slips are allowed in alphabets, never in syllabic scripts.
 */
function similarPart(a: string, b: string): boolean {
  const sa = scriptOf(a);
  const sb = scriptOf(b);
  const own = sa === sb && sa !== 'Latin';
  const fa = own ? foldOwnScript(a) : foldName(a);
  const fb = own ? foldOwnScript(b) : foldName(b);
  if (!fa || !fb) return false;
  if (fa === fb) return true;
  if (own && isSyllabic(sa)) return false;
  const max = Math.max(fa.length, fb.length);
  return max >= 5 && distance(fa, fb) <= (max >= 9 ? 2 : 1);
}

function initialsMatch(a: string, b: string): boolean {
  const own = scriptOf(a) === scriptOf(b);
  const fa = own ? foldOwnScript(a) : foldName(a);
  const fb = own ? foldOwnScript(b) : foldName(b);
  return !!fa && !!fb && fa[0] === fb[0];
}

function firstNamesCompatible(a: string[], b: string[]): boolean {
  const fa = a[0];
  const fb = b[0];
  if (!fa || !fb) return true;
  const ia = fa.replace(/\.$/, '');
  const ib = fb.replace(/\.$/, '');
  if ([...ia].length === 1 || [...ib].length === 1) return initialsMatch(ia, ib);
  if (similarPart(ia, ib)) return true;
  // A short form of the first name ("Vlad" for "Vladimir"), compared in one script.
  const own = scriptOf(ia) === scriptOf(ib) && scriptOf(ia) !== 'Latin';
  const xa = own ? foldOwnScript(ia) : foldName(ia);
  const xb = own ? foldOwnScript(ib) : foldName(ib);
  if (!xa || !xb) return false;
  if (xa.startsWith(xb) || xb.startsWith(xa)) return true;
  // Or one that is no prefix ("Joe" for "Joseph", "Bernie" for "Bernard"), as data, as spelt.
  return !own && isShortFormPair(ia.toLowerCase(), ib.toLowerCase());
}

/**
 * Whether two whole names written without spaces in a syllabic script ("习近平") name the person
 * another mention spells in Latin ("Xi Jinping"): the whole names' transliterations are equal.
 */
function sameWholeName(ta: readonly string[], tb: readonly string[]): boolean {
  const unspaced = (t: readonly string[]) => t.length === 1 && isSyllabic(scriptOf(t[0]!));
  if (!unspaced(ta) && !unspaced(tb)) return false;
  if (scriptOf(ta[0]!) === scriptOf(tb[0]!)) return false;
  const fa = foldName(ta.join(''));
  return !!fa && fa === foldName(tb.join(''));
}

/**
 * Whether two speaker mentions name the same person across articles: surnames equal after
 * transliteration folding or within a small edit distance, and first names compatible when both
 * are given ("Zelenskyy" = "Volodymyr Zelensky"; "Jeb Bush" != "George Bush").
 */
export function sameSpeaker(a: Speaker, b: Speaker): boolean {
  if (!a.name || !b.name) return false;
  // A claim names the same few people in all its excerpts: each pair of mentions is judged once.
  return cachedByName(sameSpeakerCache, `${speakerIdentity(a)}\u0001${speakerIdentity(b)}`, () =>
    judgeSameSpeaker(a as Speaker & { name: string }, b as Speaker & { name: string }),
  );
}
const sameSpeakerCache = new Map<string, boolean>();

/**
 * What speaker identity depends on, as one string: the kind and the name ({@link sameSpeaker},
 * {@link speakersConflict} and {@link speakerKey} read nothing else). Mentions with equal
 * identities are interchangeable when comparing speakers.
 */
export function speakerIdentity(s: Speaker): string {
  return `${s.kind}\u0000${s.name ?? ''}`;
}

/** The distinct speakers ({@link speakerIdentity}) of excerpts, in order of first mention. */
export function distinctSpeakers(occ: readonly { speaker: Speaker }[]): Speaker[] {
  const out = new Map<string, Speaker>();
  for (const o of occ) {
    const who = speakerIdentity(o.speaker);
    if (!out.has(who)) out.set(who, o.speaker);
  }
  return [...out.values()];
}

/** {@link sameSpeaker} for two named mentions, uncached: it depends on their kinds and names only. */
function judgeSameSpeaker(a: Speaker & { name: string }, b: Speaker & { name: string }): boolean {
  if (a.kind === 'person' && b.kind === 'person') {
    const ta = nameTokens(a.name);
    const tb = nameTokens(b.name);
    const la = ta[ta.length - 1];
    const lb = tb[tb.length - 1];
    if (!la || !lb) return false;
    if (!similarPart(la, lb)) return sameWholeName(ta, tb);
    return firstNamesCompatible(ta.slice(0, -1), tb.slice(0, -1));
  }
  const ka = speakerKey(a);
  const kb = speakerKey(b);
  if (!ka || !kb) return false;
  if (ka === kb) return true;
  if (a.kind !== 'person' && b.kind !== 'person') return ka.includes(kb.slice(2)) || kb.includes(ka.slice(2));
  return false;
}

/**
 * Whether two speakers are in conflict: both name someone, and not the same one. Unknown,
 * anonymous and unnamed speakers conflict with nobody.
 */
export function speakersConflict(a: Speaker, b: Speaker): boolean {
  if (!a.name || !b.name) return false;
  if (a.kind === 'anonymous' || b.kind === 'anonymous' || a.kind === 'unknown' || b.kind === 'unknown') return false;
  if (a.kind !== b.kind && (a.kind !== 'person' || b.kind !== 'person')) {
    // An organisation and a person (its spokesperson, its leader) are not a conflict on their own.
    return false;
  }
  return !sameSpeaker(a, b);
}

/** The fuller of two names for one speaker ("Volodymyr Zelenskyy" over "Zelenskyy"). */
export function fullerName(a: string, b: string): string {
  return nameTokens(b).length > nameTokens(a).length ? b : a;
}

/** The title part of a name as written ("Senator Mike Rounds" gives "Senator"). */
export function titleOf(name: string): string | undefined {
  const toks = name.split(/\s+/);
  const title: string[] = [];
  for (const t of toks) {
    if (TITLE_WORDS.has(t.toLowerCase())) title.push(t);
    else break;
  }
  return title.length ? title.join(' ') : undefined;
}

/** Whether a word is a role or title word rather than part of a name. */
export function isTitleWord(word: string): boolean {
  return TITLE_WORDS.has(word.toLowerCase());
}
