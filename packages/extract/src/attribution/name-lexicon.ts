/**
 * Word lists used to read noun phrases that name speakers: titles, role and group nouns,
 * organisation keywords, demonyms and first names that tell a pronoun's gender.
 */

const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Capitalised title words that precede a name and never belong to it ("Prime Minister", "Sen."). */
export const TITLE_WORDS = words(`
president vice prime minister chancellor secretary senator sen. rep. representative gov. governor
mayor envoy special ambassador general gen. lt. col. colonel admiral adm. sgt. captain capt. major maj.
commander chief judge justice attorney speaker leader king queen prince princess pope sheikh emir sultan
premier deputy assistant acting foreign defense defence interior finance treasury home state army navy
minority majority whip chairman chairwoman chair director spokesman spokeswoman spokesperson
mr. mrs. ms. miss dr. prof. professor sir dame lord lady rev. reverend father sister brother saint
mr mrs ms dr sen rep gov gen supreme high commissioner commission executive officer ceo founder
candidate nominee councillor councilman councilwoman congressman congresswoman lawmaker
coach correspondent reporter journalist analyst editor anchor host
`);

/** Honorifics that mark a person and say something about gender. */
export const MALE_HONORIFICS = words('mr. mr sir lord father brother king prince pope sheikh emir sultan');
export const FEMALE_HONORIFICS = words('mrs. mrs ms. ms miss dame lady sister queen princess madam');

/** Lower-case nouns that head a noun phrase naming one person by role ("the senator"). */
export const ROLE_NOUNS = words(`
president minister chancellor secretary senator representative congressman congresswoman governor mayor
envoy ambassador diplomat general commander chief judge justice attorney lawyer prosecutor speaker leader
king queen premier deputy director chairman chairwoman chair spokesman spokeswoman spokesperson official
aide adviser advisor strategist operative consultant pollster analyst expert economist professor
researcher scientist journalist reporter correspondent editor columnist anchor host author writer
candidate nominee front-runner frontrunner challenger incumbent rival opponent lawmaker legislator
founder executive ceo owner manager member activist organizer organiser protester
resident voter supporter critic donor delegate staffer student teacher doctor nurse officer soldier
veteran businessman businesswoman billionaire mogul star actor actress singer commentator host
man woman person source insider observer witness victim survivor father mother son daughter wife husband
republican democrat conservative liberal progressive independent libertarian
head boss coach player manager superintendent commissioner inspector investigator auditor
widow widower farmer engineer worker nurse pastor priest rabbi imam chef driver owner teacher pilot
narrator announcer moderator questioner interviewer panelist guest caller viewer listener reader commenter
friend neighbor neighbour colleague relative cousin brother sister uncle aunt partner lawyer physician
`);

/** Plural nouns that head a noun phrase naming a group of people. */
export const GROUP_NOUNS = words(`
officials aides advisers advisors strategists operatives analysts experts economists researchers
scientists lawmakers legislators senators representatives congressmen governors mayors leaders ministers
diplomats envoys members activists organizers organisers protesters protestors residents voters
supporters critics donors delegates staffers students teachers doctors nurses officers soldiers veterans
republicans democrats conservatives liberals progressives independents people citizens americans
observers witnesses victims survivors investigators prosecutors lawyers attorneys judges justices
candidates rivals opponents allies partners negotiators sources insiders executives workers employees
parents families farmers owners businesses companies groups organizations organisations unions parties
governments countries nations states authorities police pollsters commentators journalists reporters
editors columnists bloggers users fans evangelicals leaders others many some most few several both all
militants rebels fighters troops forces residents locals members
percent half third thirds quarter quarters majority majorities plurality minority respondents adults
advocates backers opponents skeptics sceptics hardliners moderates
`);

/** Nouns that head a noun phrase naming an organisation. */
export const ORG_NOUNS = words(`
department ministry administration government campaign committee commission council agency office
court party union company corporation firm bank group organization organisation association institute
foundation center centre coalition alliance network newspaper paper magazine outlet station channel
team board panel senate house congress parliament assembly cabinet kremlin pentagon police army military
navy embassy consulate university school college hospital church league federation club service bureau
authority regime junta caucus fund trust society movement lobby industry white website site blog
`);

/** Capitalised words that mark a name as an organisation rather than a person. */
export const ORG_KEYWORDS = words(`
Department Ministry Administration Government Campaign Committee Commission Council Agency Office Court
Party Union Company Corporation Corp. Corp Inc. Inc Ltd LLC Group Organization Organisation Association
Institute Foundation Center Centre Coalition Alliance Network News Times Post Journal Tribune Herald
Gazette Telegraph Guardian Press Reuters AP AFP Bloomberg CNN BBC NBC CBS ABC Fox MSNBC NPR PBS Politico
Breitbart Axios Senate House Congress Parliament Assembly Cabinet Kremlin Pentagon Police Army Navy
Force Forces Embassy University School College Hospital Church League Federation Club Service Bureau
Authority Bank Fund Trust Society Movement Board Panel Caucus Republicans Democrats Democratic Republican
Industries Systems Group Media Magazine Review Daily Weekly Radio Television TV Agency Watch Unit
`);

/** Pronouns that can be the source of an attribution, and what they tell about the referent. */
export const PRONOUNS: Record<string, { gender: 'm' | 'f' | 'n' | 'p'; person: number }> = {
  he: { gender: 'm', person: 3 },
  she: { gender: 'f', person: 3 },
  they: { gender: 'p', person: 3 },
  it: { gender: 'n', person: 3 },
  i: { gender: 'n', person: 1 },
  we: { gender: 'p', person: 1 },
  you: { gender: 'n', person: 2 },
  who: { gender: 'n', person: 0 },
  which: { gender: 'n', person: 0 },
};

/** Determiners and quantifiers that may open a noun phrase. */
export const DETERMINERS = words(`
a an the this these those his her their its our my your some many several few most both all each
every another other one two three four five six seven eight nine ten dozens hundreds thousands any no
`);

/** Lower-case modifiers allowed inside a speaker noun phrase ("a senior White House official"). */
export const NP_MODIFIERS = words(`
former top senior junior chief deputy new other longtime veteran retired current fellow unnamed anonymous
high-ranking high ranking local federal state national international foreign military presidential
political vice white house press communications campaign party election intelligence security defense
defence health policy economic administration government senior-level key leading prominent influential
independent young old older younger elderly conservative liberal progressive moderate republican
democratic evangelical christian muslim jewish catholic rural urban suburban undecided registered likely
prospective potential would-be self-described self-proclaimed outspoken vocal early major minor
several many some most few both all each every another one two three four five six seven eight nine ten
group number majority minority handful team panel pair couple series spokesperson spokesman spokeswoman
joint official public private white-house top-ranking sitting outgoing incoming acting interim
of and & the a an his her their its our
`);

/** Heads of noun phrases for sources who are not named on purpose. */
export const ANONYMOUS_HEADS = words(`
person people source sources official officials aide aides insider insiders diplomat diplomats
individual individuals someone employee employees staffer staffers member members adviser advisers
advisor advisors
`);

/** Words that continue a noun phrase into an anonymity marker ("familiar with", "briefed on"). */
export const ANONYMITY_MARKERS = words('familiar close briefed knowledgeable aware privy speaking requesting who granted');

/** Capitalised words that open sentences but never names. */
export const CAPITALISED_STOPWORDS = words(`
But And Or So Yet However Meanwhile Later Then Now Still Also Earlier In On At For With By From As After
Before When While If Although Though Since During Asked Speaking Writing This That These Those It There
Here What Why How Who Whom Whose Which Where Whether Despite Instead Indeed Moreover Furthermore Thus Hence
Yesterday Today Tonight Tomorrow Last Next Only Even Just Perhaps Maybe Nor Not No Yes Under Over
Through Throughout Among Between Against Without Within Into Onto Upon Toward Towards About Above Below
Following According Because Unlike Like Besides Beyond Until Unless Whereas Once Every Each Some Many
Most Few Several Both All Any Another Other Such Much More Less Her His Their Its Our My Your We They He
She I You Mr Mrs Ms If Is Are Was Were Do Does Did Has Have Had Will Would Can Could Should Shall Might Must Let Watch Read Related Update Photo Video Editor Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
July September October November December Sept Sept. Jan. Feb. Aug. Oct. Nov. Dec.
`);

/** Days, months and other words that mark a time adverbial ("on Sunday", "last week"). */
export const TIME_WORDS = words(`
monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow earlier later
recently previously week weekend month year morning afternoon evening night day days weeks months years
january february march april may june july august september october november december ago
`);

/** Prepositions that open an adverbial between a cue and its content ("said on Sunday that"). */
export const PREPOSITIONS = words(`
on in at during after before from to with outside inside while last this earlier since about over under
through throughout amid among between following ahead near via by for of against into onto upon when as
`);

/** Words that end a noun phrase scan to the left: clause openers and conjunctions. */
export const CLAUSE_WORDS = words(`
that which who whom whose but because while when as if although though since where whether so than
then after before until unless whereas once and or nor yet also
`);

/** Words between a subject and its cue that do not break the link ("has also repeatedly said"). */
export const AUXILIARIES = words(`
has have had having is are was were be been being will would could should may might must can shall do
does did also later then once again previously repeatedly recently earlier already still just even never
often always first initially subsequently separately similarly ultimately simply flatly publicly
privately openly reportedly allegedly apparently reportedly now further quickly immediately swiftly
directly explicitly specifically frequently consistently long not n't never only later himself herself
themselves itself all both each
`);

const FEMALE_NAMES = words(`
hillary ursula audrey kaja kamala nancy elizabeth sarah susan mary patricia jennifer linda barbara
margaret lisa karen betty helen sandra donna carol ruth sharon michelle laura kimberly deborah jessica
shirley cynthia angela melissa brenda amy anna rebecca virginia kathleen pamela martha debra amanda
stephanie carolyn christine marie janet catherine frances ann joyce diane alice julie heather teresa
doris gloria evelyn jean cheryl mildred katherine joan ashley judith rose janice kelly nicole judy
christina kathy theresa beverly denise tammy irene jane lori rachel marilyn andrea kathryn louise sara
anne jacqueline wanda bonnie julia ruby lois tina phyllis norma paula diana annie lillian emily robin
peggy crystal gladys rita dawn connie florence tracy edna tiffany carmen rosa cindy grace wendy victoria
edith kim sherry sylvia josephine thelma shannon sheila ethel ellen elaine marjorie carrie charlotte
monica esther pauline emma juanita anita rhonda hazel amber eva debbie april leslie clara lucille
jamie joanne eleanor valerie danielle megan alicia suzanne michele gail bertha darlene veronica jill
erin geraldine lauren cathy joann lorraine lynn sally regina erica beatrice dolores bernice audrey
yvonne annette june samantha marion dana stacy ana renee ida vivian roberta holly brittany melanie
loretta yolanda jeanette laurie katie kristen vanessa alma sue elsie beth jeanne melania ivanka
chelsea huma kellyanne hope sarah theresa angela marine giorgia ursula kaja annalena liz kemi yvette
olena julia yulia tulsi nikki condoleezza madeleine hope katy kirsten tammy dianne maxine ilhan
alexandria rashida ayanna pramila elise marsha lindsey joni susan lisa shelley cindy amy kay debbie
jeanne martha sheryl oprah taylor beyonce rihanna serena venus simone naomi greta malala
`);

const MALE_NAMES = words(`
donald joe joseph barack bernie bernard ted marco jeb john mike michael chris christopher rand ben
carly lindsey rick scott jim james robert william david richard charles thomas daniel matthew anthony
mark paul steven steve andrew kenneth george kevin brian edward ronald timothy jason jeffrey ryan jacob
gary nicholas eric stephen jonathan larry justin frank brandon raymond gregory samuel benjamin patrick
jack dennis jerry tyler aaron jose henry adam douglas nathan peter zachary kyle walter harold jeremy
ethan carl keith roger gerald christian terry sean arthur austin noah lawrence jesse dylan bryan
billy bruce gabriel logan alan juan wayne roy ralph randy eugene vincent russell louis bobby philip
johnny volodymyr vladimir emmanuel friedrich keir jd rishi boris olaf xi recep benjamin bibi hashem
sergei sergey dmitry andriy rustem daniel steve marco pete hakeem chuck mitch kevin newt reince
reince corey paul mitt tim bill al dick colin rudy rudolph hunter beau elon jared eric barron
vlad viktor emmanuel justin narendra jair andres javier pedro luis carlos jose lula shinzo fumio
moon kim recep abdel mohammed mohammad ahmed ali hassan hussein omar yair naftali yoav isaac
`);

/** Gender of a first name when the lists know it. */
export function firstNameGender(first: string): 'm' | 'f' | null {
  const k = first.toLowerCase();
  if (FEMALE_NAMES.has(k)) return 'f';
  if (MALE_NAMES.has(k)) return 'm';
  return null;
}

/** Country or bloc ↔ demonym pairs, lower case, for matching "the Ukrainian leader" to "Ukraine's president". */
const DEMONYMS: Array<[string, string]> = [
  ['us', 'american'],
  ['u.s.', 'american'],
  ['usa', 'american'],
  ['america', 'american'],
  ['united states', 'american'],
  ['uk', 'british'],
  ['u.k.', 'british'],
  ['britain', 'british'],
  ['united kingdom', 'british'],
  ['england', 'english'],
  ['france', 'french'],
  ['germany', 'german'],
  ['russia', 'russian'],
  ['ukraine', 'ukrainian'],
  ['china', 'chinese'],
  ['japan', 'japanese'],
  ['spain', 'spanish'],
  ['italy', 'italian'],
  ['canada', 'canadian'],
  ['mexico', 'mexican'],
  ['israel', 'israeli'],
  ['iran', 'iranian'],
  ['iraq', 'iraqi'],
  ['syria', 'syrian'],
  ['turkey', 'turkish'],
  ['türkiye', 'turkish'],
  ['poland', 'polish'],
  ['netherlands', 'dutch'],
  ['india', 'indian'],
  ['pakistan', 'pakistani'],
  ['brazil', 'brazilian'],
  ['australia', 'australian'],
  ['ireland', 'irish'],
  ['scotland', 'scottish'],
  ['wales', 'welsh'],
  ['eu', 'european'],
  ['europe', 'european'],
  ['egypt', 'egyptian'],
  ['saudi arabia', 'saudi'],
  ['greece', 'greek'],
  ['sweden', 'swedish'],
  ['norway', 'norwegian'],
  ['finland', 'finnish'],
  ['denmark', 'danish'],
  ['hungary', 'hungarian'],
  ['belarus', 'belarusian'],
  ['south korea', 'south korean'],
  ['north korea', 'north korean'],
  ['palestine', 'palestinian'],
  ['lebanon', 'lebanese'],
  ['venezuela', 'venezuelan'],
  ['cuba', 'cuban'],
  ['qatar', 'qatari'],
  ['nigeria', 'nigerian'],
  ['kenya', 'kenyan'],
  ['south africa', 'south african'],
  ['argentina', 'argentine'],
  ['switzerland', 'swiss'],
  ['austria', 'austrian'],
  ['belgium', 'belgian'],
  ['portugal', 'portuguese'],
  ['afghanistan', 'afghan'],
  ['vietnam', 'vietnamese'],
  ['philippines', 'filipino'],
  ['indonesia', 'indonesian'],
  ['thailand', 'thai'],
];
const TO_PLACE = new Map<string, string>();
for (const [place, demonym] of DEMONYMS) {
  TO_PLACE.set(place, place === 'u.s.' || place === 'usa' || place === 'america' || place === 'united states' ? 'us' : place);
  if (!TO_PLACE.has(demonym)) TO_PLACE.set(demonym, TO_PLACE.get(place) ?? place);
}
for (const [k, v] of [
  ['u.k.', 'uk'],
  ['britain', 'uk'],
  ['united kingdom', 'uk'],
  ['british', 'uk'],
  ['european', 'eu'],
  ['europe', 'eu'],
] as const)
  TO_PLACE.set(k, v);

/** Canonical place key for a country name or demonym ("Ukrainian" and "Ukraine's" → "ukraine"), or null. */
export function placeKey(word: string): string | null {
  if (word.length > 16) return null;
  let w = word.toLowerCase();
  const direct = TO_PLACE.get(w);
  if (direct) return direct;
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  else if (w.endsWith("'") || w.endsWith('’')) w = w.slice(0, -1);
  else return null;
  return TO_PLACE.get(w) ?? null;
}

/** Roles that make someone the leader of a country or bloc ("the Ukrainian leader"). */
export const HEAD_OF_STATE = words('president prime premier chancellor king queen leader emir sultan ayatollah');

/** Place names that stand for their government when they speak ("Moscow said"). */
export const GOVERNMENT_METONYMS = words(`
washington moscow kyiv kiev beijing london paris berlin brussels tehran jerusalem ankara tokyo delhi
pyongyang seoul damascus baghdad kabul cairo riyadh doha havana caracas ottawa canberra warsaw
`);
