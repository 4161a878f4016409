/**
 * The status variables a file declares: variables whose declared type is a facade status enum
 * (`let fcStatus: Error_t = Error_t.SUCCESS; … fcStatus = xpu.fc_fusion(…)`). Their declared
 * type is ported like any type, but where the source has one status type for what the target
 * splits into several libraries (XDNN's `Error_t`, CNNL's `cnnlStatus_t`, CANN's `aclnnStatus`
 * serve both cuBLAS's and cuDNN's calls), the variable must take the status type of the calls
 * assigned to it, and the constants it is initialised with and compared against that type's
 * members: a loop `while (s === CUDNN_STATUS_SUCCESS) s = cublasSgemm(…)` holds on CUDA, where
 * every success is 0, and stops after one turn on a target whose statuses are names. Variables
 * are found by their declared type, never by name; a name declared twice in the file is
 * ambiguous and not used.
 */
import type { EnumRecord } from '../../catalog/catalog.js';
import { ts } from '../syntax/typescript.js';
import type { StatusTypeResolver } from './status-helpers.js';

export interface StatusVariable {
  readonly name: string;
  /** The facade status enum the variable is declared with. */
  readonly status: EnumRecord;
  /** The declared type. */
  readonly type: ts.TypeReferenceNode;
  /** Facade-or-not calls whose value the variable receives (initialiser and `name = call(…)`, also as what a function called on the spot returns). */
  readonly assigned: readonly ts.CallExpression[];
  /** Expressions whose status members are the variable's: its other initialisers and assigned values, and what it is compared with. */
  readonly related: readonly ts.Expression[];
}

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

const unwrap = (node: ts.Expression): ts.Expression => {
  while (ts.isParenthesizedExpression(node) || ts.isNonNullExpression(node)) node = node.expression;
  return node;
};

/**
 * What a function called on the spot returns (`(() => { const t = …; return call(…); })()`, as
 * a lowering with statements writes a call inside an expression): its return values, those of
 * functions nested in it excepted, a returned constant of its own read as its initialiser
 * (`const status_1 = call(…); …; return status_1;`); undefined when `call` calls no function
 * written there.
 */
function spotReturns(call: ts.CallExpression): ts.Expression[] | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isArrowFunction(callee) && !ts.isFunctionExpression(callee)) return undefined;
  if (!ts.isBlock(callee.body)) return [callee.body];
  const returned: ts.Expression[] = [];
  const constants = new Map<string, ts.Expression | null>();
  const visit = (node: ts.Node): void => {
    if (ts.isReturnStatement(node) && node.expression) returned.push(node.expression);
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) {
      const constant = ts.isVariableDeclarationList(node.parent) && (node.parent.flags & ts.NodeFlags.Const) !== 0 && node.initializer;
      constants.set(node.name.text, constants.has(node.name.text) || !constant ? null : node.initializer);
    }
    if (!ts.isFunctionLike(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(callee.body, visit);
  return returned.map((r) => {
    const u = unwrap(r);
    return (ts.isIdentifier(u) && constants.get(u.text)) || r;
  });
}

export function statusVariables(sourceFile: ts.SourceFile, resolve: StatusTypeResolver): StatusVariable[] {
  const declarations = new Map<string, ts.VariableDeclaration | null>();
  const declare = (name: string, d: ts.VariableDeclaration | null) => declarations.set(name, declarations.has(name) ? null : d);
  const collect = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) declare(node.name.text, node);
    else if ((ts.isParameter(node) || ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name && ts.isIdentifier(node.name)) declare(node.name.text, null);
    ts.forEachChild(node, collect);
  };
  collect(sourceFile);

  const found: StatusVariable[] = [];
  for (const [name, declaration] of declarations) {
    const type = declaration?.type;
    if (!declaration || !type || !ts.isTypeReferenceNode(type) || type.typeArguments) continue;
    const status = resolve(type.typeName);
    if (!status) continue;
    const assigned: ts.CallExpression[] = [];
    const related: ts.Expression[] = [];
    const receive = (value: ts.Expression): void => {
      const v = unwrap(value);
      const returns = ts.isCallExpression(v) ? spotReturns(v) : undefined;
      if (returns) returns.forEach(receive);
      else if (ts.isCallExpression(v)) assigned.push(v);
      else related.push(value);
    };
    if (declaration.initializer) receive(declaration.initializer);
    const isVariable = (n: ts.Expression) => {
      const u = unwrap(n);
      return ts.isIdentifier(u) && u.text === name;
    };
    const visit = (node: ts.Node): void => {
      if (ts.isBinaryExpression(node)) {
        if (node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isVariable(node.left)) receive(node.right);
        else if (EQUALITY.has(node.operatorToken.kind)) {
          if (isVariable(node.left)) related.push(node.right);
          else if (isVariable(node.right)) related.push(node.left);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    found.push({ name, status, type, assigned, related });
  }
  return found.sort((a, b) => a.type.pos - b.type.pos);
}

const key = (e: EnumRecord) => `${e.backend}\u0000${e.spec.name}`;

/**
 * The target status type a variable takes, from the statuses of the calls assigned to it (one
 * per call; only calls whose source status has the variable's declared type count, as for
 * helpers): the type all of them agree on; where they disagree (statuses of two libraries in one
 * variable), the type most of them have, the mapped type on a tie. The porter reports the calls
 * of other types (their success may not be the kept type's).
 *
 * @param mapped the target status enum the declared type ports to
 * @param received the calls' target status enums, in source order
 */
export function variableStatusType(mapped: EnumRecord, received: readonly EnumRecord[]): EnumRecord {
  const counts = new Map<string, { status: EnumRecord; count: number }>();
  for (const r of received) counts.set(key(r), { status: r, count: (counts.get(key(r))?.count ?? 0) + 1 });
  let kept = mapped;
  let best = -1;
  for (const c of counts.values()) {
    if (c.count > best || (c.count === best && key(c.status) === key(mapped))) {
      kept = c.status;
      best = c.count;
    }
  }
  return kept;
}

export function sameStatus(a: EnumRecord, b: EnumRecord): boolean {
  return key(a) === key(b);
}
