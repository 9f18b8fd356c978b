import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

/**
 * pnpm runs the root script from the workspace root; a relative path the user typed is relative
 * to where they typed it (INIT_CWD).
 */
export function resolveInput(p: string): string {
  if (/^https?:\/\//i.test(p) || isAbsolute(p)) return p;
  return resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

export function isUrl(p: string): boolean {
  return /^https?:\/\//i.test(p);
}

/** Reads a local input as bytes, inflating `.gz`. */
export async function readInputBytes(p: string): Promise<Uint8Array> {
  const buf = await readFile(resolveInput(p));
  return p.endsWith('.gz') ? gunzipSync(buf) : buf;
}

/** A plain-text input: offsets index the file's text decoded as UTF-8, unchanged. */
export function isTextInput(p: string): boolean {
  return /\.txt(\.gz)?$/i.test(p);
}
