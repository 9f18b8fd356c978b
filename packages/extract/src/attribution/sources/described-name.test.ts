import { describe, expect, it } from 'vitest';
import { attributionsOf, overParagraphs } from '../frames/test-support.js';

describe('a name with a descriptor before it, after a quotation', () => {
  it('reads "the 14th-ranked Schwartzman" and "the 37-year-old Smith" as the speaker', () => {
    expect(attributionsOf('“I played one of the best matches,” the 14th-ranked Schwartzman said.')).toMatchObject([
      { type: 'direct', source: 'the 14th-ranked Schwartzman', speaker: 'Schwartzman' },
    ]);
    expect(attributionsOf('“We won,” the 37-year-old Smith said.')).toMatchObject([{ source: 'the 37-year-old Smith' }]);
  });

  it('reads a plain adjective behind an article right after a quotation ("the mighty Nadal")', () => {
    expect(attributionsOf('“We won,” the mighty Nadal said.')).toMatchObject([{ content: 'We won', speaker: 'Nadal' }]);
  });

  it('does not read a noun a clause describes as a descriptor after a comma (", a point Feinstein acknowledged")', () => {
    const got = attributionsOf(
      'Sources told reporters that she did chime in and the conversation flowed both ways, a point Feinstein also acknowledged.',
    );
    expect(got.some((a) => a.source?.includes('a point'))).toBe(false);
  });

  it('takes a compound modifier behind an article after a comma in running text ("a still-struggling HP announced")', () => {
    expect(attributionsOf('In 2012, a still-struggling HP announced it would cut 30,000 jobs.')).toMatchObject([
      { cue: 'announced', source: 'a still-struggling HP', content: 'it would cut 30,000 jobs' },
    ]);
  });
});

describe('a capitalised modifier with a hyphenated ending', () => {
  it('is nobody’s name ("a Trump-style retort …, tweeting"), while a Korean given name keeps its hyphen', () => {
    const got = overParagraphs(
      'Jeb Bush spoke in Manchester.',
      'Bush offered a Trump-style retort on the mogul’s preferred mode of communication, tweeting at him, "you are a liar and a whiner."',
    );
    expect(got.some((a) => a.speaker === 'Trump-style')).toBe(false);
    expect(attributionsOf('“We will appeal,” Lee Jae-myung said.')).toMatchObject([{ speaker: 'Lee Jae-myung' }]);
  });
});

describe('a descriptor before a lower-case head, after a quotation', () => {
  it('reads "the production company" and gives it the production company the article named', () => {
    const got = overParagraphs(
      'Big Machine Records said it was fine. Dick Clark Productions denied that it had settled with Big Machine Records.',
      '“At no time did we agree,” the production company said.',
    );
    expect(got[got.length - 1]).toEqual({ speaker: 'Dick Clark Productions', cue: 'said', content: 'At no time did we agree' });
  });
});

describe('a description before the name, after a quotation', () => {
  it('credits the name after "the chief of staff," and after a possessive name\'s role', () => {
    expect(attributionsOf('“We won,” the chief of staff, Joe Kasper, told the paper.')).toMatchObject([
      { content: 'We won', speaker: 'Joe Kasper' },
    ]);
    expect(attributionsOf('“We won,” Rep. Duncan Hunter’s chief of staff, Joe Kasper, told the paper.')).toMatchObject([
      { content: 'We won', speaker: 'Joe Kasper' },
    ]);
  });
});

describe('a bare reporting clause after a quotation sentence', () => {
  it('takes the quotation of its own paragraph only, not a lone quotation of the paragraph before', () => {
    const got = overParagraphs('“I played unreal tennis.”', '“We won,” the mighty Nadal said.');
    expect(got).toEqual([{ speaker: 'Nadal', cue: 'said', content: 'We won' }]);
  });
});

describe('a lone quotation closing a paragraph', () => {
  it('goes to a bare "X said." opening the next paragraph, not to a longer sentence there', () => {
    expect(overParagraphs('“We will not back down.”', 'Nadal said.')).toEqual([
      { speaker: 'Nadal', cue: 'said', content: 'We will not back down.' },
    ]);
    const longer = overParagraphs(
      '“It was such a success.”',
      'The statement conflicted with what Melania Trump told NBC News before her appearance.',
    );
    expect(longer.some((a) => a.content === 'It was such a success.')).toBe(false);
  });
});

describe('British honorifics without a full stop', () => {
  it('belong to the name after a quotation ("“…,” Mr Farage told the BBC", "said Ms Truss")', () => {
    expect(attributionsOf('“We were at the back of the queue,” Mr Farage told the BBC.')).toMatchObject([
      { type: 'direct', source: 'Mr Farage', content: 'We were at the back of the queue' },
    ]);
    expect(attributionsOf('“We need to remove Poland from the list,” said Ms Truss.')).toMatchObject([
      { type: 'direct', source: 'Ms Truss', speaker: 'Truss' },
    ]);
  });
});

describe('a described subject between a quotation and its cue', () => {
  it('takes a determiner and the words after it whatever the lexicon knows of them', () => {
    expect(attributionsOf('“They have to stop and listen,” the retired neurosurgeon told REVOLT TV.')).toMatchObject([
      { type: 'direct', source: 'the retired neurosurgeon', content: 'They have to stop and listen' },
    ]);
    expect(attributionsOf('“They got great ratings,” the billionaire business mogul told People.')).toMatchObject([
      { source: 'the billionaire business mogul' },
    ]);
    expect(attributionsOf('“It is great fun,” one user wrote.')).toMatchObject([{ source: 'one user' }]);
  });

  it('takes a comma between two modifiers ("the bespectacled, 71-year-old diplomat said")', () => {
    expect(attributionsOf('“I made the canal my priority,” the bespectacled, 71-year-old diplomat said.')).toMatchObject([
      { type: 'direct', source: 'the bespectacled, 71-year-old diplomat', content: 'I made the canal my priority' },
    ]);
  });

  it('leaves a participle before "by" and a noun after a preposition alone', () => {
    const book = attributionsOf('Scribner will publish “Trump Revealed,” a biography written by two reporters.');
    expect(book.some((a) => a.source === 'a biography')).toBe(false);
    const office = attributionsOf('On “The Morning Show,” the former secretary of state said she wanted to speak.');
    expect(office.some((a) => a.cue === 'state')).toBe(false);
  });
});

describe('a quotation a sentence announces with a colon', () => {
  it('is the words of the person opening the sentence when no frame reports anything there', () => {
    expect(
      overParagraphs(
        'Justice Samuel Alito questioned the lawyer.',
        'Alito cut her off: “No, I am not making that point. I tried to make it clear.”',
      ),
    ).toContainEqual({
      speaker: 'Samuel Alito',
      cue: null,
      content: 'No, I am not making that point. I tried to make it clear.',
    });
  });

  it('is no one’s after a heading in capitals', () => {
    expect(overParagraphs('The vote was close.', 'PATIENCE IS A VIRTUE: “Rates will stay high.”')).toEqual([]);
  });
});

describe('an epithet after a quotation', () => {
  it('is the person who spoke last when news writes it for a public figure ("the Florida senator")', () => {
    const got = overParagraphs(
      'Marco Rubio said he would back the nominee.',
      '“I stand by everything I said,” the Florida senator told reporters.',
    );
    expect(got[got.length - 1]).toMatchObject({ speaker: 'Marco Rubio', content: 'I stand by everything I said' });
  });

  it('reaches across a blank line between paragraphs, and not past a question put to the speaker', () => {
    const blank = overParagraphs(
      'Sheldon Adelson said he met Trump.',
      '',
      '“It was very nice,” the gambling tycoon told Reuters.',
    );
    expect(blank[blank.length - 1]).toMatchObject({ speaker: 'Sheldon Adelson', content: 'It was very nice' });
    const asked = overParagraphs('“That would be you?” Gloria Borger asked.', '“That would be me, yes,” the senator said.');
    expect(asked[asked.length - 1]?.speaker).not.toBe('Gloria Borger');
  });

  it('is the person a question was put to, when the question names them', () => {
    const asked = overParagraphs(
      '“Should there be a database system that tracks the Muslims here?” a reporter can be heard asking Trump after an event.',
      '“There should be a lot of systems, beyond databases,” the businessman replied.',
    );
    expect(asked[0]).toMatchObject({ speaker: null, cue: 'asking' });
    expect(asked[asked.length - 1]).toMatchObject({
      speaker: 'Trump',
      content: 'There should be a lot of systems, beyond databases',
    });
  });

  it('follows its cue too ("…,” said the Florida senator")', () => {
    const got = overParagraphs(
      'Marco Rubio said he would back the nominee.',
      '“I stand by everything I said,” said the Florida senator.',
    );
    expect(got[got.length - 1]).toMatchObject({ speaker: 'Marco Rubio', content: 'I stand by everything I said' });
  });

  it('is "the man who …" with a relative clause describing him, not a bare "the man"', () => {
    const described = overParagraphs(
      'Joe Biden spoke in Scranton.',
      '“This man is totally unqualified to be president,” he added.',
      'Voters “deserve someone who is made of the same stuff,” said the man who built his career on blue collar credentials.',
    );
    expect(described[described.length - 1]).toMatchObject({ speaker: 'Joe Biden' });
    const bare = overParagraphs(
      'Joe Biden spoke in Scranton.',
      '“This man is totally unqualified to be president,” he added.',
      '“I came to hear him,” said the man, a retired welder.',
    );
    expect(bare[bare.length - 1]?.speaker).not.toBe('Joe Biden');
  });

  it('is not the last speaker when its gender differs or when it names another part in the story', () => {
    const actress = overParagraphs('Ryan Gosling said he loved the script.', '“It was at a diner,” the actress says.');
    expect(actress[actress.length - 1]?.speaker).toBeNull();
    const patient = overParagraphs(
      'Dr. Paul Dempsey said the patient recovered.',
      '“It does not affect me now,” the patient wrote.',
    );
    expect(patient[patient.length - 1]?.speaker).not.toBe('Paul Dempsey');
  });
});

describe('an epithet opening a sentence', () => {
  it('is the one person the sentence before names ("Rubio offered … The Florida senator sought to calm …, saying …")', () => {
    const got = overParagraphs(
      'Marco Rubio spoke over boos from the audience. Rubio offered the crowd an emotional evaluation as he ended his bid.',
      'The Florida senator sought to calm his supporters, saying the person would “not get beat up” at his rally.',
    );
    expect(got[got.length - 1]).toMatchObject({ speaker: 'Marco Rubio', cue: 'saying' });
    const trailing = overParagraphs(
      'Donald Trump invited Russia to find the emails.',
      'The Republican presidential nominee for the Nov. 8 election later said he was being “sarcastic” in his comments.',
    );
    expect(trailing[trailing.length - 1]).toMatchObject({ speaker: 'Donald Trump', cue: 'said' });
    // along a chain of sentences each opened by such a description
    const chain = overParagraphs(
      'In the spring, Hillary Clinton proclaimed at a press conference, “I did not email any classified material to anyone.” The presidential candidate reiterated: “I did not send classified material.”',
      'The candidate changed her story a few months later, stating that she had not sent emails that were “marked classified at the time.”',
    );
    expect(chain[chain.length - 1]).toMatchObject({ speaker: 'Hillary Clinton', cue: 'stating' });
  });

  it('is the one person named before sentences that go on about him by pronoun only ("But his effort …")', () => {
    const got = overParagraphs(
      'Michael Bloomberg has attempted to apologize for the policy. But his effort hit a hurdle when audio surfaced of remarks he made in 2015.',
      'In the speech, first disclosed by the Aspen Times, the former mayor argued that the policy “saved lives.”',
    );
    expect(got[got.length - 1]).toMatchObject({ speaker: 'Michael Bloomberg', cue: 'argued' });
    // Not over a sentence about no one
    const none = overParagraphs(
      'Michael Bloomberg has attempted to apologize for the policy. Audio surfaced last week.',
      'In the speech, first disclosed by the Aspen Times, the former mayor argued that the policy “saved lives.”',
    );
    expect(none[none.length - 1]?.speaker).toBeNull();
  });

  it('is the one person of its gender named before, for a gendered description ("the businessman", "the actress")', () => {
    const two = overParagraphs(
      'Donald Trump attacked Hillary Clinton at a rally on Friday.',
      'The New York businessman says she will “put the office up for sale.”',
    );
    expect(two[two.length - 1]).toMatchObject({ speaker: 'Donald Trump', cue: 'says' });
    // after a man's report in the same paragraph, "the actress" is the woman named there
    const near = overParagraphs(
      'The film stars Ryan Gosling and Emma Stone.',
      'He met Gosling, who told Chazelle he “wanted to dance”; Stone had just come off a Broadway run. “It was at a diner,” the actress says.',
    );
    expect(near[near.length - 1]).toMatchObject({ speaker: 'Emma Stone', content: 'It was at a diner' });
  });

  it('stays unresolved when the sentence before names two people, its own sentence names one first, or it ranks', () => {
    const two = overParagraphs(
      'Hillary Clinton attacked Bernie Sanders on trade.',
      'The Vermont senator said the deal would cost jobs.',
    );
    expect(two[two.length - 1]?.speaker).toBeNull();
    const earlier = overParagraphs(
      'Donald Trump spoke on Sunday.',
      'Mr. Trump took on Hillary Clinton after the Democratic candidate had said his plan would fail.',
    );
    expect(earlier.some((a) => a.speaker === 'Donald Trump' && a.content.includes('plan would fail'))).toBe(false);
    const ranked = overParagraphs(
      'Ted Cruz won nine of the Wyoming delegates.',
      'The GOP front-runner complained that the contest had been rigged.',
    );
    expect(ranked[ranked.length - 1]?.speaker).toBeNull();
    const pair = overParagraphs(
      'Mitch McConnell said he had a conversation with Donald Trump.',
      'McConnell told reporters it was the first time the two men spoke since December.',
      'The Kentucky Republican and the New York businessman discussed the recent violence that has marred the rallies.',
    );
    expect(pair.some((a) => a.speaker === 'Mitch McConnell' && a.cue === 'discussed')).toBe(false);
  });
});

describe('an office written with a capital after "the"', () => {
  it('is a role resolved to the person introduced with it, not a person named "President"', () => {
    const got = overParagraphs('President Obama said the plan would work.', '“We will win,” the President said.');
    expect(got[got.length - 1]).toMatchObject({ speaker: 'Obama', content: 'We will win' });
    const paper = overParagraphs('Donald Trump said the plan would work.', '“The plan failed,” the Daily Caller reported.');
    expect(paper[paper.length - 1]?.speaker).toContain('Caller');
  });
});
