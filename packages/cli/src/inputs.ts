import { createReadStream } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { binaryReason } from '@quotecheck/ingest';
import { loadConfig, QuotecheckError } from '@quotecheck/shared';

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

/**
 * A local input whose content cannot be read as a page: empty, binary, not gzip, or over the size
 * cap (a missing or unreadable file is a `FileAccessError`). One line that does not repeat the
 * input's name (commands print `quotecheck: INPUT: message`); every command that reads inputs
 * reports it and exits 1.
 */
export class InputError extends QuotecheckError {}

/**
 * The most bytes read from one input, and the most a `.gz` input may inflate to: `fetch.maxBytes`
 * (10 MB by default), the same cap a fetched page has, so a file is read like the page it was
 * saved from. Read once per process; without a readable config, the default.
 */
export function inputMaxBytes(): number {
  cachedMax ??= (() => {
    try {
      return loadConfig().fetch.maxBytes;
    } catch {
      return DEFAULT_MAX_INPUT_BYTES;
    }
  })();
  return cachedMax;
}
const DEFAULT_MAX_INPUT_BYTES = 10 * 1024 * 1024;
let cachedMax: number | undefined;

/**
 * Reads a stream into memory, refusing more than `cap` bytes with the message of `tooLarge`.
 * Leaving the loop destroys the source, so an endless input (`/dev/zero`, a pipe) stops there.
 */
async function readCapped(chunks: AsyncIterable<Buffer>, cap: number, tooLarge: () => string): Promise<Buffer> {
  const out: Buffer[] = [];
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > cap) throw new InputError(tooLarge());
    out.push(chunk);
  }
  return Buffer.concat(out, total);
}

/** Counts bytes through a pipeline, throwing past `cap`. */
function capped(cap: number, tooLarge: () => string) {
  let total = 0;
  return async function* (src: AsyncIterable<Buffer>) {
    for await (const chunk of src) {
      total += chunk.length;
      if (total > cap) throw new InputError(tooLarge());
      yield chunk;
    }
  };
}

/**
 * Reads a local input (a file, or standard input for `-`) as bytes, inflating `.gz`, with
 * bounded memory: at most {@link inputMaxBytes} bytes are read, and a `.gz` is streamed through
 * zlib and stopped once it inflates past the same cap (a gzip bomb never fills memory). Refuses,
 * with an {@link InputError}, an input over the cap, an empty input (nothing but white space)
 * and a binary one (see `binaryReason`). File system errors (missing, unreadable, a directory)
 * are thrown as they are, with their `code`, for the command to word (`readError`).
 */
export async function readInputBytes(p: string, maxBytes = inputMaxBytes()): Promise<Uint8Array> {
  const stdin = p === '-';
  const mb = `${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB`;
  let source: Readable;
  if (stdin) source = process.stdin;
  else {
    source = createReadStream(resolveInput(p), { highWaterMark: 64 * 1024 });
    // the open error (ENOENT, EISDIR...) arrives as the stream's first event
    await new Promise<void>((ok, fail) => {
      source.once('ready', () => ok());
      source.once('error', fail);
    });
  }
  const tooLarge = () => `larger than the ${mb} input cap (fetch.maxBytes): give a smaller file, or raise fetch.maxBytes`;
  let bytes: Buffer;
  try {
    if (p.endsWith('.gz')) {
      const inflatedTooLarge = () =>
        `inflates to more than the ${mb} input cap (fetch.maxBytes): not a page, or raise fetch.maxBytes`;
      const out: Buffer[] = [];
      let total = 0;
      await pipeline(source, capped(maxBytes, tooLarge), createGunzip(), async (inflated: AsyncIterable<Buffer>) => {
        for await (const chunk of inflated) {
          total += chunk.length;
          if (total > maxBytes) throw new InputError(inflatedTooLarge());
          out.push(chunk);
        }
      });
      bytes = Buffer.concat(out, total);
    } else {
      bytes = await readCapped(source as AsyncIterable<Buffer>, maxBytes, tooLarge);
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code?.startsWith('Z_'))
      throw new InputError(`not a valid gzip file (${(e as Error).message}): give the file without .gz`);
    throw e;
  } finally {
    if (!stdin) source.destroy();
  }
  if (isBlank(bytes)) {
    throw new InputError('empty input: nothing to read');
  }
  const binary = binaryReason(bytes);
  if (binary) throw new InputError(`not a page: ${binary}`);
  return bytes;
}

/** True when the bytes are nothing but ASCII white space (or nothing at all). */
function isBlank(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return false;
  return true;
}

/** A plain-text input: offsets index the file's text decoded as UTF-8, unchanged. */
export function isTextInput(p: string): boolean {
  return /\.txt(\.gz)?$/i.test(p);
}
