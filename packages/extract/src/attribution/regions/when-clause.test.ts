import { describe, expect, it } from 'vitest';
import { attributionsOf } from '../frames/test-support.js';

describe('a report in a ", when …" clause', () => {
  it('keeps ", when he called X “…”" as its own report, the outer content stopping before it', () => {
    const atts = attributionsOf(
      'Mayor Hale spoke at the forum.\n\nHale went after Cole at the forum, refusing to recant earlier remarks, when he called the councillor “unhinged.”',
    );
    expect(atts.map((a) => [a.cue, a.content])).toEqual([
      ['refusing', 'to recant earlier remarks'],
      ['called', 'the councillor “unhinged.”'],
    ]);
  });
});
