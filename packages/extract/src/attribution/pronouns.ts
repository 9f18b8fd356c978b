/**
 * Pronoun agreement: whether "he", "she" or "they" can point at an entity of the article. Gender
 * comes from an honorific (Mr, Ms, Mrs), a first name the lexicon knows, or the article's own
 * usage (a "she" already resolved to the person); a personal pronoun never points at an
 * organisation, even one read as a name ("Amnesty International").
 */
import { EXTRA_FEMALE_NAMES, EXTRA_MALE_NAMES } from './lexicon/first-names-gender.js';
import { US_FEMALE_NAMES, US_MALE_NAMES } from './lexicon/first-names-us.js';
import { firstNameGender, ORG_KEYWORDS, placeKey, SURNAME_ORG_KEYWORDS, US_STATE_WORDS } from './lexicon/index.js';

/**
 * Gender of a first name when a lexicon knows it: the hand-written lists first, then US birth
 * counts (first-names-us.ts), which know the "Wade", "Chuck" and "Sharron" the hand-written
 * lists lacked.
 */
export function genderOfFirstName(first: string): 'm' | 'f' | null {
  const k = first.toLowerCase();
  const known = firstNameGender(k);
  if (known) return known;
  if (EXTRA_FEMALE_NAMES.has(k)) return 'f';
  if (EXTRA_MALE_NAMES.has(k)) return 'm';
  if (US_FEMALE_NAMES.has(k)) return 'f';
  if (US_MALE_NAMES.has(k)) return 'm';
  return null;
}

/**
 * Last words that make a capitalised name an organisation (or a law, a poll, a report) rather than
 * a person: "She says …" after "the Fourteenth Amendment" had gone to the amendment, not to
 * Ghazala Khan (3 pronouns over the 1,440 corpus inputs).
 */
const ORG_TAIL =
  /^(International|Rights|Watch|Affairs|Nations|Resolve|Forum|Project|Services?|Systems?|Robotics|Origin|Act|Amendment|Poll|Reports?|Column|Index)$/;

/**
 * Whether a name the resolver took for a person reads as an organisation's name. An outlet's
 * name that is also a surname after a gendered first name is a person's ("Michael Bloomberg",
 * "Liam Fox"): read as an organisation, every "he said" after him had skipped back to another man.
 */
export function looksLikeOrganisation(name: string): boolean {
  const parts = name.split(/\s+/).map((p) => p.replace(/['’]s$/, ''));
  const last = parts[parts.length - 1] ?? '';
  const personal = parts.length > 1 && SURNAME_ORG_KEYWORDS.has(last) && genderOfFirstName(parts[0] as string) !== null;
  return (
    ORG_TAIL.test(last) ||
    parts.some((p, i) => ORG_KEYWORDS.has(p) && !(personal && i === parts.length - 1)) ||
    (parts.length === 1 && notAPerson(last))
  );
}

/** A web address standing for its site ("Factcheck.org", "GunBroker.com"). */
const SITE_NAME = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*\.(com|org|net|gov|edu|io|info|news)$/iu;

/**
 * A lone word no "he" or "she" can mean: a country or a US state ("Germany", "Pennsylvania",
 * "Md."), an all-capital acronym ("HP", "RT", "NPHET") or a site's address ("Factcheck.org").
 * Over the 1,262 corpus inputs, 429 pronoun attributions had a one-word speaker, among them 13
 * "Pennsylvania", 7 "HP", 4 "Germany" and 4 "Mississippi".
 */
export function notAPerson(word: string): boolean {
  return placeKey(word) !== null || US_STATE_WORDS.has(word) || /^[A-Z][A-Z0-9&.-]+$/.test(word) || SITE_NAME.test(word);
}

/** What agreement needs to know about an entity. */
export interface Agreeable {
  name: string;
  kind: string;
  gender: 'm' | 'f' | null;
}

/**
 * Whether `pronoun` ("he", "she", "they") can refer to `e`. "They" is a group or an organisation,
 * or a document in the plural ("the emails … they show"): a singular document is "it" ("The image
 * showed …" had become the speaker of 20 "they found …" reports of a game review's heroes).
 */
export function agrees(pronoun: string, e: Agreeable): boolean {
  if (pronoun === 'they') return e.kind !== 'person' && (e.kind !== 'document' || /s$/i.test(e.name));
  if (e.kind !== 'person') return false;
  const want = pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : null;
  if (want && e.gender && e.gender !== want) return false;
  return !orgLike(e.name);
}

/** looksLikeOrganisation, remembered per name: pronouns test the same few entities again and again. */
const orgCache = new Map<string, boolean>();
function orgLike(name: string): boolean {
  let v = orgCache.get(name);
  if (v === undefined) {
    if (orgCache.size > 5000) orgCache.clear();
    v = looksLikeOrganisation(name);
    orgCache.set(name, v);
  }
  return v;
}

/** The gender a resolved "he"/"she" teaches about its entity (the article's own usage). */
export function genderOfPronoun(pronoun: string): 'm' | 'f' | null {
  return pronoun === 'he' ? 'm' : pronoun === 'she' ? 'f' : null;
}
