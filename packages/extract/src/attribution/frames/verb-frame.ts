/**
 * Verb frame: a cue verb with its source found by a source strategy (sources/index.ts): "X said
 * (that) …", "“…,” X said", "“…,” said X", "X, a senator, said", "X, who …, said", "…, adding
 * that". The last pattern: every cue no earlier pattern took ends here, with a frame or none.
 */
import { DOCUMENT_SOURCE_ONLY, isAmbiguousLemma, QUOTATION_ONLY, TOPIC_ONLY } from '../lexicon/index.js';
import { type Phrase, quoteJustBefore, readMention } from '../mentions.js';
import type { Token } from '../sentences.js';
import { ambiguousMisfit, readsAsNoun, sourceFits } from '../sources/fit.js';
import { chooseSource } from '../sources/index.js';
import { forwardStart } from './forward-start.js';
import { type FramePattern, makeFrame } from './types.js';

/**
 * Where a role phrase before the source starts, when it is the frame's own and not reported words:
 * opening the sentence ("The director of the centre, Ina Kirsch, told …" had that role as the
 * content of "told") or right after a quotation ("“…,” the press secretary, Josh Earnest, said"
 * had the role inside a mixed quotation). After a reported clause it stays out ("The nominee is
 * not planning more events, the finance chairman, Steve Mnuchin, told …" keeps its content).
 */
function roleBefore(tokens: readonly Token[], A: number, src: Phrase, role: Phrase | undefined): number {
  if (!role || role.b > src.a) return src.a;
  return role.a === A || quoteJustBefore(tokens, role.a) ? role.a : src.a;
}

/** "X said …" and its variants. */
export const verbFrame: FramePattern = {
  name: 'verb frame',
  scope: 'cue',
  match(s, c) {
    const { text, tokens, B } = s;
    const { i, form, cueB } = c;
    const pick = chooseSource(s, c);
    if (!pick || readsAsNoun(tokens, c, pick)) return null;
    const { src, side, antecedent, role } = pick;
    const info = readMention(text, tokens, antecedent ?? src);
    const srcInfo = antecedent ? readMention(text, tokens, src) : info;
    // "“…,” the statement continued": right after a quotation an ambiguous speech cue reports it,
    // whatever its source (a document, a description) would otherwise need (a reported miss; no
    // change on PolNeAR dev, the goldset or the seed).
    const closesQuote = form.cls === 'speech' && isAmbiguousLemma(form.lemma) && quoteJustBefore(tokens, Math.min(src.a, i));
    if (!closesQuote && (!sourceFits(info, form.cls, form.lemma) || ambiguousMisfit(info, form.lemma))) return null;
    if (DOCUMENT_SOURCE_ONLY.has(form.lemma) && info.kind !== 'document') return null;
    let fwd = -1;
    let fwdThat = false;
    if (side !== 'right') {
      const st = forwardStart(tokens, cueB, B, form);
      if (st) {
        fwd = st.start;
        fwdThat = st.that;
      }
    }
    // An intransitive speech verb without a topic after it reports nothing ("Trump spoke for 77
    // minutes", "… are speaking to her with one voice"), unless a quotation stands right before it.
    if (TOPIC_ONLY.has(form.lemma) && fwd < 0 && !quoteJustBefore(tokens, Math.min(src.a, i))) return null;
    if (QUOTATION_ONLY.has(form.lemma) && !quoteJustBefore(tokens, Math.min(src.a, i)) && tokens[fwd]?.kind !== 'Q') return null;
    const chunkA = side === 'inherit' ? i : Math.min(src.a, i, roleBefore(tokens, s.A, src, role));
    const chunkB = side === 'right' ? Math.max(src.b, role ? role.b + 1 : src.b) : cueB;
    return makeFrame({
      cueA: i,
      cueB,
      side,
      cls: form.cls,
      lemma: form.lemma,
      src,
      srcInfo,
      antecedent,
      role,
      chunkA,
      chunkB,
      fwd,
      fwdThat,
    });
  },
};
