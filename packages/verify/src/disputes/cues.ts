/**
 * Cue lexicons of statement disputes, as data: each list is one kind of dispute found in some
 * article about a statement (possibly another article's). Read from PolNeAR train coverage of
 * 2015-16 walk-backs, campaign clarifications, third-party refutations and fact-check ratings.
 */

import { PERSON_NAME, POSSESSIVE_NAME } from '../speaker.js';

/** The kinds of dispute a statement can pick up, in the order they are tried on one sentence. */
export type StatementDisputeKind = 'fact_checked_false' | 'walked_back' | 'denied' | 'contradicted';

const APOS = "[’']";

/**
 * A fact-checker rating the statement false: a rating word with a fact-checking source in the
 * sentence ("Politifact deemed those statements false"), or a rating only a fact-checker gives
 * ("two Pinocchios", "Pants on Fire").
 */
export const FACT_CHECK_SOURCES = [
  'PolitiFact',
  'FactCheck\\.org',
  'Fact Checker',
  'fact[- ]?check(?:er|ers|ing|ed)?',
  'Snopes',
  'Full Fact',
  'Truth-O-Meter',
];
export const FACT_CHECK_RATINGS = [
  '(?:mostly |half |entirely )?false',
  'pants on fire',
  '(?:two|three|four|2|3|4) Pinocchios',
  'wrong',
  'inaccurate',
  'misleading',
  'incorrect',
  'untrue',
  'not true',
  'no evidence',
  'baseless',
  'unfounded',
];
/** Ratings that name their fact-checker by themselves. */
export const FACT_CHECK_OWN_RATINGS = ['(?:two|three|four|2|3|4) Pinocchios', 'Pants on Fire'];

/**
 * The speaker (or their campaign) taking words back: walking back, retracting, clarifying,
 * saying they were joking or sarcastic, apologising for the words.
 */
/**
 * The object weaker walk-back verbs need to be about words: "took back his remarks", not "taking
 * back the Senate"; "backed away from the claim", not "backed away from the deal"; "the contest
 * has clarified" has none.
 */
const WORDS_NOUN =
  '(?:comments?|remarks?|words|statements?|claims?|pledge|promise|suggestion|position|tweets?|post|joke|assertions?|characteri[sz]ation)\\b';
const WORDS_OBJECT = `(?:his|her|their|my|our|the|those|these|that|its|an?|some|earlier)\\s+(?:\\w+\\s+)?${WORDS_NOUN}`;

/** How the speaker's side says their words were read wrongly. */
const MISREAD =
  '(?:mischaracteri[sz]ed|misconstrued|misinterpreted|misunderstood|misrepresented|taken out of context|twisted|distorted)';

export const WALK_BACK = [
  'walk(?:ed|s|ing)? back',
  `(?:took|tak(?:e|es|ing)) back ${WORDS_OBJECT}`,
  '(?:took|tak(?:e|es|ing)) (?:it|that|them) back',
  'backtrack(?:ed|s|ing)?',
  `back(?:ed|s|ing)? (?:away|off) from ${WORDS_OBJECT}`,
  'retract(?:ed|s|ing)?',
  `clarif(?:ied|ies|y|ying) (?:that\\b|what\\b|${WORDS_OBJECT})`,
  'misspoke',
  'misspoken',
  '(?:was|were|been|being|am|is) (?:just |only |merely )?[“"‘\']?(?:joking|kidding|sarcastic|facetious)',
  'sarcasm',
  'in jest',
  'tongue[- ]in[- ]cheek',
  `apologi[sz](?:ed|es|ing) for ${WORDS_OBJECT}`,
  // "Later in the summer, she revised her statement, explaining that she had not sent …"
  `(?:revis|amend)(?:ed|es|e|ing|s)? ${WORDS_OBJECT}`,
  // "Clark later said his comments were mischaracterized", "unfortunate that my comments have
  // been misconstrued": the speaker's side saying the words were misread.
  `${WORDS_OBJECT} (?:were|was|had been|have been|has been) (?:\\w+ )?${MISREAD}`,
  // "said she regretted her remarks", "I regret making them"; not "I regret those comments that he
  // made" (Ryan of Trump's): only the speaker's own words, by pronoun.
  `(?:(?:he|she|they) regret(?:s|ted)? (?:his|her|their)|regret(?:s|ted|ting)? (?:my|our)) (?:\\w+\\s+)?${WORDS_NOUN}`,
  'regret(?:s|ted|ting)? (?:making|saying) (?:them|it|those|that)\\b',
];
/**
 * "Trump meant …": a clarification of what the speaker meant, only counted where the sentence
 * shows it comes afterwards or from the speaker's side (campaign, statement, aide, "later").
 * Without that context "meant" is anyone's reading ("I know what you meant," the host said).
 */
export const MEANT = `(?:he|she|they|\\p{Lu}[\\p{L}’'-]+) (?:only |simply |just |merely |actually |really )?meant`;
export const MEANT_CONTEXT = /\b(?:campaign|spokes(?:man|woman|person)|aide|adviser|advisor|statement|later|clarif\w*)\b/i;

/** "did not say how it would be paid for" declines to answer; it denies nothing. */
const NOT_DECLINING = '(?!\\s+(?:how|whether|when|where|why|what|who|which|if)\\b)';

/** The speaker saying they never said it ("I've never said…", "he insisted that he never actually said…", "denied saying"). */
export const DENIED_SAYING = [
  `never (?:actually |once |ever |really )?(?:said|say|says|told|called|claimed|suggested|stated|proposed|pledged|promised)${NOT_DECLINING}`,
  // "I did not say, you know what, …" is a figure of speech, not a denial.
  `(?:did not|didn${APOS}t|does not|doesn${APOS}t) (?:actually |ever )?(?:say|said|tell|call|claim)(?!\\s*,)${NOT_DECLINING}`,
  'denie[ds] (?:ever )?(?:saying|having said|making|calling|suggesting|proposing|pledging|promising)',
  'denie[ds] (?:his|her|their|the|those|these|that|any) (?:\\w+ )?(?:comments?|remarks?|statements?|opposition|position|stance|support|words)',
  // "Trump has denied the claims" denies others' allegations; only "his claims" are his words.
  'denie[ds] (?:his|her|their) (?:\\w+ )?claims?',
  '(?:denial|denials) (?:of|that)',
];

/** Nouns for someone's account that another may reject: "Clinton’s claim", "his version". */
const OWNED_ACCOUNT = '(?:claims?|assertions?|account|version|characteri[sz]ations?)';
/** Those and a person's words: what a report may contradict ("contradict Mr. Obama's comments"). */
const SAID_ACCOUNT = `(?:${OWNED_ACCOUNT}|comments?|remarks?|statements?)`;
/** Verbs of refuting someone's account, each tense as written ("rejected Clinton's claim"). */
const REFUTING = ['rejected', 'rejects', 'disputed', 'disputes', 'refuted', 'refutes', 'denied', 'denies'];
/** Those and the verbs a contradiction is reported with. */
const CONTRADICTING = [...REFUTING, 'contradicted', 'contradicts', 'rebutted', 'rebuts'];
/** The writer's appositive naming a report: ", a charge that …". */
const APPOSITIVE_REPORT = 'an? (?:charge|claim|assertion|contention|statement) (?:that|which)';
/** ", a charge that … strongly denied": an appositive noun for a report, then its denial. */
const APPOSITIVE_DENIAL_SOURCE = String.raw`(?<=,\s)${APPOSITIVE_REPORT} [^,.;]{0,60}?(?:\w+ly )?(?:${REFUTING.join('|')})`;

/**
 * A claim called false: an account noun, optionally its "that" clause, then a falsity predicate
 * ("Rubio's claim that Cruz is in favor of … is “simply not true”", "the assertion was false").
 * "Wrong" only of claims and assertions: "his comments were wrong" is mostly a judgement of the
 * words, not of their truth.
 */
const CLAIM_CALLED_FALSE = String.raw`(?:(?:claims?|assertions?|contention)\s+(?:that\b[^.;!?]{0,160}?\s)?(?:is|was|are|were)\s+[“"‘']?(?:\w+ly\s+)?(?:not true|untrue|false|wrong|baseless|unfounded|inaccurate|incorrect)|(?:statements?|suggestions?)\s+(?:that\b[^.;!?]{0,160}?\s)?(?:is|was|are|were)\s+[“"‘']?(?:\w+ly\s+)?(?:not true|untrue|false|baseless|unfounded|inaccurate|incorrect))`;

/**
 * A named person owning the account right before a cue ("… that Rubio's claim …"): the dispute
 * is about that person's words, whoever speaks (a rival's spokeswoman here).
 */
export const CLAIM_OWNER = new RegExp(`${POSSESSIVE_NAME}\\s+(?:\\w+\\s+)?$`, 'u');

/** Someone other than the speaker reporting the statement as false or unsupported. */
export const CONTRADICTION = [
  'without (?:any |offering |providing |citing |giving )?(?:evidence|proof)',
  'no evidence',
  '(?:wrongly|falsely|erroneously|incorrectly|mistakenly) (?:claimed|claims|said|says|suggested|stated|asserted|insisted|charged)',
  '(?:a |the |his |her |their |this |that |repeating a )?false (?:claim|assertion|statement|charge)s?',
  `(?:isn${APOS}t|wasn${APOS}t|aren${APOS}t|weren${APOS}t|is not|was not|are not|were not) true`,
  'stretch(?:ed|es|ing) the truth',
  'debunked',
  // "He was challenged over his statement on Wednesday that “Islam hates us”"; the words are
  // named after the cue ({@link NAMED_AFTER}).
  `challeng(?:ed|es|ing) (?:(?:him|her|them) )?(?:over|on|about) ${WORDS_OBJECT}`,
  // "Rubio's claim that Cruz is in favor of legalizing illegal immigrants is “simply not true.”":
  // an account noun whose owner is named before it ({@link CLAIM_OWNER}), called false.
  CLAIM_CALLED_FALSE,
  // "Patricia Smith … forcefully rejected Clinton’s claim": someone else's account, owned by the
  // one named after the verb ({@link OWNER_AFTER_CUE}). Accusations and charges are left out: the
  // accused dismissing them is the campaign's daily exchange, not a finding.
  String.raw`(?:${CONTRADICTING.join('|')})(?=\s+${POSSESSIVE_NAME}\s+(?:\w+\s+)?${OWNED_ACCOUNT}\b)`,
  // "Contrary to Lazar's claims, authorities say …", "contradict Mr. Obama's comments": words set
  // against a named person's ({@link OWNER_AFTER_CUE}), their comments and statements too.
  String.raw`(?:contrary to|contradict(?:ing|ed|s)?)(?=\s+${POSSESSIVE_NAME}\s+(?:\w+\s+)?${SAID_ACCOUNT}\b)`,
  // "Peña Nieto, contradicting Trump, said …": a person set against, between commas ({@link NAME_AFTER_CUE}).
  String.raw`contradicting(?=\s+${PERSON_NAME}\s*,)`,
  // "… complained that the contest had been “rigged” against him, a charge that Colorado Republican
  // leaders strongly denied": what the sentence reported before it ({@link APPOSITIVE_DENIAL}).
  APPOSITIVE_DENIAL_SOURCE,
];

/**
 * Contradiction cues whose object names whom they are about ("rejected Clinton’s claim",
 * "contradicting Trump,"): their subject is who disputes ("But she did … contradict Mr. Obama's
 * comments" is Clinton against Obama), so without that object the cue is about no one.
 */
export const OBJECT_NAMES_WHOM = new RegExp(
  `^(?:${[...CONTRADICTING, 'contradict', 'contradicting', 'contrary to'].join('|')})$`,
  'i',
);

/** Whether a contradiction cue is an appositive denial of what its sentence reported before it. */
export const APPOSITIVE_DENIAL = new RegExp(`^${APPOSITIVE_REPORT}\\b`, 'i');

/** The person a contradiction names right after its cue, set off by a comma ("contradicting Trump,"). */
export const NAME_AFTER_CUE = new RegExp(String.raw`^\s+${PERSON_NAME}\s*,`, 'u');

/** The owner of the account a refutation names right after its verb ("rejected [Clinton]’s claim"). */
export const OWNER_AFTER_CUE = new RegExp(String.raw`^\s+${POSSESSIVE_NAME}\s+(?:\w+\s+)?${SAID_ACCOUNT}\b`, 'u');

/**
 * What a dispute points back at when it does not repeat the words: a possessive or demonstrative
 * and an account or stance noun ("his comments", "those statements", "the remarks", "his
 * opposition"), or the speaker saying they were joking.
 */
export const ANAPHOR =
  /\b(?:his|her|their|the|those|these|that|this|its|such)\s+(?:\w+\s+)?(?:comments?|remarks?|statements?|claims?|words|assertions?|quotes?|suggestions?|opposition|position|stance|proposal|tweets?|post|joke|line)\b|\b(?:I|he|she)\s+(?:was|am|is)\s+(?:just\s+)?(?:joking|kidding|being sarcastic|sarcastic)\b|\bsarcasm\b/i;

/**
 * The text between a dispute's cue and a quotation its sentence names as the disputed words: a
 * statement noun, then "that" or a colon, then a few words ("over his statement on Wednesday that
 * “Islam hates us”", "his comments that he would be a “neutral guy”"). Those words, not the
 * nearest earlier quotation, are what the dispute is about. No clause between the noun and "that"
 * (a comma, a verb in -ing or -ed): in "she revised her statement explaining that she had not sent
 * … “marked classified at the time”" the quoted words are the revision, and the statement revised
 * is the earlier quotation.
 */
export const NAMED_AFTER =
  /\b(?:comments?|remarks?|statements?|claims?|words|assertions?|suggestions?)\b(?:(?!\w+(?:ing|ed)\b)[^"“”.!?,;]){0,40}?(?:\bthat\b|:)[^"“”.!?]{0,60}$/iu;

/** Words that may follow the pronoun object of {@link ANAPHOR_SAID}: "never said that to anyone". */
export const AFTER_SAID_PRONOUN = ['to', 'about', 'in', 'on', 'at', 'before', 'again', 'publicly', 'anymore', 'ever', 'either'];

/**
 * A pronoun object of saying ("I never said that", "he meant it"): points back only in a walk-back
 * or a denial. In a refutation it is mostly a clause's subject: "the State Department said it
 * found no evidence that the document was ever sent" pointed at the nearest quotation (Clinton's
 * email) and contradicted it (2 of 36 disputed claims over all PolNeAR texts).
 *
 * The pronoun must end its clause (punctuation, the end) or be followed by one of
 * {@link AFTER_SAID_PRONOUN} ("never said that to anyone"): "that" opening a clause ("meaning he
 * had not said that Donald Trump had not given …") is a conjunction, and it pointed Eric Trump's
 * "I never said no" at his own earlier quotation ("I'm sure there have been …"), flagging it denied.
 */
export const ANAPHOR_SAID = new RegExp(
  String.raw`\b(?:said|say|says|told|claimed|meant)\s+(?:that|it|this|so)\b(?=\s*(?:$|[.,;:!?"”’)\]\u2013\u2014])|\s+(?:${alternation(AFTER_SAID_PRONOUN)})\b)`,
  'iu',
);

/** Negation right before a cue ("Hewitt suggested Trump hadn't meant"; "it is not false"). */
export const NEGATED_BEFORE = /\b(?:not|n[’']t|never|no|refused to|declined to|without)\s+(?:\w+\s+)?$/i;

/**
 * A demand right before a cue: "called on the Vermont senator to take back his words", "urged him
 * to retract": someone asking for a walk-back, not one made (PolNeAR train: a Clinton spokesman's
 * demand of Sanders became Clinton walking her words back).
 */
export const DEMANDED_BEFORE =
  /\b(?:call(?:ed|s|ing)?\s+(?:on|upon)|urg(?:ed|es|ing)|ask(?:ed|s|ing)|press(?:ed|es|ing)|demand(?:ed|s|ing)|push(?:ed|es|ing)|challeng(?:ed|es|ing)|want(?:ed|s)?)\b(?:\s+[\p{L}’'.-]+){0,5}\s+to\s+$/iu;

/**
 * A break between two clauses of a sentence: a semicolon, or a comma before "and", "but",
 * "while", "whereas", "although". Where a dispute's object after its cue ends; a colon does not
 * end it ("erroneously suggested Curiel was from Mexico: “The judge …”" introduces the words).
 */
export const CLAUSE_BREAK = /;|,\s*(?:and|but|while|whereas|although)\s/;

/** Where the clause before a cue starts: a {@link CLAUSE_BREAK} or a colon ("…, Trump said:"). */
export const CLAUSE_START = new RegExp(`:|${CLAUSE_BREAK.source}`);

/** Third-person pronouns that point back at the last person named. */
export const PERSON_PRONOUN = /^(?:he|she|him|her|his)$/i;

function alternation(list: readonly string[]): string {
  return list.map((s) => `(?:${s})`).join('|');
}

/** The compiled lexicons (whole words, case-insensitive, Unicode). */
export const CUE = {
  factCheckSource: new RegExp(`\\b(?:${alternation(FACT_CHECK_SOURCES)})`, 'iu'),
  factCheckRating: new RegExp(`\\b(?:${alternation(FACT_CHECK_RATINGS)})\\b`, 'iu'),
  factCheckOwnRating: new RegExp(`\\b(?:${alternation(FACT_CHECK_OWN_RATINGS)})\\b`, 'iu'),
  walkBack: new RegExp(`\\b(?:${alternation(WALK_BACK)})\\b`, 'iu'),
  meant: new RegExp(`\\b${MEANT}\\b`, 'u'),
  deniedSaying: new RegExp(`\\b(?:${alternation(DENIED_SAYING)})\\b`, 'iu'),
  contradiction: new RegExp(`\\b(?:${alternation(CONTRADICTION)})\\b`, 'iu'),
} as const;
