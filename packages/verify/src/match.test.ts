import { describe, expect, it } from 'vitest';
import { compareWording } from './fidelity.js';
import { isContainedIn, longestCommonRun, matchQuotes, strongOverlap } from './match.js';
import { normalizeQuote } from './normalize.js';
import { foldName, sameSpeaker, speakersConflict } from './speaker.js';

const w = (s: string) => normalizeQuote(s).words;

describe('normalizeQuote', () => {
  it('folds quote marks, case, punctuation and compatibility forms', () => {
    expect(normalizeQuote('“It is NOT our peace plan.”').text).toBe('it is not our peace plan');
    expect(normalizeQuote('ﬁne, it’s “done”').text).toBe("fine it's done");
    expect(normalizeQuote('the U.S. sent 600,000').text).toBe('the us sent 600000');
  });

  it("reads a writer's bracketed words as a gap, and keeps a bracketed capital", () => {
    expect(normalizeQuote('not me, not Bill [Clinton], nobody').words).toEqual(['not', 'me', 'not', 'bill', '…', 'nobody']);
    expect(normalizeQuote('[W]e are reminded').text).toBe('we are reminded');
  });
  it('reads the possessive of a word ending in s the same in either house style', () => {
    expect(normalizeQuote('He is becoming ISIS’s best recruiter').text).toBe('he is becoming isis best recruiter');
    expect(normalizeQuote('He is becoming ISIS’ best recruiter').text).toBe('he is becoming isis best recruiter');
    expect(normalizeQuote("Sanders's plan, Trump's plan, it's done").text).toBe("sanders plan trump's plan it's done");
  });
  it('reads a percentage the same in every house style', () => {
    const ap = normalizeQuote('Crime fell 18.7 percent last year').text;
    for (const other of ['Crime fell 18.7% last year', 'Crime fell 18.7 % last year', 'Crime fell 18.7 per cent last year'])
      expect(normalizeQuote(other).text).toBe(ap);
  });
  it('leaves out a house-style honorific before a name, and keeps the word elsewhere', () => {
    expect(normalizeQuote('they had a positive view of Mrs. Clinton, compared with 33 percent').text).toBe(
      normalizeQuote('they had a positive view of Clinton, compared with 33 percent').text,
    );
    expect(normalizeQuote('Mr. Trump and Dr. Carson spoke').text).toBe('trump and carson spoke');
    expect(normalizeQuote('he called the doctor, Dr').text).toBe('he called the doctor dr');
  });
  it('breaks words at a dash, spaced or not, and a hyphenated word in its parts', () => {
    expect(normalizeQuote('the plan—and the well-known deal').text).toBe('the plan and the well known deal');
    expect(normalizeQuote('carpet-bomb them').text).toBe(normalizeQuote('carpet bomb them').text);
    // The first part keeps the written token, so a name inside a compound is still read as one.
    expect(normalizeQuote('a Mexican-American judge').raw).toEqual(['a', 'Mexican-American', '', 'judge']);
    expect(normalizeQuote('the plan -- and the deal – then').text).toBe('the plan and the deal then');
  });
  it('keeps an ellipsis as a gap', () => {
    expect(w('someone … representing Russia')).toEqual(['someone', '\u2026', 'representing', 'russia']);
  });
});

describe('matchQuotes', () => {
  it('matches exact normalised wording', () => {
    expect(matchQuotes(w('We will win.'), w('“we will WIN”'), false)).toBe('exact');
  });
  it('finds a few words cut from a longer quote without its "of" or "the", and no other word', () => {
    const said = w('If my son were still in Iraq, the threat to their life has gone up a couple of clicks');
    expect(matchQuotes(w('a couple clicks'), said, true)).toBe('contained');
    expect(matchQuotes(w('a couple clicks'), said, false)).toBeNull();
    expect(matchQuotes(w('to break barriers'), w('continuing to break down barriers to voting'), true)).toBeNull();
  });

  it('reads a gap of the longer quote as standing for a few words of the shorter', () => {
    const bracketed = w("carpet-bomb [the Islamic militants] into oblivion. I don't know if sand can glow in the dark");
    expect(isContainedIn(w('carpet bomb them into oblivion.'), bracketed)).toBe(true);
    expect(isContainedIn(w('carpet bomb them into oblivion.'), w('carpet bomb into oblivion'))).toBe(false);
    // A gap stands for a few words, not a passage, and not for most of the quote.
    expect(isContainedIn(w('carpet bomb one two three four five into oblivion'), bracketed)).toBe(false);
    expect(isContainedIn(w('the militants said'), w('[those people] said'))).toBe(false);
  });
  it('matches a quote cut from a longer one, with ellipsis gaps', () => {
    expect(matchQuotes(w('not our peace plan'), w('It is not our recommendation. It is not our peace plan.'), false)).toBe(
      'contained',
    );
    expect(isContainedIn(w('someone … representing Russia'), w('someone who was representing Russia at the talks'))).toBe(true);
  });
  it('links a short paraphrase held in another only when the speaker is known to be the same', () => {
    const short = w('President Obama in 2008 and 2012');
    const long = w(
      'Mrs. Clinton will have difficulty matching the voters who came to the polls for President Obama in 2008 and 2012',
    );
    expect(matchQuotes(short, long, false, 'one')).toBeNull();
    expect(matchQuotes(short, long, true, 'one')).toBe('contained');
    // identical wording still matches, and a long enough paraphrase is contained across speakers
    expect(matchQuotes(short, short, false, 'one')).toBe('exact');
    const ten = w('the voters who came to the polls for President Obama in 2008');
    expect(matchQuotes(ten, long, false, 'one')).toBe('contained');
  });
  it('links two paraphrases of different or unknown speakers only on the same words, not a shared run', () => {
    const plan = w('he would increase fees for border crossing cards to pay for the border wall he wants to build');
    const asked = w('whether they talked about his vow to get Mexico to pay for the border wall he wants to build');
    expect(matchQuotes(plan, asked, false, 'one')).toBe('run');
    expect(matchQuotes(plan, asked, false, 'both')).toBeNull();
    expect(matchQuotes(plan, asked, true, 'both')).toBe('run');
    expect(matchQuotes(asked, asked, false, 'both')).toBe('exact');
  });
  it('matches a shared run of eight words', () => {
    const a = w('we are going to build a wall along the southern border and Mexico will pay');
    const b = w('Trump said we are going to build a wall along the southern border, believe me');
    expect(longestCommonRun(a, b)).toBeGreaterThanOrEqual(8);
    expect(matchQuotes(a, b, false)).toBe('run');
  });
  it('matches small word edits and not different quotes', () => {
    expect(
      matchQuotes(w('the economy is doing very well right now'), w('the economy is doing really well right now'), false),
    ).toBe('edit');
    expect(matchQuotes(w('the economy is doing very well'), w('the army is ready for anything'), false)).toBeNull();
  });
  it("links one speaker's statement as two outlets trimmed it (most words in order, no long run)", () => {
    const a = w(
      "The problem is presidents can't just say anything they want, because it has consequences here and around the world.",
    );
    const b = w('But presidents can’t just say anything they want. It has consequences around the world.');
    expect(longestCommonRun(a, b)).toBeLessThan(8);
    expect(matchQuotes(a, b, true)).toBe('edit');
    // not across speakers, and not on a few shared words
    expect(matchQuotes(a, b, false)).toBeNull();
    expect(matchQuotes(w('presidents can say what they want about the world'), a, true)).toBeNull();
  });
  it('links them when one outlet printed the sentence as the second part of an interrupted quotation', () => {
    const a = w(
      "The problem is presidents can't just say anything they want, because it has consequences here and around the world.",
    );
    const b = w(
      'Trump says the things people want to say … But presidents can’t just say anything they want. It has consequences around the world.',
    );
    expect(matchQuotes(a, b, true)).toBe('edit');
    expect(matchQuotes(b, a, true)).toBe('edit');
    expect(matchQuotes(a, b, false)).toBeNull();
  });
  it('clusters one- to three-word quotes only with the same speaker', () => {
    expect(matchQuotes(w('wish list'), w('wish list'), false)).toBe('exact');
    expect(matchQuotes(w('wish list'), w('a Russian wish list of demands'), false)).toBeNull();
    expect(matchQuotes(w('wish list'), w('a Russian wish list of demands'), true)).toBe('contained');
  });
});

describe("strongOverlap (what lets two different speakers' quotes link)", () => {
  const w = (t: string) => normalizeQuote(t).words;

  it('does not take a slogan shared inside longer words for the shorter quote', () => {
    const short = 'to make sure our canal serves every town, not just the ones on the river';
    const long =
      'More than a thousand families wrote to the council because they know the governor will build a canal that serves every town, not just the ones on the river';
    // 7 of the short quote's 12 4-grams: over half, under two thirds
    expect(strongOverlap(w(short), w(long))).toBe(false);
  });

  it("links two outlets' punctuations of one list of phrases", () => {
    expect(
      strongOverlap(
        w('The noise. The dust. The fences. The detours. The endless, half-finished bridges.'),
        w('the noise, the dust, the fences, the detours, the endless half finished bridges'),
      ),
    ).toBe(true);
  });
});

describe('compareWording', () => {
  const canon = normalizeQuote('It is not our recommendation. It is not our peace plan.');
  it('classifies the mutation types', () => {
    expect(compareWording(canon, normalizeQuote('It is not our recommendation. It is not our peace plan.')).fidelity).toBe(
      'exact',
    );
    expect(compareWording(canon, normalizeQuote('It is not our peace plan')).fidelity).toBe('truncated');
    expect(compareWording(canon, normalizeQuote('It is not our recommendation … not our peace plan')).fidelity).toBe('omission');
    expect(compareWording(canon, normalizeQuote('It is not our recommendation. It is really not our peace plan.')).fidelity).toBe(
      'insertion',
    );
    expect(compareWording(canon, normalizeQuote('It is not our recommendation. It is not their peace plan.')).fidelity).toBe(
      'substitution',
    );
    expect(compareWording(canon, normalizeQuote('We never recommended any of it')).fidelity).toBe('paraphrase');
  });
  it('flags edits that touch a negation, a number or a name', () => {
    expect(compareWording(canon, normalizeQuote('It is not our recommendation. It is our peace plan.')).meaningChanged).toBe(
      true,
    );
    expect(compareWording(canon, normalizeQuote('our peace plan')).meaningChanged).toBe(true);
    expect(compareWording(canon, normalizeQuote('It is not our peace plan')).meaningChanged).toBe(false);
    const n = normalizeQuote('cut the army from 900,000 soldiers to 600,000');
    expect(compareWording(n, normalizeQuote('cut the army from 900,000 soldiers to 500,000')).meaningChanged).toBe(true);
    const p = normalizeQuote('the plan was presented to Witkoff by someone');
    expect(compareWording(p, normalizeQuote('the plan was presented to Rubio by someone')).meaningChanged).toBe(true);
  });
});

describe('speaker identity', () => {
  it('folds transliteration variants of one surname', () => {
    expect(foldName('Zelenskyy')).toBe(foldName('Zelensky'));
    expect(foldName('Zelenskiy')).toBe(foldName('Zelensky'));
  });
  it('treats titles as roles and compares surnames and first names', () => {
    const p = (name: string) => ({ name, kind: 'person' as const });
    expect(sameSpeaker(p('Zelenskyy'), p('Volodymyr Zelensky'))).toBe(true);
    expect(sameSpeaker(p('President Volodymyr Zelenskyy'), p('Zelenskky'))).toBe(true);
    expect(sameSpeaker(p('Senator Mike Rounds'), p('Mike Rounds'))).toBe(true);
    expect(sameSpeaker(p('Jeb Bush'), p('George Bush'))).toBe(false);
    expect(speakersConflict(p('Donald Trump'), p('Hillary Clinton'))).toBe(true);
    expect(speakersConflict(p('Donald Trump'), { name: null, kind: 'unknown' })).toBe(false);
  });
});
