/**
 * Local variables by name, read from the syntax alone (no type checker): the variable statement
 * that declares a name in a block around a node, and the identifiers that use a name inside a
 * subtree. Shared by the lifters and the lowerers.
 */
import { ts } from './typescript.js';

/** `const name = init` declared in a block around `from` (before it), with its statement. */
export function declarationOf(name: string, from: ts.Node): { statement: ts.VariableStatement; init: ts.Expression | undefined } | undefined {
  for (let scope: ts.Node | undefined = from.parent; scope; scope = scope.parent) {
    const statements = ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope) ? scope.statements : undefined;
    if (!statements) continue;
    for (const statement of statements) {
      if (!ts.isVariableStatement(statement) || statement.pos > from.pos) continue;
      const declarations = statement.declarationList.declarations;
      const d = declarations.find((x) => ts.isIdentifier(x.name) && x.name.text === name);
      if (d) return declarations.length === 1 ? { statement, init: d.initializer } : undefined;
    }
  }
  return undefined;
}

/** Identifiers named `name` inside `root`, other than declaration names. */
export function usesOf(name: string, root: ts.Node): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === name) {
      const p = node.parent;
      const isDeclarationName = ts.isVariableDeclaration(p) && p.name === node;
      const isMemberName = (ts.isPropertyAccessExpression(p) && p.name === node) || (ts.isPropertyAssignment(p) && p.name === node);
      if (!isDeclarationName && !isMemberName) found.push(node);
    }
    ts.forEachChild(node, visit);
  };
  visit(root);
  return found;
}
