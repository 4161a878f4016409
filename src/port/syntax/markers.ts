/**
 * Porting markers in comments:
 *
 * - `// opbridge-ignore-next-line` — the next line is left as it is;
 * - `// opbridge-disable` … `// opbridge-enable` — every line in between is left as it is
 *   (to the end of the file when there is no `opbridge-enable`).
 *
 * Block comments work too (`/* opbridge-disable *\/`). Text after the marker (a reason) is allowed.
 */
import type { CommentRange } from './comments.js';
import type { ts } from './typescript.js';

const MARKER = /^(?:\/\/|\/\*)\s*opbridge-(ignore-next-line|disable|enable)\b/;

export interface SuppressedLines {
  /** Whether a 0-based line is left as it is. */
  has(line: number): boolean;
  readonly isEmpty: boolean;
}

export function suppressedLines(sourceFile: ts.SourceFile, comments: readonly CommentRange[]): SuppressedLines {
  const single = new Set<number>();
  const ranges: [number, number][] = [];
  let disabledFrom: number | undefined;
  for (const comment of comments) {
    const marker = MARKER.exec(comment.text)?.[1];
    if (!marker) continue;
    const startLine = sourceFile.getLineAndCharacterOfPosition(comment.start).line;
    const endLine = sourceFile.getLineAndCharacterOfPosition(comment.end).line;
    if (marker === 'ignore-next-line') single.add(endLine + 1);
    else if (marker === 'disable') disabledFrom ??= startLine;
    else if (disabledFrom !== undefined) {
      ranges.push([disabledFrom, endLine]);
      disabledFrom = undefined;
    }
  }
  if (disabledFrom !== undefined) ranges.push([disabledFrom, Number.POSITIVE_INFINITY]);
  return {
    has: (line) => single.has(line) || ranges.some(([from, to]) => line >= from && line <= to),
    isEmpty: single.size === 0 && ranges.length === 0,
  };
}
