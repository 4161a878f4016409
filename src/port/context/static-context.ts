/**
 * What the code around a call says about it, for lifters that need more than the call's own
 * arguments: the set-calls that configured a descriptor, handle, generator or communicator
 * variable earlier in the enclosing function (`cudnnSetTensor4dDescriptor(xDesc.value, …)`,
 * `cublasSetStream(h.value, s)`, `cublasSetMathMode(h.value, …)`), constant values of number
 * and enum expressions, and fresh identifiers.
 *
 * Variables are matched by name: `xDesc.value`, `xDesc` and `xDesc!` are the same variable.
 * The search starts in the function enclosing the call and widens to enclosing functions and
 * the file; it looks only at calls written before the call, in source order (no control flow).
 */
import type { EntryRecord } from '../../catalog/catalog.js';
import type { BackendId, Primitive } from '../../catalog/vocabulary.js';
import { ts } from '../syntax/typescript.js';
import { ConstantEvaluator, type ConstantValue } from './constant-value.js';
import type { FreshNames } from './fresh-names.js';

/** A call of a facade function, with its catalog entry. */
export interface ResolvedCall {
  readonly node: ts.CallExpression;
  readonly backend: BackendId;
  readonly entry: EntryRecord;
  /** The call's arguments in catalog parameter order (a template array, if any, removed). */
  readonly args: readonly ts.Expression[];
}

export type CallResolver = (call: ts.CallExpression) => ResolvedCall | undefined;

export interface SetCallQuery {
  /** Only calls binding this primitive (e.g. `descriptor.set`, `handle.set-math-mode`). */
  readonly primitive?: Primitive;
  /** Only calls of these symbols (catalog spelling). */
  readonly symbols?: readonly string[];
  /** The role of the parameter that must name the variable (default: any of handle, descriptor, generator, comm, context, graph). */
  readonly role?: string;
}

const OBJECT_ROLES = ['handle', 'descriptor', 'generator', 'comm', 'context', 'graph', 'executor'];

/** The variable an argument names: `x.value`, `x!`, `(x)` and `x` are all `x`. */
export function variableName(expression: ts.Expression): string | undefined {
  let e: ts.Expression = expression;
  for (;;) {
    if (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
    else if (ts.isPropertyAccessExpression(e) && e.name.text === 'value') e = e.expression;
    else break;
  }
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e) && (ts.isIdentifier(e.expression) || e.expression.kind === ts.SyntaxKind.ThisKeyword)) {
    return `${e.expression.getText()}.${e.name.text}`;
  }
  return undefined;
}

type Scope = ts.SignatureDeclaration | ts.SourceFile;

export class StaticContext {
  private readonly callsByScope = new Map<Scope, ResolvedCall[]>();
  private readonly constants: ConstantEvaluator;
  private everyCall: ResolvedCall[] | undefined;
  private readonly absorbed: ts.Node[] = [];

  constructor(
    readonly sourceFile: ts.SourceFile,
    private readonly resolveCall: CallResolver,
    evaluator: ConstantEvaluator,
    readonly names: FreshNames,
  ) {
    this.constants = evaluator;
  }

  /** The statically known value of a number or enum expression. */
  constant(expression: ts.Expression): ConstantValue | undefined {
    return this.constants.evaluate(expression);
  }

  /** The nearest function around `node`, or the file. */
  enclosingScope(node: ts.Node): Scope {
    for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
      if (ts.isFunctionLike(n)) return n;
    }
    return this.sourceFile;
  }

  /**
   * The facade calls before `before` whose object argument names the same variable as
   * `target`, nearest first: the enclosing function first, then enclosing functions, then the file.
   */
  setCallsFor(target: ts.Expression, before: ts.Node, query: SetCallQuery = {}): ResolvedCall[] {
    const name = variableName(target);
    if (!name) return [];
    const found: ResolvedCall[] = [];
    for (let scope: Scope | undefined = this.enclosingScope(before); scope; scope = ts.isSourceFile(scope) ? undefined : this.enclosingScope(scope)) {
      const calls = this.callsIn(scope).filter((c) => c.node.end <= before.getStart(this.sourceFile) && this.matches(c, name, query));
      found.push(...calls.reverse());
    }
    return found;
  }

  /** The set-call in effect at `before`: the nearest one. */
  lastSetCall(target: ts.Expression, before: ts.Node, query: SetCallQuery = {}): ResolvedCall | undefined {
    return this.setCallsFor(target, before, query)[0];
  }

  /** Every facade call in the file (nested functions included), in source order. */
  allCalls(): ResolvedCall[] {
    this.everyCall ??= (() => {
      const list: ResolvedCall[] = [];
      const visit = (node: ts.Node): void => {
        ts.forEachChild(node, visit);
        if (ts.isCallExpression(node)) {
          const resolved = this.resolveCall(node);
          if (resolved) list.push(resolved);
        }
      };
      visit(this.sourceFile);
      return this.inSourceOrder(list);
    })();
    return this.everyCall;
  }

  /**
   * The facade calls whose arguments name variable `name` (`x`, `x.value`, `x!`), in source order;
   * indexed once per file, since droppers ask it for every declaration.
   */
  callsNaming(name: string): readonly ResolvedCall[] {
    if (!this.callsByVariable) {
      const index = new Map<string, ResolvedCall[]>();
      for (const call of this.allCalls()) {
        for (const named of new Set(call.args.map(variableName))) {
          if (named !== undefined) index.set(named, [...(index.get(named) ?? []), call]);
        }
      }
      this.callsByVariable = index;
    }
    return this.callsByVariable.get(name) ?? [];
  }

  private callsByVariable: Map<string, ResolvedCall[]> | undefined;

  /** Calls sorted by start (stable), each start computed once: getStart skips trivia on every call. */
  private inSourceOrder(list: ResolvedCall[]): ResolvedCall[] {
    const starts = new Map(list.map((c) => [c, c.node.getStart(this.sourceFile)]));
    return list.sort((a, b) => starts.get(a)! - starts.get(b)!);
  }

  /**
   * Statements a structural module rewrites as a whole (a cudnn-frontend graph's construction
   * and executes): uses of variables inside them are accounted for by that module.
   */
  absorb(statements: readonly ts.Node[]): void {
    for (const s of statements) this.absorbed.push(s);
  }

  /** Whether `node` lies in a statement a structural module rewrote as a whole. */
  isAbsorbed(node: ts.Node): boolean {
    const at = node.getStart(this.sourceFile);
    return this.absorbed.some((s) => at >= s.getStart(this.sourceFile) && node.end <= s.end);
  }

  /** A facade call with its entry, if `node` is one. */
  resolve(node: ts.CallExpression): ResolvedCall | undefined {
    return this.resolveCall(node);
  }

  /** The argument a resolved call passes for a role (first parameter with that role). */
  argumentFor(call: ResolvedCall, role: string): ts.Expression | undefined {
    const index = call.entry.spec.params.findIndex((p) => p.role === role);
    return index < 0 ? undefined : call.args[index];
  }

  private matches(call: ResolvedCall, name: string, query: SetCallQuery): boolean {
    const spec = call.entry.spec;
    if (query.symbols && !query.symbols.includes(spec.symbol)) return false;
    if (query.primitive && !('primitive' in spec.binds && spec.binds.primitive === query.primitive)) return false;
    const roles = query.role ? [query.role] : OBJECT_ROLES;
    return spec.params.some((p, i) => p.role !== undefined && roles.includes(p.role) && call.args[i] !== undefined && variableName(call.args[i]) === name);
  }

  /** Facade calls directly in a scope (not in nested functions), in source order. */
  private callsIn(scope: Scope): ResolvedCall[] {
    let calls = this.callsByScope.get(scope);
    if (calls) return calls;
    calls = [];
    const list = calls;
    const visit = (node: ts.Node): void => {
      if (node !== scope && ts.isFunctionLike(node)) return;
      ts.forEachChild(node, visit);
      if (ts.isCallExpression(node)) {
        const resolved = this.resolveCall(node);
        if (resolved) list.push(resolved);
      }
    };
    visit(scope);
    this.inSourceOrder(list);
    this.callsByScope.set(scope, list);
    return list;
  }
}
