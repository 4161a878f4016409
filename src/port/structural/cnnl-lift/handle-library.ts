/**
 * The CUDA handle a CNNL handle is. One `cnnlHandle_t` stands for cuBLAS's and cuDNN's handle,
 * and the catalog ports the type to `cudnnHandle_t`. A handle whose work is matrix products is
 * a cuBLAS handle in CUDA, though: its products become cuBLAS calls, and the port then holds a
 * `cublasHandle_t` created, bound to the queue and destroyed with cuBLAS's calls — the CUDA a
 * user writes, which every target with a BLAS ports (CANN has aclblasHandle_t but no DNN handle).
 *
 * A handle variable is followed through the helpers of the file it is passed to (an argument of
 * a function declared in the file is that function's parameter; a parameter is every argument its
 * calls pass), and every use of the family is read by the CUDA library it needs:
 *
 * - a handle life-cycle or queue call (create, set / get the queue, destroy; its CUDA targets are
 *   cuBLAS's and cuDNN's) or a statement that goes in the port: either;
 * - an operation that lifts and goes (cnnl-groups.ts): none — its lowering makes a handle of its
 *   own — but a matrix product among them (Gemm, MatMul: cuBLAS's in CUDA) makes the handle cuBLAS's;
 * - an operation that stays as written: the library of its CUDA targets (cuDNN's keeps the
 *   catalog's type; targets in both libraries, either);
 * - anything else (stored, returned, passed to what is not a helper of the file): unknown, so the
 *   catalog's type stays.
 *
 * `cublasHandle_t` when no use needs cuDNN's handle or is unknown and some use is a matrix
 * product (or needs cuBLAS's handle); otherwise undefined (the catalog's cudnnHandle_t).
 */
import { bindingKey } from '../../../catalog/answers.js';
import type { Catalog } from '../../../catalog/catalog.js';
import type { StaticContext } from '../../context/static-context.js';
import type { EnumSubstitute } from '../../lower/lowerer.js';
import { chooseTarget } from '../../mapping/target-entry.js';
import { usesOf } from '../../syntax/named-variables.js';
import { ts } from '../../syntax/typescript.js';
import { cnnlDecisionFor, isCnnlRun } from './cnnl-groups.js';

const SOURCE_TYPE = 'cnnlHandle_t';
const CUBLAS_HANDLE = 'cublasHandle_t';
/** The operators a lifted CNNL run lowers with cuBLAS in CUDA: the matrix products. */
const PRODUCTS = new Set(['operator:Gemm', 'operator:MatMul']);

/** A handle variable: a parameter of a function or a `const h = ref<cnnlHandle_t>()` in a block. */
interface HandleVariable {
  readonly name: string;
  /** The parameter or variable declaration. */
  readonly declaration: ts.ParameterDeclaration | ts.VariableDeclaration;
  /** Where its uses are. */
  readonly root: ts.Node;
}

/** `undecided`: a run whose group is not decided yet (a trial port): the answer is not kept. */
type Need = 'either' | 'none' | 'product' | 'cublas' | 'cudnn' | 'unknown' | 'undecided';

function bare(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  return e;
}

function parameterVariable(p: ts.ParameterDeclaration): HandleVariable | undefined {
  return ts.isIdentifier(p.name) && !p.dotDotDotToken ? { name: p.name.text, declaration: p, root: p.parent } : undefined;
}

/** The handle variable `h` or `h.value` names: the nearest parameter or block variable of that name. */
function variableOf(expression: ts.Expression): HandleVariable | undefined {
  let e = bare(expression);
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'value') e = bare(e.expression);
  if (!ts.isIdentifier(e)) return undefined;
  const name = e.text;
  for (let n: ts.Node | undefined = e.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n)) {
      const p = n.parameters.find((q) => ts.isIdentifier(q.name) && q.name.text === name);
      if (p) return parameterVariable(p);
    }
    if (!ts.isBlock(n) && !ts.isSourceFile(n)) continue;
    for (const statement of n.statements) {
      if (!ts.isVariableStatement(statement) || statement.pos > e.pos) continue;
      const d = statement.declarationList.declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === name);
      if (d) return { name, declaration: d, root: n };
    }
  }
  return undefined;
}

/** The handle variable a `cnnlHandle_t` type reference declares (`h: cnnlHandle_t`, `ref<cnnlHandle_t>()`). */
function declaredBy(reference: ts.Node): HandleVariable | undefined {
  const type = ts.isTypeReferenceNode(reference) ? reference : reference.parent;
  if (!type || !ts.isTypeReferenceNode(type)) return undefined;
  const owner = type.parent;
  if (ts.isParameter(owner) && owner.type === type) return parameterVariable(owner);
  if (ts.isCallExpression(owner) && owner.typeArguments?.includes(type) && ts.isVariableDeclaration(owner.parent) && owner.parent.initializer === owner) {
    const d = owner.parent;
    const statement = d.parent.parent;
    return ts.isIdentifier(d.name) && ts.isVariableStatement(statement) ? { name: d.name.text, declaration: d, root: statement.parent } : undefined;
  }
  return undefined;
}

/** The functions declared in a file (with a body), by name: read once per file. */
const functionIndex = new WeakMap<ts.SourceFile, ReadonlyMap<string, readonly ts.FunctionDeclaration[]>>();

function functionsNamed(name: string, sourceFile: ts.SourceFile): readonly ts.FunctionDeclaration[] {
  let index = functionIndex.get(sourceFile);
  if (!index) {
    const found = new Map<string, ts.FunctionDeclaration[]>();
    const visit = (n: ts.Node): void => {
      if (ts.isFunctionDeclaration(n) && n.name && n.body) found.set(n.name.text, [...(found.get(n.name.text) ?? []), n]);
      ts.forEachChild(n, visit);
    };
    visit(sourceFile);
    functionIndex.set(sourceFile, (index = found));
  }
  return index.get(name) ?? [];
}

/** The function declared in the file that `call` calls, if any (one of that name). */
function helperOf(call: ts.CallExpression, sourceFile: ts.SourceFile): ts.FunctionDeclaration | undefined {
  const callee = bare(call.expression);
  const found = ts.isIdentifier(callee) ? functionsNamed(callee.text, sourceFile) : [];
  return found.length === 1 ? found[0] : undefined;
}

/** The calls of a helper in the file. */
function callsOf(helper: ts.FunctionDeclaration, sourceFile: ts.SourceFile): ts.CallExpression[] {
  const name = helper.name!.text;
  const found: ts.CallExpression[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(bare(n.expression)) && (bare(n.expression) as ts.Identifier).text === name && helperOf(n, sourceFile) === helper) found.push(n);
    ts.forEachChild(n, visit);
  };
  visit(sourceFile);
  return found;
}

/** Which CUDA library's handle a facade call on the handle needs, by its CUDA targets. */
function needOfCall(call: ts.CallExpression, catalog: Catalog, context: StaticContext): Need | undefined {
  const resolved = context.resolve(call);
  if (!resolved) return undefined;
  if (context.isAbsorbed(call)) return 'either';
  const decision = isCnnlRun(resolved) ? cnnlDecisionFor(call) : undefined;
  if (isCnnlRun(resolved) && !decision) return 'undecided';
  if (decision?.accepted) return PRODUCTS.has(bindingKey(resolved.entry)) ? 'product' : 'none';
  const libraries = new Set(chooseTarget(catalog, resolved.entry, 'cuda').candidates.map((e) => (e.library.startsWith('cublas') ? 'cublas' : 'cudnn')));
  return libraries.size > 1 ? 'either' : libraries.size === 1 ? [...libraries][0]! : 'unknown';
}

/** What every use of the handle family needs, the family followed through the file's helpers. */
function needsOf(start: HandleVariable, catalog: Catalog, context: StaticContext): { readonly needs: Set<Need>; readonly family: ReadonlySet<ts.Node> } {
  const sourceFile = context.sourceFile;
  const needs = new Set<Need>();
  const seen = new Set<ts.Node>();
  const queue: HandleVariable[] = [start];
  const follow = (v: HandleVariable | undefined): void => {
    if (!v) needs.add('unknown');
    else if (!seen.has(v.declaration)) queue.push(v);
  };
  while (queue.length > 0) {
    const variable = queue.pop()!;
    if (seen.has(variable.declaration)) continue;
    seen.add(variable.declaration);
    // A parameter is what its calls pass.
    if (ts.isParameter(variable.declaration)) {
      const helper = variable.declaration.parent;
      const index = helper.parameters.indexOf(variable.declaration);
      if (!ts.isFunctionDeclaration(helper)) needs.add('unknown');
      else for (const call of callsOf(helper, sourceFile)) follow(call.arguments[index] ? variableOf(call.arguments[index]!) : undefined);
    }
    for (const use of usesOf(variable.name, variable.root)) {
      if (ts.isParameter(use.parent) && use.parent.name === use) continue;
      if (variableOf(use)?.declaration !== variable.declaration) continue; // another variable of that name
      let e: ts.Expression = use;
      if (ts.isPropertyAccessExpression(e.parent) && e.parent.expression === e && e.parent.name.text === 'value') e = e.parent;
      while (ts.isParenthesizedExpression(e.parent) || ts.isNonNullExpression(e.parent)) e = e.parent as ts.Expression;
      const call = e.parent;
      if (!ts.isCallExpression(call) || !call.arguments.includes(e)) {
        needs.add('unknown');
        continue;
      }
      const need = needOfCall(call, catalog, context);
      if (need) {
        needs.add(need);
        continue;
      }
      const helper = helperOf(call, sourceFile);
      const parameter = helper?.parameters[call.arguments.indexOf(e)];
      follow(parameter ? parameterVariable(parameter) : undefined);
    }
  }
  return { needs, family: seen };
}

/** Answers per port (its StaticContext) and handle declaration, once every run of the family is decided. */
const answers = new WeakMap<StaticContext, Map<ts.Node, string | undefined>>();

/** `cublasHandle_t` for a family no use of which needs cuDNN's handle or is unknown, and some use is a product or needs cuBLAS's. */
function decide(variable: HandleVariable | undefined, catalog: Catalog, context: StaticContext): string | undefined {
  if (!variable) return undefined;
  let kept = answers.get(context);
  if (kept?.has(variable.declaration)) return kept.get(variable.declaration);
  const { needs, family } = needsOf(variable, catalog, context);
  const answer = needs.has('unknown') || needs.has('cudnn') || !(needs.has('product') || needs.has('cublas')) ? undefined : CUBLAS_HANDLE;
  if (!needs.has('undecided')) {
    if (!kept) answers.set(context, (kept = new Map()));
    for (const declaration of family) kept.set(declaration, answer);
  }
  return needs.has('undecided') ? undefined : answer;
}

/** The CUDA type a `cnnlHandle_t` type reference ports to where it is not the catalog's, or undefined. */
export function cudaHandleTypeAt(reference: ts.Node, catalog: Catalog, context: StaticContext): string | undefined {
  return decide(declaredBy(reference), catalog, context);
}

/**
 * The CUDA type of the handle a call's handle argument (`h`, `h.value`) names, declared with
 * `declaredType`, where it is a CNNL handle whose type is not the catalog's; otherwise undefined.
 */
export function cudaHandleTypeOf(argument: ts.Expression, declaredType: string, catalog: Catalog, context: StaticContext): string | undefined {
  return declaredType === SOURCE_TYPE ? decide(variableOf(argument), catalog, context) : undefined;
}

/** The type references of a CNNL handle that is cuBLAS's in CUDA (registered for the CUDA target). */
export const cnnlHandleAsCublas: EnumSubstitute = (reference, source, ctx) => {
  if (source.enumName !== SOURCE_TYPE || source.member !== undefined) return undefined;
  const type = cudaHandleTypeAt(reference, ctx.catalog, ctx.context);
  return type ? { enumName: type } : undefined;
};
