/**
 * Pronouns that can be the source of an attribution, with what they tell about the referent
 * (gender, person), and the subject pronouns that open a reported clause ("said on Friday he …").
 * Used by mentions.ts, speaker resolution and the frame finder.
 * To add a pronoun: one entry in PRONOUNS; add it to SUBJECT_PRONOUNS only if it is a subject form.
 */

/** Pronouns that can be the source of an attribution, and what they tell about the referent. */
export const PRONOUNS: Record<string, { gender: 'm' | 'f' | 'n' | 'p'; person: number }> = {
  he: { gender: 'm', person: 3 },
  she: { gender: 'f', person: 3 },
  they: { gender: 'p', person: 3 },
  it: { gender: 'n', person: 3 },
  i: { gender: 'n', person: 1 },
  we: { gender: 'p', person: 1 },
  you: { gender: 'n', person: 2 },
  who: { gender: 'n', person: 0 },
  which: { gender: 'n', person: 0 },
};

/** Subject pronouns: after an adverbial phrase following a cue, one opens the reported clause. */
export const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it']);

/** Personal pronouns (he, she, they, it, i, we, you): a lone one right after a cue is no named source. */
export const PERSONAL_PRONOUNS: ReadonlySet<string> = new Set(
  Object.entries(PRONOUNS)
    .filter(([, p]) => p.person > 0)
    .map(([w]) => w),
);
