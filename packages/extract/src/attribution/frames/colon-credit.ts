/**
 * Colon credit: "X: …" at the start of a sentence (headlines, transcripts, "Trump: “…”"). The
 * source is a short name or a pronoun; the content is everything after the colon.
 */
import { type Phrase, phraseStartingAt, readMention } from '../mentions.js';
import type { Token } from '../sentences.js';
import { cueAt } from './cue-reading.js';
import { type FramePattern, makeFrame } from './types.js';

/**
 * Labels of a page's furniture and interview transcripts that stand before a colon but name no
 * speaker ("Correction: …", "Contributing: Nicole Gaudiano", "Q: Have you talked to her?"),
 * lower case. PolNeAR train: 31 of the colon frame's 79 false positives had one of these; the
 * headline kickers below, 22 of the 47 left.
 */
const NOT_A_SPEAKER = new Set([
  'q',
  'question',
  'answer',
  'correction',
  'corrections',
  'update',
  'updated',
  'contributing',
  'email',
  'e-mail',
  'note',
  "editor's note",
  'editor’s note',
  'editors note',
  'plus',
  'remember',
  'related',
  'photo',
  'photos',
  'video',
  'videos',
  // page furniture seen over the articles corpus ("PUBLISHED: 00:01, Tue, Nov 19, 2019", "MORE:
  // Black-led group strikes deal …", "FYI: Most items I receive …")
  'published',
  'posted',
  'last updated',
  'more',
  'see more',
  'see also',
  'also read',
  'fyi',
  'weather',
  'gallery',
  'tags',
  'tagged',
  'topics',
  'filed under',
  'citation',
  'example',
  'watch',
  'listen',
  'read more',
  'source',
  'sources',
  'follow',
  'paid notice',
  // headline kickers and transcript fields ("The Latest: …", "BREAKING: …", "BYLINE: …")
  'the latest',
  'latest',
  'breaking',
  'breaking news',
  'exclusive',
  'revealed',
  'analysis',
  'opinion',
  'explainer',
  'live',
  'live updates',
  'fact check',
  'byline',
  'name',
  'wow',
]);

/**
 * Last words of a recurring feature's name before a colon ("Tuesday's Morning Email: …",
 * "Breitbart News Daily: …", "2016 Nerdcast: …"): a newsletter or show, not a speaker.
 */
const FEATURE_WORDS = new Set(['daily', 'email', 'newsletter', 'podcast', 'nerdcast', 'briefing', 'digest', 'roundup', 'recap']);

/**
 * Whether a label before a colon (lower case) names no speaker: page furniture, an interview's
 * "Q", a headline kicker, a recurring feature's name, or a salutation ("DEAR ABBY: My husband …",
 * "DEAR FEELING: Of course …" in an advice column name whom the letter or the answer is to).
 */
export function isNotASpeakerLabel(label: string): boolean {
  return NOT_A_SPEAKER.has(label) || FEATURE_WORDS.has(label.slice(label.lastIndexOf(' ') + 1)) || label.startsWith('dear ');
}

/** Whether colon content is only figures ("Clinton: 1,769"): a tally, not words. */
function onlyFigures(tokens: readonly Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'Q' || (t.kind === 'w' && /\p{L}/u.test(t.text))) return false;
  }
  return true;
}

/**
 * "KYIV: Ukrainian forces said they repelled an attack": a dateline in capitals before a sentence
 * that reports with a speech cue of its own; the place is no speaker, and the sentence's own
 * frame gives the attribution. (A transcript's "TRUMP: … I said …" is read as a turn, see
 * transcript-turns.ts.)
 */
function isDateline(tokens: readonly Token[], label: Phrase, B: number): boolean {
  for (let k = label.a; k < label.b; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'w' && t.text !== t.text.toUpperCase()) return false;
  }
  for (let k = label.b + 1; k < B; k++) if (cueAt(tokens, k)?.cls === 'speech') return true;
  return false;
}

/** Tokens of a label before a colon that credits what follows ("Rep. Trey Gowdy (R-S.C.):"). */
const MAX_PLAIN_LABEL_TOKENS = 5;
/**
 * Tokens of a label that ends in a person's full name: a transcript's "Former secretary of state
 * Hillary Rodham Clinton:" (7) had credited nothing, and her answer was lost.
 */
const MAX_LABEL_TOKENS = 8;

/** Whether a label (lower case) ends in the person's name of two words or more, as read from it. */
function endsInFullName(name: string | null | undefined, label: string): boolean {
  return !!name && name.includes(' ') && label.endsWith(name.toLowerCase());
}

/** "X: …" opening a sentence. */
export const colonCredit: FramePattern = {
  name: 'colon credit',
  scope: 'sentence',
  match({ text, tokens, A, B }) {
    const np = phraseStartingAt(tokens, A, B);
    if (!(np && tokens[np.b]?.text === ':' && np.b + 1 < B && np.b - np.a <= MAX_LABEL_TOKENS)) return undefined;
    const label = text.slice((tokens[np.a] as Token).s, (tokens[np.b - 1] as Token).e).toLowerCase();
    if (isNotASpeakerLabel(label) || onlyFigures(tokens, np.b + 1, B)) return null;
    if (isDateline(tokens, np, B)) return undefined;
    const info = readMention(text, tokens, np);
    // A lone capitalised document noun credits too ("Poll: Clinton and Trump in dead heat").
    const document = info.kind === 'document' && np.b - np.a === 1;
    if (!((info.form === 'name' && (tokens[np.b - 1] as Token).cap) || info.form === 'pronoun' || document)) return undefined;
    // A long label is a person's description ending in their name ("Former secretary of state
    // Hillary Rodham Clinton:"), not a clause ending in a capitalised word.
    if (np.b - np.a > MAX_PLAIN_LABEL_TOKENS && !(info.kind === 'person' && endsInFullName(info.name, label))) return undefined;
    return makeFrame({
      cueA: np.b,
      cueB: np.b + 1,
      side: 'colon',
      cls: 'speech',
      lemma: ':',
      src: np,
      srcInfo: info,
      chunkA: np.a,
      chunkB: np.b + 1,
      fwd: np.b + 1,
      fwdThat: false,
    });
  },
};
