/**
 * Which stored claims a new quotation is one statement with: the rarity of the phrases it shares
 * with each candidate, the kind of match, whether their speakers fit, and for a quotation of a few
 * words whether they share a topic. {@link linkedClaims} is the assign phase's one decision.
 */

import type { Claim, Occurrence, Speaker } from '@quotecheck/shared/core';
import {
  isContainedIn,
  type MatchKind,
  MIN_FREE_WORDS,
  matchQuotes,
  paraphrasedSides,
  plainLength,
  sharedGrams,
  strongOverlap,
  wordGrams,
} from './match.js';
import { GAP, normalizeQuote, plainWords } from './normalize.js';
import { gramKey } from './quote-keys.js';
import { contentPhrases, quotedFragments } from './quoted.js';
import { distinctSpeakers, sameSpeaker, speakerKey, speakersConflict } from './speaker.js';
import { splitSentences } from './text.js';
import { isFewWords, sentenceTopic, shareTopic } from './topic.js';
import type { QuoteItem } from './types.js';

/**
 * A word 4-gram is rare when at most this many earlier articles quoted it (or
 * {@link RARE_DF_FRACTION} of them, when more). Over PolNeAR train (833 articles with
 * quotations) the 4-grams the dev set's cross-outlet excerpts share are in 2-4 articles, while
 * stock phrases are in 6-39 ("president of the united states" 39, "make america great again" 16,
 * "at the end of the" 17, "in the united states of" 36).
 */
export const RARE_DF = 3;
/** With many articles stored, a 4-gram in up to this fraction of them still counts as rare. */
export const RARE_DF_FRACTION = 0.003;
/** Rare shared 4-grams two different named speakers' quotes need to link (with {@link strongOverlap}). */
export const STRONG_RARE_GRAMS = 5;

/**
 * Whether a gram is rare, from the document frequencies read for an article. `own` is how many
 * of those articles quote it inside the candidate claim itself: a statement quoted by ten outlets
 * is not a stock phrase, a phrase many different statements share is. Without the discount the
 * fifth outlet quoting a statement saw its every 4-gram as common and could not join it, so the
 * claims depended on arrival order.
 */
export type Rarity = (gramText: string, own?: number) => boolean;

export function rarityOf(grams: readonly string[], freq: { docs: number; counts: number[] }): Rarity {
  const cut = Math.max(RARE_DF, Math.floor(RARE_DF_FRACTION * freq.docs));
  const df = new Map<string, number>();
  for (const [i, g] of grams.entries()) df.set(g, freq.counts[i] ?? 0);
  return (text, own = 0) => (df.get(gramKey(text)) ?? 0) - own <= cut;
}

/**
 * For each 4-gram of a claim's excerpts, the other articles quoting it in that claim as words of
 * this speaker (a quote without a named speaker discounts nothing: ten people's remarks sharing a
 * phrase, wrongly gathered once, must not make the phrase rare for anyone).
 */
function gramArticles(claim: Claim, item: QuoteItem): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  if (!speakerKey(item.speaker)) return out;
  // A statement reprinted by many outlets repeats a few wordings: their grams once each.
  const articlesOf = new Map<string, string[]>();
  for (const o of claim.occurrences) {
    if (o.articleId === item.articleId || !sameSpeaker(o.speaker, item.speaker)) continue;
    let ids = articlesOf.get(o.text);
    if (!ids) articlesOf.set(o.text, (ids = []));
    ids.push(o.articleId);
  }
  for (const [text, ids] of articlesOf)
    for (const g of wordGrams(normalizeQuote(text).words)) {
      let s = out.get(g);
      if (!s) out.set(g, (s = new Set()));
      for (const id of ids) s.add(id);
    }
  return out;
}

const KIND_RANK: Record<MatchKind, number> = { exact: 5, contains: 4, contained: 4, edit: 3, run: 2 };

/**
 * Whether two speakers of one article are different people: one a named person, the other without
 * a name the article resolved ("the Christie supporter retorted" beside Madeleine Albright's
 * quote; resolveSpeakers already maps a role or pronoun to the person the article gives it). Such
 * quotes link only on a near-identical rare passage (a repeat), not on a shared run of an idiom:
 * on the cluster dev set this kept Albright's "special place in hell for women who don't help each
 * other" apart from a town-hall voter's "… for women who vote for women" (look-alikes merged 1 -> 0).
 */
export function someoneElseHere(a: Speaker, b: Speaker): boolean {
  return (isNamedPerson(a) && !b.name) || (isNamedPerson(b) && !a.name);
}

/** A person the article names. */
export function isNamedPerson(s: Speaker): boolean {
  return s.kind === 'person' && !!s.name;
}

/**
 * The claims a quotation links to, best first. A link needs a rare shared phrase when the quotes
 * share any 4-gram (stock phrases alone never link), and a claim whose named speakers all differ
 * from the quote's needs a substantial, near-identical rare passage ({@link strongOverlap},
 * {@link STRONG_RARE_GRAMS}). Every linked claim whose speakers fit the quote's is one statement
 * with it (the caller merges them); a claim of another speaker is joined only when nothing else
 * links, as before. A quotation of a few words ({@link isFewWords}) links to its best claim only.
 */
export function linkedClaims(item: QuoteItem, candidates: Claim[], rare: Rarity): string[] {
  const found: { c: Claim; rank: number; other: boolean }[] = [];
  const short = isFewWords(item.words);
  const itemSentences = quoteSentences(item.text);
  // The quotation's own topic, read once and only when a short link needs it.
  let ownTopic: Set<string> | null | undefined;
  const itemTopic = () => {
    if (ownTopic === undefined) ownTopic = sentenceTopic(item.sentence, item.words, item.speaker);
    return ownTopic;
  };
  for (const c of candidates) {
    const elsewhere = (o: Occurrence) => o.articleId === item.articleId && someoneElseHere(o.speaker, item.speaker);
    const same = c.occurrences.some((o) => sameSpeaker(o.speaker, item.speaker) && !elsewhere(o));
    const otherSpeaker = !same && c.occurrences.some((o) => speakersConflict(o.speaker, item.speaker) || elsewhere(o));
    const canonicalType = c.occurrences.find((o) => o.text === c.canonical)?.type ?? 'direct';
    const wordings = new Map<string, boolean>([[c.canonical, canonicalType === 'indirect']]);
    for (const o of c.occurrences) {
      if (wordings.size >= MAX_WORDINGS) break;
      if (!wordings.has(o.text)) wordings.set(o.text, o.type === 'indirect');
    }
    const own = gramArticles(c, item);
    const isRare = (g: string) => rare(g, own.get(g)?.size ?? 0);
    let rank = 0;
    let echoed = false;
    for (const [w, indirect] of wordings) {
      const ww = normalizeQuote(w).words;
      const sides = paraphrasedSides(item.type === 'indirect', indirect);
      let k: number = 0;
      const m = matchQuotes(item.words, ww, same, sides);
      // Containment counts against the canonical (the whole statement) only: a short variant
      // inside many different quotes would otherwise chain them into one claim.
      if (m && !(w !== c.canonical && (m === 'contains' || m === 'contained'))) k = KIND_RANK[m];
      else if (sides === 'none' && !otherSpeaker && shareSentence(itemSentences, w)) k = SENTENCE_RANK;
      else if (same && sides === 'none' && w === c.canonical && oneWordEchoed(item, ww, c)) {
        k = KIND_RANK.contained;
        echoed = true;
      }
      if (!k) continue;
      const shared = sharedGrams(item.words, ww);
      const rareShared = shared.filter(isRare).length;
      if (otherSpeaker ? !(rareShared >= STRONG_RARE_GRAMS && strongOverlap(item.words, ww)) : shared.length > 0 && !rareShared)
        continue;
      rank = Math.max(rank, k);
      if (rank === 5) break;
    }
    if (!rank) continue;
    if (!echoed && !shortLinkOnTopic(item, short, c, itemTopic)) continue;
    if (same) rank += 0.5;
    // A few words join the statement their own article quotes at length, before another one.
    if (short && c.occurrences.some((o) => o.articleId === item.articleId)) rank += SAME_ARTICLE_BONUS;
    found.push({ c, rank, other: otherSpeaker });
  }
  found.sort((a, b) => b.rank - a.rank || b.c.occurrences.length - a.c.occurrences.length || (a.c.id < b.c.id ? -1 : 1));
  // Every linked claim is the same statement and merges with the best one, except a claim naming
  // other people than the group when only a weak link (no near-identical rare passage with the
  // quote, {@link STRONG_RARE_GRAMS}) ties it: an unattributed stock remark must not chain two speakers.
  // Two claims one article already kept apart, a named person's and someone unnamed's
  // ({@link someoneElseHere}), clash too: a later excerpt of one must not bridge them.
  const group: Claim[] = [];
  const voices = new Map<Claim, ClaimVoices>();
  const voicesOf = (c: Claim) => {
    let v = voices.get(c);
    if (!v) voices.set(c, (v = claimVoices(c)));
    return v;
  };
  for (const f of found) {
    const clash = group.some((g) => voicesClash(voicesOf(g), voicesOf(f.c)));
    if (!clash || f.other) group.push(f.c);
  }
  // A few words ("radical Islamic terrorism", "politically correct") recur across one speaker's
  // statements, as do slogans: under BRIDGE_WORDS (more than TOPIC_FREE_WORDS) a quote joins
  // one claim, never bridges two.
  if (plainLength(item.words) < BRIDGE_WORDS) return group.slice(0, 1).map((g) => g.id);
  return group.map((g) => g.id);
}

/**
 * A single quoted word is cut from a longer quotation of its speaker when the sentence around it
 * quotes another fragment of that quotation too: "Bush tweeted Monday that Trump is a “loser,” a
 * “liar” and a “whiner.”" and his "you aren't just a loser, you are a liar and a whiner." (a
 * held-out cluster set's pair); "Trump tweeted … that Machado was “disgusting” and “a con” and
 * encouraged Americans to “check out” her non-existent sex tape" beside the tweet. One word alone never links ({@link matchQuotes}):
 * "rigged" or "great" would chain a speaker's remarks together. Read as the sentence sharing two
 * topic words with the quotation instead, "thousands" (of Muslims cheering) joined Trump's
 * statement on Judge Curiel, and "peanuts" a waterboarding remark of another month.
 */
function oneWordEchoed(item: QuoteItem, longWords: readonly string[], c: Claim): boolean {
  const itemLength = plainLength(item.words);
  const claimLength = plainLength(longWords);
  if (itemLength === 1 && claimLength >= MIN_FREE_WORDS) return quotesMoreOf(item.sentence, item.words, longWords);
  if (claimLength !== 1 || itemLength < MIN_FREE_WORDS) return false;
  return c.occurrences.some((o) => quotesMoreOf(o.sentence, longWords, item.words));
}

/**
 * Whether `sentence` quotes, besides the one word `word`, a fragment with a content word that runs
 * inside `longer` word for word.
 */
function quotesMoreOf(sentence: string | undefined, word: readonly string[], longer: readonly string[]): boolean {
  if (!sentence) return false;
  const plain = word.filter((w) => w !== GAP);
  if (plain.length !== 1 || !longer.includes(plain[0]!)) return false;
  return contentPhrases(quotedFragments(sentence, 0)).some(
    (words) => words.join(' ') !== plain[0] && isContainedIn(words, longer),
  );
}

/**
 * Words a quotation needs to bridge two claims; a shorter one links to its best claim only. A
 * slogan of four or five words ("Make America Great Again") ends many of one speaker's statements:
 * read early in the 1,008 PolNeAR texts, while the phrase was still rare, it chained Trump's Cruz
 * endorsement, a Super Bowl tweet and a Nevada rally line into one claim. On the cluster sets
 * no bridge is shorter (5, 6 and 8 give the same figures; 4 keeps the chain).
 */
export const BRIDGE_WORDS = 6;

/**
 * Rank a few-word quotation's link gains from a claim its own article holds: of two claims that
 * contain it, the one quoted around it wins ("woman's card" beside the April remark it came from,
 * not the January one that used the phrase too).
 */
const SAME_ARTICLE_BONUS = 0.25;

/**
 * Whether a link between a quotation and a claim, either of them a few words only
 * ({@link TOPIC_FREE_WORDS}), is about one thing: the claim has an excerpt in the quotation's
 * article, or the sentence around one of its excerpts shares a topic word with the quotation's
 * ({@link shareTopic}). Longer quotations link on their wording alone.
 */
function shortLinkOnTopic(item: QuoteItem, itemIsShort: boolean, c: Claim, itemTopic: () => Set<string> | null): boolean {
  if (!itemIsShort && !isFewWords(normalizeQuote(c.canonical).words)) return true;
  if (c.occurrences.some((o) => o.articleId === item.articleId)) return true;
  if (sameShortPhrase(item, c)) return true;
  const own = itemTopic();
  return c.occurrences.some((o) => shareTopic(own, sentenceTopic(o.sentence, normalizeQuote(o.text).words, o.speaker)));
}

/**
 * Words from which two excerpts that are the same phrase, word for word, are one statement without
 * a shared topic: "Islam hates us" and "overclassification run amok", each quoted alone by two
 * outlets whose sentences around them share no topic word (a new blind cluster set, 2 pairs). A
 * short excerpt inside a longer quotation still needs the topic ("just not true" inside an Obama
 * remark of another month; "radical Islamic terrorism" inside a tweet), as do one- and two-word
 * excerpts ("disaster", "total disaster").
 */
export const SAME_PHRASE_WORDS = 3;

/** Whether a short quotation is word for word an excerpt the claim holds ({@link SAME_PHRASE_WORDS}). */
function sameShortPhrase(item: QuoteItem, c: Claim): boolean {
  if (item.norm.split(' ').length < SAME_PHRASE_WORDS) return false;
  return c.occurrences.some((o) => normalizeQuote(o.text).text === item.norm);
}

/**
 * A claim's distinct speakers ({@link distinctSpeakers}), in all and per article: what decides
 * whether two claims' speakers clash ({@link voicesClash}).
 */
interface ClaimVoices {
  all: Speaker[];
  byArticle: Map<string, Speaker[]>;
}

function claimVoices(c: Claim): ClaimVoices {
  const byArticle = new Map<string, Occurrence[]>();
  for (const o of c.occurrences) {
    let list = byArticle.get(o.articleId);
    if (!list) byArticle.set(o.articleId, (list = []));
    list.push(o);
  }
  return {
    all: distinctSpeakers(c.occurrences),
    byArticle: new Map([...byArticle].map(([article, occ]) => [article, distinctSpeakers(occ)])),
  };
}

/**
 * Whether two claims name people who cannot be one speaker: two named people in conflict, or, in
 * one article, a named person and someone unnamed ({@link someoneElseHere}). Compared over
 * distinct speakers rather than every pair of excerpts: two claims of a statement reprinted by
 * hundreds of outlets took tens of thousands of comparisons.
 */
function voicesClash(a: ClaimVoices, b: ClaimVoices): boolean {
  for (const x of a.all) for (const y of b.all) if (speakersConflict(x, y)) return true;
  for (const [article, xs] of a.byArticle) {
    const ys = b.byArticle.get(article);
    if (ys) for (const x of xs) for (const y of ys) if (someoneElseHere(x, y)) return true;
  }
  return false;
}

/**
 * Wordings of a candidate claim a quote is compared with: the canonical statement (which holds
 * every excerpt that extended it) and the first distinct excerpts. A statement quoted by hundreds
 * of outlets repeats a few wordings; comparing them all would cost a word diff each.
 */
const MAX_WORDINGS = 16;

/** Rank of a link through a whole shared sentence (below a shared run of 8+ words). */
const SENTENCE_RANK = 2;
/**
 * Words a shared sentence needs to link two excerpts: "He was the most valuable player." (6) is
 * one statement's sentence; "Thank you." or "We will see." are anyone's. Its 4-grams must be rare
 * too (checked by the caller).
 */
export const MIN_SENTENCE_WORDS = 6;

/** The sentences of a quote, each as its plain words joined by spaces (long enough ones only). */
function quoteSentences(text: string): Set<string> {
  const out = new Set<string>();
  for (const { text: part } of splitSentences(text)) {
    const w = plainWords(normalizeQuote(part));
    if (w.length >= MIN_SENTENCE_WORDS) out.add(w.join(' '));
  }
  return out;
}

/** Whether a wording holds one of these whole sentences. */
function shareSentence(sentences: Set<string>, wording: string): boolean {
  if (!sentences.size) return false;
  for (const s of quoteSentences(wording)) if (sentences.has(s)) return true;
  return false;
}
