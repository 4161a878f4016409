/**
 * Reads one aclnn operation as CANN code spells it (the shape the CANN lowerers write, and CANN's
 * doc samples): an aclCreateTensor / aclCreateScalar / aclCreateIntArray per operand, the first
 * phase `aclnnXxxGetWorkspaceSize(..., workspaceSize, executor)`, the workspace allocated when the
 * size is not 0, the second phase `aclnnXxx(workspace, workspaceSize, executor.value, stream)`, the
 * workspace freed and the operands destroyed. Optionally the stream is asked of an aclblas handle
 * (`aclblasGetStream(handle, s)`) just for this call.
 *
 * Everything is read from the syntax, statically: the statements must be in the same block as the
 * run (operand declarations may be in enclosing blocks), and the workspace, size, executor and
 * stream variables must not be used by anything else. Operand objects may be shared by several
 * operations (a tensor passed to Addmm and then to Relu); whether their declarations can go is
 * decided over the whole file (aclnn-groups.ts).
 */
import type { ResolvedCall, StaticContext } from '../../context/static-context.js';
import { variableName } from '../../context/static-context.js';
import { ts } from '../../syntax/typescript.js';
import { declarationOf, usesOf } from '../../syntax/named-variables.js';

/** An operand of the first phase. */
export type AclnnOperand =
  | { readonly kind: 'tensor'; readonly object: AclnnObject; readonly args: readonly ts.Expression[] }
  | { readonly kind: 'scalar'; readonly object: AclnnObject; readonly value: ts.Expression; readonly dataType: ts.Expression }
  | { readonly kind: 'ints'; readonly object: AclnnObject; readonly values: readonly ts.Expression[] }
  /** `aclCreateTensorList([t, …], n)`: its tensors are destroyed with it (aclDestroyTensorList). */
  | { readonly kind: 'list'; readonly object: AclnnObject; readonly elements: readonly AclnnOperand[] }
  | { readonly kind: 'value'; readonly node: ts.Expression };

/** A tensor, scalar or int-array variable and its declaration. */
export interface AclnnObject {
  readonly name: string;
  readonly declaration: ts.VariableStatement;
}

export interface AclnnGroup {
  /** The second-phase symbol, `aclnnMm`. */
  readonly op: string;
  readonly run: ResolvedCall;
  readonly prepare: ResolvedCall;
  /** First-phase operands in parameter order, up to the workspace size. */
  readonly operands: readonly AclnnOperand[];
  /** The stream argument of the run, or the aclblas handle it was asked of. */
  readonly stream: { readonly kind: 'expr'; readonly node: ts.Expression } | { readonly kind: 'handle'; readonly handle: ts.Expression };
  /** Statements that belong to this operation alone (workspace, executor, first phase, stream query). */
  readonly own: readonly ts.Statement[];
}

export type GroupReading = { readonly ok: true; readonly group: AclnnGroup } | { readonly ok: false; readonly reason: string };

const CREATORS: Readonly<Record<string, 'tensor' | 'scalar' | 'ints' | 'list'>> = { aclCreateTensor: 'tensor', aclCreateScalar: 'scalar', aclCreateIntArray: 'ints', aclCreateTensorList: 'list' };

/** The statement `node` is part of, as a direct child of a block (or the file). */
export function statementOf(node: ts.Node): ts.Statement | undefined {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    const p = n.parent;
    if (p && (ts.isBlock(p) || ts.isSourceFile(p) || ts.isModuleBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p))) return n as ts.Statement;
  }
  return undefined;
}

/** The statement of `container` that holds `node`. */
export function statementIn(node: ts.Node, container: ts.Node): ts.Statement | undefined {
  for (let n: ts.Node | undefined = node; n; n = n.parent) if (n.parent === container) return n as ts.Statement;
  return undefined;
}

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
  return e;
}

function lineOf(node: ts.Node): number {
  const sf = node.getSourceFile();
  return sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
}

function isWorkspaceSizeCheck(e: ts.Expression, size: string): boolean {
  const u = unwrap(e);
  return ts.isBinaryExpression(u) && u.operatorToken.kind === ts.SyntaxKind.GreaterThanToken && variableName(u.left) === size && ts.isNumericLiteral(u.right) && u.right.text === '0';
}

/** `if (size.value > 0) aclrtMalloc(...)` / `{ aclrtSynchronizeStream(s); aclrtFree(w.value); }`: only memory and stream calls. */
function isWorkspaceStatement(statement: ts.Statement, size: string, context: StaticContext): boolean {
  if (!ts.isIfStatement(statement) || statement.elseStatement || !isWorkspaceSizeCheck(statement.expression, size)) return false;
  const body = ts.isBlock(statement.thenStatement) ? [...statement.thenStatement.statements] : [statement.thenStatement];
  return body.every((s) => {
    if (!ts.isExpressionStatement(s) || !ts.isCallExpression(s.expression)) return false;
    const resolved = context.resolve(s.expression);
    if (!resolved) return isOtherFacadeMemoryCall(s.expression);
    const binds = resolved.entry.spec.binds;
    return 'primitive' in binds && ['memory.alloc', 'memory.free', 'stream.synchronize'].includes(binds.primitive);
  });
}

/**
 * A memory or stream call of another facade (`cudaMalloc` in a file already ported once, whose
 * declined aclnn calls stay): the group reads the same on a second run, so its reason does too.
 */
function isOtherFacadeMemoryCall(call: ts.CallExpression): boolean {
  if (!ts.isIdentifier(call.expression) || !/(Malloc|Free|Synchronize)/.test(call.expression.text)) return false;
  const name = call.expression.text;
  return call.getSourceFile().statements.some(
    (s) =>
      ts.isImportDeclaration(s) &&
      ts.isStringLiteral(s.moduleSpecifier) &&
      s.moduleSpecifier.text.startsWith('opbridge/') &&
      s.importClause?.namedBindings !== undefined &&
      ts.isNamedImports(s.importClause.namedBindings) &&
      s.importClause.namedBindings.elements.some((e) => e.name.text === name),
  );
}

/** The workspace variable of the run's first argument: `size.value > 0 ? w.value : null`, `w.value` or `null`. */
function workspaceVariable(arg: ts.Expression, size: string): string | null | undefined {
  const u = unwrap(arg);
  if (u.kind === ts.SyntaxKind.NullKeyword) return null;
  if (ts.isConditionalExpression(u)) {
    if (!isWorkspaceSizeCheck(u.condition, size) || unwrap(u.whenFalse).kind !== ts.SyntaxKind.NullKeyword) return undefined;
    return variableName(u.whenTrue);
  }
  return variableName(u);
}

/** Reads the operation whose second phase is `run`. */
export function readGroup(run: ResolvedCall, context: StaticContext): GroupReading {
  const fail = (reason: string): GroupReading => ({ ok: false, reason });
  const op = run.entry.spec.symbol;
  const runStatement = statementOf(run.node);
  if (!runStatement || run.args.length !== 4) return fail(`\`${op}\` is not a statement of a block with its four arguments`);
  const container = runStatement.parent;
  const [workspaceArg, , executorArg, streamArg] = run.args;
  const executor = variableName(executorArg);
  if (!executor || !ts.isPropertyAccessExpression(unwrap(executorArg))) return fail(`the executor \`${executorArg.getText()}\` is not \`executor.value\` of a variable`);
  const prepareSymbol = `${op}GetWorkspaceSize`;
  const prepare = context.lastSetCall(executorArg, run.node, { symbols: [prepareSymbol], role: 'out-executor' });
  if (!prepare) return fail(`no \`${prepareSymbol}\` fills \`${executor}\` before the run`);
  const prepareStatement = statementOf(prepare.node);
  if (!prepareStatement || prepareStatement.parent !== container || prepareStatement === runStatement) return fail(`\`${prepareSymbol}\` is not a statement of the block that runs \`${op}\``);
  const params = prepare.entry.spec.params;
  const sizeIndex = params.findIndex((p) => p.role === 'out-workspace-size');
  const size = sizeIndex >= 0 ? variableName(prepare.args[sizeIndex]) : undefined;
  if (!size || sizeIndex !== params.length - 2) return fail(`the workspace size of \`${prepareSymbol}\` is not a variable`);
  const workspace = workspaceVariable(workspaceArg, size);
  if (workspace === undefined) return fail(`the workspace argument \`${workspaceArg.getText()}\` is not \`size.value > 0 ? workspace.value : null\``);

  // Workspace, size and executor: declared, set and released in this block, used nowhere else.
  const own = new Set<ts.Statement>([prepareStatement]);
  const allowed = new Set<ts.Statement>([prepareStatement, runStatement]);
  const privateNames = [executor, size, ...(workspace ? [workspace] : [])];
  let streamReading: AclnnGroup['stream'] = { kind: 'expr', node: streamArg };
  const streamVariable = ts.isPropertyAccessExpression(unwrap(streamArg)) ? variableName(streamArg) : undefined;
  if (streamVariable) {
    const query = context.lastSetCall(streamArg, run.node, { primitive: 'handle.get-stream', role: 'out-stream' });
    const queryStatement = query ? statementOf(query.node) : undefined;
    const declared = declarationOf(streamVariable, runStatement);
    if (query && queryStatement?.parent === container && declared?.statement.parent === container && ts.isExpressionStatement(queryStatement)) {
      const handle = context.argumentFor(query, 'handle');
      if (handle) {
        streamReading = { kind: 'handle', handle };
        privateNames.push(streamVariable);
        own.add(queryStatement);
      }
    }
  }
  for (const name of privateNames) {
    const declared = declarationOf(name, runStatement);
    if (!declared || declared.statement.parent !== container) return fail(`\`${name}\` is not declared in the block that runs \`${op}\``);
    own.add(declared.statement);
  }
  const isPrivateUse = (statement: ts.Statement) => own.has(statement) || allowed.has(statement) || isWorkspaceStatement(statement, size, context);
  const scope = container;
  for (const name of privateNames) {
    for (const use of usesOf(name, scope)) {
      const statement = statementIn(use, container);
      if (!statement || !isPrivateUse(statement)) return fail(`\`${name}\` is used outside the \`${op}\` call (line ${lineOf(use)})`);
      if (statement !== runStatement) own.add(statement);
    }
  }

  // Operands: objects made by aclCreate*, or plain values.
  const list = (e: ts.Expression | undefined) => (e && ts.isArrayLiteralExpression(unwrap(e)) ? [...(unwrap(e) as ts.ArrayLiteralExpression).elements] : undefined);
  const operandOf = (arg: ts.Expression, at: ts.Node): AclnnOperand | string => {
    const name = ts.isIdentifier(unwrap(arg)) ? (unwrap(arg) as ts.Identifier).text : undefined;
    const declared = name ? declarationOf(name, at) : undefined;
    const init = declared?.init ? unwrap(declared.init) : undefined;
    const creator = init && ts.isCallExpression(init) ? context.resolve(init) : undefined;
    const kind = creator ? CREATORS[creator.entry.spec.symbol] : undefined;
    if (!name || !declared || !creator || !kind) return { kind: 'value', node: arg };
    const object: AclnnObject = { name, declaration: declared.statement };
    if (kind === 'tensor') return { kind, object, args: creator.args };
    if (kind === 'scalar') return { kind, object, value: creator.args[0], dataType: creator.args[1] };
    const values = list(creator.args[0]);
    if (!values) return `the ${kind === 'ints' ? 'int array' : 'tensor list'} \`${name}\` is not made from an array literal`;
    if (kind === 'ints') return { kind, object, values };
    const elements = values.map((v) => operandOf(v, declared.statement));
    const bad = elements.find((e) => typeof e === 'string' || e.kind !== 'tensor');
    if (bad !== undefined) return typeof bad === 'string' ? bad : `an element of the tensor list \`${name}\` is not a tensor made by aclCreateTensor`;
    return { kind, object, elements: elements as AclnnOperand[] };
  };
  const operands: AclnnOperand[] = [];
  for (const arg of prepare.args.slice(0, sizeIndex)) {
    const operand = operandOf(arg, prepare.node);
    if (typeof operand === 'string') return fail(operand);
    operands.push(operand);
  }
  return { ok: true, group: { op, run, prepare, operands, stream: streamReading, own: [...own] } };
}
