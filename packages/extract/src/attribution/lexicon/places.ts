/**
 * Countries and blocs with their demonyms, so "the Ukrainian leader" and "Ukraine's president"
 * name the same place. Used by mentions.ts and speaker resolution.
 * To add a place: one `[place, demonym]` pair, lower case, in DEMONYMS.
 */
import { words } from './words.js';

/** Country or bloc ↔ demonym pairs, lower case, for matching "the Ukrainian leader" to "Ukraine's president". */
const DEMONYMS: Array<[string, string]> = [
  ['us', 'american'],
  ['u.s.', 'american'],
  ['usa', 'american'],
  ['america', 'american'],
  ['united states', 'american'],
  ['uk', 'british'],
  ['u.k.', 'british'],
  ['britain', 'british'],
  ['united kingdom', 'british'],
  ['england', 'english'],
  ['france', 'french'],
  ['germany', 'german'],
  ['russia', 'russian'],
  ['ukraine', 'ukrainian'],
  ['china', 'chinese'],
  ['japan', 'japanese'],
  ['spain', 'spanish'],
  ['italy', 'italian'],
  ['canada', 'canadian'],
  ['mexico', 'mexican'],
  ['israel', 'israeli'],
  ['iran', 'iranian'],
  ['iraq', 'iraqi'],
  ['syria', 'syrian'],
  ['turkey', 'turkish'],
  ['türkiye', 'turkish'],
  ['poland', 'polish'],
  ['netherlands', 'dutch'],
  ['india', 'indian'],
  ['pakistan', 'pakistani'],
  ['brazil', 'brazilian'],
  ['australia', 'australian'],
  ['ireland', 'irish'],
  ['scotland', 'scottish'],
  ['wales', 'welsh'],
  ['eu', 'european'],
  ['europe', 'european'],
  ['egypt', 'egyptian'],
  ['saudi arabia', 'saudi'],
  ['greece', 'greek'],
  ['sweden', 'swedish'],
  ['norway', 'norwegian'],
  ['finland', 'finnish'],
  ['denmark', 'danish'],
  ['hungary', 'hungarian'],
  ['belarus', 'belarusian'],
  ['south korea', 'south korean'],
  ['north korea', 'north korean'],
  ['palestine', 'palestinian'],
  ['lebanon', 'lebanese'],
  ['venezuela', 'venezuelan'],
  ['cuba', 'cuban'],
  ['qatar', 'qatari'],
  ['nigeria', 'nigerian'],
  ['kenya', 'kenyan'],
  ['south africa', 'south african'],
  ['argentina', 'argentine'],
  ['switzerland', 'swiss'],
  ['austria', 'austrian'],
  ['belgium', 'belgian'],
  ['portugal', 'portuguese'],
  ['afghanistan', 'afghan'],
  ['vietnam', 'vietnamese'],
  ['philippines', 'filipino'],
  ['indonesia', 'indonesian'],
  ['thailand', 'thai'],
];
const TO_PLACE = new Map<string, string>();
for (const [place, demonym] of DEMONYMS) {
  TO_PLACE.set(place, place === 'u.s.' || place === 'usa' || place === 'america' || place === 'united states' ? 'us' : place);
  if (!TO_PLACE.has(demonym)) TO_PLACE.set(demonym, TO_PLACE.get(place) ?? place);
}
for (const [k, v] of [
  ['u.k.', 'uk'],
  ['britain', 'uk'],
  ['united kingdom', 'uk'],
  ['british', 'uk'],
  ['european', 'eu'],
  ['europe', 'eu'],
] as const)
  TO_PLACE.set(k, v);

/** Canonical place key for a country name or demonym ("Ukrainian" and "Ukraine's" → "ukraine"), or null. */
export function placeKey(word: string): string | null {
  if (word.length > 16) return null;
  let w = word.toLowerCase();
  const direct = TO_PLACE.get(w);
  if (direct) return direct;
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  else if (w.endsWith("'") || w.endsWith('’')) w = w.slice(0, -1);
  else return null;
  return TO_PLACE.get(w) ?? null;
}

/**
 * US states and their newspaper abbreviations, as one word, that name no person: a "he" or
 * "she" never means them (pronouns.ts). States that are also first names or surnames
 * (Washington, Georgia, Virginia, Carolina, Montana, Dakota, Indiana) are left out.
 */
export const US_STATE_WORDS = words(`
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho
Illinois Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi
Missouri Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Wisconsin
Wyoming Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ill. Kan. Ky. La. Md. Mass. Mich. Minn.
Miss. Mo. Neb. Nev. Okla. Ore. Pa. Penn. Tenn. Tex. Wis. Wyo.
`);

/**
 * Places named in two words or more that are no country of the place list: US states and cities
 * ("New York", "South Carolina", "Hong Kong"). As a speaker they are a government, not a person
 * ("the United States pledged", "Hong Kong fear …" had made people of them: 32 records over the
 * corpus inputs with the countries). Lower case.
 */
export const MULTIWORD_PLACES: ReadonlySet<string> = new Set([
  'new york',
  'new jersey',
  'new hampshire',
  'new mexico',
  'north carolina',
  'south carolina',
  'north dakota',
  'south dakota',
  'west virginia',
  'rhode island',
  'hong kong',
  'new zealand',
  'sri lanka',
  'el salvador',
  'costa rica',
  'puerto rico',
  'los angeles',
  'san francisco',
  'new delhi',
  'tel aviv',
  'washington d.c.',
]);

/** Whether a name is a place's: a country of the place list or a place of {@link MULTIWORD_PLACES} ("South Korea", "New York"). */
export function isPlaceName(name: string): boolean {
  return placeKey(name) !== null || MULTIWORD_PLACES.has(name.toLowerCase());
}
