/**
 * Organisation words: nouns that head a phrase naming an organisation ("the ministry"),
 * capitalised words that mark a name as an organisation ("State Department", "Reuters"), and
 * capitals that speak for their government ("Moscow said").
 * Used by mentions.ts to give a speaker phrase its kind.
 * To add a word: ORG_NOUNS lower case; ORG_KEYWORDS as it is written in names (case matters);
 * GOVERNMENT_METONYMS lower case.
 */
import { words } from './words.js';

/** Nouns that head a noun phrase naming an organisation. */
export const ORG_NOUNS = words(`
department ministry administration government campaign committee commission council agency office
court party union company corporation firm bank group organization organisation association institute
foundation center centre coalition alliance network newspaper paper magazine outlet station channel
team board panel senate house congress parliament assembly cabinet kremlin pentagon police army military
navy embassy consulate university school college hospital church league federation club service bureau
authority regime junta caucus fund trust society movement lobby industry white website site blog
airline airlines carrier automaker retailer insurer manufacturer
`);

/** Capitalised words that mark a name as an organisation rather than a person. */
export const ORG_KEYWORDS = words(`
Department Ministry Administration Government Campaign Committee Commission Council Agency Office Court
Party Union Company Corporation Corp. Corp Inc. Inc Ltd LLC Group Organization Organisation Association
Institute Foundation Center Centre Coalition Alliance Network News Times Post Journal Tribune Herald
Gazette Telegraph Guardian Press Reuters AP AFP Bloomberg CNN BBC NBC CBS ABC Fox MSNBC NPR PBS Politico
Breitbart Axios Senate House Congress Parliament Assembly Cabinet Kremlin Pentagon Police Army Navy
Force Forces Embassy University School College Hospital Church League Federation Club Service Bureau
Authority Bank Fund Trust Society Movement Board Panel Caucus Republicans Democrats Democratic Republican
Industries Systems Group Media Magazine Review Daily Weekly Radio Television TV Agency Watch Unit
Chamber Museum Library TODAY
Records Productions Studios Pictures Entertainment Holdings Partners Technologies Pharmaceuticals
Airlines Motors Enterprises Ventures Labs Brands Communications Team
`);

/**
 * Organisation keywords that are also surnames: after a first name they name a person ("Michael
 * Bloomberg", "Liam Fox", "Don Guardian"), not the outlet.
 */
export const SURNAME_ORG_KEYWORDS = words('Bloomberg Fox Guardian Press');

/** Place names that stand for their government when they speak ("Moscow said"). */
export const GOVERNMENT_METONYMS = words(`
washington moscow kyiv kiev beijing london paris berlin brussels tehran jerusalem ankara tokyo delhi
pyongyang seoul damascus baghdad kabul cairo riyadh doha havana caracas ottawa canberra warsaw
`);

/**
 * Heads that name any kind of body: "the group said" after "The Trayvon Martin Foundation did not
 * want to address …" is the foundation (it had no speaker, and two outlets' excerpts of its
 * statement could not be compared by speaker: held-out cluster set). When no name ends in the
 * head itself, the latest name of a body ({@link GROUP_BODY_WORDS}) just before is meant.
 */
export const GENERIC_BODY_HEADS = new Set(['group', 'organization', 'organisation']);

/**
 * Last words of the names of bodies that "the group" may mean: not media, courts, governments,
 * committees or councils ("the group" after "the House Transportation and Infrastructure
 * Committee" was the lobby named by its initials before).
 */
export const GROUP_BODY_WORDS = new Set([
  'Foundation',
  'Institute',
  'Association',
  'Coalition',
  'Alliance',
  'Federation',
  'Organization',
  'Organisation',
  'Group',
  'Center',
  'Centre',
  'League',
  'Network',
  'Society',
  'Fund',
  'Project',
  'Trust',
]);
