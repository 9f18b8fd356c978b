import { describe, expect, it } from 'vitest';
import { attributionsOf } from '../frames/test-support.js';

describe('a leading adverbial is the scene, not the content', () => {
  it('gives no content to "In <scene>, X apologized to …": the cue has its own object', () => {
    const atts = attributionsOf(
      'In the town hall on Tuesday evening in Concord, the governor apologized to the teachers for the delay.',
    );
    expect(atts.some((a) => a.content.startsWith('In the town hall'))).toBe(false);
  });

  it('still reads a clause before "X said in an interview" as the content', () => {
    expect(attributionsOf('If the mill closes, the whole valley will suffer, the mayor said in an interview.')).toMatchObject([
      { cue: 'said', source: 'the mayor', content: 'If the mill closes, the whole valley will suffer' },
    ]);
  });

  it('takes the clause after "During <scene>, X said, …" rather than the scene', () => {
    const [a] = attributionsOf(
      'During her eleven long years on the council, Ms. Okafor said, the harbour district has doubled in size.',
    );
    expect(a).toMatchObject({ cue: 'said', source: 'Ms. Okafor', content: 'the harbour district has doubled in size' });
  });

  it('keeps a subject "This …" before the cue as content', () => {
    const [a] = attributionsOf('This includes a new fund for rural clinics, the minister told a panel on Wednesday.');
    expect(a).toMatchObject({ cue: 'told', content: 'This includes a new fund for rural clinics' });
  });
});
