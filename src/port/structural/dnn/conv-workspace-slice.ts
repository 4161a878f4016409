/**
 * The convolution plan of a cuDNN program — the algorithm query
 * (cudnnGetConvolutionForwardAlgorithm_v7), the workspace-size query
 * (cudnnGetConvolutionForwardWorkspaceSize), the workspace they size and the code that picks
 * between the algorithms — has no counterpart on CANN: aclnnConvolutionGetWorkspaceSize chooses
 * the kernel and sizes its own workspace. The plan goes away, but only where nothing else
 * depends on it. This module finds that part of the program:
 *
 * 1. The variables the queries write (`perf`, `algoCount`, `workspaceBytes`) are candidates, and
 *    so are the variables declared, assigned or allocated into in statements that read a
 *    candidate (`const choice = perf.slice(…).find(…)`, `workspace = allocation.value`,
 *    `if (bytes.value > 0) cudaMalloc(workspace, bytes.value)`).
 * 2. A candidate stays one only while every use of it is (a) an argument of a query that goes
 *    away, (b) the algo / workSpace / workSpaceSizeInBytes argument of a cudnnConvolutionForward
 *    that ports (its lowering does not use them), or (c) inside a statement that does nothing but
 *    compute candidates: a declaration or assignment of candidates from candidates (array
 *    methods that do not mutate, `ref<T>()`), a device allocation or free of a candidate
 *    (`cudaMalloc(allocation, workspaceBytes.value)`, possibly through a status check helper),
 *    or an `if` on candidates whose branches are such statements or throws (the "no algorithm"
 *    guard). The rest are dropped until nothing changes (a greatest fixpoint).
 * 3. A query goes away when all its outputs are candidates; the statements of (c) are removed.
 *
 * Variables are matched by name in the file, as the descriptor life cycle does. Which
 * convolutions port is the target's question (`ConvPorts`: its plan for the lifted Conv); the
 * slice is the same on every target whose convolution call sizes its own workspace or needs
 * none (aclnnConvolution, CNNL's own query pair, xpu::conv2d).
 */
import type { Catalog } from '../../../catalog/catalog.js';
import type { BackendId } from '../../../catalog/vocabulary.js';
import { isPure } from '../../context/expression-purity.js';
import { variableName, type ResolvedCall, type StaticContext } from '../../context/static-context.js';
import { inStatementList } from '../../emit/statement-placement.js';
import { ts } from '../../syntax/typescript.js';
import type { OpInvocation } from '../../ir/invocation.js';
import { planAclnnConv } from './aclnn-conv-lowerer.js';
import { liftCudnn, sourceCallOf } from './cudnn-lifter.js';

/** Whether the target's lowering of a lifted Conv succeeds (it then ignores algo and workspace). */
export type ConvPorts = (conv: OpInvocation) => boolean;

/** CANN's answer: aclnnConvolution plans the call. */
export const aclnnConvPorts: ConvPorts = (conv) => planAclnnConv(conv)?.ok === true;

/** The queries of the convolution plan. */
export const PLAN_QUERIES = ['cudnnGetConvolutionForwardAlgorithm_v7', 'cudnnFindConvolutionForwardAlgorithm', 'cudnnGetConvolutionForwardWorkspaceSize'] as const;

const QUERY_OUTPUT_ROLES = ['count-out', 'out-algorithm', 'out-workspace-size'];
/** cudnnConvolutionForward arguments its lowerings do not use. */
const PLAN_ARGUMENTS = ['algo', 'workSpace', 'workSpaceSizeInBytes'];
/** Array methods that read without changing anything. */
const READING_METHODS = new Set(['slice', 'find', 'filter', 'map', 'some', 'every', 'at', 'includes', 'indexOf', 'findIndex']);
const MEMORY_PRIMITIVES = ['memory.alloc', 'memory.free'];

export interface PlanSlice {
  /** Why each query stays (undefined: it goes away). */
  readonly queries: ReadonlyMap<ts.CallExpression, string | undefined>;
  /** Statements that only compute the plan. */
  readonly statements: ReadonlySet<ts.Node>;
}

const cache = new WeakMap<StaticContext, Map<string, PlanSlice>>();

function isPlanQuery(call: ResolvedCall): boolean {
  return (PLAN_QUERIES as readonly string[]).includes(call.entry.spec.symbol);
}

function lineOf(node: ts.Node, context: StaticContext): number {
  return context.sourceFile.getLineAndCharacterOfPosition(node.getStart(context.sourceFile)).line + 1;
}

/** Whether an identifier is a use of a variable (not a property name or a declared name). */
function isUse(id: ts.Identifier): boolean {
  const p = id.parent;
  if ((ts.isPropertyAccessExpression(p) && p.name === id) || (ts.isPropertyAssignment(p) && p.name === id)) return false;
  if ((ts.isVariableDeclaration(p) || ts.isParameter(p) || ts.isFunctionDeclaration(p) || ts.isBindingElement(p)) && p.name === id) return false;
  if (ts.isImportSpecifier(p) || ts.isImportClause(p) || ts.isNamespaceImport(p) || ts.isTypeReferenceNode(p) || ts.isQualifiedName(p)) return false;
  return true;
}

function importedNames(sourceFile: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const s of sourceFile.statements) {
    if (!ts.isImportDeclaration(s) || !s.importClause) continue;
    if (s.importClause.name) names.add(s.importClause.name.text);
    const bindings = s.importClause.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) names.add(e.name.text);
    if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
  }
  return names;
}

/** Names declared (at any depth, outside nested functions) or assigned (`x = …`) in a statement. */
function written(statement: ts.Node): string[] {
  const names: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionLike(n)) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name)) names.push(n.name.text);
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const name = variableName(n.left);
      if (name) names.push(name);
    }
    ts.forEachChild(n, visit);
  };
  visit(statement);
  return names;
}

function computeSlice(catalog: Catalog, target: BackendId, context: StaticContext, convPorts: ConvPorts): PlanSlice {
  const calls = context.allCalls();
  const queries = calls.filter(isPlanQuery);
  if (queries.length === 0) return { queries: new Map(), statements: new Set() };
  const byNode = new Map(calls.map((c) => [c.node, c]));
  const liftContext = { catalog, target, context, enumReference: () => undefined };
  const judged = new Map<ts.CallExpression, boolean>();
  const ports = (call: ResolvedCall): boolean => {
    let known = judged.get(call.node);
    if (known === undefined) {
      const lifted = liftCudnn(sourceCallOf(call, liftContext), liftContext);
      known = lifted?.ok === true && lifted.value.operator === 'Conv' && convPorts(lifted.value);
      judged.set(call.node, known);
    }
    return known;
  };
  const imported = importedNames(context.sourceFile);

  // The outputs of each query, by variable name (undefined: an output that is not a variable).
  const outputs = new Map<ts.CallExpression, (string | undefined)[]>();
  for (const q of queries) {
    outputs.set(
      q.node,
      q.entry.spec.params.flatMap((p, i) => (p.role && QUERY_OUTPUT_ROLES.includes(p.role) && q.args[i] ? [variableName(q.args[i])] : [])),
    );
  }

  // Every statement in a statement list, and every use of every name.
  const statements: ts.Statement[] = [];
  const uses = new Map<string, ts.Identifier[]>();
  const collect = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n)) return;
    if (ts.isIdentifier(n) && isUse(n)) uses.set(n.text, [...(uses.get(n.text) ?? []), n]);
    if ((ts.isVariableStatement(n) || ts.isExpressionStatement(n) || ts.isIfStatement(n)) && inStatementList(n)) statements.push(n);
    ts.forEachChild(n, collect);
  };
  collect(context.sourceFile);
  const reads = (node: ts.Node, names: ReadonlySet<string>): boolean => {
    let found = false;
    const visit = (n: ts.Node): void => {
      if (found) return;
      if (ts.isIdentifier(n) && isUse(n) && names.has(n.text)) found = true;
      else ts.forEachChild(n, visit);
    };
    visit(node);
    return found;
  };

  /** Variables a device allocation in the statement fills (`if (bytes > 0) cudaMalloc(workspace, bytes)`). */
  const allocated = (statement: ts.Node): string[] => {
    const names: string[] = [];
    const visit = (n: ts.Node): void => {
      if (ts.isFunctionLike(n)) return;
      const call = ts.isCallExpression(n) ? byNode.get(n) : undefined;
      const binds = call?.entry.spec.binds;
      if (call && binds && 'primitive' in binds && binds.primitive === 'memory.alloc') {
        for (const a of call.args) {
          const name = a && ts.isIdentifier(a) ? a.text : undefined;
          if (name) names.push(name);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(statement);
    return names;
  };

  // 1. Candidates.
  const candidates = new Set<string>();
  for (const names of outputs.values()) for (const n of names) if (n) candidates.add(n);
  for (let grew = true; grew; ) {
    grew = false;
    for (const s of statements) {
      if (!reads(s, candidates)) continue;
      for (const name of [...written(s), ...allocated(s)]) {
        if (!candidates.has(name)) {
          candidates.add(name);
          grew = true;
        }
      }
    }
  }

  // 2. Keep the candidates whose every use is accounted for.
  const vanishes = (q: ts.CallExpression) => outputs.get(q)!.every((n) => n !== undefined && candidates.has(n));
  const inert = (e: ts.Node, bound: ReadonlySet<string>): boolean => {
    if (ts.isIdentifier(e)) return candidates.has(e.text) || bound.has(e.text) || imported.has(e.text) || e.text === 'undefined';
    if (ts.isNumericLiteral(e) || ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return true;
    switch (e.kind) {
      case ts.SyntaxKind.NullKeyword:
      case ts.SyntaxKind.TrueKeyword:
      case ts.SyntaxKind.FalseKeyword:
        return true;
    }
    if (ts.isPropertyAccessExpression(e)) return inert(e.expression, bound);
    if (ts.isElementAccessExpression(e)) return inert(e.expression, bound) && inert(e.argumentExpression, bound);
    if (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e)) return inert(e.expression, bound);
    if (ts.isPrefixUnaryExpression(e)) return e.operator !== ts.SyntaxKind.PlusPlusToken && e.operator !== ts.SyntaxKind.MinusMinusToken && inert(e.operand, bound);
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op >= ts.SyntaxKind.FirstAssignment && op <= ts.SyntaxKind.LastAssignment) return false;
      return inert(e.left, bound) && inert(e.right, bound);
    }
    if (ts.isConditionalExpression(e)) return inert(e.condition, bound) && inert(e.whenTrue, bound) && inert(e.whenFalse, bound);
    if (ts.isArrayLiteralExpression(e)) return e.elements.every((x) => inert(x, bound));
    if (ts.isTemplateExpression(e)) return e.templateSpans.every((s) => inert(s.expression, bound));
    if (ts.isArrowFunction(e)) {
      const inner = new Set(bound);
      for (const p of e.parameters) if (ts.isIdentifier(p.name)) inner.add(p.name.text);
      return !ts.isBlock(e.body) && inert(e.body, inner);
    }
    if (ts.isCallExpression(e)) {
      const callee = e.expression;
      if (ts.isIdentifier(callee) && callee.text === 'ref' && imported.has('ref')) return e.arguments.length === 0;
      return ts.isPropertyAccessExpression(callee) && READING_METHODS.has(callee.name.text) && inert(callee.expression, bound) && e.arguments.every((a) => inert(a, bound));
    }
    return false;
  };
  /** The facade call a statement makes, directly or through a status helper (`check(call, 'what')`). */
  const facadeCallOf = (s: ts.ExpressionStatement): ResolvedCall | undefined => {
    const e = s.expression;
    if (!ts.isCallExpression(e)) return undefined;
    const direct = byNode.get(e);
    if (direct) return direct;
    const inner = e.arguments.filter((a) => ts.isCallExpression(a) && byNode.has(a));
    if (inner.length !== 1 || !isPure(e.expression) || !e.arguments.every((a) => a === inner[0] || isPure(a))) return undefined;
    return byNode.get(inner[0] as ts.CallExpression);
  };
  const removable = (s: ts.Node): boolean => {
    if (ts.isBlock(s)) return s.statements.every(removable);
    if (ts.isThrowStatement(s)) return true;
    if (ts.isVariableStatement(s)) {
      return s.declarationList.declarations.every((d) => ts.isIdentifier(d.name) && candidates.has(d.name.text) && (!d.initializer || inert(d.initializer, new Set())));
    }
    if (ts.isExpressionStatement(s)) {
      const e = s.expression;
      if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const name = variableName(e.left);
        return name !== undefined && candidates.has(name) && inert(e.right, new Set());
      }
      const call = facadeCallOf(s);
      if (!call) return false;
      if (isPlanQuery(call)) return vanishes(call.node);
      const binds = call.entry.spec.binds;
      return 'primitive' in binds && MEMORY_PRIMITIVES.includes(binds.primitive) && call.args.every((a) => inert(a, new Set()));
    }
    if (ts.isIfStatement(s)) return inert(s.expression, new Set()) && removable(s.thenStatement) && (!s.elseStatement || removable(s.elseStatement));
    return false;
  };
  const accounted = (use: ts.Identifier): boolean => {
    // The nearest facade call whose arguments hold the use.
    for (let n: ts.Node = use; n.parent; n = n.parent) {
      const p = n.parent;
      if (ts.isFunctionLike(p)) break;
      if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) {
        const call = byNode.get(p);
        if (!call) continue;
        if (isPlanQuery(call) && vanishes(p)) return true;
        if (call.entry.spec.symbol === 'cudnnConvolutionForward') {
          const index = call.args.indexOf(n as ts.Expression);
          if (index >= 0 && PLAN_ARGUMENTS.includes(call.entry.spec.params[index]?.name) && ports(call)) return true;
        }
        break;
      }
    }
    for (let n: ts.Node = use; n.parent; n = n.parent) {
      if (ts.isFunctionLike(n)) break;
      if ((ts.isVariableStatement(n) || ts.isExpressionStatement(n) || ts.isIfStatement(n)) && inStatementList(n) && removable(n)) return true;
    }
    return false;
  };
  // Why each dropped candidate went, and which earlier drop caused it (the root is a use that stays).
  const dropped = new Map<string, { readonly step: number; readonly reason: string; readonly cause?: string }>();
  const describeUse = (use: ts.Identifier): string => {
    const line = lineOf(use, context);
    for (let n: ts.Node = use; n.parent && !ts.isFunctionLike(n.parent); n = n.parent) {
      const call = ts.isCallExpression(n.parent) && n.parent.arguments.includes(n as ts.Expression) ? byNode.get(n.parent) : undefined;
      if (call) return `\`${use.text}\` is passed to \`${call.entry.spec.symbol}\` (line ${line}), which stays`;
    }
    return `\`${use.text}\` is read at line ${line} by code that stays`;
  };
  const causeOf = (use: ts.Identifier): string | undefined => {
    let statement: ts.Node = use;
    while (statement.parent && !(ts.isStatement(statement) && inStatementList(statement))) statement = statement.parent;
    let earliest: string | undefined;
    const visit = (n: ts.Node): void => {
      const named = ts.isIdentifier(n) && !(ts.isPropertyAccessExpression(n.parent) && n.parent.name === n);
      if (named && dropped.has(n.text) && (!earliest || dropped.get(n.text)!.step < dropped.get(earliest)!.step)) earliest = n.text;
      ts.forEachChild(n, visit);
    };
    visit(statement);
    return earliest;
  };
  for (let shrank = true; shrank; ) {
    shrank = false;
    for (const name of [...candidates]) {
      const stray = (uses.get(name) ?? []).find((u) => !accounted(u));
      if (stray) {
        candidates.delete(name);
        const cause = causeOf(stray);
        dropped.set(name, { step: dropped.size, reason: describeUse(stray), ...(cause ? { cause } : {}) });
        shrank = true;
      }
    }
  }
  /** A dropped candidate's reason, followed back to the use that stays. */
  const reasonFor = (name: string): string => {
    const parts: string[] = [];
    for (let n: string | undefined = name, guard = 0; n && guard < 8; n = dropped.get(n)?.cause, guard++) parts.push(dropped.get(n)?.reason ?? `\`${n}\` stays`);
    return parts.join(', because ');
  };

  // 3. What goes away.
  const why = new Map<ts.CallExpression, string | undefined>();
  for (const [q, names] of outputs) {
    const missing = names.find((n) => n === undefined || !candidates.has(n));
    why.set(q, names.every((n) => n !== undefined && candidates.has(n)) ? undefined : missing === undefined ? 'an output is not a variable' : reasonFor(missing));
  }
  const removed = new Set<ts.Node>(statements.filter((s) => (reads(s, candidates) || written(s).some((n) => candidates.has(n))) && removable(s)));
  return { queries: why, statements: removed };
}

/** The slice for a target (one `convPorts` per target: the cache is keyed by target). */
export function planSlice(catalog: Catalog, target: BackendId, context: StaticContext, convPorts: ConvPorts = aclnnConvPorts): PlanSlice {
  let byTarget = cache.get(context);
  if (!byTarget) cache.set(context, (byTarget = new Map()));
  let slice = byTarget.get(target);
  if (!slice) byTarget.set(target, (slice = computeSlice(catalog, target, context, convPorts)));
  return slice;
}

/** Why a plan query stays, or undefined when it goes away; not a plan query: 'not a plan query'. */
export function whyQueryStays(call: ResolvedCall, catalog: Catalog, target: BackendId, context: StaticContext, convPorts: ConvPorts = aclnnConvPorts): string | undefined {
  if (!isPlanQuery(call)) return 'not a convolution plan query';
  return planSlice(catalog, target, context, convPorts).queries.get(call.node) ?? undefined;
}

/** Whether a statement only computes the convolution plan and goes with it. */
export function isPlanStatement(statement: ts.Node, catalog: Catalog, target: BackendId, context: StaticContext, convPorts: ConvPorts = aclnnConvPorts): boolean {
  return planSlice(catalog, target, context, convPorts).statements.has(statement);
}
