/**
 * Puts a lowering into the code. A single call replaces the source call. A lowering with
 * statements before the call (hoisted arguments, companion calls) replaces the statement when
 * the call is the whole statement, the initializer of a single-declaration variable statement,
 * or the value of a `return`; a statement that is not in a block (`if (x) call();`) gets
 * braces. Anywhere else the status is used inside an expression, which keeps its value:
 * `(a(), b(), call)` when the statements are plain calls, otherwise an arrow function called
 * on the spot, `(() => { const n = f(); return call; })()` — impossible when the arguments
 * contain `await` or `yield` (OB1017).
 *
 * Statements after the call (`epilogue`: releasing what the prelude made) follow the statement
 * that holds the call. A call whose status goes to a statement that only passes it on
 * (`check(call, 'what');`, the callee and the other arguments pure) keeps that statement; its
 * prelude goes before it, and prelude statements marked `status` (a first phase) are checked
 * the same way (`check(firstPhase, 'what');`). Elsewhere the statements go into an arrow function
 * called on the spot, the epilogue in a `finally` after the call has returned its status.
 */
import { containsSuspension, isPure } from '../context/expression-purity.js';
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

/** `check(call, 'what');`: an expression statement whose call passes the status on, everything else in it pure. */
function statusCheckStatement(call: ts.CallExpression): ts.ExpressionStatement | undefined {
  let node: ts.Expression = call;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const outer = node.parent;
  if (!outer || !ts.isCallExpression(outer) || !outer.arguments.includes(node)) return undefined;
  if (!isPure(outer.expression) || outer.arguments.some((a) => a !== node && !isPure(a))) return undefined;
  const statement = outer.parent;
  return ts.isExpressionStatement(statement) && statement.expression === outer && inStatementList(statement) ? statement : undefined;
}

function placeAround(call: ts.CallExpression, lowering: Lowering, edits: EditList, sourceFile: ts.SourceFile): Placement {
  const text = sourceFile.text;
  const start = call.getStart(sourceFile);
  const epilogue = lowering.epilogue ?? [];
  const owning = statementOwning(call);
  const terminated = (t: string) => (t.endsWith('}') ? t : `${t};`);
  if (owning && ts.isReturnStatement(owning) && inStatementList(owning)) {
    // `return call;`: the epilogue runs in a `finally`, after the status is computed.
    const stmtStart = owning.getStart(sourceFile);
    const lines = [
      ...lowering.prelude.map((p) => terminated(p.text)),
      `try {`,
      `  ${edits.textOf(stmtStart, start)}${lowering.call}${edits.textOf(call.end, owning.end)}`,
      `} finally {`,
      ...epilogue.map((p) => `  ${terminated(p.text)}`),
      `}`,
    ];
    edits.replace(stmtStart, owning.end, lines.join(`${newlineOf(text)}${lineIndent(text, stmtStart)}`));
    return { ok: true };
  }
  const statement = owning && !ts.isReturnStatement(owning) ? owning : statusCheckStatement(call);
  if (!statement) {
    // Inside an expression: an arrow function called on the spot; the epilogue runs once the call has returned.
    const suspension = containsSuspension(call);
    if (suspension) return { ok: false, reason: `\`${suspension}\`` };
    const prelude = lowering.prelude.map((p) => `${p.text}; `).join('');
    const after = epilogue.map((p) => (p.text.endsWith('}') ? `${p.text} ` : `${p.text}; `)).join('');
    edits.replace(start, call.end, `(() => { ${prelude}try { return ${lowering.call}; } finally { ${after}} })()`);
    return { ok: true };
  }
  const stmtStart = statement.getStart(sourceFile);
  const before = edits.textOf(stmtStart, start);
  const after = edits.textOf(call.end, statement.end);
  const passesStatus = statement !== owning;
  const prelude = lowering.prelude.map((p) => (p.status && passesStatus ? `${before}${p.text}${after}` : terminated(p.text)));
  const lines = [...prelude, `${before}${lowering.call}${after}`, ...epilogue.map((p) => terminated(p.text))];
  const indent = lineIndent(text, stmtStart);
  const nl = newlineOf(text);
  const replacement = inStatementList(statement) ? lines.join(`${nl}${indent}`) : `{${nl}${lines.map((l) => `${indent}  ${l}`).join(nl)}${nl}${indent}}`;
  edits.replace(stmtStart, statement.end, replacement);
  return { ok: true };
}

/** Removes a call that has nothing to do on the target: its statement, or the call itself for its success status. */
/** The statement a vanishing call takes with it (the call alone, or a check of its status), if any. */
export function vanishingStatement(call: ts.CallExpression): ts.Statement | undefined {
  const owning = statementOwning(call);
  const statement = owning && ts.isExpressionStatement(owning) ? owning : statusCheckStatement(call);
  return statement && inStatementList(statement) ? statement : undefined;
}

function placeVanishing(call: ts.CallExpression, lowering: Lowering, edits: EditList, sourceFile: ts.SourceFile): Placement {
  const text = sourceFile.text;
  const statement = vanishingStatement(call);
  if (!statement) {
    edits.replace(call.getStart(sourceFile), call.end, lowering.call);
    return { ok: true };
  }
  const stmtStart = statement.getStart(sourceFile);
  const lineStart = text.lastIndexOf('\n', stmtStart - 1) + 1;
  const rest = /^[ \t]*(\r?\n)?/.exec(text.slice(statement.end))![0];
  const wholeLine = /^[ \t]*$/.test(text.slice(lineStart, stmtStart)) && rest.endsWith('\n');
  edits.replace(wholeLine ? lineStart : stmtStart, wholeLine ? statement.end + rest.length : statement.end, '');
  return { ok: true };
}

export function placeLowering(call: ts.CallExpression, lowering: Lowering, edits: EditList, sourceFile: ts.SourceFile): Placement {
  const text = sourceFile.text;
  const start = call.getStart(sourceFile);
  if (lowering.vanishes) return placeVanishing(call, lowering, edits, sourceFile);
  if (lowering.epilogue?.length) return placeAround(call, lowering, edits, sourceFile);
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
