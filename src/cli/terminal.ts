/**
 * Terminal styling that respects NO_COLOR / FORCE_COLOR and non-TTY output (picocolors
 * decides), plus whether progress may be shown (never with --json or when not a TTY).
 */
import pc from 'picocolors';

export const style = pc;

export function progressAllowed(json: boolean | undefined, stream: NodeJS.WriteStream = process.stderr): boolean {
  return !json && Boolean(stream.isTTY) && !process.env.CI;
}
