/**
 * Attribution extraction: who said what in an article, as direct quotations, mixed reported
 * speech with quoted words, and indirect reported speech, each with its cue, the source mention
 * and the speaker that mention resolves to. Pure, linear in the text, and total on any input.
 */
import type { Article, Attribution, Span, Speaker } from '@quotecheck/shared';
import { pageTextsOf } from '../article/page-names.js';
import { CONTINUATION_LATER_PARAGRAPH, CONTINUATION_SAME_PARAGRAPH, frameConfidence, QUESTION_PUT } from './confidence.js';
import { dropRepeatedQuotes, GroupIds, settleTerms, splitParagraphs } from './conventions.js';
import { creditedQuotation, creditLineAfter } from './credit-line.js';
import { embeddedPosts } from './embedded-posts.js';
import { type Frame, findFrames, type Region } from './frames/index.js';
import { Gazetteer } from './gazetteer.js';
import {
  BE_FORMS,
  CUE_FORMS,
  EPITHET_HEADS,
  EVIDENTIAL,
  NOUN_GENDER,
  QUESTION_OPENERS,
  RELATIVE_EPITHET_HEADS,
  SUBORDINATE_OPENERS,
  TRAILING_CLAUSE,
} from './lexicon/index.js';
import { phraseStartingAt, quoteJustBefore, readMention } from './mentions.js';
import { genderOfFirstName } from './pronouns.js';
import { findQuotes, type Quote } from './quote-marks.js';
import { lowerSentenceOpeners, type Sentence, splitSentences, type Token, tokenize } from './sentences.js';
import { firstNotBefore, hasWords, spanOf } from './spans.js';
import { type Resolved, SpeakerRegistry, speakerRole } from './speaker-resolution.js';
import { StatementIssuers } from './statement-issuer.js';
import { endsOnColon, negatedBefore } from './token-tests.js';
import { transcriptTurns } from './transcript-turns.js';

export { editDistance } from './gazetteer.js';
export { findQuotes, type Quote } from './quote-marks.js';

/** Paragraph start offsets of a text whose paragraphs are joined with "\n". */
function paragraphStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The paragraph holding `offset`: the last paragraph start at or before it (0 before the first). */
function paragraphIndex(starts: readonly number[], offset: number): number {
  return Math.max(0, firstNotBefore(starts.length, (i) => (starts[i] as number) <= offset) - 1);
}

const TRAILING = /[\s,;:–—-]+$/u;
const LEADING = /^[\s,;:–—-]+/u;

/** Inner words of a quotation, without a trailing comma or space. */
function quoteSpan(text: string, q: Quote): Span {
  let s = q.start;
  let e = q.end;
  const inner = text.slice(s, e);
  const lead = LEADING.exec(inner);
  if (lead) s += lead[0].length;
  const tail = TRAILING.exec(text.slice(s, e));
  if (tail) e -= tail[0].length;
  if (e <= s) return spanOf(text, q.start, q.end);
  return spanOf(text, s, e);
}

/**
 * A quotation that names something (a title, a slogan) rather than quoting words. A comma inside
 * its closing mark is American punctuation, not the title's (“Listen To The Music,” “Takin’ It To
 * The Streets,” … in a band's set list had been eight quotations of the band's press office).
 */
function isTitleLike(q: Quote, text: string): boolean {
  const inner = text.slice(q.start, q.end).trim().replace(/,$/, '');
  const words = inner.split(/\s+/);
  // Sentences inside ("Like Oakland. Or Ferguson,") or a comma ("No, Justice Alito,") are words said.
  if (words.length < 2 || words.length > 7 || /,|[.!?;:](?:\s|$)/.test(inner)) return false;
  return words.every((w) => /^[\p{Lu}\d]/u.test(w) || /^(of|the|a|an|and|in|on|to|for|with|at|by)$/.test(w));
}

/**
 * How many paragraph indices back an earlier report still counts as near: the one before, in a
 * text whose paragraphs are separated by blank lines (each blank line is an index).
 */
const NEAR_PARAGRAPHS = 2;

interface Emitted {
  attribution: Attribution;
  sentence: number;
}

/** Finds every attribution in an article. Offsets are UTF-16 indices into `article.text`. */
export function extractAttributions(article: Pick<Article, 'text' | 'paragraphs'>): Attribution[] {
  const text = typeof article.text === 'string' ? article.text : '';
  if (!text.trim()) return [];
  try {
    return extract(text, Gazetteer.of(pageTextsOf(article)));
  } catch {
    // A defect must not take the pipeline down; an article without attributions is a valid result.
    return [];
  }
}

/**
 * The attributions with records found by whole paragraphs (embedded posts, transcript turns; in
 * text order) merged in: each before the first attribution found after it. One pass: splicing
 * them in one by one was quadratic (a page of 20,000 posts took 18-21 s to extract, 5.4 s after
 * the other fixes, this pass the rest), less the attributions they replace.
 */
function withParagraphRecords(
  out: readonly Emitted[],
  inserted: readonly Attribution[],
  superseded: ReadonlySet<Attribution>,
): Attribution[] {
  const merged: Attribution[] = [];
  let i = 0;
  const take = (a: Attribution) => {
    if (!superseded.has(a)) merged.push(a);
  };
  for (const post of inserted) {
    while (i < out.length && (out[i] as Emitted).attribution.content.start <= post.content.start)
      take((out[i++] as Emitted).attribution);
    merged.push(post);
  }
  while (i < out.length) take((out[i++] as Emitted).attribution);
  return merged;
}

function extract(text: string, gazetteer: Gazetteer): Attribution[] {
  const starts = paragraphStarts(text);
  const quotes = findQuotes(text);
  const tokens = tokenize(text, quotes);
  const sentences = splitSentences(tokens, (o) => paragraphIndex(starts, o));
  lowerSentenceOpeners(tokens);
  const registry = new SpeakerRegistry(text, tokens, gazetteer);
  const issuers = new StatementIssuers();
  const ctx = { text, tokens };
  const out: Emitted[] = [];
  const groups = new GroupIds();
  let last: {
    speaker: Speaker;
    paragraph: number;
    sentence: number;
    source: Span | null;
    cue: Span | null;
    reportedBy: Attribution['reportedBy'];
    /** The named person a question was put to ("asking Trump"), for the epithet that answers it. */
    addressee: Speaker | null;
  } | null = null;
  let pendingQuote: { token: number; sentence: number; paragraph: number } | null = null;
  /** Quotations already given to a frame of an earlier sentence. */
  const claimed = new Set<number>();

  /** The person opening the previous sentence when it reported nothing (see setsTheScene). */
  let sceneSubject: { resolved: Resolved; sentence: number; paragraph: number } | null = null;
  for (let si = 0; si < sentences.length; si++) {
    const sent = sentences[si] as Sentence;
    const opener = registry.noteSentenceSubject(sent.a, sent.b);
    const outBefore = out.length;
    issuers.noteIssuingClause(text, tokens, sent.a, sent.b, registry);
    const frames = findFrames(ctx, sent);
    const used = new Set<number>();
    let emittedHere = false;
    for (let k = sent.a; k < sent.b; k++) if (claimed.has(k)) emittedHere = true;

    for (const f of frames) {
      if (f.dropped || !f.src) continue;
      const resolved = describedAfterOpeningQuote(
        epithetOf(issuers.issuerFor(tokens, f) ?? resolveFrame(text, tokens, registry, f), tokens, f, last, sent.paragraph),
        { text, tokens, registry, f, sent, last },
      );
      issuers.noteFrame(tokens, f, resolved);
      let regions = f.regions;
      // "Trump said." right after an unattributed quotation sentence: that quotation is the content.
      if (
        !regions.length &&
        pendingQuote &&
        pendingQuote.sentence === si - 1 &&
        (pendingQuote.paragraph === sent.paragraph || isBareClause(tokens, sent, f)) &&
        creditsQuoteBefore(tokens, f)
      ) {
        regions = [{ a: pendingQuote.token, b: pendingQuote.token + 1, that: false }];
      }
      // "Caddell continued:" closing a paragraph: the quotation opening the next one is the content.
      const next = sentences[si + 1];
      if (!regions.length && endsOnColon(tokens, sent.b) && next && tokens[next.a]?.kind === 'Q') {
        regions = [{ a: next.a, b: next.a + 1, that: false }];
        claimed.add(next.a);
      }
      if (!regions.length) continue;
      const sourceSpan = spanOf(text, (tokens[f.src.a] as Token).s, (tokens[f.src.b - 1] as Token).e);
      const cueSpan = spanOf(text, (tokens[f.cueA] as Token).s, (tokens[f.cueB - 1] as Token).e);
      let reportedBy: Attribution['reportedBy'];
      if (f.relayedBy?.src) {
        const outer = resolveFrame(text, tokens, registry, f.relayedBy);
        const rs = f.relayedBy.src;
        // "he warned, “…,” Trump told NBC", "Graham assures his audience he will tell …": the outer
        // frame names the quote's own speaker again. One speaker with two cues, not a relay: 5 of
        // the 40 relays over the corpus inputs were such, and a claim called second-hand draws
        // denials of reporters' accounts (a Trump quote picked up three unrelated denials).
        if (!sameResolvedPerson(outer.speaker, resolved.speaker))
          reportedBy = { ...outer.speaker, source: spanOf(text, (tokens[rs.a] as Token).s, (tokens[rs.b - 1] as Token).e) };
      }
      // "X seems to …" is the writer's assessment of X, not something X said: no source, no speaker.
      const evidential = EVIDENTIAL.has(f.lemma);
      const emit = (type: Attribution['type'], content: Span, confidenceAs: Attribution['type'], group?: string) => {
        const attribution: Attribution = {
          type,
          content,
          cue: cueSpan,
          source: evidential ? null : sourceSpan,
          speaker: evidential ? { name: null, kind: 'unknown' } : resolved.speaker,
          paragraph: paragraphIndex(starts, content.start),
          confidence: confidence(f, confidenceAs, resolved),
        };
        if (reportedBy) attribution.reportedBy = reportedBy;
        if (group) attribution.group = group;
        out.push({ attribution, sentence: si });
        emittedHere = true;
      };
      const interrupted = interruptedQuotation(text, tokens, regions, f);
      if (interrupted) {
        for (const r of regions) for (const k of rangeQuotes(tokens, r)) used.add(k);
        regions = [];
        // one record per quoted part, in one group; neither holds the reporting clause
        const group = groups.next();
        for (const part of interrupted) emit('direct', part, 'direct', group);
      }
      for (const r of regions) {
        for (const k of rangeQuotes(tokens, r)) used.add(k);
        for (const a of contentsOf(text, tokens, r, f)) emit(a.type, a.content, a.type);
      }
      last = {
        speaker: resolved.speaker,
        paragraph: sent.paragraph,
        sentence: si,
        source: sourceSpan,
        cue: cueSpan,
        reportedBy,
        addressee: f.lemma === 'ask' ? addresseeOf(text, tokens, registry, f, sent.b) : null,
      };
    }

    for (const q of questionsPut(text, tokens, sent)) {
      out.push({ attribution: { ...q, paragraph: paragraphIndex(starts, q.content.start) }, sentence: si });
      for (let k = sent.a; k < sent.b; k++) {
        const t = tokens[k] as Token;
        if (t.kind === 'Q' && t.s >= q.content.start && t.e <= q.content.end) used.add(k);
      }
    }

    // Quotations no frame claimed: a sentence that is only a quotation continues the last speaker.
    pendingQuote = null;
    const qs: number[] = [];
    let otherWords = 0;
    for (let k = sent.a; k < sent.b; k++) {
      const t = tokens[k] as Token;
      if (t.kind === 'Q') qs.push(k);
      else if (t.kind === 'w') otherWords++;
    }
    const free = qs.filter((k) => !used.has(k));
    // Only a person the article names (a heading in capitals, "PATIENCE IS A VIRTUE:", is none).
    const announcer =
      opener?.speaker.kind === 'person' && opener.speaker.name && opener.speaker.name !== opener.speaker.name.toUpperCase()
        ? opener
        : null;
    const announced = !emittedHere && announcer ? announcedQuotation(tokens, sent, free, qs) : -1;
    if (announced >= 0 && announcer) {
      const content = quoteSpan(text, (tokens[announced] as Token).quote as Quote);
      out.push({ attribution: speakerOnly(content, announcer.speaker, starts), sentence: si });
      used.add(announced);
    } else if (!emittedHere && free.length === 1 && qs.length === 1 && otherWords === 0) {
      const k = free[0] as number;
      const q = (tokens[k] as Token).quote as Quote;
      const content = quoteSpan(text, q);
      if (hasWords(content.text, 3) && !isTitleLike(q, text)) {
        const near = last && sent.paragraph - last.paragraph <= NEAR_PARAGRAPHS && si - last.sentence <= 4;
        const credit = creditLineAfter(text, tokens, sentences, si);
        if (credit) {
          const attribution = creditedQuotation(text, tokens, registry, credit, content, paragraphIndex(starts, content.start));
          out.push({ attribution, sentence: si });
          used.add(k);
        } else if (
          sceneSubject &&
          setsTheScene(sceneSubject, si, sent.paragraph, last) &&
          !creditedByNextSentence(ctx, sent, sentences[si + 1])
        ) {
          out.push({ attribution: speakerOnly(content, sceneSubject.resolved.speaker, starts), sentence: si });
          used.add(k);
        } else if (near && last && !creditedByNextSentence(ctx, sent, sentences[si + 1])) {
          // In the same paragraph the earlier cue still governs the quotation; a later paragraph has
          // none, but the earlier mention still names its speaker.
          const same = sent.paragraph === last.paragraph;
          const attribution: Attribution = {
            type: 'direct',
            content,
            cue: same ? last.cue : null,
            source: last.source,
            speaker: last.speaker,
            paragraph: paragraphIndex(starts, content.start),
            confidence: same ? CONTINUATION_SAME_PARAGRAPH : CONTINUATION_LATER_PARAGRAPH,
          };
          if (last.reportedBy) attribution.reportedBy = last.reportedBy;
          out.push({ attribution, sentence: si });
          used.add(k);
        } else pendingQuote = { token: k, sentence: si, paragraph: sent.paragraph };
      }
    }
    sceneSubject = opener && out.length === outBefore ? { resolved: opener, sentence: si, paragraph: sent.paragraph } : null;
  }
  const found = out.map((e) => e.attribution);
  const posts = embeddedPosts(text, tokens, starts, found);
  const turns = transcriptTurns(
    text,
    starts,
    found,
    (label, pos) => registry.resolve({ form: 'name', kind: 'person', name: label }, pos).speaker,
  );
  const withPosts = withParagraphRecords(
    out,
    [...posts.posts, ...turns.turns].sort((x, y) => x.content.start - y.content.start),
    new Set([...posts.superseded, ...turns.superseded]),
  );
  return settleTerms(text, quotes, dropRepeatedQuotes(text, splitParagraphs(text, withPosts, groups)));
}

/**
 * A quotation credited to a speaker named elsewhere, with no cue or source of its own (the person
 * who sets the scene, or announces the quotation with a colon).
 */
function speakerOnly(content: Span, speaker: Speaker, starts: readonly number[]): Attribution {
  return {
    type: 'direct',
    content,
    cue: null,
    source: null,
    speaker,
    paragraph: paragraphIndex(starts, content.start),
    confidence: CONTINUATION_LATER_PARAGRAPH,
  };
}

/**
 * Whether the person opening the sentence before a lone quotation speaks it: "Aderholt returned
 * to the issue later in the hearing. “What commercial launch vehicles …?”" is Aderholt's (it had
 * continued the previous paragraph's Jim Bridenstine). The sentence right before, in the same
 * paragraph, reported nothing, and no attribution came earlier in the paragraph (1,440 corpus
 * inputs: 9 quotations, each by reading right: Chuck Todd's question to Trump, Hillary Clinton's
 * tweet, Dianne Bystrom's agreement, ...).
 */
function setsTheScene(
  scene: { sentence: number; paragraph: number },
  si: number,
  paragraph: number,
  last: { paragraph: number } | null,
): boolean {
  return scene.sentence === si - 1 && scene.paragraph === paragraph && (!last || last.paragraph < paragraph);
}

/**
 * Whether a frame with no content of its own ("Trump said.") takes an unattributed quotation
 * sentence right before it: a source on either side of the cue, not a relative pronoun, and the
 * cue not negated ("Jason Chaffetz, R-Utah, did not respond to a request for comment" credits
 * nothing). A relative clause describes its antecedent inside another clause: "“Look at what has
 * happened …” And Haley was widely respected …, even those from nations who disagreed with her."
 * had given Haley's words to "nations".
 */
function creditsQuoteBefore(tokens: readonly Token[], f: Frame): boolean {
  if (f.side !== 'left' && f.side !== 'right') return false;
  if (f.antecedent) return false;
  return !negatedBefore(tokens, f.side === 'left' && f.src ? f.src.b : f.cueA - 2, f.cueA);
}

/**
 * "“It was very nice,” the gambling tycoon told Reuters" after a paragraph whose last report was
 * Sheldon Adelson's: a definite description right after a quotation that names no one the article
 * introduced with that role is the person who spoke last, in this paragraph or the one before
 * ({@link NEAR_PARAGRAPHS}; an epithet): only descriptions news writes for public figures
 * ({@link EPITHET_HEADS}), of a gender that fits; "a …" descriptions are someone new. Otherwise
 * `resolved` as it was.
 */
function epithetOf(
  resolved: Resolved,
  tokens: readonly Token[],
  f: Frame,
  last: { speaker: Speaker; paragraph: number; cue: Span | null; addressee: Speaker | null } | null,
  paragraph: number,
): Resolved {
  if (resolved.speaker.name || resolved.speaker.kind !== 'person' || !f.src || !last) return resolved;
  if (paragraph - last.paragraph > NEAR_PARAGRAPHS) return resolved;
  // After a question the description is the one who answers: the person the question was put to
  // when it names them ("“Should there be a database …?” a reporter can be heard asking Trump.
  // “There should be a lot of systems,” the businessman replied"), else no one ("“Are you …?”
  // Borger asked. “That would be me,” the senator said").
  const who = last.cue && /^ask/i.test(last.cue.text) ? last.addressee : last.speaker;
  if (!who?.name || who.kind !== 'person') return resolved;
  const first = tokens[f.src.a] as Token;
  const head = tokens[f.src.b - 1] as Token;
  // Right after the quotation, or after its cue ("“…,” said the man who …").
  const afterQuote = quoteJustBefore(tokens, f.src.a) || (f.src.a === f.cueB && quoteJustBefore(tokens, f.cueA));
  if (first.lower !== 'the' || f.src.b - f.src.a < 2 || !afterQuote) return resolved;
  if (head.cap || !(EPITHET_HEADS.has(head.lower) || describedByRelativeClause(tokens, f.src.b, head))) return resolved;
  // "the actress" is not Ryan Gosling.
  if (otherGender(who, head)) return resolved;
  return { speaker: who, entity: null };
}

/** Whether a description's gendered head ("actress") is not the gender of a named speaker's first name. */
function otherGender(who: Speaker, head: Token): boolean {
  const whoGender = genderOfFirstName(who.name?.split(/\s+/)[0]?.toLowerCase() ?? '');
  const headGender = NOUN_GENDER[head.lower] ?? null;
  return !!whoGender && !!headGender && whoGender !== headGender;
}

/**
 * "“In addition to winning the Electoral College in a landslide, I won the popular vote …,” the
 * President-elect fumed in a tweet": a definite description right after the quotation that opens
 * its sentence, with no report in this paragraph or the one before for {@link epithetOf} to read,
 * is the one person the sentence before names (the registry's described person). `resolved`
 * otherwise.
 */
function describedAfterOpeningQuote(
  resolved: Resolved,
  at: {
    text: string;
    tokens: readonly Token[];
    registry: SpeakerRegistry;
    f: Frame;
    sent: Sentence;
    last: { paragraph: number; speaker: Speaker } | null;
  },
): Resolved {
  const { text, tokens, registry, f, sent, last } = at;
  if (resolved.speaker.name || resolved.speaker.kind !== 'person' || !f.src) return resolved;
  // A report nearby is epithetOf's to read, unless the description is of the other gender than its
  // speaker ("… told Chazelle he “…”; Stone had just come off doing Cabaret … “It was at a
  // diner,” the actress says": the one woman named there, Emma Stone, a goldset quotation).
  const nearby = last && sent.paragraph - last.paragraph <= NEAR_PARAGRAPHS;
  if (nearby && !otherGender(last.speaker, tokens[f.src.b - 1] as Token)) return resolved;
  if (tokens[sent.a]?.kind !== 'Q' || !quoteJustBefore(tokens, f.src.a)) return resolved;
  const speaker = registry.describedAfterQuote(readMention(text, tokens, f.src), (tokens[f.src.a] as Token).s);
  return speaker ? { speaker, entity: null } : resolved;
}

/** Whether a generic head ({@link RELATIVE_EPITHET_HEADS}: "the man") is followed by "who"/"whose" with no comma between: a description of someone. */
function describedByRelativeClause(tokens: readonly Token[], end: number, head: Token): boolean {
  return RELATIVE_EPITHET_HEADS.has(head.lower) && /^(?:who|whose)$/.test(tokens[end]?.lower ?? '');
}

/** The person named right after a question's cue ("asking Trump", "asked Mrs. Clinton"), or null. */
function addresseeOf(text: string, tokens: readonly Token[], registry: SpeakerRegistry, f: Frame, end: number): Speaker | null {
  const np = phraseStartingAt(tokens, f.cueB, end);
  if (!np) return null;
  const info = readMention(text, tokens, np);
  if (info.form !== 'name' || info.kind !== 'person') return null;
  const { speaker } = registry.resolve(info, (tokens[np.a] as Token).s);
  return speaker.name && speaker.kind === 'person' ? speaker : null;
}

/**
 * The quotation a sentence announces with a colon and nothing after it ("Alito cut her off: “No,
 * I'm not making that point …”"), when no frame reported anything in the sentence: its opening
 * person speaks it (the caller checks that). -1 when the sentence is no such announcement.
 */
function announcedQuotation(tokens: readonly Token[], sent: Sentence, free: readonly number[], qs: readonly number[]): number {
  if (free.length !== 1 || qs.length !== 1) return -1;
  const k = free[0] as number;
  if (tokens[k - 1]?.text !== ':' || k - 1 <= sent.a) return -1;
  const after = tokens[k + 1];
  return k + 1 >= sent.b || (after?.kind === 'p' && k + 2 >= sent.b) ? k : -1;
}

/**
 * Whether a sentence is nothing but a frame's source and cue ("Trump said."), the only kind that
 * takes a lone quotation from the paragraph before. A longer one reports something of its own:
 * "“…success.”" closing a paragraph had gone to Melania Trump in the next one's "The statement
 * conflicted with what Melania Trump told NBC News …", and "“I played unreal tennis.”" to the
 * next paragraph's "“We won,” the mighty Nadal said."
 */
function isBareClause(tokens: readonly Token[], sent: Sentence, f: Frame): boolean {
  if (!f.src) return false;
  const a = Math.min(f.src.a, f.cueA);
  const b = Math.max(f.src.b, f.cueB);
  return a === sent.a && (b === sent.b || (b === sent.b - 1 && tokens[b]?.kind === 'p'));
}

/**
 * Whether the sentence after a lone quotation sentence is a bare reporting clause of the same
 * paragraph ("“…missing.” Trump said."): that clause names the quotation's speaker, so the
 * quotation waits for it instead of continuing the previous speaker (cluster dev set: Trump's
 * "Russia, if you're listening" had gone to the previous paragraph's mention of Clinton).
 */
function creditedByNextSentence(ctx: { text: string; tokens: Token[] }, sent: Sentence, next: Sentence | undefined): boolean {
  if (!next || next.paragraph !== sent.paragraph) return false;
  return findFrames(ctx, next).some(
    (f) => !f.dropped && f.src && !f.regions.length && opensSentence(ctx.tokens, f, next) && creditsQuoteBefore(ctx.tokens, f),
  );
}

/**
 * Whether a frame's reporting clause opens its sentence ("Trump said on Twitter."), as one that
 * credits the quotation before it does. A report inside a clause that opens otherwise ("When his
 * editors would ask him to explain himself more, he'd respond, “…”") credits nothing before it:
 * the lone quotation before it had gone to "his editors" instead of the writer who said it.
 */
function opensSentence(tokens: readonly Token[], f: Frame, sent: Sentence): boolean {
  if (!f.src) return false;
  const start = Math.min(f.src.a, f.cueA);
  // Capitalised words the source phrase left out still open it ("He Jianxiong, …, said", "Will Estrada, …, said").
  if (start - sent.a > MAX_NAME_WORDS_LEFT_OUT) return false;
  for (let k = sent.a; k < start; k++) {
    const t = tokens[k];
    if (!(t?.kind === 'w' && t.cap && !SUBORDINATE_OPENERS.has(t.lower))) return false;
  }
  return true;
}

/** Capitalised words before a source phrase that may still be its name's. */
const MAX_NAME_WORDS_LEFT_OUT = 2;

/**
 * One quoted sentence broken by its own reporting clause ("“My hope,” he said, “is that …”"):
 * its two quoted parts, each without the clause, to be emitted in one group. Null for anything
 * else, including a new quoted sentence after the cue ("“…,” he said. “…”"), which is a
 * quotation of its own.
 */
function interruptedQuotation(text: string, tokens: readonly Token[], regions: readonly Region[], f: Frame): [Span, Span] | null {
  if (regions.length !== 2) return null;
  const [r1, r2] = regions as [Region, Region];
  if (r1.b - r1.a !== 1 || r2.b - r2.a !== 1 || r1.b > f.cueA || r2.a < f.cueB) return null;
  const t1 = tokens[r1.a] as Token;
  const t2 = tokens[r2.a] as Token;
  if (t1.kind !== 'Q' || t2.kind !== 'Q') return null;
  const q1 = t1.quote as Quote;
  const q2 = t2.quote as Quote;
  if (q1.close < 0 || q2.close < 0) return null;
  const inner = text.slice(q1.start, q1.end).trimEnd();
  const after = text.slice(q1.close + q1.closeLen, q1.close + q1.closeLen + 1);
  if (!inner.endsWith(',') && after !== ',') return null;
  if (text.slice(q1.open, q2.close).includes('\n')) return null;
  return [quoteSpan(text, q1), quoteSpan(text, q2)];
}

/**
 * Questions put to someone by an unnamed asker: "Asked whether X, she said …" and "He was asked
 * about X". The asker is not named, so there is no source and the speaker is unknown.
 */
function questionsPut(text: string, tokens: readonly Token[], sent: Sentence): Attribution[] {
  const out: Attribution[] = [];
  for (let i = sent.a; i < sent.b - 2; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'w' || t.lower !== 'asked') continue;
    const opener = tokens[i + 1] as Token;
    if (opener.kind !== 'w' || !QUESTION_OPENERS.has(opener.lower)) continue;
    let cueA: number;
    if (i === sent.a && t.cap) cueA = i;
    else if (i > sent.a && !t.cap && BE_FORMS.has((tokens[i - 1] as Token).lower)) cueA = i - 1;
    else continue;
    const start = opener.lower === 'about' ? i + 2 : i + 1;
    let end = start;
    while (end < sent.b) {
      const n = tokens[end] as Token;
      if (n.kind === 'p' && (n.text === ',' || n.text === ';' || n.text === '.' || n.text === '?' || n.text === '!')) break;
      // "He was asked about the deal and said it was “…”": the answer is his, not part of the question.
      if (
        n.kind === 'w' &&
        (n.lower === 'and' || n.lower === 'but') &&
        CUE_FORMS.get(tokens[end + 1]?.lower ?? '')?.cls === 'speech'
      )
        break;
      end++;
      // A quotation closing on a comma ends the question ("Asked whether she “…,” voters said").
      if (n.kind === 'Q' && /,\s*\S?$/.test(text.slice(n.s, n.e))) break;
    }
    if (end <= start) continue;
    let hasQuote = false;
    for (let k = start; k < end; k++) if ((tokens[k] as Token).kind === 'Q') hasQuote = true;
    out.push({
      type: hasQuote ? 'mixed' : 'indirect',
      content: trimSpan(text, (tokens[start] as Token).s, (tokens[end - 1] as Token).e),
      cue: spanOf(text, (tokens[cueA] as Token).s, (tokens[i] as Token).e),
      source: null,
      speaker: { name: null, kind: 'unknown' },
      confidence: QUESTION_PUT,
    });
  }
  return out;
}

/** Whether two resolved speakers are one named person (a relay needs two people). */
function sameResolvedPerson(a: Speaker, b: Speaker): boolean {
  return a.kind === 'person' && b.kind === 'person' && a.name !== null && a.name === b.name;
}

function resolveFrame(text: string, tokens: readonly Token[], registry: SpeakerRegistry, f: Frame): Resolved {
  const src = f.src as NonNullable<Frame['src']>;
  const info = f.antecedent ? readMention(text, tokens, src) : (f.srcInfo ?? readMention(text, tokens, src));
  const ante = f.antecedent ? readMention(text, tokens, f.antecedent) : undefined;
  const pos = (tokens[src.a] as Token).s;
  const resolved = registry.resolve(info, pos, ante);
  if (f.role && !resolved.speaker.role) {
    const role = speakerRole(text.slice((tokens[f.role.a] as Token).s, (tokens[f.role.b - 1] as Token).e).trim());
    if (role && role.length < 120) resolved.speaker = { ...resolved.speaker, role };
  }
  registry.noteSubject(resolved.entity, pos);
  return resolved;
}

function* rangeQuotes(tokens: readonly Token[], r: Region): Generator<number> {
  for (let k = r.a; k < r.b; k++) if ((tokens[k] as Token).kind === 'Q') yield k;
}

/**
 * The attributions one content region yields: a lone quotation is direct (mixed after "that");
 * quoted words inside reported speech give one mixed attribution per quoted fragment, each
 * covering the reported words up to the next fragment; no quotation is indirect.
 */
function contentsOf(
  text: string,
  tokens: readonly Token[],
  r: Region,
  f: Frame,
): Array<{ type: Attribution['type']; content: Span }> {
  const qs = [...rangeQuotes(tokens, r)].filter((k) => !isTitleLike((tokens[k] as Token).quote as Quote, text));
  let words = 0;
  for (let k = r.a; k < r.b; k++) if ((tokens[k] as Token).kind === 'w') words++;
  const start = (tokens[r.a] as Token).s;
  const end = (tokens[r.b - 1] as Token).e;
  if (qs.length === 1 && (words === 0 || quoteThenWritersClause(tokens, r, qs[0] as number))) {
    const q = (tokens[qs[0] as number] as Token).quote as Quote;
    return [{ type: r.that ? 'mixed' : 'direct', content: quoteSpan(text, q) }];
  }
  if (qs.length === 0 || (f.side === 'right' && words === 0)) {
    if (qs.length > 1 && words === 0) {
      return qs.map((k) => ({ type: 'direct' as const, content: quoteSpan(text, (tokens[k] as Token).quote as Quote) }));
    }
    return [{ type: 'indirect', content: trimSpan(text, start, end) }];
  }
  if (words === 0) {
    return qs.map((k) => ({ type: 'direct' as const, content: quoteSpan(text, (tokens[k] as Token).quote as Quote) }));
  }
  // A subordinate clause after the last quoted words is the writer's, not the speaker's
  // ("he is “excited where we stand” as he faces a test").
  let clauseEnd = end;
  const lastQ = qs[qs.length - 1] as number;
  for (let k = lastQ + 1; k < r.b; k++) {
    const t = tokens[k] as Token;
    if (t.kind === 'p' && t.text !== ',') continue;
    if (t.kind === 'w' && TRAILING_CLAUSE.has(t.lower)) clauseEnd = (tokens[lastQ] as Token).e;
    break;
  }
  const out: Array<{ type: Attribution['type']; content: Span }> = [{ type: 'mixed', content: trimSpan(text, start, clauseEnd) }];
  // Each further quoted fragment is a quotation of its own ("… “must be strengthened” and “…”").
  for (const k of qs.slice(1)) out.push({ type: 'mixed', content: quoteSpan(text, (tokens[k] as Token).quote as Quote) });
  return out;
}

/**
 * A region that opens with its only quotation and goes on with "and"/"but" and the writer's own
 * clause: the quotation is the content ("chanted “What curfew?” and kept going until 2 a.m.").
 * As a mixed record with the clause it was too long to match the quotation (PolNeAR dev: 1).
 */
function quoteThenWritersClause(tokens: readonly Token[], r: Region, q: number): boolean {
  if (q !== r.a) return false;
  const n = tokens[q + 1];
  return n?.kind === 'w' && (n.lower === 'and' || n.lower === 'but') && tokens[q + 2]?.kind === 'w' && !tokens[q + 2]?.cap;
}

function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s,;:–—-]/u.test(text[s] as string)) s++;
  while (e > s && /[\s,;:–—.-]/u.test(text[e - 1] as string)) e--;
  if (e <= s) return spanOf(text, start, end);
  return spanOf(text, s, e);
}

function confidence(f: Frame, type: Attribution['type'], r: Resolved): number {
  return frameConfidence(f, type, !!r.speaker.name);
}
