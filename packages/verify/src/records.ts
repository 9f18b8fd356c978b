import type { Claim, Occurrence, Speaker } from '@quotecheck/shared/core';

// Claims and their excerpts in one layout each: every field present, in one order, an absent
// optional field as `undefined` (JSON.stringify leaves it out, so the stored JSON is unchanged).
//
// Why: V8 gives objects of different field sets, or built different ways (a JSON.parse of the
// store's record, an object literal, a conditional spread), different hidden classes. The
// verifier's hot functions saw up to eight of them per kind, and their optimised code was thrown
// away each time a new one arrived ("wrong map": 89 of the verify process's 118 deoptimisations
// over 1,000 benchmark articles, `--trace-deopt`), then compiled again: `assign` 5 times, `links`
// 6, `gramArticles` 7. Compiling took more CPU than the verification it sped up in a run that
// short (`perf`: 2.8 ms per article on the compiler threads).

/** A speaker in the one layout of {@link Speaker} records (`role` present, possibly undefined). */
export function speakerRecord(s: Speaker): Speaker {
  return { name: s.name, kind: s.kind, role: s.role };
}

/** An excerpt in the one layout of {@link Occurrence} records, its speaker too (other nested values shared). */
export function occurrenceRecord(o: Occurrence): Occurrence {
  return {
    articleId: o.articleId,
    input: o.input,
    outlet: o.outlet,
    published: o.published,
    start: o.start,
    end: o.end,
    text: o.text,
    type: o.type,
    speaker: speakerRecord(o.speaker),
    reportedBy: o.reportedBy,
    confidence: o.confidence,
    fidelity: o.fidelity,
    meaningChanged: o.meaningChanged,
    sentence: o.sentence,
    wire: o.wire,
    context: o.context,
    align: o.align,
  };
}

/** A claim in the one layout of {@link Claim} records, its excerpts and speakers too (other nested values shared). */
export function claimRecord(c: Claim): Claim {
  return {
    id: c.id,
    canonical: c.canonical,
    speaker: speakerRecord(c.speaker),
    status: c.status,
    flags: c.flags,
    firstSeen: c.firstSeen,
    independentSources: c.independentSources,
    occurrences: c.occurrences.map(occurrenceRecord),
    evidence: c.evidence,
    updatedAt: c.updatedAt,
    mergedFrom: c.mergedFrom,
  };
}

/** A claim record read back from its stored JSON. */
export function parseClaim(json: string): Claim {
  return claimRecord(JSON.parse(json) as Claim);
}

/**
 * A deep copy of a claim in the one record layout: no object or array is shared with `c`
 * (strings are). What the memory store hands out and keeps, so a caller changing its copy changes
 * nothing stored. Update it with the {@link Claim} schema: every nested object is copied by name.
 * Replaced `structuredClone`, which took 6% of `quotecheck check`'s CPU over the 1,008 PolNeAR
 * texts and left claims in other hidden classes than the verifier's.
 */
export function copyClaim(c: Claim): Claim {
  const out = claimRecord(c);
  out.flags = [...c.flags];
  for (const r of out.occurrences) {
    if (r.reportedBy) r.reportedBy = { ...r.reportedBy };
    if (r.align) r.align = { ...r.align };
  }
  out.evidence = c.evidence.map((e) => ({ ...e }));
  out.mergedFrom = c.mergedFrom ? [...c.mergedFrom] : undefined;
  return out;
}
