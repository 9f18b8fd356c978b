/**
 * The cue-verb index built from cue-verbs.ts and cue-behaviour.ts: every inflected form of every
 * cue verb, keyed by its lower-case form. Derived data: to add a cue verb, edit cue-verbs.ts,
 * not this file.
 */
import { ADDRESSEE, AMBIGUOUS, NOT_CUE_FORMS } from './cue-behaviour.js';
import { BELIEF, DOUBLING, EVIDENCE, IRREGULAR_ING, SPEECH } from './cue-verbs.js';

/** What a cue reports: spoken or written words, an inner state, or evidence from a document. */
export type CueClass = 'speech' | 'belief' | 'evidence' | 'stance';

/** One inflected form of a cue verb. */
export interface CueForm {
  lemma: string;
  cls: CueClass;
  /** The -ing form: after a comma it takes the main clause's subject ("…, adding that"). */
  gerund: boolean;
  /** Verbs whose object is the addressee, skipped before the content ("told reporters that"). */
  takesAddressee: boolean;
  /** Past participle or past form usable in a passive ("was told by", "was quoted as saying"). */
  participle: boolean;
}

/**
 * A one-syllable verb ending consonant-vowel-consonant doubles its last consonant (slam →
 * slammed, nod → nodded); w, x and y never double. Longer verbs double only when their last
 * syllable is stressed, which spelling does not show: those are listed in DOUBLING. Without this
 * rule "slam" inflected to "slamed" and every "slammed" was missed (9 PolNeAR train misses).
 */
function doublesFinalConsonant(base: string): boolean {
  if (DOUBLING.test(base)) return true;
  return /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(base) && /[^aeiou][aeiou][^aeiou]$/.test(base);
}

/** The -s, -ed and -ing forms of a regular verb (doubling and -y rules from cue-verbs.ts). */
export function inflect(base: string): { s: string; ed: string; ing: string } {
  const double = doublesFinalConsonant(base);
  const last = base.slice(-1);
  const s = /(s|sh|ch|x|z|o)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  let ed: string;
  let ing: string;
  if (double) {
    ed = `${base}${last}ed`;
    ing = `${base}${last}ing`;
  } else if (base.endsWith('e')) {
    ed = `${base}d`;
    ing = IRREGULAR_ING[base] ?? (base.endsWith('ee') ? `${base}ing` : `${base.slice(0, -1)}ing`);
  } else if (/[^aeiou]y$/.test(base)) {
    ed = `${base.slice(0, -1)}ied`;
    ing = `${base}ing`;
  } else {
    ed = `${base}ed`;
    ing = `${base}ing`;
  }
  return { s, ed, ing };
}

/** Single-word cue forms, keyed by lower-case form. */
export const CUE_FORMS = new Map<string, CueForm>();
/** Two-word phrasal cues ("point out", "lash out"), keyed by the first word's form → particle. */
export const PHRASAL_PARTICLE = new Map<string, Set<string>>();
/** Forms that are cues only with one of their particles ("pointed out", not "pointed"). */
export const PHRASAL_ONLY = new Set<string>();

function register(list: string, cls: CueClass): void {
  for (const raw of list.split(/\s+/)) {
    if (!raw) continue;
    const [baseRaw, pastRaw, partRaw] = raw.split(':');
    const base = baseRaw ?? '';
    const [verb, particle] = base.split('_') as [string, string | undefined];
    const inf = inflect(verb);
    const past = pastRaw ?? inf.ed;
    const part = partRaw ?? inf.ed;
    const forms: Array<[string, boolean, boolean]> = [
      [verb, false, false],
      [inf.s, false, false],
      [past, false, past === part],
      [part, false, true],
      [inf.ing, true, false],
    ];
    for (const [form, gerund, participle] of forms) {
      if (NOT_CUE_FORMS.has(form)) continue;
      const prev = CUE_FORMS.get(form);
      if (particle) {
        const set = PHRASAL_PARTICLE.get(form) ?? new Set<string>();
        set.add(particle);
        PHRASAL_PARTICLE.set(form, set);
        if (!prev) PHRASAL_ONLY.add(form);
      } else if (prev) PHRASAL_ONLY.delete(form);
      // Speech senses win over belief or evidence senses of the same form.
      if (prev && (prev.cls === 'speech' || cls !== 'speech')) {
        if (participle) prev.participle = true;
        continue;
      }
      CUE_FORMS.set(form, { lemma: verb, cls, gerund, takesAddressee: ADDRESSEE.has(verb), participle });
    }
  }
}

register(SPEECH, 'speech');
register(BELIEF, 'belief');
register(EVIDENCE, 'evidence');

/** Whether a form's lemma needs corroboration (a "that", a colon or a quote next to it). */
export function isAmbiguousLemma(lemma: string): boolean {
  return AMBIGUOUS.has(lemma);
}
