import type { Claim, ClaimStatus, Occurrence, Speaker } from '@quotecheck/shared';
import { describe, expect, it } from 'vitest';
import { personKey } from './speaker.js';
import type { Dispute } from './types.js';
import { byPrecedence, evaluateClaim, RULES, STATUS_RANK } from './verdict.js';

const person = (name: string): Speaker => ({ name, kind: 'person' });
const STATEMENT = 'we will rebuild every bridge in the valley before the winter storms close the mountain roads again';

function occ(articleId: string, outlet: string, text: string, speaker: Speaker, extra: Partial<Occurrence> = {}): Occurrence {
  return {
    articleId,
    input: `${articleId}.txt`,
    outlet,
    published: null,
    start: 10,
    end: 10 + text.length,
    text,
    type: 'direct',
    speaker,
    fidelity: 'exact',
    meaningChanged: false,
    sentence: `“${text}” she said.`,
    wire: null,
    ...extra,
  };
}

function claim(occurrences: Occurrence[], speaker = occurrences[0]!.speaker): Claim {
  return {
    id: 'c1',
    canonical: occurrences[0]!.text,
    speaker,
    status: 'single_source',
    flags: [],
    firstSeen: null,
    independentSources: 1,
    occurrences,
    evidence: [],
    updatedAt: '2026-12-01T00:00:00.000Z',
  };
}

function denial(sentence: string, speaker: Speaker, extra: Partial<Dispute> = {}): Dispute {
  return {
    id: `d9:0:${sentence.length}:denial`,
    kind: 'denial',
    articleId: 'd9',
    input: 'd9.txt',
    start: 0,
    end: sentence.length,
    sentence,
    speaker,
    speakerText: speaker.name ?? '',
    secondHand: false,
    mentions: [],
    accountOf: [],
    generic: false,
    words: [],
    cue: 'denied',
    ...extra,
  };
}

describe('verdict rules', () => {
  it('states every status once in the precedence, strongest first', () => {
    const order = (Object.keys(STATUS_RANK) as ClaimStatus[]).sort(byPrecedence);
    expect(order).toEqual([
      'denied',
      'walked_back',
      'contradicted',
      'fact_checked_false',
      'conflicting_speaker',
      'second_hand',
      'anonymous',
      'single_source',
      'corroborated',
    ]);
  });

  it('names a rule of the table on every evidence line, with the flag that rule raises', () => {
    const v = evaluateClaim(
      claim([
        occ('a1', 'a.example', STATEMENT, person('Ann Lee'), { reportedBy: person('Tom Ford') }),
        occ('b1', 'b.example', STATEMENT, person('Bob Ray')),
      ]),
      [],
    );
    expect(v.evidence.length).toBeGreaterThan(0);
    for (const e of v.evidence) {
      expect(Object.keys(RULES)).toContain(e.rule);
      expect(e.flag).toBe(RULES[e.rule as keyof typeof RULES].flag);
    }
    // Conflicting speakers outrank second-hand: the headline is the strongest flag.
    expect(v.flags).toEqual(['conflicting_speaker', 'second_hand', 'single_source']);
    expect(v.status).toBe('conflicting_speaker');
  });

  it('corroborates one speaker in two independent outlets', () => {
    const v = evaluateClaim(
      claim([occ('a1', 'a.example', STATEMENT, person('Ann Lee')), occ('b1', 'b.example', STATEMENT, person('Ann Lee'))]),
      [],
    );
    expect(v.status).toBe('corroborated');
    expect(v.independentSources).toBe(2);
  });

  it('calls speakers conflicting only over a substantial near-identical passage, not a shared stock phrase', () => {
    const stock = 'at the end of the day';
    const weak = evaluateClaim(
      claim([
        occ('a1', 'a.example', `${stock} our schools need more teachers`, person('Ann Lee')),
        occ('b1', 'b.example', `${stock} the market decides prices`, person('Bob Ray')),
      ]),
      [],
    );
    expect(weak.flags).not.toContain('conflicting_speaker');
    const strong = evaluateClaim(
      claim([
        occ('a1', 'a.example', STATEMENT, person('Ann Lee')),
        occ('b1', 'b.example', STATEMENT.split(' ').slice(0, 13).join(' '), person('Bob Ray')),
      ]),
      [],
    );
    expect(strong.flags).toContain('conflicting_speaker');
  });

  it('counts the same person under two spellings as one speaker, not a conflict', () => {
    const v = evaluateClaim(
      claim([
        occ('a1', 'a.example', STATEMENT, person('Volodymyr Zelenskyy')),
        occ('b1', 'b.example', STATEMENT, person('Зеленський')),
      ]),
      [],
    );
    expect(v.flags).not.toContain('conflicting_speaker');
    expect(v.status).toBe('corroborated');
  });

  it('marks a claim denied when its speaker denies the quoted words in another article', () => {
    const c = claim([occ('a1', 'a.example', STATEMENT, person('Ann Lee'))]);
    const d = denial(`Lee denied ever saying that “${STATEMENT}”.`, person('Ann Lee'), {
      target: `ever saying that “${STATEMENT}”`,
      mentions: [personKey('Lee')!],
    });
    const v = evaluateClaim(c, [d]);
    expect(v.status).toBe('denied');
    expect(v.evidence.find((e) => e.flag === 'denied')?.rule).toBe('denial-names-quote');
  });

  it('does not read the words a denial calls something "as" as the statement it denies', () => {
    const label = 'nothing but locker-room talk';
    const c = claim([occ('a1', 'a.example', label, person('Ann Lee'))]);
    const d = denial(`Lee dismissed the recording as “${label}” on Sunday.`, person('Ann Lee'), {
      target: `the recording as “${label}” on Sunday`,
      mentions: [personKey('Lee')!],
    });
    const named = denial(`Lee denied the words “${label}” on Sunday.`, person('Ann Lee'), {
      target: `the words “${label}” on Sunday`,
      mentions: [personKey('Lee')!],
    });
    expect(evaluateClaim(c, [d]).flags).not.toContain('denied');
    // The same sentence naming the words as what is denied still disputes them.
    expect(evaluateClaim(c, [named]).flags).toContain('denied');
  });

  it('does not let someone else’s denial of other words dispute an undisputed claim', () => {
    const c = claim([occ('a1', 'a.example', STATEMENT, person('Ann Lee'))]);
    const unrelated = denial('Ray denied the report about the harbour contract.', person('Bob Ray'), {
      target: 'the report about the harbour contract',
      mentions: [personKey('Ray')!],
    });
    const sameWordsOtherPerson = denial(`Ray denied that “${STATEMENT}”.`, person('Bob Ray'), { target: `that “${STATEMENT}”` });
    const v = evaluateClaim(c, [unrelated, sameWordsOtherPerson]);
    expect(v.flags).not.toContain('denied');
    expect(v.status).toBe('single_source');
  });
});
