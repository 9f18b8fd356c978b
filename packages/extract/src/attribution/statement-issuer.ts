/**
 * Links "the statement said" to whoever issued the statement earlier in the article: "the US
 * military said in a statement …" or "The White House issued a statement …", then "The statement
 * said …" → the US military / the White House. Without it the speaker was the document itself
 * (issue 10; goldset: 1 case).
 */
import { determinedNounAt, objectAfterVerb } from './determined-noun.js';
import type { Frame } from './frames/types.js';
import { CAPITALISED_STOPWORDS, ISSUED_DOCUMENTS, ISSUING_VERBS, MESSAGE_DETERMINERS } from './lexicon/index.js';
import { type Phrase, readMention } from './mentions.js';
import type { Token } from './sentences.js';
import type { Resolved, SpeakerRegistry } from './speaker-resolution.js';

/** Tokens a reporting verb may be separated from "in a statement" by ("said on Wednesday in a statement"). */
const MAX_GAP = 4;
/** Most words an issuing clause's subject may have ("The US State Department"). */
const MAX_SUBJECT_WORDS = 6;

/** The document noun of "a/an/its … statement" starting at token `i`, and the token after it. */
function documentAt(tokens: readonly Token[], i: number, determiners: ReadonlySet<string>): { head: string; end: number } | null {
  const d = determinedNounAt(tokens, i, determiners, ISSUED_DOCUMENTS);
  return d && { head: d.head, end: d.at + 1 };
}

/**
 * Determiners of a document named as issued or as a frame's medium: a message's own ("issued a
 * statement", "his answer", lexicon MESSAGE_DETERMINERS) and "the" ("said in the statement").
 */
const MEDIUM_DETERMINERS = new Set([...MESSAGE_DETERMINERS, 'the']);
const DEFINITE = new Set(['the', 'that', 'this']);

/** The document a reporting frame names as its medium ("said in a statement" → "statement"). */
export function documentOfFrame(tokens: readonly Token[], f: Frame): string | null {
  for (let k = f.cueB; k < f.cueB + MAX_GAP && k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.kind !== 'w' && t.text !== ',') return null;
    if (t.lower === 'in') return documentAt(tokens, k + 1, MEDIUM_DETERMINERS)?.head ?? null;
  }
  return null;
}

/** The document a source phrase names definitely ("the statement", "the joint statement"), else null. */
export function definiteDocument(tokens: readonly Token[], src: Phrase): string | null {
  const d = documentAt(tokens, src.a, DEFINITE);
  return d && d.end === src.b ? d.head : null;
}

/** The last issuer of each kind of document, in reading order. */
export class StatementIssuers {
  private readonly last = new Map<string, Resolved>();

  /** Records who issued a document of kind `head`. */
  note(head: string, issuer: Resolved): void {
    const { name, role, kind } = issuer.speaker;
    if (name) this.last.set(head, issuer);
    // An unnamed organisation read as a description ("the US military") is named by it.
    else if (role && kind === 'organization') this.last.set(head, { ...issuer, speaker: { name: role, kind } });
  }

  /** Who issued the document a frame's source names definitely, if the article said so earlier. */
  issuerFor(tokens: readonly Token[], f: Frame): Resolved | null {
    if (!f.src || f.antecedent) return null;
    const head = definiteDocument(tokens, f.src);
    return head ? (this.last.get(head) ?? null) : null;
  }

  /** Notes the issuer of a frame whose cue names its medium ("the ministry said in a statement"). */
  noteFrame(tokens: readonly Token[], f: Frame, resolved: Resolved): void {
    const head = documentOfFrame(tokens, f);
    if (head) this.note(head, resolved);
  }

  /**
   * Notes "X issued/released a statement" in the sentence `[a, b)`: X is the words from the
   * sentence start (or the last comma) to the verb, resolved against the article.
   */
  noteIssuingClause(text: string, tokens: readonly Token[], a: number, b: number, registry: SpeakerRegistry): void {
    for (let i = a + 1; i < b; i++) {
      const t = tokens[i] as Token;
      if (!ISSUING_VERBS.has(t.lower)) continue;
      const o = objectAfterVerb(tokens, i);
      const d = o < 0 ? null : documentAt(tokens, o, MEDIUM_DETERMINERS);
      if (!d) continue;
      let s = i;
      while (s > a && (tokens[s - 1] as Token).kind === 'w' && i - s < MAX_SUBJECT_WORDS) s--;
      if (s === i || (s > a && (tokens[s - 1] as Token).text !== ',')) continue;
      // "But Trump issued a tweet …": the conjunction opening the sentence is no part of the subject.
      while (s < i - 1 && CAPITALISED_STOPWORDS.has((tokens[s] as Token).text)) s++;
      const info = readMention(text, tokens, { a: s, b: i });
      if (info.kind !== 'organization' && info.kind !== 'person') continue;
      this.note(d.head, registry.resolve(info, (tokens[s] as Token).s));
    }
  }
}
