/**
 * Expressions in the Invocation IR: the text to emit (source text with the rewrites inside it
 * already applied, or generated text), whether it may be duplicated or moved, and what is
 * statically known about its value.
 */
import type { ConstantValue } from '../context/constant-value.js';
import type { ts } from '../syntax/typescript.js';

export interface Expr {
  /** The code, without the comments around it. */
  readonly text: string;
  /** Comments written next to the argument in the source call; they move with it. */
  readonly comments?: ArgumentComments;
  /** The program expression it comes from; absent for generated text (defaults, derivations). */
  readonly node?: ts.Expression;
  /** Evaluating it twice, or at another point, is unobservable (see context/expression-purity.ts). */
  readonly pure: boolean;
  /** The statically known value, when there is one. */
  readonly value?: ConstantValue;
  /** 0-based position of the source argument, which fixes its evaluation order. */
  readonly order?: number;
  /** The local name of the named facade import the expression is (orders the new imports). */
  readonly origin?: string;
  /**
   * Meanings the value can take when it is built only from facade enum members (a conditional
   * of two copy directions, or a variable initialised with one); those members are rewritten
   * where they are written, so the value is a target value.
   */
  readonly possibleMeanings?: readonly string[];
}

export interface ArgumentComments {
  /** Comments on the lines before the argument (`//` or block comments). */
  readonly leading: readonly string[];
  /** Comments after the argument on its line (after its comma, if any). */
  readonly trailing: readonly string[];
}

/** Text the porter writes itself (a catalog default, a derived size): always pure. */
export function generated(text: string, value?: ConstantValue): Expr {
  return { text, pure: true, ...(value ? { value } : {}) };
}

/** Wraps expression text in parentheses unless it is a single operand. */
export function operand(text: string): string {
  return /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$|^\d+(\.\d+)?$/.test(text) ? text : `(${text})`;
}
