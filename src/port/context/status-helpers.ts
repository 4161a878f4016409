/**
 * The status helpers a file declares: functions with a parameter whose declared type is a facade
 * status enum (`function checkCudnn(status: cudnnStatus_t, what: string)`, or the same as a
 * `const` arrow function). Code that checks every library's calls through such helpers keeps one
 * per status type; a call whose status goes to the helper of another library's status (what a
 * lowering writes when one source call becomes calls of several libraries) is routed to the
 * helper *of the same shape* whose parameter has the call's status type. Helpers are found by
 * their parameter's declared type, never by name; a name declared twice in the file is
 * ambiguous and not used.
 */
import type { EnumRecord } from '../../catalog/catalog.js';
import { ts } from '../syntax/typescript.js';

/** Resolves a type name to the facade status enum it names, or undefined. */
export type StatusTypeResolver = (name: ts.EntityName) => EnumRecord | undefined;

export interface StatusHelper {
  readonly name: string;
  /** The index of the parameter that takes a status, and its name as written. */
  readonly index: number;
  readonly param: string;
  /** The facade status enum that parameter is declared with. */
  readonly status: EnumRecord;
  /** The other parameters and the return type, as written: helpers of one shape differ only in the status type. */
  readonly shape: string;
  readonly declaration: FunctionLike;
  /** The status parameter's type annotation. */
  readonly type: ts.TypeReferenceNode;
}

export type FunctionLike = ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression;

export class StatusHelpers {
  private readonly byName = new Map<string, FunctionLike | null>();
  private readonly cache = new Map<string, StatusHelper | null>();

  constructor(
    sourceFile: ts.SourceFile,
    private readonly resolve: StatusTypeResolver,
  ) {
    // Any other binding of the same name (a variable, a parameter, a class) makes a call by that name ambiguous.
    const declare = (name: string, f: FunctionLike | null) => this.byName.set(name, this.byName.has(name) ? null : f);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionDeclaration(node) && node.name && node.body) declare(node.name.text, node);
      else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        let init = node.initializer;
        while (ts.isParenthesizedExpression(init)) init = init.expression;
        declare(node.name.text, ts.isArrowFunction(init) || ts.isFunctionExpression(init) ? init : null);
      } else if ((ts.isClassDeclaration(node) || ts.isParameter(node) || ts.isVariableDeclaration(node)) && node.name && ts.isIdentifier(node.name)) {
        declare(node.name.text, null);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }

  /** Every status helper of the file, in declaration order. */
  all(): StatusHelper[] {
    return [...this.byName.keys()].map((name) => this.helper(name)).filter((h): h is StatusHelper => h !== undefined).sort((a, b) => a.declaration.pos - b.declaration.pos);
  }

  /** The helper `callee` names when its parameter at `index` is declared with a facade status enum. */
  calledAt(callee: ts.Expression, index: number): StatusHelper | undefined {
    if (!ts.isIdentifier(callee)) return undefined;
    const helper = this.helper(callee.text);
    return helper?.index === index ? helper : undefined;
  }

  /**
   * The helper of the same shape as `helper` (the status at the same index, the other parameters
   * and the return type written alike) that `accepts` says yes to; undefined when there is none
   * or more than one.
   */
  sibling(helper: StatusHelper, accepts: (other: StatusHelper) => boolean): StatusHelper | undefined {
    const found = this.all().filter((other) => other.name !== helper.name && sameShape(other, helper) && accepts(other));
    return found.length === 1 ? found[0] : undefined;
  }

  private helper(name: string): StatusHelper | undefined {
    const cached = this.cache.get(name);
    if (cached !== undefined) return cached ?? undefined;
    const f = this.byName.get(name);
    let helper: StatusHelper | undefined;
    if (f) {
      const statuses = f.parameters.flatMap((p, index) => {
        const status = p.type && ts.isTypeReferenceNode(p.type) && !p.type.typeArguments ? this.resolve(p.type.typeName) : undefined;
        return status ? [{ index, status, type: p.type as ts.TypeReferenceNode }] : [];
      });
      if (statuses.length === 1 && !f.typeParameters) {
        const [{ index, status, type }] = statuses;
        const written = (n: ts.Node | undefined) => (n ? n.getText().replace(/\s+/g, ' ') : '');
        const shape = [
          ...f.parameters.map((p, i) => (i === index ? `${p.dotDotDotToken ? '...' : ''}${p.questionToken ? '?' : ''}<status>` : `${p.dotDotDotToken ? '...' : ''}${p.questionToken ? '?' : ''}${written(p.type)}`)),
          `=> ${written(f.type)}`,
        ].join(', ');
        helper = { name, index, param: f.parameters[index].name.getText(), status, shape, declaration: f, type };
      }
    }
    this.cache.set(name, helper ?? null);
    return helper;
  }
}

export function sameShape(a: StatusHelper, b: StatusHelper): boolean {
  return a.index === b.index && a.shape === b.shape;
}
