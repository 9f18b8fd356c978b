import { describe, expect, it } from 'vitest';
import { partiesOfRole, partyOfDescription } from './party.js';
import { extractFrom, speakerOf } from './test-support.js';

describe('parties a role gives its holder', () => {
  it('reads GOP, Republican and Democratic as parties, and stops where the role turns to someone else', () => {
    expect(partiesOfRole('GOP presidential front-runner')).toEqual(['R']);
    expect(partiesOfRole('independent Vermont senator and Democratic presidential candidate')).toEqual(['D']);
    expect(partiesOfRole('a critic of the Republican nominee')).toEqual([]);
    expect(partyOfDescription('The Democratic presidential nominee')).toBe('D');
    expect(partyOfDescription('a strategist')).toBeNull();
  });
});

describe('a party description as the speaker', () => {
  it('is the one person the article gives that party ("Dana Reyes as her GOP opponent"), not the strategist quoted before', () => {
    const atts = extractFrom(
      'Few signs show Carla Moss is doing better among Latinos, even with Dana Reyes as her GOP opponent.',
      '"Hate alone won\'t motivate somebody to vote," said Chuck Rocha, president of a consulting firm.',
      'The GOP nominee has staked much of his campaign on cracking down on illegal immigration, portraying Mexican immigrants, in particular, as "rapists" and criminals.',
    );
    expect(speakerOf(atts, 'rapists')).toBe('Dana Reyes');
  });

  it('is not someone whose party the article does not give when it gives someone that party', () => {
    const atts = extractFrom(
      'Carla Moss is doing well even with Republican Dana Reyes as her opponent. Chuck Rocha, a strategist, weighed in.',
      'The GOP nominee said that the border wall would be paid for.',
    );
    expect(speakerOf(atts, 'border wall')).toBe('Dana Reyes');
  });

  it("leaves a primary's front-runner unresolved when the one member of that party named is another candidate", () => {
    const atts = extractFrom(
      'Sen. Mark Holt (R-Fla.) said he would not run again. If voters side with Dana Reyes, Holt is finished.',
      'The GOP presidential front-runner predicted that Holt would endorse him.',
    );
    expect(speakerOf(atts, 'Holt would endorse')).not.toBe('Mark Holt');
  });
});
