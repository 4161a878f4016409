/**
 * Simple constant evaluation of number and enum expressions: literals, facade enum members,
 * `const` variables initialised with constants (looked up through the enclosing blocks and the
 * file), unary and binary arithmetic, `|` of flags, parentheses and type assertions. Anything
 * else is unknown (`undefined`), never guessed.
 */
import type { BackendId } from '../../catalog/vocabulary.js';
import { ts } from '../syntax/typescript.js';

export type ConstantValue =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'null' }
  | {
      readonly kind: 'enum';
      readonly backend: BackendId;
      readonly enumName: string;
      readonly member: string;
      /** null when the catalog does not confirm the number. */
      readonly value: number | null;
      readonly meaning?: string;
    };

/** Resolves a facade reference (identifier or namespace member) to an enum member value. */
export type EnumResolver = (node: ts.Expression) => ConstantValue | undefined;

export function numericValue(value: ConstantValue | undefined): number | undefined {
  if (!value) return undefined;
  if (value.kind === 'number') return value.value;
  if (value.kind === 'enum') return value.value ?? undefined;
  if (value.kind === 'boolean') return value.value ? 1 : 0;
  return undefined;
}

export class ConstantEvaluator {
  private readonly constCache = new Map<ts.Identifier, ConstantValue | undefined>();
  private readonly evaluating = new Set<ts.Node>();

  constructor(private readonly resolveEnum: EnumResolver) {}

  evaluate(node: ts.Expression): ConstantValue | undefined {
    if (this.evaluating.has(node)) return undefined;
    this.evaluating.add(node);
    try {
      return this.evaluateInner(node);
    } finally {
      this.evaluating.delete(node);
    }
  }

  private evaluateInner(node: ts.Expression): ConstantValue | undefined {
    const facade = this.resolveEnum(node);
    if (facade) return facade;
    if (ts.isNumericLiteral(node)) return { kind: 'number', value: Number(node.text) };
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { kind: 'string', value: node.text };
    switch (node.kind) {
      case ts.SyntaxKind.TrueKeyword:
        return { kind: 'boolean', value: true };
      case ts.SyntaxKind.FalseKeyword:
        return { kind: 'boolean', value: false };
      case ts.SyntaxKind.NullKeyword:
        return { kind: 'null' };
    }
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node) || ts.isSatisfiesExpression(node) || ts.isTypeAssertionExpression(node)) {
      return this.evaluate(node.expression);
    }
    if (ts.isPrefixUnaryExpression(node)) {
      const v = numericValue(this.evaluate(node.operand));
      if (v === undefined) return undefined;
      switch (node.operator) {
        case ts.SyntaxKind.MinusToken:
          return { kind: 'number', value: -v };
        case ts.SyntaxKind.PlusToken:
          return { kind: 'number', value: v };
        case ts.SyntaxKind.TildeToken:
          return { kind: 'number', value: ~v };
        case ts.SyntaxKind.ExclamationToken:
          return { kind: 'boolean', value: !v };
      }
      return undefined;
    }
    if (ts.isBinaryExpression(node)) {
      const a = numericValue(this.evaluate(node.left));
      const b = numericValue(this.evaluate(node.right));
      if (a === undefined || b === undefined) return undefined;
      const value = arithmetic(node.operatorToken.kind, a, b);
      return value === undefined ? undefined : { kind: 'number', value };
    }
    if (ts.isIdentifier(node)) return this.constVariable(node);
    return undefined;
  }

  /** The value of `const name = <constant>` declared in an enclosing block or the file. */
  private constVariable(identifier: ts.Identifier): ConstantValue | undefined {
    if (this.constCache.has(identifier)) return this.constCache.get(identifier);
    let result: ConstantValue | undefined;
    const declaration = findConstDeclaration(identifier);
    if (declaration?.initializer) result = this.evaluate(declaration.initializer);
    this.constCache.set(identifier, result);
    return result;
  }
}

/** A binary arithmetic or bitwise operator applied to two numbers (undefined for others and for a division by 0). */
export function arithmetic(kind: ts.SyntaxKind, a: number, b: number): number | undefined {
  switch (kind) {
    case ts.SyntaxKind.PlusToken:
      return a + b;
    case ts.SyntaxKind.MinusToken:
      return a - b;
    case ts.SyntaxKind.AsteriskToken:
      return a * b;
    case ts.SyntaxKind.SlashToken:
      return b === 0 ? undefined : a / b;
    case ts.SyntaxKind.PercentToken:
      return b === 0 ? undefined : a % b;
    case ts.SyntaxKind.AsteriskAsteriskToken:
      return a ** b;
    case ts.SyntaxKind.BarToken:
      return a | b;
    case ts.SyntaxKind.AmpersandToken:
      return a & b;
    case ts.SyntaxKind.CaretToken:
      return a ^ b;
    case ts.SyntaxKind.LessThanLessThanToken:
      return a << b;
    case ts.SyntaxKind.GreaterThanGreaterThanToken:
      return a >> b;
    case ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken:
      return a >>> b;
  }
  return undefined;
}

/**
 * The `const` declaration of `identifier` visible from it: searched in each enclosing block,
 * function body and the file, nearest first (declarations after the use count too, as in
 * JavaScript's scoping; a `let` or `var` of the same name stops the search).
 */
export function findConstDeclaration(identifier: ts.Identifier): ts.VariableDeclaration | undefined {
  for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
    const statements = ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope) ? scope.statements : ts.isCaseClause(scope) || ts.isDefaultClause(scope) ? scope.statements : undefined;
    if (statements) {
      for (const statement of statements) {
        if (!ts.isVariableStatement(statement)) continue;
        for (const d of statement.declarationList.declarations) {
          if (!ts.isIdentifier(d.name) || d.name.text !== identifier.text) continue;
          return statement.declarationList.flags & ts.NodeFlags.Const ? d : undefined;
        }
      }
    }
    if (ts.isFunctionLike(scope)) {
      for (const p of scope.parameters) if (ts.isIdentifier(p.name) && p.name.text === identifier.text) return undefined;
    }
  }
  return undefined;
}
