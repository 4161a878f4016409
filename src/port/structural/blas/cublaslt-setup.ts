/**
 * The cuBLASLt set-up that only serves a `cublasLtMatmul` ported structurally has nothing to do
 * on a row-major target and goes: the matmul descriptor's create / set-attribute / destroy, the
 * matrix layouts, the preference, cublasLtMatmulAlgoGetHeuristic, the declarations of their
 * variables (`const desc = ref<cublasLtMatmulDesc_t>()`, the heuristic result array and its
 * count) and the check of that count (`if (found.value === 0) throw …`): each ported call
 * describes its operands itself (aclCreateTensor, CNNL tensor descriptors, XDNN arguments) and
 * picks its own algorithm. One module serves CANN, CNNL and XDNN; what is per target is given
 * at registration (`SetupTarget`): whether the target's lowering ports a lifted matmul, and
 * whether the handle goes too (aclnn has no handle; CNNL's cnnlHandle_t and XDNN's
 * xpu::Context stand for it, so there cublasLtCreate / Destroy stay and are renamed).
 *
 * Only as a whole and only when safe: a variable goes when every use of it is a set-up call
 * that goes, an argument of a cublasLtMatmul that ports (its lift and aclnn plan succeed, as
 * the walk will do them), such a check, or its own declaration; a set-up call goes when every
 * object it names goes and it is a statement of its own (`call;` or `check(call, 'what');`).
 * Anything else (a handle passed to a helper, a status kept in a variable) keeps the family
 * as the generic port writes it. Variables are told apart by their declarations, so two
 * helpers' `desc` are two variables. Removal is silent, as for cuDNN's life cycle: the port's
 * rewrite list records each removed statement.
 */
import type { Catalog } from '../../../catalog/catalog.js';
import type { ResolvedCall, StaticContext } from '../../context/static-context.js';
import type { Invocation } from '../../ir/invocation.js';
import { pending } from '../../diagnostics/port-diagnostics.js';
import type { Lowerer, LowerContext, StatementDropper } from '../../lower/lowerer.js';
import { ts } from '../../syntax/typescript.js';
import { sourceCallOf } from '../dnn/cudnn-lifter.js';
import { cublasLtLifter } from './cublaslt-lifter.js';

/** What differs per target. */
export interface SetupTarget {
  /** Whether the target's lowering writes a lifted cublasLtMatmul (the same checks, nothing written). */
  readonly matmulPorts: (invocation: Invocation, catalog: Catalog) => boolean;
  /** Whether cublasLtCreate / Destroy go too (the target has no handle for the matmul). */
  readonly handleGoes: boolean;
}

/** The primitives of cuBLASLt calls that only prepare a matmul (the handle's, where it goes). */
const DESCRIPTOR_PRIMITIVES = ['descriptor.create', 'descriptor.set', 'descriptor.destroy', 'algorithm.query'];
/** The primitives of the set-up calls the `staying` lowerer answers. */
export const CUBLASLT_SETUP_PRIMITIVES: readonly string[] = DESCRIPTOR_PRIMITIVES;
const HANDLE_PRIMITIVES = ['handle.create', 'handle.destroy'];

/** Parameters that name a set-up object (descriptor, layout, preference, heuristic results and count; the handle where it goes). */
const OBJECT_ROLES = ['out-descriptor', 'descriptor', 'desc:A', 'desc:B', 'desc:C', 'desc:Y', 'config', 'out-algorithm', 'count-out'];
const HANDLE_ROLES = ['out-handle', 'handle'];

type Declaration = ts.VariableDeclaration | ts.ParameterDeclaration;

interface SetupPlan {
  /** Statements that go, with what they held (for the rewrite list). */
  readonly dropped: ReadonlyMap<ts.Statement, string>;
  /** Set-up calls that stay, with why. */
  readonly stays: ReadonlyMap<ts.CallExpression, string>;
}


/** The declaration an identifier refers to: a parameter or a variable of an enclosing scope. */
function declarationOf(identifier: ts.Identifier): Declaration | undefined {
  const name = identifier.text;
  const declares = (d: ts.VariableDeclaration) => ts.isIdentifier(d.name) && d.name.text === name;
  for (let n: ts.Node | undefined = identifier.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n)) {
      const p = n.parameters.find((q) => ts.isIdentifier(q.name) && q.name.text === name);
      if (p) return p;
    }
    if (ts.isBlock(n) || ts.isSourceFile(n) || ts.isModuleBlock(n)) {
      for (const s of n.statements) if (ts.isVariableStatement(s)) for (const d of s.declarationList.declarations) if (declares(d)) return d;
    }
    if ((ts.isForStatement(n) || ts.isForOfStatement(n) || ts.isForInStatement(n)) && n.initializer && ts.isVariableDeclarationList(n.initializer)) {
      const d = n.initializer.declarations.find(declares);
      if (d) return d;
    }
  }
  return undefined;
}

/** The variable an argument names: `x`, `x.value`, `x!`, `(x)`. */
function objectIdentifier(argument: ts.Expression): ts.Identifier | undefined {
  let e = argument;
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) e = e.expression;
    else if (ts.isPropertyAccessExpression(e) && e.name.text === 'value') e = e.expression;
    else break;
  }
  return ts.isIdentifier(e) ? e : undefined;
}

/** The statement a call's status only passes through: `call;` or `helper(call, 'what');` (pure other arguments). */
function ownStatement(call: ts.CallExpression, context: StaticContext): ts.ExpressionStatement | undefined {
  const parent = call.parent;
  if (ts.isExpressionStatement(parent)) return parent;
  if (ts.isCallExpression(parent) && parent.arguments.includes(call) && !context.resolve(parent) && ts.isIdentifier(parent.expression)) {
    const others = parent.arguments.filter((a) => a !== call);
    if (others.every((a) => ts.isStringLiteralLike(a) || ts.isNoSubstitutionTemplateLiteral(a) || ts.isIdentifier(a)) && ts.isExpressionStatement(parent.parent)) return parent.parent;
  }
  return undefined;
}

/**
 * A statement that only checks set-up results and fails: `if (found.value === 0) throw …;`
 * (no else; the condition names nothing but set-up variables and constants).
 */
function isResultCheck(statement: ts.Statement): statement is ts.IfStatement {
  if (!ts.isIfStatement(statement) || statement.elseStatement) return false;
  const then = statement.thenStatement;
  return ts.isThrowStatement(then) || (ts.isBlock(then) && then.statements.length === 1 && ts.isThrowStatement(then.statements[0]));
}

/** Where a use that keeps a variable is, in words that do not change when the file is ported: the call it is an argument of. */
function userOf(use: ts.Node): string {
  for (let n: ts.Node = use; n.parent && !ts.isStatement(n.parent); n = n.parent) {
    const p = n.parent;
    if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) return `by \`${p.expression.getText()}\``;
  }
  return 'outside a call';
}

/** Whether a declaration can go with its variable: `ref<T>()`, `[]`, or no initializer. */
function removableDeclaration(d: Declaration): ts.VariableStatement | undefined {
  if (!ts.isVariableDeclaration(d)) return undefined;
  const list = d.parent;
  if (!ts.isVariableDeclarationList(list)) return undefined;
  const statement = list.parent;
  if (!ts.isVariableStatement(statement) || list.declarations.length !== 1) return undefined;
  const init = d.initializer;
  if (!init) return statement;
  if (ts.isArrayLiteralExpression(init) && init.elements.length === 0) return statement;
  if (ts.isCallExpression(init) && init.arguments.length === 0 && ts.isIdentifier(init.expression) && init.expression.text === 'ref') return statement;
  return undefined;
}

function computePlan(ctx: LowerContext, setupTarget: SetupTarget): SetupPlan {
  const { catalog, target, context } = ctx;
  const sourceFile = context.sourceFile;
  const SETUP_PRIMITIVES = new Set([...DESCRIPTOR_PRIMITIVES, ...(setupTarget.handleGoes ? HANDLE_PRIMITIVES : [])]);
  const roles = new Set([...OBJECT_ROLES, ...(setupTarget.handleGoes ? HANDLE_ROLES : [])]);
  const lt = context.allCalls().filter((c) => c.entry.library === 'cublaslt');
  const setup = lt.filter((c) => 'primitive' in c.entry.spec.binds && SETUP_PRIMITIVES.has(c.entry.spec.binds.primitive));
  if (setup.length === 0) return { dropped: new Map(), stays: new Map() };
  const liftContext = { catalog, target, context, enumReference: () => undefined };
  const porting = new Set(
    lt
      .filter((c) => c.entry.spec.symbol === 'cublasLtMatmul')
      .filter((c) => {
        const lifted = cublasLtLifter.lift(sourceCallOf(c, liftContext), liftContext);
        return lifted?.ok === true && setupTarget.matmulPorts(lifted.invocation, catalog);
      })
      .map((c) => c.node),
  );
  // With no matmul that ports nothing goes; the analysis still runs so that each call says why
  // the same way whether or not other matmuls in the file port (a second port of the output).
  const noMatmul = `no cublasLtMatmul it serves ports to ${target} (each says why)`;

  // The objects each set-up call names, and the statement it is; why a call or variable stays.
  const objects = new Map<ResolvedCall, Declaration[]>();
  const staying = new Map<ResolvedCall, string>();
  const statements = new Map<ResolvedCall, ts.ExpressionStatement>();
  for (const call of setup) {
    const own = ownStatement(call.node, context);
    const named: Declaration[] = [];
    call.entry.spec.params.forEach((p, i) => {
      const arg = call.args[i];
      if (!arg || !p.role || !roles.has(p.role)) return;
      const id = objectIdentifier(arg);
      const d = id ? declarationOf(id) : undefined;
      if (d) named.push(d);
      else staying.set(call, `\`${arg.getText(sourceFile)}\` is not a variable the port can follow`);
    });
    objects.set(call, named);
    if (own) statements.set(call, own);
    else staying.set(call, 'its status is used beyond a check');
  }

  // Every use of every object, classified.
  const setupByNode = new Map(setup.map((c) => [c.node, c]));
  const variables = new Set([...objects.values()].flat());
  const usedBy = new Map<Declaration, ResolvedCall[]>();
  const checks = new Map<ts.IfStatement, Set<Declaration>>();
  const stayingVariables = new Map<Declaration, string>();
  for (const d of variables) {
    if (ts.isVariableDeclaration(d) && !removableDeclaration(d)) stayingVariables.set(d, `\`${d.name.getText(sourceFile)}\` is declared with a value the port cannot drop`);
    usedBy.set(d, []);
  }
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const d = variables.has(node.parent as Declaration) && (node.parent as Declaration).name === node ? undefined : declarationOf(node);
      if (d && variables.has(d) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)) classify(node, d);
      return;
    }
    ts.forEachChild(node, visit);
  };
  const classify = (use: ts.Identifier, d: Declaration): void => {
    // The facade call whose argument holds the use.
    for (let n: ts.Node = use; n.parent; n = n.parent) {
      const p = n.parent;
      if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) {
        const owner = setupByNode.get(p);
        if (owner) return void usedBy.get(d)!.push(owner);
        if (porting.has(p)) return;
        break; // an argument of another call: a helper, or a facade call that keeps it
      }
      if (ts.isStatement(p) && isResultCheck(p) && n === p.expression) {
        const names = checks.get(p) ?? new Set<Declaration>();
        names.add(d);
        checks.set(p, names);
        return;
      }
      if (ts.isStatement(p) || ts.isFunctionLike(p)) break;
    }
    if (!stayingVariables.has(d)) stayingVariables.set(d, `\`${use.text}\` is also used ${userOf(use)}, neither set-up nor a matmul that ports`);
  };
  visit(sourceFile);
  // A check goes only when its whole condition is about set-up variables.
  for (const [check] of checks) {
    let foreign = false;
    const look = (n: ts.Node): void => {
      if (ts.isIdentifier(n) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n)) {
        const d = declarationOf(n);
        if (!d || !variables.has(d)) foreign = true;
      }
      ts.forEachChild(n, look);
    };
    look(check.expression);
    if (foreign) for (const d of checks.get(check)!) if (!stayingVariables.has(d)) stayingVariables.set(d, `the check \`${check.expression.getText(sourceFile)}\` reads more than the set-up`);
  }

  // What stays spreads: a call with a staying object stays, a variable used by a staying call stays.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [call, named] of objects) {
      const held = named.find((d) => stayingVariables.has(d));
      if (!staying.has(call) && held) {
        staying.set(call, stayingVariables.get(held)!);
        changed = true;
      }
    }
    for (const [d, calls] of usedBy) {
      const holder = calls.find((c) => staying.has(c));
      if (!stayingVariables.has(d) && holder) {
        stayingVariables.set(d, `\`${holder.entry.spec.symbol}\` keeps \`${d.name.getText(sourceFile)}\`: ${staying.get(holder)}`);
        changed = true;
      }
    }
  }

  const dropped = new Map<ts.Statement, string>();
  for (const [call, statement] of statements) if (!staying.has(call)) dropped.set(statement, call.entry.spec.symbol);
  for (const d of variables) {
    const statement = stayingVariables.has(d) ? undefined : removableDeclaration(d);
    if (statement) dropped.set(statement, d.name.getText(sourceFile));
  }
  for (const [check, names] of checks) if ([...names].every((d) => !stayingVariables.has(d))) dropped.set(check, check.expression.getText(sourceFile));
  const stays = new Map([...staying].map(([call, why]) => [call.node, why]));
  if (porting.size > 0) return { dropped, stays };
  for (const call of setup) if (!stays.has(call.node)) stays.set(call.node, noMatmul);
  return { dropped: new Map(), stays };
}

/**
 * The cuBLASLt set-up module for one target: the statement dropper (registered for CANN, CNNL
 * and XDNN), and for targets with no cuBLASLt counterpart (CNNL, XDNN) a lowerer that declines
 * the set-up calls that stay, with why (OB1019), rather than the catalog's generic gap.
 */
export function cublasLtSetup(setupTarget: SetupTarget): { readonly dropper: StatementDropper; readonly staying: Lowerer } {
  const plans = new WeakMap<StaticContext, SetupPlan>();
  const planFor = (ctx: LowerContext): SetupPlan => {
    let plan = plans.get(ctx.context);
    if (!plan) plans.set(ctx.context, (plan = computePlan(ctx, setupTarget)));
    return plan;
  };
  const staying: Lowerer = {
    name: 'cuBLASLt set-up that stays',
    lower(invocation, ctx) {
      const symbol = invocation.origin.symbol;
      const call = invocation.origin.entry.library === 'cublaslt' ? [...invocation.args.values()].map((e) => e.node?.parent).find((n): n is ts.CallExpression => n !== undefined && ts.isCallExpression(n)) : undefined;
      const why = call ? planFor(ctx).stays.get(call) : undefined;
      if (!why) return undefined;
      return { ok: false, diagnostics: [pending('OB1019', { symbol, target: ctx.target, reason: `the cuBLASLt set-up goes only as a whole with the matmuls it serves (each ported call describes its own operands), and ${why}` }, symbol)] };
    },
  };
  return { dropper: (statement, ctx) => planFor(ctx).dropped.get(statement), staying };
}
