/**
 * An invocation seen as arguments by role key, the form the generic lowerer fills target
 * parameters from. For an operator, the structure (inputs, outputs, attributes, descriptors,
 * per-tensor dtypes, stream) is spelled back as roles, so a structural lifter that fills only
 * the structure still feeds the generic lowerer.
 */
import type { Expr } from './expr.js';
import type { Invocation } from './invocation.js';
import type { RoleKey } from './roles.js';

export function roleView(invocation: Invocation): Map<RoleKey, Expr> {
  const view = new Map<RoleKey, Expr>(invocation.args);
  if (invocation.kind === 'primitive') return view;
  const add = (key: RoleKey, expr: Expr | undefined) => {
    if (expr && !view.has(key)) view.set(key, expr);
  };
  for (const [kind, tensors] of [['input', invocation.inputs], ['output', invocation.outputs]] as const) {
    for (const [name, t] of tensors) {
      add(`${kind}:${name}`, t.ptr);
      add(`desc:${name}`, t.descriptor);
      if (t.dtype?.expr && t.dtype.expr !== invocation.args.get('dtype')) add(`dtype:${name}`, t.dtype.expr);
    }
  }
  for (const [name, a] of invocation.attributes) {
    add(`attr:${name}`, a.expr);
  }
  add('stream', invocation.stream);
  return view;
}
