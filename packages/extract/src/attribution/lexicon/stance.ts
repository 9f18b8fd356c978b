/**
 * Words that are never stance verbs. A past-tense verb right after a person or organisation is
 * read as a stance frame ("Cruz backed the bill", "Sanders slammed Wall Street", PolNeAR style);
 * these past and -s forms of ordinary action verbs are not ("Cruz won", "Clinton traveled").
 * Used by the verb frame's cue reading.
 * To stop a verb being read as a stance: add its -ed and -s forms, lower case, to the list.
 */

/** Past and -s forms that never state a position. */
export const NOT_STANCE = new Set(
  `is was has does says said news series this thus its his hers theirs ours yours less unless across
plus always perhaps whereas towards afterwards sometimes various famous previous serious numerous obvious
nervous indeed hundred united limited based related married red bed need feed speed seed led lost won
leads trails trailed finished arrived visited met held spent raised received took got returned traveled
travelled remained stayed served lived lives worked works died owned owns resigned retired attended
entered joined left ran runs sat sits stood stands walked walks moved moves came comes went goes
grew grows fell falls rose rises turned turns started starts ended ends began begins needed needs
used uses tried tries helped helps gets lets puts sets happened happens looked looks seemed seems
appeared appears became becomes stood earned earns gained gains dropped drops hit hits scored scores
signed signs voted votes launched captured picked wins defeated selected interviewed clinched edged
trounced accepted dominated survived invested delivered greeted accounted widened secured garnered
snagged eked whipped hammered proved spiked erupted completed snatched unleashed ramped punctuated
postpones controls struggled faced suspended opened managed holds played remains caucuses results
received receives makes airs hosted traded followed carried escalated attempted decamped enjoyed
unveiled sued draws volunteered rushed convicted thrilled stared acted released changed reached created
passed represented reversed embraced experienced cobbled activated missed rounded proceeded benefited
seized stepped teamed approached established increased acquired killed`.split(/\s+/),
);
