import type { Server } from 'node:http';
import { QuotecheckError, UsageError } from '@quotecheck/shared';

/**
 * A TCP port from the command line: an integer 1-65535, else a usage error (exit 2) naming
 * the flag. Port 0 ("any free port") is refused too: nobody could find the server.
 */
export function parsePort(flag: string, raw: string): number {
  const port = /^\d{1,5}$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError(`${flag} ${JSON.stringify(raw)} is not a port number: give an integer from 1 to 65535`);
  }
  return port;
}

/** A server could not bind its port; the message says which flag chooses another. */
export class ListenError extends QuotecheckError {}

/**
 * Binds `server` to host:port. A port in use or not ours to bind becomes one {@link ListenError}
 * line (exit 1) instead of an unhandled `EADDRINUSE` crash.
 */
export function listen(server: Server, port: number, host: string, flag: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE') reject(new ListenError(`port ${port} is in use: choose another with ${flag}`));
      else if (err.code === 'EACCES')
        reject(new ListenError(`port ${port} needs privileges to bind: choose one above 1023 with ${flag}`));
      else if (err.code === 'EADDRNOTAVAIL') reject(new ListenError(`cannot bind ${host}: it is not an address of this machine`));
      else reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
