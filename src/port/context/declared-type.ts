/**
 * The facade type an expression statically has, where the file states it: a variable declared
 * with the type (`let id: ncclUniqueId`, a parameter `id: ncclUniqueId`) or initialised from its
 * constructor (`const id = new ncclUniqueId()`), and `r.value` of a `ref<T>()` / `Ref<T>`
 * variable. Without a type checker anything else (returns of user functions, reassignments
 * through `let` without annotation) is unknown, and callers leave such code as it is.
 */
import { ts } from '../syntax/typescript.js';

/** Resolves a type name or constructor expression to a facade type, or undefined. */
export type TypeNameResolver<T> = (name: ts.EntityName | ts.Expression) => T | undefined;

export function declaredFacadeType<T>(expression: ts.Expression, resolve: TypeNameResolver<T>): T | undefined {
  let e = expression;
  while (ts.isParenthesizedExpression(e) || ts.isNonNullExpression(e)) e = e.expression;
  if (ts.isIdentifier(e)) {
    const d = declarationOf(e);
    if (!d) return undefined;
    if (d.type) return ts.isTypeReferenceNode(d.type) ? resolve(d.type.typeName) : undefined;
    const init = d.initializer && unwrap(d.initializer);
    return init && ts.isNewExpression(init) ? resolve(init.expression) : undefined;
  }
  // r.value where r holds a T: `const r = ref<T>()` or `r: Ref<T>`.
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'value') return heldFacadeType(e.expression, resolve);
  return undefined;
}

/** The facade type T a `ref<T>()` / `Ref<T>` variable holds (an out-parameter such as `cudnnCreate(handle)`). */
export function heldFacadeType<T>(expression: ts.Expression, resolve: TypeNameResolver<T>): T | undefined {
  let holder = expression;
  while (ts.isParenthesizedExpression(holder) || ts.isNonNullExpression(holder)) holder = holder.expression;
  if (!ts.isIdentifier(holder)) return undefined;
  const d = declarationOf(holder);
  if (!d) return undefined;
  const typeArgument = d.type
    ? ts.isTypeReferenceNode(d.type) && entityText(d.type.typeName).endsWith('Ref')
      ? d.type.typeArguments?.[0]
      : undefined
    : refCallTypeArgument(d.initializer);
  return typeArgument && ts.isTypeReferenceNode(typeArgument) ? resolve(typeArgument.typeName) : undefined;
}

type Declaration = { readonly type?: ts.TypeNode; readonly initializer?: ts.Expression };

/** The nearest declaration of an identifier: a variable in an enclosing block or a parameter. */
function declarationOf(identifier: ts.Identifier): Declaration | undefined {
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope)) {
      const p = scope.parameters.find((q) => ts.isIdentifier(q.name) && q.name.text === identifier.text);
      if (p) return { ...(p.type ? { type: p.type } : {}) };
    }
    const statements = ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope) || ts.isCaseClause(scope) || ts.isDefaultClause(scope) ? scope.statements : undefined;
    if (!statements) continue;
    for (const statement of statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.name.text === identifier.text) {
          return { ...(d.type ? { type: d.type } : {}), ...(d.initializer ? { initializer: d.initializer } : {}) };
        }
      }
    }
  }
  return undefined;
}

function unwrap(e: ts.Expression): ts.Expression {
  while (ts.isParenthesizedExpression(e) || ts.isAsExpression(e) || ts.isSatisfiesExpression(e)) e = e.expression;
  return e;
}

function refCallTypeArgument(initializer: ts.Expression | undefined): ts.TypeNode | undefined {
  const init = initializer && unwrap(initializer);
  if (!init || !ts.isCallExpression(init) || init.typeArguments?.length !== 1) return undefined;
  const callee = init.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  return name === 'ref' ? init.typeArguments[0] : undefined;
}

function entityText(name: ts.EntityName): string {
  return ts.isIdentifier(name) ? name.text : name.right.text;
}
