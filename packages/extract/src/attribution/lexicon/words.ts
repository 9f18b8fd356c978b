/**
 * Helper for the word lists of this folder: a whitespace-separated list read as a set.
 * Lists are plain data; every file here says what its words are for and how to add one.
 */

/** The set of the whitespace-separated words of `s`. */
export const words = (s: string): Set<string> => new Set(s.split(/\s+/).filter(Boolean));
