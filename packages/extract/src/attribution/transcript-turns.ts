/**
 * Transcript turns: an article that prints part of an interview or debate gives each turn a
 * paragraph opening with the speaker's label in capitals and a colon ("PENCE: Well, look, …",
 * "JAKE TAPPER: Donald Trump released …"), often inside an opening quotation mark that the next
 * turn's paragraph opens again ("“RAMOS: Secretary Clinton, did you lie to them?"). The whole turn
 * is that speaker's words, and so are the quoted paragraphs after it that no label opens ("“But
 * the truth is …"), as PolNeAR annotates them. Read sentence by sentence, a turn had credited its
 * first clause to an organisation called "CLINTON", or nothing at all, and the quoted paragraphs
 * had continued whoever spoke last before the transcript.
 */
import type { Attribution, Span, Speaker } from '@quotecheck/shared';
import { TRANSCRIPT_TURN } from './confidence.js';
import { isNotASpeakerLabel } from './frames/colon-credit.js';
import { spanOf } from './spans.js';

/**
 * A turn's label: an optional opening quotation mark, then one to three words in capitals (two
 * letters or more, with an apostrophe, hyphen or full stop inside: "O'ROURKE", "MR. TRUMP"), then
 * a colon and the turn's first word.
 */
const TURN = /^[ \t]*(["“'‘]?)[ \t]*(\p{Lu}[\p{Lu}'’.-]*\p{Lu}\.?(?:[ \t]+\p{Lu}[\p{Lu}'’.-]*\p{Lu}\.?){0,2}):[ \t]+(?=\S)/u;

/** Distinct labels an article needs before its capitalised labels read as a transcript's speakers. */
const MIN_SPEAKERS = 2;

/**
 * Words of someone speaking rather than of a report: a first- or second-person pronoun, or a
 * question ("US", the country, is none). Datelines in capitals ("KYIV: Ukrainian forces said …",
 * "MOSCOW: The Kremlin said …") have the shape of turns but report in the third person.
 */
const SPOKEN =
  /\b(?:I|I['’](?:m|ve|ll|d)|[Mm]e|[Mm]y|[Ww]e|[Ww]e['’](?:re|ve|ll|d)|[Uu]s|[Oo]ur|[Yy]ou|[Yy]ou['’](?:re|ve|ll|d)|[Yy]our)\b|\?/u;

/**
 * Quoted words inside a turn: someone else's, so no sign of the turn's own voice ("KYIV: “We
 * repelled them,” the army said." is still a dateline).
 */
const QUOTED = /“[^“”]*”|"[^"]*"/gu;

/** Share of an article's turns that must read as spoken ({@link SPOKEN}) for its labels to be speakers. */
const MIN_SPOKEN_SHARE = 0.5;

/** Opening quotation marks a continuing paragraph of a quoted transcript starts with. */
const OPENING_MARK = /^[ \t]*["“'‘]/u;

/** One paragraph's turn label, where its words start, and whether it opened with a quotation mark. */
interface TurnLine {
  index: number;
  end: number;
  label: Span;
  colon: number;
  words: number;
  quoted: boolean;
}

/** The turns of an article, and those of `found` they replace. */
export interface TranscriptTurns {
  turns: Attribution[];
  /**
   * Records inside a turn with no cue of their own or credited by its label (a colon credit of
   * its first clause, a quotation continuing an earlier speaker): the turn says who. A report
   * the speaker makes in the turn ("as “The Wall Street Journal” wrote") stays.
   */
  superseded: ReadonlySet<Attribution>;
}

/**
 * The transcript turns of `text` (paragraphs joined with "\n", starting at `starts`), one record
 * per turn; `speakerOf` resolves a label written in capitals ("Pence", "Jake Tapper") at an offset.
 * None unless at least {@link MIN_SPEAKERS} different labels take turns (a lone "UPDATE:" or a
 * newsletter's recurring "HUFFPOLLSTER:" is no dialogue) and most turns read as spoken words.
 */
export function transcriptTurns(
  text: string,
  starts: readonly number[],
  found: readonly Attribution[],
  speakerOf: (label: string, pos: number) => Speaker,
): TranscriptTurns {
  const lines = turnLines(text, starts);
  const labels = new Set(lines.map((l) => l.label.text));
  const spoken = lines.filter((l) => SPOKEN.test(text.slice(l.words, l.end).replace(QUOTED, ' '))).length;
  if (labels.size < MIN_SPEAKERS || spoken < lines.length * MIN_SPOKEN_SHARE) return { turns: [], superseded: new Set() };
  const turns: Attribution[] = [];
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n] as TurnLine;
    const end = turnEnd(text, starts, line, lines[n + 1]);
    if (end <= line.words) continue;
    const content = spanOf(text, line.words, end);
    const cue = spanOf(text, line.colon, line.colon + 1);
    turns.push({
      type: 'direct',
      content,
      cue,
      source: line.label,
      speaker: readable(speakerOf(titleCase(line.label.text), line.label.start)),
      paragraph: line.index,
      confidence: TRANSCRIPT_TURN,
    });
  }
  return { turns, superseded: supersededBy(turns, found) };
}

/**
 * The records of `found` inside a turn (its label or words) that the turn replaces
 * ({@link creditedByTurn}). Turns are disjoint and in text order, so each record binary-searches
 * the first turn ending after its start: linear in records and turns (checking every record
 * against every turn took 10 s on a page of 40,000 one-line turns).
 */
function supersededBy(turns: readonly Attribution[], found: readonly Attribution[]): Set<Attribution> {
  const out = new Set<Attribution>();
  if (!turns.length) return out;
  const from = (t: Attribution) => (t.source as Span).start;
  for (const a of found) {
    let lo = 0;
    let hi = turns.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((turns[mid] as Attribution).content.end <= a.content.start) lo = mid + 1;
      else hi = mid;
    }
    for (let t = lo; t < turns.length && from(turns[t] as Attribution) < a.content.end; t++) {
      if (creditedByTurn(a, (turns[t] as Attribution).cue as Span)) {
        out.add(a);
        break;
      }
    }
  }
  return out;
}

/** Every paragraph that opens with a speaker's label, in text order. */
function turnLines(text: string, starts: readonly number[]): TurnLine[] {
  const out: TurnLine[] = [];
  for (let p = 0; p < starts.length; p++) {
    const start = starts[p] as number;
    const end = p + 1 < starts.length ? (starts[p + 1] as number) - 1 : text.length;
    const m = TURN.exec(text.slice(start, Math.min(end, start + 80)));
    if (!m) continue;
    const label = m[2] as string;
    if (isNotASpeakerLabel(label.toLowerCase())) continue;
    const labelAt = start + m[0].indexOf(label, (m[1] as string).length);
    out.push({
      index: p,
      end,
      label: spanOf(text, labelAt, labelAt + label.length),
      colon: labelAt + label.length,
      words: start + m[0].length,
      quoted: !!m[1],
    });
  }
  return out;
}

/**
 * Where a turn's words end: its paragraph's end, or, in a quoted transcript, the end of the last
 * quoted paragraph after it that no label opens, up to the next turn; without its closing mark.
 */
function turnEnd(text: string, starts: readonly number[], line: TurnLine, next: TurnLine | undefined): number {
  let end = line.end;
  if (line.quoted) {
    for (let p = line.index + 1; p < starts.length && (!next || p < next.index); p++) {
      const start = starts[p] as number;
      const pEnd = p + 1 < starts.length ? (starts[p + 1] as number) - 1 : text.length;
      const para = text.slice(start, pEnd);
      if (!para.trim()) continue;
      if (!OPENING_MARK.test(para) || isStageDirection(para) || FOLLOW_LINE.test(para)) break;
      end = pEnd;
    }
  }
  while (end > line.words && /\s/u.test(text[end - 1] as string)) end--;
  if (unmatchedClosingMark(text.slice(line.words, end))) end--;
  return end;
}

/**
 * "Follow Pam Key on Twitter @pamkeyNEN.": the writer's sign-off, which a quoted transcript's
 * page can print inside the same quotation marks as the turns.
 */
const FOLLOW_LINE = /^[ \t]*["“'‘]?[ \t]*Follow\b[^\n]{0,80}\b(?:on|at)\s+(?:Twitter|X|Facebook|Instagram|Threads|Bluesky)\b/u;

/** "(CROSSTALK.)", "(LAUGHTER)": a transcriber's note in brackets, no one's words. */
function isStageDirection(para: string): boolean {
  return /^[ \t]*["“'‘]?[ \t]*[([][^)\]]*[)\]]\W*$/u.test(para);
}

/** Whether a turn's text ends on a closing quotation mark that nothing in it opened (the quoted transcript's own). */
function unmatchedClosingMark(words: string): boolean {
  const last = words[words.length - 1];
  if (last === '”') return count(words, '”') > count(words, '“');
  if (last === '"') return count(words, '"') % 2 === 1;
  return false;
}

function count(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) n++;
  return n;
}

/** Whether a record in a turn is credited by nothing the turn's speaker says: no cue, or the turn's own colon. */
function creditedByTurn(a: Attribution, colon: Span): boolean {
  return !a.cue || (a.cue.start === colon.start && a.cue.end === colon.end) || a.source?.end === colon.start;
}

/** A speaker whose name the article wrote only in capitals (a transcript's "JAKE TAPPER: …"), title-cased. */
function readable(speaker: Speaker): Speaker {
  const name = speaker.name;
  return name && name === name.toUpperCase() && /\p{Lu}/u.test(name) ? { ...speaker, name: titleCase(name) } : speaker;
}

/** "JAKE TAPPER" → "Jake Tapper", "O'ROURKE" → "O'Rourke": a label read as a name. */
function titleCase(label: string): string {
  return label.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}
