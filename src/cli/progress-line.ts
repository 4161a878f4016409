/**
 * A one-line progress report on stderr for long commands: redrawn in place at most every
 * 100 ms (and always at the last step), erased when the command finishes, and silent when
 * disabled (see `progressAllowed`).
 */
import { style } from './terminal.js';

export interface ProgressLine<P> {
  update(progress: P): void;
  done(): void;
}

export interface ProgressFormat<P> {
  /** The line for this step (shown dimmed). */
  readonly text: (progress: P) => string;
  /** Whether this is the last step, which is always drawn. */
  readonly finished: (progress: P) => boolean;
  /** Whether the run is worth a progress line at all (default: yes). */
  readonly worthShowing?: (progress: P) => boolean;
}

const REDRAW_MS = 100;

export function progressLine<P>(enabled: boolean, format: ProgressFormat<P>): ProgressLine<P> {
  if (!enabled) return { update: () => {}, done: () => {} };
  let last = 0;
  let shown = false;
  return {
    update: (p) => {
      const now = Date.now();
      if (format.worthShowing && !format.worthShowing(p)) return;
      if (now - last < REDRAW_MS && !format.finished(p)) return;
      last = now;
      shown = true;
      process.stderr.write(`\r${style.dim(format.text(p))}\u001b[K`);
    },
    done: () => {
      if (shown) process.stderr.write('\r\u001b[K');
    },
  };
}
