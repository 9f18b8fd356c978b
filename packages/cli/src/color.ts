/**
 * Whether output written to `stream` may carry ANSI colors.
 *
 * The conventions every terminal tool shares: `FORCE_COLOR` set to anything but `0`/`false` turns
 * colors on even into a pipe, `FORCE_COLOR=0` turns them off, a non-empty `NO_COLOR`
 * (https://no-color.org) turns them off; otherwise colors go only to a terminal.
 */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  return stream.isTTY === true;
}
