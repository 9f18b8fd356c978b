/**
 * Source strategies of the verb frame, chosen by the token just left of the cue (past
 * auxiliaries and adverbs). The first rule whose test holds decides; its strategies are tried in
 * order and the first that finds a phrase wins; when none does, the cue has no frame.
 * To add a strategy: write it in its own file here and add a rule (or a fallback) below.
 */

import { cueAt, stanceVerbAt } from '../frames/cue-reading.js';
import type { CueReading, Scan } from '../frames/types.js';
import { COORD, DASHES, GERUND_PREPS } from '../lexicon/index.js';
import type { Token } from '../sentences.js';
import { appositive } from './appositive.js';
import { inherited } from './inherited.js';
import { closingInverted, inverted } from './inverted.js';
import { nounPhraseLeft } from './noun-phrase-left.js';
import { parenthesis } from './parenthesis.js';
import { relativePronoun } from './relative-pronoun.js';
import type { SourcePick, SourceStrategy } from './types.js';

export type { SourcePick, SourceStrategy } from './types.js';

/** When a rule applies: `prev` is the token left of the cue, undefined at the sentence start. */
interface SourceRule {
  name: string;
  when(prev: Token | undefined, c: CueReading, s: Scan): boolean;
  strategies: readonly SourceStrategy[];
}

const isP = (t: Token | undefined, ...marks: string[]): boolean => t?.kind === 'p' && marks.includes(t.text);

/** The rules, in precedence order. */
export const SOURCE_RULES: readonly SourceRule[] = [
  { name: 'sentence start: "Said X, …"', when: (prev) => !prev, strategies: [inverted] },
  {
    name: 'relative pronoun: "X, who said"',
    when: (p) => p?.kind === 'w' && !p.cap && (p.lower === 'who' || p.lower === 'which' || p.lower === 'that'),
    strategies: [relativePronoun],
  },
  { name: 'parenthesis: "X (D-N.Y.) said"', when: (p) => isP(p, ')'), strategies: [parenthesis] },
  {
    name: 'appositive: "X, a senator, said", else "…, X said"; first "…, said X." closing the sentence',
    when: (p, c) => p?.kind === 'p' && (p.text === ',' || DASHES.has(p.text)) && !(c.form.gerund && p.text === ','),
    strategies: [closingInverted, appositive, inverted],
  },
  { name: 'participle after a comma: "…, adding"', when: (p) => isP(p, ','), strategies: [inherited] },
  { name: 'coordination: "and said"', when: (p) => p?.kind === 'w' && COORD.has(p.lower), strategies: [inherited] },
  {
    // "took to Twitter to accuse …", "declined to say": the clause subject speaks.
    name: 'infinitive: "declined to say"',
    when: (p, c, s) =>
      p?.kind === 'w' &&
      p.lower === 'to' &&
      c.form.lemma === c.t.lower &&
      !cueAt(s.tokens, c.j - 1) &&
      !stanceVerbAt(s.tokens, c.j - 1, s.A),
    strategies: [inherited],
  },
  {
    name: 'gerund after a preposition: "after saying"',
    when: (p, c) => p?.kind === 'w' && c.form.gerund && GERUND_PREPS.has(p.lower),
    strategies: [inherited],
  },
  {
    name: 'after a quotation, dash, parenthesis or colon: "“…” said X"',
    when: (p) => p?.kind === 'Q' || (p?.kind === 'p' && (DASHES.has(p.text) || p.text === '(' || p.text === ':')),
    strategies: [inverted],
  },
  { name: 'subject: "X said"', when: () => true, strategies: [nounPhraseLeft] },
];

/** The source of a verb cue, by the first rule that applies, or null. */
export function chooseSource(s: Scan, c: CueReading): SourcePick | null {
  const prev = c.j >= s.A ? (s.tokens[c.j] as Token) : undefined;
  const rule = SOURCE_RULES.find((r) => r.when(prev, c, s)) as SourceRule;
  for (const strategy of rule.strategies) {
    const pick = strategy(s, c, prev);
    if (pick) return pick;
  }
  return null;
}
