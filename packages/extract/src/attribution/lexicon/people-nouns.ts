/**
 * Nouns and modifiers that make a phrase name a person or a group of people ("the senator",
 * "officials", "a senior White House official", "a person familiar with the talks").
 * Used by mentions.ts to find a speaker noun phrase's extent and kind.
 * To add a word: lower case, in the list for its role (a singular role noun, a plural group
 * noun, a modifier allowed inside the phrase, or a head of an anonymous source).
 */
import { words } from './words.js';

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
designer architect developer programmer contractor mechanic firefighter paramedic medic plumber electrician
shopkeeper vendor trader banker investor broker accountant artist musician photographer filmmaker producer
curator historian sociologist psychologist psychiatrist surgeon dentist pharmacist midwife caregiver
volunteer campaigner demonstrator refugee migrant settler villager fisherman miner labourer laborer employee
pupil graduate academic lecturer scholar cleric bishop monk nun lobbyist negotiator mediator councillor
councilman councilwoman alderman sheriff detective ranger coroner sailor sergeant colonel lieutenant admiral
hostage prisoner detainee defendant plaintiff juror clerk merchant landlord tenant homeowner motorist passenger
commuter shopper customer consumer patient parent grandmother grandfather grandparent teenager attendee
participant spectator bystander entrepreneur statistician epidemiologist virologist physicist chemist
biologist astronomer astronaut geologist meteorologist forecaster planner administrator regulator supervisor
employer retiree pensioner translator interpreter trustee associate associates confidant confidante
boy girl child kid youngster grandson granddaughter tourist diner patron
realtor hacker celebrity rapper novelist comedian editor-in-chief
`);

/**
 * A party's member, capitalised as a name is ("a Florida Democrat", "one New Hampshire
 * Republican"): after an indefinite determiner a description of someone, not a person named
 * "Democrat".
 */
export const PARTY_MEMBER_NOUNS = words('democrat republican independent libertarian');

/**
 * Kinship nouns that introduce a relative of the article's subject ("her husband, former President
 * Bill Clinton", "daughter Chelsea Clinton"): a bare surname then means the subject, not the relative.
 */
export const KINSHIP_NOUNS = words(`husband wife spouse son daughter father mother brother sister`);

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
advocates backers opponents proponents skeptics sceptics hardliners moderates friends audiences millennials
pair duo trio couple
designers architects developers programmers contractors mechanics firefighters paramedics medics plumbers
electricians shopkeepers vendors traders bankers investors brokers accountants artists musicians
photographers filmmakers producers curators historians sociologists psychologists psychiatrists surgeons
dentists pharmacists midwives caregivers volunteers campaigners demonstrators refugees migrants settlers
villagers fishermen miners labourers laborers pupils graduates academics lecturers scholars clerics bishops
monks nuns lobbyists mediators councillors councilmen sheriffs detectives rangers sailors sergeants
colonels lieutenants admirals hostages prisoners detainees defendants plaintiffs jurors clerks merchants
landlords tenants homeowners motorists passengers commuters shoppers customers consumers patients
grandparents teenagers attendees participants spectators bystanders entrepreneurs statisticians
epidemiologists virologists physicists chemists biologists astronomers astronauts geologists meteorologists
forecasters planners administrators regulators supervisors employers retirees pensioners translators
interpreters trustees physicians engineers pilots drivers chefs pastors priests rabbis imams
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
joint official public private white-house top-ranking sitting outgoing incoming acting interim lead co-lead principal
legal transition
of and & the a an his her their its our
`);

/** Heads of noun phrases for sources who are not named on purpose. */
export const ANONYMOUS_HEADS = words(`
person people source sources official officials aide aides insider insiders diplomat diplomats
individual individuals someone employee employees staffer staffers member members adviser advisers
advisor advisors operative associate
`);

/**
 * Permission words before "to" and a speech verb: why a source speaks anonymously ("who was not
 * authorized to discuss the talks"), never a report of what was said.
 */
export const LICENCE_WORDS = words('authorized authorised permitted allowed cleared empowered entitled');

/**
 * Nouns of a reason before "to" and a cue verb: the verb is what someone might do, never a report
 * ("Clinton has supplied ample reasons to question her judgment", "no cause to doubt it").
 */
export const REASON_NOUNS = words('reason reasons cause grounds');

/** Words that continue a noun phrase into an anonymity marker ("familiar with", "briefed on"). */
export const ANONYMITY_MARKERS = words('familiar close briefed knowledgeable aware privy speaking requesting who granted');

/**
 * Heads of the descriptions news writes for a public figure already named ("the Florida senator",
 * "the Democratic nominee", "the real estate mogul", "the star"). Other roles are as often someone
 * else in the same story ("the patient" after the doctor's words, "the judge" after a lawyer's,
 * "the narrator" of an ad, "the man"), so they stay unresolved.
 */
export const EPITHET_HEADS = new Set([
  'president',
  'president-elect',
  'senator',
  'governor',
  'mayor',
  'candidate',
  'nominee',
  'front-runner',
  'frontrunner',
  'legislator',
  'lawmaker',
  'congressman',
  'congresswoman',
  'leader',
  'secretary',
  'star',
  'actor',
  'actress',
  'singer',
  'mogul',
  'tycoon',
  'billionaire',
  'businessman',
  'businesswoman',
  'magnate',
]);

/**
 * Heads that are an epithet only with a restrictive relative clause describing the person ("“…
 * That's Hillary Clinton,” said the man who built his political career on his blue collar
 * credentials", after Biden's quotations): bare, "the man" is as often someone new in the story.
 */
export const RELATIVE_EPITHET_HEADS = new Set(['man', 'woman']);

/**
 * The gender a person noun gives the person it names: a kinship noun introducing them
 * ("Steenburgen's son, filmmaker Charlie McDowell"), an epithet for them ("the actress" is not Ryan
 * Gosling).
 */
export const NOUN_GENDER: Readonly<Record<string, 'm' | 'f'>> = {
  husband: 'm',
  son: 'm',
  father: 'm',
  brother: 'm',
  businessman: 'm',
  congressman: 'm',
  wife: 'f',
  daughter: 'f',
  mother: 'f',
  sister: 'f',
  actress: 'f',
  man: 'm',
  woman: 'f',
  businesswoman: 'f',
  congresswoman: 'f',
};

/** Nouns of people who speak for a body: the body is the speaker ("a spokesman for the council"). */
export const SPOKES_NOUNS = new Set(['spokesperson', 'spokesman', 'spokeswoman', 'representative', 'spokespeople']);
