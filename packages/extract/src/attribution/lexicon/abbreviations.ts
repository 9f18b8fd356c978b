/**
 * Abbreviations whose full stop does not end a sentence ("Mr.", "Sen.", "Calif.").
 * Used by the sentence splitter.
 * To add one: lower case, without its dot.
 */

/** Abbreviations written with a full stop that does not end the sentence. */
export const ABBREVIATIONS = new Set(
  `mr mrs ms dr sen rep gov gen lt col sgt capt maj adm st jr sr prof rev hon inc corp co ltd vs etc
  jan feb mar apr aug sep sept oct nov dec no mt ft pres supt dept est approx fig al ave blvd messrs
  mmes sens reps govs cmdr cpl pvt insp det supt ph ky fla ga tenn calif mass ill ind mich minn wis
  ariz colo conn md mo nev okla ore pa va wyo ala ark kan neb vt mont tex`
    .split(/\s+/)
    .filter(Boolean),
);
