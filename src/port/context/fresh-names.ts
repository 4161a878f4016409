/**
 * Fresh identifiers for code the porter generates (hoisted arguments, namespace imports):
 * never equal to any identifier written anywhere in the file, nor to a name issued before.
 * Checking every identifier (not only those in scope) is stricter than needed and simple.
 */
import { ts } from '../syntax/typescript.js';

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in ' +
    'instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private ' +
    'protected public static yield await any boolean constructor declare get module require number set string symbol type from of ' +
    'undefined arguments eval NaN Infinity'
  ).split(' '),
);

export class FreshNames {
  private readonly taken = new Set<string>();
  /** Names issued or reserved, in order, so a failed attempt can give them back. */
  private readonly log: string[] = [];

  constructor(sourceFile: ts.SourceFile) {
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) this.taken.add(node.text.replace(/^#/, ''));
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }

  /** Whether `name` is written in the file or was issued. */
  isTaken(name: string): boolean {
    return this.taken.has(name) || RESERVED.has(name);
  }

  /** Marks a name as used (a target name the porter imports). */
  reserve(name: string): void {
    if (this.taken.has(name)) return;
    this.taken.add(name);
    this.log.push(name);
  }

  /** A point to roll back to. */
  mark(): number {
    return this.log.length;
  }

  /** Gives back every name issued or reserved since `mark`. */
  rollback(mark: number): void {
    while (this.log.length > mark) this.taken.delete(this.log.pop()!);
  }

  /** `base` if free, else `base_1`, `base_2`, …; the result is reserved. */
  fresh(base: string): string {
    let stem = base.replace(/[^A-Za-z0-9_$]/g, '_');
    if (!/^[A-Za-z_$]/.test(stem)) stem = `_${stem}`;
    let name = stem;
    for (let n = 1; this.isTaken(name); n++) name = `${stem}_${n}`;
    this.reserve(name);
    return name;
  }
}
