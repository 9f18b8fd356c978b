/**
 * Reporting-verb lexicon: the verbs, nouns and fixed phrases that introduce reported speech,
 * writing and stated belief or intent, expanded to their inflected forms.
 */

/** What a cue reports: spoken or written words, an inner state, or evidence from a document. */
export type CueClass = 'speech' | 'belief' | 'evidence' | 'stance';

/** One inflected form of a cue verb. */
export interface CueForm {
  lemma: string;
  cls: CueClass;
  /** The -ing form: after a comma it takes the main clause's subject ("…, adding that"). */
  gerund: boolean;
  /** Verbs whose object is the addressee, skipped before the content ("told reporters that"). */
  takesAddressee: boolean;
  /** Past participle or past form usable in a passive ("was told by", "was quoted as saying"). */
  participle: boolean;
}

// Speech and writing verbs. Irregular forms are listed as `lemma:past:participle`.
const SPEECH = `
say:said:said tell:told:told write:wrote:written speak:spoke:spoken
add argue assert acknowledge admit allege announce answer ask assure boast brag
caution charge cite claim comment complain concede conclude confide confirm contend counter
declare decry deny describe dismiss disclose emphasize emphasise estimate explain exclaim
grouse grumble hint inform insist instruct joke lament maintain mention mock muse note object
observe opine plead point_out posit post pledge predict proclaim promise protest quip quote
reaffirm recall recount reiterate remark remind reply report respond retort reveal scoff
shout signal state stress suggest swear:swore:sworn tweet retweet testify threaten urge
vow warn whisper yell acknowledge accuse blast slam praise criticize criticise condemn denounce
reject rebuke attack question demand insist echo counter concur agree disagree
repeat continue declare underline underscore highlight reason rule order
recommend propose indicate imply inform advise brief text email message write_in
cry scream chant sing tout hail laud applaud celebrate defend blame fault lambast lambaste
chide scold dispute refute rebut contest challenge lash_out call concede
discuss express thank apologize apologise list refer talk_about focus_on share reflect float pitch
decline offer name label brand dub characterize characterise portray cast_doubt lay_out spell_out
point_to highlight stress vow reassure boast predict forecast caution emphasize rail reject
`;

const BELIEF = `
think:thought:thought believe hope want expect fear worry doubt suspect feel:felt:felt
know:knew:known consider plan intend wish prefer support back oppose endorse favor favour
assume guess imagine reckon trust suppose realize realise recognize recognise decide
seek:sought:sought refuse vow aim see:saw:seen seem appear like dislike prefer love hate
`;

const EVIDENCE = `show:showed:shown find:found:found suggest indicate reveal estimate`;

// Forms whose use as a cue needs extra evidence (a following "that", or a human source).
const AMBIGUOUS = new Set(['call', 'continue', 'order', 'rule', 'post', 'report', 'answer', 'back', 'support']);

const IRREGULAR_ING: Record<string, string> = { lie: 'lying', die: 'dying' };

function doubles(word: string): boolean {
  // Final consonant doubling for short stressed verbs: admit → admitted, plan → planned.
  return /^(admit|plan|commit|regret|refer|prefer|confer|abet|quip|chat|stop|nod|jot|ban|rebut|scan|sob|beg|drop|hug|pat|bar|star|tap|text_)$/.test(
    word,
  );
}

function inflect(base: string): { s: string; ed: string; ing: string } {
  const double = doubles(base);
  const last = base.slice(-1);
  const s = /(s|sh|ch|x|z|o)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  let ed: string;
  let ing: string;
  if (double) {
    ed = `${base}${last}ed`;
    ing = `${base}${last}ing`;
  } else if (base.endsWith('e')) {
    ed = `${base}d`;
    ing = IRREGULAR_ING[base] ?? (base.endsWith('ee') ? `${base}ing` : `${base.slice(0, -1)}ing`);
  } else if (/[^aeiou]y$/.test(base)) {
    ed = `${base.slice(0, -1)}ied`;
    ing = `${base}ing`;
  } else {
    ed = `${base}ed`;
    ing = `${base}ing`;
  }
  return { s, ed, ing };
}

/** Single-word cue forms, keyed by lower-case form. */
export const CUE_FORMS = new Map<string, CueForm>();
/** Two-word phrasal cues ("point out", "lash out"), keyed by the first word's form → particle. */
export const PHRASAL_PARTICLE = new Map<string, Set<string>>();
/** Forms that are cues only with one of their particles ("pointed out", not "pointed"). */
export const PHRASAL_ONLY = new Set<string>();

const ADDRESSEE = new Set([
  'tell',
  'inform',
  'assure',
  'remind',
  'warn',
  'urge',
  'ask',
  'brief',
  'advise',
  'promise',
  'instruct',
  'text',
  'email',
  'message',
  'quote',
]);

function register(list: string, cls: CueClass): void {
  for (const raw of list.split(/\s+/)) {
    if (!raw) continue;
    const [baseRaw, pastRaw, partRaw] = raw.split(':');
    const base = baseRaw ?? '';
    const [verb, particle] = base.split('_') as [string, string | undefined];
    const inf = inflect(verb);
    const past = pastRaw ?? inf.ed;
    const part = partRaw ?? inf.ed;
    const forms: Array<[string, boolean, boolean]> = [
      [verb, false, false],
      [inf.s, false, false],
      [past, false, past === part],
      [part, false, true],
      [inf.ing, true, false],
    ];
    for (const [form, gerund, participle] of forms) {
      const prev = CUE_FORMS.get(form);
      if (particle) {
        const set = PHRASAL_PARTICLE.get(form) ?? new Set<string>();
        set.add(particle);
        PHRASAL_PARTICLE.set(form, set);
        if (!prev) PHRASAL_ONLY.add(form);
      } else if (prev) PHRASAL_ONLY.delete(form);
      // Speech senses win over belief or evidence senses of the same form.
      if (prev && (prev.cls === 'speech' || cls !== 'speech')) {
        if (participle) prev.participle = true;
        continue;
      }
      CUE_FORMS.set(form, { lemma: verb, cls, gerund, takesAddressee: ADDRESSEE.has(verb), participle });
    }
  }
}

register(SPEECH, 'speech');
register(BELIEF, 'belief');
register(EVIDENCE, 'evidence');

/** Whether a form's lemma needs corroboration (a "that", a colon or a quote next to it). */
export function isAmbiguousLemma(lemma: string): boolean {
  return AMBIGUOUS.has(lemma);
}

/** Nouns naming a document or utterance that can itself be a source ("the statement said"). */
export const DOCUMENT_NOUNS = new Set([
  'statement',
  'report',
  'letter',
  'memo',
  'post',
  'tweet',
  'poll',
  'survey',
  'study',
  'analysis',
  'filing',
  'complaint',
  'lawsuit',
  'indictment',
  'ruling',
  'order',
  'document',
  'documents',
  'email',
  'emails',
  'release',
  'announcement',
  'article',
  'editorial',
  'op-ed',
  'column',
  'book',
  'ad',
  'ads',
  'clip',
  'commercial',
  'spot',
  'headline',
  'caption',
  'sign',
  'banner',
  'law',
  'bylaws',
  'rules',
  'guidelines',
  'advertisement',
  'video',
  'transcript',
  'message',
  'note',
  'plan',
  'proposal',
  'draft',
  'data',
  'figures',
  'records',
  'polls',
  'surveys',
  'studies',
  'reports',
  'statements',
  'research',
  'review',
  'investigation',
  'audit',
  'estimate',
  'estimates',
  'projection',
  'projections',
  'forecast',
  'website',
  'communique',
  'communiqué',
  'readout',
  'declaration',
  'resolution',
  'video',
  'videos',
  'footage',
  'slide',
  'chart',
  'map',
  'photo',
  'photos',
  'image',
  'images',
  'average',
  'averages',
  'numbers',
  'results',
  'evidence',
  'tally',
  'census',
  'returns',
  'model',
  'index',
]);

/** Verbs that carry their content as a passive with "by" ("they were told by X that …"). */
export const PASSIVE_BY = new Set(['told', 'informed', 'assured', 'briefed', 'warned', 'advised', 'reminded', 'promised']);
