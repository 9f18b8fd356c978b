import { decodeHTMLStrict } from 'entities';

/**
 * Decodes the HTML character references left in a string that a parser has already decoded once:
 * metadata attributes and JSON-LD strings escaped a second time (`Caf&amp;eacute;` in the markup,
 * `Caf&eacute;` after parsing), feed titles that carry HTML inside XML text. Every named reference
 * of the HTML standard (`&Eacute;` -> `É`, `&oslash;` -> `ø`), decimal and hex references; unknown
 * names (`&foo;`) stay as written, invalid code points become U+FFFD, and one pass only
 * (`&amp;eacute;` -> `&eacute;`).
 *
 * Strict: a reference needs its `;`. A bare `&copy` or `&amp` in an already-decoded string is far
 * likelier to be literal text ("AT&T", a query string) than a legacy reference a browser would read.
 */
export function decodeEntities(s: string): string {
  return s.includes('&') ? decodeHTMLStrict(s) : s;
}
