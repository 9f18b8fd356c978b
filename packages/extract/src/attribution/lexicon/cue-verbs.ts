/**
 * Cue verbs: the verbs that introduce reported speech or writing (SPEECH), a stated belief,
 * wish or intent (BELIEF), or evidence from a document (EVIDENCE). Every word is expanded to its
 * inflected forms (says, said, saying) by cue-forms.ts; a speech sense wins over a belief or
 * evidence sense of the same form.
 *
 * To add a cue verb: write its base form in the list of its class. Irregular verbs are written
 * `lemma:past:participle` ("swear:swore:sworn"); phrasal verbs join the particle with "_"
 * ("point_out": "pointed" alone is then not a cue). A one-syllable verb ending consonant-vowel-
 * consonant doubles by rule (slam → slammed); a longer one that doubles its last consonant
 * (admit → admitted) goes in DOUBLING. Per-verb behaviour (takes an addressee, passive with
 * "by", ambiguous) is in cue-behaviour.ts.
 */

// Speech and writing verbs. Irregular forms are listed as `lemma:past:participle`.
export const SPEECH = `
say:said:said tell:told:told write:wrote:written speak:spoke:spoken
add argue assert acknowledge admit allege announce answer ask assure boast brag
caution charge cite claim comment complain concede conclude confide confirm contend counter
declare decry deny describe dismiss disclose emphasize emphasise estimate explain exclaim
grouse grumble hint inform insist instruct joke lament maintain mention mock muse note object
observe opine plead point_out posit post pledge predict proclaim promise protest quip quote
reaffirm recall recount reiterate remark remind reply report respond retort reveal scoff
shout signal state stress suggest swear:swore:sworn tweet retweet testify threaten urge
vow warn whisper yell exhort acknowledge accuse blast slam praise criticize criticise condemn denounce
reject rebuke attack question demand insist echo counter concur agree disagree
repeat continue declare underline underscore highlight reason rule order
recommend propose indicate imply inform advise brief text email message write_in
cry scream chant sing tout hail laud applaud celebrate defend blame fault lambast lambaste
chide scold dispute refute rebut contest challenge lash_out call concede
discuss express thank apologize apologise list refer talk_about focus_on share float pitch
decline offer name label brand dub characterize characterise portray cast_doubt lay_out spell_out
point_to highlight stress vow reassure boast predict forecast caution emphasize rail reject
convince encourage request reference beg go_on:went:gone
fire_back shoot_back:shot:shot hit_back:hit:hit snap_back write_back:wrote:written interject bark
weigh_in chime_in pipe_up read:read:read rejoin fume
`;

/** Verbs of belief, wish and intent (PolNeAR counts "X thinks", "X hopes", "X backs"). */
export const BELIEF = `
think:thought:thought believe hope want expect fear worry doubt suspect feel:felt:felt
know:knew:known consider plan intend wish prefer support back oppose endorse favor favour
assume guess imagine reckon trust suppose realize realise recognize recognise decide
seek:sought:sought refuse vow aim see:saw:seen seem appear like dislike prefer love hate deem
`;

/** Verbs whose subject is a document or study ("the poll shows"). */
export const EVIDENCE = `show:showed:shown find:found:found suggest indicate reveal estimate`;

/** -ing forms that the regular rule gets wrong. */
export const IRREGULAR_ING: Record<string, string> = { lie: 'lying', die: 'dying' };

/** Short stressed verbs that double their final consonant: admit → admitted, plan → planned. */
export const DOUBLING =
  /^(admit|plan|commit|regret|refer|prefer|confer|abet|quip|chat|stop|nod|jot|ban|rebut|scan|sob|beg|drop|hug|pat|bar|star|tap|text_)$/;
