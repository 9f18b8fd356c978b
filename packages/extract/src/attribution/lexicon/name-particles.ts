/**
 * Surname particles ("von der Leyen", "bin Salman", "de Gaulle"): lower-case words that belong
 * to a name. Used by mentions.ts and speaker resolution.
 * To add a particle: lower case, one entry.
 */

/** Lower-case particles inside surnames. */
export const NAME_PARTICLES = new Set([
  'von',
  'van',
  'der',
  'den',
  'de',
  'del',
  'della',
  'di',
  'da',
  'du',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
  'ter',
  'ten',
  'dos',
  'das',
]);
