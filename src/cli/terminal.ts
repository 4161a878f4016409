/**
 * Terminal styling and progress policy. Colour follows the no-color.org convention: a
 * non-empty NO_COLOR turns it off; else a non-empty FORCE_COLOR other than "0"/"false" turns it
 * on; otherwise it is on only when stdout is a terminal that is not "dumb". Unlike picocolors' own detection, a CI
 * variable alone does not turn colour on: CI logs and files parsed by scripts stay plain.
 */
import pc from 'picocolors';

export type ColorEnv = Readonly<Record<string, string | undefined>>;

export function colorEnabled(env: ColorEnv = process.env, stream: { isTTY?: boolean } = process.stdout): boolean {
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force) return force !== '0' && force !== 'false';
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

export const style = pc.createColors(colorEnabled());

export function progressAllowed(json: boolean | undefined, stream: NodeJS.WriteStream = process.stderr): boolean {
  return !json && Boolean(stream.isTTY) && !process.env.CI;
}
