/**
 * Where a position of an edited text came from: the text before the edits, given the edits in the
 * order they were applied (`EditList.applied()`). A position inside text an edit wrote comes from
 * the start of the code that edit replaced; any other position moves by the edits before it.
 * Used to report the findings of a second port of a port at the lines of the file the user gave.
 */
import type { Edit } from './edit-list.js';

export interface TextPosition {
  /** 1-based, as diagnostics and rewrites report them. */
  readonly line: number;
  readonly column: number;
}

interface PlacedEdit {
  readonly edit: Edit;
  /** Where its text starts and ends in the edited text. */
  readonly start: number;
  readonly end: number;
}

export class TextOrigins {
  private readonly placed: PlacedEdit[] = [];
  private readonly beforeLines: LineStarts;
  private readonly afterLines: LineStarts;

  constructor(before: string, after: string, edits: readonly Edit[]) {
    let shift = 0;
    for (const edit of edits) {
      const start = edit.start + shift;
      this.placed.push({ edit, start, end: start + edit.text.length });
      shift += edit.text.length - (edit.end - edit.start);
    }
    this.beforeLines = new LineStarts(before);
    this.afterLines = new LineStarts(after);
  }

  /** The edit whose written text holds this position of the edited text, if any. */
  editAt(position: TextPosition): Edit | undefined {
    return this.placedAt(this.offsetAfter(position))?.edit;
  }

  /** The position in the text before the edits that this position of the edited text comes from. */
  originOf(position: TextPosition): TextPosition {
    const offset = this.offsetAfter(position);
    const within = this.placedAt(offset);
    let origin: number;
    if (within) origin = within.edit.start;
    else {
      const last = this.lastStartingBefore(offset);
      origin = last ? offset - last.end + last.edit.end : offset;
    }
    return this.beforeLines.positionOf(origin);
  }

  /** The edit that wrote the first occurrence of the identifier `name` at or after this position of the edited text. */
  editWritingNext(name: string, position: TextPosition, after: string): Edit | undefined {
    const pattern = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
    pattern.lastIndex = this.offsetAfter(position);
    const found = pattern.exec(after);
    return found ? this.placedAt(found.index)?.edit : undefined;
  }

  /** The edit that replaced the code at this position of the text before the edits, if any. */
  editReplacing(position: TextPosition): Edit | undefined {
    const offset = this.beforeLines.offsetOf(position);
    let low = 0;
    let high = this.placed.length - 1;
    let found: Edit | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.placed[middle].edit.start <= offset) {
        found = this.placed[middle].edit;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found && offset < found.end ? found : undefined;
  }

  private offsetAfter(position: TextPosition): number {
    return this.afterLines.offsetOf(position);
  }

  private placedAt(offset: number): PlacedEdit | undefined {
    const last = this.lastStartingBefore(offset);
    return last && offset < last.end ? last : undefined;
  }

  /** The last placed edit starting at or before the offset (edits are in order and apart). */
  private lastStartingBefore(offset: number): PlacedEdit | undefined {
    let low = 0;
    let high = this.placed.length - 1;
    let found: PlacedEdit | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (this.placed[middle].start <= offset) {
        found = this.placed[middle];
        low = middle + 1;
      } else high = middle - 1;
    }
    return found;
  }
}

/** 1-based line and column ↔ offset in one text. */
class LineStarts {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  offsetOf(position: TextPosition): number {
    return (this.starts[position.line - 1] ?? 0) + position.column - 1;
  }

  positionOf(offset: number): TextPosition {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }
}
