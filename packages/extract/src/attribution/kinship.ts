/**
 * Kinship appositives around a name: whether the person named is introduced as someone's
 * relative ("her husband, former President Bill Clinton", "Patricia Smith, mother of … Sean
 * Smith"), and the gender a kinship noun gives the name it stands before.
 */
import { KINSHIP_NOUNS, NOUN_GENDER } from './lexicon/index.js';
import type { Token } from './sentences.js';
import { lowerName } from './token-tests.js';

/**
 * Whether the name at `i` is introduced as a relative: a kinship noun up to four tokens before
 * it in the same clause ("her husband, former President Bill Clinton", "daughter Chelsea Clinton").
 */
export function introducedAsRelative(t: readonly Token[], i: number): boolean {
  return kinshipBefore(t, i) !== null;
}

/** The kinship noun up to four tokens before the name at `i` in the same clause, or null. */
export function kinshipBefore(t: readonly Token[], i: number): string | null {
  const k = kinshipIndexBefore(t, i);
  return k < 0 ? null : (t[k] as Token).lower;
}

/** Where {@link kinshipBefore}'s noun is, or -1. */
function kinshipIndexBefore(t: readonly Token[], i: number): number {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const w = t[k] as Token;
    if (w.kind === 'w' && KINSHIP_NOUNS.has(w.lower)) return k;
    if (w.kind !== 'w' && w.text !== ',') return -1;
  }
  return -1;
}

/**
 * The gender a kinship noun before the name at `i` gives that name: "her son, filmmaker Charlie
 * McDowell" makes Charlie a man, but in "Chelsea Clinton, the daughter of former President Bill
 * Clinton" the noun is Chelsea's, and had made Bill Clinton a woman.
 */
export function kinshipGender(t: readonly Token[], i: number): 'm' | 'f' | null {
  const k = kinshipIndexBefore(t, i);
  if (k < 0 || t[k + 1]?.lower === 'of') return null;
  return NOUN_GENDER[(t[k] as Token).lower] ?? null;
}

/** Words allowed between an appositive's comma and its kinship noun: "Erica Garner, the oldest daughter of …". */
const KINSHIP_LEAD_WORDS = 3;

/**
 * Whether the name at `i` is the relative in "<Name> <Surname>, [the] mother of … <Name> <Surname>"
 * with the one surname: the person named first is whom the story follows there, the one after
 * "of" is named for who she is. "Patricia Smith, mother of Benghazi victim Sean Smith" had let the
 * next "Smith said" mean Sean Smith, named earlier in the article and so no new relative.
 * PolNeAR and the pages hold six such appositives, each about the first person named.
 */
export function relativeOfNamedBefore(t: readonly Token[], i: number, surname: string): boolean {
  const k = kinshipIndexBefore(t, i);
  if (k < 0 || t[k + 1]?.lower !== 'of') return false;
  let c = k - 1;
  while (c >= 0 && k - c <= KINSHIP_LEAD_WORDS && (t[c] as Token).kind === 'w') c--;
  const named = t[c - 1];
  return t[c]?.text === ',' && named?.kind === 'w' && lowerName(named.text) === surname;
}
