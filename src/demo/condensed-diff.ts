/**
 * A diff short enough to read on one screen: the hunks of a port without their context lines, each
 * cut to a few lines, up to a line budget; what is cut is counted, never silently dropped.
 * The full diff is what `opbridge port` prints.
 */
import { structuredPatch } from 'diff';

export type DiffLineKind = 'hunk' | 'removed' | 'added' | 'elided';

export interface DiffLine {
  readonly kind: DiffLineKind;
  readonly text: string;
}

export interface CondensedDiff {
  readonly lines: readonly DiffLine[];
  /** All hunks, and those shown (in part or whole). */
  readonly hunks: number;
  readonly shownHunks: number;
  /** Changed lines (removed + added) in the whole diff, and those shown. */
  readonly changedLines: number;
  readonly shownChangedLines: number;
}

export interface CondenseOptions {
  /** Lines to print at most, hunk headers and elision notes included (default 24). */
  readonly maxLines?: number;
  /** Lines per hunk below its header: its changed lines, or the first of them and an elision note (default 6). */
  readonly maxLinesPerHunk?: number;
}

export function condensedDiff(before: string, after: string, options: CondenseOptions = {}): CondensedDiff {
  const maxLines = options.maxLines ?? 24;
  const perHunk = options.maxLinesPerHunk ?? 6;
  // Hunks are grouped as `git diff` groups them (changes within 3 lines join), then shown without
  // their context lines: a rewritten import list stays one hunk instead of dozens.
  const patch = structuredPatch('a', 'b', before, after, undefined, undefined, { context: 3 });
  const hunks = patch.hunks.map((h) => ({
    header: `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`,
    changed: h.lines.filter((l) => l.startsWith('-') || l.startsWith('+')),
  }));
  const changedLines = hunks.reduce((n, h) => n + h.changed.length, 0);
  const lines: DiffLine[] = [];
  let shownHunks = 0;
  let shownChangedLines = 0;
  // One line stays free for the note on the hunks that did not fit.
  const budget = maxLines - 1;
  for (const hunk of hunks) {
    // A hunk needs its header and two body lines (a changed line and, maybe, its elision note).
    if (lines.length + 3 > budget) break;
    lines.push({ kind: 'hunk', text: hunk.header });
    const room = Math.min(perHunk, budget - lines.length);
    const shown = hunk.changed.length <= room ? hunk.changed : hunk.changed.slice(0, room - 1);
    for (const line of shown) lines.push({ kind: line.startsWith('-') ? 'removed' : 'added', text: line });
    if (shown.length < hunk.changed.length) lines.push({ kind: 'elided', text: `… ${hunk.changed.length - shown.length} more changed lines in this hunk` });
    shownHunks++;
    shownChangedLines += shown.length;
  }
  const restHunks = hunks.length - shownHunks;
  if (restHunks > 0) {
    const restLines = hunks.slice(shownHunks).reduce((n, h) => n + h.changed.length, 0);
    lines.push({ kind: 'elided', text: `… ${restHunks} more ${restHunks === 1 ? 'hunk' : 'hunks'} (${restLines} changed lines) not shown` });
  }
  return { lines, hunks: hunks.length, shownHunks, changedLines, shownChangedLines };
}
