import { describe, expect, it } from 'vitest';
import { extractFrom as run, speakerOf } from './test-support.js';

describe('"the statement said" is credited to whoever issued the statement', () => {
  it('after "X said in a statement"', () => {
    const atts = run(
      'Two soldiers were killed in a helicopter crash, the US military said in a statement on Wednesday.',
      '“The cause of the crash is under investigation,” the statement said.',
    );
    expect(speakerOf(atts, 'cause of the crash')).toBe('US military');
  });

  it('after "X issued a statement"', () => {
    const atts = run(
      'The White House issued a statement late on Friday.',
      'The statement said the president would sign the bill next week.',
    );
    expect(speakerOf(atts, 'sign the bill')).toBe('White House');
  });

  it('stays the document when the article never says who issued it', () => {
    const atts = run('The ministry hosted talks in Geneva.', '“Progress was made,” the statement said.');
    expect(atts.find((a) => a.content.text.includes('Progress was made'))?.speaker.kind).toBe('document');
  });
});
