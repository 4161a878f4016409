/**
 * Target argument values built from source expressions. A value remembers which source
 * arguments it evaluates, so the lowerer can tell when the target order would run impure
 * arguments in another order (or twice) and hoist them into constants first.
 */
import type { ArgumentComments, Expr } from '../ir/expr.js';

export interface ArgumentValue {
  /** Source arguments this value evaluates. */
  readonly sources: readonly Expr[];
  /** The source argument whose comments go with this value (the first value that uses it). */
  readonly commentsOf?: Expr;
  /** The text, with each source argument written as `write(source)` gives it. */
  render(write: (source: Expr) => string): string;
}

export function sourceValue(expr: Expr): ArgumentValue {
  return { sources: [expr], commentsOf: expr, render: (write) => write(expr) };
}

/** Generated text; `replacing` is the source argument it stands for (a mapped enum member). */
export function textValue(text: string, replacing?: Expr): ArgumentValue {
  return { sources: [], ...(replacing ? { commentsOf: replacing } : {}), render: () => text };
}

export type { ArgumentComments };

export function derivedValue(sources: readonly Expr[], render: (write: (source: Expr) => string) => string): ArgumentValue {
  return { sources, render };
}
