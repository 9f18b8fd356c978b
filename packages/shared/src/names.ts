/**
 * Names as both stages compare them: the title words that come before a name and are not part of
 * it, the writing system of a name part, and two folds that make spelling variants of one name
 * equal (within its own script, and transliterated to ASCII). Extraction uses them to tell a
 * person's mentions apart within an article, verification to tell speakers apart across articles.
 */
import anyAscii from 'any-ascii';

/** The set of the whitespace-separated words of `s` (the form of every word list). */
export const wordSet = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/**
 * Capitalised title words that precede a name and never belong to it ("Prime Minister", "Sen.");
 * plural ones open a list of names ("Senators Mitch McConnell, …, and Marco Rubio" had named
 * "Senators Mitch McConnell", who then conflicted with "Mitch McConnell" on the cluster dev set).
 */
export const TITLE_WORDS: ReadonlySet<string> = wordSet(`
president vice prime minister chancellor secretary senator sen. rep. representative gov. governor
mayor envoy special ambassador general gen. lt. col. colonel admiral adm. sgt. captain capt. major maj.
commander chief judge justice attorney speaker leader king queen prince princess pope sheikh emir sultan
premier deputy assistant acting foreign defense defence interior finance treasury home state army navy
minority majority whip chairman chairwoman chair director spokesman spokeswoman spokesperson
mr. mrs. ms. miss dr. prof. professor sir dame lord lady rev. reverend father sister brother saint
mr mrs ms dr sen rep gov gen supreme high commissioner commission executive officer ceo founder
candidate nominee councillor councilman councilwoman congressman congresswoman lawmaker
coach correspondent reporter journalist analyst editor anchor host
senators sens. sens representatives reps. reps governors govs. congressmen congresswomen lawmakers
former
recorder mp chairperson advocate alderman alderwoman counsel councilmember staff
taoiseach tanaiste tánaiste
president-elect vice-president vice-president-elect governor-elect mayor-elect
lt col capt sgt cpl brig insp supt det
prof assemblyman assemblywoman assemblymember comedian
`);

/** Generational suffixes after a surname ("James Roosevelt Jr.", "Martin Luther King III"): no part of the surname. */
export const NAME_SUFFIXES: ReadonlySet<string> = wordSet('jr jr. sr sr. ii iii iv');

/**
 * A name's parts without its trailing suffixes and commas, and the suffix as a key ('jr', 'iii',
 * '' for none): "James Roosevelt Jr." gives ["James", "Roosevelt"] and 'jr'.
 */
export function splitSuffix(parts: readonly string[]): { parts: string[]; suffix: string } {
  let n = parts.length;
  while (n > 1 && NAME_SUFFIXES.has((parts[n - 1] as string).toLowerCase().replace(/,$/, ''))) n--;
  const suffix = parts
    .slice(n)
    .map((p) => p.toLowerCase().replace(/[.,]/g, ''))
    .join(' ');
  return { parts: parts.slice(0, n).map((p, i) => (i === n - 1 ? p.replace(/,$/, '') : p)), suffix };
}

// Verification compares the speakers of all a claim's occurrences on every update, and a claim
// seen in many articles names the same few people over and over: folds are cached per string.
const CACHE_MAX = 50_000;
/** `make(key)`, remembered in `cache` (emptied when it reaches CACHE_MAX entries). */
export function cachedByName<T>(cache: Map<string, T>, key: string, make: (key: string) => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const v = make(key);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(key, v);
  return v;
}
const foldCache = new Map<string, string>();

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

/** Whether a script's letters are syllables or morphemes ('Han', 'Hangul'): no spelling slip is one there. */
export function isSyllabic(script: string): boolean {
  return SYLLABIC.has(script);
}
const scriptCache = new Map<string, string>();

/**
 * The writing system of a name part: 'Latin', the Unicode script of its first letter ('Cyrillic',
 * 'Arabic', 'Han' for Chinese and Japanese…), 'Other' for any other script, '' without a letter.
 */
export function scriptOf(part: string): string {
  return cachedByName(scriptCache, part, (p) => {
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
  return cachedByName(ownCache, part, (p) =>
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
  return cachedByName(foldCache, part, computeFoldName);
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

/**
 * Short forms of English first names and the formal names they stand for, the usual one first
 * (`short:formal/formal`, lower case): one person is "Mike Bloomberg" in a page's keywords and
 * "Michael Bloomberg" in its caption, "Joe Biden" in most outlets and "Joseph R. Biden Jr." in The
 * New York Times. No npm package keeps such a lookup (the maintained lists are CSV files with
 * parsers in other languages); this one holds the common forms in news about US and UK public
 * figures. Extraction compares page names with it, verification speakers across articles.
 */
const SHORT_FIRST_NAMES = `
mike:michael mikey:michael mick:michael bill:william will:william billy:william willy:william
liam:william bob:robert rob:robert bobby:robert bert:robert jim:james jimmy:james jamie:james
joe:joseph joey:joseph dick:richard rick:richard rich:richard ricky:richard richie:richard
tom:thomas tommy:thomas ted:edward/theodore teddy:edward/theodore ed:edward eddie:edward
ned:edward tony:anthony chris:christopher dan:daniel danny:daniel dave:david steve:stephen
sam:samuel ben:benjamin nick:nicholas nicky:nicholas pat:patrick/patricia pete:peter
greg:gregory jeff:jeffrey/geoffrey jerry:gerald larry:lawrence matt:matthew andy:andrew
drew:andrew ken:kenneth ron:ronald don:donald chuck:charles charlie:charles hank:henry
harry:henry/harold hal:harold jack:john johnny:john jon:john bernie:bernard lenny:leonard
fred:alfred/frederick freddie:frederick/alfred
liz:elizabeth beth:elizabeth betsy:elizabeth betty:elizabeth libby:elizabeth lisa:elizabeth
kate:katherine/catherine/kathleen katie:katherine/catherine kathy:katherine/catherine/kathleen
cathy:catherine sue:susan susie:susan jenny:jennifer jen:jennifer meg:margaret peggy:margaret
maggie:margaret maggy:margaret becky:rebecca debbie:deborah deb:deborah pam:pamela
vicky:victoria patty:patricia trish:patricia
`;

/** Short first name -> its formal names, the usual one first. */
const FORMAL_FIRST_NAMES: ReadonlyMap<string, readonly string[]> = new Map(
  SHORT_FIRST_NAMES.trim()
    .split(/\s+/)
    .map((pair) => {
      const [short, formals] = pair.split(':') as [string, string];
      return [short, formals.split('/')];
    }),
);

/** The usual formal form of a lower-case first name ("mike" -> "michael"), or the name itself. */
export function formalFirstName(first: string): string {
  return FORMAL_FIRST_NAMES.get(first)?.[0] ?? first;
}

/** Whether two lower-case first names are a short form and a formal name it stands for, either way round ("joe", "joseph"). */
export function isShortFormPair(a: string, b: string): boolean {
  return !!FORMAL_FIRST_NAMES.get(a)?.includes(b) || !!FORMAL_FIRST_NAMES.get(b)?.includes(a);
}
