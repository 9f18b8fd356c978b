/**
 * Short forms of English given names that are not a prefix of the full name, as data: outlets
 * write one person either way ("Joe Biden" in most, "Joseph R. Biden Jr." in The New York Times;
 * "Bernie" and "Bernard Sanders"), and a first name neither equal nor a prefix of the other read
 * as two people, so one statement's excerpts conflicted or stayed apart. Prefix forms ("Chris",
 * "Alex", "Rob", "Dan") are matched without this list. No npm package keeps such a lookup (the
 * maintained lists are CSV files with parsers in other languages); this one holds the common
 * forms in news about US and UK public figures.
 */
const SHORT_FORMS: Readonly<Record<string, readonly string[]>> = {
  joseph: ['joe', 'joey'],
  william: ['bill', 'billy', 'willy', 'liam'],
  robert: ['bob', 'bobby', 'bert'],
  michael: ['mike', 'mikey', 'mick'],
  james: ['jim', 'jimmy', 'jamie'],
  thomas: ['tom', 'tommy'],
  richard: ['dick', 'rick', 'ricky', 'richie'],
  charles: ['chuck', 'charlie'],
  edward: ['ed', 'eddie', 'ted', 'teddy', 'ned'],
  theodore: ['ted', 'teddy'],
  nicholas: ['nick', 'nicky'],
  anthony: ['tony'],
  stephen: ['steve'],
  andrew: ['andy', 'drew'],
  elizabeth: ['liz', 'beth', 'betsy', 'betty', 'libby', 'lisa'],
  katherine: ['kate', 'katie', 'kathy'],
  catherine: ['kate', 'katie', 'cathy'],
  kathleen: ['kathy', 'kate'],
  bernard: ['bernie'],
  lawrence: ['larry'],
  gerald: ['jerry'],
  harold: ['harry', 'hal'],
  henry: ['harry', 'hank'],
  john: ['jack', 'johnny', 'jon'],
  margaret: ['peggy', 'maggie', 'meg', 'maggy'],
  rebecca: ['becky'],
  susan: ['sue', 'susie'],
  deborah: ['debbie'],
  patricia: ['patty', 'trish'],
  alfred: ['fred', 'freddie'],
  frederick: ['freddie'],
  leonard: ['lenny'],
  geoffrey: ['jeff'],
};

const FULL_FORMS_OF = new Map<string, Set<string>>();
for (const [full, shorts] of Object.entries(SHORT_FORMS))
  for (const s of shorts) {
    let set = FULL_FORMS_OF.get(s);
    if (!set) FULL_FORMS_OF.set(s, (set = new Set()));
    set.add(full);
  }

/** Whether two folded (lower-case ASCII) first names are a short form and its full name, either way round. */
export function isShortFormPair(a: string, b: string): boolean {
  return !!FULL_FORMS_OF.get(a)?.has(b) || !!FULL_FORMS_OF.get(b)?.has(a);
}
