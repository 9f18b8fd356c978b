/**
 * Clause words: subordinators, contrast words, clause openers and the adverbs a scan may step
 * over. They decide where a speaker phrase, a cue's content or a frame's clause starts and stops.
 * Used by the frame patterns, the source strategies, region assignment and index.ts.
 * To add a word: lower case, in the list whose comment describes what the word does.
 */

/** Prepositions before a gerund cue that takes the clause subject ("after saying", "without adding"). */
export const GERUND_PREPS = new Set([
  'after',
  'before',
  'while',
  'when',
  'by',
  'for',
  'without',
  'in',
  'upon',
  'since',
  'despite',
]);

/**
 * Verbs whose object is made to speak by a "to" infinitive cue after it: "an attack that prompted
 * Engoron to quip …", "a win that led her to declare …". Only verbs that say the speaking
 * happened ("asked him to say", "urged them to say" do not).
 */
export const CAUSATIVE_VERBS = new Set([
  'prompt',
  'prompts',
  'prompting',
  'prompted',
  'lead',
  'leads',
  'leading',
  'led',
  'force',
  'forces',
  'forcing',
  'forced',
  'cause',
  'causes',
  'causing',
  'caused',
  'spur',
  'spurs',
  'spurring',
  'spurred',
  'provoke',
  'provokes',
  'provoking',
  'provoked',
  'compel',
  'compels',
  'compelling',
  'compelled',
  'inspire',
  'inspires',
  'inspiring',
  'inspired',
]);

/** Object pronouns a causative verb's object may be ("prompted him to say"). */
export const OBJECT_PRONOUNS = new Set(['him', 'her', 'them']);

/** Subordinators: after a cue one opens a clause that is not the content. */
export const SUBORDINATORS = new Set([
  'when',
  'while',
  'as',
  'because',
  'since',
  'although',
  'though',
  'if',
  'unless',
  'until',
  'after',
  'before',
  'whereas',
  'where',
]);

/**
 * Subordinators that are prepositions too: "after he spoke" opens a clause, "after the debate" a
 * time phrase.
 */
export const PREPOSITIONAL_SUBORDINATORS = new Set(['before', 'after', 'since', 'until', 'till']);

/** Subordinators that open a clause of the writer's own; temporal and conditional ones stay inside the content. */
export const CONTRASTIVE = new Set(['while', 'although', 'though', 'whereas']);

/** Adverbs skipped between a cue and its content ("said, however, that"). */
export const SKIPPABLE_ADVERBS = new Set([
  'however',
  'though',
  'too',
  'also',
  'again',
  'meanwhile',
  'instead',
  'then',
  'now',
  'still',
  'repeatedly',
  'publicly',
  'privately',
  'later',
  'earlier',
  'recently',
  'previously',
  'once',
  'often',
  'even',
]);

/** Words that end the loose subject scan to the left: clause openers, auxiliaries, pronouns. */
export const CLAUSE_WORDS_LOOSE = new Set([
  'to',
  'not',
  'also',
  'that',
  'which',
  'who',
  'whom',
  'but',
  'because',
  'while',
  'when',
  'if',
  'although',
  'though',
  'since',
  'where',
  'whether',
  'so',
  'than',
  'and',
  'or',
  'as',
  'after',
  'before',
  'until',
  'unless',
  'is',
  'was',
  'are',
  'were',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'it',
  'he',
  'she',
  'they',
  'we',
  'i',
  'you',
]);

/** Words that, after a comma, open a clause in the writer's voice ("…, but he is not predicting"). */
export const CLAUSE_CUTS = new Set(['but', 'while', 'whereas', 'although', 'though', 'however', 'yet']);

/**
 * Words that open a sentence-initial subordinate clause ("While X claimed that …, experts say"),
 * and the participle of a put question ("Asked what he thought …, Walter said, “…”").
 */
export const SUBORDINATE_OPENERS = new Set([
  'asked',
  'while',
  'although',
  'though',
  'if',
  'when',
  'as',
  'because',
  'since',
  'after',
  'before',
  'whereas',
  'once',
  'unless',
  'until',
  'even',
]);

/** Words that open a subordinate clause in the writer's voice after quoted words ("… as he faces a test"). */
export const TRAILING_CLAUSE = new Set([
  'as',
  'because',
  'while',
  'when',
  'after',
  'before',
  'since',
  'although',
  'though',
  'until',
  'whereas',
  'even',
]);

/** Words that open the question in "Asked whether …" and "He was asked about …". */
export const QUESTION_OPENERS = new Set(['whether', 'if', 'about', 'what', 'how', 'why', 'who', 'when', 'where', 'which']);

/** Words that end a descriptive phrase read as a role. */
export const DESCRIPTOR_STOP = new Set([
  'that',
  'this',
  'than',
  'then',
  'when',
  'what',
  'where',
  'with',
  'from',
  'into',
  'onto',
  'upon',
  'over',
  'under',
  'after',
  'before',
  'while',
  'since',
  'until',
  'also',
  'even',
  'just',
  'only',
  'said',
  'says',
  'told',
  'tells',
  'asked',
  'wrote',
  'added',
  'like',
  'about',
  'because',
  'though',
  'although',
  'unless',
  'whether',
  'which',
  'whose',
  'where',
  'there',
  'here',
  'were',
  'have',
  'does',
  'will',
  'would',
  'could',
  'should',
  'must',
  'might',
  'shall',
  'being',
  'been',
]);

/** Words that join the parts of an organisation or role name ("Department of State", "Marks & Spencer"). */
export const CONNECTORS = new Set(['and', 'of', '&', 'for']);

/**
 * Words that may follow a reporting verb without being its object: a place, time or topic
 * adjunct ("said in an interview", "said of the episode", "said Tuesday"). Any other lower-case
 * word after the cue starts its own object ("apologized to his supporters", "told the story").
 */
export const ADJUNCT_AFTER_CUE = new Set([
  'in',
  'of',
  'with',
  'at',
  'on',
  'during',
  'after',
  'before',
  'last',
  'this',
  'earlier',
  'later',
  'recently',
  'today',
  'yesterday',
  'tonight',
  'afterward',
  'afterwards',
]);
