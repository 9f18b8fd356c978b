/** Test helper for the frame and source tests: the attributions of one short text, flattened. */
import { extractAttributions } from '../index.js';

/** One attribution reduced to the fields the pattern tests compare. */
export interface Flat {
  type: string;
  content: string;
  cue: string | null;
  source: string | null;
  speaker: string | null;
  reportedBy?: string;
}

/** The attributions of `text` (one paragraph), flattened for comparison. */
export function attributionsOf(text: string): Flat[] {
  return extractAttributions({ text, paragraphs: [text] }).map((a) => {
    const f: Flat = {
      type: a.type,
      content: a.content.text,
      cue: a.cue?.text ?? null,
      source: a.source?.text ?? null,
      speaker: a.speaker.name,
    };
    if (a.reportedBy?.source) f.reportedBy = a.reportedBy.source.text;
    return f;
  });
}

/** Speaker, cue and content of each attribution of `paragraphs` (a frame whose words open the next paragraph). */
export function overParagraphs(...paragraphs: string[]): { speaker: string | null; cue: string | null; content: string }[] {
  return extractAttributions({ text: paragraphs.join('\n'), paragraphs }).map((a) => ({
    speaker: a.speaker.name,
    cue: a.cue?.text ?? null,
    content: a.content.text,
  }));
}
