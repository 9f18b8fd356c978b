/**
 * More gendered first names, written from common knowledge (not taken from a dataset), so a
 * later "he" or "she" can agree with a speaker the article names only once in full. Extends the
 * lists of first-names.ts with names common in international news (Arabic, Hebrew, Slavic,
 * South Asian, East Asian, Latin American, African) and common English names those lists lack.
 * Used by pronouns.ts. To add a name: lower case, in EXTRA_FEMALE_NAMES or EXTRA_MALE_NAMES;
 * leave out names given to both sexes (the resolver then reads the article's own usage).
 */
import { words } from './words.js';

/** Female first names beyond first-names.ts. */
export const EXTRA_FEMALE_NAMES = words(`
raquel nesma sherine shireen fatima fatma aisha aysha amira amina layla leila laila mariam maryam
noor nour rania yasmin yasmine yasmina zainab zeinab salma samira hanan huda iman lina reem rana dina
hala heba mona nadia nadine rasha suha abeer ghada manal nawal rawan safa sana sara hiba lubna
tamar noa shira yael michal orly ayelet galit tali dalia ruth miriam esther rivka
natalia natalya olga irina tatiana svetlana ekaterina yekaterina oksana iryna kateryna anastasia
daria maria marina elena lyudmila galina vera nadezhda polina alina
priya anjali sunita sonia indira nirmala smriti pooja deepika aishwarya lakshmi meera
mei ling yan hua li na yuki yoko keiko haruka aiko min ji hye sun
gabriela valentina camila isabella lucia sofia mariana fernanda daniela paola claudia ximena
beatriz ines lourdes dilma cristina michelle
ngozi chimamanda amara adaeze wanjiru wangari
fiona sheila margot ingrid greta astrid birgit frieda heidi
kathleen colleen maureen eileen bridget siobhan deirdre
kristine lolita jill laurie gwynne jennifer angela julie shannon lisa kristen stephanie
`);

/** Male first names beyond first-names.ts. */
export const EXTRA_MALE_NAMES = words(`
jay zach zachary avi saeb ayman zabihullah farhan sobhi walid abed atef marwan mustafa mahmoud
muhammad mohamed ibrahim ismail youssef yousef yusuf khalid khaled tariq tarek hamza bilal karim
nabil samir fadi rami ziad hani osama usama jamal kamal faisal fahad sultan abdullah abdul salman
bashar hafez hosni anwar gamal nasser sami adel amr
moshe yosef david eli avraham yitzhak shimon ehud ariel gideon itamar bezalel aviv ron
dmitri dmitriy alexei alexey alexander aleksandr nikolai ivan igor oleg yuri yury mikhail pavel
andrei andrey maxim maksim petro petr bohdan taras oleksandr oleksiy mykola yevgeny evgeny ramzan
rahul amit raj rajesh sanjay vijay arvind manmohan imran nawaz shehbaz ashraf hamid
wei jun jian ming hao jinping keqiang zhang takeshi hiroshi kenji yoshihide
diego mateo santiago alejandro miguel fernando ricardo enrique manuel jorge raul hugo nicolas gustavo
emeka chinedu kwame kofi uhuru cyril jacob thabo
omar lars sven hans klaus jurgen wolfgang olaf sebastian
gordon geoffrey kurt tim montell jason keith brent steve marco michael sean charles phil eswar
casey joel ryan jonas matt devan alex brandon jeff
`);
