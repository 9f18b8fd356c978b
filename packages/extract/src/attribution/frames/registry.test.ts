import { describe, expect, it } from 'vitest';
import { FRAME_PATTERNS } from './registry.js';

describe('frame registry', () => {
  it('lists the patterns in their precedence order', () => {
    expect(FRAME_PATTERNS.map((p) => p.name)).toEqual([
      'inverted lead cue',
      'colon credit',
      'dash credit',
      'according to',
      'as X put it',
      'nominal cue',
      'message frame',
      'message by',
      'passive by',
      'quoted as',
      'other passive (no frame)',
      'relayed quote',
      'message gerund',
      'verb frame',
    ]);
  });

  it('keeps scopes in the order they are tried (sentence, token, cue), so array order is the precedence', () => {
    const rank = { sentence: 0, token: 1, cue: 2 } as const;
    const ranks = FRAME_PATTERNS.map((p) => rank[p.scope]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('tries the passive patterns before the active ones that read the same cue', () => {
    const names = FRAME_PATTERNS.map((p) => p.name);
    expect(names.indexOf('other passive (no frame)')).toBeLessThan(names.indexOf('verb frame'));
    expect(names.indexOf('passive by')).toBeLessThan(names.indexOf('other passive (no frame)'));
  });
});
