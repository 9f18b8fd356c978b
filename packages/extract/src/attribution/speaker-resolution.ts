/**
 * Resolves speaker mentions to the people and organisations of one article: full names,
 * surnames (also misspelt by a letter or two), first names, honorifics, role nouns ("the
 * senator" → the person introduced as a senator) and pronouns (→ the most recent compatible
 * subject of a reporting clause, not simply the last name seen).
 */
import type { Speaker, SpeakerKind } from '@quotecheck/shared';
import { foldOwnScript, splitSuffix } from '@quotecheck/shared/core';
import { editDistance, Gazetteer, misspellingBudget, wholeWordCount } from './gazetteer.js';
import { introducedAsRelative, kinshipGender, relativeOfNamedBefore } from './kinship.js';
import {
  CAPITALISED_STOPWORDS,
  CONTRASTIVE,
  COORD,
  COURTESY_TITLES,
  CUE_FORMS,
  DETERMINERS,
  EPITHET_HEADS,
  GENERIC_BODY_HEADS,
  GROUP_BODY_WORDS,
  HEAD_OF_STATE,
  isClosedClass,
  isPlaceName,
  NAME_PARTICLES,
  NOUN_GENDER,
  PERSONAL_DOCUMENTS,
  PREPOSITIONS,
  PRONOUNS,
  placeKey,
  ROLE_NOUNS,
  TENSED_AUXILIARIES,
} from './lexicon/index.js';
import { isPossessive, isPossessiveApostrophe, type MentionInfo, readMention } from './mentions.js';
import { PARTY_NOMINEE_HEADS, type Party, partiesOfRole, partyAfterName, partyOfDescription } from './party.js';
import { agrees, genderOfFirstName as firstNameGender, genderOfPronoun, notAPerson } from './pronouns.js';
import type { Token } from './sentences.js';
import { firstNotBefore } from './spans.js';
import { isTitleCase, lowerName } from './token-tests.js';

/**
 * A word running text writes in lower case and a title-case headline capitalises ("Woman Who
 * Accused Trump Of …", "ESPN Fires Schilling Over …"): one after a headline's first word tells it
 * from a line of names ("Ahmed al Ashry and Reham Mosad.").
 */
const isFunctionWord = (w: string): boolean => isClosedClass(w) || PRONOUNS[w] !== undefined;

/** A word of a line, for telling a title-case line ({@link isTitleCase}). */
const LINE_WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;

/** A person or organisation the article mentions. */
export interface Entity {
  name: string;
  kind: SpeakerKind;
  surname: string;
  first: string | null;
  /** A generational suffix of the full name ('jr', 'iii'), '' for none. */
  suffix?: string;
  gender: 'm' | 'f' | null;
  /** Titles and roles as written ("US Secretary of State", "a Republican from South Dakota"). */
  roles: string[];
  places: Set<string>;
  /** Offsets where the article mentions it, ascending. */
  seen: number[];
  /** Introduced as someone's relative ("her husband, former President Bill Clinton"). */
  relative?: boolean;
  /** The parties the article gives the person ("Republican Donald Trump", "Trump as her GOP opponent"; see party.ts). */
  parties?: Set<Party>;
}

/** Records that the article gives `e` the parties `parties`. */
function joinParties(e: Entity, parties: Iterable<Party>): void {
  for (const p of parties) (e.parties ??= new Set()).add(p);
}

/** The index of a capitalised word with a lower-case hyphenated ending ("Angeles-area") in [i, j), or -1. */
function hyphenatedModifierIn(t: readonly Token[], i: number, j: number): number {
  for (let k = i; k < j; k++) if (/^\p{Lu}[\p{L}.]*-\p{Ll}+$/u.test((t[k] as Token).text)) return k;
  return -1;
}

/**
 * Whether token `i` is a gerund opening a sentence ("Bashing Trump may be job one", a headline
 * "Debating Clinton's character."): capitalised there, it is no first name. Registered as people,
 * "Bashing Trump" and "Debating Clinton" took every later bare "Trump" and "Clinton" of the
 * article (11 records). A first name in -ing ("Sterling", "Irving") is known as one.
 */
function opensWithGerund(t: readonly Token[], i: number): boolean {
  const tok = t[i] as Token;
  if (!(tok.lower.length > 5 && tok.lower.endsWith('ing')) || firstNameGender(tok.lower)) return false;
  const prev = t[i - 1];
  return !prev || (prev.kind === 'p' && /^[.!?\n]$/.test(prev.text)) || prev.kind === 'Q';
}

/** Words that open a photo credit ("Photo by", "Photograph:", "Image:"). */
const PHOTO_CREDIT_WORDS = new Set(['photo', 'photograph', 'photographs', 'image', 'images', 'picture', 'credit']);

/**
 * Whether the capitalised run [i, j) is a photographer's credit: followed by a slash and the
 * agency ("Christopher Furlong/Getty Images"), or after "Photo by" or "Photograph:".
 */
function isPhotoCredit(t: readonly Token[], i: number, j: number): boolean {
  const after = t[j];
  if (after?.kind === 'p' && after.text === '/' && after.s === (t[j - 1] as Token).e) return true;
  const b1 = t[i - 1];
  const b2 = t[i - 2];
  if (b1?.kind === 'w' && b1.lower === 'by') return b2?.kind === 'w' && PHOTO_CREDIT_WORDS.has(b2.lower);
  return b1?.kind === 'p' && b1.text === ':' && b2?.kind === 'w' && PHOTO_CREDIT_WORDS.has(b2.lower);
}

/**
 * Whether two first names (lower case) can be one person's: equal, an initial of the other
 * ("j." and "john"), or a short form that begins the other ("chris", "christopher"). Sharing
 * only a first letter is not enough: "Tracy Martin" had been read as the "Trayvon Martin" named
 * before him, and his statement credited to his son.
 */
function firstNamesAgree(a: string, b: string): boolean {
  if (a === b) return true;
  const x = foldOwnScript(a);
  const y = foldOwnScript(b);
  if (x.length === 1 || y.length === 1) return x[0] === y[0];
  if (x === y) return true;
  let common = 0;
  while (common < x.length && x[common] === y[common]) common++;
  return common >= SHARED_NICKNAME_START || (common >= MIN_SHORT_FORM && common === Math.min(x.length, y.length));
}

/**
 * Whether a person known by surname only can be the one a first name names: "Mr. Trump" is not
 * "Ivanka Trump". Unknown genders agree; read as one, the later full name had renamed the man,
 * and every later "Mr. Trump said" spoke as Ivanka Trump.
 */
function gendersAgree(e: Entity, first: string): boolean {
  const g = firstNameGender(first);
  return !e.gender || !g || e.gender === g;
}

/** Letters a short form of a first name has at least ("Alex" for "Alexander", "Rob" for "Robert"). */
const MIN_SHORT_FORM = 3;
/** Letters a first name and its nickname share at their start ("Sandy" and "Sandra"; "Tracy" and "Trayvon" share 3). */
const SHARED_NICKNAME_START = 4;

/** A surname particle, in any case ("Van", "al"). */
const isParticle = (s: string): boolean => NAME_PARTICLES.has(s.toLowerCase());

/**
 * Epithets left out of {@link SpeakerRegistry.describedPerson}: a rank against the others, where the
 * sentence before is often about the rival ("… giving Cruz nine of the Wyoming delegates" then "The
 * GOP front-runner complained …", Trump), and "leader", as often of a team as of a country.
 */
const RANKING_HEADS = new Set(['front-runner', 'frontrunner', 'leader']);

/**
 * The noun a description is about, before a trailing phrase: "the Republican presidential nominee
 * for the Nov. 8 election" (nominee), "the former secretary of state" (secretary).
 */
function descriptionHead(role: string | null | undefined): string {
  const words = (role ?? '').toLowerCase().split(/\s+/);
  const prep = words.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w));
  return (prep > 0 ? words[prep - 1] : words.at(-1)) ?? '';
}

/** Sentences {@link SpeakerRegistry.describedPerson} looks back over, along a chain of descriptions. */
const DESCRIBED_LOOKBACK = 3;

/** The entity's last mention at or before `pos`, -1 when none. */
function lastBefore(e: Entity, pos: number): number {
  const k = firstNotBefore(e.seen.length, (i) => (e.seen[i] as number) <= pos);
  return k > 0 ? (e.seen[k - 1] as number) : -1;
}

/** The entity of `list` (not empty) mentioned last at or before `pos`; the first such on a tie. */
function latestSeen(list: readonly Entity[], pos: number): Entity {
  return list.reduce((x, y) => (lastBefore(y, pos) > lastBefore(x, pos) ? y : x));
}

/** Records a mention offset, keeping `seen` sorted without duplicates. */
function see(e: Entity, pos: number): void {
  const seen = e.seen;
  const last = seen[seen.length - 1];
  if (last === undefined || pos > last) {
    seen.push(pos);
    return;
  }
  const at = firstNotBefore(seen.length, (i) => (seen[i] as number) < pos);
  if (seen[at] !== pos) seen.splice(at, 0, pos);
}

/**
 * Heads of "the …" that need not mean the last body so named: "the campaign" is a candidate's
 * (read back, it became the "Democratic Senatorial Campaign" named before). ("The company" is
 * rarely named "… Company", "Fast Company" being a magazine: it has its own rule, companyNamed.)
 */
const UNNAMED_BODY_HEADS = new Set(['campaign']);

/** Words that join the capitalised parts of a body's name ("Department of Transportation"). */
const NAME_JOINERS = /^(of|for|and|on)$/;

/** A firm's name without a title before it ("CEO of New Media Investment Group"), by {@link ROLE_NOUNS}. */
function withoutTitleOf(name: string): string {
  const words = name.split(/\s+/);
  let k = 0;
  while (k < words.length && ROLE_NOUNS.has((words[k] as string).toLowerCase())) k++;
  return k > 0 && words[k] === 'of' ? words.slice(k + 1).join(' ') : name;
}

/** Last words of a firm's name that "the company" reads back to (a business, not a magazine). */
const COMPANY_NAME_ENDS = new Set([
  'Inc',
  'Inc.',
  'Corp',
  'Corp.',
  'Corporation',
  'Co.',
  'LLC',
  'Ltd',
  'Ltd.',
  'Group',
  'Holdings',
  'Industries',
  'Technologies',
  'Records',
  'Motors',
  'Airlines',
  'Pharmaceuticals',
]);

/** Entities scanned when a lookup has no key to go by: the most recently introduced ones. */
const RECENT = 300;

/** A speaker as resolved in context, with the entity it points at (if any). */
export interface Resolved {
  speaker: Speaker;
  entity: Entity | null;
}

/** A lower-case noun and "of" inside a phrase: the words after it are not what it names ("clip of Bloomberg"). */
const NOUN_OF = /(?:^|\s)\p{Ll}[\p{L}-]*\s+of\s/u;

/** Pronouns of each gender, any case and form ("She", "her", "himself"). */
const GENDERED_PRONOUN = {
  m: /\b(he|his|him|himself)\b/i,
  f: /\b(she|her|hers|herself)\b/i,
} as const;

/** The people and organisations of one article, and the subjects seen so far, for resolution. */
export class SpeakerRegistry {
  readonly entities: Entity[] = [];
  private readonly bySurname = new Map<string, Entity[]>();
  private readonly byFirst = new Map<string, Entity[]>();
  private readonly byName = new Map<string, Entity>();

  /** The most recently introduced entities, for scans without a key. */
  private recent(): Entity[] {
    return this.entities.length <= RECENT ? this.entities : this.entities.slice(-RECENT);
  }
  /** Subjects of reporting clauses in reading order: the antecedents pronouns prefer. */
  private readonly salient: Array<{ entity: Entity; pos: number }> = [];
  /** Token ranges of the sentences noted so far ({@link noteSentenceSubject}), in order. */
  private readonly sentenceRanges: Array<[number, number]> = [];
  /** Entities that were the subject of a reporting clause. */
  private readonly speakers = new Set<Entity>();

  /**
   * @param gazetteer the people the page names outside its body (captions, headline, JSON-LD),
   *   which complete a surname or first name the body gives alone.
   */
  constructor(
    private readonly text: string,
    private readonly tokens: readonly Token[],
    private readonly gazetteer: Gazetteer = new Gazetteer(),
  ) {
    this.collect();
  }

  /** Registers every multi-word person name of the article with its titles (one pass). */
  private collect(): void {
    const t = this.tokens;
    let i = 0;
    while (i < t.length) {
      const tok = t[i] as Token;
      // A capitalised speech verb opening an inverted sentence ("Said Jane Smith: “…”") is no part of the name.
      if (
        tok.kind !== 'w' ||
        !tok.cap ||
        CAPITALISED_STOPWORDS.has(tok.text) ||
        CUE_FORMS.get(tok.lower)?.cls === 'speech' ||
        opensWithGerund(t, i)
      ) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < t.length && j - i < 9) {
        const n = t[j] as Token;
        const joins = (k: number): boolean => {
          // Particles join a name when a capitalised word follows them ("von der Leyen").
          while (k < t.length && k - j < 4 && isParticle(t[k]?.text ?? '')) k++;
          return t[k]?.cap === true && k - j < 4;
        };
        if (n.kind === 'w' && (n.cap || (n.lower === 'of' && t[j + 1]?.cap) || (isParticle(n.text) && joins(j)))) {
          if (isPossessive(t[j - 1] as Token) && !n.cap) break;
          j++;
          continue;
        }
        break;
      }
      // "a Los Angeles-area Sanders volunteer": a run holding a hyphenated modifier
      // ("Angeles-area", "Texas-based") is no name; registered as one, "Los Angeles-area
      // Sanders" took every later bare "Sanders" (cluster dev set: 1 speaker).
      const modifier = hyphenatedModifierIn(t, i, j);
      if (modifier >= 0) {
        i = modifier + 1;
        continue;
      }
      // A photo credit names no one of the story: "(Photo by Christopher Furlong/Getty Images)"
      // between a student's introduction and his quotation had taken the "he says" after it.
      if (isPhotoCredit(t, i, j)) {
        i = j;
        continue;
      }
      // In a title-case line (a headline) every word is capitalised, so a run of them is no name:
      // "Woman Who Accused Trump Of Rape When She Was 13 …" had registered "Rape When She Was",
      // which the body's "who" then resolved to, and "ESPN Fires Schilling Over" took the body's
      // "ESPN said". The body names the people again; a name given only there stays unregistered.
      if (this.onHeadline(i)) {
        i = j;
        continue;
      }
      // Lower-case role nouns right before the name are titles too ("journalist Audrey MacAlpine").
      let a = i;
      while (a - 1 >= 0 && a > i - 3 && (t[a - 1] as Token).kind === 'w' && ROLE_NOUNS.has((t[a - 1] as Token).lower)) a--;
      const info = readMention(this.text, t, { a, b: j });
      // Offices ("CEO of Determined AI") are descriptions, not people whose "surname" later words could match.
      if (info.kind === 'person' && info.form === 'name' && info.name?.includes(' ')) {
        const known = this.entities.length;
        const e = this.upsert(info, tok.s);
        if (this.entities.length > known ? introducedAsRelative(t, a) : relativeOfNamedBefore(t, a, e.surname)) e.relative = true;
        // A first name of either sex ("Charlie") takes the kinship noun's: "he" after "Steenburgen’s
        // son, filmmaker Charlie McDowell" had gone back to a man named paragraphs before.
        e.gender ??= kinshipGender(t, a);
        // An appositive right after the name adds a role: "Mike Rounds, a Republican from South Dakota,".
        if (t[j]?.text === ',' && /^(a|an|the)$/.test(t[j + 1]?.lower ?? '')) {
          let k = j + 1;
          while (k < t.length && k - j < 12 && (t[k] as Token).kind === 'w') k++;
          // A tensed auxiliary makes it a clause of its own: "published in BMJ Case Reports, the
          // 43-year-old man had suffered months of dizziness" gives the journal no role.
          const clause = t.slice(j + 1, k).some((w) => TENSED_AUXILIARIES.has(w.lower));
          if (!clause && (t[k]?.text === ',' || t[k]?.text === '.')) {
            const role = this.text.slice((t[j + 1] as Token).s, (t[k - 1] as Token).e);
            e.roles.push(role);
            joinParties(e, partiesOfRole(role));
          }
        }
        const party = partyAfterName(this.text, t, j);
        if (party) joinParties(e, [party]);
      } else if (info.kind === 'person' && info.form === 'name' && info.name && info.role) {
        this.upsert(info, tok.s);
      } else if (j - i === 1 && info.kind === 'person' && info.form === 'name' && info.name) {
        this.seeSurname(info.name, tok.s);
      }
      i = j;
    }
  }

  /** The line {@link onHeadline} read last: its text range and verdict (names come in text order). */
  private line = { from: -1, to: -1, headline: false };

  /**
   * Whether token `i` lies on a headline: a line (text between newlines) set in title case with a
   * capitalised function word after its first word. The words of its quotations count too:
   * "“…,” said Edward Alden of the Council on Foreign Relations" is mostly capitalised outside its
   * quotation. Each line is read once: collect() asks in text order, so a page that is one long
   * line is not searched back to its start for every name.
   */
  private onHeadline(i: number): boolean {
    const at = (this.tokens[i] as Token).s;
    if (at >= this.line.from && at < this.line.to) return this.line.headline;
    const from = this.text.lastIndexOf('\n', at) + 1;
    const end = this.text.indexOf('\n', at);
    const to = end < 0 ? this.text.length : end;
    const words = this.text.slice(from, to).match(LINE_WORD) ?? [];
    const headline = isTitleCase(words) && words.slice(1).some((w) => /^\p{Lu}/u.test(w) && isFunctionWord(w.toLowerCase()));
    this.line = { from, to, headline };
    return headline;
  }

  private upsert(info: MentionInfo, pos: number): Entity {
    const name = info.name as string;
    // "James Roosevelt Jr.": the surname is Roosevelt (as "Jr." he had been no Roosevelt, and a
    // later bare "Roosevelt" went to Franklin, named before him); the suffix keeps Donald Trump Jr.
    // apart from Donald Trump.
    const { parts, suffix } = splitSuffix(name.split(/\s+/));
    const surname = lowerName(parts[parts.length - 1] as string);
    const first = parts.length > 1 && !isParticle(parts[0] as string) ? (parts[0] as string).toLowerCase() : null;
    let e = this.find(surname, first, suffix);
    if (!e) {
      e = {
        name,
        kind: 'person',
        surname,
        first,
        suffix,
        gender: info.gender ?? (first ? firstNameGender(first) : null),
        roles: [],
        places: new Set(),
        seen: [],
      };
      this.entities.push(e);
      if (first) this.byFirst.set(first, [...(this.byFirst.get(first) ?? []), e].slice(-20));
      const list = this.bySurname.get(surname) ?? [];
      list.push(e);
      this.bySurname.set(surname, list);
    } else if (first && parts.length > e.name.split(/\s+/).length) {
      e.name = name;
      e.first = first;
      e.gender ??= first ? firstNameGender(first) : null;
    }
    if (info.gender) e.gender ??= info.gender;
    const role = speakerRole(info.role);
    if (role && !e.roles.includes(role)) e.roles.push(role);
    joinParties(e, partiesOfRole(info.role));
    if (info.place) e.places.add(info.place);
    for (const w of (info.role ?? '').split(/\s+/)) {
      const p = placeKey(w);
      if (p) e.places.add(p);
    }
    see(e, pos);
    return e;
  }

  /**
   * The person of that surname a first name can be (suffix '' for none): a full name agrees in
   * first name and suffix ("Donald Trump Jr." is not "Donald Trump"), a surname-only one in gender.
   */
  private find(surname: string, first: string | null, suffix = ''): Entity | undefined {
    const list = this.bySurname.get(surname);
    if (list?.length)
      return (
        list.find(
          (e) => !first || (e.first ? firstNamesAgree(e.first, first) && (e.suffix ?? '') === suffix : gendersAgree(e, first)),
        ) ?? (first ? undefined : list[0])
      );
    return undefined;
  }

  /**
   * Records a bare surname of a person already introduced ("Bassi, 43 years a fisherman, keeps an
   * eye …") as a mention of them, so a later "he" finds them the most recent person. Unrecorded,
   * the recency fallback of {@link pronoun} had skipped back over it to a capitalised run read as
   * a person ("Whole Foods Market", named between "skipper Wade Bassi" and "Bassi").
   */
  private seeSurname(word: string, pos: number): void {
    const list = this.bySurname.get(lowerName(word));
    // One person of that surname only: whom a bare "Clinton" or "Murphy" means when the article
    // names several is left to resolution (recorded for the latest, "Murphy" had become Anne
    // Marie Murphy, named once, in an article about Chris Murphy: 49 records changed, half wrong).
    if (list?.length === 1) see(list[0] as Entity, pos);
  }

  /**
   * A single-word or partial name: a surname or first name of the body, else of the page
   * (gazetteer), then a near-miss spelling of a body surname, else of a page surname.
   */
  private lookup(word: string, pos: number, gender?: 'm' | 'f'): Entity | undefined {
    const w = lowerName(word);
    const all = this.bySurname.get(w);
    // "Mrs. Clinton" is not Bill Clinton, "Mr. Trump" not Ivanka: an honorific's gender rules out
    // the others of that surname (a Clinton article had given Hillary Clinton's words to Bill
    // wherever he had been named last).
    const fits = gender ? all?.filter((e) => e.gender === gender) : undefined;
    const exact = fits?.length ? fits : all;
    // A bare surname shared with a relative introduced as such ("Hillary Clinton … her husband,
    // former President Bill Clinton … Clinton said") means the article's own person: the most
    // recent mention had credited Hillary Clinton's words to Bill (cluster dev set: 1 speaker).
    const principal = exact?.filter((e) => !e.relative);
    if (principal?.length) return latestSeen(principal, pos);
    if (exact?.length) return latestSeen(exact, pos);
    const byFirst = this.byFirst.get(w) ?? [];
    if (byFirst.length === 1) return byFirst[0];
    const page = byFirst.length ? null : this.gazetteer.complete(word);
    if (page) return this.fromPage(page.name, pos);
    const near = this.nearMiss(w, pos);
    if (near) return near;
    const pageNear = this.gazetteer.nearest(word);
    return pageNear && !this.moreUsedThan(w, pageNear.surname) ? this.fromPage(pageNear.name, pos) : undefined;
  }

  /**
   * Whether the article writes `word` more often than the surname it is one or two letters from:
   * then it is a name of its own, not a misspelling ("Pfizer", nine times in a story that names
   * "DLA Piper" once, had all the company's statements credited to a person "DLA Piper"). A typo
   * is written once or as often as the name ("Keidis" once, "Kiedis" three times).
   */
  private moreUsedThan(word: string, surname: string): boolean {
    return this.wordCount(word) > this.wordCount(surname);
  }

  /** How many times the page writes a lower-case word as a whole word: its body and the texts around it. */
  private wordCount(word: string): number {
    this.lowered ??= this.text.toLowerCase();
    return wholeWordCount(this.lowered, word) + this.gazetteer.count(word);
  }
  /** The article's text lower-cased, on the first count (most articles never count a word). */
  private lowered: string | undefined;

  /**
   * The person whose surname `w` misspells. One letter off (four letters or more): the most
   * recently seen such person, as before. Two letters off (five letters or more, "Jensen" for
   * "Janzen"): only when exactly one person is that close.
   */
  private nearMiss(w: string, pos: number): Entity | undefined {
    const max = misspellingBudget(w);
    if (!max) return undefined;
    const scored = this.recent()
      .filter((e) => e.kind === 'person' && e.surname[0] === w[0])
      .map((e) => ({ e, d: editDistance(e.surname, w, max) }))
      .filter((x) => x.d <= max && !this.moreUsedThan(w, x.e.surname));
    const one = scored.filter((x) => x.d <= 1).map((x) => x.e);
    if (one.length) return latestSeen(one, pos);
    return scored.length === 1 ? scored[0]?.e : undefined;
  }

  /** The entity for a full name the page gives outside the body (registered on first use). */
  private fromPage(name: string, pos: number): Entity {
    return this.upsert({ form: 'name', kind: 'person', name }, pos);
  }

  /** The entity introduced with a role that the role noun names ("the vice president"). */
  private byRole(head: string, place: string | undefined, pos: number): Entity | undefined {
    const words = head.split(/\s+/);
    const last = words[words.length - 1] as string;
    let best: Entity | undefined;
    let bestPos = -1;
    for (const e of this.recent()) {
      if (e.kind !== 'person') continue;
      const p = lastBefore(e, pos);
      if (p < 0 || p <= bestPos) continue;
      if (place && e.places.size && !e.places.has(place)) continue;
      if (place && !e.places.size) continue;
      const ok = e.roles.some((r) => {
        const rl = r.toLowerCase();
        const rw = rl.split(/\s+/);
        const rlast = rw[rw.length - 1] ?? '';
        if (last === 'leader') return HEAD_OF_STATE.has(rlast) || rl.includes('prime minister') || rl.includes('leader');
        if (!(rl === head || rl.endsWith(` ${head}`)) && !rw.includes(last)) return false;
        // "the president" is not the vice president.
        if (words.length === 1 && rl.includes(`vice ${last}`)) return false;
        return true;
      });
      if (ok) {
        best = e;
        bestPos = p;
      }
    }
    return best;
  }

  /**
   * "Marco Rubio spoke over boos … Rubio offered the crowd an emotional evaluation …" then "The
   * Florida senator sought to calm his supporters, … saying …": a definite description of a public
   * figure ({@link EPITHET_HEADS}) that no person of the article was introduced with is the one
   * person the sentence before names, when the description's own sentence names no one before it
   * and the person's gender and places fit. Two people in the sentence before ("Clinton attacked
   * Sanders. The Vermont senator said …") or one named earlier in the same sentence ("Mr. Trump
   * took on Hillary Clinton after the Democratic front-runner had said …") leave it unresolved.
   */
  /**
   * {@link describedPerson} for a description right after the quotation that opens its sentence
   * ("“In addition to winning the Electoral College …,” the President-elect fumed in a tweet"),
   * asked only when no report came before it for the description to stand for.
   */
  describedAfterQuote(info: MentionInfo, pos: number): Speaker | null {
    const e = this.fitsParty(info, pos, this.describedPerson(info, pos, true));
    return e ? this.out(e).speaker : null;
  }

  /**
   * The person a party description ("the GOP nominee", "the Democratic presidential candidate",
   * {@link partyOfDescription}) stands for, given `found` by role or the sentence before: not
   * someone the article gives another party, nor, when the article gives someone that party,
   * someone whose party it does not say; and when nothing was found, the one person of that party
   * named so far, for a party's nominee ({@link PARTY_NOMINEE_HEADS}). See party.ts.
   */
  private fitsParty(info: MentionInfo, pos: number, found: Entity | undefined): Entity | undefined {
    const party = info.indefinite ? null : partyOfDescription(info.role);
    if (!party) return found;
    const members = this.recent().filter((e) => e.kind === 'person' && e.parties?.has(party) && lastBefore(e, pos) >= 0);
    if (found && (found.parties?.has(party) || (!found.parties?.size && !members.length))) return found;
    return PARTY_NOMINEE_HEADS.has(descriptionHead(info.role)) && members.length === 1 ? members[0] : undefined;
  }

  private describedPerson(info: MentionInfo, pos: number, afterQuote = false): Entity | undefined {
    const head = descriptionHead(info.role);
    if (!info.definite || !EPITHET_HEADS.has(head) || RANKING_HEADS.has(head)) return undefined;
    // "The Kentucky Republican and the New York businessman discussed …" is two people.
    if (/\band\b/.test(info.role ?? '')) return undefined;
    let k = this.sentenceRanges.length - 1;
    while (k >= 0 && (this.tokens[this.sentenceRanges[k]![0]] as Token).s > pos) k--;
    const current = this.sentenceRanges[k];
    if (!current) return undefined;
    let upTo = current[0];
    while (upTo < current[1] && (this.tokens[upTo] as Token).e <= pos) upTo++;
    // After a quotation ("“…,” the gambling tycoon told Reuters") the description is the quotation's
    // speaker, which epithetOf reads from the last report, not the sentence before.
    if (!afterQuote) for (let t = current[0]; t < upTo; t++) if ((this.tokens[t] as Token).kind === 'Q') return undefined;
    if (this.peopleNamedIn(current[0], upTo).size) return undefined;
    // The sentence before, or before a chain of sentences opened by such descriptions ("Clinton
    // proclaimed … “I did not email any classified material …” The presidential candidate
    // reiterated: “…” The candidate changed her story …") or going on about someone by pronoun
    // only ("Bloomberg has attempted to apologize … But his effort hit a major hurdle when audio
    // surfaced of remarks he made … In the speech, …, the former mayor argued that …").
    let named: Entity[] = [];
    const gender = NOUN_GENDER[head] ?? null;
    for (let b = k - 1; b >= Math.max(0, k - DESCRIBED_LOOKBACK); b--) {
      const [sa, sb] = this.sentenceRanges[b]!;
      named = [...this.peopleNamedIn(sa, sb)];
      if (named.length || !((this.tokens[sa] as Token).lower === 'the' || this.refersByPronoun(sa, sb, gender))) break;
    }
    // After a quotation the speaker is often not whom the sentence before is about ("De Blasio
    // disbanded the unit. “There's hatred …,” the Republican presidential candidate said"): the
    // sentence before that must name no one else either.
    // A gendered description ("the actress", "the congresswoman") is the one person of its gender
    // named there: "… he met Gosling, who apparently told Chazelle …; Stone had just come off doing
    // Cabaret … “It was at a diner,” the actress says" is Emma Stone (a goldset quotation).
    const fits = (e: Entity): boolean => !gender || e.gender === gender;
    if (gender) named = named.filter(fits);
    if (afterQuote && k >= 2) {
      const [sa, sb] = this.sentenceRanges[k - 2]!;
      for (const e of this.peopleNamedIn(sa, sb)) if (fits(e) && !named.includes(e)) return undefined;
    }
    const person = named.length === 1 ? named[0] : undefined;
    // A full name the article gives: a lone capitalised word ("Spurns offer, blasts …" in a
    // headline's second line) is too weak to stand for a described public figure.
    if (!person || !/\s/.test(person.name)) return undefined;
    if (gender && person.gender && gender !== person.gender) return undefined;
    if (info.place && person.places.size && !person.places.has(info.place)) return undefined;
    return person;
  }

  /** Whether tokens [a, b) refer to someone by a personal pronoun (of `gender` when known). */
  private refersByPronoun(a: number, b: number, gender: 'm' | 'f' | null): boolean {
    const text = this.text.slice((this.tokens[a] as Token).s, (this.tokens[b - 1] as Token).e);
    return gender ? GENDERED_PRONOUN[gender].test(text) : GENDERED_PRONOUN.m.test(text) || GENDERED_PRONOUN.f.test(text);
  }

  /** Someone known to be a person: gendered by name or honorific, or already a speaker ("Gaza Strip" is none). */
  private knownPerson(e: Entity): boolean {
    return e.kind === 'person' && (!!e.gender || this.speakers.has(e));
  }

  /**
   * The people whose surname a capitalised word of tokens [a, b) is: those known to be people,
   * gendered by name or honorific or already a speaker ("United States", "Miami Tuesday" are none).
   */
  private peopleNamedIn(a: number, b: number): Set<Entity> {
    const out = new Set<Entity>();
    for (let i = a; i < b; i++) {
      const tok = this.tokens[i] as Token;
      if (tok.kind !== 'w' || !tok.cap) continue;
      for (const e of this.bySurname.get(lowerName(tok.text)) ?? []) if (this.knownPerson(e)) out.add(e);
    }
    return out;
  }

  /** Records that an entity is the subject of a clause at `pos` (pronouns look here first). */
  noteSubject(entity: Entity | null, pos: number): void {
    if (!entity) return;
    this.salient.push({ entity, pos });
    this.speakers.add(entity);
    see(entity, pos);
  }

  /**
   * Notes the first person a sentence names (usually its subject: "Morrison was the third
   * witness", "Netanyahu visited …") as salient, so a later "he"/"she" can point at someone who
   * was never the subject of a reporting clause. Only entities the article already knows count.
   * Returns that person when the name opens the sentence, else null.
   */
  noteSentenceSubject(a: number, b: number): Resolved | null {
    this.sentenceRanges.push([a, b]);
    // A writer's aside between two quotations is not where the subject is: "“I don't think the
    // conventional wisdom” -- that Bloomberg is perceived as … -- “is going to last,” he says." is
    // Douglas Schoen's, not Bloomberg's. The search starts after the second quotation.
    if ((this.tokens[a] as Token | undefined)?.kind === 'Q') {
      for (let k = a + 1; k < Math.min(b, a + SpeakerRegistry.SUBJECT_WINDOW); k++) {
        if ((this.tokens[k] as Token).kind === 'Q') {
          a = k + 1;
          break;
        }
      }
    }
    // A subject sits near the start: a bounded look keeps a 20,000-token sentence linear.
    const end = Math.min(b, a + SpeakerRegistry.SUBJECT_WINDOW);
    // "Although it was far from the last word on Hillary Clinton’s email scandal, Attorney General
    // Loretta Lynch took …": a leading concessive clause (CONTRASTIVE: although, though, while,
    // whereas) is not where the subject is. Only those: with every subordinator ("When …", "As
    // …", "Since …"), 11 speakers over the 1,008 PolNeAR texts changed, 5 for the better and 3
    // for the worse (a first comma that is an appositive's or inside the clause); with these, the
    // two of Lynch's statement, both right now.
    const clauseEnd = CONTRASTIVE.has((this.tokens[a] as Token | undefined)?.lower ?? '') ? this.commaIn(a, end) : -1;
    const found =
      clauseEnd >= 0
        ? this.subjectAfterClause(a, clauseEnd, end)
        : ((this.opensWithParticiple(a) ? this.subjectAfterParticiple(a, end) : null) ?? this.firstPersonIn(a, end));
    if (!found) return null;
    this.salient.push(found);
    see(found.entity, found.pos);
    // Only a subject opening the sentence is returned (what a lone quotation after it may take).
    return found.pos === (this.tokens[a] as Token).s ? this.out(found.entity) : null;
  }

  /**
   * The subject of a sentence opened by a subordinate clause `[a, comma)`: a person named right
   * after the comma (within {@link SUBJECT_AFTER_CLAUSE} tokens: "…, Mr. Kasich forcefully
   * differed"), else the clause's own first person ("Although Assange was not charged, he has
   * accused …": the main clause's pronoun is that person).
   */
  private subjectAfterClause(a: number, comma: number, end: number): { entity: Entity; pos: number } | null {
    const next = this.tokens[comma + 1] as Token | undefined;
    const main =
      next && !PRONOUNS[next.lower]
        ? this.firstPersonIn(comma + 1, Math.min(end, comma + 1 + SpeakerRegistry.SUBJECT_AFTER_CLAUSE))
        : null;
    return main ?? this.firstPersonIn(a, comma);
  }

  /**
   * Whether the sentence at `a` opens with a participle phrase ("Preceded at the lectern by Joe
   * Arpaio, …, Trump launched into …", "Asked about the wall, Clinton said …"): a capitalised
   * -ed or -ing word that names no one the article knows, then a lower-case word. The person in
   * that phrase had been taken for the sentence's subject, and the next "he said" for theirs.
   */
  private opensWithParticiple(a: number): boolean {
    const first = this.tokens[a] as Token | undefined;
    const next = this.tokens[a + 1] as Token | undefined;
    if (!(first?.kind === 'w' && /^\p{Lu}\p{Ll}{2,}(?:ed|ing)$/u.test(first.text))) return false;
    if (!(next?.kind === 'w' && !next.cap)) return false;
    return !this.bySurname.has(lowerName(first.text)) && !this.byFirst.has(lowerName(first.text));
  }

  /**
   * The subject after a leading participle phrase: the first person named right after a comma
   * that a capitalised word follows (an appositive's "the Arizona sheriff" is passed over), or null.
   */
  private subjectAfterParticiple(a: number, end: number): { entity: Entity; pos: number } | null {
    for (let c = this.commaIn(a, end); c >= 0; c = this.commaIn(c + 1, end)) {
      const next = this.tokens[c + 1] as Token | undefined;
      if (!next?.cap || PRONOUNS[next.lower]) continue;
      const found = this.firstPersonIn(c + 1, Math.min(end, c + 1 + SpeakerRegistry.SUBJECT_AFTER_CLAUSE));
      if (found && !this.listItemAt(found.next)) return found;
    }
    return null;
  }

  /**
   * Whether a name ending at token `k` (or running on past it) is an item of a list: a comma,
   * "and" or "or" right after it ("Featuring songs by Loretta Lynn, Elvis Costello, Johnny Cash and …").
   */
  private listItemAt(k: number): boolean {
    while ((this.tokens[k] as Token | undefined)?.cap) k++;
    const after = (this.tokens[k] as Token | undefined)?.lower ?? '';
    return after === ',' || after === 'and' || after === 'or';
  }

  /** Tokens after a leading clause's comma where the main clause's subject is looked for. */
  private static readonly SUBJECT_AFTER_CLAUSE = 5;

  /** The first ',' in tokens [a, b), or -1. */
  private commaIn(a: number, b: number): number {
    for (let i = a; i < b; i++) if ((this.tokens[i] as Token).text === ',') return i;
    return -1;
  }

  /** The first person the article knows named in tokens [a, end) ({@link noteSentenceSubject}), with where. */
  private firstPersonIn(a: number, end: number): { entity: Entity; pos: number; next: number } | null {
    const t = this.tokens;
    let lookups = 0;
    for (let i = a; i < end && lookups < 6; i++) {
      const tok = t[i] as Token;
      if (tok.kind !== 'w' || !tok.cap || CAPITALISED_STOPWORDS.has(tok.text) || PRONOUNS[tok.lower]) continue;
      lookups++;
      let j = i + 1;
      while (j < end && j - i < 5 && (t[j] as Token).kind === 'w' && (t[j] as Token).cap) j++;
      // "Clinton campaign manager Robby Mook released …": a name modifying a role is not the
      // subject; the name after the role is (the memo's "He writes" had gone back to Sanders).
      const named = this.nameAfterRole(j, end);
      if (named > j) {
        i = named - 1;
        continue;
      }
      const e = this.byNameWords(
        t.slice(i, j).map((w) => w.text),
        tok.s,
      );
      // Only someone known to be a person: gendered by name or honorific, or already a speaker ("Gaza Strip" is none).
      if (e && this.knownPerson(e)) return { entity: e, pos: tok.s, next: j };
      i = j - 1;
    }
    return null;
  }

  /**
   * The entity a capitalised run of name words at `pos` is: a full name by its first name and
   * surname (else the surname alone), a lone word by {@link lookup}.
   */
  private byNameWords(words: readonly string[], pos: number): Entity | undefined {
    const last = words[words.length - 1] as string;
    if (words.length === 1) return this.lookup(last, pos);
    return this.find(lowerName(last), (words[0] as string).toLowerCase()) ?? this.lookup(last, pos);
  }

  /** Lower-case words of a role between a modifying name and the person's name ("campaign manager"). */
  private static readonly ROLE_AFTER_MODIFIER = 3;

  /**
   * Where a capitalised name starts after lower-case role words at `j` ("[Clinton] campaign
   * manager Robby Mook"), or -1. "campaign" counts among the role words.
   */
  private nameAfterRole(j: number, end: number): number {
    let r = j;
    while (r < end && r - j < SpeakerRegistry.ROLE_AFTER_MODIFIER) {
      const w = this.tokens[r] as Token;
      if (!(w.kind === 'w' && !w.cap && (ROLE_NOUNS.has(w.lower) || w.lower === 'campaign'))) break;
      r++;
    }
    return r > j && r < end && (this.tokens[r] as Token).cap && (this.tokens[r] as Token).kind === 'w' ? r : -1;
  }

  /** Tokens from a sentence's start searched for its subject. */
  private static readonly SUBJECT_WINDOW = 30;

  /** How many salient subjects a pronoun looks back over before falling back to any mention. */
  private static readonly SALIENT_WINDOW = 40;

  private pronoun(p: string, pos: number): Entity | undefined {
    const compatible = (e: Entity): boolean => agrees(p, e);
    const subject = this.salientBefore(pos, compatible);
    if (!subject) return this.mentionedBefore(pos, compatible)?.entity;
    // A subject from an earlier paragraph yields to a person of the pronoun's gender this
    // paragraph names since ("When Ford visited his editor Teresa Nielsen Hayden …, he would …
    // “…,” she recalled" had gone to the woman who spoke two paragraphs before), unless the
    // paragraph already went on about the subject with such a pronoun before naming that person
    // ("She has faced controversies … her decision to meet Bill Clinton … his wife, Hillary
    // Clinton … “…,” she said" is still Lynch's). Only then are the mentions looked over.
    const paragraph = this.text.lastIndexOf('\n', pos - 1);
    const gender = genderOfPronoun(p);
    if (!gender || subject.pos >= paragraph) return subject.entity;
    const mentioned = this.mentionedBefore(pos, compatible);
    if (
      mentioned &&
      mentioned.entity.gender === gender &&
      mentioned.entity !== subject.entity &&
      mentioned.pos > paragraph &&
      !GENDERED_PRONOUN[gender].test(this.text.slice(paragraph + 1, mentioned.pos))
    )
      return mentioned.entity;
    return subject.entity;
  }

  /** The latest subject before `pos` that fits, among the last {@link SALIENT_WINDOW}. */
  private salientBefore(pos: number, fits: (e: Entity) => boolean): { entity: Entity; pos: number } | undefined {
    const floor = Math.max(0, this.salient.length - SpeakerRegistry.SALIENT_WINDOW);
    for (let k = this.salient.length - 1; k >= floor; k--) {
      const s = this.salient[k] as { entity: Entity; pos: number };
      if (s.pos < pos && fits(s.entity)) return s;
    }
    return undefined;
  }

  /** The most recently mentioned entity before `pos` that fits, with where. */
  private mentionedBefore(pos: number, fits: (e: Entity) => boolean): { entity: Entity; pos: number } | undefined {
    let best: Entity | undefined;
    let bestPos = -1;
    for (const e of this.recent()) {
      const q = lastBefore(e, pos - 1);
      if (q > bestPos && fits(e)) {
        best = e;
        bestPos = q;
      }
    }
    return best && { entity: best, pos: bestPos };
  }

  /**
   * The name of the body a bare "the <head>" at `pos` means: "the company" the firm named with a
   * firm's last word ({@link companyNamed}), any other head the latest name ending in that noun
   * ({@link namedByHead}), none for {@link UNNAMED_BODY_HEADS}.
   */
  private bodyNamed(head: string, pos: number, role?: string): string | null {
    if (head === 'company') return this.companyOfTrade(role, pos) ?? this.companyNamed(pos);
    if (UNNAMED_BODY_HEADS.has(head)) return null;
    const named = this.namedByHead(head, pos);
    if (named || !GENERIC_BODY_HEADS.has(head)) return named;
    for (const name of this.namesEndingIn(GROUP_BODY_WORDS, pos, NAME_JOINERS, SpeakerRegistry.GROUP_LOOKBACK)) return name;
    return null;
  }

  /** Characters back from a bare "the group" that the body it means is looked for: the sentence or two before. */
  private static readonly GROUP_LOOKBACK = 400;

  /**
   * The firm "the production company" at `pos` means by its trade: the latest name before it that
   * ends in the word before "company", singular or plural ("Dick Clark Productions"; the record
   * label named since had taken its two quotations). Null without such a word or name.
   */
  private companyOfTrade(role: string | undefined, pos: number): string | null {
    const words = role?.split(/\s+/) ?? [];
    const trade = words[words.length - 2];
    if (!trade || !/^\p{Ll}+$/u.test(trade)) return null;
    const word = trade.charAt(0).toUpperCase() + trade.slice(1);
    for (const name of this.namesEndingIn(new Set([word, `${word}s`]), pos)) return name;
    return null;
  }

  /**
   * The name the article gave the body a bare "the trust" or "the ministry" refers to: the latest
   * capitalised name before `pos`, within ORG_HEAD_LOOKBACK characters, that ends in that noun
   * capitalised ("the Citizens' Independent Transportation Trust"); null when none.
   */
  private namedByHead(head: string, pos: number): string | null {
    const word = head.split(/\s+/).pop() ?? '';
    for (const name of this.namesEndingIn(new Set([word.charAt(0).toUpperCase() + word.slice(1)]), pos)) return name;
    return null;
  }

  /**
   * The firm a bare "the company" at `pos` means: of the names before it that end in a firm's word
   * ({@link COMPANY_NAME_ENDS}; at most COMPANY_CANDIDATES), the one whose first word the article
   * used last ("Boeing is in only the early stages … The company said": Boeing Co., named early,
   * not the "Lockheed Corp" named since). Only "of" joins a firm's name ("Royal Bank of Scotland
   * Group"): "Boeing and Lockheed Corp" are two; a title before it ("CEO of") is dropped.
   */
  private companyNamed(pos: number): string | null {
    // Each candidate by its first word (the latest full name for a word named twice).
    const byFirst = new Map<string, string>();
    for (const found of this.namesEndingIn(COMPANY_NAME_ENDS, pos, /^of$/, SpeakerRegistry.COMPANY_LOOKBACK)) {
      const name = withoutTitleOf(found);
      const first = name.split(/\s+/)[0] as string;
      if (!byFirst.has(first)) byFirst.set(first, name);
      if (byFirst.size >= SpeakerRegistry.COMPANY_CANDIDATES) break;
    }
    if (!byFirst.size) return null;
    // The firm must be in view: its first word used shortly before ("Twitter", named without a
    // firm's word, is the company of a page whose last "… Group" is another).
    const t = this.tokens;
    const floor = pos - SpeakerRegistry.COMPANY_IN_VIEW;
    for (let i = this.lastTokenBefore(pos); i >= 0 && (t[i] as Token).s >= floor; i--) {
      const name = byFirst.get((t[i] as Token).text);
      if (name) return name;
    }
    return null;
  }

  /** The index of the last token starting before offset `pos` (-1 when none). */
  private lastTokenBefore(pos: number): number {
    const t = this.tokens;
    return firstNotBefore(t.length, (k) => (t[k] as Token).s < pos) - 1;
  }

  /**
   * Capitalised names before `pos`, within `lookback` characters, the latest first, that end
   * in one of `ends`, with `joiners` the words that may join their capitalised parts ("Department
   * of Transportation").
   */
  private *namesEndingIn(
    ends: ReadonlySet<string>,
    pos: number,
    joiners: RegExp = NAME_JOINERS,
    lookback: number = SpeakerRegistry.ORG_HEAD_LOOKBACK,
  ): Generator<string> {
    const t = this.tokens;
    const floor = pos - lookback;
    let i = this.lastTokenBefore(pos);
    for (; i > 0 && (t[i] as Token).s >= floor; i--) {
      const h = t[i] as Token;
      if (h.kind !== 'w' || !ends.has(h.text)) continue;
      let a = i;
      while (a - 1 >= 0) {
        const w = t[a - 1] as Token;
        if (w.kind === 'w' && w.cap && !CAPITALISED_STOPWORDS.has(w.text)) a--;
        // "Citizens’ Independent …": a plural possessive's bare apostrophe, with its word
        else if (isPossessiveApostrophe(t, a - 1) && (t[a - 2] as Token).cap) a -= 2;
        else if (w.kind === 'w' && joiners.test(w.lower) && t[a - 2]?.cap) a--;
        else break;
      }
      // and "of Transportation" after it ("the Florida Department of Transportation")
      let b = i + 1;
      while (/^(of|for|on)$/.test(t[b]?.lower ?? '') && t[b + 1]?.cap) {
        b += 2;
        while (t[b]?.kind === 'w' && t[b]?.cap) b++;
      }
      const from = (t[a] as Token).s;
      if (a < i && !this.titleCaseLine(from)) yield this.text.slice(from, (t[b - 1] as Token).e).replace(/^(The)\s+/, '');
    }
  }

  /**
   * Whether the line holding offset `at` is a headline: set in title case, function words
   * included or not ("British Bank Abruptly Drops Russian Network RT's Accounts."), and no longer
   * than HEADLINE_MAX_CHARS (so a page that is one long line is not read whole for every name).
   */
  private titleCaseLine(at: number): boolean {
    const max = SpeakerRegistry.HEADLINE_MAX_CHARS;
    const before = this.text.slice(Math.max(0, at - max), at);
    const after = this.text.slice(at, at + max);
    const nl = before.lastIndexOf('\n');
    const end = after.indexOf('\n');
    if ((nl < 0 && at > max) || (end < 0 && at + max < this.text.length)) return false;
    const line = before.slice(nl + 1) + (end < 0 ? after : after.slice(0, end));
    return isTitleCase(line.match(LINE_WORD) ?? []);
  }

  /** The longest line read as a headline. */
  private static readonly HEADLINE_MAX_CHARS = 300;

  /** Firms' names weighed for a bare "the company" (see companyNamed). */
  private static readonly COMPANY_CANDIDATES = 4;

  /**
   * Characters back from a bare "the company" that firms' names are looked for: a firm is named in
   * full once, near the top ("a contract with Boeing Co."), and by its short name after.
   */
  private static readonly COMPANY_LOOKBACK = 20_000;

  /** Characters before "the company" in which the firm's first word must stand (see companyNamed). */
  private static readonly COMPANY_IN_VIEW = 1_500;

  /** Characters back from a bare "the trust" that its name is looked for. */
  private static readonly ORG_HEAD_LOOKBACK = 4000;

  /** Resolves a mention read from the text at `pos` to a speaker; `antecedent` is for "who"/"which". */
  resolve(info: MentionInfo, pos: number, antecedent?: MentionInfo): Resolved {
    if (info.form === 'pronoun') {
      if ((info.pronoun === 'who' || info.pronoun === 'which' || info.pronoun === 'that') && antecedent)
        return this.resolve(antecedent, pos);
      if (info.pronoun === 'he' || info.pronoun === 'she' || info.pronoun === 'they') {
        const e = this.pronoun(info.pronoun, pos);
        if (e) {
          // The article's own usage: a "she" resolved to a person of unknown gender tells it.
          e.gender ??= genderOfPronoun(info.pronoun);
          return this.out(e);
        }
        return { speaker: { name: null, kind: info.pronoun === 'they' ? 'group' : 'person' }, entity: null };
      }
      return { speaker: { name: null, kind: info.kind === 'organization' ? 'organization' : 'unknown' }, entity: null };
    }
    if (info.form === 'role' && info.kind === 'person' && info.roleHead) {
      // "one Sanders supporter", "a senator": someone new, not the person introduced with that role
      // ("“Hillary doesn't even care anymore,” wrote one Sanders supporter" had gone to the Maine
      // legislator the article introduced as a Sanders supporter).
      const e = info.indefinite
        ? undefined
        : this.fitsParty(info, pos, this.byRole(info.roleHead, info.place, pos) ?? this.describedPerson(info, pos));
      if (e) return this.out(e);
      return { speaker: { name: null, kind: 'person', role: info.role }, entity: null };
    }
    if (info.form === 'name' && info.name && info.kind === 'person') {
      const { parts, suffix } = splitSuffix(info.name.split(/\s+/));
      let e: Entity | undefined;
      const first = isParticle(parts[0] as string) ? null : (parts[0] as string).toLowerCase();
      if (parts.length > 1)
        e =
          this.find(lowerName(parts[parts.length - 1] as string), first, suffix) ??
          (first ? undefined : this.lookup(parts[parts.length - 1] as string, pos));
      else e = this.lookup(info.name, pos, info.gender);
      // "FBI", "NASA", "California": a lone word no person of the article bears and no person can
      // bear is the organisation (or the state's government) it names. It stays out of the
      // subjects pronouns look back to: made one, "they" went to "F.B.I." instead of "Mr.
      // Comey's allies" and to "CTU" instead of "Sanders fans".
      const word = info.name.replace(/['’]s$/, '');
      if (!e && parts.length === 1 && notAPerson(word)) return { speaker: { name: word, kind: 'organization' }, entity: null };
      const role = speakerRole(info.role);
      if (!e) e = this.upsert(info, pos);
      else if (role && !e.roles.includes(role)) e.roles.push(role);
      const r = this.out(e);
      if (role && !r.speaker.role) r.speaker.role = role;
      return r;
    }
    // "Bloomberg said" after "Michael Bloomberg", "Cuban said" after "Mark Cuban": a lone word read
    // as an organisation or a country that is the surname of a person of the article, one known to
    // be a person by a gendered first name, honorific or pronoun, is that person ("Coronavirus
    // Ireland" and "New Delhi", capitalised runs taken for people, are not). As the organisation,
    // every "he added" after it skipped back to another man. (A person named in full only outside
    // the body is found by the lookup before this: the Los Angeles Times page of the goldset names
    // "Michael Bloomberg", "Michael R. Bloomberg" and "Mike Bloomberg" there, one man by his first
    // names (Gazetteer.complete), and its "he added" had gone to Paul Begala.)
    if (info.kind === 'organization' && info.form === 'name' && info.name && !info.role && !/\s/.test(info.name)) {
      const person = this.bySurname
        .get(lowerName(info.name))
        ?.filter((e) => e.kind === 'person' && !e.relative && e.gender !== null);
      if (person?.length) return this.out(latestSeen(person, pos));
    }
    // "The trust urged …", "The company said …": the body the article named before (bodyNamed).
    // Only after "the".
    if (
      info.form === 'role' &&
      info.kind === 'organization' &&
      !info.name &&
      info.roleHead &&
      /^the\s/i.test(this.text.slice(pos, pos + 4))
    ) {
      const named = this.bodyNamed(info.roleHead, pos, info.role);
      if (named) return this.resolve({ form: 'name', kind: 'organization', name: named }, pos);
    }
    if ((info.kind === 'document' || info.kind === 'organization' || info.kind === 'group') && info.name) {
      // Organisations, groups and documents resolve to an earlier fuller mention with the same last
      // word, unless that word is the object of a noun's "of" in it ("Bloomberg’s campaign" is not
      // "an old video clip of Bloomberg", "The White House" not "excerpts of his speech released by
      // the White House").
      const name = info.name.replace(/^(the|a|an)\s+/i, '');
      const head = name.split(/\s+/).pop()?.toLowerCase() ?? '';
      // "Her statement said …", "Trump's letter says …": a person's own message is that person's.
      const owner = info.kind === 'document' && PERSONAL_DOCUMENTS.has(head) ? this.documentOwner(pos) : undefined;
      if (owner) return this.out(owner);
      let e = this.byName.get(`${info.kind}:${name}`);
      // A place is itself: "South Korea" is not the "North Korea" named before it.
      if (!e && name.split(/\s+/).length <= 2 && !isPlaceName(name)) {
        const earlier = this.recent().filter(
          (x) => x.kind === info.kind && x.surname === head && !NOUN_OF.test(x.name) && lastBefore(x, pos) >= 0,
        );
        e = earlier.sort((x, y) => y.name.length - x.name.length)[0];
      }
      if (!e) {
        e = { name, kind: info.kind, surname: head, first: null, gender: null, roles: [], places: new Set(), seen: [pos] };
        this.entities.push(e);
        this.byName.set(`${info.kind}:${name}`, e);
      }
      const speaker: Speaker = { name: e.name, kind: e.kind };
      const role = speakerRole(info.role);
      if (role && info.kind !== 'group') speaker.role = role;
      return { speaker, entity: e };
    }
    const speaker: Speaker = { name: info.name, kind: info.kind };
    const role = speakerRole(info.role);
    if (role) speaker.role = role;
    return { speaker, entity: null };
  }

  /**
   * The person whose message a document mention at `pos` is: its possessive ("her", "his", or a
   * name's "Trump's") resolved to a known person, or undefined ("its statement", "the campaign's
   * statement" are no person's).
   */
  private documentOwner(pos: number): Entity | undefined {
    const head = this.text.slice(pos, pos + 80);
    const pronoun = /^(his|her)\s/i.exec(head);
    // "In her statement condemning the test, Hillary Clinton defended …": after a preposition the
    // pronoun may point ahead, at the clause's subject; it is left to that subject.
    if (pronoun && PREPOSITION_BEFORE.test(this.text.slice(Math.max(0, pos - 12), pos))) return undefined;
    if (pronoun) return this.pronoun(pronoun[1]!.toLowerCase() === 'his' ? 'he' : 'she', pos);
    const named = /^((?:\p{Lu}[\p{L}.-]+\s+){0,2}\p{Lu}[\p{L}-]+)[’']s\s/u.exec(head);
    if (!named) return undefined;
    const e = this.byNameWords(named[1]!.split(/\s+/), pos);
    return e && this.knownPerson(e) ? e : undefined;
  }

  private out(e: Entity): Resolved {
    const speaker: Speaker = { name: e.name, kind: e.kind };
    const role = e.roles[0];
    if (role) speaker.role = role;
    return { speaker, entity: e };
  }
}

/**
 * A mention's role as a speaker's, or undefined: none, a courtesy title ({@link COURTESY_TITLES}:
 * "Mr." says no role), the words before the second of two names, ending on a conjunction, a
 * preposition, a determiner or a courtesy title ("Sanders and" of "Sanders and Clinton", "Friends of Mr." of "Friends of Mr.
 * Clinton"), or a relative clause ("who served as
 * secretary of state when …", which also read as the office of secretary of state). Over the
 * 1,008 PolNeAR texts, 1,274 quotations' roles were "Mr.", "Ms." or "Mrs." and 190 such fragments.
 */
export function speakerRole(role: string | undefined): string | undefined {
  if (!role || COURTESY_TITLES.has(role.toLowerCase())) return undefined;
  const words = role.toLowerCase().split(/\s+/);
  const last = words.at(-1) ?? '';
  if (COORD.has(last) || PREPOSITIONS.has(last) || DETERMINERS.has(last) || last === '&' || COURTESY_TITLES.has(last))
    return undefined;
  return RELATIVE_PRONOUNS.has(words[0] ?? '') ? undefined : role;
}

/** A preposition right before a mention ("In her statement"). */
const PREPOSITION_BEFORE = /\b(?:in|at|on|by|with|from|through|via)\s+$/i;

/** Words opening a relative clause: a description, not a role. */
const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['who', 'whose', 'whom', 'which', 'that']);
