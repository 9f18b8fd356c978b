import type { Attribution, Speaker } from '@quotecheck/shared/core';
import { findStatementDisputes, type StatementSource } from './disputes/statements.js';
import { type DisputeSource, findDisputes, type KnownPerson } from './disputes.js';
import { normalizeQuote } from './normalize.js';
import { fullerName, nameTokens, personKey, titleOf } from './speaker.js';
import { contextSignature, escapeRegExp, paragraphAt, SentenceIndex, wireCredit } from './text.js';
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

const EDGE = /^[\s"“”‘’'«»„‟‹›,;:–—-]+|[\s"“”‘’'«»„‟‹›,;:–—-]+$/g;

function trimSpan(text: string, start: number): { start: number; end: number; text: string } {
  const lead = text.length - text.replace(/^[\s"“”‘’'«»„‟‹›,;:–—-]+/, '').length;
  const body = text.replace(EDGE, '');
  return { start: start + lead, end: start + lead + body.length, text: body };
}

/** The quoted fragments of a mixed attribution ("…insisting that the plan was “authored by the US”"). */
function quotedFragments(text: string, start: number): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (const m of text.matchAll(/“([^“”]+)”?|"([^"]+)"/g)) {
    const inner = m[1] ?? m[2] ?? '';
    const at = start + (m.index ?? 0) + 1;
    const t = trimSpan(inner, at);
    if (t.text) out.push(t);
  }
  return out;
}

/** Finds the title written before a full name in the text ("US Secretary of State Marco Rubio"). */
function roleInText(text: string, name: string): string | undefined {
  if (nameTokens(name).length < 2) return undefined;
  const esc = escapeRegExp(name);
  const re = new RegExp(`((?:\\p{Lu}[\\p{L}.’'-]*\\s+|of\\s+|for\\s+|the\\s+){1,6})${esc}(?![\\p{L}])`, 'u');
  const m = re.exec(text);
  if (!m?.[1]) return undefined;
  const words = m[1].trim().split(/\s+/);
  const title = titleOf(words.slice(words.findIndex((w) => titleOf(w) !== undefined)).join(' '));
  if (!title) return undefined;
  const i = words.findIndex((w) => titleOf(w) !== undefined);
  // Keep a leading country/organisation word ("US Secretary of State", "Ukraine’s President").
  const lead = i > 0 && /^\p{Lu}/u.test(words[i - 1] ?? '') ? `${words[i - 1]} ` : '';
  return `${lead}${words.slice(i).join(' ')}`.replace(/\s+(the|of|for)$/i, '');
}

/** The fullest "First Last" form of a surname the text gives ("Marco Rubio" for "Rubio"). */
function fullNameInText(text: string, surname: string): string | undefined {
  const esc = escapeRegExp(surname);
  const re = new RegExp(`((?:\\p{Lu}[\\p{L}’'.-]*\\s+){1,3})${esc}(?![\\p{L}])`, 'gu');
  let best: string | undefined;
  for (const m of text.matchAll(re)) {
    const words = (m[1] ?? '').trim().split(/\s+/);
    let i = words.length;
    while (i > 0 && !titleOf(words[i - 1]!) && !/[’']s?$/.test(words[i - 1]!) && /^\p{Lu}\p{Ll}|^\p{Lu}\.$/u.test(words[i - 1]!))
      i--;
    const first = words.slice(i);
    if (!first.length) continue;
    const name = `${first.join(' ')} ${surname}`;
    if (!best || name.length > best.length) best = name;
  }
  return best;
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
): { speakers: Speaker[]; reporters: (Speaker | undefined)[]; people: KnownPerson[] } {
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
  // The fullest name and a role for each person key.
  const full = new Map<string, string>();
  const roles = new Map<string, string>();
  for (const s of [...speakers, ...reporters]) {
    if (s?.kind !== 'person' || !s.name) continue;
    const k = personKey(s.name);
    if (!k) continue;
    full.set(k, fullerName(full.get(k) ?? s.name, s.name));
    if (s.role && !roles.has(k)) roles.set(k, s.role);
  }
  for (const [k, n] of full) {
    if (nameTokens(n).length === 1) {
      const longer = fullNameInText(text, n);
      if (longer) full.set(k, longer);
    }
  }
  for (const [k, n] of full) {
    const r = roleInText(text, n);
    if (r) roles.set(k, roles.get(k) && (roles.get(k)?.length ?? 0) > r.length ? roles.get(k)! : r);
  }
  const people: KnownPerson[] = [...full].map(([key, name]) => ({ key, name }));
  const fix = (s: Speaker | undefined): Speaker | undefined => {
    if (!s) return s;
    if (s.kind === 'person' && s.name) {
      const k = personKey(s.name)!;
      const role = s.role ?? roles.get(k);
      return { name: full.get(k) ?? s.name, kind: 'person', ...(role ? { role } : {}) };
    }
    if (s.kind === 'person' && !s.name && s.role) {
      const head = s.role.toLowerCase().split(/\s+/).pop() ?? '';
      const hits = [...roles].filter(([, r]) => r.toLowerCase().split(/\s+/).includes(head));
      if (hits.length === 1) {
        const [k, r] = hits[0]!;
        return { name: full.get(k) ?? null, kind: 'person', role: r };
      }
    }
    return s;
  };
  return { speakers: speakers.map((s) => fix(s)!), reporters: reporters.map(fix), people };
}

/**
 * Turns one article's attributions into quotations to cluster (a direct quote's words; each
 * quoted fragment of a mixed attribution; an indirect attribution's content) and dispute records.
 */
export function prepareArticle(article: ArticleInput): PreparedArticle {
  const sentences = new SentenceIndex(article.text);
  const { speakers, reporters, people } = resolveSpeakers(article.text, article.attributions);
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
        speaker,
        ...(reportedBy ? { reportedBy } : {}),
        ...(a.confidence !== undefined ? { confidence: a.confidence } : {}),
        sentence: sentences.span(sp.start, sp.end).text,
        wire,
        context,
        words: norm.words,
        raw: norm.raw,
        norm: norm.text,
      });
    }
  });
  const disputes = findDisputes({ articleId: article.id, input: article.input, text: article.text, sentences, people }, sources);
  // Walk-backs, denials of saying, refutations and fact-check ratings of statements (this article's or any other's).
  disputes.push(
    ...findStatementDisputes(
      {
        articleId: article.id,
        input: article.input,
        outlet: article.outlet,
        text: article.text,
        paragraphs: article.paragraphs,
        sentences: sentences.sentences,
        people,
      },
      statements,
    ),
  );
  return { items, disputes, people };
}
