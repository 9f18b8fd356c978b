import { describe, expect, it } from 'vitest';
import { extractFrom, speakerOf } from './test-support.js';

describe('transcript turns', () => {
  it('credits each labelled paragraph of a transcript, whole, to the person its label names', () => {
    const atts = extractFrom(
      'Democratic nominee Hillary Clinton debated Senator Bernie Sanders on Wednesday.',
      'RAMOS: Secretary Clinton, did you lie to them?',
      'CLINTON: I feel a great deal of sympathy for the families, but she is wrong. She is absolutely wrong.',
    );
    const turn = atts.find((a) => a.content.text.startsWith('I feel'));
    expect(turn?.type).toBe('direct');
    expect(turn?.content.text).toBe(
      'I feel a great deal of sympathy for the families, but she is wrong. She is absolutely wrong.',
    );
    expect(turn?.source?.text).toBe('CLINTON');
    expect(turn?.cue?.text).toBe(':');
    expect(speakerOf(atts, 'absolutely wrong')).toBe('Hillary Clinton');
    expect(speakerOf(atts, 'did you lie')).toBe('Ramos');
  });

  it('reads a quoted transcript: the opening marks, the quoted paragraphs after a turn, without stage directions or the sign-off', () => {
    const atts = extractFrom(
      'Republican vice-presidential nominee Mike Pence spoke on “Fox News Sunday.”',
      '"WALLACE: Will she be there?',
      '"PENCE: She will not be attending the debate. We are focused on the issues.',
      '"But the truth is that he has a unique way of communicating.',
      '"(CROSSTALK.)',
      '"JAKE TAPPER: One more question, Governor.',
      '"Follow Pam Key on Twitter @pamkeyNEN."',
    );
    expect(speakerOf(atts, 'She will not be attending')).toBe('Mike Pence');
    expect(speakerOf(atts, 'unique way of communicating')).toBe('Mike Pence');
    expect(atts.find((a) => a.content.text.includes('CROSSTALK'))).toBeUndefined();
    expect(speakerOf(atts, 'One more question')).toBe('Jake Tapper');
    expect(atts.find((a) => a.content.text.includes('Pam Key'))).toBeUndefined();
  });

  it('keeps a report the speaker makes inside a turn', () => {
    const atts = extractFrom(
      'TAPPER: Governor, here is the video. “We will heal,” Trump said on Friday. What do you think?',
      'FALLIN: Well, I think the whole nation needs to work together.',
    );
    expect(atts.find((a) => a.content.text === 'We will heal')?.cue?.text).toBe('said');
    expect(speakerOf(atts, 'here is the video')).toBe('Tapper');
    expect(speakerOf(atts, 'whole nation')).toBe('Fallin');
  });

  it('reads no transcript from one label alone or from page furniture', () => {
    const single = extractFrom('HUFFPOLLSTER: Clinton leads in the latest polls.', 'HUFFPOLLSTER: Trump gains in Ohio.');
    expect(single.filter((a) => a.type === 'direct')).toEqual([]);
    const furniture = extractFrom('UPDATE: The vote was delayed.', 'CORRECTION: An earlier version misspelled a name.');
    expect(furniture).toEqual([]);
    // datelines in capitals report in the third person: no dialogue of Kyiv and Moscow
    const datelines = extractFrom(
      'KYIV: Ukrainian forces repelled an attack overnight, the army reported.',
      'MOSCOW: The Kremlin said talks with the US would continue next week.',
      'WASHINGTON: “We are watching closely,” the White House said.',
    );
    expect(datelines.filter((a) => /^(KYIV|MOSCOW|WASHINGTON)$/.test(a.source?.text ?? ''))).toEqual([]);
  });
});
