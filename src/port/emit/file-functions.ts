/**
 * Functions a lowering writes once per file and calls from each place it needs them (a status
 * naming function on a target without a status-to-string call). A lowering asks for one by key;
 * the first ask names it (a fresh name) and keeps its text, later asks get the same name. Like
 * TargetNames, the set rolls back with a failed attempt, so only the functions of lowerings that
 * stay are written (after the imports, once the walk is done).
 */
import type { FreshNames } from '../context/fresh-names.js';

export interface FileFunction {
  /** What the function is for (the same key is one function). */
  readonly key: string;
  readonly name: string;
  /** The declaration, lines separated by `\n`, without indentation at the top level. */
  readonly text: string;
}

export class FileFunctions {
  private readonly written: FileFunction[] = [];

  constructor(private readonly fresh: FreshNames) {}

  /** The name of the function for `key`: declared on first use, named fresh from `base`, its text built from that name. */
  declare(key: string, base: string, text: (name: string) => string): string {
    const found = this.written.find((f) => f.key === key);
    if (found) return found.name;
    const name = this.fresh.fresh(base);
    this.written.push({ key, name, text: text(name) });
    return name;
  }

  /** A point to roll back to (together with the fresh names, which issued the functions' names). */
  mark(): number {
    return this.written.length;
  }

  rollback(mark: number): void {
    this.written.length = Math.min(this.written.length, mark);
  }

  all(): readonly FileFunction[] {
    return this.written;
  }
}
