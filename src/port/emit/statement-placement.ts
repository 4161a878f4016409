/**
 * Puts a lowering into the code. A single call replaces the source call. A lowering with
 * statements before the call (hoisted arguments, companion calls) replaces the statement when
 * the call is the whole statement, the initializer of a single-declaration variable statement,
 * or the value of a `return`; a statement that is not in a block (`if (x) call();`) gets
 * braces. Anywhere else the status is used inside an expression, which keeps its value:
 * `(a(), b(), call)` when the statements are plain calls, otherwise an arrow function called
 * on the spot, `(() => { const n = f(); return call; })()` — impossible when the arguments
 * contain `await` or `yield` (OB1017).
 */
import { containsSuspension } from '../context/expression-purity.js';
import type { EditList } from '../edits/edit-list.js';
import type { Lowering } from '../lower/lowerer.js';
import { ts } from '../syntax/typescript.js';

export type Placement = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Whether a statement sits directly in a statement list (so it can become several). */
export function inStatementList(statement: ts.Node): boolean {
  const p = statement.parent;
  return Boolean(p && (ts.isBlock(p) || ts.isSourceFile(p) || ts.isModuleBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)));
}

/** The indentation of the line a position is on. */
export function lineIndent(text: string, position: number): string {
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))![0];
}

export function newlineOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function statementOwning(call: ts.CallExpression): ts.Statement | undefined {
  const parent = call.parent;
  if (ts.isExpressionStatement(parent) && parent.expression === call) return parent;
  if (ts.isReturnStatement(parent) && parent.expression === call) return parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === call) {
    const list = parent.parent;
    const statement = list?.parent;
    if (ts.isVariableDeclarationList(list) && list.declarations.length === 1 && statement && ts.isVariableStatement(statement)) return statement;
  }
  return undefined;
}

export function placeLowering(call: ts.CallExpression, lowering: Lowering, edits: EditList, sourceFile: ts.SourceFile): Placement {
  const text = sourceFile.text;
  const start = call.getStart(sourceFile);
  if (lowering.prelude.length === 0) {
    edits.replace(start, call.end, lowering.call);
    return { ok: true };
  }
  const statement = statementOwning(call);
  if (statement) {
    const stmtStart = statement.getStart(sourceFile);
    const before = edits.textOf(stmtStart, start);
    const after = edits.textOf(call.end, statement.end);
    const last = `${before}${lowering.call}${after}`;
    const lines = [...lowering.prelude.map((p) => `${p.text};`), last];
    const indent = lineIndent(text, stmtStart);
    const nl = newlineOf(text);
    const replacement = inStatementList(statement)
      ? lines.join(`${nl}${indent}`)
      : `{${nl}${lines.map((l) => `${indent}  ${l}`).join(nl)}${nl}${indent}}`;
    edits.replace(stmtStart, statement.end, replacement);
    return { ok: true };
  }
  const suspension = containsSuspension(call);
  if (suspension) return { ok: false, reason: `\`${suspension}\`` };
  const expression = lowering.prelude.some((p) => p.declares)
    ? `(() => { ${lowering.prelude.map((p) => `${p.text}; `).join('')}return ${lowering.call}; })()`
    : `(${[...lowering.prelude.map((p) => p.text), lowering.call].join(', ')})`;
  edits.replace(start, call.end, expression);
  return { ok: true };
}
