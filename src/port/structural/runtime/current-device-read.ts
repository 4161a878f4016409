/**
 * Back to a communicator init that uses the current device (ncclCommInitRank): a lifted
 * cnclInitComms names its device, and dropping it is exact only when that device is the
 * current one. That is provable in the form cncl-init-comms-lowerer.ts writes (and Cambricon
 * code writes by hand):
 *
 *     const device = ref(0);            // declared in the same statement list, used nowhere else
 *     cnrtGetDevice(device);            // the statement right before the init (or `check(…)` of it)
 *     cnclInitComms(comm, 1, [device.value], [rank], nranks, id)
 *
 * Then the init lowers without the device, and the read and its variable go with it (they only
 * served the init). Any other device expression keeps the generic lowering, which reports the
 * device it cannot place (OB1004): selecting it first would change the program's current device.
 */
import type { ResolvedCall, StaticContext } from '../../context/static-context.js';
import type { Invocation } from '../../ir/invocation.js';
import type { LowerContext, LowerResult, Lowerer, StatementDropper } from '../../lower/lowerer.js';
import { roleLowerer } from '../../lower/role-lowerer.js';
import { ts } from '../../syntax/typescript.js';

interface CurrentDevicePlan {
  /** Init calls whose device is the current one. */
  readonly inits: ReadonlySet<ts.CallExpression>;
  /** The statements that only read the device for them, with what they held. */
  readonly dropped: ReadonlyMap<ts.Statement, string>;
}

const plans = new WeakMap<StaticContext, CurrentDevicePlan>();

const isPrimitive = (call: ResolvedCall | undefined, primitive: string): call is ResolvedCall =>
  call !== undefined && 'primitive' in call.entry.spec.binds && call.entry.spec.binds.primitive === primitive;

function listedStatement(node: ts.Node): ts.Statement | undefined {
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    if (ts.isFunctionLike(n)) return undefined;
    if (ts.isStatement(n) && (ts.isBlock(n.parent) || ts.isSourceFile(n.parent) || ts.isModuleBlock(n.parent))) return n;
  }
  return undefined;
}

function statementsOf(statement: ts.Statement): readonly ts.Statement[] {
  const p = statement.parent;
  return ts.isBlock(p) || ts.isSourceFile(p) || ts.isModuleBlock(p) ? p.statements : [];
}

/** `[X.value]` → X. */
function refOfSingleElement(list: ts.Expression | undefined): ts.Identifier | undefined {
  if (!list || !ts.isArrayLiteralExpression(list) || list.elements.length !== 1) return undefined;
  const e = list.elements[0];
  return ts.isPropertyAccessExpression(e) && e.name.text === 'value' && ts.isIdentifier(e.expression) ? e.expression : undefined;
}

/** The device read a statement is: `cnrtGetDevice(X);` or `helper(cnrtGetDevice(X), 'what');`. */
function deviceRead(statement: ts.Statement | undefined, context: StaticContext): { call: ResolvedCall; target: ts.Identifier } | undefined {
  if (!statement || !ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) return undefined;
  let node = statement.expression;
  let call = context.resolve(node);
  if (!call && ts.isIdentifier(node.expression)) {
    const inner = node.arguments.find((a) => ts.isCallExpression(a) && context.resolve(a));
    const others = node.arguments.filter((a) => a !== inner);
    if (!inner || !others.every((a) => ts.isStringLiteralLike(a) || ts.isNoSubstitutionTemplateLiteral(a))) return undefined;
    node = inner as ts.CallExpression;
    call = context.resolve(node);
  }
  if (!isPrimitive(call, 'device.get')) return undefined;
  const target = context.argumentFor(call, 'out-device');
  return target && ts.isIdentifier(target) ? { call, target } : undefined;
}

/** `const X = ref(0);` / `ref<number>()` as the only declaration of its statement. */
function refDeclaration(statements: readonly ts.Statement[], before: number, name: string): ts.VariableStatement | undefined {
  for (let i = before - 1; i >= 0; i--) {
    const s = statements[i];
    if (!ts.isVariableStatement(s)) continue;
    const [d, ...rest] = s.declarationList.declarations;
    if (!d || !ts.isIdentifier(d.name) || d.name.text !== name) continue;
    const init = d.initializer;
    const isRef = rest.length === 0 && init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'ref';
    return isRef && init.arguments.every((a) => ts.isNumericLiteral(a)) ? s : undefined;
  }
  return undefined;
}

/** Identifiers spelling `name` in the function (or file) around `node`, property names aside. */
function usesOf(name: string, node: ts.Node): ts.Identifier[] {
  let scope: ts.Node = node;
  while (scope.parent && !ts.isFunctionLike(scope)) scope = scope.parent;
  const uses: ts.Identifier[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === name && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) uses.push(n);
    ts.forEachChild(n, visit);
  };
  visit(scope);
  return uses;
}

function computePlan(context: StaticContext): CurrentDevicePlan {
  const inits = new Set<ts.CallExpression>();
  const dropped = new Map<ts.Statement, string>();
  for (const init of context.allCalls()) {
    if (init.entry.spec.symbol !== 'cnclInitComms') continue;
    const count = init.args[1] ? context.constant(init.args[1]) : undefined;
    const device = refOfSingleElement(init.args[2]);
    const ranks = init.args[3];
    if (count?.kind !== 'number' || count.value !== 1 || !device || !ranks || !ts.isArrayLiteralExpression(ranks) || ranks.elements.length !== 1) continue;
    const statement = listedStatement(init.node);
    if (!statement) continue;
    const statements = statementsOf(statement);
    const at = statements.indexOf(statement);
    const read = deviceRead(statements[at - 1], context);
    if (!read || read.target.text !== device.text) continue;
    const declaration = refDeclaration(statements, at - 1, device.text);
    if (!declaration) continue;
    const declared = declaration.declarationList.declarations[0].name;
    const uses = usesOf(device.text, init.node);
    if (uses.length !== 3 || !uses.includes(read.target) || !uses.includes(device) || !uses.includes(declared as ts.Identifier)) continue;
    inits.add(init.node);
    const symbol = read.call.entry.spec.symbol;
    dropped.set(statements[at - 1], `${symbol}(${device.text}) (the device ${init.entry.spec.symbol} is given is the current one)`);
    dropped.set(declaration, `const ${device.text} (read by ${symbol} for ${init.entry.spec.symbol} only)`);
  }
  return { inits, dropped };
}

function planOf(context: StaticContext): CurrentDevicePlan {
  let plan = plans.get(context);
  if (!plan) {
    plan = computePlan(context);
    plans.set(context, plan);
  }
  return plan;
}

/** The init call an invocation was lifted from. */
function callOf(invocation: Invocation): ts.CallExpression | undefined {
  const node = invocation.args.get('out-comm')?.node?.parent;
  return node && ts.isCallExpression(node) ? node : undefined;
}

/** The init without its device, for targets whose init uses the current device, when the device is the current one. */
export const currentDeviceInitLowerer: Lowerer = {
  name: 'communicator init on the current device',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'primitive' || !invocation.args.has('device')) return undefined;
    const call = callOf(invocation);
    if (!call || !planOf(ctx.context).inits.has(call)) return undefined;
    const args = new Map(invocation.args);
    args.delete('device');
    return roleLowerer.lower({ ...invocation, args }, ctx);
  },
};

export const dropsCurrentDeviceRead: StatementDropper = (statement, ctx) => {
  if (!ts.isExpressionStatement(statement) && !ts.isVariableStatement(statement)) return undefined;
  return planOf(ctx.context).dropped.get(statement);
};
