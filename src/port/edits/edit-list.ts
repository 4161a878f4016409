/**
 * Text edits collected in one walk and applied once per file. A replacement may cover earlier
 * edits (a call whose arguments were rewritten first): it absorbs them, and its text is built
 * with `textOf`, which applies the edits inside a range. Zero-width insertions (diagnostic
 * comments) at the very start of a replaced range stay in front of it.
 */

export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

interface StoredEdit extends Edit {
  readonly seq: number;
}

export class EditList {
  private edits: StoredEdit[] = [];
  private seq = 0;

  constructor(private readonly source: string) {}

  get size(): number {
    return this.edits.length;
  }

  /** A point to roll back to. */
  mark(): number {
    return this.seq;
  }

  /**
   * Drops every edit made since `mark` (a call left unported is left exactly as written,
   * arguments included). Edits made since then only ever absorbed edits made since then.
   */
  rollback(mark: number): void {
    this.edits = this.edits.filter((e) => e.seq < mark);
  }

  /** Whether any edit lies inside [start, end). */
  touches(start: number, end: number): boolean {
    return this.edits.some((e) => this.inside(e, start, end));
  }

  private inside(e: Edit, start: number, end: number): boolean {
    return e.start === e.end ? e.start > start && e.start < end : e.start >= start && e.end <= end;
  }

  /** Whether replacing [start, end) would overlap an edit it does not cover (a replacement around it). */
  overlaps(start: number, end: number): boolean {
    return this.edits.some((e) => e.start !== e.end && !this.inside(e, start, end) && e.start < end && start < e.end);
  }

  replace(start: number, end: number, text: string): void {
    if (start > end) throw new Error(`edit range ${start}..${end} is reversed`);
    const overlapped = this.edits.find((e) => e.start !== e.end && !this.inside(e, start, end) && e.start < end && start < e.end);
    if (overlapped) throw new Error(`overlapping edits ${overlapped.start}..${overlapped.end} and ${start}..${end}`);
    this.edits = this.edits.filter((e) => !this.inside(e, start, end));
    this.edits.push({ start, end, text, seq: this.seq++ });
  }

  insert(position: number, text: string): void {
    for (const e of this.edits) {
      if (e.start !== e.end && e.start < position && position < e.end) return; // inside replaced text: nothing to insert into
    }
    this.edits.push({ start: position, end: position, text, seq: this.seq++ });
  }

  /** The source text of [start, end) with the edits inside it applied. */
  textOf(start: number, end: number): string {
    return this.render(start, end, this.edits.filter((e) => this.inside(e, start, end)));
  }

  apply(): string {
    return this.render(0, this.source.length, this.edits);
  }

  /** The edits `apply` makes, in the order it makes them (none inside another). */
  applied(): Edit[] {
    return this.inOrder(this.edits).map(({ start, end, text }) => ({ start, end, text }));
  }

  private inOrder(edits: readonly StoredEdit[]): StoredEdit[] {
    return [...edits].sort((a, b) => a.start - b.start || (a.start === a.end ? 0 : 1) - (b.start === b.end ? 0 : 1) || a.seq - b.seq);
  }

  private render(start: number, end: number, edits: readonly StoredEdit[]): string {
    const sorted = this.inOrder(edits);
    let out = '';
    let at = start;
    for (const e of sorted) {
      out += this.source.slice(at, e.start) + e.text;
      at = Math.max(at, e.end);
    }
    return out + this.source.slice(at, end);
  }
}
