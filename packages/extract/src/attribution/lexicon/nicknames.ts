/**
 * Short forms of English first names and the formal name each stands for: a page that names
 * "Mike Bloomberg" in its keywords and "Michael Bloomberg" in a caption names one man. Used where
 * page names outside the body are compared (gazetteer.ts). To add one: `short:formal`, lower case,
 * only short forms that stand for one formal name.
 */
const PAIRS = `
mike:michael mick:michael bill:william will:william billy:william bob:robert rob:robert bobby:robert
jim:james jimmy:james joe:joseph dick:richard rick:richard rich:richard tom:thomas tommy:thomas
ted:edward ed:edward ned:edward tony:anthony chris:christopher dan:daniel danny:daniel dave:david
steve:stephen sam:samuel ben:benjamin nick:nicholas pat:patrick pete:peter greg:gregory
jeff:jeffrey jerry:gerald larry:lawrence matt:matthew andy:andrew drew:andrew ken:kenneth
ron:ronald don:donald chuck:charles charlie:charles hank:henry
liz:elizabeth beth:elizabeth betsy:elizabeth kate:katherine kathy:katherine cathy:catherine
sue:susan susie:susan jenny:jennifer jen:jennifer meg:margaret peggy:margaret maggie:margaret
becky:rebecca debbie:deborah deb:deborah pam:pamela vicky:victoria
`;

/** Short first name -> the formal one (lower case). */
const FORMAL_FIRST_NAME: ReadonlyMap<string, string> = new Map(
  PAIRS.trim()
    .split(/\s+/)
    .map((pair) => pair.split(':') as [string, string]),
);

/** The formal form of a lower-case first name ("mike" -> "michael"), or the name itself. */
export function formalFirstName(first: string): string {
  return FORMAL_FIRST_NAME.get(first) ?? first;
}
