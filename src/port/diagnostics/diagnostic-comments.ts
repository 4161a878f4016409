/**
 * Diagnostics written into the code as comments above the statement they concern:
 * `// opbridge OB1005: <message>`. A comment already present in the comment lines directly
 * above the statement (from an earlier run) is recognised and not written again; when a call
 * that an earlier run could not port is ported, the comments naming it are removed.
 */
import type { EditList } from '../edits/edit-list.js';
import { lineIndent, newlineOf } from '../emit/statement-placement.js';
import { ts } from '../syntax/typescript.js';
import type { PortDiagnostic } from './port-diagnostics.js';

export const DIAGNOSTIC_COMMENT = /^\/\/ opbridge (OB1\d{3}):/;

export function commentText(diagnostic: PortDiagnostic): string {
  return `// opbridge ${diagnostic.id}: ${diagnostic.message.replace(/\s+/g, ' ').trim()}`;
}

/** The statement (or class member) a comment about `node` goes above. */
export function commentAnchor(node: ts.Node): ts.Node {
  let n: ts.Node = node;
  while (n.parent && !ts.isSourceFile(n.parent) && !ts.isBlock(n.parent) && !ts.isModuleBlock(n.parent) && !ts.isCaseClause(n.parent) && !ts.isDefaultClause(n.parent) && !ts.isClassLike(n.parent)) {
    n = n.parent;
  }
  return n;
}

export class DiagnosticComments {
  private readonly written = new Set<string>();
  private readonly log: string[] = [];
  private readonly lines: string[];
  private readonly nl: string;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly edits: EditList,
  ) {
    this.lines = sourceFile.text.split(/\r?\n/);
    this.nl = newlineOf(sourceFile.text);
  }

  /** Writes `diagnostic` above the statement holding `node`, unless it is already there. */
  add(node: ts.Node, diagnostic: PortDiagnostic): void {
    const anchor = commentAnchor(node);
    const start = anchor.getStart(this.sourceFile);
    const { line } = this.sourceFile.getLineAndCharacterOfPosition(start);
    const text = commentText(diagnostic);
    const key = `${line}\u0000${text}`;
    if (this.written.has(key) || this.existingAbove(line).has(text)) return;
    this.written.add(key);
    this.log.push(key);
    const lineStart = this.sourceFile.getPositionOfLineAndCharacter(line, 0);
    this.edits.insert(lineStart, `${lineIndent(this.sourceFile.text, start)}${text}${this.nl}`);
  }

  mark(): number {
    return this.log.length;
  }

  rollback(mark: number): void {
    while (this.log.length > mark) this.written.delete(this.log.pop()!);
  }

  /**
   * Removes the diagnostic comments above the statement holding `node` that name `symbol`
   * (written by an earlier run), except those in `keep`.
   */
  removeStale(node: ts.Node, symbol: string, keep: ReadonlySet<string>): void {
    const anchor = commentAnchor(node);
    const { line } = this.sourceFile.getLineAndCharacterOfPosition(anchor.getStart(this.sourceFile));
    for (let l = line - 1; l >= 0; l--) {
      const trimmed = this.lines[l].trim();
      if (!trimmed.startsWith('//')) break;
      if (!DIAGNOSTIC_COMMENT.test(trimmed) || keep.has(trimmed) || !trimmed.includes(`\`${symbol}\``)) continue;
      const start = this.sourceFile.getPositionOfLineAndCharacter(l, 0);
      const end = l + 1 < this.lines.length ? this.sourceFile.getPositionOfLineAndCharacter(l + 1, 0) : this.sourceFile.text.length;
      if (!this.edits.touches(start - 1, end + 1)) this.edits.replace(start, end, '');
    }
  }

  /**
   * Removes every diagnostic comment directly above a statement that vanishes (an earlier run wrote
   * them about the operation the statement belonged to, which is ported now).
   */
  removeAbove(statement: ts.Node): void {
    const { line } = this.sourceFile.getLineAndCharacterOfPosition(statement.getStart(this.sourceFile));
    for (let l = line - 1; l >= 0; l--) {
      const trimmed = this.lines[l].trim();
      if (!trimmed.startsWith('//')) break;
      if (!DIAGNOSTIC_COMMENT.test(trimmed)) continue;
      const start = this.sourceFile.getPositionOfLineAndCharacter(l, 0);
      const end = this.sourceFile.getPositionOfLineAndCharacter(l + 1, 0);
      if (!this.edits.touches(start, end)) this.edits.replace(start, end, '');
    }
  }

  /** Diagnostic comments in the comment-only lines directly above a line. */
  private existingAbove(line: number): Set<string> {
    const found = new Set<string>();
    for (let l = line - 1; l >= 0; l--) {
      const trimmed = this.lines[l].trim();
      if (!trimmed.startsWith('//')) break;
      if (DIAGNOSTIC_COMMENT.test(trimmed)) found.add(trimmed);
    }
    return found;
  }
}
