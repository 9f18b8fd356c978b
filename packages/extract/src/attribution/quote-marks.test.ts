import { describe, expect, it } from 'vitest';
import { findQuotes } from './quote-marks.js';

const inner = (text: string): string[] => findQuotes(text).map((q) => text.slice(q.start, q.end));

describe('findQuotes', () => {
  it('pairs curly, straight and guillemet marks', () => {
    expect(inner('She said “we will win” and left.')).toEqual(['we will win']);
    expect(inner('He said "no deal" twice.')).toEqual(['no deal']);
    expect(inner('Il a dit « non merci » hier.')).toEqual([' non merci ']);
  });

  it('reads a double mark after a height in feet ("5’2”", "6\'2"") as inches, not a close', () => {
    expect(inner('“He is like 6’2”, and his hands are small,” Cole said.')).toEqual([
      'He is like 6’2”, and his hands are small,',
    ]);
    expect(inner('“Someone who is 5’2”. You know what they say? You can’t trust them.”')).toEqual([
      'Someone who is 5’2”. You know what they say? You can’t trust them.',
    ]);
    expect(inner('He said "I am 6\'2" and proud" twice.')).toEqual(['I am 6\'2" and proud']);
    // a quotation ending on a number still closes
    expect(inner('“We won by 12” and left.')).toEqual(['We won by 12']);
  });

  it("pairs doubled ASCII marks (''…'' and ``…''), typewriter and TeX style", () => {
    expect(inner("Mr. Lee said, ''It's time to go.'' Then he left.")).toEqual(["It's time to go."]);
    expect(inner("``We will win,'' she said.")).toEqual(['We will win,']);
    // one mark is an apostrophe or a single quote, not a doubled opening
    expect(inner("the candidates' plans and 'nothing' else")).toEqual([]);
    // a long quotation runs on into a paragraph that reopens with the same marks
    expect(inner("''First part.\n''Second part,'' she said.")).toEqual(["First part.\n''Second part,"]);
  });

  it('closes a straight opening mark with a curly one, leaving curly quotations nested inside it alone', () => {
    expect(inner('"And I asked, well, on whose authority?” said Hill. "And he said, the President."')).toEqual([
      'And I asked, well, on whose authority?',
      'And he said, the President.',
    ]);
    expect(inner('"He called it “a farce” twice," she said.')).toEqual(['He called it “a farce” twice,']);
  });

  it('reads a right mark opening a paragraph as a mistyped opening mark', () => {
    expect(inner('Intro line.\n”Fear. I am truly afraid.” ― Ana Ruiz')).toEqual(['Fear. I am truly afraid.']);
    expect(inner('He said “yes” and ” nothing else.')).toEqual(['yes']);
  });

  it('closes a curly opening mark with a straight one when no curly close comes in its paragraph', () => {
    expect(inner('“The bridge will reopen in May," Smith said.')).toEqual(['The bridge will reopen in May,']);
    expect(inner('“One," she said. “Two," he said.\nNext “three” here.')).toEqual(['One,', 'Two,', 'three']);
    expect(inner('“Ends at the text end," she said')).toEqual(['Ends at the text end,']);
    // a curly close later in the paragraph still wins over an inner straight mark
    expect(inner('“He said "no" to me,” she said.')).toEqual(['He said "no" to me,']);
    // a straight opening after the straight close starts a new quotation
    expect(inner('“Deals are no favour," Jo Meeks said, adding that they were handed out "like candy."')).toEqual([
      'Deals are no favour,',
      'like candy.',
    ]);
    // a straight pair nested inside the curly quotation does not close it
    expect(inner('“He said, "yes," then "no" to me,” she said.')).toEqual(['He said, "yes," then "no" to me,']);
  });

  it('keeps nested single quotes inside the double quotation', () => {
    expect(inner('“They called it ‘a disaster’ on air,” she said.')).toEqual(['They called it ‘a disaster’ on air,']);
  });

  it('runs a quotation on when the next paragraph reopens without a close', () => {
    const text = '“The first part goes on.\n“And the second part ends here,” he said.';
    const qs = findQuotes(text);
    expect(qs).toHaveLength(1);
    expect(text.slice(qs[0]?.start, qs[0]?.end)).toBe('The first part goes on.\n“And the second part ends here,');
  });

  it('ends an unclosed quotation at its paragraph end and keeps going', () => {
    const text = 'She said “this never closes\nNext paragraph says “fine” today.';
    expect(inner(text)).toEqual(['this never closes', 'fine']);
  });

  it('opens a straight mark right after a sentence with no space before it, and still closes one there', () => {
    expect(inner('"We will," said Tim Kaine."So that is the theme." Then he left.')).toEqual([
      'We will,',
      'So that is the theme.',
    ]);
    expect(inner('He said "it has long been evident."Making matters worse, he left.')).toEqual(['it has long been evident.']);
  });

  it('reads a doubled opening mark as one ("“”This is unfair,” he said"), not an empty one before a space', () => {
    expect(inner('Trump weighed in. “”This is a very unfair trial,” he said.')).toEqual(['This is a very unfair trial,']);
    expect(inner('He said ""Tim has done well," Levinson said.')).toEqual(['Tim has done well,']);
    expect(inner('She typed “” and then “yes.”')).toEqual(['yes.']);
  });

  it('ignores stray closing marks, apostrophes and inch marks', () => {
    expect(inner('It’s the players’ call” they said.')).toEqual([]);
    expect(inner('He is 6\'5" tall and said "yes".')).toEqual(['yes']);
  });

  it('reads curly single marks as quotations in texts that use them as the outer mark', () => {
    expect(inner('The minister said ‘we are ready’ and the union said ‘we are not’.')).toEqual(['we are ready', 'we are not']);
  });

  it('finishes on 100,000 marks with offsets inside the text', () => {
    const text = '“a” '.repeat(25_000) + '“'.repeat(50_000);
    const qs = findQuotes(text);
    expect(qs.length).toBeGreaterThanOrEqual(25_000);
    for (const q of qs) {
      expect(q.start).toBeGreaterThanOrEqual(0);
      expect(q.end).toBeLessThanOrEqual(text.length);
      expect(q.start).toBeLessThan(q.end);
    }
    // A safety bound, not a speed test: a return to quadratic behaviour takes minutes; under a
    // loaded 2-core machine the linear code takes up to ~9 s.
  }, 60_000);
});
