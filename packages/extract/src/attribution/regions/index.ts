/**
 * Region assignment: gives each settled frame of a sentence its content. Forward content runs to
 * the next frame that starts a new clause; content before the cue runs back to the previous
 * frame; an interrupted quotation ("“…,” he said, “…”") and "…, X said, …" take both sides.
 */

import type { Frame, Region } from '../frames/types.js';
import { ADJUNCT_AFTER_CUE, AUXILIARIES, CLAUSE_CUTS, COORD, PREPOSITIONS, SUBORDINATORS } from '../lexicon/index.js';
import type { Token } from '../sentences.js';
import { wordsIn } from '../spans.js';
import { endsOnColon, isSeparator } from '../token-tests.js';
import { contentEnd } from './content-end.js';
import { settleFrames } from './settle.js';
import { quoteBefore, regionHasQuote, span, trimRegion } from './trim.js';

/** Where the content of `live[n]` must stop: before the next frame that is not its relay. */
function contentLimit(tokens: readonly Token[], live: readonly Frame[], n: number, B: number): number {
  const f = live[n] as Frame;
  for (let m = n + 1; m < live.length; m++) {
    const g = live[m] as Frame;
    if (g.relayedBy === f) continue;
    let limit = g.side === 'inherit' ? Math.max(g.chunkA - 1, f.chunkB) : g.chunkA;
    const op = tokens[g.chunkA - 1];
    if (
      g.side !== 'inherit' &&
      op?.kind === 'w' &&
      !op.cap &&
      (SUBORDINATORS.has(op.lower) || CLAUSE_CUTS.has(op.lower) || op.lower === 'and' || op.lower === 'with')
    )
      limit = Math.max(g.chunkA - 1 - (tokens[g.chunkA - 2]?.text === ',' ? 1 : 0), f.chunkB);
    // Cut the comma or conjunction before a participle or coordinated cue.
    if (g.side === 'inherit') {
      let c = g.chunkA - 1;
      while (
        c > f.chunkB &&
        (tokens[c] as Token).kind === 'w' &&
        !(tokens[c] as Token).cap &&
        (AUXILIARIES.has((tokens[c] as Token).lower) ||
          COORD.has((tokens[c] as Token).lower) ||
          /^(after|before|while|when|by|for|without|in)$/.test((tokens[c] as Token).lower))
      )
        c--;
      limit = Math.max(c + (tokens[c]?.text === ',' ? 0 : 1), f.chunkB);
    }
    return limit;
  }
  return B;
}

/** The content before a frame's chunk, back to `floor`; not a short leading adverbial ("In August, Trump warned …"). */
function regionBefore(tokens: readonly Token[], floor: number, f: Frame): Region | null {
  const r = trimRegion(tokens, floor, f.chunkA, false);
  if (r && !regionHasQuote(tokens, r) && PREPOSITIONS.has((tokens[r.a] as Token).lower) && r.b - r.a < 8) return null;
  return r;
}

/** Whether the words from `k` open with a preposition or subordinator, maybe after a conjunction. */
function opensAdverbial(tokens: readonly Token[], k: number, b: number): boolean {
  if (COORD.has((tokens[k] as Token).lower) && k + 1 < b) k++;
  const t = tokens[k] as Token;
  // "This includes …" is a subject, whatever "this week" is.
  return t.kind === 'w' && t.lower !== 'this' && (PREPOSITIONS.has(t.lower) || SUBORDINATORS.has(t.lower));
}

/**
 * Whether a region is only scene-setting adverbials: every comma-separated piece opens with a
 * preposition or subordinator ("In the debate Saturday", "In February, as a protester was being
 * removed"). "If you do that, you lose" has a main clause and is content.
 */
function onlyAdverbials(tokens: readonly Token[], r: Region): boolean {
  let start = r.a;
  for (let k = r.a; k <= r.b; k++) {
    if (k < r.b && (tokens[k] as Token).text !== ',') continue;
    if (start < k && !opensAdverbial(tokens, start, k)) return false;
    start = k + 1;
  }
  return true;
}

/**
 * Whether the cue goes on with an object or complement of its own ("apologized to his
 * supporters", "told the story", "posted a message"), not a sentence end, a comma or a place,
 * time or topic adjunct ("said in an interview", "said of the episode").
 */
function cueTakesObject(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  return t?.kind === 'w' && !t.cap && !ADJUNCT_AFTER_CUE.has(t.lower);
}

/**
 * "In the debate Saturday, Sanders apologized to his supporters …": before a cue that takes its
 * own object, a leading adverbial is the scene, not the content. PolNeAR train: 8 such left
 * contents, none annotated.
 */
function sceneBeforeCue(tokens: readonly Token[], f: Frame, r: Region): boolean {
  return onlyAdverbials(tokens, r) && cueTakesObject(tokens, f.cueB);
}

/**
 * Where the content after "according to X" starts: past the comma that closes the source
 * ("According to the poll, voters …"). Without a comma right after the source phrase, the words
 * that follow still belong to it ("according to a poll released Thursday", "according to early
 * results of exit polls …, voters …"): the content starts after the next comma, or there is none.
 * PolNeAR train: 14 of "according to"'s 43 false positives were such source tails.
 */
function contentAfterAccording(tokens: readonly Token[], k: number, limit: number): number {
  if (tokens[k]?.text === ',' || tokens[k]?.kind === 'Q') return k;
  for (let m = k; m < limit; m++) if (tokens[m]?.text === ',') return m + 1;
  return limit;
}

/**
 * The frame's words come after a colon that closes its sentence ("In response to the attack, Trump
 * said:", "…, Trump issued the following statement:"): they open the next paragraph
 * (attribution/index.ts), and what stands before the source is the scene, not content. Before,
 * "In response to the tragic loss of life" was read as Trump's words (PolNeAR train).
 */
function wordsAfterColon(tokens: readonly Token[], f: Frame, limit: number): boolean {
  if (!endsOnColon(tokens, limit)) return false;
  for (let k = f.cueB; k < limit; k++) if (tokens[k]?.kind === 'Q') return false;
  return true;
}

/**
 * Words before a trailing "according to X" that make the clause before it its content ("“It is
 * illegal to harass a woman,” according to …"); fewer, and the content is what follows.
 */
const ACCORDING_LEAD_WORDS = 3;

/** The last "(" in tokens [floor, end) that no ")" closes before `end`, or -1. */
function openParenthesisBefore(tokens: readonly Token[], floor: number, end: number): number {
  for (let k = end - 1; k >= floor; k--) {
    const t = tokens[k];
    if (t?.kind !== 'p') continue;
    if (t.text === ')') return -1;
    if (t.text === '(') return k;
  }
  return -1;
}

/** Gives frame `f` its content regions between `floor` and `limit`. */
function giveRegions(tokens: readonly Token[], f: Frame, floor: number, limit: number, A: number): void {
  const before = (): Region | null => regionBefore(tokens, floor, f);
  if (f.side === 'right' || f.side === 'dash') {
    const r = before();
    if (r) f.regions.push(r);
    // "“…,” said X, “…”" continues after the source.
    const k = f.chunkB;
    if (tokens[k]?.text === ',' && tokens[k + 1]?.kind === 'Q') {
      const r2 = trimRegion(tokens, k + 1, Math.min(limit, k + 2), false);
      if (r2) f.regions.push(r2);
    }
  } else if (f.side === 'according') {
    // "… his recent claim that … (the actual number is closer to 15 percent, according to
    // Factcheck.org)": inside a parenthesis the source vouches for the parenthesis only.
    const open = openParenthesisBefore(tokens, floor, f.chunkA);
    const r = open >= 0 ? regionBefore(tokens, open + 1, f) : before();
    // A quotation counts its own words: "“It is illegal to harass a woman,” according to the
    // Equal Employment Opportunity Commission" had no content.
    const lead = r
      ? tokens
          .slice(r.a, r.b)
          .reduce((n, t) => n + (t.kind === 'w' ? 1 : t.kind === 'Q' ? wordsIn(t.text, ACCORDING_LEAD_WORDS) : 0), 0)
      : 0;
    if (r && lead >= ACCORDING_LEAD_WORDS) f.regions.push(r);
    else {
      const r2 = trimRegion(tokens, contentAfterAccording(tokens, f.chunkB, limit), limit, false);
      if (r2) f.regions.push(r2);
    }
  } else if (quoteBefore(tokens, f.chunkA, floor) && (f.side === 'left' || f.side === 'by')) {
    // "“…,” she said several months later": after a quotation the cue closes it; an
    // interrupted quotation goes on after it ("“My hope,” he said, “is that …”").
    const r = before();
    if (r) f.regions.push(r);
    if (f.fwd >= 0 && f.fwd < limit && tokens[f.fwd]?.kind === 'Q' && tokens[f.fwd - 1]?.text === ',') {
      const r2 = trimRegion(tokens, f.fwd, Math.min(limit, f.fwd + 1), false);
      if (r2) f.regions.push(r2);
    }
  } else if (f.fwd < 0 && f.side === 'left' && tokens[f.chunkA - 1]?.text === ',' && tokens[f.cueB]?.text === ',') {
    // "…, Mr. Obama said, a majority have come to believe …": both sides are the content.
    const r = trimRegion(tokens, f.cueB + 1, contentEnd(tokens, { ...f, fwd: f.cueB }, A, limit), false);
    const l = before();
    // "During his years in office, Mr. Obama said, a majority …": a leading adverbial is the scene.
    const pick = l && r ? (span(tokens, l) > span(tokens, r) && !onlyAdverbials(tokens, l) ? l : r) : (l ?? r);
    if (pick) f.regions.push(pick);
  } else if (f.fwd >= 0 && f.fwd < limit) {
    const r = trimRegion(tokens, f.fwd, contentEnd(tokens, f, A, limit), f.fwdThat);
    if (r) {
      // "The talks, X said, “…”": the part before the chunk is content too; keep the larger.
      const l = isSeparator(tokens[f.chunkA - 1]) && f.chunkA - 1 > floor ? before() : null;
      if (
        l &&
        f.side === 'left' &&
        !regionHasQuote(tokens, r) &&
        span(tokens, l) > span(tokens, r) &&
        tokens[f.fwd - 1]?.text === ','
      )
        f.regions.push(l);
      else f.regions.push(r);
    }
  } else if (f.side === 'left' && (isSeparator(tokens[f.chunkA - 1]) || f.chunkA === A) && !wordsAfterColon(tokens, f, limit)) {
    const r = before();
    if (r && !sceneBeforeCue(tokens, f, r)) f.regions.push(r);
  }
}

/**
 * Settles overlapping frames and gives each its content: forward content runs to the next frame
 * that starts a new clause; a frame nested at the start of another's content is a reporting chain
 * ("said they were told by X that …") or part of the content ("said he hopes …").
 */
export function assignRegions(tokens: readonly Token[], frames: Frame[], A: number, B: number): Frame[] {
  const live = settleFrames(tokens, frames, A, B);
  let floor = A;
  for (let n = 0; n < live.length; n++) {
    const f = live[n] as Frame;
    if (f.dropped) {
      floor = Math.max(floor, f.chunkB);
      continue;
    }
    giveRegions(tokens, f, floor, contentLimit(tokens, live, n, B), A);
    const lastRegion = f.regions[f.regions.length - 1];
    floor = Math.max(floor, f.chunkB, lastRegion ? lastRegion.b : 0);
  }
  return live;
}
