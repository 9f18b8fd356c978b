import type { Speaker } from '@quotecheck/shared';
import { describe, expect, it } from 'vitest';
import { attributionOf, oneParagraphArticle } from './article.testkit.js';
import { prepareArticle } from './prepare.js';
import {
  foldName,
  foldOwnScript,
  isNamedPerson,
  personKey,
  sameSpeaker,
  scriptOf,
  speakerKey,
  speakersConflict,
} from './speaker.js';

const p = (name: string): Speaker => ({ name, kind: 'person' });

describe('names in every script', () => {
  it('folds names of any script to a transliteration, never to an empty shared key', () => {
    expect(foldName('Путин')).toBe(foldName('Putin'));
    expect(foldName('Łukasz')).toBe(foldName('Lukasz'));
    expect(foldName('Зеленский')).toBe(foldName('Zelenskyy'));
    expect(foldName('Путин')).not.toBe(foldName('Зеленский'));
    expect(speakerKey(p('Путин'))).not.toBe(speakerKey(p('Зеленский')));
    expect(speakerKey(p('★★'))).toBeNull();
    expect(personKey('—')).toBeNull();
  });

  it('tells the script of a name part', () => {
    expect(scriptOf('Putin')).toBe('Latin');
    expect(scriptOf('Путин')).toBe('Cyrillic');
    expect(scriptOf('محمد')).toBe('Arabic');
    expect(scriptOf('习近平')).toBe('Han');
    expect(scriptOf('Nguyễn')).toBe('Latin');
    expect(scriptOf('—')).toBe('');
  });

  it('Cyrillic: one person in two spellings matches, two people never do', () => {
    expect(sameSpeaker(p('Владимир Путин'), p('Путин'))).toBe(true);
    expect(sameSpeaker(p('В. Путин'), p('Владимир Путин'))).toBe(true);
    expect(sameSpeaker(p('Владимир Путин'), p('Vladimir Putin'))).toBe(true);
    expect(sameSpeaker(p('Володимир Зеленський'), p('Volodymyr Zelenskyy'))).toBe(true);
    expect(sameSpeaker(p('Путин'), p('Зеленский'))).toBe(false);
    expect(speakersConflict(p('Путин'), p('Зеленский'))).toBe(true);
    expect(sameSpeaker(p('Владимир Путин'), p('Владимир Зеленский'))).toBe(false);
    expect(sameSpeaker(p('Путин'), p('Zelensky'))).toBe(false);
  });

  it('Arabic: vowel marks and hamza seats fold away; different names stay apart', () => {
    expect(foldOwnScript('مُحَمَّد')).toBe(foldOwnScript('محمد'));
    expect(sameSpeaker(p('مُحَمَّد'), p('محمد'))).toBe(true);
    expect(sameSpeaker(p('محمد بن سلمان'), p('سلمان'))).toBe(true);
    expect(sameSpeaker(p('مُحَمَّد'), p('Muhammad'))).toBe(true);
    expect(sameSpeaker(p('محمد'), p('أحمد'))).toBe(false);
    expect(sameSpeaker(p('محمد بن سلمان'), p('محمد بن زايد'))).toBe(false);
    expect(isNamedPerson(p('محمد بن سلمان'))).toBe(true);
  });

  it('Polish: Ł and other letters outside a–z keep the name', () => {
    expect(foldName('Łukasz')).not.toBe('ukasz');
    expect(sameSpeaker(p('Łukasz Kowalski'), p('Lukasz Kowalski'))).toBe(true);
    expect(sameSpeaker(p('Andrzej Duda'), p('Andrzej Dudа'))).toBe(true);
    expect(sameSpeaker(p('Łukasz Kowalski'), p('Łukasz Nowak'))).toBe(false);
    expect(sameSpeaker(p('Wałęsa'), p('Walesa'))).toBe(true);
    expect(sameSpeaker(p('Wałęsa'), p('Wąsik'))).toBe(false);
  });

  it('English: a short form of a first name is the same person, another first name is not', () => {
    expect(sameSpeaker(p('Joe Biden'), p('Joseph R. Biden'))).toBe(true);
    expect(speakersConflict(p('Joseph R. Biden Jr.'), p('Joe Biden'))).toBe(false);
    expect(sameSpeaker(p('Bernie Sanders'), p('Bernard Sanders'))).toBe(true);
    expect(sameSpeaker(p('Bill Clinton'), p('William J. Clinton'))).toBe(true);
    expect(sameSpeaker(p('Bill Clinton'), p('Hillary Clinton'))).toBe(false);
    expect(sameSpeaker(p('Jeb Bush'), p('George Bush'))).toBe(false);
    expect(sameSpeaker(p('Ted Cruz'), p('Tom Cruz'))).toBe(false);
  });

  it('Vietnamese: tone marks fold away; different given names stay apart', () => {
    expect(sameSpeaker(p('Nguyễn Phú Trọng'), p('Nguyen Phu Trong'))).toBe(true);
    expect(sameSpeaker(p('Nguyễn Phú Trọng'), p('Nguyễn Xuân Phúc'))).toBe(false);
    expect(sameSpeaker(p('Tô Lâm'), p('To Lam'))).toBe(true);
    expect(sameSpeaker(p('Tô Lâm'), p('Trọng'))).toBe(false);
  });

  it('Chinese: the same characters or the same pinyin match; one other character is another person', () => {
    expect(sameSpeaker(p('习近平'), p('习近平'))).toBe(true);
    expect(sameSpeaker(p('习近平'), p('Xi Jinping'))).toBe(true);
    expect(sameSpeaker(p('李强'), p('Li Qiang'))).toBe(true);
    expect(sameSpeaker(p('习近平'), p('李强'))).toBe(false);
    // Same pinyin (li qiang), different characters: two people, never merged by transliteration.
    expect(sameSpeaker(p('李强'), p('黎强'))).toBe(false);
    expect(sameSpeaker(p('习近平'), p('Li Qiang'))).toBe(false);
    expect(isNamedPerson(p('习近平'))).toBe(true);
  });

  it('keeps a speaker of a caseless script named through article preparation', () => {
    const text = 'محمد بن سلمان قال: «نحن مستعدون».';
    const prepared = prepareArticle(
      oneParagraphArticle(text, [attributionOf(text, 'direct', 'نحن مستعدون', { name: 'محمد بن سلمان', kind: 'person' })]),
    );
    expect(prepared.items[0]?.speaker.name).toBe('محمد بن سلمان');
  });
});

describe('speaker identity, remembered', () => {
  it('judges each pair of mentions by its kinds and names, whatever pair was judged before', () => {
    const org = (name: string): Speaker => ({ name, kind: 'organization' });
    expect(sameSpeaker(org('Jordan'), org('Jordan'))).toBe(true);
    // the same names, other kinds: a person is not the organisation of that name
    expect(sameSpeaker(p('Jordan'), org('Jordan'))).toBe(false);
    expect(sameSpeaker(p('Jordan'), p('Jordan'))).toBe(true);
    // asked again in the other order, and again, the answers hold
    expect(sameSpeaker(org('Jordan'), p('Jordan'))).toBe(false);
    expect(sameSpeaker(org('Jordan'), org('Jordan'))).toBe(true);
  });
});

describe('titles before a name', () => {
  it('reads a plural title as no part of the name: "Senators Mitch McConnell" is Mitch McConnell', () => {
    expect(sameSpeaker(p('Senators Mitch McConnell'), p('Mitch McConnell'))).toBe(true);
    expect(speakersConflict(p('Sens. Ted Cruz'), p('Ted Cruz'))).toBe(false);
    expect(sameSpeaker(p('Senators Mitch McConnell'), p('Jane McConnell'))).toBe(false);
  });
});
