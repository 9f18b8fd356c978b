import type { Claim } from '@quotecheck/shared/core';
import { isContainedIn } from '../match.js';
import { contentWords, GAP, isNegation, normalizeQuote, plainWords } from '../normalize.js';
import { contentPhrases, quotedFragments } from '../quoted.js';
import { speakerKey } from '../speaker.js';
import { isFewWords, topicStem, topicWords } from '../topic.js';
import type { Dispute } from '../types.js';
import { CLAUSE_BREAK } from './cues.js';
import { disputeCue } from './statements.js';

/**
 * Same-article topic words a statement must share with a dispute that neither quotes it nor
 * points back at it ("he insisted that he never actually said he wanted to kill the families of
 * terrorists" and "with the terrorists, you have to take out their families": families,
 * terrorist). One shared word ties every statement of a speaker on a subject to every denial.
 */
export const SAME_ARTICLE_TOPIC_WORDS = 2;
/**
 * Topic words a statement must share with a dispute in another article that names its speaker:
 * one more than in the same article, where the coverage is already about the statement.
 */
export const OTHER_ARTICLE_TOPIC_WORDS = 3;
/**
 * Share of a dispute's topic words a claim must hold besides their count: a long object ("stretched
 * the truth a bit during Saturday's primary debate, when she claimed that … real estate mogul …")
 * shares two words with many statements of the same article. The dev set's true links hold
 * 2/6 ("kill the families of terrorists"), 3/7 ("Trump meant people who support the Second
 * Amendment…"), 3/4 ("never said we made a mistake going into Afghanistan").
 */
export const TOPIC_SHARE = 1 / 3;
/** Content words a claim's words need before a dispute quoting them counts as naming them. */
const MIN_QUOTED_WORDS = 3;

/**
 * Words before a claim's first topic word in which a negation makes the claim deny that topic
 * itself ("he doesn’t necessarily want to kill the families of terrorists").
 */
export const NEGATION_REACH = 4;

/**
 * Characters after a walk-back or denial in which the speaker's words are still that walk-back or
 * denial going on (a paragraph break and an opening quotation mark at most), not words it is about.
 */
export const WALK_BACK_GOES_ON_CHARS = 12;

/**
 * Whether an excerpt carries a walk-back or denial on: the speaker's words start right after the
 * dispute's sentence ({@link WALK_BACK_GOES_ON_CHARS}: a paragraph break and an opening mark). Read
 * from their own sentence ("he added") instead, a remark joined across its reporting clause lost it
 * to the sentence of its longer part. A quotation of the very words denied set right after the
 * denial would be missed; over the 1,008 PolNeAR texts the one excerpt so placed is the walk-back's.
 */
function goesOn(o: Claim['occurrences'][number], d: Dispute): boolean {
  return o.start >= d.end && o.start - d.end <= WALK_BACK_GOES_ON_CHARS;
}

/**
 * Whether the claim's excerpts inside the dispute's sentence all stand in a later clause than its
 * cue: "claiming without evidence that the race is tied …, and on Monday, he appeared in Grand
 * Rapids, Mich., vowing victory in a state no Republican has won since 1988" holds the vow, and
 * does not quote it to dispute it.
 */
function onlyInLaterClause(here: readonly Claim['occurrences'][number][], d: Dispute): boolean {
  if (d.cueAt === undefined) return false;
  const inside = here.filter((o) => o.start >= d.start && o.end <= d.end);
  return (
    inside.length > 0 &&
    inside.every((o) => o.start > d.cueAt! && CLAUSE_BREAK.test(d.sentence.slice(d.cueAt! - d.start, o.start - d.start)))
  );
}

/** How a statement dispute is tied to a claim, for the evidence note. */
export type StatementLink = 'points back at it' | 'quotes it' | 'same topic';

/**
 * Whether a statement dispute (walk-back, denial of saying, refutation, fact-check rating) is
 * about this claim. Precision first: the dispute must be about one of the claim's speakers, and
 * either point back at one of its occurrences ("walked back the comments" right after it), quote
 * its words, or share its topic words (more of them from another article). The claim's own words
 * holding the cue ("I never said that", "No, I meant…") are not a dispute of themselves.
 */
export function statementDisputeLink(claim: Claim, d: Dispute): StatementLink | null {
  if (d.kind !== 'statement' || !d.about?.length) return null;
  let here = claim.occurrences.filter((o) => o.articleId === d.articleId);
  if (d.cueAt !== undefined && here.some((o) => o.start <= d.cueAt! && d.cueAt! < o.end)) return null;
  // What a walk-back or denial is aimed at in its own sentence is a description of the words
  // ("Cruz apologized for [his campaign's suggestion]", "He denied [his opposition]"), not them.
  // The words the dispute points back at stay, even inside its sentence: "Clinton initially said
  // …, “I did not email any classified material …” Later in the summer, she revised her statement
  // …" is one sentence to the evidence splitter, and her words are what she revised.
  const a = d.antecedent;
  const pointedAt = (o: { start: number; end: number }) => !!a && o.start < a.end && a.start < o.end;
  if (d.flag === 'walked_back' || d.flag === 'denied') {
    // Nor the words right after it: "In his statement, he said it was ''unfortunate that my comments
    // have been misconstrued …'' ¶ ''I am friends with and employ thousands of people of Mexican …,''
    // he added." is the walk-back going on (with the paragraphs that carry it on), not what it takes back.
    if (here.some((o) => goesOn(o, d) && !pointedAt(o))) return null;
    here = here.filter((o) => o.end <= d.start || o.start >= d.end || pointedAt(o));
    if (here.length < claim.occurrences.filter((o) => o.articleId === d.articleId).length && !here.length) return null;
  }
  const speakers = new Set<string>();
  for (const s of [claim.speaker, ...claim.occurrences.map((o) => o.speaker)]) {
    const k = speakerKey(s);
    if (k) speakers.add(k);
  }
  if (!d.about.some((k) => speakers.has(k))) return null;
  if ((d.flag === 'denied' || d.flag === 'walked_back') && deniesItself(claim)) return null;
  if (here.some(pointedAt)) return 'points back at it';
  // What a walk-back quotes after its cue is the revised wording ("she revised her statement
  // explaining that she had not sent … “marked classified at the time”"), not the words taken back.
  if (d.flag === 'walked_back' && restatesRevision(claim, d)) return null;
  const quote = normalizeQuote(claim.canonical).words;
  if (
    contentWords(quote).length >= MIN_QUOTED_WORDS &&
    !onlyInLaterClause(here, d) &&
    isContainedIn(quote, normalizeQuote(d.sentence).words)
  )
    return 'quotes it';
  if (quotesWordsOfIt(here, d)) return 'quotes it';
  if (d.topic?.length) {
    const topic = d.topic;
    const sharedBy = (occ: readonly Claim['occurrences'][number][]) =>
      Math.max(0, ...occ.flatMap((o) => remarkParts(topicText(o, d)).map((t) => sharedTopicWords(t, topic))));
    // The same-article threshold holds for this article's excerpts only: another outlet's
    // sentence around a one-word excerpt ("rapists") had lent its topic words to the claim here.
    const sharedHere = sharedBy(here);
    const sharedElsewhere = sharedBy(claim.occurrences.filter((o) => o.articleId !== d.articleId));
    const enough = (n: number) => n >= TOPIC_SHARE * topic.length - 1e-9;
    if (
      ((enough(sharedHere) && sharedHere >= SAME_ARTICLE_TOPIC_WORDS) ||
        (enough(sharedElsewhere) &&
          sharedElsewhere >= OTHER_ARTICLE_TOPIC_WORDS &&
          // A claim of a few words is told by the sentences around its excerpts in other articles,
          // which are about what those articles discuss: "rapists", quoted beside Mexico paying
          // for the wall, took Peña Nieto's contradiction of that promise.
          !isFewWords(normalizeQuote(claim.canonical).words) &&
          sharesPhrase(claim, d))) &&
      !(d.flag === 'denied' && claim.occurrences.every((o) => negatesTopic(o.text, d.topic!)))
    )
      return 'same topic';
  }
  return null;
}

/** The quoted fragments of a dispute's sentence after its cue (all of them without one), at their offsets in the article. */
function quotedAfterCue(d: Dispute): ReturnType<typeof quotedFragments> {
  const from = d.cueAt === undefined ? d.start : Math.max(d.start, d.cueAt);
  return quotedFragments(d.sentence.slice(from - d.start), from);
}

/**
 * Whether a dispute quotes, after its cue, words of an excerpt of the claim in its own article:
 * "Clinton acknowledged that she had misspoken in two recent media interviews when she claimed
 * that FBI Director James B. Comey had characterized as “truthful” all of her public statements"
 * quotes her "Director Comey said my answers were truthful", which shares too few topic words with
 * the long sentence to be tied by topic (a held-out cluster set's walk-back). Each quoted fragment
 * needs a content word and must run inside the excerpt word for word.
 */
function quotesWordsOfIt(here: readonly Claim['occurrences'][number][], d: Dispute): boolean {
  if (!here.length || d.cueAt === undefined) return false;
  // A fragment that is the claim's own excerpt (a quotation the sentence splitter ran into the
  // dispute's sentence: "… claiming without any evidence that … ''You'd have to be insane,'' he
  // said.") is the statement itself, not a dispute quoting it.
  const own = (f: { start: number; end: number }) => here.some((o) => o.start < f.end && f.start < o.end);
  const fragments = contentPhrases(quotedAfterCue(d).filter((f) => !own(f)));
  if (!fragments.length) return false;
  return here.some((o) => {
    const words = normalizeQuote(o.text).words;
    return fragments.every((f) => isContainedIn(f, words));
  });
}

/**
 * A claim states a walk-back's quoted wording when it shares a run of this many of its words, one
 * of them a content word ("classified at the time"), or {@link REVISION_CONTENT_RUN} content words
 * in a row ("marked classified").
 */
export const REVISION_RUN_WORDS = 3;
/** Consecutive content words that alone make a claim state a walk-back's quoted wording. */
export const REVISION_CONTENT_RUN = 2;

/** Runs of `n` words of `words` holding at least `content` content words, joined by spaces. */
function wordRuns(words: readonly string[], n: number, content: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= words.length; i++) {
    const run = words.slice(i, i + n);
    if (contentWords(run).length >= content) out.push(run.join(' '));
  }
  return out;
}

/**
 * Whether a claim says what a walk-back revised the statement to, in its quoted words: "she revised
 * her statement explaining that she had not sent or received emails that were “marked classified
 * at the time”" does not walk back "none of her emails were marked classified when they were sent"
 * or "the information … was not classified at the time the emails were sent" (the revised
 * position, reported in other articles); it walks back what she said before ("I did not email any
 * classified material"). Over the 1,008 PolNeAR texts, once the walk-back's sentence was no longer
 * run together with the one before it, four such restatements had been flagged.
 */
function restatesRevision(claim: Claim, d: Dispute): boolean {
  const runs = new Set<string>();
  for (const f of quotedAfterCue(d)) {
    const words = plainWords(normalizeQuote(f.text));
    for (const r of wordRuns(words, REVISION_RUN_WORDS, 1)) runs.add(r);
    for (const r of wordRuns(words, REVISION_CONTENT_RUN, REVISION_CONTENT_RUN)) runs.add(r);
  }
  if (!runs.size) return false;
  return claim.occurrences.some((o) => {
    const w = plainWords(normalizeQuote(o.text));
    return [...wordRuns(w, REVISION_RUN_WORDS, 1), ...wordRuns(w, REVISION_CONTENT_RUN, 0)].some((r) => runs.has(r));
  });
}

/**
 * Whether a claim's own words deny or take back something ("He Never Pledged To Kill Family
 * Members Of Terrorists", "he never actually said he wanted to kill the families of terrorists"):
 * they are the speaker's side of the dispute, not the statement denied. Over the 1,008 PolNeAR
 * texts two such claims of one article were flagged `denied` by its other denial sentence, and a
 * reporter's "she had misspoken …", read as Clinton's words, `walked_back`.
 */
function deniesItself(claim: Claim): boolean {
  const kind = disputeCue(claim.canonical)?.kind;
  return kind === 'denied' || kind === 'walked_back';
}

/**
 * Whether a text negates the topic it shares with a dispute: a negation within
 * {@link NEGATION_REACH} words before its first topic word. Such words agree with a denial ("he
 * never said he wanted to kill the families of terrorists" and "he doesn’t necessarily want to
 * kill the families of terrorists"): they are the speaker’s side, not the statement denied. Over
 * the 1,008 PolNeAR texts a Trump disavowal was flagged `denied` by the headline reporting it.
 */
function negatesTopic(text: string, topic: readonly string[]): boolean {
  const words = plainWords(normalizeQuote(text));
  const wanted = new Set(topic);
  const first = words.findIndex((w) => wanted.has(topicStem(w)));
  if (first < 0) return false;
  return words.slice(Math.max(0, first - NEGATION_REACH), first).some(isNegation);
}

/**
 * The words an occurrence's topic is read from: its own words, or for a fragment quoted inside
 * reported speech in another article than the dispute's, the sentence around it, which names what
 * the fragment is about ("Trump had declared that he ''would certainly implement'' a database to
 * track Muslims": the fragment alone has no topic word of the denial that he ever suggested a
 * database). Not in the dispute's own article, where fewer shared words tie a dispute and the
 * sentences around fragments tell the story of the dispute itself: Eric Trump's "hundreds of
 * thousands of dollars" picked up his "I never said no" that way, over the 1,008 PolNeAR texts.
 */
function topicText(o: Claim['occurrences'][number], d: Dispute): string {
  return o.type === 'mixed' && o.sentence && o.articleId !== d.articleId ? o.sentence : o.text;
}

/**
 * The parts of an excerpt an interruption cut ("… ,” she said. “ …", joined with an ellipsis by
 * interrupted.ts) or an ellipsis left out, each read for a topic on its own: one part of a remark
 * must share the words with the dispute. Read as one, the two parts of Clinton's May remark on her private email ("Many
 * people [used private email] … I have turned over all of my emails" and "… not an issue that is
 * going to affect either the campaign or my presidency") picked up her August walk-back of what
 * she said Comey had called "truthful".
 */
function remarkParts(text: string): string[] {
  return text.split(` ${GAP} `);
}

/** How many of a dispute's topic words a text holds. */
function sharedTopicWords(text: string, topic: readonly string[]): number {
  const mine = new Set(topicWords(text));
  return topic.filter((w) => mine.has(w)).length;
}

/** Adjacent topic-word pairs of a text ("second amendment", "terrible mistake"). */
function topicPairs(text: string): Set<string> {
  const words = topicWords(text);
  const out = new Set<string>();
  for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]} ${words[i]}`);
  return out;
}

/**
 * Whether a claim and a dispute share a two-word phrase of topic words: across articles three
 * scattered shared words are common ("support", "people", "together" tied a Ryan statement to a
 * Second Amendment clarification); a shared phrase ("Second Amendment") is the topic.
 */
function sharesPhrase(claim: Claim, d: Dispute): boolean {
  const mine = new Set(claim.occurrences.flatMap((o) => remarkParts(topicText(o, d)).flatMap((t) => [...topicPairs(t)])));
  for (const p of topicPairs(d.sentence)) if (mine.has(p)) return true;
  return false;
}
