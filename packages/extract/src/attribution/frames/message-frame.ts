/**
 * Message frames: a message someone puts out, its words after "saying" or a colon. "Black Lives
 * Matter issued a statement saying it took the action …", "McConnell delivered a blunt message
 * to Trump: “It's time …”". The source is whoever puts the message out and the cue runs from
 * their verb, as PolNeAR marks it ("issued a statement saying"). Before, "saying" took "a
 * statement" as its speaker, and the colon form was missed or credited to "McConnell delivered
 * a blunt" ("message" read as a verb).
 */

import { determinedNounAt, objectAfterVerb } from '../determined-noun.js';
import { MESSAGE_DETERMINERS, MESSAGE_FORWARD_DETERMINERS, MESSAGE_NOUNS, MESSAGE_VERBS, TIME_WORDS } from '../lexicon/index.js';
import { readMention } from '../mentions.js';
import type { Token } from '../sentences.js';
import { sourceFits } from '../sources/fit.js';
import { chooseSource } from '../sources/index.js';
import { isWord, skipAuxLeft } from '../token-tests.js';
import { cueAt } from './cue-reading.js';
import { forwardStart } from './forward-start.js';
import type { CueReading, Frame, FramePattern, Scan } from './types.js';
import { makeFrame } from './types.js';

/** Words an addressee or a time may take after the noun ("to the Republican National Committee"). */
const MAX_AFTER_NOUN = 6;
/** Words that open what may stand between the message and its words: an addressee or a time. */
const AFTER_NOUN_OPENERS = new Set(['to', 'for', 'on', 'this', 'last', 'late', 'early', 'earlier']);

/** A message phrase: the verb putting it out and the noun naming it. */
interface MessagePhrase {
  verb: number;
  noun: number;
}

/** Where a message's words start: after "saying" or a colon, past an addressee or a time. */
interface MessageWords {
  /** The token after the cue ("saying", or the noun before a colon). */
  cueB: number;
  fwd: number;
  fwdThat: boolean;
}

/**
 * The words after the message noun `n`: "[to Trump] [on Tuesday][,] saying …" or "…: “…”" (`fwd`
 * -1 when the colon ends the sentence), else null.
 */
function wordsAfter(tokens: readonly Token[], n: number, B: number): MessageWords | null {
  let k = n + 1;
  const opener = tokens[k];
  if (isWord(opener) && (AFTER_NOUN_OPENERS.has(opener.lower) || TIME_WORDS.has(opener.lower))) {
    while (k < B && k - n <= MAX_AFTER_NOUN && isWord(tokens[k]) && !cueAt(tokens, k)?.gerund) k++;
  }
  if (tokens[k]?.text === ':') {
    if (tokens[k + 1]?.kind === 'Q') return { cueB: n + 1, fwd: k + 1, fwdThat: false };
    // "… issued the following statement:" closing its paragraph (the colon is the sentence's last
    // token): no words here; the quotation opening the next paragraph is taken as them
    // (attribution/index.ts).
    return k === B - 1 ? { cueB: n + 1, fwd: -1, fwdThat: false } : null;
  }
  if (tokens[k]?.text === ',') k++;
  const form = cueAt(tokens, k);
  if (!(form?.gerund && form.cls === 'speech')) return null;
  const st = forwardStart(tokens, k + 1, B, form);
  return st ? { cueB: k + 1, fwd: st.start, fwdThat: st.that } : null;
}

/** The message phrase whose verb is token `v` ("issued a statement", "put out a statement"), or null. */
function messageFrom(tokens: readonly Token[], v: number): MessagePhrase | null {
  const verb = tokens[v];
  if (!isWord(verb) || verb.cap || !MESSAGE_VERBS.has(verb.lower)) return null;
  const o = objectAfterVerb(tokens, v);
  if (o < 0) return null;
  // "the following statement": "following" stands as the determiner ("the" alone does not).
  const det = tokens[o]?.lower === 'the' && MESSAGE_FORWARD_DETERMINERS.has(tokens[o + 1]?.lower ?? '') ? o + 1 : o;
  const noun = determinedNounAt(tokens, det, det > o ? MESSAGE_FORWARD_DETERMINERS : MESSAGE_DETERMINERS, MESSAGE_NOUNS);
  return noun && { verb: v, noun: noun.at };
}

/** The cue reading a message's verb stands for when its source is looked for: a speech verb. */
function issuingReading(s: Scan, verb: number): CueReading {
  const t = s.tokens[verb] as Token;
  const form = { lemma: 'say', cls: 'speech', gerund: false, takesAddressee: false, participle: false } as const;
  return { i: verb, t, form, cueB: verb + 1, j: skipAuxLeft(s.tokens, verb - 1, s.A), passive: false };
}

/** The frame of a message put out by the source of its verb, with content from `fwd`; null without a fitting source. */
function frameOf(s: Scan, m: MessagePhrase, cueB: number, fwd: number, fwdThat: boolean): Frame | null {
  const pick = chooseSource(s, issuingReading(s, m.verb));
  if (!pick || pick.side === 'right') return null;
  const { src, side, antecedent, role } = pick;
  const info = readMention(s.text, s.tokens, antecedent ?? src);
  if (!sourceFits(info, 'speech', 'say') || info.kind === 'document') return null;
  return makeFrame({
    cueA: m.verb,
    cueB,
    side,
    cls: 'speech',
    lemma: 'say',
    src,
    srcInfo: antecedent ? readMention(s.text, s.tokens, src) : info,
    antecedent,
    role,
    chunkA: side === 'inherit' ? m.verb : Math.min(src.a, m.verb),
    chunkB: cueB,
    fwd,
    fwdThat,
  });
}

/**
 * "X issued a statement saying …", "X delivered a blunt message to Trump: “…”": at the verb, so
 * the verb is not read as a cue of its own ("offered", "posted").
 */
export const messageFrame: FramePattern = {
  name: 'message frame',
  scope: 'token',
  match(s, v) {
    const m = messageFrom(s.tokens, v);
    const w = m && wordsAfter(s.tokens, m.noun, s.B);
    if (!(m && w)) return undefined;
    return frameOf(s, m, w.cueB, w.fwd, w.fwdThat) ?? undefined;
  },
};

/** The "saying" of a message frame already found: no frame of its own ("a statement" is no speaker). */
export const messageGerund: FramePattern = {
  name: 'message gerund',
  scope: 'cue',
  match(s, c) {
    return s.frames.some((f) => f.cueB === c.cueB && f.lemma === 'say' && f.cueA < c.i) ? null : undefined;
  },
};
