/**
 * Helper for the word lists of this folder: a whitespace-separated list read as a set (the shared
 * package's, which its name lists use too). Lists are plain data; every file here says what its
 * words are for and how to add one.
 */
export { wordSet as words } from '@quotecheck/shared/core';
