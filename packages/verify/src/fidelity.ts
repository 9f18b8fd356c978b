import type { Fidelity } from '@quotecheck/shared/core';
import { diffArrays } from 'diff';
import { GAP, isNameToken, isNegation, isNumber, type NormalizedQuote } from './normalize.js';

/** How an occurrence's wording compares with the canonical wording of its claim. */
export interface FidelityResult {
  fidelity: Fidelity;
  /** An edit touches a negation, a number or a name. */
  meaningChanged: boolean;
  /** The words that differ, for evidence notes. */
  changed: string[];
}

interface Tok {
  w: string;
  raw: string;
  i: number;
  all: readonly string[];
}

function toks(q: NormalizedQuote): Tok[] {
  const out: Tok[] = [];
  q.words.forEach((w, i) => {
    if (w !== GAP) out.push({ w, raw: q.raw[i] || w, i, all: q.raw });
  });
  return out;
}

function sensitive(t: Tok): boolean {
  return isNegation(t.w) || isNumber(t.w) || isNameToken(t.raw, t.i, t.all);
}

/**
 * Classifies an occurrence against the canonical wording (Simmons, Adamic & Adar's mutation
 * types): exact; truncated (cut at the ends); omission (words left out inside); insertion
 * (words added); substitution (a few words swapped); paraphrase (mostly different words).
 * `meaningChanged` is set when an edit touches a negation, number or name; a cut counts when it
 * drops a negation right before the quoted words ("not our peace plan" quoted as "our peace plan").
 */
export function compareWording(canonical: NormalizedQuote, variant: NormalizedQuote): FidelityResult {
  const c = toks(canonical);
  const v = toks(variant);
  // A contiguous cut: align it where it occurs rather than where a word diff happens to put it.
  const cw = c.map((t) => t.w);
  const vw = v.map((t) => t.w);
  if (vw.length && vw.length < cw.length && !variant.words.includes(GAP)) {
    const at = indexOfRun(cw, vw);
    if (at >= 0) {
      let meaningChanged = false;
      for (let j = Math.max(0, at - 2); j < at; j++) if (isNegation(cw[j]!)) meaningChanged = true;
      const changed = [...cw.slice(0, at), ...cw.slice(at + vw.length)].map((x) => `-${x}`);
      return { fidelity: 'truncated', meaningChanged, changed };
    }
  }
  const parts = diffArrays(
    c.map((t) => t.w),
    v.map((t) => t.w),
  );
  let ci = 0;
  let vi = 0;
  let removedInside = 0;
  let removedEdge = 0;
  let added = 0;
  let same = 0;
  let meaningChanged = false;
  const changed: string[] = [];
  parts.forEach((p, k) => {
    const n = p.count ?? p.value.length;
    if (p.added) {
      for (let j = 0; j < n; j++) {
        const t = v[vi + j];
        if (t && sensitive(t)) meaningChanged = true;
        if (t) changed.push(`+${t.w}`);
      }
      added += n;
      vi += n;
    } else if (p.removed) {
      const atEdge = k === 0 || k === parts.length - 1;
      for (let j = 0; j < n; j++) {
        const t = c[ci + j];
        if (!t) continue;
        changed.push(`-${t.w}`);
        if (!atEdge && sensitive(t)) meaningChanged = true;
      }
      if (atEdge) {
        removedEdge += n;
        // A leading cut that drops the negation governing the quoted words flips them.
        if (k === 0) {
          for (let j = Math.max(0, n - 2); j < n; j++) {
            const t = c[ci + j];
            if (t && isNegation(t.w)) meaningChanged = true;
          }
        }
      } else removedInside += n;
      ci += n;
    } else {
      same += n;
      ci += n;
      vi += n;
    }
  });
  let fidelity: Fidelity;
  if (!added && !removedInside && !removedEdge) fidelity = 'exact';
  else if (!added && !removedInside) fidelity = 'truncated';
  else if (!added) fidelity = 'omission';
  else if (!removedInside && !removedEdge) fidelity = 'insertion';
  else {
    const base = Math.max(1, Math.min(c.length, v.length));
    fidelity =
      same / base >= 0.6 && Math.max(added, removedInside) <= Math.max(2, Math.ceil(0.25 * base)) ? 'substitution' : 'paraphrase';
  }
  return { fidelity, meaningChanged, changed };
}

function indexOfRun(hay: readonly string[], needle: readonly string[]): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
