/**
 * A primitive invocation's arguments by the source signature's parameter names, for structural
 * modules that rewrite one call into another of a known shape (cuDNN's setters ↔ muDNN's).
 * Parameters without a role are keyed by name (`param:<name>`).
 */
import type { Expr } from './expr.js';
import type { EnumArgument, PrimitiveInvocation } from './invocation.js';
import { roleKeysOf } from './roles.js';

export interface NamedArgument {
  readonly expr: Expr;
  readonly enumArg?: EnumArgument;
}

/** Throws for a name the signature does not have: a structural module asked for a parameter it does not know. */
export function argumentsByName(invocation: PrimitiveInvocation): (name: string) => NamedArgument {
  const params = invocation.origin.entry.spec.params;
  const keys = roleKeysOf(params);
  return (name) => {
    const key = keys[params.findIndex((p) => p.name === name)] ?? `param:${name}`;
    const expr = invocation.args.get(key);
    if (!expr) throw new Error(`${invocation.origin.symbol} has no argument ${name}`);
    const enumArg = invocation.enums.get(key);
    return { expr, ...(enumArg ? { enumArg } : {}) };
  };
}
