import { describe, expect, it } from 'vitest';
import { agrees, genderOfFirstName, looksLikeOrganisation } from './pronouns.js';
import { extractFrom as run, speakerOf } from './test-support.js';

describe('pronoun agreement', () => {
  it('knows the gender of common first names from both lexicons', () => {
    expect(genderOfFirstName('Raquel')).toBe('f');
    expect(genderOfFirstName('jay')).toBe('m');
    expect(genderOfFirstName('nancy')).toBe('f');
    expect(genderOfFirstName('Quorblax')).toBeNull();
  });

  it('never gives he or she to a lone acronym, country or US state read as a name', () => {
    for (const name of ['HP', 'NPHET', 'Pennsylvania', 'Md.', 'Germany'])
      expect(agrees('she', { name, kind: 'person', gender: null }), name).toBe(false);
    for (const name of ['Volker Beck', 'Washington', 'Georgia', 'Kim'])
      expect(agrees('he', { name, kind: 'person', gender: null }), name).toBe(true);
  });

  it('takes an outlet’s name after a gendered first name for a person’s surname ("Michael Bloomberg", not "Bloomberg News")', () => {
    expect(looksLikeOrganisation('Michael Bloomberg')).toBe(false);
    expect(looksLikeOrganisation('Liam Fox')).toBe(false);
    expect(looksLikeOrganisation('Bloomberg News')).toBe(true);
    expect(looksLikeOrganisation('Fox News')).toBe(true);
  });

  it('never gives he or she to a law, a poll or a report read as a name ("Fourteenth Amendment", "Gallup Poll")', () => {
    for (const name of ['Fourteenth Amendment', 'Glass-Steagall Act', 'Gallup Poll', 'Hurun Report', 'Final Column'])
      expect(agrees('she', { name, kind: 'person', gender: null }), name).toBe(false);
    expect(agrees('she', { name: 'Ghazala Khan', kind: 'person', gender: null })).toBe(true);
  });

  it('gives "they" to a group, an organisation or documents in the plural, never to one document', () => {
    expect(agrees('they', { name: 'image', kind: 'document', gender: null })).toBe(false);
    expect(agrees('they', { name: 'emails', kind: 'document', gender: null })).toBe(true);
    expect(agrees('they', { name: 'State Department', kind: 'organization', gender: null })).toBe(true);
    const review = run(
      'The image showed a screaming, ghostly figure.',
      'They found the dark planet and told her that she was the only one who could defy prophecy.',
    );
    expect(review.filter((a) => a.source?.text === 'They').map((a) => a.speaker.name)).not.toContain('image');
    expect(review.some((a) => a.source?.text === 'They')).toBe(true);
  });

  it('does not take a name in the writer’s aside between two quotations for the sentence’s subject', () => {
    const atts = run(
      'Bloomberg’s pollster, Douglas Schoen, says his man has the money. “I don’t think the conventional wisdom” -- that Michael Bloomberg is seen as a nanny-state liberal -- “is going to last,” he says.',
    );
    expect(speakerOf(atts, 'is going to last')).toBe('Douglas Schoen');
  });

  it('leaves first names borne by men and women alike to the article ("Lindsey", "Kim"); "Carly" is a woman', () => {
    expect(genderOfFirstName('lindsey')).toBeNull();
    expect(genderOfFirstName('kim')).toBeNull();
    expect(genderOfFirstName('carly')).toBe('f');
    const atts = run(
      'Carly Fiorina spoke in Pennsylvania on Monday. “There are two looks that people get,” she told her audience.',
    );
    expect(speakerOf(atts, 'two looks')).toBe('Carly Fiorina');
  });

  it('knows first names from US birth counts that the hand-written lists lack, but no title or common word', () => {
    expect(genderOfFirstName('Wade')).toBe('m');
    expect(genderOfFirstName('sharron')).toBe('f');
    expect(genderOfFirstName('chuck')).toBe('m');
    // given to both sexes, or a word before it is a name: left to the article
    for (const w of ['jordan', 'lindsey', 'major', 'marshall', 'blade', 'art']) expect(genderOfFirstName(w), w).toBeNull();
    const atts = run(
      'From the deck of his schooner, skipper Wade Bassi has better insight than most into what is happening at Whole Foods Market, at least as pertains to the product he knows best.\n\n' +
        '“When you look at nice halibut, I mean it is pure white,” he said.',
    );
    expect(speakerOf(atts, 'nice halibut')).toBe('Wade Bassi');
  });

  it('counts a bare surname as a mention of the one person of that name ("Bassi, 43 years a fisherman")', () => {
    const atts = run(
      'For years, skipper Zorvan Bassi has watched the grocery chain Whole Foods Market for years.\n\n' +
        'Bassi, 43 years a fisherman, keeps an eye on how fish is presented in the stores.\n\n' +
        '“When you look at nice halibut, I mean it is pure white,” he said.',
    );
    expect(speakerOf(atts, 'nice halibut')).toBe('Zorvan Bassi');
  });

  it('takes a lone "Bloomberg" or "Cuban" for the person of that surname the article named', () => {
    const atts = run(
      'Michael Bloomberg spoke in Houston on Tuesday.\n\n' +
        '“Congress got involved, and said that is not fair,” Bloomberg said.\n\n' +
        'Paul Begala, a longtime adviser, watched from the side.\n\n' +
        'Mark Cuban was asked about the race. “It is too early to tell,” Cuban said. “Nobody knows yet,” he added.',
    );
    expect(speakerOf(atts, 'Congress got involved')).toBe('Michael Bloomberg');
    expect(speakerOf(atts, 'too early to tell')).toBe('Mark Cuban');
    expect(speakerOf(atts, 'Nobody knows yet')).toBe('Mark Cuban');
  });

  it('never gives he or she to an organisation read as a name', () => {
    expect(looksLikeOrganisation('Amnesty International')).toBe(true);
    expect(looksLikeOrganisation('Nesma Hajjaj')).toBe(false);
    expect(agrees('she', { name: 'Amnesty International', kind: 'person', gender: null })).toBe(false);
    expect(agrees('she', { name: 'Dana Roe', kind: 'person', gender: 'm' })).toBe(false);
    expect(agrees('she', { name: 'Dana Roe', kind: 'person', gender: null })).toBe(true);
    expect(agrees('they', { name: 'the council', kind: 'organization', gender: null })).toBe(true);
  });

  it('skips a speaker of the other gender ("she" after a man spoke)', () => {
    const atts = run(
      '“We will appoint the best judge,” Governor Jay Inslee said of Raquel Montoya.',
      'A reporter asked Montoya about bias in the courts.',
      '“The biggest hurdle is getting people to understand,” she replied.',
    );
    expect(speakerOf(atts, 'biggest hurdle')).toBe('Raquel Montoya');
  });

  it('counts the subject of any sentence, not only of reporting clauses', () => {
    const atts = run(
      '“I had no knowledge of it,” Kurt Volker said.',
      'Tim Morrison was the third witness on Tuesday. He said there would be “political consequences”.',
    );
    expect(speakerOf(atts, 'political consequences')).toBe('Tim Morrison');
  });

  it('does not send she to an organisation that spoke last', () => {
    const atts = run(
      'Amnesty International said the order could amount to a war crime.',
      'One of those who fled was Nesma Hajjaj, who was pregnant at the time. “I am from Gaza City,” she said.',
    );
    expect(speakerOf(atts, 'I am from Gaza City')).toBe('Nesma Hajjaj');
  });

  it('learns a gender from the article’s own usage', () => {
    const atts = run(
      'Quorblax Dunmore, a farmer, spoke first. “Rain is late,” she said.',
      'Then Brent Sherwood spoke. “Prices are up,” he said.',
      '“We need help,” she added.',
    );
    expect(speakerOf(atts, 'Rain is late')).toBe('Quorblax Dunmore');
    expect(speakerOf(atts, 'We need help')).toBe('Quorblax Dunmore');
  });

  it('takes the subject after a leading "although" clause as the one "she" points to, not a person named inside the clause', () => {
    const atts = run(
      'Although it was far from the last word on Hillary Clinton’s email scandal, Attorney General Loretta Lynch took the last step on Wednesday. “Late this afternoon, I met with the prosecutors,” she said in a statement.',
    );
    expect(speakerOf(atts, 'Late this afternoon')).toBe('Loretta Lynch');
    // the main clause's pronoun is the clause's own person
    const own = run(
      'Although Julian Assange was not charged, he has accused Hillary Clinton of pushing for it. “We will publish more,” he said.',
    );
    expect(speakerOf(own, 'publish more')).toBe('Julian Assange');
  });

  it('takes the subject after a leading participle phrase, not a person named inside it or listed after it', () => {
    const atts = run(
      'Mayor Tom Hale flew to Phoenix.',
      'Preceded at the lectern by Joe Arpaio, the county sheriff, Hale launched into a lament about the canal.',
      '“We will build a great canal!” he said to an enormous cheer.',
    );
    expect(speakerOf(atts, 'great canal')).toBe('Tom Hale');
    // a list of names after a comma holds no subject
    const listed = run(
      'Senator Carl Dunmore spoke first.',
      'Featuring songs by Loretta Lynn, Johnny Cash and others, the concert was a hit.',
      '“It was loud,” he said.',
    );
    expect(speakerOf(listed, 'It was loud')).toBe('Carl Dunmore');
  });

  it('takes the person after a name modifying a role ("Hale campaign manager Rob Mook") as the subject', () => {
    const atts = run(
      'Senator Carl Dunmore beat Mayor Ann Hale in the primary on Tuesday, and she conceded.',
      'On Monday night, Hale campaign manager Rob Mook released a memo.',
      'He writes that Hale has “built a nearly insurmountable lead.”',
    );
    expect(speakerOf(atts, 'insurmountable lead')).toBe('Rob Mook');
  });

  it('takes a woman this paragraph names for "she" over one who spoke paragraphs before', () => {
    const atts = run(
      '“Nobody marketed Mike Ford,” Beth Meacham said.',
      'His novels baffle. Inference, close reading and faith that the author knows what he is doing are all essential for navigating these long and difficult moments, which I came to think of as icebergs, after the novelist Joan Walton explained them to me. “You only see the tenth of the iceberg,” she said.',
    );
    expect(speakerOf(atts, 'tenth of the iceberg')).toBe('Joan Walton');
  });

  it('keeps the earlier subject when the paragraph went on about her before naming another woman', () => {
    const atts = run(
      '“Justice is blind,” Loretta Lynch said.',
      'She has faced controversies, among them her meeting with Bill Clinton while the department investigated his wife, Hillary Clinton. She said she was not aware of a backlash.',
      '“People tend not to say those things to the attorney general,” she said.',
    );
    expect(speakerOf(atts, 'People tend not')).toBe('Loretta Lynch');
  });

  it('gives "Mrs. Clinton" to the woman and "Mr. Clinton" to the man of that surname, whoever was named last', () => {
    const atts = run(
      'Bill Clinton faced scrutiny. Hillary Clinton is shaping his role.',
      'Mrs. Clinton told voters that he would be “in charge of the economy.”',
      'Hillary Clinton spoke first. Then Bill Clinton took the stage.',
      'Mr. Clinton said the gathering would be “the last one.”',
    );
    expect(speakerOf(atts, 'in charge of the economy')).toBe('Hillary Clinton');
    expect(speakerOf(atts, 'the last one')).toBe('Bill Clinton');
  });

  it('takes the gender of a person whose first name is either sex’s from the kinship noun introducing them', () => {
    const atts = run(
      'Fun as it sounds, the late neurologist Oliver Sacks wrote about such symptoms. Steenburgen was not thrilled.',
      'Steenburgen’s son, filmmaker Charlie McDowell, also remembers it as a trying time. “It was definitely a change,” he said.',
    );
    expect(speakerOf(atts, 'definitely a change')).toBe('Charlie McDowell');
  });
});
