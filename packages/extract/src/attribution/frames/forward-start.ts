/**
 * Where a forward frame's content starts after its cue: past an addressee ("told reporters"),
 * adverbials ("on Sunday", "in a statement"), "that", a colon or a comma before a quotation.
 */
import {
  AUXILIARIES,
  CAPITALISED_STOPWORDS,
  COORD,
  type CueForm,
  DASHES,
  DETERMINERS,
  NOT_A_TOPIC_AFTER_ON,
  ON_OBJECT,
  PREPOSITIONS,
  SKIPPABLE_ADVERBS,
  STRETCH_BREAK,
  SUBJECT_PRONOUNS,
  SUBORDINATORS,
  TIME_WORDS,
  TOPIC_ONLY,
} from '../lexicon/index.js';
import type { Token } from '../sentences.js';
import { isAdverb, isPrepositionHere, isWord } from '../token-tests.js';
import { cueAt } from './cue-reading.js';

/**
 * Where the content of a forward frame starts after the cue ends at `k`: past an addressee
 * ("told reporters"), adverbials ("on Sunday", "in a statement"), "that", a colon or a comma
 * before a quotation. Null when nothing but adverbials follows (the content came before).
 */
export function forwardStart(
  tokens: readonly Token[],
  k: number,
  end: number,
  form: CueForm | null,
): { start: number; that: boolean } | null {
  const found = form && TOPIC_ONLY.has(form.lemma) ? topicStart(tokens, k, end) : objectStart(tokens, k, end, form);
  // "requested anonymity because …", "asking for anonymity": the terms of speaking, not its content.
  return found && tokens[found.start]?.lower === 'anonymity' ? null : found;
}

/** {@link forwardStart} of a verb that takes its content as an object or a clause. */
function objectStart(
  tokens: readonly Token[],
  k: number,
  end: number,
  form: CueForm | null,
): { start: number; that: boolean } | null {
  k = skipAddressee(tokens, k, end, form);
  const cueEnd = k;
  let crossed = false;
  for (let guard = 0; guard < 60 && k < end; guard++) {
    const t = tokens[k] as Token;
    if (t.kind === 'Q') return { start: k, that: false };
    if (t.kind === 'p') {
      if (t.text === ',' || DASHES.has(t.text)) {
        crossed = true;
        k++;
        continue;
      }
      if (t.text === ':') return k + 1 < end ? { start: k + 1, that: false } : null;
      if (t.text === '(' && !crossed) {
        while (k < end && tokens[k]?.text !== ')') k++;
        k++;
        continue;
      }
      return null;
    }
    // After a comma only a quotation continues the cue ("he said, “…”", also past asides:
    // "said on Monday, in reference to her child, “…”"); anything else is a new clause.
    if (crossed) return quoteAfterAside(tokens, k, end);
    const l = t.lower;
    if (l === 'that' && !t.cap) return k + 1 < end ? { start: k + 1, that: true } : null;
    if (k === cueEnd && l === 'of' && form && (form.lemma === 'say' || form.lemma === 'write' || form.lemma === 'tell')) {
      // "said of the plan: …" names the topic; the words come after it or before the cue.
      k++;
      while (k < end && tokens[k]?.kind === 'w' && tokens[k]?.lower !== 'that') k++;
      continue;
    }
    if (k === cueEnd && /^(of|about|for|against|whether|if|how|what|why|who|when|where)$/.test(l))
      return { start: /^(of|about|for|against)$/.test(l) ? k + 1 : k, that: false };
    // "told voters here Sunday that …": "here" before a time or "that" is where, not content.
    const hereThen = l === 'here' && (TIME_WORDS.has(tokens[k + 1]?.lower ?? '') || tokens[k + 1]?.lower === 'that');
    if (SKIPPABLE_ADVERBS.has(l) || isAdverb(t) || TIME_WORDS.has(l) || hereThen) {
      k++;
      continue;
    }
    // "claiming without any evidence that …": the writer's aside, not the claim.
    const unsupported = withoutEvidenceEnd(tokens, k);
    if (unsupported > k) {
      k = unsupported;
      continue;
    }
    if (SUBORDINATORS.has(l) && !isTemporalPreposition(tokens, k)) return null;
    // "said and left", "a specious ROTC reference and larger appeal to …": a coordinator after the
    // cue joins a second verb or noun; no content starts with one.
    if (COORD.has(l)) return null;
    if (opensQuantifier(tokens, k)) return { start: k, that: false };
    // "said this was the only chance": "this" before an auxiliary is the clause's subject, not the
    // "this week" of a time adverbial (the clause had been skipped as one, leaving no content).
    if (l === 'this' && AUXILIARIES.has(tokens[k + 1]?.lower ?? '')) return { start: k, that: false };
    if (PREPOSITIONS.has(l)) {
      if (l === 'to') {
        const n = tokens[k + 1];
        if (!n || !(n.cap || DETERMINERS.has(n.lower) || /^(him|her|them|me|us|reporters)$/.test(n.lower)))
          return { start: k, that: false };
      }
      if (l === 'on' && k === cueEnd && form && ON_OBJECT.has(form.lemma) && !TIME_WORDS.has(tokens[k + 1]?.lower ?? ''))
        return { start: k + 1, that: false };
      // Skip a short prepositional phrase ("in a statement", "at a rally in Iowa").
      const next = skipPrepositionalPhrase(tokens, k, end);
      if (next - k >= 10) return null;
      k = next;
      continue;
    }
    return { start: k, that: false };
  }
  return null;
}

/** Words that may stand between "without" and "evidence" in the writer's aside. */
const WITHOUT_EVIDENCE_FILLERS = new Set(['any', 'offering', 'providing', 'citing', 'giving', 'presenting']);

/**
 * Where "without (any) evidence" or "without proof" at `k` ends, or `k`: "Mr. Trump … claiming
 * without any evidence that President Obama wanted to take in 250,000 Syrian refugees" had the
 * writer's aside open Trump's claim, and the claim held the refutation of itself.
 */
function withoutEvidenceEnd(tokens: readonly Token[], k: number): number {
  if (tokens[k]?.lower !== 'without') return k;
  let m = k + 1;
  if (WITHOUT_EVIDENCE_FILLERS.has(tokens[m]?.lower ?? '')) m++;
  const head = tokens[m]?.lower;
  return head === 'evidence' || head === 'proof' ? m + 1 : k;
}

/**
 * "at least", "at most", "in all" open a quantity, not a prepositional phrase: "CNN reported at
 * least six planes filled the skies" has its content from "at", where skipping "at least six
 * planes …" as an adverbial left the cue without forward content.
 */
function opensQuantifier(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  const n = tokens[k + 1];
  return t?.lower === 'at' && (n?.lower === 'least' || n?.lower === 'most') && tokens[k + 2]?.kind === 'w';
}

/**
 * Where the topic of an intransitive speech verb starts (lexicon TOPIC_ONLY): after "about",
 * "of", "against" or "on" ("spoke out against Trump", "speaking about the need for …"), past
 * "out"/"up" and adverbs; a quotation after a comma or colon; otherwise none.
 */
function topicStart(tokens: readonly Token[], k: number, end: number): { start: number; that: boolean } | null {
  while (
    k < end &&
    (isAdverb(tokens[k] as Token) || /^(out|up|publicly|openly|again|often|frequently)$/.test(tokens[k]?.lower ?? ''))
  )
    k++;
  const t = tokens[k];
  if (!t || k + 1 >= end) return null;
  if (t.kind === 'Q') return { start: k, that: false };
  if ((t.text === ':' || t.text === ',') && tokens[k + 1]?.kind === 'Q') return { start: k + 1, that: false };
  const n = tokens[k + 1] as Token;
  const m = tokens[k + 2];
  if (
    t.lower === 'on' &&
    !NOT_A_TOPIC_AFTER_ON.has(n.lower) &&
    !NOT_A_TOPIC_AFTER_ON.has(m?.lower ?? '') &&
    !TIME_WORDS.has(n.lower)
  )
    return { start: k + 1, that: false };
  // The topic may follow a time or place first ("spoke out Tuesday about", "spoke more
  // frequently in public about"); up to eight words, no punctuation between. The terms of
  // speaking are no topic ("spoke on condition of anonymity because …"): skipped.
  k = afterSpeakingTerms(tokens, k);
  for (let j = k; j < end && j - k < 8; j++) {
    const w = tokens[j] as Token;
    if (w.kind !== 'w') return null;
    if (w.lower === 'in' && tokens[j + 1]?.lower === 'favor' && tokens[j + 2]?.lower === 'of')
      return j + 3 < end ? { start: j + 3, that: false } : null;
    if (/^(about|of|against)$/.test(w.lower)) return j + 1 < end ? { start: j + 1, that: false } : null;
    if (w.lower === 'to' || w.lower === 'that' || SUBORDINATORS.has(w.lower) || cueAt(tokens, j)) return null;
  }
  return null;
}

/** Past an addressee after a cue that takes one ("told reporters that"), or `k` unchanged. */
function skipAddressee(tokens: readonly Token[], k: number, end: number, form: CueForm | null): number {
  if (form?.takesAddressee && isWord(tokens[k]) && tokens[k]?.lower !== 'that') {
    const objEnd = objectEnd(tokens, k, end);
    const after = tokens[objEnd];
    if (
      objEnd > k &&
      // "told reporters it was …", "told them the plan failed": an object pronoun or a plural
      // people word is the addressee whatever follows but a relative "who" (the content had opened
      // with it). Not "her" ("urges her husband to …", "tell her story") nor a capitalised "US".
      ((isLoneAddressee(tokens[k] as Token) && after?.lower !== 'who') ||
        (namedAddresseeEnd(tokens, k, end) === objEnd && CLAUSE_AFTER_NAME.has(after?.lower ?? '')) ||
        after?.kind !== 'w' ||
        /^(that|to|about|of|if|whether|how|what|why|last|this)$/.test(after.lower) ||
        PREPOSITIONS.has(after.lower) ||
        SUBORDINATORS.has(after.lower) ||
        TIME_WORDS.has(after.lower))
    )
      return objEnd;
  }
  return k;
}

/**
 * After a comma only a quotation continues the cue ("he said, “…”", also past asides:
 * "said on Monday, in reference to her child, “…”"); anything else is a new clause.
 */
function quoteAfterAside(tokens: readonly Token[], k: number, end: number): { start: number; that: boolean } | null {
  for (let m = k; m < end && m - k < 40; m++) {
    const n = tokens[m] as Token;
    if (n.kind === 'Q')
      return (tokens[m - 1] as Token).text === ',' || (tokens[m - 1] as Token).text === ':' ? { start: m, that: false } : null;
    if (n.kind === 'p' && STRETCH_BREAK.has(n.text) && n.text !== ':') return null;
    if (cueAt(tokens, m) && !modifiesNoun(tokens, m)) return null;
    if (asideThenThat(tokens, k, m, end)) return { start: m + 1, that: true };
  }
  return null;
}

/**
 * A cue word in its bare form between a lower-case word and a noun is a modifier in a compound,
 * not a verb: "said in the spring, when the private server email story broke, “…”" had no
 * content (the aside seemed to hold a cue of its own). After a subject pronoun, an auxiliary or
 * "to" it stays a verb ("when they would email reporters").
 */
function modifiesNoun(tokens: readonly Token[], m: number): boolean {
  const t = tokens[m] as Token;
  const before = tokens[m - 1];
  const after = tokens[m + 1];
  if (!isWord(before) || !isWord(after) || before.cap || after.cap) return false;
  if (cueAt(tokens, m)?.lemma !== t.lower) return false;
  if (SUBJECT_PRONOUNS.has(before.lower) || AUXILIARIES.has(before.lower) || before.lower === 'to') return false;
  return (
    !DETERMINERS.has(after.lower) &&
    !SUBJECT_PRONOUNS.has(after.lower) &&
    !PREPOSITIONS.has(after.lower) &&
    after.lower !== 'that'
  );
}

/**
 * "said, without evidence, that “…”": a short aside set off by commas, then "that" — the cue's
 * clause goes on after it. Reading the aside as a new clause lost the quotation (cluster dev
 * set: 1 occurrence).
 */
function asideThenThat(tokens: readonly Token[], k: number, m: number, end: number): boolean {
  const n = tokens[m] as Token;
  return (
    n.kind === 'w' &&
    n.lower === 'that' &&
    !n.cap &&
    m > k + 1 &&
    m - k <= MAX_ASIDE_BEFORE_THAT &&
    m + 1 < end &&
    (tokens[m - 1] as Token).text === ','
  );
}

/** An aside longer than this many tokens (its closing comma included) is a clause of its own. */
const MAX_ASIDE_BEFORE_THAT = 6;

/** The token after a short prepositional phrase opening at `from` (10 or more tokens on: too long). */
function skipPrepositionalPhrase(tokens: readonly Token[], from: number, end: number): number {
  let k = from + 1;
  while (k < end && k - from < 10) {
    const n = tokens[k] as Token;
    // A state or country set off by commas belongs to the place ("in Toledo, Ohio, that …").
    if (n.text === ',' && tokens[k + 1]?.cap && tokens[k + 2]?.text === ',' && tokens[k - 1]?.cap) {
      k += 3;
      continue;
    }
    if (n.kind === 'Q' || n.kind === 'p' || (n.lower === 'that' && !n.cap)) break;
    if (SUBORDINATORS.has(n.lower) && !isTemporalPreposition(tokens, k)) break;
    // "said on Friday he met …": a pronoun subject after the phrase starts the reported clause.
    if (k > from + 1 && !n.cap && SUBJECT_PRONOUNS.has(n.lower)) break;
    k++;
  }
  return k;
}

/**
 * Whether the subordinator at `k` opens a noun phrase, not a clause ({@link isPrepositionHere}):
 * "said after the debate that …", "in an ABC interview taped before the attacks that …" (PolNeAR
 * train: the second had no attribution; "said before he left" still ends the search). Not "since",
 * which after a cue measures a stretch of time ("the most Americans have seen since the 1800s.The
 * fact that …" took the next sentence as content on a page missing its space).
 */
function isTemporalPreposition(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  return t.lower !== 'since' && isPrepositionHere(t, tokens[k + 1]);
}

/** Words that are an addressee on their own ("told reporters", "told them"). */
const ADDRESSEE_WORDS = new Set([
  'him',
  'her',
  'them',
  'me',
  'us',
  'you',
  'reporters',
  'journalists',
  'supporters',
  'voters',
  'lawmakers',
  'senators',
  'colleagues',
  'staff',
  'aides',
  'officials',
  'listeners',
  'viewers',
  'readers',
  'people',
  'everyone',
  'anyone',
  'members',
]);

/**
 * The end of an addressee that is a name ("CNN", "the AP", "The Star-Ledger of Newark", "CNN's
 * Jake Tapper"): its capitalised run, with "of", "for", "and" or "the" joining capitalised parts.
 * `k` when the object is no such name. Read as an ordinary phrase, "told CNN he would run" took
 * "CNN he would run" for the addressee and had no content.
 */
function namedAddresseeEnd(tokens: readonly Token[], k: number, end: number): number {
  const t = tokens[k] as Token;
  let m = t.cap ? k + 1 : DETERMINERS.has(t.lower) && tokens[k + 1]?.cap ? k + 2 : k;
  if (m === k) return k;
  while (m < end && m - k < 8) {
    const n = tokens[m] as Token;
    if (isWord(n) && n.cap && !CAPITALISED_STOPWORDS.has(n.text)) m++;
    else if (isWord(n) && /^(of|for|and|the)$/.test(n.lower) && tokens[m + 1]?.cap) m++;
    else break;
  }
  return m;
}

/** Words that open a reported clause right after an addressee that is a name ("told CNN he …"). */
const CLAUSE_AFTER_NAME = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'there', 'her', 'his', 'their', 'its', 'our', 'the']);

/**
 * Addressees read as such whatever follows them: {@link ADDRESSEE_WORDS} as written in lower case
 * ("US media" is no "us") but those that also open a phrase ("her husband", "staff members",
 * "anyone who").
 */
function isLoneAddressee(t: Token): boolean {
  return ADDRESSEE_WORDS.has(t.text) && !PHRASE_OPENING_ADDRESSEES.has(t.text);
}
const PHRASE_OPENING_ADDRESSEES = new Set(['her', 'staff', 'anyone']);

/** End of an addressee after a cue ("told reporters", "told a crowd in Iowa", "told him"). */
function objectEnd(tokens: readonly Token[], k: number, end: number): number {
  const t = tokens[k];
  if (!isWord(t)) return k;
  if (ADDRESSEE_WORDS.has(t.lower)) return k + 1;
  if (!((t.cap && !CAPITALISED_STOPWORDS.has(t.text)) || DETERMINERS.has(t.lower) || /['’]s$/.test(t.lower))) return k;
  // A name right before a reported clause ends there ("told CNN he …"); otherwise the phrase goes
  // on ("asked FBI officials to …").
  const named = namedAddresseeEnd(tokens, k, end);
  if (named > k && CLAUSE_AFTER_NAME.has(tokens[named]?.lower ?? '')) return named;
  let m = k + 1;
  while (m < end && m - k < 7) {
    const n = tokens[m] as Token;
    if (!isWord(n) || PREPOSITIONS.has(n.lower) || n.lower === 'that' || SUBORDINATORS.has(n.lower) || cueAt(tokens, m)) break;
    m++;
  }
  return m;
}

/**
 * The token after "on (the) condition of anonymity" starting at `k` ("spoke on condition of
 * anonymity because …", where "of" is no topic's "of"); `k` itself when no such phrase starts there.
 */
function afterSpeakingTerms(tokens: readonly Token[], k: number): number {
  if (tokens[k]?.lower !== 'on') return k;
  const c = tokens[k + 1]?.lower === 'the' ? k + 2 : k + 1;
  return tokens[c]?.lower === 'condition' && tokens[c + 1]?.lower === 'of' && tokens[c + 2]?.lower === 'anonymity' ? c + 3 : k;
}
