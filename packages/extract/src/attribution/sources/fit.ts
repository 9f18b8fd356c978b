/**
 * Checks a verb frame makes before it keeps a source: the cue is not a noun heading its own
 * subject ("a post", "Republican support was solid"), and the mention can hold a cue of this
 * class (a document does not "believe", "it" does not "back").
 */

import type { CueReading } from '../frames/types.js';
import { type CueClass, DOCUMENT_NOUNS, isAmbiguousLemma, NOUN_LIKE, SPOKES_NOUNS } from '../lexicon/index.js';
import type { MentionInfo } from '../mentions.js';
import type { Token } from '../sentences.js';
import type { SourcePick } from './types.js';

/** Whether a mention can be the source of a cue of this class. */
export function sourceFits(info: MentionInfo, cls: CueClass, lemma: string): boolean {
  if (info.form === 'pronoun') {
    if (info.pronoun === 'it') return cls === 'speech' && !isAmbiguousLemma(lemma);
    if (info.pronoun === 'you' || info.pronoun === 'i' || info.pronoun === 'we')
      return cls === 'speech' && !isAmbiguousLemma(lemma);
    return true;
  }
  if (cls === 'evidence') return info.kind === 'document' || info.kind === 'organization';
  if (cls === 'stance') return info.kind === 'person' || info.kind === 'group' || info.kind === 'organization';
  if (info.kind === 'document') return cls === 'speech' && !isAmbiguousLemma(lemma);
  return true;
}

/** Counting words that head "<quantity> of …" ("thousands of", "dozens of", "millions of"). */
const QUANTITY_OF = /^(hundreds|thousands|millions|billions|dozens|scores|tens|lots|plenty)$/;

/**
 * Words that count or qualify a plural noun and cannot end a subject: "deflected numerous
 * questions", "raised several questions", "fielded many questions". A cue right after one is
 * the noun they qualify (the NYT's "Mr. McConnell deflected numerous questions about Mr. Trump
 * before saying, …" read "Mr. McConnell deflected numerous" as the speaker of two attributions).
 */
const QUALIFIES_PLURAL =
  /^(numerous|many|several|multiple|few|fewer|more|some|repeated|further|additional|various|countless|no)$/;

/**
 * Whether the cue word reads as a noun with this source before it: "the report" / "a post"
 * (unless a whole noun phrase comes first: "a new poll shows that"), or a plural noun followed by
 * a verb ("Health worries have dogged her").
 */
export function readsAsNoun(tokens: readonly Token[], { t, form, cueB }: CueReading, { src, side }: SourcePick): boolean {
  if (side !== 'left') return false;
  if (
    NOUN_LIKE.has(t.lower) &&
    /^(a|an|the|his|her|its|their|our|my|your|this|that)$/.test((tokens[src.a] as Token).lower) &&
    !/s$/.test(t.lower)
  ) {
    const head = tokens[src.b - 1] as Token;
    if (!(head.kind === 'w' && !head.cap && /s$/.test(head.lower))) return true;
  }
  // "a post", "a show" — unless a whole noun phrase comes first ("a new poll shows that").
  if (
    NOUN_LIKE.has(t.lower) &&
    /^(a|an)$/.test((tokens[src.a] as Token).lower) &&
    !(src.b - src.a > 1 && DOCUMENT_NOUNS.has((tokens[src.b - 1] as Token).lower))
  )
    return true;
  // "thousands of Clinton emails held on a server": a quantity of things is no speaker, so a
  // plural cue after "<quantity> of" is the noun it counts (it took the next paragraph's
  // quotation from "Trump said." on the cluster dev set).
  if (
    !form.gerund &&
    /s$/.test(t.lower) &&
    QUANTITY_OF.test((tokens[src.a] as Token).lower) &&
    (tokens[src.a + 1] as Token | undefined)?.lower === 'of'
  )
    return true;
  if (/s$/.test(t.lower) && QUALIFIES_PLURAL.test((tokens[src.b - 1] as Token).lower)) return true;
  // A noun that looks like a cue heads its own subject: "Republican support was solid",
  // "Health worries have dogged her".
  if (!form.gerund && /s$/.test(t.lower)) {
    const after = tokens[cueB];
    if (after?.kind === 'w' && !after.cap && /^(is|was|are|were|has|have|had|remain|remains|seem|seems)$/.test(after.lower))
      return true;
  }
  return false;
}

/**
 * Whether an ambiguous cue ("call", "back", "report") has a source that cannot hold it: a document,
 * "it", or a description other than of someone who speaks for a body ("A Clinton spokesman called
 * the situation “overclassification run amok”": read as the campaign's description, it had been
 * dropped). Other descriptions stay out: letting anonymous ones in too ("people posted", "who
 * support", "Employees call") added 30 attributions over the corpus inputs, most of them wrong.
 */
export function ambiguousMisfit(info: MentionInfo, lemma: string): boolean {
  if (!isAmbiguousLemma(lemma)) return false;
  if (info.kind === 'document' || info.pronoun === 'it') return true;
  return info.form === 'description' && !SPOKES_NOUNS.has(info.role ?? '');
}
