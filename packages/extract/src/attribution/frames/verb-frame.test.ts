import { describe, expect, it } from 'vitest';
import { attributionsOf } from './test-support.js';

/** Source, cue and content of each attribution of a one-paragraph text. */
const read = (t: string) => attributionsOf(t).map((a) => [a.source, a.cue, a.content]);
/** The contents of a one-paragraph text's attributions. */
const contents = (t: string) => attributionsOf(t).map((a) => a.content);

describe('verb frame', () => {
  it('gives "X said that …" to X with the clause after the cue', () => {
    expect(attributionsOf('Senator Smith said that the bill would pass easily.')).toEqual([
      { type: 'indirect', content: 'the bill would pass easily', cue: 'said', source: 'Senator Smith', speaker: 'Smith' },
    ]);
  });

  it('leaves the writer’s "without any evidence" out of the content it stands before', () => {
    expect(read('At a rally, Mayor Hale was blunt, claiming without any evidence that the canal had cost nothing.')).toEqual([
      ['Mayor Hale', 'claiming', 'the canal had cost nothing'],
    ]);
    expect(read('Hale claimed, without proof, that the canal had cost nothing.')).toEqual([
      ['Hale', 'claimed', 'the canal had cost nothing'],
    ]);
  });

  it('reads "after the debate" and "before the storm" as time, not a clause, between the cue and "that"', () => {
    expect(read('Hale said after the debate that the canal had cost nothing.')).toEqual([
      ['Hale', 'said', 'the canal had cost nothing'],
    ]);
    expect(read('Hale had said in a radio interview taped before the storm that the locks were "safe" for now.')).toEqual([
      ['Hale', 'said', 'the locks were "safe" for now'],
    ]);
  });

  it('takes no content that opens with a coordinator ("a specious CANAL reference and larger appeal to …")', () => {
    const atts = attributionsOf(
      '“What about a town that does not have a canal,” Mendes interjected, homing in on what she saw as a specious CANAL reference and larger appeal to the shipping interest. “Would a plan that works in one town be wrong in the other?”',
    );
    expect(atts.map((a) => [a.speaker, a.content.slice(0, 20)])).toEqual([
      ['Mendes', 'What about a town th'],
      ['Mendes', 'Would a plan that wo'],
    ]);
  });

  it('keeps a role before its source out of the content: after a quotation or opening the sentence, not after a clause', () => {
    expect(
      attributionsOf('“The locks are safe,” the press secretary, Dana Reyes, said.').map((a) => [a.type, a.content]),
    ).toEqual([['direct', 'The locks are safe']]);
    expect(
      attributionsOf('The director of the canal trust, Ina Kirsch, told the AP about the locks.').map((a) => a.content),
    ).toEqual(['the locks']);
    expect(
      attributionsOf('The board is not planning more tolls, the finance chairman, Steve Mnuchin, told the Post.').map(
        (a) => a.content,
      ),
    ).toEqual(['The board is not planning more tolls, the finance chairman']);
  });

  it('closes a quotation before the cue ("“…,” X said, “…”" keeps the part after it)', () => {
    const [a] = attributionsOf('The talks, Smith said, “will resume in the spring after the elections.”');
    expect(a).toMatchObject({ type: 'direct', source: 'Smith', content: 'will resume in the spring after the elections.' });
  });

  it('stops forward content at a contrast that opens a second frame', () => {
    expect(
      attributionsOf('Smith said the talks would resume, but analysts said the gap was wide.').map((a) => [a.source, a.content]),
    ).toEqual([
      ['Smith', 'the talks would resume'],
      ['analysts', 'the gap was wide'],
    ]);
  });

  it('reads nothing from a question about what someone said', () => {
    expect(attributionsOf('What has Cruz said about the plan?')).toEqual([]);
  });

  it('reads past an aside with a cue word used as a modifier ("when the email story broke, “…”")', () => {
    expect(
      attributionsOf('Mendes said in the spring, when the private server email story broke, “I did not email any secret.”'),
    ).toMatchObject([{ type: 'direct', content: 'I did not email any secret.', cue: 'said', source: 'Mendes' }]);
    // a cue verb of the aside's own still ends the cue's reach
    expect(
      attributionsOf('Mendes said in the spring, when reporters wrote that he lied, “I did not email any secret.”').some(
        (a) => a.cue === 'said' && a.content.includes('did not email'),
      ),
    ).toBe(false);
  });

  it('reads past a short aside before "that" ("said, without evidence, that “…”")', () => {
    expect(
      attributionsOf('Mendes also said, without evidence, that “they are showing videos of the mayor to recruit.”'),
    ).toMatchObject([{ content: 'they are showing videos of the mayor to recruit.', cue: 'said', source: 'Mendes' }]);
    expect(attributionsOf('Mendes also said, without evidence, that the mayor had lied.')).toMatchObject([
      { type: 'indirect', content: 'the mayor had lied', source: 'Mendes' },
    ]);
    // a long stretch after the comma is a clause of its own, not an aside
    expect(
      attributionsOf('Mendes said, while the council members waited outside in the rain, that the vote was off.').filter((a) =>
        a.content.includes('vote was off'),
      ),
    ).toEqual([]);
  });

  it('reads "begged" as a cue with an addressee before its content', () => {
    expect(attributionsOf('Carla Mendes begged the board to reconsider the vote.')).toMatchObject([
      { type: 'indirect', cue: 'begged', source: 'Carla Mendes', content: 'to reconsider the vote' },
    ]);
  });

  it('reads an ambiguous cue right after a quotation ("“…,” the statement continued")', () => {
    expect(attributionsOf('“The company regrets the error,” the statement continued.')).toMatchObject([
      { type: 'direct', cue: 'continued', source: 'the statement', content: 'The company regrets the error' },
    ]);
    // without the quotation "continued" is no cue
    expect(attributionsOf('The statement continued a long tradition of silence.')).toEqual([]);
  });

  it('reads "went on" only before a quotation or colon, or closing a quotation', () => {
    expect(attributionsOf('“We will fight,” Mendes went on.')).toMatchObject([
      { type: 'direct', cue: 'went on', source: 'Mendes' },
    ]);
    expect(attributionsOf('Then Mendes went on: “We will win.”')).toMatchObject([{ cue: 'went on', content: 'We will win.' }]);
    expect(attributionsOf('She went on to win the race.')).toEqual([]);
    expect(attributionsOf('The protest went on for hours.')).toEqual([]);
    expect(attributionsOf('Mendes went on the attack, saying, “The plan is going to fail.”')).toMatchObject([{ cue: 'saying' }]);
  });

  it('reads a reply with "back" ("fired back", "shot back that", "writes back,") as a cue, not gunfire', () => {
    expect(read('Trump fired back: “It is a total disaster.”')).toEqual([['Trump', 'fired back', 'It is a total disaster.']]);
    expect(read('Clinton shot back that the plan was dangerous.')).toEqual([['Clinton', 'shot back', 'the plan was dangerous']]);
    expect(read('Mills then writes back, “You look cute.”')).toEqual([['Mills', 'writes back', 'You look cute.']]);
    expect(read('The police shot back at the gunman.')).toEqual([]);
  });

  it('reads no belief in thinking "for a second" or "for a moment"', () => {
    expect(attributionsOf('Taylor Bush thought for a moment and smiled.')).toEqual([]);
    expect(attributionsOf('Chazelle thinks for a second before theatrically crossing his fingers.')).toEqual([]);
  });

  it('reads "interjected" and "barked" as speech cues', () => {
    expect(read('“But there is some risk,” Alito interjected.')).toEqual([['Alito', 'interjected', 'But there is some risk']]);
    expect(read('“Go back to Univision,” Trump barked.')).toEqual([['Trump', 'barked', 'Go back to Univision']]);
  });

  it('reads a noun-first cue ("state") as the verb after a quotation and its subject, not after a name in quotation marks', () => {
    expect(read('“Today, the kingdom is a leader,” the Saudis state in the white paper.')).toEqual([
      ['the Saudis', 'state', 'Today, the kingdom is a leader'],
    ]);
    expect(read('“The plan lacked a response,” the report states.')).toEqual([
      ['the report', 'states', 'The plan lacked a response'],
    ]);
    expect(read('He sent paid staff to all 11 of the “Super Tuesday” March 1 states to organize supporters.')).toEqual([]);
  });

  it('reads a typed dash ("--") as one dash, as "—" is', () => {
    expect(read('Kall -- co-editor of a book -- said the candidate tended to make announcements.')).toEqual([
      ['Kall', 'said', 'the candidate tended to make announcements'],
    ]);
  });

  it('keeps a list after ", including" in the content, and still stops at a participle that opens a clause', () => {
    expect(contents('Rendell blamed several factors, including budget cuts and the rise of Trump.')).toEqual([
      'several factors, including budget cuts and the rise of Trump',
    ]);
    expect(contents('Trump said the polls were rigged, rushing to his car.')).toEqual(['the polls were rigged']);
  });

  it('reads "this" before an auxiliary as the content\'s subject, not a time adverbial', () => {
    expect(read('Cornyn said this was the only chance.')).toEqual([['Cornyn', 'said', 'this was the only chance']]);
    expect(read('Cornyn said this week that it failed.')).toEqual([['Cornyn', 'said', 'it failed']]);
  });

  it('skips an object pronoun or a plural people word after "told" whatever follows, but not "her", "US" or a relative clause', () => {
    expect(read('Cornyn told reporters it was the only chance.')).toEqual([['Cornyn', 'told', 'it was the only chance']]);
    expect(read('Cornyn told them the plan failed.')).toEqual([['Cornyn', 'told', 'the plan failed']]);
    expect(read('Rubio told voters here Sunday that he would keep going.')).toEqual([['Rubio', 'told', 'he would keep going']]);
    expect(read('She urged her husband to come out of the car.')).toEqual([
      ['She', 'urged', 'her husband to come out of the car'],
    ]);
    expect(read('Milley told US media this month that forces would stay.').some((r) => String(r[2]).startsWith('media'))).toBe(
      false,
    );
  });

  it('ends a named addressee before the clause it heard ("told CNN he would run"), not before an infinitive\'s object', () => {
    expect(read('Smith told CNN he would run.')).toEqual([['Smith', 'told', 'he would run']]);
    expect(read('Kirsch told the AP her group never worked with Manafort.')).toEqual([
      ['Kirsch', 'told', 'her group never worked with Manafort'],
    ]);
    expect(read('Smith told CNN’s Jake Tapper it was over.')).toEqual([['Smith', 'told', 'it was over']]);
    expect(read('The department asked FBI officials to lower the classification.')).toEqual([
      ['The department', 'asked', 'to lower the classification'],
    ]);
  });

  it('reads "read" as a cue of a document next to a quotation only ("“…,” the statement read")', () => {
    expect(read('“We were shocked,” the statement read.')).toEqual([['the statement', 'read', 'We were shocked']]);
    expect(read('The sign reads: “Welcome home.”')).toEqual([['The sign', 'reads', 'Welcome home.']]);
    expect(read('“We won,” Smith read from a statement.')).toEqual([]);
    expect(read('She read the letter aloud to the crowd.')).toEqual([]);
  });

  it('reads "fumed" as a cue, and "rejoined" only next to a quotation', () => {
    expect(read('“Then why were you talking about corporate America,” he rejoined.')).toEqual([
      ['he', 'rejoined', 'Then why were you talking about corporate America'],
    ]);
    expect(read('He rejoined the party in 2010.')).toEqual([]);
    expect(read('Trump fumed that the media was unfair.')).toEqual([['Trump', 'fumed', 'the media was unfair']]);
  });

  it('reads "weighed in" and "chimed in" next to a quotation only, never a topic after them', () => {
    expect(read('“We all miss Steve so much,” Benioff weighed in.')).toEqual([
      ['Benioff', 'weighed in', 'We all miss Steve so much'],
    ]);
    expect(read('Rucker chimed in: “It is over.”')).toEqual([['Rucker', 'chimed in', 'It is over.']]);
    expect(read('Cruz weighed in on the allegations against the campaign manager.')).toEqual([]);
    expect(read('He said the insiders who also get to weigh in on the nomination would decide.')).toMatchObject([
      ['He', 'said', 'the insiders who also get to weigh in on the nomination would decide'],
    ]);
  });

  it('reads the subject raised over a hearsay participle as the source: "X is reported to have called …"', () => {
    expect(read('President Barack Obama also is reported to have called the Saudis “free riders” who rely on U.S. aid.')).toEqual(
      [['President Barack Obama', 'called', 'the Saudis “free riders” who rely on U.S. aid']],
    );
    expect(read('The senator is said to have told aides that the bill was dead.')).toEqual([
      ['The senator', 'told', 'the bill was dead'],
    ]);
    expect(read('The deal was reported to Congress by the White House.')).toEqual([]);
  });

  it('reads a telephone call as no report: "calling friends on their cellphones to say …" reports with "say"', () => {
    expect(read('Others could be heard calling friends on their cellphones to say they had run into Sanders.')).toEqual([
      ['Others', 'say', 'they had run into Sanders'],
    ]);
    expect(read('He called Trump a liar on the stage.')).toEqual([['He', 'called', 'Trump a liar on the stage']]);
  });
});
