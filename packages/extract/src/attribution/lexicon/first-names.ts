/**
 * First names whose gender the lists know, so a later "he" or "she" can agree with a speaker.
 * Used by speaker resolution.
 * To add a name: lower case, in FEMALE_NAMES or MALE_NAMES. Names borne by men and women alike
 * ("Lindsey": Lindsey Graham; "Kim") are in neither: the article's "he" or "she" decides.
 */
import { words } from './words.js';

const FEMALE_NAMES = words(`
hillary ursula audrey kaja kamala nancy elizabeth sarah susan mary patricia jennifer linda barbara
margaret lisa karen betty helen sandra donna carol ruth sharon michelle laura kimberly deborah jessica
shirley cynthia angela melissa brenda amy anna rebecca virginia kathleen pamela martha debra amanda
stephanie carolyn christine marie janet catherine frances ann joyce diane alice julie heather teresa
doris gloria evelyn jean cheryl mildred katherine joan ashley judith rose janice kelly nicole judy
christina kathy theresa beverly denise tammy irene jane lori rachel marilyn andrea kathryn louise sara
anne jacqueline wanda bonnie julia ruby lois tina phyllis norma paula diana annie lillian emily robin
peggy crystal gladys rita dawn connie florence tracy edna tiffany carmen rosa cindy grace wendy victoria
edith sherry sylvia josephine thelma shannon sheila ethel ellen elaine marjorie carrie charlotte
monica esther pauline emma juanita anita rhonda hazel amber eva debbie april leslie clara lucille
jamie joanne eleanor valerie danielle megan alicia suzanne michele gail bertha darlene veronica jill
erin geraldine lauren cathy joann lorraine lynn sally regina erica beatrice dolores bernice audrey
carly yvonne annette june samantha marion dana stacy ana renee ida vivian roberta holly brittany melanie
loretta yolanda jeanette laurie katie kristen vanessa alma sue elsie beth jeanne melania ivanka
chelsea huma kellyanne hope sarah theresa angela marine giorgia ursula kaja annalena liz kemi yvette
olena julia yulia tulsi nikki condoleezza madeleine hope katy kirsten tammy dianne maxine ilhan
alexandria rashida ayanna pramila elise marsha joni susan lisa shelley cindy amy kay debbie
jeanne martha sheryl oprah taylor beyonce rihanna serena venus simone naomi greta malala
`);

const MALE_NAMES = words(`
donald joe joseph barack bernie bernard ted marco jeb john mike michael chris christopher rand ben
rick scott jim james robert william david richard charles thomas daniel matthew anthony
mark paul steven steve andrew kenneth george kevin brian edward ronald timothy jason jeffrey ryan jacob
gary nicholas eric stephen jonathan larry justin frank brandon raymond gregory samuel benjamin patrick
jack dennis jerry tyler aaron jose henry adam douglas nathan peter zachary kyle walter harold jeremy
ethan carl keith roger gerald christian terry sean arthur austin noah lawrence jesse dylan bryan
billy bruce gabriel logan alan juan wayne roy ralph randy eugene vincent russell louis bobby philip
johnny volodymyr vladimir emmanuel friedrich keir jd rishi boris olaf xi recep benjamin bibi hashem
sergei sergey dmitry andriy rustem daniel steve marco pete hakeem chuck mitch kevin newt reince
reince corey paul mitt tim bill al dick colin rudy rudolph hunter beau elon jared eric barron
vlad viktor emmanuel justin narendra jair andres javier pedro luis carlos jose lula shinzo fumio
moon recep abdel mohammed mohammad ahmed ali hassan hussein omar yair naftali yoav isaac
`);

/** Gender of a first name when the lists know it. */
export function firstNameGender(first: string): 'm' | 'f' | null {
  const k = first.toLowerCase();
  if (FEMALE_NAMES.has(k)) return 'f';
  if (MALE_NAMES.has(k)) return 'm';
  return null;
}
