import type { Attribution, Speaker } from '@quotecheck/shared/core';
import { findRebuttals } from './disputes/rebuttals.js';
import { findStatementDisputes, type StatementSource } from './disputes/statements.js';
import { findSubjectDenials } from './disputes/subject-denials.js';
import { type DisputeSource, findDisputes, type KnownPerson } from './disputes.js';
import { joinInterruptedQuotations } from './interrupted.js';
import { normalizeQuote } from './normalize.js';
import { quotedFragments, trimSpan } from './quoted.js';
import { speakerRecord } from './records.js';
import { fullerName, nameTokens, POSSESSIVE_NAME, personKey, sameSpeaker, titleOf } from './speaker.js';
import { contextSignature, escapeRegExp, letterAt, paragraphAt, plainSearchString, SentenceIndex, wireCredit } from './text.js';
import type { Dispute, QuoteItem } from './types.js';

/** An article as verification needs it: text, where it came from, and its attributions. */
export interface ArticleInput {
  /** Stable id (occurrences are keyed by it plus offsets). */
  id: string;
  /** URL or file path shown as the occurrence's `input`. */
  input: string;
  outlet: string;
  /** When it was published (or first seen); the earliest becomes the claim's first sighting. */
  published: string | null;
  text: string;
  paragraphs: readonly string[];
  byline: string | null;
  attributions: readonly Attribution[];
}

/** The quotations and dispute records of one article. */
export interface PreparedArticle {
  items: QuoteItem[];
  disputes: Dispute[];
  people: KnownPerson[];
}

/**
 * A run of words before a name, as the title and first-name patterns match it:
 * `((?:WORD){1,max})NAME(?!\p{L})`, each word ending in white space.
 */
interface WordRun {
  /** One word, sticky: stepping through the run from a start. */
  readonly step: RegExp;
  /** One to `max` words up to the end of a window: the run's starts that reach an offset. */
  readonly tail: RegExp;
  /** The text a run of at most `max` words may consist of: its letters and at most `max` spaces. */
  readonly chain: RegExp;
  readonly word: string;
  readonly max: number;
}

function wordRun(word: string, max: number): WordRun {
  return {
    step: new RegExp(`(?:${word})`, 'uy'),
    tail: new RegExp(`(?:${word}){1,${max}}$`, 'u'),
    chain: new RegExp(`^[\\p{L}.’'-]*(?:\\s+[\\p{L}.’'-]*){0,${max}}$`, 'u'),
    word,
    max,
  };
}

/** Title words before a full name: "US Secretary of State", "the Ukrainian President". */
const TITLE_RUN = wordRun(String.raw`\p{Lu}[\p{L}.’'-]*\s+|of\s+|for\s+|the\s+`, 6);
/** Capitalised words before a surname: "Marco", "Volodymyr", "J. R.". */
const FIRST_NAMES_RUN = wordRun(String.raw`\p{Lu}[\p{L}’'.-]*\s+`, 3);
/** A character a word run may hold (letters, ".", "’", "'", "-", white space). */
const CHAIN_CHAR = /[\p{L}.’'\s-]/u;
/**
 * How far before a name the run's start is looked for, per word (144 characters for six title
 * words, 72 for three first names): room for long words, and the cost of the end-anchored match
 * grows with it. A longer run is seen (the window is then nothing but word characters and at most
 * `max` spaces) and the name's whole prefix is searched instead: over the 2,442 texts of
 * bench/verify-scan.ts (PolNeAR, the seed, the German corpus, the article pages), with every
 * capitalised word and word pair taken for a name as well, 0 of 345,587 windows needed that.
 */
const WINDOW_PER_WORD = 24;

/**
 * The leftmost start at or after `from` of a word run that ends exactly at `p`, or -1. A run's
 * text lies between its start and `p`, so an end-anchored match in a window before `p` sees every
 * start inside the window; the window grows to `from` when a run could begin before it.
 */
function runStartBefore(text: string, p: number, from: number, run: WordRun): number {
  let lo = Math.max(from, p - run.max * WINDOW_PER_WORD);
  if (lo > from) {
    const c = text.charCodeAt(lo);
    if (c >= 0xdc00 && c <= 0xdfff) lo--; // never split a surrogate pair
  }
  if (lo > from) {
    const c = text.charCodeAt(lo - 1);
    const wordLike = (c >= 0xd800 && c <= 0xdfff) || CHAIN_CHAR.test(text[lo - 1]!);
    if (wordLike && run.chain.test(text.slice(lo, p))) lo = from;
  }
  const m = run.tail.exec(text.slice(lo, p));
  return m ? lo + m.index : -1;
}

/**
 * The first match at or after `from` of `((?:WORD){1,max})NAME(?!\p{L})` in `text`, as that
 * regular expression finds it (the leftmost start, then as many words as still reach an occurrence
 * of the name): the words' span and where the match ends. Found from the name's occurrences with
 * `indexOf` and the text just before them, instead of trying the word group at every offset of
 * the article: the regular expression cost ~1.4 ms per article in `roleInText` and
 * `fullNameInText` (a CPU profile of the verify worker on the benchmark pages).
 */
function wordsBeforeName(
  text: string,
  name: string,
  from: number,
  run: WordRun,
): { start: number; end: number; next: number } | null {
  // A name that starts with white space (or a surrogate half) could begin inside the run's last
  // space: never the case for a name of real text, and searched with the pattern itself.
  if (!plainSearchString(name) || /^\s/u.test(name)) {
    const re = new RegExp(`((?:${run.word}){1,${run.max}})${escapeRegExp(name)}(?![\\p{L}])`, 'gu');
    re.lastIndex = from;
    const m = re.exec(text);
    return m ? { start: m.index, end: m.index + m[1]!.length, next: re.lastIndex } : null;
  }
  for (let p = text.indexOf(name, from); p >= 0; p = text.indexOf(name, p + 1)) {
    if (letterAt(text, p + name.length)) continue;
    const start = runStartBefore(text, p, from, run);
    if (start < 0) continue;
    // No earlier start reaches a later occurrence (it would reach this one first), but this start
    // may reach a later one within `max` words, and the pattern takes as many words as it can.
    let end = p;
    run.step.lastIndex = start;
    for (let k = 0; k < run.max && run.step.exec(text); k++) {
      const e = run.step.lastIndex;
      if (e > end && text.startsWith(name, e) && !letterAt(text, e + name.length)) end = e;
    }
    return { start, end, next: end + name.length };
  }
  return null;
}

/**
 * Finds the title written before a full name in the text ("US Secretary of State Marco Rubio"):
 * the words before the name's first occurrence that has capitalised words (or "of", "for",
 * "the") right before it, from the first title word on.
 */
export function roleInText(text: string, name: string): string | undefined {
  if (nameTokens(name).length < 2) return undefined;
  const m = wordsBeforeName(text, name, 0, TITLE_RUN);
  if (!m) return undefined;
  return titleFromWords(text.slice(m.start, m.end));
}

/**
 * The title in a run of words written before a name ("US Secretary of State " before "Marco
 * Rubio"): from the first title word on, with a capitalised word before it kept.
 */
export function titleFromWords(run: string): string | undefined {
  const words = run.trim().split(/\s+/);
  const i = words.findIndex((w) => titleOf(w) !== undefined);
  if (!titleOf(words.slice(i).join(' '))) return undefined;
  // Keep a leading country/organisation word ("US Secretary of State", "Ukraine’s President").
  const lead = i > 0 && /^\p{Lu}/u.test(words[i - 1] ?? '') ? `${words[i - 1]} ` : '';
  return `${lead}${words.slice(i).join(' ')}`.replace(/\s+(the|of|for)$/i, '');
}

/** The fullest "First Last" form of a surname the text gives ("Marco Rubio" for "Rubio"). */
export function fullNameInText(text: string, surname: string): string | undefined {
  let best: string | undefined;
  for (
    let m = wordsBeforeName(text, surname, 0, FIRST_NAMES_RUN);
    m;
    m = wordsBeforeName(text, surname, m.next, FIRST_NAMES_RUN)
  ) {
    const name = fullNameFromWords(text.slice(m.start, m.end), surname);
    if (name && (!best || name.length > best.length)) best = name;
  }
  return best;
}

/**
 * The full name a run of capitalised words written before a surname gives ("Senator Marco " before
 * "Rubio": "Marco Rubio"): its last first-name-like words (no title, no possessive), or undefined.
 */
export function fullNameFromWords(run: string, surname: string): string | undefined {
  const words = run.trim().split(/\s+/);
  let i = words.length;
  while (i > 0 && !titleOf(words[i - 1]!) && !/[’']s?$/.test(words[i - 1]!) && /^\p{Lu}\p{Ll}|^\p{Lu}\.$/u.test(words[i - 1]!))
    i--;
  const first = words.slice(i);
  return first.length ? `${first.join(' ')} ${surname}` : undefined;
}

/**
 * An indefinite pronoun taken for a speaker ("Anyone claiming that America's economy is in
 * decline is peddling fiction" read as Anyone saying the rest): nobody in particular. As a name it
 * conflicted with the real speaker of the statement (PolNeAR dev set: Obama's "peddling fiction").
 */
const INDEFINITE = /^(?:any|every|some|no)(?:one|body)$|^no one$|^whoever$/i;

/** A role-only mention ("the Ukrainian president", "the senator"): no capitalised name part. */
function isRoleOnly(name: string): boolean {
  const toks = nameTokens(name);
  // Caseless scripts (Arabic, Chinese…) have no capitals: a name part starts with any of their letters.
  return !toks.length || !toks.some((t) => /^[\p{Lu}\p{Lo}]/u.test(t)) || /^(the|a|an)\s/i.test(name);
}

/**
 * Resolves the speakers of one article: titles become roles, surnames become the fullest name the
 * article gives, and role-only mentions map to the one person the article gives that role.
 */
export function resolveSpeakers(
  text: string,
  attributions: readonly Attribution[],
): {
  speakers: Speaker[];
  reporters: (Speaker | undefined)[];
  people: KnownPerson[];
  /** The article's person a name is, by the same rules as its speakers (first names kept apart). */
  personNamed: (name: string) => string | undefined;
} {
  const clean = (s: Speaker): Speaker => {
    if (!s.name) return { ...s };
    if (INDEFINITE.test(s.name.trim())) return { name: null, kind: 'unknown' };
    if (s.kind === 'person' && isRoleOnly(s.name)) return { name: null, kind: 'person', role: s.role ?? s.name };
    if (s.kind !== 'person') return { ...s };
    const title = titleOf(s.name);
    const name = nameTokens(s.name).join(' ');
    return { ...s, name, ...(s.role || title ? { role: s.role ?? title } : {}) };
  };
  const speakers = attributions.map((a) => clean(a.speaker));
  const reporters = attributions.map((a) =>
    a.reportedBy
      ? clean({ name: a.reportedBy.name, kind: a.reportedBy.kind, ...(a.reportedBy.role ? { role: a.reportedBy.role } : {}) })
      : undefined,
  );
  // The people of the article: one per surname and compatible first names, with the fullest name
  // and a role each. Not one per surname: Jane Sanders's words had become her husband's, Melania
  // Trump's and Ivanka Trump's Donald Trump's, and Bill Clinton's Hillary's (157 quotations over
  // the 1,008 PolNeAR texts).
  const named = [...speakers, ...reporters].filter((s): s is Speaker & { name: string } => s?.kind === 'person' && !!s.name);
  const cast = new ArticlePeople();
  for (const s of named) if (nameTokens(s.name).length > 1) cast.add(s);
  for (const s of named) if (nameTokens(s.name).length === 1) cast.add(s);
  for (const p of cast.all()) {
    if (nameTokens(p.name).length === 1) p.name = fullNameInText(text, p.name) ?? p.name;
    const r = roleInText(text, p.name);
    if (r && !(p.role && p.role.length > r.length)) p.role = r;
  }
  const people: KnownPerson[] = cast.all().map((p) => ({ key: p.key, name: p.name }));
  const fix = (s: Speaker | undefined): Speaker | undefined => {
    if (!s) return s;
    if (s.kind === 'person' && s.name) {
      const p = cast.of(s.name);
      const role = s.role ?? p?.role;
      return { name: p?.name ?? s.name, kind: 'person', ...(role ? { role } : {}) };
    }
    if (s.kind === 'person' && !s.name && s.role) {
      const head = s.role.toLowerCase().split(/\s+/).pop() ?? '';
      const hits = cast.all().filter((p) => p.role?.toLowerCase().split(/\s+/).includes(head));
      if (hits.length === 1) return { name: hits[0]!.name, kind: 'person', role: hits[0]!.role! };
    }
    return s;
  };
  // One record layout for every speaker the verifier compares (see records.ts).
  const record = (s: Speaker | undefined) => (s ? speakerRecord(s) : s);
  return {
    speakers: speakers.map((s) => speakerRecord(fix(s)!)),
    reporters: reporters.map((s) => record(fix(s))),
    people,
    personNamed: (name) => cast.of(name)?.name,
  };
}

/** One person of an article: their surname key, the fullest name the article gives, a role, and how often named. */
interface ArticlePerson {
  key: string;
  name: string;
  role?: string;
  mentions: number;
}

/**
 * The people an article's speakers name, told apart by first name within a surname ("Jane
 * Sanders" and "Bernie Sanders"), a name that is the tail of another ("Wasserman Schultz" of
 * "Debbie Wasserman Schultz") one with it. A bare surname is the person of that surname named
 * most often.
 */
class ArticlePeople {
  private readonly bySurname = new Map<string, ArticlePerson[]>();

  add(s: Speaker & { name: string }): void {
    const key = personKey(s.name);
    if (!key) return;
    let list = this.bySurname.get(key);
    if (!list) this.bySurname.set(key, (list = []));
    const p = this.match(list, s.name);
    if (p) {
      if (!isHeadlineGerund(nameTokens(s.name))) p.name = fullerName(p.name, s.name);
      p.mentions++;
      if (s.role && !p.role) p.role = s.role;
    } else list.push({ key, name: s.name, mentions: 1, ...(s.role ? { role: s.role } : {}) });
  }

  /** The person a name is, or undefined when no speaker of the article bears its surname. */
  of(name: string): ArticlePerson | undefined {
    const key = personKey(name);
    return key ? this.match(this.bySurname.get(key) ?? [], name) : undefined;
  }

  all(): ArticlePerson[] {
    return [...this.bySurname.values()].flat();
  }

  private match(list: readonly ArticlePerson[], name: string): ArticlePerson | undefined {
    const toks = nameTokens(name);
    if (toks.length === 1 || isHeadlineGerund(toks))
      return list.reduce<ArticlePerson | undefined>((best, p) => (!best || p.mentions > best.mentions ? p : best), undefined);
    return list.find((p) => {
      const other = nameTokens(p.name);
      return (
        other.length === 1 ||
        isTail(toks, other) ||
        isTail(other, toks) ||
        sameSpeaker({ name, kind: 'person' }, { name: p.name, kind: 'person' })
      );
    });
  }
}

/**
 * A headline's gerund taken for a first name ("Debating Clinton's …", "Joining Rubio …"): the
 * name is the surname alone, the person of that surname named most often.
 */
function isHeadlineGerund(toks: readonly string[]): boolean {
  return toks.length === 2 && /^\p{Lu}\p{Ll}{2,}ing$/u.test(toks[0]!);
}

/** Whether name tokens `a` end name tokens `b` ("Wasserman Schultz" and "Debbie Wasserman Schultz"). */
function isTail(a: readonly string[], b: readonly string[]): boolean {
  return a.length < b.length && a.every((t, i) => t === b[b.length - a.length + i]);
}

/** The possessive name right before a quotation's opening mark ("Donald Trump's “"). */
const OWNER_BEFORE = new RegExp(`${POSSESSIVE_NAME}\\s+[“"‘]$`, 'u');
/** A noun naming a remark right after a quotation's closing mark ("” remark", "” line"). */
const REMARK_AFTER =
  /^[”"’,]*\s*(?:remarks?|comments?|line|quip|slogan|promise|pledge|phrase|tweet|jab|insult|label|boast|vow|gaffe|mantra|refrain|assertion|characteri[sz]ation)\b/iu;

/**
 * The person a quoted fragment is labelled with, whoever's words the sentence reports: "Fox &
 * Friends … featured all-male lineups discussing Donald Trump's “woman's card” remark" quotes
 * Trump, not the lineups. Only a possessive name right before the opening mark and a remark noun
 * right after the closing one; a one-word name must be a person of the article.
 */
function labelledOwner(
  text: string,
  sp: { start: number; end: number },
  personNamed: (name: string) => string | undefined,
): Speaker | null {
  const m = OWNER_BEFORE.exec(text.slice(Math.max(0, sp.start - 60), sp.start));
  if (!m?.[1] || !REMARK_AFTER.test(text.slice(sp.end, sp.end + 30))) return null;
  const name = m[1];
  const known = personNamed(name);
  if (known) return { name: fullerName(known, name), kind: 'person' };
  return /\s/.test(name) ? { name, kind: 'person' } : null;
}

/**
 * Turns one article's attributions into quotations to cluster (a direct quote's words; each
 * quoted fragment of a mixed attribution; an indirect attribution's content) and dispute records.
 */
export function prepareArticle(article: ArticleInput): PreparedArticle {
  const sentences = new SentenceIndex(article.text);
  const { speakers, reporters, people, personNamed } = resolveSpeakers(article.text, article.attributions);
  const wire = wireCredit(article.text, article.byline);
  const contexts = new Map<number, string>();
  const items: QuoteItem[] = [];
  const sources: DisputeSource[] = [];
  const statements: StatementSource[] = [];
  article.attributions.forEach((a, i) => {
    const speaker = speakers[i]!;
    const reportedBy = reporters[i];
    const named = speaker.kind === 'person' && speaker.name ? speaker.name : null;
    statements.push({
      start: a.content.start,
      end: a.content.end,
      type: a.type,
      speakerKey: named ? personKey(named) : null,
      speakerName: named,
      voiceName: speaker.kind === 'anonymous' || speaker.kind === 'unknown' ? null : speaker.name,
      voiceIsPerson: speaker.kind === 'person',
    });
    sources.push({
      start: a.content.start,
      end: a.content.end,
      cue: a.cue?.text ?? null,
      sourceText: a.source?.text ?? null,
      speaker,
      secondHand: !!reportedBy,
    });
    let spans: { start: number; end: number; text: string }[];
    if (a.type === 'mixed') {
      spans = quotedFragments(a.content.text, a.content.start);
      if (!spans.length) spans = [trimSpan(a.content.text, a.content.start)];
    } else if (a.type === 'indirect') {
      const m = /^\s*that\s+/i.exec(a.content.text);
      spans = [trimSpan(m ? a.content.text.slice(m[0].length) : a.content.text, a.content.start + (m ? m[0].length : 0))];
    } else spans = [trimSpan(a.content.text, a.content.start)];
    for (const sp of spans) {
      const norm = normalizeQuote(sp.text);
      if (!norm.text) continue;
      const owner = a.type === 'mixed' ? labelledOwner(article.text, sp, personNamed) : null;
      const p = paragraphAt(article.paragraphs, sp.start);
      let context = contexts.get(p);
      if (context === undefined) contexts.set(p, (context = contextSignature(article.paragraphs, p)));
      items.push({
        articleId: article.id,
        input: article.input,
        outlet: article.outlet,
        published: article.published,
        start: sp.start,
        end: sp.end,
        text: sp.text,
        type: a.type,
        speaker: owner ?? speaker,
        ...(reportedBy && !owner ? { reportedBy } : {}),
        ...(a.confidence !== undefined ? { confidence: a.confidence } : {}),
        ...(a.cue ? { cue: a.cue.text } : {}),
        sentence: sentences.span(sp.start, sp.end).text,
        wire,
        context,
        words: norm.words,
        raw: norm.raw,
        norm: norm.text,
      });
    }
  });
  const joined = joinInterruptedQuotations(items, article.text);
  const disputes = findDisputes({ articleId: article.id, input: article.input, text: article.text, sentences, people }, sources);
  const statementContext = {
    articleId: article.id,
    input: article.input,
    outlet: article.outlet,
    text: article.text,
    paragraphs: article.paragraphs,
    sentences: sentences.sentences,
    people,
  };
  // Walk-backs, denials of saying, refutations and fact-check ratings of statements (this article's
  // or any other's), what the one a statement is about says against it in its own words, and the
  // reporter's one-line answers to it ("It didn't.").
  disputes.push(
    ...findStatementDisputes(statementContext, statements),
    ...findSubjectDenials(statementContext, statements),
    ...findRebuttals(statementContext, statements),
  );
  return { items: joined, disputes, people };
}
