/**
 * Values for target roles the source call does not pass, derived from what it does pass:
 *
 * - `dst-capacity` ← `bytes` (ACL's `destMax` bounds the copy; the source copies `bytes`);
 * - `bytes` ← `count` × element size, when the dtype argument is a constant;
 * - `count` ← `bytes` / element size, likewise.
 */
import { ITEM_SIZE } from '../../runtime/dtype.js';
import { operand, type Expr } from '../ir/expr.js';
import type { EnumArgument } from '../ir/invocation.js';
import type { RoleKey } from '../ir/roles.js';
import { dtypeOfMeaning } from '../lift/role-lifter.js';
import { derivedValue, sourceValue, type ArgumentValue } from './argument-values.js';

export interface Derivation {
  readonly value: ArgumentValue;
  /** Source role keys the value uses. */
  readonly uses: readonly RoleKey[];
}

export function deriveRole(role: string, view: ReadonlyMap<RoleKey, Expr>, enums: ReadonlyMap<RoleKey, EnumArgument>): Derivation | undefined {
  const dtype = dtypeOfMeaning(enums.get('dtype')?.meaning);
  const size = dtype ? ITEM_SIZE[dtype] : undefined;
  if (role === 'dst-capacity') {
    const bytes = view.get('bytes');
    return bytes ? { value: sourceValue(bytes), uses: ['bytes'] } : undefined;
  }
  if (role === 'bytes') {
    const count = view.get('count');
    if (!count || size === undefined) return undefined;
    return { value: derivedValue([count], (w) => `${operand(w(count))} * ${size}`), uses: ['count', 'dtype'] };
  }
  if (role === 'count') {
    const bytes = view.get('bytes');
    if (!bytes || size === undefined) return undefined;
    return { value: derivedValue([bytes], (w) => `${operand(w(bytes))} / ${size}`), uses: ['bytes', 'dtype'] };
  }
  return undefined;
}
