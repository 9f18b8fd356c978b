import { describe, expect, it } from 'vitest';
import { extractFrom, speakerOf } from './test-support.js';

describe('lone quotation sentences', () => {
  it('a lone quotation sentence waits for the bare "Trump said." after it, not the previous paragraph', () => {
    const atts = extractFrom(
      'Carla Mendes said the emails were handled properly.',
      '“Russia, if you are listening, I hope you are able to find the emails.” Trump said.',
    );
    expect(speakerOf(atts, 'Russia, if you are listening')).toBe('Trump');
  });

  it("a lone quotation after a sentence its paragraph opens with a person is that person's, not the previous paragraph speaker's", () => {
    const atts = extractFrom(
      '“We are not confident that could happen,” Carla Mendes said.',
      'Rob Aderholt returned to the issue later in the hearing. “What commercial barges exist today that could carry the locks?”',
    );
    expect(speakerOf(atts, 'What commercial barges')).toBe('Rob Aderholt');
  });

  it('without a reporting clause after it, the quotation still continues the previous speaker', () => {
    const atts = extractFrom(
      'Carla Mendes said the emails were handled properly.',
      '“We kept every record we were asked to keep.”',
    );
    expect(speakerOf(atts, 'We kept every record')).toBe('Carla Mendes');
  });

  it('a quotation whose words end inside a nested quotation (“… after you.’”) ends its sentence', () => {
    const atts = extractFrom(
      '“This looks like a scare tactic,” added Rep. Elijah E. Cummings. “I am sure they see this as a message of fear — ‘ignore the science or we will come after you.’” Jason Chaffetz said the request was routine.',
    );
    expect(speakerOf(atts, 'I am sure they see this')).toBe('Elijah E. Cummings');
  });

  it('a relative clause in the next sentence ("nations who disagreed with her") takes no quotation before it', () => {
    const atts = extractFrom(
      'Mendes had many successes of her own. “Look at what has happened to the canal in two years. Now the canal is respected.” And Mendes was widely respected by her colleagues, even those from nations who disagreed with her.',
    );
    const quote = atts.find((a) => a.content.text.startsWith('Look at what has happened'));
    expect(quote?.source?.text).not.toBe('who');
  });

  it('"X did not respond to a request for comment" takes no quotation before it', () => {
    const atts = extractFrom(
      '“This looks like a scare tactic,” said Rep. Elijah E. Cummings.',
      '“I am sure there are a lot of career scientists who see this as a terrible message.” Committee Chairman Jason Chaffetz, R-Utah, did not respond to a request for comment.',
    );
    expect(speakerOf(atts, 'I am sure there are a lot of career scientists')).toBe('Elijah E. Cummings');
  });

  it('keeps continuing the speaker when the next sentence reports inside a clause that opens otherwise', () => {
    const atts = extractFrom(
      '“You are only seeing the tenth of the iceberg,” Joan Walton said. “It makes it dense in a really powerful way.” When his editors would ask him to explain himself more, he would respond, “I have a horror of being obvious.”',
    );
    expect(speakerOf(atts, 'dense in a really powerful way')).toBe('Joan Walton');
    // a reporting clause opening the next sentence still takes the quotation before it
    const credited = extractFrom(
      '“You are only seeing the tenth of the iceberg,” Joan Walton said. “It makes it dense in a really powerful way.” He Jianxiong, a former director, said at a forum in Washington.',
    );
    // (a name opening with a word the source phrase leaves out, "He", too)
    expect(speakerOf(credited, 'dense in a really powerful way')).toContain('Jianxiong');
  });
});
