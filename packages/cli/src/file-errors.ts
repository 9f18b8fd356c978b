import { dirname } from 'node:path';
import { QuotecheckError } from '@quotecheck/shared';

/**
 * A file a command was given cannot be read, or its output file cannot be written. Exit 1 in
 * every command (a bad flag is exit 2); the message names the file and the cause in one line.
 */
export class FileAccessError extends QuotecheckError {}

function codeOf(err: unknown): string | undefined {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The errno codes that describe the file itself, as opposed to its content. */
const FILE_CODES = new Set(['ENOENT', 'EACCES', 'EPERM', 'EISDIR', 'ENOTDIR', 'ELOOP', 'ENAMETOOLONG', 'ENOSPC', 'EROFS']);

/** Whether an error is about reaching a file (missing, forbidden, a directory...), not its content. */
export function isFileAccessError(err: unknown): boolean {
  const code = codeOf(err);
  return code !== undefined && FILE_CODES.has(code);
}

/**
 * The one-line error for an input file that cannot be read, e.g. "no such file: x.txt".
 * Errors that are not about the file itself come back unchanged.
 * @param shown the path as the user typed it
 */
export function readError(shown: string, err: unknown): Error {
  switch (codeOf(err)) {
    case 'ENOENT':
      return new FileAccessError(`no such file: ${shown}`, { cause: err });
    case 'ENOTDIR':
      return new FileAccessError(`no such file: ${shown} (a folder on its path is a file)`, { cause: err });
    case 'EACCES':
    case 'EPERM':
      return new FileAccessError(`cannot read ${shown}: permission denied`, { cause: err });
    case 'EISDIR':
      return new FileAccessError(`cannot read ${shown}: it is a directory, pass a file`, { cause: err });
    case 'ELOOP':
    case 'ENAMETOOLONG':
      return new FileAccessError(`cannot read ${shown}: ${(err as Error).message}`, { cause: err });
    default:
      return err instanceof Error ? err : new Error(String(err));
  }
}

/**
 * The one-line error for an output file that cannot be written, e.g.
 * "cannot write /missing/dir/x: no such directory".
 * @param shown the path as the user typed it
 */
export function writeError(shown: string, err: unknown): FileAccessError {
  const why = (() => {
    switch (codeOf(err)) {
      case 'ENOENT':
        return `no such directory (create ${dirname(shown)} first)`;
      case 'ENOTDIR':
        return 'a folder on its path is a file';
      case 'EACCES':
      case 'EPERM':
        return 'permission denied';
      case 'EISDIR':
        return 'it is a directory, name a file';
      case 'ENOSPC':
        return 'the disk is full';
      case 'EROFS':
        return 'the file system is read-only';
      default:
        return (err as Error)?.message ?? String(err);
    }
  })();
  return new FileAccessError(`cannot write ${shown}: ${why}`, { cause: err });
}
