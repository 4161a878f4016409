/**
 * Puts a lowering into the code. A single call replaces the source call. A lowering with
 * statements before the call (hoisted arguments, companion calls) replaces the statement when
 * the call is the whole statement, the initializer of a single-declaration variable statement,
 * or the value of a `return`; a statement that is not in a block (`if (x) call();`) gets
 * braces. A call that an `if` condition evaluates first gets the statements just before the
 * `if`. Anywhere else the status is used inside an expression, which keeps its value:
 * `(a(), b(), call)` when the statements are plain calls, otherwise an arrow function called
 * on the spot, `(() => { const n = f(); return call; })()` — impossible when the arguments
 * contain `await` or `yield` (OB1017). Statuses passed to a status helper go to the helper the
 * caller names for each (`helperFor`).
 */
import { containsSuspension, isPure } from '../context/expression-purity.js';
import type { EditList } from '../edits/edit-list.js';
import type { Lowering, PreludeStatement } from '../lower/lowerer.js';
import { ts } from '../syntax/typescript.js';

/**
 * `heldIn`: the variable that holds the call's status in the output when the call, tested by an
 * `if`, was placed before it (`const status_1 = …; if (status_1 !== SUCCESS) …`), so code in
 * that `if` can name the status (its message).
 */
export type Placement = { readonly ok: true; readonly heldIn?: string } | { readonly ok: false; readonly reason: string };

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

/**
 * The `if` statement in a statement list whose condition evaluates the call before anything else
 * (`if (call !== SUCCESS) throw …`, `if (!call)`, reached through parentheses, `!` and left
 * operands): the lowering's statements can run just before it, with the same effects in the same
 * order and in the same scope as the source (a cudnn-frontend graph stays code the next port can
 * read, not a closure).
 */
export function testingIf(call: ts.CallExpression): ts.IfStatement | undefined {
  let node: ts.Node = call;
  for (;;) {
    const p = node.parent;
    if (ts.isIfStatement(p) && p.expression === node) return inStatementList(p) ? p : undefined;
    const first =
      ts.isParenthesizedExpression(p) ||
      (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) ||
      (ts.isBinaryExpression(p) && p.left === node && !(p.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && p.operatorToken.kind <= ts.SyntaxKind.LastAssignment));
    if (!first) return undefined;
    node = p;
  }
}


/**
 * Statements before a tested `if` (testingIf), the call replaced by `value`; the `if` itself is
 * not rewritten, so its constant and branches are ported by the walk as usual.
 */
function placeBeforeTest(test: ts.IfStatement, lines: readonly string[], call: ts.CallExpression, value: string, edits: EditList, sourceFile: ts.SourceFile, hold?: () => string): Placement {
  // Asked to hold the status (code in the `if` names it): a call's status goes into a variable first.
  if (hold && !IDENTIFIER.test(value)) {
    const status = hold();
    return placeBeforeTest(test, [...lines, `const ${status} = ${value};`], call, status, edits, sourceFile, hold);
  }
  const text = sourceFile.text;
  const at = test.getStart(sourceFile);
  const nl = newlineOf(text);
  const indent = lineIndent(text, at);
  edits.insert(at, lines.map((l) => `${l}${nl}${indent}`).join(''));
  edits.replace(call.getStart(sourceFile), call.end, value);
  return hold && IDENTIFIER.test(value) ? { ok: true, heldIn: value } : { ok: true };
}

/**
 * The statement that only passes the call's status on, so it can be repeated for another
 * status or dropped with the call: `call;` or `helper(call, 'what');` where the helper is not
 * the facade's and its other arguments are pure.
 */
function statusSink(call: ts.CallExpression, isFacadeCall: (node: ts.CallExpression) => boolean): ts.ExpressionStatement | undefined {
  const parent = call.parent;
  if (ts.isExpressionStatement(parent) && parent.expression === call) return parent;
  if (ts.isCallExpression(parent) && parent.arguments.includes(call) && !isFacadeCall(parent) && isPure(parent.expression)) {
    const statement = parent.parent;
    if (ts.isExpressionStatement(statement) && statement.expression === parent && parent.arguments.every((a) => a === call || isPure(a))) return statement;
  }
  return undefined;
}

/** The range of a statement with its whole line when nothing else is on it. */
function statementLine(statement: ts.Statement, sourceFile: ts.SourceFile): [number, number] {
  const text = sourceFile.text;
  const start = statement.getStart(sourceFile);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let end = statement.end;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  if (text.slice(lineStart, start).trim() !== '' || !(end === text.length || text[end] === '\n' || text[end] === '\r')) return [start, statement.end];
  if (text[end] === '\r') end++;
  if (text[end] === '\n') end++;
  return [lineStart, end];
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A statement ending in a block (`if (…) { … }`) takes no semicolon. */
export function terminated(t: string): string {
  return t.endsWith('}') ? t : `${t};`;
}

/**
 * One prelude or epilogue statement as text at `indent`: a status statement goes `through` the
 * source call's status sink when there is one; a statement with a body is written as a block
 * whose lines are one level deeper.
 */
function rendered(p: PreludeStatement, through: ((expression: string) => string) | undefined, indent: string, nl: string, nested = false): string {
  if (p.body) {
    const inner = `${indent}  `;
    const lines = p.body.map((b) => `${inner}${rendered(b, through, inner, nl, true)}`);
    return `${p.text} {${nl}${lines.join(nl)}${nl}${indent}}`;
  }
  if (p.status && through) return nested ? through(p.text).split(/\r?\n/).join(`${nl}  `) : through(p.text);
  return terminated(p.text);
}

/**
 * Places a lowering with an epilogue, status-valued prelude statements or no effect at all
 * (docs/port-architecture.md, "Several statements").
 */
function placeStructured(call: ts.CallExpression, lowering: Lowering, edits: EditList, sourceFile: ts.SourceFile, isFacadeCall: (node: ts.CallExpression) => boolean, statusName: () => string, helperFor: HelperFor | undefined, hold: boolean): Placement {
  const text = sourceFile.text;
  const start = call.getStart(sourceFile);
  const nl = newlineOf(text);
  const sink = statusSink(call, isFacadeCall);
  if (lowering.vanishes) {
    // What is left of a vanishing call is its prelude (a query answered by host arithmetic).
    const kept = lowering.prelude.map((p) => rendered(p, undefined, lineIndent(text, start), nl));
    if (sink && kept.length > 0) {
      const stmtStart = sink.getStart(sourceFile);
      const indent = lineIndent(text, stmtStart);
      edits.replace(stmtStart, sink.end, inStatementList(sink) ? kept.join(`${nl}${indent}`) : `{${nl}${kept.map((l) => `${indent}  ${l}`).join(nl)}${nl}${indent}}`);
    } else if (sink && inStatementList(sink)) {
      const [from, to] = statementLine(sink, sourceFile);
      edits.replace(from, to, '');
    } else if (kept.length === 0) edits.replace(start, call.end, lowering.call);
    else if (testingIf(call)) return placeBeforeTest(testingIf(call)!, kept, call, lowering.call, edits, sourceFile);
    else if (statementOwning(call) && inStatementList(statementOwning(call)!)) {
      // `const status = query(…);`: the prelude first, then the statement with the success value.
      const statement = statementOwning(call)!;
      const stmtStart = statement.getStart(sourceFile);
      const last = `${edits.textOf(stmtStart, start)}${lowering.call}${edits.textOf(call.end, statement.end)}`;
      edits.replace(stmtStart, statement.end, [...kept, last].join(`${nl}${lineIndent(text, stmtStart)}`));
    } else if (lowering.prelude.some((p) => p.declares)) edits.replace(start, call.end, `(() => { ${kept.join(' ')} return ${lowering.call}; })()`);
    else edits.replace(start, call.end, `(${[...lowering.prelude.map((p) => p.text), lowering.call].join(', ')})`);
    return { ok: true };
  }
  const epilogue = (lowering.epilogue ?? []).map((p) => rendered(p, undefined, lineIndent(text, start), nl));
  if (sink) {
    const stmtStart = sink.getStart(sourceFile);
    const before = edits.textOf(stmtStart, start);
    const after = edits.textOf(call.end, sink.end);
    const helper = helperCallee(call);
    // Each status goes to the helper for its own status type (placeLowering's `helperFor`).
    const through = (expression: string) =>
      helper && helperFor
        ? `${edits.textOf(stmtStart, helper.getStart(sourceFile))}${helperFor(expression) ?? helper.text}${edits.textOf(helper.end, start)}${expression}${after}`
        : `${before}${expression}${after}`;
    const indent = lineIndent(text, stmtStart);
    const each = (p: PreludeStatement) => rendered(p, through, indent, nl);
    const lines = [...lowering.prelude.map(each), through(lowering.call), ...(lowering.epilogue ?? []).map(each)];
    edits.replace(stmtStart, sink.end, inStatementList(sink) ? lines.join(`${nl}${indent}`) : `{${nl}${lines.map((l) => `${indent}  ${l}`).join(nl)}${nl}${indent}}`);
    return { ok: true };
  }
  const statement = statementOwning(call);
  const prelude = lowering.prelude.map((p) => rendered(p, undefined, lineIndent(text, start), nl));
  const test = testingIf(call);
  if (test) {
    // The releases follow the call: its status is kept in a variable unless it already is one.
    if (epilogue.length === 0 || IDENTIFIER.test(lowering.call)) return placeBeforeTest(test, [...prelude, ...epilogue], call, lowering.call, edits, sourceFile, hold ? statusName : undefined);
    const status = statusName();
    return placeBeforeTest(test, [...prelude, `const ${status} = ${lowering.call};`, ...epilogue], call, status, edits, sourceFile, hold ? statusName : undefined);
  }
  if (statement && !ts.isReturnStatement(statement) && epilogue.length === 0) {
    return placeLowering(call, { ...lowering, epilogue: [], prelude: lowering.prelude.map((p) => ({ text: p.text, declares: p.declares })) }, edits, sourceFile, undefined, statusName, helperFor, hold);
  }
  const suspension = containsSuspension(call);
  if (suspension) return { ok: false, reason: `\`${suspension}\`` };
  // `const x = call;` keeps its own name for the status: the releases follow it.
  if (statement && ts.isVariableStatement(statement) && inStatementList(statement) && statement.declarationList.declarations.length === 1) {
    const declaration = statement.declarationList.declarations[0];
    if (declaration.initializer === call) {
      const stmtStart = statement.getStart(sourceFile);
      const first = `${edits.textOf(stmtStart, start)}${lowering.call}${edits.textOf(call.end, statement.end)}`;
      edits.replace(stmtStart, statement.end, [...prelude, first, ...epilogue].join(`${nl}${lineIndent(text, stmtStart)}`));
      return { ok: true };
    }
  }
  const status = statusName();
  const body = [...prelude, `const ${status} = ${lowering.call};`, ...epilogue];
  if (statement && inStatementList(statement)) {
    const stmtStart = statement.getStart(sourceFile);
    const last = `${edits.textOf(stmtStart, start)}${status}${edits.textOf(call.end, statement.end)}`;
    edits.replace(stmtStart, statement.end, [...body, last].join(`${nl}${lineIndent(text, stmtStart)}`));
    return { ok: true };
  }
  edits.replace(start, call.end, `(() => { ${body.join(' ')} return ${status}; })()`);
  return { ok: true };
}

/**
 * For a status written into a helper's argument (`check(call, 'what')`), the helper to call
 * instead (the file's helper for that status's type), or undefined to keep the one written.
 */
export type HelperFor = (statusExpression: string) => string | undefined;

/** The callee of the helper call whose argument `call` is, when it is a plain name. */
function helperCallee(call: ts.CallExpression): ts.Identifier | undefined {
  const parent = call.parent;
  return ts.isCallExpression(parent) && parent.arguments.includes(call) && ts.isIdentifier(parent.expression) ? parent.expression : undefined;
}

export function placeLowering(
  call: ts.CallExpression,
  lowering: Lowering,
  edits: EditList,
  sourceFile: ts.SourceFile,
  isFacadeCall: (node: ts.CallExpression) => boolean = () => false,
  statusName: () => string = () => 'status',
  helperFor?: HelperFor,
  /** Whether a call tested by an `if` keeps its status in a variable for code in the `if` (Placement.heldIn). */
  holdStatus = false,
): Placement {
  // The final status goes to the helper for its type wherever the call ends up; a statement
  // rewritten whole below builds its text over this edit, or routes each status itself.
  const helper = helperCallee(call);
  const routed = helper && !lowering.vanishes ? helperFor?.(lowering.call) : undefined;
  if (helper && routed) edits.replace(helper.getStart(sourceFile), helper.end, routed);
  if (lowering.vanishes || (lowering.epilogue?.length ?? 0) > 0 || lowering.prelude.some((p) => p.status)) {
    return placeStructured(call, lowering, edits, sourceFile, isFacadeCall, statusName, helperFor, holdStatus);
  }
  const text = sourceFile.text;
  const start = call.getStart(sourceFile);
  const hold = holdStatus ? statusName : undefined;
  if (lowering.prelude.length === 0 && hold && testingIf(call)) return placeBeforeTest(testingIf(call)!, [], call, lowering.call, edits, sourceFile, hold);
  if (lowering.prelude.length === 0) {
    edits.replace(start, call.end, lowering.call);
    return { ok: true };
  }
  const test = testingIf(call);
  if (test) return placeBeforeTest(test, lowering.prelude.map((p) => (p.body ? rendered(p, undefined, lineIndent(text, test.getStart(sourceFile)), newlineOf(text)) : terminated(p.text))), call, lowering.call, edits, sourceFile, hold);
  const statement = statementOwning(call);
  if (statement) {
    const stmtStart = statement.getStart(sourceFile);
    const before = edits.textOf(stmtStart, start);
    const after = edits.textOf(call.end, statement.end);
    const indent = lineIndent(text, stmtStart);
    const nl = newlineOf(text);
    // A status nobody reads (`call;` whose lowering leaves it in a variable) is not written.
    const unread = ts.isExpressionStatement(statement) && /^[A-Za-z_$][\w$]*$/.test(lowering.call);
    const last = `${before}${lowering.call}${after}`;
    const lines = [...lowering.prelude.map((p) => (p.body ? rendered(p, undefined, indent, nl) : terminated(p.text))), ...(unread ? [] : [last])];
    const replacement = inStatementList(statement)
      ? lines.join(`${nl}${indent}`)
      : `{${nl}${lines.map((l) => `${indent}  ${l}`).join(nl)}${nl}${indent}}`;
    edits.replace(stmtStart, statement.end, replacement);
    return { ok: true };
  }
  // `check(call, 'what');`: the statements go before it rather than into a comma expression.
  const sink = statusSink(call, isFacadeCall);
  if (sink && inStatementList(sink)) return placeStructured(call, lowering, edits, sourceFile, isFacadeCall, () => 'status', helperFor, false);
  const tested = testingIf(call);
  if (tested) {
    const lines = lowering.prelude.map((p) => (p.body ? rendered(p, undefined, lineIndent(text, tested.getStart(sourceFile)), newlineOf(text)) : terminated(p.text)));
    return placeBeforeTest(tested, lines, call, lowering.call, edits, sourceFile, hold);
  }
  const suspension = containsSuspension(call);
  if (suspension) return { ok: false, reason: `\`${suspension}\`` };
  const expression = lowering.prelude.some((p) => p.declares)
    ? `(() => { ${lowering.prelude.map((p) => (p.body ? `${rendered(p, undefined, '', ' ')} ` : `${terminated(p.text)} `)).join('')}return ${lowering.call}; })()`
    : `(${[...lowering.prelude.map((p) => p.text), lowering.call].join(', ')})`;
  edits.replace(start, call.end, expression);
  return { ok: true };
}
