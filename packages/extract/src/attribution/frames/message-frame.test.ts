import { describe, expect, it } from 'vitest';
import { attributionsOf, overParagraphs } from './test-support.js';

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

  it('credits the quotation opening the next paragraph to "X issued the following statement:" and "X made the following comment:"', () => {
    const words = '“Our thoughts are with the victims and their families.”';
    expect(overParagraphs('Republican nominee Donald Trump issued the following statement:', words, 'More followed.')).toEqual([
      { speaker: 'Donald Trump', cue: 'issued the following statement', content: words.slice(1, -1) },
    ]);
    expect(
      overParagraphs('On July 6, 2015, Bernie Sanders made the following comment:', '“The unemployment rate is 51 percent.”'),
    ).toEqual([
      { speaker: 'Bernie Sanders', cue: 'made the following comment', content: 'The unemployment rate is 51 percent.' },
    ]);
    expect(
      overParagraphs('Senator Elizabeth Warren released the following remarks:', '“We will keep fighting.”')[0],
    ).toMatchObject({ speaker: 'Elizabeth Warren', cue: 'released the following remarks' });
  });

  it('takes "the" before a message only as "the following", and a colon closing a paragraph only before a quotation', () => {
    // "the statement" is one told before: its words are not what comes next
    expect(
      overParagraphs('Donald Trump issued the statement:', '“Our thoughts are with the victims.”').filter((a) =>
        a.cue?.startsWith('issued'),
      ),
    ).toEqual([]);
    expect(
      overParagraphs('Donald Trump issued the following statement:', 'Our thoughts are with the victims.').filter((a) =>
        a.cue?.startsWith('issued'),
      ),
    ).toEqual([]);
  });

  it('reads a scene before the source of a colon closing its paragraph as no part of the words', () => {
    const words = '“Our prayers are with all those affected.”';
    for (const lead of [
      'In response to the tragic loss of life, Donald Trump said:',
      'In response to the tragic loss of life, Donald Trump issued the following statement:',
    ])
      expect(overParagraphs(lead, words)).toEqual([
        { speaker: 'Donald Trump', cue: lead.slice(lead.indexOf('Trump') + 6, -1), content: words.slice(1, -1) },
      ]);
  });
});
