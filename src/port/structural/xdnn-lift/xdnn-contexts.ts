/**
 * XDNN contexts back to CUDA library handles. One `xpu::Context` serves BLAS and DNN calls alike;
 * CUDA has a cuBLAS handle for the first and a cuDNN handle for the second. Which one a context
 * becomes is read from its uses in the file:
 *
 * - a context passed to fc_fusion / fc_batched / scale / reduce_sum, or to an in-place xpu::add
 *   (the calls CUDA writes with cuBLAS), or to a helper (whose `Context` parameter ports to
 *   cublasHandle_t, the catalog's counterpart), serves GEMMs → a cuBLAS handle;
 * - a context passed to any other XDNN call serves DNN ops → a cuDNN handle;
 * - both → the variable keeps the cuBLAS handle and a second variable (`<name>Dnn`) holds the
 *   cuDNN one; each statement of the context is written for both.
 *
 * The statements of a context `const h = ref<Context>()` that are rewritten whole
 * (StatementRewriter): its declaration (the handle types), `h.value = xpu.create_context()` →
 * `cublasCreate(h)` / `cudnnCreate(h)`, `h.value.set_stream(s)` → `cublasSetStream(h.value, s)` /
 * `cudnnSetStream(...)`, `xpu.destroy_context(h.value)` → `cudnnDestroy` / `cublasDestroy` (the
 * reverse order of creation). A context used any other way (the ref itself passed on, a member
 * other than `xpu_wait(h.value.xpu_stream)` read, which waits for the stream the context was last
 * given: `cudaStreamSynchronize(s)`) is left as written: its calls keep their diagnostics.
 * The lifter (xdnn-lifter.ts) asks the same plan for the handles an XDNN call runs on and the
 * stream its context was last given.
 */
import type { StaticContext } from '../../context/static-context.js';
import type { LowerContext, StatementRewriter } from '../../lower/lowerer.js';
import { ts } from '../../syntax/typescript.js';

/** XDNN calls whose CUDA counterpart is a cuBLAS call (xpu::add only when it adds in place). */
const BLAS_SYMBOLS = new Set(['xpu::fc_fusion', 'xpu::fc_batched', 'xpu::scale', 'xpu::reduce_sum']);

type StatementKind = 'declaration' | 'create' | 'set-stream' | 'destroy' | 'wait';

export interface ContextPlan {
  /** The ref variable (`cublas`), or a `Context` parameter of a function. */
  readonly name: string;
  /** A parameter (`ctx: Context`): the handle is `name` itself, its type ports to cublasHandle_t. */
  readonly parameter: boolean;
  readonly blas: boolean;
  readonly dnn: boolean;
  /** The second variable holding the cuDNN handle when the context serves both. */
  readonly dnnName?: string;
  /** `h.value.set_stream(s)` calls, in source order: where the stream changes. */
  readonly streams: readonly { readonly call: ts.CallExpression; readonly stream: ts.Expression }[];
  readonly statements: ReadonlyMap<ts.Statement, StatementKind>;
}

export interface FileContexts {
  /** Planned contexts by their ref variable's or parameter's declaration. */
  readonly byDeclaration: ReadonlyMap<ts.VariableDeclaration | ts.ParameterDeclaration, ContextPlan>;
  readonly byStatement: ReadonlyMap<ts.Statement, ContextPlan>;
}

const plans = new WeakMap<ts.SourceFile, FileContexts>();

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

function isListed(statement: ts.Node): statement is ts.Statement {
  const p = statement.parent;
  return Boolean(p && (ts.isBlock(p) || ts.isSourceFile(p) || ts.isModuleBlock(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)));
}

/** The local names the file imports `Context` and `ref` under from the Kunlun facade. */
function kunlunLocals(sourceFile: ts.SourceFile): { context?: string; ref?: string } {
  const found: { context?: string; ref?: string } = {};
  for (const s of sourceFile.statements) {
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier) || s.moduleSpecifier.text !== 'opbridge/kunlun') continue;
    const bindings = s.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const e of bindings.elements) {
      const imported = (e.propertyName ?? e.name).text;
      if (imported === 'Context') found.context = e.name.text;
      if (imported === 'ref') found.ref = e.name.text;
    }
  }
  return found;
}

function symbolOf(call: ts.CallExpression, context: StaticContext): string | undefined {
  const resolved = context.resolve(call);
  return resolved?.backend === 'kunlun' ? resolved.entry.spec.symbol : undefined;
}

/** The context argument of an XDNN call: the first argument after the template array. */
export function contextArgument(call: ts.CallExpression, context: StaticContext): ts.Expression | undefined {
  const resolved = context.resolve(call);
  if (!resolved || resolved.backend !== 'kunlun' || resolved.entry.library !== 'xdnn') return undefined;
  const templated = (resolved.entry.spec.template?.length ?? 0) > 0;
  return call.arguments[templated ? 1 : 0];
}

/** Whether xpu::add writes over one of its operands (then CUDA adds in place with cuBLAS axpy). */
function addsInPlace(call: ts.CallExpression): boolean {
  const [, , x, y, z] = call.arguments;
  return Boolean(z && ((x && z.getText() === x.getText()) || (y && z.getText() === y.getText())));
}

/** A name like `base` that no identifier of the file uses. */
function unusedName(base: string, sourceFile: ts.SourceFile): string {
  const used = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) used.add(n.text);
    ts.forEachChild(n, visit);
  };
  visit(sourceFile);
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}${i}`;
  return name;
}

function planContext(declaration: ts.VariableDeclaration | ts.ParameterDeclaration, statement: ts.VariableStatement | undefined, context: StaticContext): ContextPlan | undefined {
  const name = (declaration.name as ts.Identifier).text;
  const parameter = ts.isParameter(declaration);
  const scope = parameter ? declaration.parent : statement!.parent;
  const statements = new Map<ts.Statement, StatementKind>(statement ? [[statement, 'declaration']] : []);
  const waits: ts.CallExpression[] = [];
  const streams: { call: ts.CallExpression; stream: ts.Expression }[] = [];
  let blas = false;
  let dnn = false;
  let created = false;
  const visit = (node: ts.Node): boolean => {
    if (ts.isIdentifier(node) && node.text === name && node !== declaration.name) {
      const parent = node.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.name === node) return true;
      if (ts.isParameter(parent) && parent === declaration) return true;
      // The handle expression: `h.value` for a ref, the parameter itself.
      const p: ts.Expression = parameter ? node : parent as ts.Expression;
      if (!parameter && (!ts.isPropertyAccessExpression(parent) || parent.expression !== node || parent.name.text !== 'value')) return false;
      const use = p.parent;
      // h.value = xpu.create_context();
      if (ts.isBinaryExpression(use) && use.left === p && use.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
        const right = unwrap(use.right);
        if (!ts.isCallExpression(right) || symbolOf(right, context) !== 'xpu::create_context' || !ts.isExpressionStatement(use.parent) || !isListed(use.parent)) return false;
        statements.set(use.parent, 'create');
        created = true;
        return true;
      }
      // xpu_wait(h.value.xpu_stream): the wait for the context's stream.
      if (ts.isPropertyAccessExpression(use) && use.expression === p && use.name.text === 'xpu_stream') {
        const call = use.parent;
        if (!ts.isCallExpression(call) || call.arguments.length !== 1 || call.arguments[0] !== use || symbolOf(call, context) !== 'xpu_wait') return false;
        if (!ts.isExpressionStatement(call.parent) || !isListed(call.parent)) return false;
        statements.set(call.parent, 'wait');
        waits.push(call);
        return true;
      }
      // h.value.set_stream(s);
      if (ts.isPropertyAccessExpression(use) && use.expression === p) {
        const call = use.parent;
        if (use.name.text !== 'set_stream' || !ts.isCallExpression(call) || call.expression !== use || call.arguments.length !== 1) return false;
        if (!ts.isExpressionStatement(call.parent) || !isListed(call.parent)) return false;
        statements.set(call.parent, 'set-stream');
        streams.push({ call, stream: call.arguments[0] });
        return true;
      }
      if (ts.isCallExpression(use) && use.arguments.includes(p)) {
        const symbol = symbolOf(use, context);
        if (symbol === 'xpu::destroy_context') {
          if (!ts.isExpressionStatement(use.parent) || !isListed(use.parent)) return false;
          statements.set(use.parent, 'destroy');
          return true;
        }
        if (symbol && contextArgument(use, context) === p) {
          if (BLAS_SYMBOLS.has(symbol) || (symbol === 'xpu::add' && addsInPlace(use))) blas = true;
          else dnn = true;
          return true;
        }
        if (!symbol) {
          // A helper taking the context: its `Context` parameter ports to cublasHandle_t.
          blas = true;
          return true;
        }
      }
      return false;
    }
    let ok = true;
    ts.forEachChild(node, (child) => {
      if (ok && !visit(child)) ok = false;
    });
    return ok;
  };
  if (!visit(scope) || (!parameter && !created)) return undefined;
  // A wait needs the stream the context was given before it (CUDA waits on that stream).
  if (waits.some((w) => !streams.some((s) => s.call.end <= w.getStart()))) return undefined;
  if (!blas && !dnn) blas = true;
  // A parameter's type ports to cublasHandle_t (the catalog's counterpart of xpu::Context): its DNN calls make their own cuDNN handle.
  if (parameter) return { name, parameter, blas: true, dnn: false, streams, statements };
  const sourceFile = declaration.getSourceFile();
  return { name, parameter, blas, dnn, ...(blas && dnn ? { dnnName: unusedName(`${name}Dnn`, sourceFile) } : {}), streams, statements };
}

/** The contexts of a file this module rewrites (computed once per file). */
export function fileContexts(context: StaticContext): FileContexts {
  const sourceFile = context.sourceFile;
  let found = plans.get(sourceFile);
  if (found) return found;
  const byDeclaration = new Map<ts.VariableDeclaration | ts.ParameterDeclaration, ContextPlan>();
  const byStatement = new Map<ts.Statement, ContextPlan>();
  const locals = kunlunLocals(sourceFile);
  if (locals.context) {
    const visit = (node: ts.Node): void => {
      if (ts.isVariableStatement(node) && isListed(node) && node.declarationList.declarations.length === 1) {
        const d = node.declarationList.declarations[0];
        const init = d.initializer ? unwrap(d.initializer) : undefined;
        const type = init && ts.isCallExpression(init) && init.arguments.length === 0 && init.typeArguments?.length === 1 ? init.typeArguments[0] : undefined;
        if (locals.ref && ts.isIdentifier(d.name) && init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === locals.ref && type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === locals.context) {
          const plan = planContext(d, node, context);
          if (plan) {
            byDeclaration.set(d, plan);
            for (const s of plan.statements.keys()) byStatement.set(s, plan);
          }
        }
      }
      if (ts.isParameter(node) && ts.isIdentifier(node.name) && node.type && ts.isTypeReferenceNode(node.type) && ts.isIdentifier(node.type.typeName) && node.type.typeName.text === locals.context && ts.isFunctionLike(node.parent) && 'body' in node.parent && node.parent.body) {
        const plan = planContext(node, undefined, context);
        if (plan) {
          byDeclaration.set(node, plan);
          for (const s of plan.statements.keys()) byStatement.set(s, plan);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  found = { byDeclaration, byStatement };
  plans.set(sourceFile, found);
  return found;
}

/** The planned context an XDNN call's context argument (`h.value`, or a parameter `ctx`) names, if any. */
export function planOf(argument: ts.Expression, context: StaticContext): ContextPlan | undefined {
  const e = unwrap(argument);
  const isRef = ts.isPropertyAccessExpression(e) && e.name.text === 'value' && ts.isIdentifier(e.expression);
  const name = isRef ? ((e as ts.PropertyAccessExpression).expression as ts.Identifier).text : ts.isIdentifier(e) ? e.text : undefined;
  if (!name) return undefined;
  for (const [declaration, plan] of fileContexts(context).byDeclaration) {
    if (plan.name !== name || plan.parameter === isRef) continue;
    // The declaration in scope: its block (or function) holds the call.
    const scope = ts.isParameter(declaration) ? declaration.parent : declaration.parent.parent.parent;
    if (scope.getSourceFile() === argument.getSourceFile() && scope.pos <= argument.pos && scope.end >= argument.end) return plan;
  }
  return undefined;
}

/** The handles of a plan as code: the cuBLAS handle and the cuDNN handle (`h.value`, `hDnn.value`). */
export function handlesOf(plan: ContextPlan): { blas?: string; dnn?: string } {
  if (plan.parameter) return { blas: plan.name };
  return {
    ...(plan.blas ? { blas: `${plan.name}.value` } : {}),
    ...(plan.dnn ? { dnn: `${plan.dnnName ?? plan.name}.value` } : {}),
  };
}

/** The stream the context was last given before `node` (its last set_stream call before it in the file). */
export function streamBefore(plan: ContextPlan, node: ts.Node): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  for (const s of plan.streams) if (s.call.end <= node.getStart()) found = s.stream;
  return found;
}

export const xdnnContextRewriter: StatementRewriter = (statement: ts.Statement, ctx: LowerContext) => {
  const plan = fileContexts(ctx.context).byStatement.get(statement);
  if (!plan) return undefined;
  const kind = plan.statements.get(statement)!;
  const v = (name: string) => ctx.names.value(name, ctx.style, ctx.origin);
  const t = (name: string) => ctx.names.type(name, ctx.style, undefined);
  const { blas, dnn } = handlesOf(plan);
  const dnnRef = plan.dnnName ?? plan.name;
  const lines: string[] = [];
  const to: string[] = [];
  const write = (symbol: string, args: readonly string[]) => {
    lines.push(`${v(symbol)}(${args.join(', ')});`);
    to.push(symbol);
  };
  switch (kind) {
    case 'declaration': {
      const declaration = (statement as ts.VariableStatement).declarationList;
      const keyword = declaration.flags & ts.NodeFlags.Const ? 'const' : 'let';
      if (blas) lines.push(`${keyword} ${plan.name} = ${v('ref')}<${t('cublasHandle_t')}>();`);
      if (dnn) lines.push(`${keyword} ${dnnRef} = ${v('ref')}<${t('cudnnHandle_t')}>();`);
      return { from: 'xpu::Context', text: lines.join('\n'), to: [...(blas ? ['cublasHandle_t'] : []), ...(dnn ? ['cudnnHandle_t'] : [])] };
    }
    case 'create':
      if (blas) write('cublasCreate', [plan.name]);
      if (dnn) write('cudnnCreate', [dnnRef]);
      return { from: 'xpu::create_context', text: lines.join('\n'), to };
    case 'set-stream': {
      const call = unwrap((statement as ts.ExpressionStatement).expression) as ts.CallExpression;
      const stream = call.arguments[0].getText(ctx.context.sourceFile);
      if (blas) write('cublasSetStream', [blas, stream]);
      if (dnn) write('cudnnSetStream', [dnn, stream]);
      return { from: 'xpu::Context::set_stream', text: lines.join('\n'), to };
    }
    case 'wait': {
      const call = unwrap((statement as ts.ExpressionStatement).expression) as ts.CallExpression;
      const stream = streamBefore(plan, call)!.getText(ctx.context.sourceFile);
      write('cudaStreamSynchronize', [stream]);
      return { from: 'xpu_wait', text: lines.join('\n'), to };
    }
    case 'destroy':
      if (dnn) write('cudnnDestroy', [dnn]);
      if (blas) write('cublasDestroy', [blas]);
      return { from: 'xpu::destroy_context', text: lines.join('\n'), to };
  }
};
