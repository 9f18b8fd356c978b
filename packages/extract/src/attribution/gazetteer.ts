/**
 * A page-level gazetteer: the people a page names outside its body text (headline, image captions
 * and alt text, description and keyword metas, JSON-LD; see `article/page-names.ts`), used to
 * complete a name the body only gives in part. A caption reads "Jane Smith speaks in Geneva" and
 * the body only "Smith said …": the speaker is Jane Smith. Completion happens only when exactly one
 * page name fits, so two Smiths on one page leave "Smith" as it is.
 */
import { formalFirstName } from '@quotecheck/shared/core';
import {
  CAPITALISED_STOPWORDS,
  NAME_PARTICLES,
  ORG_KEYWORDS,
  placeKey,
  SURNAME_ORG_KEYWORDS,
  TITLE_WORDS,
} from './lexicon/index.js';
import { genderOfFirstName } from './pronouns.js';

/** A person's name found in a page text. */
export interface PageName {
  /** As written, without titles or a possessive ("Jane van der Berg"). */
  name: string;
  /** Lower-case first name and last word of the surname. */
  first: string;
  surname: string;
}

/** Edit distance with adjacent transpositions, giving up above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2: number[] = [];
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[n] as number;
}

/**
 * How far a lone surname may be from a known one and still be that person: a surname of five
 * letters or more written once with one or two letters wrong ("Jensen" for "Janzen"); shorter
 * ones only by one letter, and never shorter than four (too many short names are a letter apart).
 */
export function misspellingBudget(surname: string): number {
  // Only letters and hyphens: "You’re" is no misspelling of "You’ll".
  if (!/^[\p{L}-]+$/u.test(surname)) return 0;
  if (surname.length >= 5) return 2;
  return surname.length === 4 ? 1 : 0;
}

const WORD = /[\p{L}][\p{L}'’.-]*/gu;
/** Arabic articles read as first names ("Al Jazeera", "Al Aqsa"). */
const ARTICLES = new Set(['al', 'el']);
/**
 * A photo credit before a name ("AP Photo/Ted S. Warren", "Photo by", "Credit:"): the
 * photographer is not a person of the story, and a caption credit was the most common such
 * name on the goldset pages.
 */
const CREDIT = /(?:photo|photograph|image|credit|courtesy|©)[^.]{0,12}$|\/\s*$/i;
const POSSESSIVE = /['’]s?$/;
const isCap = (w: string): boolean => /^\p{Lu}/u.test(w);
const isInitial = (w: string): boolean => /^\p{Lu}\.$/u.test(w);

/** Whether a capitalised word may be a surname (not "The", "Ministry", "Ukraine", "Mr."). */
function surnameLike(w: string): boolean {
  const bare = w.replace(POSSESSIVE, '');
  return (
    bare.length >= 2 &&
    isCap(bare) &&
    !bare.endsWith('.') &&
    !CAPITALISED_STOPWORDS.has(bare) &&
    // An outlet's name that is also a surname counts after a first name ("Michael Bloomberg").
    (!ORG_KEYWORDS.has(bare) || SURNAME_ORG_KEYWORDS.has(bare)) &&
    !TITLE_WORDS.has(bare.toLowerCase()) &&
    !placeKey(bare)
  );
}

/**
 * The person names of one text: a known first name, an optional initial and particles, and a
 * capitalised surname ("Jane Smith", "John F. Kennedy", "Ursula von der Leyen"). A known first
 * name is required because captions and metas are full of capitalised words that are no one
 * ("Getty Images", "Trade War").
 */
export function namesIn(text: string): PageName[] {
  const words = [...text.matchAll(WORD)].map((m) => ({ w: m[0], s: m.index as number }));
  const out: PageName[] = [];
  for (let i = 0; i < words.length; i++) {
    const first = (words[i] as { w: string; s: number }).w;
    if (!isCap(first) || ARTICLES.has(first.toLowerCase()) || !genderOfFirstName(first.toLowerCase())) continue;
    if (CREDIT.test(text.slice(Math.max(0, (words[i] as { s: number }).s - 24), (words[i] as { s: number }).s))) continue;
    let k = i + 1;
    const adjacent = (j: number): boolean => {
      const prev = words[j - 1] as { w: string; s: number };
      const cur = words[j];
      // Only spaces between the words of a name: "Smith, Jones" is two names.
      return !!cur && /^\s+$/.test(text.slice(prev.s + prev.w.length, cur.s));
    };
    while (k < words.length && k - i < 4 && adjacent(k) && isInitial((words[k] as { w: string }).w)) k++;
    while (k < words.length && k - i < 5 && adjacent(k) && NAME_PARTICLES.has((words[k] as { w: string }).w.toLowerCase())) k++;
    if (!adjacent(k)) continue;
    const last = (words[k] as { w: string }).w;
    if (!surnameLike(last)) continue;
    const surname = last.replace(POSSESSIVE, '');
    const name = `${text.slice((words[i] as { s: number }).s, (words[k] as { s: number }).s)}${surname}`;
    out.push({ name, first: first.toLowerCase(), surname: surname.toLowerCase() });
    i = k;
  }
  return out;
}

/**
 * The one person several page names of one surname are, when their first names are one name
 * ("Michael Bloomberg", "Mike Bloomberg": {@link formalFirstName}): the longest of them. Null when
 * two first names differ ("Bill Clinton", "Hillary Clinton").
 */
function onePerson(names: readonly PageName[]): PageName | null {
  const first = formalFirstName((names[0] as PageName).first);
  if (names.some((n) => formalFirstName(n.first) !== first)) return null;
  return names.reduce((a, b) => (b.name.length > a.name.length ? b : a));
}

/** How many times a lower-cased text holds the lower-case `word` as a whole word. */
export function wholeWordCount(lower: string, word: string): number {
  let n = 0;
  for (let i = lower.indexOf(word); i >= 0; i = lower.indexOf(word, i + word.length)) {
    const before = lower[i - 1];
    const after = lower[i + word.length];
    if (!(before && /\p{L}/u.test(before)) && !(after && /\p{L}/u.test(after))) n++;
  }
  return n;
}

/** The people a page names outside its body, for completing partial names. */
export class Gazetteer {
  private readonly bySurname = new Map<string, PageName[]>();
  private readonly byFirst = new Map<string, PageName[]>();

  /**
   * @param texts page texts outside the body that name people
   * @param writers bylines: a name whose surname a byline holds is the writer's, not a person of the story
   */
  constructor(
    private readonly texts: readonly string[] = [],
    private readonly writers: readonly string[] = [],
  ) {}

  /** Reads the names on first use: most lookups end in the body, and many pages never get here. */
  private built = false;
  private build(): void {
    if (this.built) return;
    this.built = true;
    const written = new Set(this.writers.flatMap((w) => namesIn(w).map((n) => n.surname)));
    for (const t of this.texts) for (const n of namesIn(t)) if (!written.has(n.surname)) this.add(n);
  }

  /** The gazetteer of a page's texts (see `article/page-names.ts`). */
  static of(page: { texts: readonly string[]; writers: readonly string[] }): Gazetteer {
    return new Gazetteer(page.texts, page.writers);
  }

  private add(n: PageName): void {
    for (const [map, key] of [
      [this.bySurname, n.surname],
      [this.byFirst, n.first],
    ] as const) {
      const list = map.get(key) ?? [];
      // The same person written twice ("Jane Smith" in a caption and in the keywords) is one name.
      if (!list.some((x) => x.first === n.first && x.surname === n.surname)) list.push(n);
      map.set(key, list);
    }
  }

  /** How many times the page's texts outside the body write a lower-case word ({@link wholeWordCount}). */
  count(word: string): number {
    this.lowered ??= this.texts.map((t) => t.toLowerCase());
    let n = 0;
    for (const t of this.lowered) n += wholeWordCount(t, word);
    return n;
  }
  private lowered: string[] | undefined;

  /** Whether the page named anyone outside its body. */
  get isEmpty(): boolean {
    this.build();
    return this.bySurname.size === 0;
  }

  /** The one page name whose surname or first name is `word` exactly, or null (none, or several). */
  complete(word: string): PageName | null {
    if (!this.texts.length) return null;
    this.build();
    const w = word.toLowerCase().replace(POSSESSIVE, '');
    const bySurname = this.bySurname.get(w);
    if (bySurname) return onePerson(bySurname);
    const byFirst = this.byFirst.get(w);
    return byFirst?.length === 1 ? (byFirst[0] as PageName) : null;
  }

  /** The one page name whose surname `word` misspells (see {@link misspellingBudget}), or null. */
  nearest(word: string): PageName | null {
    if (!this.texts.length) return null;
    this.build();
    const w = word.toLowerCase().replace(POSSESSIVE, '');
    const max = misspellingBudget(w);
    if (!max) return null;
    let found: PageName | null = null;
    for (const [surname, list] of this.bySurname) {
      if (surname[0] !== w[0] || editDistance(surname, w, max) > max) continue;
      if (found || list.length > 1) return null;
      found = list[0] as PageName;
    }
    return found;
  }
}
