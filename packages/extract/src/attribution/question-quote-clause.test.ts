import { describe, expect, it } from 'vitest';
import { extractFrom as run, speakerOf } from './test-support.js';

describe('a question or exclamation quotation is credited by the reporting clause after it', () => {
  it('gives `"…?" Schiff asked` to Schiff, not to the previous speaker', () => {
    const atts = run(
      '“We have followed every rule,” Republican Rep. Devin Nunes said on Tuesday.',
      '“Why would we do that?” Schiff asked.',
    );
    expect(speakerOf(atts, 'Why would we do that')).toBe('Schiff');
  });

  it('gives `"…!" Sen. Maria Cantwell shouted` to Cantwell', () => {
    const atts = run(
      '“The vote is final,” Senate Majority Leader John Thune said.',
      '“This is a disgrace!” Sen. Maria Cantwell shouted.',
    );
    expect(speakerOf(atts, 'This is a disgrace')).toContain('Cantwell');
  });

  it('still ends the sentence when the next words are not a reporting clause', () => {
    const atts = run(
      '“Who pays for the war?” Smith asked on Monday.',
      '“Will it end?” Analysts expect more fighting in the spring.',
    );
    expect(speakerOf(atts, 'Who pays for the war')).toBe('Smith');
    expect(atts.some((a) => a.content.text.includes('Will it end') && a.speaker.name === 'Analysts')).toBe(false);
  });

  it('gives the answer after `X asked “…?” Y responded that “…”` to Y, and the question to X', () => {
    const atts = run(
      'The commission met in Miami on Thursday.',
      'After Peggy Bell asked “Who will pay for the new bridge?” Mr. Josenrique Cueto responded that “the county will cover the cost.”',
    );
    expect(speakerOf(atts, 'Who will pay for the new bridge')).toBe('Peggy Bell');
    expect(speakerOf(atts, 'the county will cover the cost')).toBe('Josenrique Cueto');
    const question = atts.find((a) => a.content.text.includes('Who will pay'));
    expect(question?.content.text).not.toContain('Cueto');
  });

  it('ends the quotation at its mark but reports nothing when the clause after it quotes nothing', () => {
    const atts = run(
      'Kirsten Gillibrand spoke on Monday.',
      'A senator told her “I like my girls chubby!” Ms. Gillibrand did not reveal his name.',
    );
    expect(atts.find((a) => a.content.text.includes('chubby'))?.content.text).not.toContain('reveal');
    expect(atts.some((a) => a.content.text.includes('his name') && !a.content.text.includes('chubby'))).toBe(false);
  });

  it('ends a sentence-opening "Asked what he thought …," at its comma and gives the quotation after it to the one asked', () => {
    const atts = run(
      'One organizer was Walter A. Clyburn Reed, the grandson of Congressman James Clyburn.',
      'Asked why he settled on Sanders, Alex Blocker said, "He is a candidate who has fought for civil rights."',
      'Asked what he thought when people view voters of color as a monolithic group, Walter said, "That is very untrue."',
    );
    expect(speakerOf(atts, 'That is very untrue')).toBe('Walter A. Clyburn Reed');
    expect(atts.find((a) => a.content.text.includes('monolithic'))?.content.text).not.toContain('untrue');
  });
});
