import { describe, expect, it } from 'vitest';
import { CUE_FORMS, inflect } from './cue-forms.js';

describe('cue verb inflection (lexicon/cue-forms.ts)', () => {
  it('doubles the last consonant of a one-syllable consonant-vowel-consonant verb', () => {
    expect(inflect('slam')).toEqual({ s: 'slams', ed: 'slammed', ing: 'slamming' });
    expect(inflect('brag').ed).toBe('bragged');
    expect(CUE_FORMS.get('slammed')?.lemma).toBe('slam');
    expect(CUE_FORMS.has('slamed')).toBe(false);
  });

  it('does not double after two vowels, after w, x or y, or in a longer verb not listed', () => {
    expect(inflect('quip').ed).toBe('quipped'); // listed in DOUBLING
    expect(inflect('rail').ed).toBe('railed');
    expect(inflect('vow').ed).toBe('vowed');
    expect(inflect('call').ed).toBe('called');
    expect(inflect('answer').ed).toBe('answered');
  });
});

describe('cue verbs added from PolNeAR train misses', () => {
  it('lists deem (belief), convince and encourage (with an addressee) and request (speech)', () => {
    expect(CUE_FORMS.get('deemed')?.cls).toBe('belief');
    expect(CUE_FORMS.get('convinced')).toMatchObject({ cls: 'speech', takesAddressee: true });
    expect(CUE_FORMS.get('encourages')).toMatchObject({ cls: 'speech', takesAddressee: true });
    expect(CUE_FORMS.get('requested')?.cls).toBe('speech');
    expect(CUE_FORMS.get('referenced')?.lemma).toBe('reference');
  });

  it('leaves out forms that are mostly nouns or never report (NOT_CUE_FORMS) and "reflect"', () => {
    for (const form of ['known', 'reasons', 'rules', 'answers', 'shares', 'comments', 'reflects'])
      expect(CUE_FORMS.has(form)).toBe(false);
    expect(CUE_FORMS.get('commented')?.lemma).toBe('comment');
  });
});
