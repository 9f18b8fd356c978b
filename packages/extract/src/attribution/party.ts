/**
 * Which party the article says a person belongs to, and which party a description names: "the GOP
 * nominee" is the one person the article gives as a Republican, never one it gives as a Democrat
 * nor, when it gives someone as a Republican, someone whose party it does not say.
 *
 * Why: over the 1,008 PolNeAR texts, 80 speakers were left a bare party description ("the GOP
 * nominee", "the Democratic presidential candidate"), and the rule that takes the one person the
 * sentence before names gave "The Republican nominee has said …" to a strategist quoted just before
 * it (Wash. Post: "… said Chuck Rocha, president of Solidarity Strategies …" then "The GOP nominee
 * has staked much of his campaign on … portraying Mexican immigrants … as ''rapists''", Trump's
 * remark, which the article introduced with "Donald Trump as her GOP opponent").
 */
import type { Token } from './sentences.js';

/** A US party as articles name it. */
export type Party = 'R' | 'D';

/** Words naming a party, lower case. */
const PARTY_WORDS: Readonly<Record<string, Party>> = {
  gop: 'R',
  republican: 'R',
  republicans: 'R',
  democrat: 'D',
  democrats: 'D',
  democratic: 'D',
};

/** The party a word names, if any. */
export function partyOfWord(word: string): Party | null {
  return PARTY_WORDS[word.toLowerCase()] ?? null;
}

/**
 * Words after which a role's party word is about someone else: "a critic of the Republican nominee",
 * "a spokesman for the Senate Democratic campaign effort" say nothing of the person's own party.
 */
const ABOUT_SOMEONE_ELSE = new Set(['of', 'for', 'to', 'against', 'with', 'about', 'from', 'at', 'on']);

/**
 * The parties a role names for its holder ("Republican", "GOP presidential front-runner",
 * "independent Vermont senator and Democratic presidential candidate"), read up to the first word
 * that makes the rest about someone else ({@link ABOUT_SOMEONE_ELSE}).
 */
export function partiesOfRole(role: string | null | undefined): Party[] {
  const out = new Set<Party>();
  for (const w of (role ?? '').split(/[\s,]+/)) {
    if (ABOUT_SOMEONE_ELSE.has(w.toLowerCase())) break;
    const p = partyOfWord(w);
    if (p) out.add(p);
  }
  return [...out];
}

/** The one party a description names ("The GOP nominee"), null for none or both. */
export function partyOfDescription(role: string | null | undefined): Party | null {
  const parties = partiesOfRole(role);
  return parties.length === 1 ? parties[0]! : null;
}

/**
 * Heads of a description that the one person the article gives of its party is: a party has one
 * nominee. Not "candidate" nor "front-runner", of which a primary has several: "The GOP
 * presidential front-runner" after "Sen. Marco Rubio (R-Fla.)" is Trump, whose party the article
 * does not give; over the PolNeAR texts all three such descriptions so read were wrong. Nor
 * "senator": an article names many Democrats besides the senator.
 */
export const PARTY_NOMINEE_HEADS: ReadonlySet<string> = new Set(['nominee', 'standard-bearer']);

/** Determiners before a party word in "Donald Trump as her GOP opponent". */
const AS_DETERMINERS = new Set(['his', 'her', 'their', 'the', 'a', 'an']);

/**
 * The party given right after a name at token `j` (the token after the name): "Donald Trump as her
 * GOP opponent" or "Ted Cruz (R-Texas)"; null when none.
 */
export function partyAfterName(text: string, t: readonly Token[], j: number): Party | null {
  const next = t[j];
  if (!next) return null;
  if (next.lower === 'as' && AS_DETERMINERS.has(t[j + 1]?.lower ?? '') && t[j + 3]?.kind === 'w') {
    const p = partyOfWord(t[j + 2]?.text ?? '');
    if (p && t[j + 2]?.cap) return p;
  }
  const m = /^\s*\(([RD])-[A-Z]/.exec(text.slice(next.s, next.s + 6));
  return m ? (m[1] as Party) : null;
}
