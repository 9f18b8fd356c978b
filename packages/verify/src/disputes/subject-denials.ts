import { contentWords, normalizeQuote } from '../normalize.js';
import { nameTokens, personKey } from '../speaker.js';
import { paragraphAt, wholeWord } from '../text.js';
import { topicWords } from '../topic.js';
import type { Dispute } from '../types.js';
import { SAME_ARTICLE_TOPIC_WORDS } from './link.js';
import { ANAPHORA_PARAGRAPHS, nameWordsOf, type StatementContext, type StatementSource } from './statements.js';

/**
 * A first-person negation: "We have never expressed interest …", "I did not …", "we don't …".
 * What the one a statement is about says in its own words against it.
 */
const FIRST_PERSON_NEGATION =
  /\b(?:we|i)(?:[’'](?:ve|d|m))?\s+(?:(?:have|had|has|did|do|does|was|were|am|are|will|would|could|can)\s+)?(?:never|not|no longer)\b|\b(?:we|i)\s+(?:didn|don|haven|hadn|wasn|weren|won|wouldn|can)[’']t\b/i;

/**
 * Words into its quotation a denial's negation may start: a denial leads with it ("We have never
 * expressed interest …"); a negation deep inside a long quotation is part of some other point.
 */
export const DENIAL_LEAD_WORDS = 8;

/**
 * Words of an organisation's name that do not identify it in another sentence ("the Smithsonian
 * Institution" is named by "Smithsonian", not by "Institution").
 */
const GENERIC_NAME_WORDS = new Set(
  `the a an of for and institution institute museum department office ministry campaign committee house foundation
  university group party national american association council society company inc corp service agency center centre
  commission government state states united new`.split(/\s+/),
);

/**
 * The word that names a speaker inside someone else's words: a person's surname, an
 * organisation's first distinctive word ("Smithsonian"; also when extraction took the
 * organisation for a person), at least 4 letters. Null when none.
 */
function namingWord(name: string, isPerson: boolean): string | null {
  const toks = nameTokens(name);
  const order = isPerson ? [toks[toks.length - 1] ?? '', ...toks] : toks;
  const pick = order.find((t) => !GENERIC_NAME_WORDS.has(t.toLowerCase()));
  return pick && pick.length >= 4 && /^\p{Lu}/u.test(pick) ? pick : null;
}

/**
 * Finds the statements one article reports about someone that this someone then denies in its
 * own quoted words: "In his listing, Zimmerman claimed that the “Smithsonian Museum” … had
 * expressed interest in buying the firearm." followed by "However, the Smithsonian Institution
 * said …, “We have never expressed interest in collecting George Zimmerman's firearm …”". No cue
 * word says "denied": the denial is a first-person negation ({@link FIRST_PERSON_NEGATION}) near
 * the start of the quotation, by a speaker the earlier statement names, sharing at least
 * {@link SAME_ARTICLE_TOPIC_WORDS} topic words with it, at most {@link ANAPHORA_PARAGRAPHS}
 * paragraphs later. The record points back at that statement (its `antecedent`) and marks it
 * `contradicted`, by the speaker who denies.
 */
export function findSubjectDenials(ctx: StatementContext, sources: readonly StatementSource[]): Dispute[] {
  const out: Dispute[] = [];
  const names = nameWordsOf(ctx.people);
  for (const denial of sources) {
    if (!denial.voiceName) continue;
    const content = ctx.text.slice(denial.start, denial.end);
    const neg = FIRST_PERSON_NEGATION.exec(content);
    if (!neg || normalizeQuote(content.slice(0, neg.index)).words.length > DENIAL_LEAD_WORDS) continue;
    const naming = namingWord(denial.voiceName, denial.voiceIsPerson);
    if (!naming) continue;
    const mention = wholeWord(naming);
    const own = denial.voiceIsPerson ? personKey(denial.voiceName) : null;
    const denied = topicWords(content.slice(neg.index + neg[0].length), names);
    const para = paragraphAt(ctx.paragraphs, denial.start);
    for (const stated of sources) {
      if (!stated.speakerKey || stated.speakerKey === own || stated.end > denial.start) continue;
      if (para - paragraphAt(ctx.paragraphs, stated.start) > ANAPHORA_PARAGRAPHS) continue;
      const words = ctx.text.slice(stated.start, stated.end);
      if (!mention.test(words)) continue;
      const mine = new Set(topicWords(words, names));
      const shared = denied.filter((w) => mine.has(w));
      if (shared.length < SAME_ARTICLE_TOPIC_WORDS) continue;
      const cueAt = denial.start + neg.index;
      const sentence = ctx.sentences.find((s) => s.start <= cueAt && cueAt < s.end) ?? {
        start: denial.start,
        end: denial.end,
        text: content,
      };
      out.push({
        id: `${ctx.articleId}:${sentence.start}:${sentence.end}:statement:${stated.start}`,
        kind: 'statement',
        flag: 'contradicted',
        articleId: ctx.articleId,
        input: ctx.input,
        start: sentence.start,
        end: sentence.end,
        sentence: sentence.text,
        speaker: { name: denial.voiceName, kind: denial.voiceIsPerson ? 'person' : 'organization' },
        speakerText: denial.voiceName,
        secondHand: false,
        mentions: [],
        accountOf: [],
        generic: true,
        words: contentWords(normalizeQuote(sentence.text).words),
        cue: neg[0],
        cueAt,
        about: [stated.speakerKey],
        antecedent: { start: stated.start, end: stated.end },
        topic: shared,
        by: denial.voiceName,
      });
    }
  }
  return out;
}
