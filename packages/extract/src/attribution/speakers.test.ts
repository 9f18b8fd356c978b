import { describe, expect, it } from 'vitest';
import { extractFrom, speakerOf } from './test-support.js';

describe('offices and bodies named without a person', () => {
  it('names an office by its remit ("the High Commissioner for Human Rights"), not a person "Human Rights"', () => {
    const atts = extractFrom(
      'The United Nations High Commissioner for Human Rights said the move did “not modify existing law”.',
    );
    expect(speakerOf(atts, 'not modify')).toBe('United Nations High Commissioner for Human Rights');
  });

  it('keeps the person after an office ("Secretary of State Mike Pompeo")', () => {
    const atts = extractFrom('Secretary of State Mike Pompeo said the settlements were “not inconsistent with law”.');
    expect(speakerOf(atts, 'not inconsistent')).toBe('Mike Pompeo');
  });

  it('names a team or office by its owner without the owner\'s titles ("President-elect Dana Reyes\'s transition team")', () => {
    const atts = extractFrom(
      "President-elect Dana Reyes's transition team announced on Monday that Carl Hale will serve as an adviser.",
      "Mayor Ana Cole's legal team said the suit was “baseless”.",
      'President-elect Dana Reyes said the canal was “a national asset”.',
    );
    expect(speakerOf(atts, 'Carl Hale')).toBe('Dana Reyes');
    expect(speakerOf(atts, 'baseless')).toBe('Ana Cole');
    expect(speakerOf(atts, 'a national asset')).toBe('Dana Reyes');
  });

  it('ends a name at a US state before a first name and at a hyphenated modifier ("Massachusetts Joshua Levy", "Texas-based …")', () => {
    const atts = extractFrom(
      'Acting U.S. Attorney for the District of Massachusetts Dana Reyes said the case was “still open”.',
      'Texas-based Carl Hale said the race was “over”.',
    );
    expect(speakerOf(atts, 'still open')).toBe('Dana Reyes');
    expect(speakerOf(atts, 'over')).toBe('Carl Hale');
  });

  it('leaves titles written without their dots ("Lt Col", "Supt") out of the name', () => {
    const atts = extractFrom(
      'Lt Col Ana Cole said the canal was “a national asset”.',
      'Supt Carl Hale said the locks were “safe”.',
      'Prof Dana Reyes said the river was “rising fast”.',
      'Comedian Tom Ward said the plan was “a joke”.',
      'Realtor Eva Lund said prices had “cooled a lot”.',
    );
    expect(speakerOf(atts, 'a national asset')).toBe('Ana Cole');
    expect(speakerOf(atts, 'safe')).toBe('Carl Hale');
    expect(speakerOf(atts, 'rising fast')).toBe('Dana Reyes');
    expect(speakerOf(atts, 'a joke')).toBe('Tom Ward');
    expect(speakerOf(atts, 'cooled a lot')).toBe('Eva Lund');
  });

  it('leaves "one supporter" or "a strategist" unnamed, not the person the article introduced with that role', () => {
    const atts = extractFrom(
      '“It is hard to walk off the court,” said Rep. Ana Cole, a Maine legislator and Reyes supporter.',
      '“The mayor does not even care anymore,” wrote one Reyes supporter.',
      '“We will win the valley,” said Carl Hale, a Republican strategist.',
      '“They should have spent more on ads,” said a Democratic strategist.',
    );
    expect(speakerOf(atts, 'hard to walk off')).toBe('Ana Cole');
    expect(speakerOf(atts, 'not even care')).toBeNull();
    expect(speakerOf(atts, 'spent more on ads')).toBeNull();
  });

  it('reads a place of two words as its government, no person a later "she" can mean ("the United States", "New York")', () => {
    const atts = extractFrom(
      'Hillary Clinton spoke in Philadelphia.',
      'The United States pledged in 2000 that it would lift the restrictions.',
      'She said the United States “would not tolerate” that from any other country.',
      'North Korea said its test was “its biggest yet.”',
      'South Korea accused the North of “fanatic recklessness.”',
    );
    expect(speakerOf(atts, 'would not tolerate')).toBe('Hillary Clinton');
    expect(atts.find((a) => a.cue?.text === 'pledged')?.speaker).toMatchObject({ name: 'United States', kind: 'organization' });
    expect(speakerOf(atts, 'fanatic recklessness')).toBe('South Korea');
  });

  it('reads a gerund opening a sentence as no first name ("Bashing Cole may be job one")', () => {
    const atts = extractFrom(
      'Mayor Dana Cole spoke on Monday.',
      'Bashing Cole may be job one for the council, but the spotlight is on the harbour.',
      '“The harbour is safe,” Cole said.',
    );
    expect(speakerOf(atts, 'harbour is safe')).toBe('Dana Cole');
  });

  it('reads "Longtime" opening a sentence as no part of a name', () => {
    const atts = extractFrom(
      'Longtime Dana Reyes adviser Carl Hale has left the campaign, according to the Courier.',
      '“Carl is a talented man,” Reyes said.',
    );
    expect(speakerOf(atts, 'a talented man')).toBe('Dana Reyes');
  });

  it('leaves a day or month ending the source phrase out of the name ("a congressional report on Wednesday"), not a surname ("Theresa May")', () => {
    const atts = extractFrom(
      'The canal leaks, according to a congressional report on Wednesday.',
      'Theresa May said the canal was “a national asset”.',
    );
    expect(speakerOf(atts, 'The canal leaks')).toBe('congressional report');
    expect(speakerOf(atts, 'a national asset')).toBe('Theresa May');
  });

  it('leaves the quantity\'s "of" out of a group\'s name ("some of his supporters" is "his supporters")', () => {
    const atts = extractFrom('Some of his supporters said the canal plan was “a betrayal of the town”.');
    expect(speakerOf(atts, 'a betrayal')).toBe('his supporters');
  });

  it('names "USA TODAY" as the outlet, not a person "TODAY" of the USA', () => {
    const atts = extractFrom('The canal closed early, according to USA TODAY.');
    expect(atts[0]?.speaker).toEqual({ name: 'USA TODAY', kind: 'organization' });
  });

  it('does not name a body by an earlier phrase that only ends in it ("excerpts of his speech released by the White House")', () => {
    const atts = extractFrom(
      '“Nothing truly prepares you for the demands of the office,” the two-term president will say, according to excerpts of his speech released by the White House.',
      'The White House says Obama has been working on the speech for weeks.',
    );
    expect(speakerOf(atts, 'working on the speech')).toBe('White House');
  });

  it('names a country’s ministry by the phrase ("Russia\'s foreign ministry")', () => {
    const atts = extractFrom(
      'Russia’s foreign ministry said the move was “another measure contradicting” the peace effort.',
      'The French foreign ministry said it “regrets any decision” of that kind.',
    );
    expect(speakerOf(atts, 'another measure')).toBe('Russia’s foreign ministry');
    expect(speakerOf(atts, 'regrets any')).toBe('French foreign ministry');
  });

  it('names a body by its kind and remit ("the Centre for Harbour Studies"), not a person "Harbour Studies"', () => {
    const atts = extractFrom(
      'The Centre for Harbour Studies said wages had “not kept up”.',
      'The Institute for Canal Relations, a Leeds-based think tank, concluded that tolls were “too high”.',
    );
    expect(atts.find((a) => a.content.text.includes('not kept up'))?.speaker).toMatchObject({
      name: 'Centre for Harbour Studies',
      kind: 'organization',
    });
    expect(atts.find((a) => a.content.text.includes('too high'))?.speaker).toMatchObject({
      name: 'Institute for Canal Relations',
      kind: 'organization',
    });
  });

  it('reads "Nora Quill of the Centre for Harbour Studies" as the person, not "Harbour Studies"', () => {
    const atts = extractFrom(
      '“Wages have not kept up,” said Nora Quill of the Centre for Harbour Studies.',
      'Professor Ann Lowe of the Institute for Canal Studies said tolls were “too high”.',
    );
    expect(speakerOf(atts, 'kept up')).toBe('Nora Quill');
    expect(speakerOf(atts, 'too high')).toBe('Ann Lowe');
  });

  it('names a body whose name chains remits ("the Harbour Office for the Western District of Kent"), alone or by its spokesman', () => {
    const atts = extractFrom(
      'The Harbour Office for the Western District of Kent said the tolls were “under review”.',
      'A spokesman for the Canal Relations Council of Leeds said the plan was “not final”.',
    );
    expect(atts.find((a) => a.content.text.includes('under review'))?.speaker).toMatchObject({
      name: 'Harbour Office for the Western District of Kent',
      kind: 'organization',
    });
    expect(atts.find((a) => a.content.text.includes('not final'))?.speaker).toMatchObject({
      name: 'Canal Relations Council of Leeds',
      kind: 'organization',
    });
  });

  it('ends an office at a place right before a first name ("Special Envoy for Ukraine Kurt Volker")', () => {
    const atts = extractFrom('Special Envoy for Ukraine Kurt Volker said the talks were “constructive”.');
    expect(speakerOf(atts, 'constructive')).toBe('Kurt Volker');
  });

  it('reads "Nora Quill of the Harbour Policy Institute" as the person, not the body', () => {
    const atts = extractFrom('“Wages have not kept up,” said Nora Quill of the Harbour Policy Institute.');
    expect(atts.find((a) => a.content.text.includes('kept up'))?.speaker).toMatchObject({
      name: 'Nora Quill',
      kind: 'person',
    });
  });

  it('reads "Sen. Elizabeth Warren of Massachusetts" as the person, not the state', () => {
    const atts = extractFrom('Sen. Elizabeth Warren of Massachusetts said the plan was “a giveaway to the banks”.');
    expect(speakerOf(atts, 'giveaway')).toBe('Elizabeth Warren');
  });

  it('keeps two people of one surname apart when their first names only share a letter', () => {
    const atts = extractFrom(
      'Trayvon Martin was killed in 2012. Tracy Martin said a foundation in his son’s name is “focusing on ending violence”.',
    );
    expect(speakerOf(atts, 'focusing on')).toBe('Tracy Martin');
  });

  it('still reads an initial or a short form as the same first name', () => {
    const atts = extractFrom(
      'Christopher Smith spoke first. Later, Chris Smith said the vote was “long overdue”. C. Smith said it was “a start”.',
    );
    expect(speakerOf(atts, 'long overdue')).toBe('Christopher Smith');
    expect(speakerOf(atts, 'a start')).toBe('Christopher Smith');
  });

  it('leaves a conjunction opening the sentence out of an issuer ("But Teneo issued a statement …")', () => {
    const atts = extractFrom('But Teneo issued a statement saying the memo “was never sent to clients”.');
    expect(speakerOf(atts, 'never sent')).toBe('Teneo');
  });

  it('names "Clinton’s campaign" as "the Clinton campaign" is named, without the possessive', () => {
    const atts = extractFrom(
      'Clinton’s campaign said the report was “flatly false”. The Clinton campaign said it was “a smear”.',
    );
    expect(speakerOf(atts, 'flatly false')).toBe('Clinton');
    expect(speakerOf(atts, 'a smear')).toBe('Clinton');
  });

  it('reads "Sen. Sherrod Brown of Ohio" as the person even when the first name is not in the lists', () => {
    const atts = extractFrom('Sen. Sherrod Brown of Ohio said the deal was “a disaster for workers”.');
    expect(speakerOf(atts, 'disaster')).toBe('Sherrod Brown');
  });

  it('keeps "To", "Of", "Neither" and "Former" out of the names they open', () => {
    const atts = extractFrom(
      'Ben Carson spoke on Monday. Former Carson aides were unhappy. Carson said the plan was “a mistake”. Neither Donald J. Trump nor his aides answered. Trump said it was “fake”.',
    );
    expect(speakerOf(atts, 'a mistake')).toBe('Ben Carson');
    expect(speakerOf(atts, 'fake')).toBe('Donald J. Trump');
  });

  it('reads a lone capitalised people noun opening its sentence as a group or an anonymous source, not a person', () => {
    const atts = extractFrom(
      'Officials said the talks would resume “within days”. Critics call it “a surrender”. Americans say the economy is “the top issue”.',
    );
    const kindOf = (words: string) => atts.find((a) => a.content.text.includes(words))?.speaker;
    expect(kindOf('within days')).toMatchObject({ name: 'Officials', kind: 'anonymous' });
    expect(kindOf('a surrender')).toMatchObject({ name: 'Critics', kind: 'group' });
    expect(kindOf('the top issue')).toMatchObject({ name: 'Americans', kind: 'group' });
  });

  it('leaves local and party titles out of the name ("County Recorder Helen Purcell", "Alderman Jason C. Ervin")', () => {
    const atts = extractFrom(
      'County Recorder Helen Purcell said the lines were “unacceptable”. Alderman Jason C. Ervin said it was “a disgrace”.',
    );
    expect(speakerOf(atts, 'unacceptable')).toBe('Helen Purcell');
    expect(speakerOf(atts, 'a disgrace')).toBe('Jason C. Ervin');
  });

  it('never takes a wire dateline for the subject a participle inherits ("JACKSON, Miss. — …")', () => {
    const atts = extractFrom(
      'JACKSON, Miss. — U.S. District Judge Carlton W. Reeves blocked the law on Thursday, calling it “an unconstitutional burden”.',
      'PHILADELPHIA, July 25 (UPI) — Fans of the actor took to social media, calling his visit “a betrayal”.',
    );
    expect(speakerOf(atts, 'unconstitutional burden')).toBe('Carlton W. Reeves');
    expect(speakerOf(atts, 'a betrayal')).not.toBe('PHILADELPHIA');
  });

  it('reads "Team Clinton" as the campaign, so a later "Clinton" or "she" is still the candidate', () => {
    const atts = extractFrom(
      'Hillary Clinton arrived in Milwaukee on Thursday.',
      'Team Clinton argued that the race would be long.',
      'Clinton accused him of an “artful smear” over her fundraising.',
    );
    expect(speakerOf(atts, 'artful smear')).toBe('Hillary Clinton');
    expect(speakerOf(atts, 'race would be long')).toBe('Team Clinton');
  });

  it('lets a spokesman "call" something, as a person can; other descriptions still need more ("Local people reported seeing …")', () => {
    const atts = extractFrom('One Clinton spokesman has called the situation “overclassification run amok.”');
    expect(atts.map((a) => a.source?.text)).toEqual(['One Clinton spokesman']);
    expect(extractFrom('Local people reported seeing a flash of light west of the capital.')).toEqual([]);
  });

  it('finds the subject a coordinated cue inherits past a dash aside, and never a dateline, a hyphenated place or a coordinator', () => {
    const atts = extractFrom(
      'Hastily politicizing the tragedy in Nice ― much like he did after Paris ― Trump cast the blame on his rivals, and emphasized the threat that “Islamic terrorism” poses.',
      'Sanders — much like he did in Iowa — thanked his volunteers, and warned that the race was “far from over”.',
      'WASHINGTON — Sen. Chuck Grassley (R-Iowa) on Wednesday defended the attacks on a federal judge’s Mexican heritage — something that’s thrown the GOP into chaos all week — and said it’s basically the same thing as a justice calling herself “a wise Latina.”',
      // A stray opening mark ("Trump‘s") hides the subject; the dateline must not stand in for it.
      'WASHINGTON — Sen. Ann Leary (R-Ohio) on Tuesday downplayed Governor Dan Pell‘s attack on a mayor’s heritage — something that’s split the party all week — and said it’s basically what a judge meant by “a wise Latina.”',
      'TALLAHASSEE - Rep. Gwen Graham slammed the nominee on Friday - days after the convention - praising her rival as a “work horse, not a show horse.”',
      'Watching from courtside as the Thunder scored 50 points – AND, seeing Adele live in concert – she brought the house down!',
      'In October, Rep. David McKinley, R-W.Va., visited the U.S.-Mexico border near McAllen, Texas, and argued that the wall needs “more money”.',
    );
    expect(speakerOf(atts, 'Islamic terrorism')).toBe('Trump');
    expect(speakerOf(atts, 'far from over')).toBe('Sanders');
    expect(speakerOf(atts, 'the same thing')).toBe('Chuck Grassley');
    expect(atts.map((a) => a.speaker.name)).not.toContain('WASHINGTON');
    expect(speakerOf(atts, 'work horse')).toBe('Gwen Graham');
    expect(atts.map((a) => a.speaker.name)).not.toContain('Mexico');
    expect(atts.map((a) => a.speaker.name)).not.toContain('AND');
  });

  it('takes the subject a medium or committee follows ("Clinton on CNN said", "Republicans on the committee said"), not a body\'s own "on"', () => {
    const atts = extractFrom(
      'Clinton on CNN said the canal plan was “a disaster.”',
      'Sanders in an interview with NBC said the locks were “unsafe.”',
      'Republicans on the House Canal Committee approved a bill to “fix the locks.”',
      'The Council on Canal Safety Executive Director Dana Reyes says the locks are “fine.”',
    );
    expect(speakerOf(atts, 'a disaster')).toBe('Clinton');
    expect(speakerOf(atts, 'unsafe')).toBe('Sanders');
    expect(speakerOf(atts, 'fix the locks')).toBe('Republicans');
    expect(speakerOf(atts, 'fine')).toBe('Dana Reyes');
  });

  it('takes the subject a locative follows, not the place ("A voter at a rally in Ohio said")', () => {
    const atts = extractFrom(
      'A voter at a rally in Ohio said the plan was “a joke”. Republicans in Congress said it was “dead on arrival”.',
    );
    const of = (words: string) => atts.find((a) => a.content.text.includes(words));
    expect(of('a joke')?.source?.text).toBe('A voter');
    expect(of('dead on arrival')?.speaker).toMatchObject({ name: 'Republicans', kind: 'group' });
  });

  it('names the person, not the body, in "Craig Holman of Public Citizen said"', () => {
    const atts = extractFrom(
      'Craig Holman of Public Citizen said the rule was “a loophole”. The Bank of England said rates would “stay low”.',
    );
    expect(speakerOf(atts, 'a loophole')).toBe('Craig Holman');
    expect(speakerOf(atts, 'stay low')).not.toBe('Bank');
  });

  it('reads "<group|role|organisation> of <Name>" as a group, a role or the organisation, never a person <Name>', () => {
    const atts = extractFrom(
      'Supporters of Bernie Sanders said the vote was “rigged”. The former secretary of State said the deal was “a good one”. The Bank of England said rates would “stay low”.',
    );
    const of = (words: string) => atts.find((a) => a.content.text.includes(words))?.speaker;
    expect(of('rigged')).toMatchObject({ name: 'Supporters of Bernie Sanders', kind: 'group' });
    expect(of('a good one')).toMatchObject({ name: null, kind: 'person', role: 'former secretary of State' });
    expect(of('stay low')).toMatchObject({ name: 'Bank of England', kind: 'organization' });
  });

  it('names the person before a party-and-state parenthesis ("Mitch McConnell (R-Ky.) said")', () => {
    const atts = extractFrom(
      'Senate Majority Leader Mitch McConnell (R-Ky.) said the Senate “should not confirm a replacement” this year.',
    );
    expect(speakerOf(atts, 'should not confirm')).toBe('Mitch McConnell');
    expect(speakerOf(extractFrom('Rep. Gwen Moore (D-Wis.) said the bill “hurts families”.'), 'hurts')).toBe('Gwen Moore');
  });

  it('leaves a plural title out of the name it opens ("Senators Mitch McConnell, the majority leader, …")', () => {
    const atts = extractFrom('Senators Mitch McConnell, the majority leader, said the party “must unite behind its nominee”.');
    expect(speakerOf(atts, 'must unite')).toBe('Mitch McConnell');
  });

  it('never takes an office for a person a pronoun or a lone word could point at', () => {
    const atts = extractFrom(
      '“We are growing fast,” said Evan Sparks, CEO of Determined AI.',
      'He added that the year had been “a very good one for us”.',
    );
    expect(speakerOf(atts, 'a very good one')).toBe('Evan Sparks');
  });

  it('reads "the trust" and "the department" back to the body the article named so', () => {
    const atts = extractFrom(
      'The Citizens’ Independent Transportation Trust, which oversees the half-penny tax, met on Monday after weeks of waiting for answers from the Florida Department of Transportation about the new bus line.',
      'The trust urged the county to ensure that it “honors the prior commitments to riders”.',
      'The department said it “could not answer anything until September”.',
    );
    expect(speakerOf(atts, 'honors the prior')).toBe('Citizens’ Independent Transportation Trust');
    expect(speakerOf(atts, 'could not answer')).toBe('Florida Department of Transportation');
  });

  it('reads "James Roosevelt Jr." as a Roosevelt, and keeps Donald Trump Jr. apart from Donald Trump', () => {
    const atts = extractFrom(
      'The act was signed into law by President Franklin Roosevelt in 1935.',
      'James Roosevelt Jr., the grandson of the president, spoke on a call on Friday.',
      'Roosevelt, who served as an associate commissioner, blasted recent claims. “There is a lot of scare talk out there,” he said.',
      '“We will win this state,” Donald Trump said in Ohio. “My father will win it,” Donald Trump Jr. said in Texas.',
    );
    expect(speakerOf(atts, 'scare talk')).toBe('James Roosevelt Jr.');
    expect(speakerOf(atts, 'win this state')).toBe('Donald Trump');
    expect(speakerOf(atts, 'My father')).toBe('Donald Trump Jr.');
  });

  it('takes no photographer of a credit line for a person of the story', () => {
    const atts = extractFrom(
      'Fraser Amos, a final-year student at Warwick University, is helping to rally support for a rent strike.',
      'Isolating students peer out of their window in Manchester. (Photo by Christopher Furlong/Getty Images)',
      '“Universities are putting rents and revenues above student lives,” he says.',
    );
    expect(speakerOf(atts, 'rents and revenues')).toBe('Fraser Amos');
  });

  it('reads a company named with "Records", "Productions" or "Technologies" as an organisation, not a man', () => {
    const atts = extractFrom(
      'Dick Clark Productions denied it had agreed to anything with Big Machine Records.',
      '“Any final agreement needs to be between the artist and the label,” Dick Clark Productions said. “We will not comment further,” he added.',
    );
    const kindOf = (words: string) => atts.find((a) => a.content.text.includes(words))?.speaker?.kind;
    expect(kindOf('Any final agreement')).toBe('organization');
    // a personal pronoun never points at it
    expect(speakerOf(atts, 'not comment further')).not.toBe('Dick Clark Productions');
  });

  it('leaves a bare "the company" without a name', () => {
    const atts = extractFrom('The company said the product was “safe to use in every home”.');
    expect(speakerOf(atts, 'safe to use')).toBeNull();
  });
});

describe('inverted openings and questions put', () => {
  it('does not take an opening "Said" into the name ("Said Smith: “…”")', () => {
    const atts = extractFrom(
      'Said Jane Smith, “We are not done yet, not by a long way.”',
      'Said Smith: “Nothing will change until the rules do.”',
    );
    expect(speakerOf(atts, 'not done yet')).toBe('Jane Smith');
    expect(speakerOf(atts, 'Nothing will change')).toBe('Jane Smith');
  });

  it('keeps the answer out of the question ("was asked about X and said “…”")', () => {
    const atts = extractFrom('He was asked about the deal and said it was “a disaster for everyone”.');
    const question = atts.find((a) => a.cue?.text === 'was asked');
    expect(question?.content.text).toBe('the deal');
    expect(question?.type).toBe('indirect');
    expect(atts.filter((a) => a.content.text.includes('disaster')).map((a) => a.source?.text)).toEqual(['He']);
  });
});

describe('a description right after the quotation that opens its sentence', () => {
  it('is the one person the sentences before name, when no report came before it', () => {
    const atts = extractFrom(
      'Winning the election did not change Tom Hale.',
      'The clearest sign that Hale has no intention of changing has emerged in a volley of posts.',
      '“In addition to winning in a landslide, I won the popular vote,” the President-elect fumed in a post.',
    );
    expect(speakerOf(atts, 'popular vote')).toBe('Tom Hale');
  });

  it('is no one when the sentence before that names someone else', () => {
    const atts = extractFrom(
      'Tom Hale called upon Mayor Ann Doe to restart the canal survey, which she had begun.',
      'Doe disbanded the survey unit in April.',
      '“There is neglect like nobody has ever seen,” the candidate said in an interview.',
    );
    expect(speakerOf(atts, 'neglect like nobody')).not.toBe('Ann Doe');
  });
});

describe('a person’s own message', () => {
  it('gives "her statement" and "Hale’s letter" to their writer, not to a document', () => {
    const atts = extractFrom(
      'Mayor Ann Hale spoke in the spring.',
      'Later, she revised her statement explaining that she had not signed the “canal contract at the time.”',
      'Hale’s letter says that the canal will open in June.',
    );
    expect(speakerOf(atts, 'canal contract')).toBe('Ann Hale');
    expect(speakerOf(atts, 'will open in June')).toBe('Ann Hale');
  });

  it('leaves "its statement" a document, and a pronoun after a preposition to the subject it points ahead to', () => {
    const atts = extractFrom('The canal authority met on Monday.', 'Its statement said that the canal would open in June.');
    expect(speakerOf(atts, 'would open in June')).toBe('statement');
    const ahead = extractFrom(
      'Senator Mary Doe spoke first.',
      'In her statement condemning the test, Ann Hale defended her record.',
    );
    expect(speakerOf(ahead, 'the test')).not.toBe('Mary Doe');
  });
});

describe('people sharing a surname', () => {
  it('a bare surname means the article’s person, not a relative introduced as such', () => {
    const atts = extractFrom(
      'Senator Carla Mendes will not be happy about the video.',
      'The video also features her husband, former Governor Paul Mendes.',
      '“He is becoming their best recruiter,” Mendes said during the debate.',
    );
    expect(speakerOf(atts, 'best recruiter')).toBe('Carla Mendes');
  });

  it('a relative is still found by the full name', () => {
    const atts = extractFrom(
      'Senator Carla Mendes will not be happy about the video.',
      'The video also features her husband, former Governor Paul Mendes.',
      '“It is a fake,” Paul Mendes said.',
    );
    expect(speakerOf(atts, 'It is a fake')).toBe('Paul Mendes');
  });

  it('a person named earlier and then as "mother of …" someone is that someone’s relative there', () => {
    const atts = extractFrom(
      'Four Americans died in the attack, among them information officer Paul Mendes.',
      'Carla Mendes, mother of fallen officer Paul Mendes, rejected the account.',
      '“She lied to me,” Mendes said.',
    );
    expect(speakerOf(atts, 'She lied to me')).toBe('Carla Mendes');
  });

  it('a kinship noun before "of" gives its gender to the first person, not to the one after "of"', () => {
    const atts = extractFrom(
      'Chelsea Arden, the daughter of Ode Mendes, spoke at the town hall on Monday.',
      '“It is a fine town,” he said.',
    );
    expect(speakerOf(atts, 'a fine town')).toBe('Ode Mendes');
  });

  it('a hyphenated place modifier ("a Los Angeles-area Mendes volunteer") is no person', () => {
    const atts = extractFrom(
      'Carla Mendes held a rally here in late June.',
      '“It was loud,” said Steve Dunwoody, a Los Angeles-area Mendes volunteer.',
      '“If they do the right thing, I am confident,” Mendes said.',
    );
    expect(speakerOf(atts, 'the right thing')).toBe('Carla Mendes');
  });
});

describe('plural nouns that look like cues', () => {
  it('reads a cue form after a word that counts or qualifies it ("deflected numerous questions") as a noun', () => {
    const atts = extractFrom(
      'Mr. McConnell deflected numerous questions about Mr. Trump before saying, “It is time to get on message.”',
    );
    expect(atts.some((a) => a.cue?.text === 'questions')).toBe(false);
    expect(speakerOf(atts, 'time to get on message')).toBe('McConnell');
  });
});

describe('"to" infinitives inside a "that" clause', () => {
  it('credits the named subject of the clause ("so subdued that Mr. Trump was prompted to say")', () => {
    const atts = extractFrom(
      'The debate was so subdued that Mr. Trump was prompted to say, “So far, I cannot believe how civil it has been.”',
    );
    expect(speakerOf(atts, 'how civil it has been')).toBe('Trump');
  });
});

describe('words that are never the subject of a cue', () => {
  it('does not take a sentence-opening adverb for a speaker ("Never forget that …")', () => {
    const atts = extractFrom(
      'Never forget that these are the same critics who awarded Ann Lee three stars for telling the truth about her biography.',
    );
    expect(atts.some((a) => a.speaker.name === 'Never')).toBe(false);
  });

  it('does not take a place followed by "the" for the subject ("San Jose, California the candidate went …")', () => {
    const atts = extractFrom(
      'After his rally in San Jose, California the GOP candidate went a step further and portrayed protesters as paid.',
    );
    expect(atts.some((a) => a.speaker.name === 'California')).toBe(false);
  });
});

describe('names in a title-case headline', () => {
  it('does not take a headline’s run of capitalised words for a name ("ACME Fires Hollis Over …")', () => {
    const atts = extractFrom(
      'ACME Fires Hollis Over an Offensive Post',
      '“ACME is a careful company,” ACME said in a statement on Monday.',
    );
    expect(speakerOf(atts, 'careful company')).toBe('ACME');
  });

  it('does not resolve "who" to a headline fragment ("Woman Who Accused The Mayor Of Fraud When …")', () => {
    const atts = extractFrom(
      'Woman Who Accused The Mayor Of Fraud When She Was An Intern Drops Her Claim',
      'A woman who accused the mayor of fraud said on Friday that she would “drop the claim” this week.',
    );
    expect(speakerOf(atts, 'drop the claim') ?? '').not.toMatch(/When|Intern|Fraud/);
  });

  it('still registers a line of names, which is no headline ("Lena Vogt and Tomas Brand.")', () => {
    const atts = extractFrom('Lena Vogt and Tomas Brand.', '“We will appeal the ruling,” Vogt said on Monday.');
    expect(speakerOf(atts, 'appeal the ruling')).toBe('Lena Vogt');
  });
});

describe('one surname, two people', () => {
  it('keeps "Mr. Reyes" apart from "Maria Reyes" named after him (a man is no Maria)', () => {
    const atts = extractFrom(
      'Mr. Reyes said the harbour tunnel was “two years late”.',
      'Maria Reyes, who runs the ferry company, said the delay had “cost us every summer”.',
      '“We will not wait another year,” Mr. Reyes said on Monday.',
    );
    expect(speakerOf(atts, 'not wait another year')).not.toBe('Maria Reyes');
    expect(speakerOf(atts, 'cost us every summer')).toBe('Maria Reyes');
  });
});

describe('party members described, not named', () => {
  it('reads "a Florida Democrat" as an unnamed source known by that description, not a person named "Democrat"', () => {
    const atts = extractFrom(
      '“We need a change at the top,” said a Florida Democrat at the rally.',
      '“I am staying home this year,” said a Nevada Democrat who had driven in from Reno.',
    );
    const speaker = (words: string) => atts.find((x) => x.content.text.includes(words))?.speaker;
    expect(speaker('need a change')).toMatchObject({ name: 'Florida Democrat', kind: 'anonymous' });
    expect(speaker('staying home')).toMatchObject({ name: 'Nevada Democrat', kind: 'anonymous' });
  });

  it('reads "one GOP operative" and "a close Trump associate" as unnamed sources known by that description', () => {
    const atts = extractFrom(
      '“Meadows screwed everybody,” said one GOP operative in the state.',
      '“You have to suggest something and let him think it was his idea,” said a close Trump associate.',
    );
    const speaker = (words: string) => atts.find((x) => x.content.text.includes(words))?.speaker;
    expect(speaker('screwed everybody')).toMatchObject({ name: 'GOP operative', kind: 'anonymous' });
    expect(speaker('his idea')).toMatchObject({ name: 'close Trump associate', kind: 'anonymous' });
  });

  it('resolves "the Republican" to the one the article introduced as such', () => {
    const atts = extractFrom(
      'Republican Ida Moss toured the harbour on Monday.',
      'The Republican said the tunnel was “two years late”.',
    );
    expect(speakerOf(atts, 'two years late')).toBe('Ida Moss');
  });

  it('does not resolve "a Republican" to the Republican the article named before', () => {
    const atts = extractFrom(
      'Republican Ida Moss said the tunnel was “two years late”.',
      '“Nobody here trusts the schedule,” said a Republican from the harbour district.',
    );
    expect(speakerOf(atts, 'two years late')).toBe('Ida Moss');
    expect(atts.find((x) => x.content.text.includes('trusts the schedule'))?.speaker).toMatchObject({
      name: 'Republican',
      kind: 'anonymous',
    });
  });
});

describe('a lone word no one can be', () => {
  it('reads "NASA said" and "California said" as organisations, an all-capital surname still as its person', () => {
    const atts = extractFrom(
      'Governor Ida Lund spoke to reporters on Monday.',
      'LUND: I think the whole region needs to heal after this.',
      '“The launch window is still open,” NASA said in a statement.',
      '“We will appeal,” California said in its filing.',
    );
    const speaker = (words: string) => atts.find((a) => a.content.text.includes(words))?.speaker;
    expect(speaker('launch window')).toEqual({ name: 'NASA', kind: 'organization' });
    expect(speaker('We will appeal')).toEqual({ name: 'California', kind: 'organization' });
    expect(speaker('region needs to heal')).toMatchObject({ name: 'Ida Lund', kind: 'person' });
  });

  it('reads a site\'s address ("Harbourfacts.org said") as an organisation, which no "he" can mean', () => {
    const atts = extractFrom(
      'Mayor Tom Reyes spoke on Monday.',
      'The figure was closer to 15 percent, Harbourfacts.org said.',
      'He defended the plan anyway, saying it was “the only way forward”.',
    );
    const speaker = (words: string) => atts.find((a) => a.content.text.includes(words))?.speaker;
    expect(speaker('closer to 15 percent')).toEqual({ name: 'Harbourfacts.org', kind: 'organization' });
    expect(speaker('only way forward')?.name).toBe('Tom Reyes');
  });
});

describe('pronouns and function words opening a sentence', () => {
  it('reads "Another said" and "One called …" as someone unnamed, not people named "Another" and "One"', () => {
    const atts = extractFrom(
      'Several voters spoke after the rally.',
      'Another said he supported the tunnel plan.',
      'One called the mayor “a good talker if you do not challenge him.”',
    );
    expect(atts.find((a) => a.content.text.includes('supported the tunnel'))?.speaker).toEqual({ name: null, kind: 'person' });
    expect(atts.find((a) => a.content.text.includes('good talker'))?.speaker).toEqual({ name: null, kind: 'person' });
  });

  it('takes no capitalised preposition or subordinator opening a sentence for part of a name ("Outside experts", "Whenever asked")', () => {
    const atts = extractFrom(
      'Outside experts say the plans are still far from enough to keep warming in check.',
      'Whenever asked about her weaknesses, they shifted topics to the other party.',
      'Prior to the debate, aides told reporters Carson had dropped out of the race.',
    );
    expect(speakerOf(atts, 'far from enough')).toBe('experts');
    const names = atts.map((a) => a.speaker.name);
    expect(names).not.toContain('Whenever');
    expect(names).not.toContain('Prior');
  });

  it('does not take the stage direction "Enter" for part of a name ("Enter Tom R. Reyes, a graduate …")', () => {
    const atts = extractFrom('Enter Tom R. Reyes, a graduate of the harbour school. “I am all yours,” he tells me.');
    expect(speakerOf(atts, 'all yours')).toBe('Tom R. Reyes');
  });

  it('does not take "Please" for someone who speaks', () => {
    const atts = extractFrom('Please share your videos, pictures and stories with the newsroom.');
    expect(atts.map((a) => a.speaker.name)).not.toContain('Please');
  });
});

describe('people named by their work', () => {
  it('takes an occupation as the speaker ("said the designer", "the attendees said")', () => {
    const one = extractFrom('“It is hard to come back to work after a baby,” said the designer, who works at another brand.');
    expect(one).toHaveLength(1);
    expect(one[0]?.speaker).toMatchObject({ kind: 'person', role: 'designer' });
    const many = extractFrom('Several attendees said the candidate had won them over.');
    expect(many[0]?.source?.text).toBe('Several attendees');
  });
});

describe('roles from an appositive after a name', () => {
  it('takes no role from a clause after the name ("BMJ Case Reports, the 43-year-old man had suffered …")', () => {
    const atts = extractFrom(
      'According to the study, published in BMJ Case Reports, the 43-year-old man had suffered months of dizziness.',
      '“It doesn’t affect me at all now,” the man wrote.',
    );
    expect(speakerOf(atts, 'affect me at all')).not.toBe('BMJ Case Reports');
  });
});

describe('capitalised words that are no names', () => {
  it('takes a modal opening a wish or question ("May we thank you") for a verb, not a person named May', () => {
    const atts = extractFrom(
      'Also all memberships will be extended. May we take this opportunity to thank each and every one of you.',
      '“It is only when it is closed we realise how much we miss it.”',
    );
    expect(atts.some((a) => a.speaker.name === 'May')).toBe(false);
    // the name stays a name
    expect(speakerOf(extractFrom('Theresa May said the deal was “the best available”.'), 'best available')).toBe('Theresa May');
    // a negated auxiliary opening an imperative or a question is no name ("Don’t say, “…”")
    const advice = extractFrom('Don’t say, “Courtney, this post is so snobbish it literally burned my eyes.”');
    expect(advice.some((a) => a.source?.text === 'Don’t' || a.speaker.name === 'Don’t')).toBe(false);
    // "Am I wrong to think …" asks; no one named Am thinks
    const column = extractFrom('Am I wrong to think his love of money may be stronger than his love for me?');
    expect(column.some((a) => a.speaker.name?.startsWith('Am') || a.source?.text === 'Am')).toBe(false);
  });

  it('reads "the wife of a man" as the wife, not the man the article named', () => {
    const atts = extractFrom(
      'Keith Lamont Scott, a 43-year-old man, was shot on Tuesday.',
      'The wife of a man fatally shot by police recorded the encounter, begging her husband to “get out of the truck”.',
    );
    expect(speakerOf(atts, 'get out of the truck')).not.toBe('Keith Lamont Scott');
    expect(atts.find((a) => a.content.text.includes('get out of the truck'))?.source?.text).toBe('The wife of a man');
  });

  it('takes an adverb opening a sentence for no name, and keeps the sentence break its capital marks', () => {
    const atts = extractFrom(
      'The coalition stayed neutral for years. Recently, however, it issued a paper calling for permanent bases in the east.',
      'Hastily politicizing the tragedy, Trump emphasized the threat that “Islamic terrorism” poses to the world.',
      'Interestingly Blocher insists these statements are not influenced by the referendum.',
    );
    const names = atts.map((a) => a.speaker.name);
    expect(names).not.toContain('Recently');
    expect(names).not.toContain('Hastily');
    expect(speakerOf(atts, 'not influenced by the referendum')).toBe('Blocher');
    // The sentence before the adverb ends where it did: its content does not run on into "Sadly, …".
    const before = extractFrom(
      'The agency said the city faced an air emergency. Sadly, pollution has become a feature of winter.',
    );
    expect(before.map((a) => a.content.text)).toEqual(['the city faced an air emergency']);
    // a name ending in -ly stays a name
    expect(speakerOf(extractFrom('Kelly said the plan was “dead on arrival”.'), 'dead on arrival')).toBe('Kelly');
  });
});

describe('"the group" and "the organization"', () => {
  it('are the body named just before, by the last word of its name', () => {
    const atts = extractFrom(
      'The Canal Martin Foundation did not want to address the sale.',
      '“As such, the foundation has no comment on the actions of that person,” the group said.',
    );
    expect(speakerOf(atts, 'no comment on the actions')).toBe('Canal Martin Foundation');
  });

  it('are not a committee or council named before', () => {
    const atts = extractFrom(
      'Shuster, the chairman of the House Canal and Infrastructure Committee, faces a challenge.',
      'AAN polled the race twice, the group said.',
    );
    expect(speakerOf(atts, 'polled the race')).toBeNull();
  });
});

describe('courtesy titles', () => {
  it('give no role: "Mr. Ryan" before "Speaker Paul D. Ryan" leaves him the Speaker', () => {
    const atts = extractFrom(
      'The remarks were “the textbook definition of a racist comment,” Mr. Ryan said.',
      'Speaker Paul D. Ryan, the highest-ranking Republican, on Tuesday called the remarks racist.',
      '“I disavow these comments,” Mr. Ryan said.',
    );
    for (const quote of ['textbook definition', 'I disavow']) {
      const a = atts.find((x) => x.content.text.includes(quote));
      expect(a?.speaker).toMatchObject({ name: 'Paul D. Ryan', role: 'Speaker' });
    }
  });

  it('give none to a speaker named only with one ("Mrs. Clinton said")', () => {
    const atts = extractFrom('Mrs. Clinton said the plan was “a good start for the town”.');
    const a = atts.find((x) => x.content.text.includes('a good start'));
    expect(a?.speaker.name).toBe('Clinton');
    expect(a?.speaker.role).toBeUndefined();
  });
});

describe('roles', () => {
  it('are not the words before the second of two names ("Bernie Sanders and")', () => {
    const atts = extractFrom('Bernie Sanders and Hillary Clinton said the plan was “a good start for the town”.');
    const a = atts.find((x) => x.content.text.includes('a good start'));
    expect(a?.speaker.role).toBeUndefined();
  });

  it('are not a relative clause after the name ("who served as …")', () => {
    const atts = extractFrom(
      'Derek Mitchell, who served as secretary of state for Burma from 2012, said the talks were “a useful first step”.',
    );
    const a = atts.find((x) => x.content.text.includes('a useful first step'));
    expect(a?.speaker.name).toBe('Derek Mitchell');
    expect(a?.speaker.role).toBeUndefined();
  });
});

describe('a headline preposition before a surname', () => {
  it('is no first name ("Beneath Clinton’s wins")', () => {
    const atts = extractFrom(
      'Beneath Clinton’s wins, signs of trouble',
      'Hillary Clinton won seven states on Tuesday.',
      '“We will keep going,” Mrs. Clinton said on Wednesday.',
    );
    expect(speakerOf(atts, 'We will keep going')).toBe('Hillary Clinton');
  });
});
