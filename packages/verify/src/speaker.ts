import type { Speaker } from '@quotecheck/shared/core';
import anyAscii from 'any-ascii';
import { distance } from 'fastest-levenshtein';

/**
 * Titles and role words that precede names. They describe a role, never a person, so
 * "Senator Mike Rounds" and "Mike Rounds" are one speaker.
 */
const TITLE_WORDS = new Set(
  `president vice prime minister secretary senator sen sen. rep rep. representative congressman congresswoman governor gov gov.
  mayor chancellor king queen prince princess sir dame lord lady dr dr. mr mr. mrs mrs. ms ms. miss prof prof. professor gen gen.
  general col col. colonel lt lt. lieutenant capt capt. captain adm adm. admiral sgt sgt. judge justice chief chairman chairwoman chair
  speaker leader spokesperson spokesman spokeswoman ambassador envoy special foreign defense defence interior state deputy attorney
  commissioner director minister-president premier pope rev rev. reverend sheikh emir former acting senior top us u.s. uk eu
  secretary-general ceo founder candidate nominee republican democrat democratic senate house majority minority whip official
  senators sens sens. representatives reps reps. governors congressmen congresswomen lawmakers`
    .split(/\s+/)
    .filter(Boolean),
);

const NAME_SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

// Claims compare the speakers of all their occurrences on every update, and a claim seen in
// many articles names the same few people over and over: the folding is cached per string.
const CACHE_MAX = 50_000;
function cached<T>(cache: Map<string, T>, key: string, make: (key: string) => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const v = make(key);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, v);
  return v;
}
const tokenCache = new Map<string, readonly string[]>();
const foldCache = new Map<string, string>();

/** Name parts of a speaker: titles dropped, possessives and suffixes removed. */
export function nameTokens(name: string): string[] {
  return [...cached(tokenCache, name, computeNameTokens)];
}

function computeNameTokens(name: string): string[] {
  const toks = name
    .normalize('NFKC')
    .replace(/[’']s\b/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
  const out: string[] = [];
  for (const t of toks) {
    const low = t.toLowerCase();
    if (!out.length && TITLE_WORDS.has(low)) continue;
    if (NAME_SUFFIXES.has(low)) continue;
    out.push(t);
  }
  return out;
}

/** Scripts a name part may be written in, besides Latin; the first letter decides. */
const SCRIPTS = [
  'Latin',
  'Cyrillic',
  'Greek',
  'Arabic',
  'Hebrew',
  'Han',
  'Hiragana',
  'Katakana',
  'Hangul',
  'Devanagari',
  'Bengali',
  'Thai',
  'Armenian',
  'Georgian',
  'Ethiopic',
  'Tamil',
] as const;
const SCRIPT_RES = SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const);
/** Japanese names mix kanji and kana: one writing system for comparison. */
const SCRIPT_GROUP: Record<string, string> = { Hiragana: 'Han', Katakana: 'Han' };
/**
 * Scripts whose letters are whole syllables or morphemes: one differing character is another
 * name (李强 and 黎强 are two people), so no edit distance is allowed there.
 */
const SYLLABIC = new Set(['Han', 'Hangul']);
const scriptCache = new Map<string, string>();

/**
 * The writing system of a name part: 'Latin', the Unicode script of its first letter ('Cyrillic',
 * 'Arabic', 'Han' for Chinese and Japanese…), 'Other' for any other script, '' without a letter.
 */
export function scriptOf(part: string): string {
  return cached(scriptCache, part, (p) => {
    const letter = /\p{L}/u.exec(p)?.[0];
    if (!letter) return '';
    const hit = SCRIPT_RES.find(([, re]) => re.test(letter))?.[0];
    return hit ? (SCRIPT_GROUP[hit] ?? hit) : 'Other';
  });
}

const ownCache = new Map<string, string>();

/**
 * Folds a name part within its own script: compatibility forms unified, marks (accents, Arabic
 * short vowels and hamza seats, Cyrillic breve) dropped, case folded, only letters and digits
 * kept ("مُحَمَّد" and "محمد", "Ёлкин" and "Елкин" fold alike). Empty when nothing is left.
 */
export function foldOwnScript(part: string): string {
  return cached(ownCache, part, (p) =>
    p
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/\u0640/g, '') // Arabic tatweel: a stretch, not a letter
      .replace(/\u0649/g, '\u064a') // alef maksura written for final yeh
      .replace(/\u0629/g, '\u0647') // teh marbuta written as heh
      .replace(/[^\p{L}\p{N}]/gu, ''),
  );
}

/**
 * Folds a name part so transliteration variants compare equal: any script transliterated to
 * ASCII (any-ascii: "Путин" gives "putin", "Łukasz" "lukasz", "习近平" "xijinping"), y/i and
 * common digraphs unified, doubled letters collapsed ("Zelenskyy", "Zelensky", "Zelenskiy" and
 * "Зеленский" all give "zelenski"). Empty when the part has no letter to transliterate; an empty
 * fold matches nothing.
 */
export function foldName(part: string): string {
  return cached(foldCache, part, computeFoldName);
}

function computeFoldName(part: string): string {
  let s = anyAscii(part.normalize('NFKC'))
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  s = s
    .replace(/sch/g, 'sh')
    .replace(/tch/g, 'ch')
    .replace(/kh/g, 'h')
    .replace(/ck/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/ij/g, 'i')
    .replace(/y/g, 'i')
    .replace(/j(?=[aeiou])/g, 'i')
    .replace(/ou/g, 'u');
  return s.replace(/(.)\1+/g, '$1');
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
  if (own && SYLLABIC.has(sa)) return false;
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
  return !!xa && !!xb && (xa.startsWith(xb) || xb.startsWith(xa));
}

/**
 * Whether two whole names written without spaces in a syllabic script ("习近平") name the person
 * another mention spells in Latin ("Xi Jinping"): the whole names' transliterations are equal.
 */
function sameWholeName(ta: readonly string[], tb: readonly string[]): boolean {
  const unspaced = (t: readonly string[]) => t.length === 1 && SYLLABIC.has(scriptOf(t[0]!));
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
