import type { Attribution } from '@quotecheck/shared/core';
import { describe, expect, it } from 'vitest';
import { resolveSpeakers } from './prepare.js';

function att(text: string, content: string, name: string): Attribution {
  const start = text.indexOf(content);
  return {
    type: 'indirect',
    content: { start, end: start + content.length, text: content },
    cue: null,
    source: null,
    speaker: { name, kind: 'person' },
  };
}

describe('resolveSpeakers', () => {
  it('takes an indefinite pronoun for nobody in particular, and keeps real names', () => {
    const text = 'Anyone claiming that the economy is in decline is peddling fiction, Barack Obama said.';
    const { speakers } = resolveSpeakers(text, [
      att(text, 'the economy is in decline is peddling fiction', 'Anyone'),
      att(text, 'the economy is in decline', 'Barack Obama'),
    ]);
    expect(speakers[0]).toEqual({ name: null, kind: 'unknown' });
    expect(speakers[1]?.name).toBe('Barack Obama');
  });
});
