import { describe, expect, it } from 'vitest';
import { attributionsOf } from './test-support.js';

describe('inverted lead cue', () => {
  it('credits "Asked a supporter in the crowd: “…?”" to the supporter', () => {
    expect(attributionsOf('Asked a supporter in the crowd: “Where is the money?”')).toEqual([
      { type: 'direct', content: 'Where is the money?', cue: 'Asked', source: 'a supporter in the crowd', speaker: null },
    ]);
  });

  it('reads "Said one official, “…”" with a comma before the quotation', () => {
    const [a] = attributionsOf('Said one official, “We are broke.”');
    expect(a).toMatchObject({ cue: 'Said', source: 'one official', content: 'We are broke.' });
  });

  it('leaves "Asked about the budget, Doe replied: “…”" to the verb after the name', () => {
    const direct = attributionsOf('Asked about the budget, Doe replied: “We are broke.”').filter((x) => x.type === 'direct');
    expect(direct).toEqual([{ type: 'direct', content: 'We are broke.', cue: 'replied', source: 'Doe', speaker: 'Doe' }]);
  });
});
