import { describe, expect, it } from 'vitest';
import { attributionsOf } from '../frames/test-support.js';
import { SOURCE_RULES } from './index.js';

const sourceOf = (text: string, cue = 'said') => attributionsOf(text).find((a) => a.cue === cue);

describe('source strategies', () => {
  it('noun phrase left: the phrase before the cue', () => {
    expect(sourceOf('A person familiar with the talks said the deal was close.')).toMatchObject({
      source: 'A person familiar with the talks',
      content: 'the deal was close',
    });
  });

  it('noun phrase left: "briefed on" after an anonymous source describes it and is no cue', () => {
    expect(attributionsOf('“We are close to a deal,” a person briefed on the talks said.')).toMatchObject([
      { cue: 'said', source: 'a person briefed on the talks', content: 'We are close to a deal' },
    ]);
    // with an object the verb reports ("officials briefed reporters")
    expect(sourceOf('Officials briefed reporters that the plan was ready.', 'briefed')).toMatchObject({
      source: 'Officials',
      content: 'the plan was ready',
    });
    // the description stops where a clause of its own begins
    expect(
      sourceOf('People briefed on the reshuffling were adamant that his children would seek to block a return.', 'seek'),
    ).not.toMatchObject({ source: expect.stringContaining('briefed') });
    // a relative clause keeps its auxiliary
    expect(sourceOf('People who were briefed on the talks said the deal was close.')).toMatchObject({
      source: 'People who were briefed on the talks',
    });
  });

  it('why a source is unnamed reports nothing: "not authorized to discuss", "spoke on condition of anonymity"', () => {
    const atts = attributionsOf(
      '“We are very close,” said a senior official, who was not authorized to discuss the negotiations publicly.',
    );
    expect(atts.map((a) => [a.cue, a.content])).toEqual([['said', 'We are very close']]);
    expect(attributionsOf('The official spoke on condition of anonymity because he was not authorized to speak.')).toEqual([]);
    expect(attributionsOf('Two aides requested anonymity because the talks were private.')).toEqual([]);
    // a topic after the terms of speaking is still one
    expect(sourceOf('She spoke on condition of anonymity about the layoffs at the plant.', 'spoke')).toMatchObject({
      content: 'the layoffs at the plant',
    });
  });

  it('a cue verb after a reason and "to" reports nothing: "ample reasons to question her judgment"', () => {
    expect(attributionsOf('In recent years, Clinton has supplied ample reasons to question her judgment.')).toEqual([]);
    expect(attributionsOf('The FBI figures provided good reasons to worry about being in crowds.')).toEqual([]);
    // the same verb with its own subject still reports
    expect(attributionsOf('Republicans questioned her judgment.')).toMatchObject([
      { cue: 'questioned', source: 'Republicans', content: 'her judgment' },
    ]);
  });

  it('a connective opening the sentence is no part of a document subject ("But the poll finds")', () => {
    expect(attributionsOf('But the poll finds that the mayor leads by four points.')).toMatchObject([
      { cue: 'finds', source: 'the poll', content: 'the mayor leads by four points' },
    ]);
    expect(attributionsOf('And records show a different project slated for the site.')).toMatchObject([
      { cue: 'show', source: 'records' },
    ]);
  });

  it('a plural document noun before a bare cue verb is its subject ("Council reports show")', () => {
    expect(attributionsOf('Council reports show that the canal fund spent $1 million.')).toMatchObject([
      { cue: 'show', source: 'Council reports', content: 'the canal fund spent $1 million' },
    ]);
  });

  it('"flat-out" and "outright" between a subject and its cue are no part of the subject', () => {
    expect(attributionsOf('The agency flat-out denied the allegations in a statement.')).toMatchObject([
      { cue: 'denied', source: 'The agency' },
    ]);
    expect(attributionsOf('The agency outright rejected the claim that it owed money.')).toMatchObject([
      { cue: 'rejected', source: 'The agency' },
    ]);
  });

  it('an indefinite article opens its phrase: "provided to Reuters a memo laying out …" is the memo\'s', () => {
    expect(attributionsOf('A council source provided to Reuters a memo laying out the key messages.')).toMatchObject([
      { cue: 'laying out', source: 'a memo', content: 'the key messages' },
    ]);
    // a hedge before the article stays in the phrase
    expect(attributionsOf('Nearly a third say they do not know.')).toMatchObject([{ cue: 'say', source: 'Nearly a third' }]);
  });

  it('"think tank" is a noun, not the cue "think"', () => {
    expect(attributionsOf('Researchers at a Washington think tank that studies canals were surprised.')).toEqual([]);
  });

  it('"TV show", "talk shows" are nouns, not the cue "show"; "a poll shows" still reports', () => {
    expect(attributionsOf('She starred in the reality TV show “Canal Kings.”')).toEqual([]);
    expect(attributionsOf('Late-night talk shows mocked the canal plan for weeks.')).toEqual([]);
    expect(attributionsOf('A new poll shows the canal plan is “deeply unpopular.”')).toMatchObject([
      { cue: 'shows', source: 'A new poll' },
    ]);
  });

  it('"associate" and "confidant" head a source phrase ("said the associate", "one Trump confidant said")', () => {
    const atts = attributionsOf(
      '“You have to suggest something to him,” said the associate. “You are not going to tell him what to do.”',
    );
    expect(atts.map((a) => [a.content, a.source])).toEqual([
      ['You have to suggest something to him', 'the associate'],
      ['You are not going to tell him what to do.', 'the associate'],
    ]);
    expect(attributionsOf('“Elites will leave,” said one canal confidant.')).toMatchObject([
      { cue: 'said', source: 'one canal confidant' },
    ]);
  });

  it('"rule out" reports nothing: a decision, whose object is not something said', () => {
    expect(attributionsOf('The mayor did rule out closing the northern canal to barges.')).toEqual([]);
    expect(attributionsOf('The senator did not rule out a meeting with the nominee.')).toEqual([]);
    // the clause after it keeps its own speaker
    expect(attributionsOf('With a vote for the mayor ruled out, Cross said he is left with two options.')).toMatchObject([
      { cue: 'said', source: 'Cross', content: 'he is left with two options' },
    ]);
    // "ruled that" still reports
    expect(attributionsOf('The judge ruled that the canal must stay open.')).toMatchObject([
      { cue: 'ruled', source: 'The judge', content: 'the canal must stay open' },
    ]);
  });

  it('"assume" with an office, role or place as its object takes something on and reports nothing', () => {
    expect(attributionsOf('When he assumed office as canal commissioner in 2007, he made dredging a priority.')).toEqual([]);
    expect(attributionsOf('The deputy would assume his place at the top of the ticket.')).toEqual([]);
    expect(attributionsOf('The candidates assumed a combative stance.')).toEqual([]);
    // with a clause after it, it is still a belief reported
    expect(attributionsOf('His doctor assumed he had a lower respiratory infection.')).toMatchObject([
      { cue: 'assumed', source: 'His doctor', content: 'he had a lower respiratory infection' },
    ]);
  });

  it('a relative clause ending on a verb of making ("the letter Mike wrote was …") reports nothing', () => {
    const atts = attributionsOf(
      'Martha added that he and Mike had corresponded, and the letter Mike wrote was “kind and loving.”',
    );
    expect(atts).toMatchObject([{ cue: 'added', source: 'Martha' }]);
    expect(atts[0]?.content).toContain('kind and loving');
    // a clause-taking verb before "were" still reports ("the events he claimed were …")
    expect(attributionsOf('Those were the events he claimed were signs of a “rigged election.”')).toMatchObject([
      { cue: 'claimed' },
    ]);
  });

  it('a noun cue after a light verb, an article and a modifier is a noun ("made a strong claim that …")', () => {
    expect(
      attributionsOf('Last night Leo Varadkar made a strong claim on RTE that the team had no answers.').some(
        (a) => a.cue === 'claim',
      ),
    ).toBe(false);
    // a verb after a causative object stays a verb
    expect(attributionsOf('The vote will make his supporters feel that they have a voice.')).toMatchObject([{ cue: 'feel' }]);
  });

  it('noun phrase left: a group member as the subject ("one said", "another said", "the pair insisted")', () => {
    const atts = attributionsOf('“It was terrible,” one said. “We had no warning,” another said.');
    expect(atts.map((a) => [a.content, a.source])).toEqual([
      ['It was terrible', 'one'],
      ['We had no warning', 'another'],
    ]);
    expect(sourceOf('But the pair insisted the deal was fair and would hold.', 'insisted')).toMatchObject({
      source: 'the pair',
      content: 'the deal was fair and would hold',
    });
    // before a bare noun-like form "one" opens a noun phrase, not a subject
    expect(attributionsOf('One question that has emerged is whether firms will return.')).toEqual([]);
  });

  it('relative pronoun: "X, who said" resolves the pronoun to X', () => {
    expect(sourceOf('The vote was delayed by Cruz, who said the bill needed more work.')).toMatchObject({
      source: 'who',
      speaker: 'Cruz',
      content: 'the bill needed more work',
    });
  });

  it('relative pronoun: "X, a professor who has written …" resolves the pronoun to X, and the quotation after it too', () => {
    const got = attributionsOf(
      '“The office shapes the President,” said John Burke, a University of Vermont professor who has written several books on presidential transitions. “He is going to be more constrained.”',
    );
    expect(got.map((a) => a.speaker)).toEqual(got.map(() => 'John Burke'));
    expect(got.some((a) => a.content === 'He is going to be more constrained.')).toBe(true);
  });

  it('subject: a document with a participle and a day before the cue ("A court document filed Thursday says")', () => {
    expect(sourceOf('A court document filed Thursday says that the manager will not be prosecuted.', 'says')).toMatchObject({
      source: 'A court document filed',
      speaker: 'court document',
      content: 'the manager will not be prosecuted',
    });
    // a relative clause's verb after another noun stays in the phrase
    expect(attributionsOf('Workers would gain, according to a fact sheet lawmakers released Monday.')[0]?.speaker).not.toBe(
      'fact sheet lawmakers',
    );
  });

  it('parenthesis: the name and its parenthesis before the cue', () => {
    expect(sourceOf('Rep. Jo Meeks (D-N.Y.) said the bill was a disgrace.')).toMatchObject({ source: 'Rep. Jo Meeks (D-N.Y.)' });
  });

  it('appositive: the name before ", a senator from Vermont,"', () => {
    expect(sourceOf('Sanders, a senator from Vermont, said the system was rigged.')).toMatchObject({
      source: 'Sanders',
      content: 'the system was rigged',
    });
  });

  it('inverted: the name after the cue ("“…,” said X")', () => {
    expect(sourceOf('“This is a disaster for the country,” said Senator Smith.')).toMatchObject({
      type: 'direct',
      source: 'Senator Smith',
      speaker: 'Smith',
    });
  });

  it('inherited: a participle after a comma and a coordinated cue take the clause subject', () => {
    expect(sourceOf('“We are ready,” the minister said, adding that talks would resume on Monday.', 'adding')).toMatchObject({
      source: 'the minister',
      content: 'talks would resume on Monday',
    });
    expect(sourceOf('Warren thanked the crowd and said the fight was not over.')).toMatchObject({
      source: 'Warren',
      content: 'the fight was not over',
    });
  });

  it('inherited: "before" with a determiner is a preposition, not a clause the coordinated cue belongs to', () => {
    const text =
      'She also talked before a Harbour City law firm and talked about being a senator who “did all I could for the port.”';
    expect(sourceOf(text, 'talked about')).toMatchObject({ source: 'She' });
  });

  it('inherited: a phrase followed by "and" or "but" is no subject ("…, all but begging")', () => {
    const text = 'Lund began the morning at the harbour, all but begging the crowd to “give the tunnel one more year.”';
    expect(sourceOf(text, 'begging')).toMatchObject({ source: 'Lund' });
  });

  it('ends with the noun-phrase-left rule, which always applies', () => {
    const last = SOURCE_RULES[SOURCE_RULES.length - 1];
    expect(last?.strategies.map((s) => s.name)).toEqual(['nounPhraseLeft']);
    expect(last?.when(undefined as never, undefined as never, undefined as never)).toBe(true);
  });

  it('inherited: a connective opening the sentence is skipped to reach its subject ("And then Mendes went …, saying")', () => {
    expect(attributionsOf('And then Mendes went on the attack, saying, “The plan is going to fail.”')).toMatchObject([
      { content: 'The plan is going to fail.', cue: 'saying', source: 'Mendes' },
    ]);
    expect(attributionsOf('Then Mendes went on the attack, saying, “The plan is going to fail.”')).toMatchObject([
      { source: 'Mendes' },
    ]);
  });

  it('fit: a plural cue after "<quantity> of" is the counted noun ("thousands of Mendes emails held …")', () => {
    expect(attributionsOf('The nominee referred to thousands of Mendes emails held on a private server.')).toEqual([]);
    // without the quantity the cue reading stays
    expect(sourceOf('Mendes emails that the server was wiped.', 'emails')).toMatchObject({ source: 'Mendes' });
  });

  it('inherited: a state after a city ("in Salem, New Hampshire,") is not the clause subject', () => {
    expect(
      attributionsOf('Speaking at a town hall in Salem, New Hampshire, Mendes went after Bush, calling him “a total stiff.”'),
    ).toMatchObject([{ cue: 'calling', source: 'Mendes' }]);
  });

  it('inverted: a relative clause after the source ("said a longtime data expert who has worked …")', () => {
    expect(
      attributionsOf('“The model is broken,” said a longtime data expert who has worked on several campaigns.'),
    ).toMatchObject([{ content: 'The model is broken', cue: 'said', source: 'a longtime data expert' }]);
  });

  it('noun phrase left: "has since said" and an airline as the source', () => {
    expect(attributionsOf('Carla Mendes has since said the plan was a mistake.')).toMatchObject([
      { content: 'the plan was a mistake', source: 'Carla Mendes' },
    ]);
    expect(attributionsOf('The plane crashed shortly after takeoff, the airline said.')).toMatchObject([
      { content: 'The plane crashed shortly after takeoff', source: 'the airline' },
    ]);
  });
});
