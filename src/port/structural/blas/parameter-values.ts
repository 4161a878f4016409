/**
 * The values a function parameter can take, read from every call of the function: a helper
 * such as `linear(lt, epilogue, …)` that sets a cuBLASLt epilogue from its parameter is called
 * with constant epilogues, and the port may branch on the parameter over exactly those values.
 *
 * Only when the set is provably complete: the function is declared in this file, not exported,
 * its name is used only as the callee of calls in this file, the parameter is a plain
 * identifier that is never assigned, and every call passes a constant. Anything else gives the
 * reason the values are unknown (a run-time value is never guessed).
 */
import type { ConstantValue } from '../../context/constant-value.js';
import type { StaticContext } from '../../context/static-context.js';
import { ts } from '../../syntax/typescript.js';

export type ParameterValues = { readonly ok: true; readonly parameter: ts.ParameterDeclaration; readonly values: readonly ConstantValue[] } | { readonly ok: false; readonly reason: string };

function isExported(fn: ts.FunctionDeclaration, sourceFile: ts.SourceFile, name: string): boolean {
  if (fn.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword || m.kind === ts.SyntaxKind.DefaultKeyword)) return true;
  return sourceFile.statements.some(
    (s) => (ts.isExportDeclaration(s) && s.exportClause && ts.isNamedExports(s.exportClause) && s.exportClause.elements.some((e) => (e.propertyName ?? e.name).text === name)) || (ts.isExportAssignment(s) && ts.isIdentifier(s.expression) && s.expression.text === name),
  );
}

function isAssigned(name: string, body: ts.Node): boolean {
  let assigned = false;
  const visit = (node: ts.Node): void => {
    if (assigned) return;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment && ts.isIdentifier(node.left) && node.left.text === name) assigned = true;
    if ((ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) && ts.isIdentifier(node.operand) && node.operand.text === name && (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)) assigned = true;
    ts.forEachChild(node, visit);
  };
  visit(body);
  return assigned;
}

/** The parameter `identifier` names, when it is one of the nearest enclosing function's. */
function parameterOf(identifier: ts.Identifier): { fn: ts.SignatureDeclaration; parameter: ts.ParameterDeclaration; index: number } | undefined {
  for (let n: ts.Node | undefined = identifier.parent; n; n = n.parent) {
    if (ts.isFunctionLike(n)) {
      const index = n.parameters.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === identifier.text);
      return index < 0 ? undefined : { fn: n, parameter: n.parameters[index], index };
    }
    // A nearer declaration of the same name shadows the parameter.
    if (ts.isBlock(n) && n.statements.some((s) => ts.isVariableStatement(s) && s.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === identifier.text))) return undefined;
  }
  return undefined;
}

export function parameterValues(expression: ts.Expression, context: StaticContext): ParameterValues | undefined {
  if (!ts.isIdentifier(expression)) return undefined;
  const found = parameterOf(expression);
  if (!found) return undefined;
  const { fn, parameter, index } = found;
  const name = expression.text;
  const fail = (reason: string): { ok: false; reason: string } => ({ ok: false, reason: `\`${name}\` is a parameter of ${reason}` });
  if (!ts.isFunctionDeclaration(fn) || !fn.name || !fn.body) return fail('a function without a name of its own; its callers are unknown');
  const fnName = fn.name.text;
  if (parameter.dotDotDotToken || parameter.initializer) return fail(`\`${fnName}\` with a default or rest; its values are not all written at the calls`);
  if (isAssigned(name, fn.body)) return fail(`\`${fnName}\` and is assigned in it`);
  const sourceFile = context.sourceFile;
  if (isExported(fn, sourceFile, fnName)) return fail(`the exported \`${fnName}\`; callers outside this file may pass any value`);
  const values: ConstantValue[] = [];
  let problem: string | undefined;
  const visit = (node: ts.Node): void => {
    if (problem) return;
    if (ts.isIdentifier(node) && node.text === fnName && node !== fn.name) {
      const call = node.parent;
      if (!ts.isCallExpression(call) || call.expression !== node) {
        problem = fail(`\`${fnName}\`, which is used as a value (line ${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}); its callers are unknown`).reason;
        return;
      }
      const arg = call.arguments[index];
      const value = arg ? context.constant(arg) : undefined;
      if (!arg || !value || call.arguments.some((a) => ts.isSpreadElement(a))) {
        problem = fail(`\`${fnName}\`, and the call on line ${sourceFile.getLineAndCharacterOfPosition(call.getStart(sourceFile)).line + 1} passes \`${arg?.getText(sourceFile) ?? 'nothing'}\`, not a constant`).reason;
        return;
      }
      values.push(value);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  if (problem) return { ok: false, reason: problem };
  if (values.length === 0) return fail(`\`${fnName}\`, which is never called in this file`);
  return { ok: true, parameter, values };
}
