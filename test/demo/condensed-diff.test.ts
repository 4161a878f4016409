/** The demo's condensed diff: hunks without context, cut to a budget, with what was cut counted. */
import { describe, expect, it } from 'vitest';
import { condensedDiff } from '../../src/demo/condensed-diff.js';

const numbered = (n: number, tag = ''): string[] => Array.from({ length: n }, (_, i) => `line ${i}${tag}`);

/** Changes every `every`-th line of a `lines`-line file (far enough apart to make separate hunks when every > 7). */
function edited(lines: number, every: number): { before: string; after: string } {
  const before = numbered(lines);
  const after = before.map((l, i) => (i % every === 0 ? `${l} changed` : l));
  return { before: `${before.join('\n')}\n`, after: `${after.join('\n')}\n` };
}

describe('condensedDiff', () => {
  it('shows a short diff whole, changed lines only', () => {
    const { before, after } = edited(20, 10);
    const d = condensedDiff(before, after);
    expect(d.hunks).toBe(2);
    expect(d.lines.map((l) => l.text)).toEqual(['@@ -1,4 +1,4 @@', '-line 0', '+line 0 changed', '@@ -8,7 +8,7 @@', '-line 10', '+line 10 changed']);
    expect(d).toMatchObject({ shownHunks: 2, changedLines: 4, shownChangedLines: 4 });
  });

  it('cuts long hunks and stops at the line budget, counting what it left out', () => {
    const { before, after } = edited(400, 10);
    const d = condensedDiff(before, after, { maxLines: 12, maxLinesPerHunk: 4 });
    expect(d.lines.length).toBeLessThanOrEqual(12);
    expect(d.hunks).toBe(40);
    expect(d.changedLines).toBe(80);
    expect(d.lines.at(-1)).toEqual({ kind: 'elided', text: `… ${d.hunks - d.shownHunks} more hunks (${80 - d.shownChangedLines} changed lines) not shown` });

    const one = edited(30, 1);
    const cut = condensedDiff(one.before, one.after, { maxLines: 24, maxLinesPerHunk: 5 });
    expect(cut.hunks).toBe(1);
    expect(cut.lines.map((l) => l.kind)).toEqual(['hunk', 'removed', 'removed', 'removed', 'removed', 'elided']);
    expect(cut.lines.at(-1)!.text).toBe('… 56 more changed lines in this hunk');
  });

  it('has nothing to show when nothing changed', () => {
    expect(condensedDiff('a\n', 'a\n')).toEqual({ lines: [], hunks: 0, shownHunks: 0, changedLines: 0, shownChangedLines: 0 });
  });
});
