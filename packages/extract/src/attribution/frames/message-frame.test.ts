import { describe, expect, it } from 'vitest';
import { attributionsOf } from './test-support.js';

describe('message frame', () => {
  it('credits "X issued a statement saying …" to X, the cue running from the verb', () => {
    expect(
      attributionsOf('Black Lives Matter issued a statement saying it took the action "because of the unsafe conditions."'),
    ).toMatchObject([
      {
        type: 'mixed',
        cue: 'issued a statement saying',
        source: 'Black Lives Matter',
        content: 'it took the action "because of the unsafe conditions."',
      },
    ]);
  });

  it('never makes the statement itself the speaker, with a time between', () => {
    const [a] = attributionsOf('Trump released a statement Tuesday saying, “We will not back down.”');
    expect(a).toMatchObject({ source: 'Trump', speaker: 'Trump', content: 'We will not back down.' });
  });

  it('credits a quotation after "delivered a blunt message to Trump:" to the one who delivered it', () => {
    const [a] = attributionsOf(
      'Senate Majority Leader Mitch McConnell delivered a blunt message to Trump: "It\'s time to quit attacking various people and get on message."',
    );
    expect(a).toMatchObject({
      type: 'direct',
      cue: 'delivered a blunt message',
      source: 'Senate Majority Leader Mitch McConnell',
      speaker: 'Mitch McConnell',
      content: "It's time to quit attacking various people and get on message.",
    });
  });

  it('reads the verb as part of the frame, not as a cue of its own ("posted", "offered")', () => {
    expect(attributionsOf('Rubio posted a message on X saying the plan was "authored by the US."')).toMatchObject([
      { cue: 'posted a message on X saying', source: 'Rubio', content: 'the plan was "authored by the US."' },
    ]);
    expect(attributionsOf('Clinton offered a warning to her supporters: “Don’t take anything for granted.”')).toMatchObject([
      { type: 'direct', cue: 'offered a warning', source: 'Clinton', content: 'Don’t take anything for granted.' },
    ]);
  });

  it('takes "put out" but not "put" alone', () => {
    expect(attributionsOf('Sanders put out a statement: “This is a victory for working families.”')).toMatchObject([
      { source: 'Sanders', cue: 'put out a statement' },
    ]);
    expect(attributionsOf('Sanders put a statement: “This is a victory.”').filter((a) => a.cue === 'put a statement')).toEqual(
      [],
    );
  });

  it('wants a quotation after the colon', () => {
    expect(
      attributionsOf('The senator issued a statement: the vote is delayed.').filter((a) => a.cue?.startsWith('issued')),
    ).toEqual([]);
  });
});
