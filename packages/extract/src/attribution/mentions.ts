/**
 * Noun phrases that name a speaker: finding their extent next to a cue (scanning left or right
 * over the tokens) and reading them into a name, a role and a kind.
 */
import type { SpeakerKind } from '@quotecheck/shared';
import {
  ANONYMITY_MARKERS,
  ANONYMOUS_HEADS,
  CALENDAR_WORDS,
  CAPITALISED_STOPWORDS,
  CLAUSE_CONJUNCTIONS,
  CONNECTORS,
  DESCRIPTOR_STOP,
  DETERMINERS,
  DOCUMENT_NOUNS,
  GOVERNMENT_METONYMS,
  GROUP_NOUNS,
  HONORIFICS,
  INDEFINITE_OPENERS,
  INDEFINITE_PRONOUNS,
  isPlaceName,
  NAME_PARTICLES,
  NOUN_GENDER,
  NP_MODIFIERS,
  OBJECT_PRONOUNS,
  OFFICE_TITLES,
  ORG_KEYWORDS,
  ORG_NOUNS,
  PARTY_MEMBER_NOUNS,
  PERSON_TITLES,
  PERSONAL_PRONOUNS,
  PREPOSITIONS,
  PRONOUNS,
  placeKey,
  QUANTITY_HEDGES,
  ROLE_NOUNS,
  SPOKES_NOUNS,
  SUBORDINATORS,
  SURNAME_ORG_KEYWORDS,
  TENSED_AUXILIARIES,
  TITLE_WORDS,
  US_STATE_WORDS,
} from './lexicon/index.js';
import { genderOfFirstName } from './pronouns.js';
import type { Token } from './sentences.js';

/** Token range `[a, b)` of a noun phrase. */
export interface Phrase {
  a: number;
  b: number;
}

/** What a speaker noun phrase says by itself, before resolution against the article. */
export interface MentionInfo {
  /** How to resolve it: a name, a pronoun, a role noun ("the senator"), or a description. */
  form: 'name' | 'pronoun' | 'role' | 'description';
  kind: SpeakerKind;
  /** Person or organisation name as written, titles removed ("Marco Rubio", "State Department"). */
  name: string | null;
  /** Titles and descriptions that came with the name ("US Secretary of State"). */
  role?: string;
  /** Lower-case role head for role mentions ("vice president", "leader"). */
  roleHead?: string;
  /** Country or bloc the mention ties the speaker to ("ukraine" for "the Ukrainian leader"). */
  place?: string;
  pronoun?: string;
  /** Gender from an honorific. */
  gender?: 'm' | 'f';
  /** A role mention opened by "the" ("the Florida senator"): someone the reader already knows. */
  definite?: boolean;
  /** A role mention opened by "a", "one" or "another" ("one Sanders supporter"): someone new. */
  indefinite?: boolean;
}

const POSSESSIVE_RE = /['’]s?$/;

export const isPossessive = (t: Token): boolean => t.kind === 'w' && t.text.length > 2 && POSSESSIVE_RE.test(t.text);

/**
 * Whether the name at tokens [n, b) is an organisation's: it holds an organisation word ("State
 * Department"), unless that word is also a surname after a known first name ("Michael Bloomberg",
 * "Liam Fox"; a place is no first name: "Washington Post" stays the paper).
 */
function namesOrganisation(tokens: readonly Token[], n: number, b: number): boolean {
  const bare = (k: number) => (tokens[k] as Token).text.replace(/['’]s$/, '');
  let org = false;
  for (let k = n; k < b; k++) if (ORG_KEYWORDS.has(bare(k))) org = true;
  if (!org || b - n !== 2 || !SURNAME_ORG_KEYWORDS.has(bare(n + 1))) return org;
  const first = tokens[n] as Token;
  return genderOfFirstName(first.lower) === null || placeKey(first.text) !== null;
}

/**
 * Whether token `k` is the bare apostrophe of a possessive in -s ("Sanders' plan", "the voters’
 * choice"): the tokenizer keeps it apart from its word, so {@link isPossessive} does not see it.
 * It must touch a word ending in "s" on its left.
 */
export function isPossessiveApostrophe(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  const w = tokens[k - 1];
  return t?.kind === 'p' && (t.text === "'" || t.text === '’') && w?.kind === 'w' && w.e === t.s && /s$/i.test(w.text);
}

function bare(t: Token): string {
  return t.lower.replace(/['’]s?$/, '');
}

/** Lower-case nouns that can end a speaker noun phrase. */
export function isHeadNoun(lower: string): boolean {
  return (
    ROLE_NOUNS.has(lower) ||
    GROUP_NOUNS.has(lower) ||
    ORG_NOUNS.has(lower) ||
    DOCUMENT_NOUNS.has(lower) ||
    ANONYMOUS_HEADS.has(lower)
  );
}

/**
 * Whether a phrase starting at `first` opens with an indefinite article after a word that is no
 * preposition or connector, so that word belongs elsewhere: "provided to CNN a memo laying out …"
 * had the phrase "CNN a memo" as the memo's source. ("spokesman the Rev. Federico Lombardi" and
 * "a spokesperson for the NYAG" keep their definite and inner articles.)
 */
function opensWithArticle(first: Token, before: Token): boolean {
  return (
    first.kind === 'w' &&
    !first.cap &&
    (first.lower === 'a' || first.lower === 'an') &&
    before.kind === 'w' &&
    !PREPOSITIONS.has(before.lower) &&
    !CONNECTORS.has(before.lower) &&
    !QUANTITY_HEDGES.has(before.lower)
  );
}

/** Whether a token can sit inside a speaker noun phrase. */
export function isPhraseWord(t: Token | undefined): boolean {
  if (t?.kind !== 'w') return false;
  // Contractions ("You'd", "they're") are clauses, not names.
  if (/['’](d|ll|re|ve|m)$/i.test(t.text)) return false;
  if (t.cap) return !CAPITALISED_STOPWORDS.has(t.text) || DETERMINERS.has(t.lower) || isPossessive(t);
  const l = t.lower;
  if (isPossessive(t)) return true;
  return NP_MODIFIERS.has(l) || isHeadNoun(l) || DETERMINERS.has(l) || NAME_PARTICLES.has(l) || /^\d[\d/.,-]*$/.test(l);
}

/** Whether a token can end a speaker noun phrase. */
function isHead(t: Token): boolean {
  if (t.kind !== 'w') return false;
  if (t.cap) return !CAPITALISED_STOPWORDS.has(t.text) && !DETERMINERS.has(t.lower);
  return isHeadNoun(bare(t)) || isHeadNoun(t.lower);
}

/** Words that open a verb's object: after a past-tense word they show it is the verb. */
const OBJECT_OPENERS = new Set(['a', 'an', 'the', 'this', 'these', 'those', 'his', 'her', 'their', 'its', ...OBJECT_PRONOUNS]);

/**
 * A past-tense verb inside what a rightward scan would read as one phrase: a lower-case word in
 * -ed (or "led") right before its object ("Donald Trump unleashed a series of tweets, saying …",
 * "the FBI recorded him instructing …", "the campaign unveiled an endorsement"). A noun phrase
 * does not put such a word before a determiner; a participle describing a noun takes a
 * preposition ("a person briefed on the talks"). The subject ends before it.
 */
export function pastVerbBeforeObject(t: Token, next: Token | undefined): boolean {
  return (
    t.kind === 'w' &&
    !t.cap &&
    (t.lower.endsWith('ed') || t.lower === 'led') &&
    t.lower.length > 3 &&
    next?.kind === 'w' &&
    OBJECT_OPENERS.has(next.lower)
  );
}

/**
 * The speaker noun phrase ending at token `j` (inclusive), scanning left at most 12 tokens,
 * or null when the tokens there cannot be one.
 */
export function phraseEndingAt(tokens: readonly Token[], j: number, floor: number): Phrase | null {
  const t = tokens[j];
  if (t?.kind !== 'w' || j < floor) return null;
  if (PRONOUNS[t.lower] && t.lower !== 'who' && t.lower !== 'which') return { a: j, b: j + 1 };
  if (!isHead(t) || isPossessive(t)) return null;
  let a = j;
  while (a - 1 >= floor && j - a < 12) {
    const p = tokens[a - 1] as Token;
    if (pastVerbBeforeObject(p, tokens[a])) break;
    if (opensWithArticle(tokens[a] as Token, p)) break;
    if (isPhraseWord(p)) {
      // A lower-case word in the middle of a name run is a particle only before a capital.
      a--;
      continue;
    }
    if (p.kind === 'w' && CONNECTORS.has(p.lower) && isPhraseWord(tokens[a - 2]) && a - 2 >= floor) {
      a--;
      continue;
    }
    if (p.kind === 'p' && (p.text === '-' || p.text === '.') && tokens[a - 2]?.kind === 'w' && p.e === tokens[a]?.s) {
      a--;
      continue;
    }
    break;
  }
  // Trim connectors and stray particles at the front.
  while (a < j && CONNECTORS.has((tokens[a] as Token).lower)) a++;
  return { a: describedFrom(tokens, a, floor), b: j + 1 };
}

/** Articles a descriptor before a name may open with ("the 14th-ranked Schwartzman"). */
const DESCRIPTOR_ARTICLES = new Set(['the', 'a', 'an']);

/** A hyphenated compound ("14th-ranked", "37-year-old", "two-time"): an adjective whatever its ending. */
function isCompoundModifier(d: Token): boolean {
  return /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+$/u.test(d.lower);
}

/**
 * A lower-case word describing the name after it: a compound modifier, or four letters or more
 * and no adverb, participle or clause word ("farmer").
 */
function isDescriptor(d: Token | undefined): d is Token {
  if (d?.kind !== 'w' || d.cap) return false;
  return isCompoundModifier(d) || (d.lower.length >= 4 && !/(ly|ed|ing)$/.test(d.lower) && !DESCRIPTOR_STOP.has(d.lower));
}

/** Whether a quotation ends right before token `k`, maybe with a comma after it ("“…,” he spoke"). */
export function quoteJustBefore(tokens: readonly Token[], k: number): boolean {
  const before = tokens[k - 1];
  return before?.kind === 'Q' || (before?.text === ',' && tokens[k - 2]?.kind === 'Q');
}

/** Whether token `k` starts where a phrase after a comma, a quotation or a line break may start. */
function opensAfterBreak(tokens: readonly Token[], k: number, floor: number): boolean {
  const before = tokens[k - 1];
  return k - 1 < floor || before?.kind === 'Q' || (before?.kind === 'p' && (before.text === ',' || before.text === '\n'));
}

/**
 * Where a name phrase starting at `a` starts with the descriptor right before it, after a comma or
 * quotation ("“…,” farmer Jo Held said"), maybe behind an article: "“…,” the 14th-ranked
 * Schwartzman said" had the quotation credited to nobody. With an article, a plain word describes
 * the name only right after a quotation ("“…,” the mighty Nadal said"); after a comma in running
 * text it is often a noun the clause after it describes (", a point Feinstein also acknowledged",
 * ", a prospect Vindman denied": 3 of 1,440 corpus inputs), so there only compounds count.
 */
function describedFrom(tokens: readonly Token[], a: number, floor: number): number {
  const d = tokens[a - 1];
  if (a - 1 < floor || !isDescriptor(d)) return a;
  // A lower-case head ("“…,” the production company said") takes one only behind an article
  // right after a quotation.
  const named = (tokens[a] as Token).cap;
  if (named && opensAfterBreak(tokens, a - 1, floor)) return a - 1;
  const article = tokens[a - 2];
  if (a - 2 < floor || article?.kind !== 'w' || !DESCRIPTOR_ARTICLES.has(article.text)) return a;
  if (quoteJustBefore(tokens, a - 2)) return a - 2;
  return named && isCompoundModifier(d) && opensAfterBreak(tokens, a - 2, floor) ? a - 2 : a;
}

/** The speaker noun phrase starting at token `i`, scanning right at most 12 tokens, or null. */
export function phraseStartingAt(tokens: readonly Token[], i: number, ceiling: number): Phrase | null {
  const t = tokens[i];
  if (t?.kind !== 'w' || i >= ceiling) return null;
  if (PRONOUNS[t.lower] && t.lower !== 'who' && t.lower !== 'which') return { a: i, b: i + 1 };
  if (!isPhraseWord(t)) return null;
  let b = i + 1;
  while (b < ceiling && b - i < 12) {
    const n = tokens[b] as Token;
    if (pastVerbBeforeObject(n, tokens[b + 1])) break;
    if (isPhraseWord(n) && !(n.kind === 'w' && DETERMINERS.has(n.lower) && !CONNECTORS.has((tokens[b - 1] as Token).lower))) {
      b++;
      continue;
    }
    if (n.kind === 'w' && CONNECTORS.has(n.lower) && isPhraseWord(tokens[b + 1]) && b + 1 < ceiling) {
      b++;
      continue;
    }
    break;
  }
  // Back off to the last token that can end a phrase.
  while (b > i && !isHead(tokens[b - 1] as Token)) b--;
  if (b === i) return null;
  return { a: i, b };
}

/**
 * Whether the words after an anonymity marker, up to the cue at `to`, hold a clause of their own:
 * a tensed auxiliary ("People briefed on the reshuffling were adamant that Mr. Trump's children
 * would seek"; inside a relative clause it belongs to the description: "people who were briefed")
 * or a new subject ("the people who work here and our partners - you couldn't ask"). A
 * subordinate clause is part of the description ("speaking on condition of anonymity because he
 * was not authorized to").
 */
function clauseAfterMarker(tokens: readonly Token[], from: number, to: number, marker: string): boolean {
  for (let m = from; m <= to; m++) {
    const t = tokens[m] as Token;
    if (t.kind !== 'w') continue;
    if (SUBORDINATORS.has(t.lower)) return false;
    if (PERSONAL_PRONOUNS.has(t.lower) || (marker !== 'who' && TENSED_AUXILIARIES.has(t.lower))) return true;
  }
  return false;
}

/** Extends a phrase ending before `j` to an anonymous description ("a person familiar with the talks"). */
export function anonymousPhraseBefore(tokens: readonly Token[], j: number, floor: number): Phrase | null {
  // Look back up to 12 tokens for determiner + anonymous head + marker, with no clause break between.
  for (let k = j; k >= floor && j - k < 12; k--) {
    const t = tokens[k] as Token;
    if (t.kind === 'Q' || (t.kind === 'p' && t.text !== ',' && t.text !== '-')) return null;
    const marker = tokens[k + 1]?.lower ?? '';
    if (t.kind === 'w' && ANONYMOUS_HEADS.has(t.lower) && ANONYMITY_MARKERS.has(marker)) {
      if (clauseAfterMarker(tokens, k + 2, j, marker)) return null;
      const np = phraseEndingAt(tokens, k, floor);
      if (np) return { a: np.a, b: j + 1 };
    }
  }
  return null;
}

const DESCRIPTIVE_START = /^(a|an|the|who|whose|which|his|her|their|its|one|now|then|also|himself|herself|\d+)$/;
/** Whether a comma-delimited stretch describes the noun before it ("a Republican from South Dakota"). */
export function isAppositive(tokens: readonly Token[], a: number, b: number): boolean {
  const t = tokens[a];
  if (t?.kind !== 'w' || b - a > 20) return false;
  if (DESCRIPTIVE_START.test(t.lower)) return true;
  const next = tokens[a + 1];
  // A conjunction before a lower-case word opens a clause, never a description: "Republicans, and
  // the meeting deteriorated from there, said one GOP source" is no appositive of "Republicans" (a
  // PolNeAR dev source error). "X and Y, and Gov. Z, tweeted", "Democrats — and some Republicans —
  // say" and asides ("Murphy, though, said"; "Clinton, after the scandal broke, said") still are:
  // a wider rule cost 10 train matches.
  if (CLAUSE_CONJUNCTIONS.has(t.lower) && tokens[a - 1]?.text === ',' && next?.kind === 'w' && !next.cap) return false;
  if (!t.cap) return true;
  // "Pyongyang's only ally", "Democrat of California", "Republican from Iowa".
  if (isPossessive(t) && b - a > 1) return true;
  if (ROLE_NOUNS.has(t.lower) && b - a > 1) return true;
  // "Sen. Smith, R-Texas," or "Doe, 62," are appositives too.
  if (/^[RDI]-/.test(t.text)) return true;
  return capitalisedRole(tokens, a, b);
}

/**
 * "Chris Covert, South Carolina director for Sanders, said": a capitalised stretch whose head is
 * a lower-case role noun is a description (PolNeAR train: such reports had no source). A list
 * ("Sanders and other candidates") is not.
 */
function capitalisedRole(tokens: readonly Token[], a: number, b: number): boolean {
  for (let k = a + 1; k < b && k - a < 6; k++) {
    const t = tokens[k] as Token;
    if (t.kind !== 'w' || t.lower === 'and' || t.lower === 'or') return false;
    if (!t.cap) return ROLE_NOUNS.has(t.lower);
  }
  return false;
}

const APPOSITIVE_PREPOSITIONS = new Set(['for', 'at', 'of', 'with', 'from', 'in', 'to', 'on', 'by']);

/**
 * Whether a phrase is the object inside an appositive rather than a subject: "Stratfor" in
 * "Omar Lamrani, a senior analyst at Stratfor, the Texas-based …, told" — a comma-opened
 * descriptive stretch that reaches the phrase through a preposition. A source strategy that
 * meets one keeps walking left to the person the chain describes.
 */
export function isInsideAppositive(tokens: readonly Token[], np: Phrase, floor: number): boolean {
  let sawPreposition = false;
  for (let k = np.a - 1; k >= floor && np.a - k < 20; k--) {
    const t = tokens[k] as Token;
    if (t.kind === 'Q') return false;
    if (t.text === ',') return sawPreposition && isAppositive(tokens, k + 1, np.b);
    if (t.kind === 'w' && !t.cap && APPOSITIVE_PREPOSITIONS.has(t.lower)) sawPreposition = true;
  }
  return false;
}

/** Whether a stretch is a plain name ("Kaja Kallas") with nothing else in it. */
export function isNameRun(tokens: readonly Token[], a: number, b: number): boolean {
  if (b <= a || b - a > 5) return false;
  for (let k = a; k < b; k++) {
    const t = tokens[k] as Token;
    if (t.kind !== 'w') return false;
    if (!t.cap && !NAME_PARTICLES.has(t.lower)) return false;
    if (CAPITALISED_STOPWORDS.has(t.text) || isPossessive(t) || /^[RDI]-/.test(t.text)) return false;
  }
  return true;
}

/** A title or role word before a name ("Sen.", "Mr", "senator"). */
export function isTitle(t: Token): boolean {
  return TITLE_WORDS.has(t.lower) || TITLE_WORDS.has(t.lower.replace(/\.$/, '')) || ROLE_NOUNS.has(t.lower);
}

/**
 * Where a person's name starts among the capitalised words `caps` of an owner phrase: past the
 * titles before it ("President-elect Donald Trump's transition team" is Donald Trump's; with the
 * title, the name was no person the article knew, and "the president-elect said" after it found
 * no one). Only before two capitalised words or more with no organisation word among them: "Foreign
 * Ministry" keeps "Foreign".
 */
function ownerNameStart(tokens: readonly Token[], caps: readonly number[], hasOrgWord: boolean): number {
  if (hasOrgWord) return 0;
  let i = 0;
  while (i < caps.length - 2 && isTitle(tokens[caps[i] as number] as Token)) i++;
  return i;
}

const joinTokens = (text: string, tokens: readonly Token[], a: number, b: number): string =>
  a < b ? text.slice((tokens[a] as Token).s, (tokens[b - 1] as Token).e) : '';

/**
 * An office named by its remit with no person's name after it: "the United Nations High
 * Commissioner for Human Rights", "the Director of National Intelligence". The capitalised words
 * after "for"/"of" are the office's remit, not a surname ("Human Rights" was read as a person on
 * the goldset), so the whole phrase names the speaker. Null for anything else.
 */
function officeName(text: string, tokens: readonly Token[], a: number, n: number, b: number): string | null {
  let k = b - 1;
  while (k > a && ((tokens[k] as Token).cap || (tokens[k] as Token).lower === 'the')) k--;
  const link = tokens[k] as Token;
  if (k <= a || k === b - 1 || link.kind !== 'w' || (link.lower !== 'for' && link.lower !== 'of')) return null;
  // "Secretary of State Mike Pompeo": a first name after the remit starts a person's name, and so
  // do two capitalised words after a title ("Chief of Staff Mick Mulvaney").
  for (let m = k + 1; m < b; m++) if (genderOfFirstName((tokens[m] as Token).lower)) return null;
  const remit = (tokens[k + 1] as Token).lower === 'the' ? k + 2 : k + 1;
  if ((n > remit && b - n > 1) || b - remit > 2) return null;
  let titled = false;
  for (let m = a; m < k; m++) {
    const t = tokens[m] as Token;
    if (!t.cap && !DETERMINERS.has(t.lower)) return null;
    if (t.cap && isTitle(t)) titled = true;
    // "Sen. Elizabeth Warren of Massachusetts": a person before the link, not an office.
    if (t.cap && genderOfFirstName(t.lower)) return null;
  }
  return titled ? joinTokens(text, tokens, a, b).replace(/['’]s?$/, '') : null;
}

/** Links a body's name may hold before its remit: "Center for …", "Office for the Coordination of …". */
const BODY_LINKS = new Set(['for', 'of']);

/**
 * A group, role or organisation noun with a name after "of" (or, for an organisation, "for"):
 * "Supporters of Bernie Sanders" are a group, not Sanders (12 attributions over the corpus
 * inputs); "the former secretary of State" and "the governor of Texas" are roles, not people named
 * "State" and "Texas"; "the Bank of England" and "the Institute for Fiscal Studies" are
 * organisations, not people "England" and "Fiscal Studies". Null otherwise.
 */
function ownedByName(
  text: string,
  tokens: readonly Token[],
  a: number,
  n: number,
  b: number,
  place: string | undefined,
): MentionInfo | null {
  const link = tokens[n - 1];
  const noun = tokens[n - 2];
  if (n - 2 < a || link?.kind !== 'w' || !BODY_LINKS.has(link.lower) || noun?.kind !== 'w') return null;
  const of = link.lower === 'of';
  const whole = joinTokens(text, tokens, a, b);
  // A name in form, as before, so frames that want a named source keep it ("65 percent of
  // Republicans supported …").
  if (of && GROUP_NOUNS.has(noun.lower)) return { form: 'name', kind: 'group', name: whole, place };
  // "The Bank of England", "the Department of Justice", "the Center for American Progress": an
  // organisation named whole (with "for" it was read as a person, "American Progress" with the
  // role "Center for", 9 attributions over the corpus inputs). Only when the phrase is the name
  // alone ("Stephen Vladeck of the University of Texas School of Law" is a person's phrase).
  const nameAlone = tokens.slice(a, n - 2).every((t) => t.kind === 'w' && (t.cap || DETERMINERS.has(t.lower)));
  if (noun.cap && ORG_KEYWORDS.has(noun.text) && nameAlone) return { form: 'name', kind: 'organization', name: whole, place };
  if (of && !noun.cap && isTitle(noun))
    return { form: 'role', kind: 'person', name: null, roleHead: noun.lower, role: whole, place };
  return null;
}

/**
 * Where the body a person is of starts, when its name holds its own "for" or "of" after a kind
 * word: "Neera Tanden of the Center for American Progress" (the name run before it is "American
 * Progress", which had become the speaker), "Jeffrey Lewis of the James Martin Center for
 * Nonproliferation Studies". `n` otherwise.
 */
function bodyStart(tokens: readonly Token[], a: number, n: number): number {
  const link = tokens[n - 1];
  const kind = tokens[n - 2];
  if (n - 2 <= a || link?.kind !== 'w' || !BODY_LINKS.has(link.lower)) return n;
  if (kind?.kind !== 'w' || !kind.cap || !ORG_KEYWORDS.has(kind.text)) return n;
  let s = n - 2;
  while (s - 1 > a && n - s < MAX_BODY_KIND_RUN) {
    const t = tokens[s - 1] as Token;
    if (t.kind !== 'w' || !t.cap || CAPITALISED_STOPWORDS.has(t.text)) break;
    s--;
  }
  return s;
}
/** Capitalised words a body's name may hold before its remit ("the James Martin Center for …"). */
const MAX_BODY_KIND_RUN = 6;

/** Remits a body's name may chain ("Office for the Western District of New York"). */
const MAX_BODY_LINKS = 3;

/**
 * A body whose name chains remits, named whole, alone or by its spokesperson: "the U.S.
 * Attorney's Office for the Western District of New York", "the United Nations Office for the
 * Coordination of Humanitarian Affairs", "a spokesperson for the NYC Office of Emergency
 * Management". The name run before the phrase's end stopped at the last link, and the speaker
 * had been a person "New York", "Humanitarian Affairs", "Emergency Management". Walks back over
 * "of"/"for" [the] and capitalised runs while one of them holds an organisation word; what stands
 * before the body must be nothing but determiners, or a spokesperson noun and its link. Null
 * otherwise. A body of one link named alone ("the Bank of England") is {@link ownedByName}'s,
 * read before the person readings; this runs after them, because a first-name list that holds
 * "Florida" and "Allen" cannot tell "House Speaker Paul D. Ryan of Wisconsin" from a body.
 */
function bodyOfRemits(
  text: string,
  tokens: readonly Token[],
  a: number,
  n: number,
  b: number,
  place: string | undefined,
): MentionInfo | null {
  let s = n;
  let start = -1;
  for (let hop = 0; hop < MAX_BODY_LINKS; hop++) {
    // "… Office for the Western District of New York": "the" may follow each link.
    const l = tokens[s - 1]?.text === 'the' ? s - 2 : s - 1;
    const link = tokens[l];
    if (l <= a || link?.kind !== 'w' || link.cap || !BODY_LINKS.has(link.lower)) break;
    const k = l - 1;
    let r = k;
    while (r >= a && tokens[r]?.kind === 'w' && (tokens[r] as Token).cap && !CAPITALISED_STOPWORDS.has((tokens[r] as Token).text))
      r--;
    if (r === k) break;
    s = r + 1;
    if (tokens.slice(s, k + 1).some((t) => ORG_KEYWORDS.has(t.text.replace(/['’]s$/, '')))) start = s;
  }
  if (start < 0) return null;
  const name = joinTokens(text, tokens, start, b).replace(/['’]s?$/, '');
  let p = start;
  if ((tokens[p - 1] as Token | undefined)?.lower === 'the') p--;
  if (tokens.slice(a, p).every((t) => t.kind === 'w' && !t.cap && DETERMINERS.has(t.lower)))
    return { form: 'name', kind: 'organization', name, place };
  const link = tokens[p - 1];
  const noun = tokens[p - 2];
  if (p - 2 >= a && link?.kind === 'w' && BODY_LINKS.has(link.lower) && noun?.kind === 'w' && SPOKES_NOUNS.has(noun.lower))
    return { form: 'description', kind: 'organization', name, role: noun.lower, place };
  return null;
}

/** Words between a person and the place or body they are of ("of Ohio", "from Iowa", "for Morning Consult"). */
const PERSON_AFFILIATION_LINKS = new Set(['of', 'from', 'for']);

/**
 * "Sen. Elizabeth Warren of Massachusetts", "Rep. Mary Meeks from Ohio", "Craig Holman of Public
 * Citizen", "Ross Eisenbrey of the Economic Policy Institute": a person followed by the place
 * they represent or come from, or the body they speak for. The name is the run before "of",
 * "from" or "for" (the old reading took "Massachusetts" for the name). Null for anything else.
 */
function personOfPlace(text: string, tokens: readonly Token[], a: number, n: number, b: number): MentionInfo | null {
  const body = bodyStart(tokens, a, n);
  // "Ross Eisenbrey of the Economic Policy Institute": "the" may stand between the link and the body.
  const l = tokens[body - 1]?.text === 'the' ? body - 2 : body - 1;
  const link = tokens[l];
  if (l <= a || link?.kind !== 'w' || link.cap || !PERSON_AFFILIATION_LINKS.has(link.lower)) return null;
  let m = l;
  while (m - 1 >= a && l - m < 4) {
    const t = tokens[m - 1] as Token;
    if (
      t.kind !== 'w' ||
      !t.cap ||
      isTitle(t) ||
      ORG_KEYWORDS.has(t.text) ||
      CAPITALISED_STOPWORDS.has(t.text) ||
      placeKey(t.text)
    )
      break;
    m--;
  }
  // A person: the run opens with a known first name, or a person's title stands before a run of
  // two names or more ("Bank of England" is no one; "Sen. Sherrod Brown of Ohio" is someone), or
  // the phrase is two or three such names and the body they speak for ("Craig Holman of Public
  // Citizen", "Holger Schmieding of Berenberg": the body had been the name).
  const names = l - m;
  // An honorific names a person before a lone surname too ("Mr. Nevins of Showtime" had read as an
  // office of that name).
  const title = m > a ? (tokens[m - 1] as Token).lower : '';
  const titled = PERSON_TITLES.has(title) && (names >= 2 || HONORIFICS.has(title));
  const firstAndLast = m === a && names >= 2 && names <= 3 && !tokens.slice(m, l).some((t) => /^[A-Z]{2,}$/.test(t.text));
  if (m === l || !(titled || firstAndLast || genderOfFirstName((tokens[m] as Token).lower))) return null;
  const info: MentionInfo = { form: 'name', kind: 'person', name: joinTokens(text, tokens, m, l) };
  const place = placeKey((tokens[b - 1] as Token).text);
  if (place) info.place = place;
  const role = joinTokens(text, tokens, a, m).replace(/['’]s$/, '');
  if (role) info.role = role;
  const hon = m > a ? (tokens[m - 1] as Token).lower : '';
  if (/^(mr\.?|sir|lord)$/.test(hon)) info.gender = 'm';
  if (/^(mrs\.?|ms\.?|miss|dame|lady)$/.test(hon)) info.gender = 'f';
  return info;
}

/**
 * A possessive owner of a noun cue ("her remark that …", "his claim that …") refers like the
 * subject pronoun. Read as a description it left the speaker unnamed, and the verifier then
 * merged that nameless claim with another outlet's look-alike quotation (cluster dev set: 1 pair).
 * So does the object a causative verb makes speak ("prompted him to say", sources/inherited.ts).
 */
const POSSESSIVE_AS_SUBJECT: Readonly<Record<string, string>> = { his: 'he', her: 'she', their: 'they', him: 'he', them: 'they' };

/**
 * The phrase without a parenthesis closing it: "Rep. Jo Meeks (D-N.Y.)" is read as "Rep. Jo
 * Meeks". The source span keeps the parenthesis (sources/parenthesis.ts); reading it whole named
 * nobody: every "Senate Majority Leader Mitch McConnell (R-Ky.) said" had no speaker.
 */
function beforeClosingParenthesis(tokens: readonly Token[], np: Phrase): Phrase {
  if (tokens[np.b - 1]?.text !== ')') return np;
  for (let k = np.b - 2; k > np.a; k--) if (tokens[k]?.text === '(') return { a: np.a, b: k };
  return np;
}

/** The place of a plural demonym ("Americans" -> "us", "Ethiopians" -> "ethiopia"), else null. */
function pluralDemonym(t: Token): string | null {
  return /^[\p{L}-]+$/u.test(t.text) && /[^s]s$/.test(t.text) ? placeKey(t.text.slice(0, -1)) : null;
}

/** Words that open a time adverbial at a phrase's end ("on Wednesday", "in November", "out Thursday"). */
const TIME_ADVERBIAL_OPENERS = new Set(['on', 'in', 'last', 'this', 'next', 'early', 'late', 'out']);

/** A lower-case past form ("filed", "released"), as a participle after a noun reads. */
const PAST_PARTICIPLE = /^[a-z]{3,}ed$/;

/**
 * The phrase without a time adverbial at its end: "a congressional report on Wednesday", "the
 * Senate in November", "the stage Friday" had the day or month as the speaker's name (11 such
 * speakers over the 1,440 corpus inputs). A capitalised word before it keeps it ("Theresa May").
 */
function beforeTimeAdverbial(tokens: readonly Token[], np: Phrase): Phrase {
  const last = tokens[np.b - 1];
  if (np.b - np.a < 2 || !last?.cap || !CALENDAR_WORDS.has(last.lower)) return np;
  const before = tokens[np.b - 2] as Token;
  if (before.kind !== 'w' || before.cap) return np;
  // "A court document filed Thursday": a participle after a document noun goes with the day.
  const participle = PAST_PARTICIPLE.test(before.lower) && DOCUMENT_NOUNS.has(tokens[np.b - 3]?.lower ?? '');
  const opener = TIME_ADVERBIAL_OPENERS.has(before.lower) || participle;
  const b = opener && np.b - np.a > 2 ? np.b - 2 : np.b - 1;
  return { a: np.a, b };
}

/**
 * "A court document filed (Thursday)", "a campaign TV ad released (Friday)": a participle ending a
 * phrase of three words or more after a document noun describes the document and is left out of
 * the name. After another noun it may be a clause's verb ("a fact sheet lawmakers released"), so
 * the phrase stays as it was.
 */
function beforeTrailingParticiple(tokens: readonly Token[], np: Phrase): Phrase {
  const last = tokens[np.b - 1] as Token;
  const before = tokens[np.b - 2];
  if (np.b - np.a < 3 || last.kind !== 'w' || last.cap || !PAST_PARTICIPLE.test(last.lower)) return np;
  return before?.kind === 'w' && DOCUMENT_NOUNS.has(before.lower) ? { a: np.a, b: np.b - 1 } : np;
}

/**
 * The gendered person noun a phrase names before "of" and a determiner ("the wife of a man", "the
 * mother of the victim"; {@link NOUN_GENDER}): the phrase's head, whatever follows. Null otherwise.
 */
function personBeforeOf(tokens: readonly Token[], a: number, b: number): string | null {
  for (let k = a + 1; k + 1 < b; k++) {
    if ((tokens[k] as Token).lower !== 'of') continue;
    const noun = (tokens[k - 1] as Token).lower;
    return NOUN_GENDER[noun] && DETERMINERS.has((tokens[k + 1] as Token).lower) ? noun : null;
  }
  return null;
}

/** A hyphenated ending that makes a word a modifier, not a name ("Trump-style", "Texas-based"). */
const MODIFIER_ENDING =
  /^\p{Lu}[\p{L}.]*-(?:based|owned|style|sized|compatible|backed|led|funded|era|like|area|born|made|friendly|run|linked|affiliated|aligned|allied|oriented|centric|type|specific|wide|level|inspired|controlled|supported)$/u;

/** Reads a speaker noun phrase into what it says about the speaker. */
export function readMention(text: string, tokens: readonly Token[], phrase: Phrase): MentionInfo {
  const np = beforeTrailingParticiple(tokens, beforeTimeAdverbial(tokens, beforeClosingParenthesis(tokens, phrase)));
  let a = np.a;
  const b = np.b;
  const first = tokens[a] as Token;
  const subjectForm = POSSESSIVE_AS_SUBJECT[first.lower];
  if (b - a === 1 && subjectForm)
    return { form: 'pronoun', kind: subjectForm === 'they' ? 'group' : 'person', name: null, pronoun: subjectForm };
  if (b - a === 1 && PRONOUNS[first.lower]) {
    const pr = PRONOUNS[first.lower];
    const kind: SpeakerKind =
      pr?.gender === 'p' ? 'group' : pr?.gender === 'n' && first.lower === 'it' ? 'organization' : 'person';
    return { form: 'pronoun', kind, name: null, pronoun: first.lower };
  }
  while (a < b - 1 && DETERMINERS.has((tokens[a] as Token).lower) && !(tokens[a] as Token).cap) a++;
  while (
    a < b - 1 &&
    DETERMINERS.has((tokens[a] as Token).lower) &&
    (tokens[a] as Token).cap &&
    !isPossessive(tokens[a] as Token)
  )
    a++;
  // "some of his supporters", "one of those advisers": the quantity's "of" goes with it (it had
  // named 30 speakers "of the Republicans", "of his supporters" over the corpus inputs).
  if (a > np.a && a < b - 1 && (tokens[a] as Token).lower === 'of' && !(tokens[a] as Token).cap) a++;
  const head = tokens[b - 1] as Token;
  const headLower = bare(head);
  const whole = joinTokens(text, tokens, a, b);
  // "Video shows", "Polls show": a lone capitalised document noun (no article) opens its sentence.
  if (a === np.a && b - a === 1 && head.cap && (DOCUMENT_NOUNS.has(head.lower) || DOCUMENT_NOUNS.has(headLower)))
    return { form: 'description', kind: 'document', name: whole };

  // Place words anywhere in the phrase tie the speaker to a country ("US", "Ukraine's", "German").
  let place: string | undefined;
  for (let k = a; k < b; k++) {
    const key = placeKey((tokens[k] as Token).text);
    if (key) {
      place = key;
      break;
    }
  }

  // "Officials said", "Americans say", "Republicans argued": a lone capitalised plural people noun
  // (opening its sentence, or a party) names a group or an anonymous source, as it does in lower
  // case; over the corpus inputs 364 attributions had such a word as a person's name ("Aides",
  // "Critics", "Ethiopians"). It stays a name in form, so frames that want a named source keep it
  // ("Critics call it …").
  if (b - a === 1 && head.cap) {
    const demonyms = pluralDemonym(head);
    if (demonyms) return { form: 'name', kind: 'group', name: whole, place: demonyms };
    if (ANONYMOUS_HEADS.has(head.lower)) return { form: 'description', kind: 'anonymous', name: whole, role: head.lower };
    if (GROUP_NOUNS.has(head.lower)) return { form: 'name', kind: 'group', name: whole };
  }
  if (!head.cap) {
    // Role, group, organisation, document or anonymous description.
    const caps: number[] = [];
    for (let k = a; k < b; k++) if ((tokens[k] as Token).cap && !placeKey((tokens[k] as Token).text)) caps.push(k);
    const hasOrgWord = caps.some((k) => ORG_KEYWORDS.has((tokens[k] as Token).text.replace(/['’]s$/, '')));
    // "Clinton’s campaign" is named as "the Clinton campaign" is: "Clinton", not "Clinton’s".
    const orgName = caps.length
      ? joinTokens(
          text,
          tokens,
          caps[ownerNameStart(tokens, caps, hasOrgWord)] as number,
          (caps[caps.length - 1] as number) + 1,
        ).replace(/['’]s?$/, '')
      : null;
    for (let k = a; k < b - 1; k++) {
      if (ANONYMOUS_HEADS.has((tokens[k] as Token).lower) && ANONYMITY_MARKERS.has((tokens[k + 1] as Token).lower))
        return { form: 'description', kind: 'anonymous', name: whole, role: (tokens[k] as Token).lower, place };
    }
    if (DOCUMENT_NOUNS.has(headLower)) return { form: 'description', kind: 'document', name: whole, place };
    if (ANONYMOUS_HEADS.has(headLower) && !['spokesperson', 'spokesman', 'spokeswoman'].includes(headLower)) {
      const orgPart = orgName && hasOrgWord ? orgName : undefined;
      return { form: 'description', kind: 'anonymous', name: orgPart ?? whole, role: headLower, place };
    }
    if (SPOKES_NOUNS.has(headLower) && orgName) {
      const pre = place && !orgName.toLowerCase().includes(place) ? `${(tokens[a] as Token).text} ` : '';
      return { form: 'description', kind: 'organization', name: `${pre}${orgName}`.trim(), role: headLower, place };
    }
    if (GROUP_NOUNS.has(headLower) || GROUP_NOUNS.has(head.lower)) {
      const groupStart = /^(group|number|handful|majority|couple|pair|series)$/.test((tokens[a] as Token).lower) ? a + 2 : a;
      return { form: 'description', kind: 'group', name: joinTokens(text, tokens, Math.min(groupStart, b - 1), b), place };
    }
    if (ORG_NOUNS.has(headLower)) {
      // "Russia's foreign ministry", "the French foreign ministry": a country's body is named by the
      // phrase itself (goldset: two ministries went without a name).
      const name = orgName ?? (place && b - a > 1 ? whole.replace(/^(the|a|an)\s+/i, '') : null);
      return { form: 'role', kind: 'organization', name, roleHead: headLower, role: whole, place };
    }
    // "The wife of a man fatally shot by police": the person is the wife, not the man (read by its
    // last noun, the phrase had resolved to the man the article named, Keith Lamont Scott).
    const kin = personBeforeOf(tokens, a, b);
    if (kin) return { form: 'role', kind: 'person', name: null, roleHead: kin, role: whole, place };
    // A role noun: "the senator", "the Ukrainian leader", "the vice president".
    let r = b - 1;
    while (
      r - 1 >= a &&
      !(tokens[r - 1] as Token).cap &&
      (isTitle(tokens[r - 1] as Token) || (tokens[r - 1] as Token).lower === 'vice')
    )
      r--;
    return {
      form: 'role',
      kind: 'person',
      name: null,
      roleHead: joinTokens(text, tokens, r, b).toLowerCase(),
      role: whole,
      place,
      definite: (tokens[np.a] as Token).lower === 'the',
      indefinite: INDEFINITE_OPENERS.has((tokens[np.a] as Token).lower),
    };
  }

  // A lone capitalised pronoun or function word opening its sentence names no one: "Another said"
  // is someone unnamed, "Rather, … continued" no one (corpus inputs: 28 speakers had such a word
  // for a name: "Another", "Anyone", "Nobody", "One", "Rather"; 6 "Please …" and "Rather than …"
  // records were no attributions). The pronoun stays a name in form, as a lone group noun does,
  // for frames that want a named source ("One called Kaine a “trial lawyer …”").
  if (b - np.a === 1 && head.cap && INDEFINITE_PRONOUNS.has(head.lower)) return { form: 'name', kind: 'person', name: null };
  if (b - np.a === 1 && head.cap && CAPITALISED_STOPWORDS.has(head.text))
    return { form: 'description', kind: 'unknown', name: null };
  // "a Florida Democrat", "one New Hampshire Republican": someone new, described, not named. Read
  // as a name, every such voter of an article became one person "Democrat"; given a role head, "a
  // Republican" resolved to whoever the article had introduced as one. No role head: no one earlier.
  // The description is all a reader is told of them: an unnamed source, named by it ("a New Hampshire
  // Republican", as Politico's insider surveys quote a dozen of them), not a person to resolve.
  if (PARTY_MEMBER_NOUNS.has(head.lower) && INDEFINITE_OPENERS.has((tokens[np.a] as Token).lower) && np.a < b - 1)
    return { form: 'description', kind: 'anonymous', name: whole, role: head.lower };
  // "The Republican is also encouraging his supporters": the one the article introduced as such.
  if (PARTY_MEMBER_NOUNS.has(head.lower) && (tokens[np.a] as Token).lower === 'the' && np.a === b - 2)
    return { form: 'role', kind: 'person', name: null, roleHead: head.lower, role: whole, place };
  // "the President", "the President-elect", "the PAHO Director": a capitalised office after "the"
  // with no name is a role, not a person named "President" (OFFICE_TITLES).
  if ((tokens[np.a] as Token).lower === 'the' && OFFICE_TITLES.has(head.lower.replace(/-elect$/, '')))
    return { form: 'role', kind: 'person', name: null, roleHead: head.lower, role: whole, place, definite: true };
  // "a Trump-style retort", "a Pakistan-based group": a capitalised word with a modifier's
  // hyphenated ending is an adjective whose noun the phrase lost, no one's name ("Trump-style" had
  // tweeted Jeb Bush's "you are a liar and a whiner"). Korean given names ("Lee Jae-myung") keep theirs.
  if (head.cap && MODIFIER_ENDING.test(head.text)) return { form: 'description', kind: 'unknown', name: null };
  // Capitalised head: a name, possibly with titles, affiliations and places before it.
  let n = b;
  let gender: 'm' | 'f' | undefined;
  while (n - 1 >= a) {
    const t = tokens[n - 1] as Token;
    if (t.kind !== 'w') break;
    if ((isPossessive(t) && n < b) || isTitle(t) || (!t.cap && !NAME_PARTICLES.has(t.lower))) break;
    if (n < b && placeKey(t.text) && t.text.length <= 3) break;
    // "… for the District of Massachusetts Joshua Levy": a place right before a first name ends the office.
    if (n < b && (placeKey(t.text) || US_STATE_WORDS.has(t.text)) && genderOfFirstName((tokens[n] as Token).lower)) break;
    // "Texas-based Matt Mackowiak": a hyphenated modifier describes the name after it.
    if (n < b && MODIFIER_ENDING.test(t.text)) break;
    if (b - n >= 4) break;
    n--;
  }
  while (n < b && NAME_PARTICLES.has((tokens[n] as Token).lower) && !(tokens[n] as Token).cap) n++;
  if (n === b) n = b - 1;
  const owned = ownedByName(text, tokens, a, n, b, place);
  if (owned) return owned;
  const local = personOfPlace(text, tokens, a, n, b);
  if (local) return local;
  const office = officeName(text, tokens, a, n, b);
  if (office) return { form: 'description', kind: 'person', name: office, role: office, place };
  const body = bodyOfRemits(text, tokens, a, n, b, place);
  if (body) return body;
  const name = joinTokens(text, tokens, n, b).replace(/['’]s?$/, '');
  const orgWord = namesOrganisation(tokens, n, b);
  if (orgWord) return { form: 'name', kind: 'organization', name: whole.replace(/['’]s?$/, ''), place };
  const before = n > a ? joinTokens(text, tokens, a, n).replace(/['’]s$/, '') : '';
  const hon = n > a ? (tokens[n - 1] as Token).lower : '';
  if (/^(mr\.?|sir|lord|father|king|prince)$/.test(hon)) gender = 'm';
  if (/^(mrs\.?|ms\.?|miss|dame|lady|queen|princess|madam)$/.test(hon)) gender = 'f';
  if (b - n === 1) {
    const lower = headLower;
    if (GOVERNMENT_METONYMS.has(lower) || (placeKey(lower) && !before))
      return { form: 'name', kind: 'organization', name, place: placeKey(lower) ?? place };
  } else if (!before && isPlaceName(name)) {
    // "the United States pledged", "Hong Kong": a place of two words speaks for its government.
    return { form: 'name', kind: 'organization', name, place: placeKey(name) ?? place };
  }
  const info: MentionInfo = { form: 'name', kind: 'person', name, place };
  if (before) info.role = before;
  if (gender) info.gender = gender;
  return info;
}
