/**
 * Per-lemma behaviour of cue verbs: which need corroboration, which take an addressee before
 * their content, which read as passives with "by", which introduce content with "on", which are
 * usually nouns, and which are the writer's own judgement rather than a report.
 * Used by cue-forms.ts, the frame patterns and index.ts.
 * To change how a cue verb behaves: add its lemma (base form, lower case) to the list below
 * whose comment describes the behaviour; PASSIVE_BY takes the past participle.
 */

/** Forms whose use as a cue needs extra evidence (a following "that", or a human source). */
export const AMBIGUOUS = new Set([
  'call',
  'continue',
  'order',
  'rule',
  'post',
  'report',
  'answer',
  'back',
  'support',
  // "fired back", "shot back", "hit back", "snapped back": gunfire, blows and springs too
  'fire',
  'shoot',
  'hit',
  'snap',
]);

/** Verbs whose object is the addressee, skipped before the content ("told reporters that"). */
export const ADDRESSEE = new Set([
  'tell',
  'inform',
  'assure',
  'remind',
  'warn',
  'urge',
  'ask',
  'brief',
  'advise',
  'promise',
  'instruct',
  'text',
  'email',
  'message',
  'quote',
  'convince',
  'encourage',
  'beg',
]);

/**
 * Verbs whose object follows them, so the phrase after them is never their source: "U.S. officials
 * have, in fact, praised the Saudis", "The program, called EB-5", "“…,” Joe Kasper told POLITICO",
 * "retweeted an article", "quickly accused Trump of …". Of 29 such inverted readings over the
 * 1,440 corpus inputs, none named the speaker ("…, said X" and "…, asked X" do).
 */
export const OBJECT_FIRST = new Set([
  'call',
  'name',
  'dub',
  'describe',
  'criticize',
  'criticise',
  'praise',
  'thank',
  'share',
  'retweet',
  'pledge',
  'tell',
  'accuse',
]);

/** Verbs that carry their content as a passive with "by" ("they were told by X that …"). */
export const PASSIVE_BY = new Set(['told', 'informed', 'assured', 'briefed', 'warned', 'advised', 'reminded', 'promised']);

/** Cues whose "on" introduces what was said rather than where or when ("commented on the plan"). */
export const ON_OBJECT = new Set([
  'comment',
  'remark',
  'elaborate',
  'weigh',
  'focus',
  'insist',
  'agree',
  'call',
  'brief',
  'testify',
  'report',
  'speak',
  'warn',
]);

/**
 * Inflected forms that are never read as cues although their verb is: "known" ("known as",
 * "a developer known to be bullish"; right on 1 of 13 PolNeAR train predictions), and forms
 * that are mostly plural nouns: "reasons" (1 of 8), "rules" (4 of 13: "RNC rules", "Current
 * rules allow …"), "answers" (0 of 5), "shares" (0 of 5), "comments" (5 of 14).
 */
export const NOT_CUE_FORMS = new Set(['known', 'reasons', 'rules', 'answers', 'shares', 'comments']);

/**
 * Words right after a cue verb (and its particle) that make it no cue: "continued to push", "reported
 * from Kabul", "think tank", "ruled out a draft" (a decision, whose object reads as something said: "Trump did
 * rule out cutting off the heads of …" became Trump saying "out cutting off the heads …", and a
 * denial in the same article flagged it; "did not rule out X" would credit X to the speaker).
 */
export const NOT_CUE_BEFORE = new Map<string, ReadonlySet<string>>([
  ['continue', new Set(['to'])],
  ['report', new Set(['from'])],
  ['rule', new Set(['out'])],
  // "a London-based think tank, concluded that …" had the source "a London-based"
  ['think', new Set(['tank', 'tanks'])],
]);

/**
 * Nouns that, heading the object right after a cue verb, give it a sense that reports nothing:
 * "assumed office", "assume his place at the top of the ticket", "assumed a combative stance",
 * "assume the company's obligations" take something on. Over the 1,440 corpus inputs, 13 of 20
 * "assume" readings were such objects (one had "New York" speak "office as U.N. secretary
 * general"); those with a clause after them ("assumed he had an infection") stay cues.
 */
export const OBJECT_SENSE = new Map<string, ReadonlySet<string>>([
  [
    'assume',
    new Set(
      'office power control command responsibility responsibilities role roles duties leadership presidency post place stance posture style obligations significance mantle throne position identity debt debts risk risks charge importance'.split(
        ' ',
      ),
    ),
  ],
  // "could be heard calling friends on their cellphones to say …": a telephone call, whose
  // object is the person called, not a description of them ("called him a liar").
  ['call', new Set(['phone', 'phones', 'cellphone', 'cellphones', 'cell', 'telephone', 'mobile'])],
]);

/**
 * Words before a cue form that make it the head of a compound noun, not a verb: "the reality TV
 * show “The Apprentice”" had "TV" as the source of a quotation of the show's title, and "Sam
 * Solovey, a contestant on Trump's reality TV show, “The Apprentice,” who …, said his boss was
 * “always kind …”" gave Solovey's words to "TV" (all 12 attributions of a "TV show(s)" cue over
 * 1,440 corpus inputs were wrong; none of another word in the list was right).
 */
export const NOT_CUE_AFTER = new Map<string, ReadonlySet<string>>([
  [
    'show',
    new Set(
      // Not "game", "morning", "trade": "Footage from the game shows that …", "a poll this morning shows …"
      'tv television talk reality radio quiz cooking chat fashion award awards cable late-night comedy variety puppet'.split(' '),
    ),
  ],
]);

/** Lemmas that are far more often nouns ("home state", "his remarks"): cues only before their content. */
export const NOUN_FIRST = new Set(['state', 'remark', 'contest']);
/**
 * Lemmas that report only with a clause or quotation after them ("maintains that …", not
 * "maintains a lead"; "went on: “…”", not "went on the attack"), or closing a quotation right
 * before them ("“…,” he went on.").
 */
export const COMPLEMENT_ONLY = new Set(['maintain', 'go']);

/**
 * Intransitive speech verbs: they report only a topic after "about", "of", "against" or "on"
 * ("spoke about the need for …", "spoke out against Trump"), or a quotation. A bare object or
 * adverbial after them is no content ("spoke Hebrew", "spoke for 77 minutes", "spoke on the
 * condition of anonymity"): "speak" was right on 32 of its 71 PolNeAR train predictions.
 */
export const TOPIC_ONLY = new Set(['speak']);

/**
 * Speech verbs that report only a quotation next to them: "“We all miss Steve so much,” Benioff
 * weighed in", "Rucker chimed in: “…”", "“Then why …,” he rejoined". Otherwise they name a topic or
 * nothing ("weighed in on the nomination", "who also get to weigh in": 12 of 14 such readings over
 * the corpus inputs) or another sense ("rejoined the party").
 */
export const QUOTATION_ONLY = new Set(['weigh', 'chime', 'pipe', 'read', 'rejoin']);

/**
 * Cues whose source must be a document: "“…,” the statement read", "The sign reads: “…”". A
 * person who reads reads someone else's words, or a book.
 */
export const DOCUMENT_SOURCE_ONLY = new Set(['read']);
/** Words after "on" that make it the manner of speaking, not its topic ("on the condition of anonymity", "on behalf of"). */
export const NOT_A_TOPIC_AFTER_ON = new Set(['condition', 'behalf', 'background', 'record']);

/** Cues of the writer's own judgement about their subject ("seems", "appears"): no source, no speaker. */
export const EVIDENTIAL = new Set(['seem', 'appear']);

/**
 * Cue verbs whose object is a thing made (a letter, a post, a speech), so a relative clause can
 * end on them. Not "say", "claim", "think": "the events he claimed were signs of a “rigged
 * election”" reports a clause whose subject is the noun before. Over the 1,440 corpus inputs the
 * rule for every cue verb took away 38 readings, right ones among them ("he claimed were …",
 * "which she has said was a mistake"); for these verbs, the letter's only.
 */
export const THING_OBJECT_VERBS = new Set([
  'write',
  'post',
  'tweet',
  'send',
  'sign',
  'publish',
  'pen',
  'draft',
  'deliver',
  'give',
  'share',
  'email',
  'text',
  'record',
]);

/**
 * Verbs that credit a statement in an as-clause opening a sentence. Not "spoke", "celebrated" or
 * "proposes" ("As Blumenthal spoke, the NRA was …" is a time). Closing a sentence, an as-clause
 * was as often a comparison or a time ("wasn't as violent as he suggested", "as they
 * celebrated"): 7 of 13 such readings over the corpus inputs were wrong, so only the opening one
 * counts.
 */
export const AS_CREDIT_VERBS = new Set([
  'say',
  'note',
  'point',
  'observe',
  'write',
  'explain',
  'report',
  'argue',
  'remark',
  'tell',
]);
