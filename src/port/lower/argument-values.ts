/**
 * Target argument values built from source expressions. A value remembers which source
 * arguments it evaluates, so the lowerer can tell when the target order would run impure
 * arguments in another order (or twice) and hoist them into constants first.
 */
import type { Expr } from '../ir/expr.js';

export interface ArgumentValue {
  /** Source arguments this value evaluates. */
  readonly sources: readonly Expr[];
  /** The text, with each source argument written as `write(source)` gives it. */
  render(write: (source: Expr) => string): string;
}

export function sourceValue(expr: Expr): ArgumentValue {
  return { sources: [expr], render: (write) => write(expr) };
}

export function textValue(text: string): ArgumentValue {
  return { sources: [], render: () => text };
}

export function derivedValue(sources: readonly Expr[], render: (write: (source: Expr) => string) => string): ArgumentValue {
  return { sources, render };
}
