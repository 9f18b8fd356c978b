import { describe, expect, it } from 'vitest';
import { attributionsOf } from '../frames/test-support.js';

describe('a described source after its cue', () => {
  it('reads "said one undecided Ohio county chairman" and "said the 52-year-old"', () => {
    expect(attributionsOf('“We are not there yet,” said one undecided Ohio county chairman.')).toMatchObject([
      { type: 'direct', source: 'one undecided Ohio county chairman' },
    ]);
    expect(attributionsOf('“We are not there yet,” said the 52-year-old.')).toMatchObject([
      { type: 'direct', source: 'the 52-year-old' },
    ]);
  });

  it('keeps "familiar with …" in the source and stops at the relative clause', () => {
    expect(
      attributionsOf('“We are not there yet,” said one delegate familiar with the talks, who asked not to be named.'),
    ).toMatchObject([{ type: 'direct', source: 'one delegate familiar with the talks' }]);
  });

  it('reads "said one owner of a shop …" right after a quotation, not a verb\'s object after a clause', () => {
    expect(
      attributionsOf('“We realized it was all lies,” said one owner of a shop that sells shoes who declined to be named.'),
    ).toMatchObject([{ type: 'direct', source: 'one owner', content: 'We realized it was all lies' }]);
    const object = attributionsOf('Kiedis said his collaborator, Danger Mouse, wrote a host of new songs for the album.');
    expect(object.some((a) => a.source === 'a host')).toBe(false);
  });

  it('reads a description before a name after the cue ("says Rosetta’s former mission manager Gerhard Schwehm")', () => {
    expect(
      attributionsOf('“We had ambitious goals,” says Rosetta’s former mission manager Gerhard Schwehm, who joined in 1985.'),
    ).toMatchObject([{ type: 'direct', source: 'Gerhard Schwehm', content: 'We had ambitious goals' }]);
    expect(attributionsOf('“I will not say it,” said retired neurosurgeon Ben Carson.')).toMatchObject([
      { source: 'Ben Carson', speaker: 'Ben Carson' },
    ]);
  });

  it('reads it after a clause too, but not a group named by example ("say experts like Paul Bauman")', () => {
    expect(attributionsOf('You can only cut costs so far, says certified financial planner Eric Roberge.')).toMatchObject([
      { source: 'Eric Roberge', content: 'You can only cut costs so far' },
    ]);
    const example = attributionsOf('Part of the problem, say experts like Paul Bauman, is the ground itself.');
    expect(example.some((a) => a.source === 'Paul Bauman')).toBe(false);
  });

  it('takes the person before "of" when the whole phrase reads as someone else ("said Trump of Clinton")', () => {
    expect(attributionsOf('“He is a liar,” said Trump of Clinton.')).toMatchObject([{ source: 'Trump', speaker: 'Trump' }]);
    expect(attributionsOf('Brad Pitt won. “It was a difficult part,” quipped Pitt of his role.')).toMatchObject([
      { source: 'Pitt', speaker: 'Brad Pitt' },
    ]);
    expect(attributionsOf('“It was a long shot,” said Stephen Vladeck of the University of Texas School of Law.')).toMatchObject([
      { speaker: 'Stephen Vladeck' },
    ]);
    expect(attributionsOf('“We won,” said Secretary of State John Kerry.')).toMatchObject([{ speaker: 'John Kerry' }]);
    expect(attributionsOf('“We won,” said Craig Holman of Public Citizen.')).toMatchObject([
      { source: 'Craig Holman of Public Citizen', speaker: 'Craig Holman' },
    ]);
  });

  it('reads an honorific and a surname before "of" as that person ("said Mr. Nevins of Showtime")', () => {
    expect(attributionsOf('David Nevins runs the network. “It is irresistible,” said Mr. Nevins of Showtime.')).toMatchObject([
      { source: 'Mr. Nevins of Showtime', speaker: 'David Nevins' },
    ]);
  });

  it('reads children and other people nouns as speakers ("asked the boy", "shouted a young boy", "Another child responded")', () => {
    expect(attributionsOf('“How big is that wall?” asked the boy, who was wearing a hat.')).toMatchObject([
      { type: 'direct', source: 'the boy' },
    ]);
    expect(attributionsOf('“That is her husband,” another child responded.')).toMatchObject([{ source: 'another child' }]);
  });

  it('reads an age and a name with a place after the cue ("wrote 43-year-old Martin Taylor of Aberdeen")', () => {
    expect(attributionsOf('“I was unable to stand,” wrote 43-year-old Martin Taylor of Aberdeen.')).toMatchObject([
      { source: 'Martin Taylor', speaker: 'Martin Taylor' },
    ]);
  });
});
