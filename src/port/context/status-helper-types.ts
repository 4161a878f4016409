/**
 * The target status type each status helper of a file takes. A helper's parameter type is
 * ported like any type (`cnnlStatus_t` → `cudnnStatus_t`), but where the source has one status
 * type for what the target splits into several libraries (CNNL and XDNN serve both cuBLAS's and
 * cuDNN's calls), helpers of one shape written per library (`checkCublas`, `checkCudnn`, both
 * `(status: cnnlStatus_t, what: string)`) would all get the same target type. Then those helpers
 * take distinct status types among those their calls become (the helper whose calls agree most on
 * a type takes it first: `checkCudnn`, all of whose calls become cuDNN's, before `checkCublas`,
 * whose calls are half cuBLAS's), and a helper alone with its type the status type all of its
 * calls agree on (XDNN's `Error_t` ports to `cudnnStatus_t`, but a helper only cuBLAS calls reach
 * is cuBLAS's; where its calls are split and none has the type its declared one ports to, the
 * type most of them have), never a type another helper of its shape keeps; the file porter retypes it and
 * routes each status to the helper of its type. Only calls whose source status has the helper's
 * declared type count: a cuDNN call checked by a `cublasStatus_t` helper in CUDA code says
 * nothing about that helper's type.
 */
import type { EnumRecord } from '../../catalog/catalog.js';
import { sameShape, type StatusHelper } from './status-helpers.js';

const key = (e: EnumRecord) => `${e.backend}\u0000${e.spec.name}`;

/**
 * @param mapped the target status enum each helper's declared type ports to
 * @param received per helper, the target status enums of the calls passed to it whose source
 *   status has the helper's declared type (one per call)
 * @returns the helpers whose type changes, by name, with their new status enum
 */
export function helperStatusTypes(
  helpers: readonly StatusHelper[],
  mapped: (helper: StatusHelper) => EnumRecord | undefined,
  received: (helper: StatusHelper) => readonly EnumRecord[],
): Map<string, EnumRecord> {
  const retyped = new Map<string, EnumRecord>();
  const done = new Set<StatusHelper>();
  for (const first of helpers) {
    if (done.has(first)) continue;
    const group = helpers.filter((h) => sameShape(h, first) && mapped(h) !== undefined);
    for (const h of group) done.add(h);
    const collides = (h: StatusHelper) => group.some((o) => o !== h && key(mapped(o)!) === key(mapped(h)!));
    // Each (helper, status type) it receives, with the share of its calls that have that type.
    const pairs: { helper: StatusHelper; status: EnumRecord; count: number; share: number; order: number }[] = [];
    const taken = new Set<string>();
    const assigned = new Map<StatusHelper, EnumRecord>();
    group.forEach((helper, order) => {
      const statuses = received(helper);
      const counts = new Map<string, { status: EnumRecord; count: number }>();
      for (const status of statuses) counts.set(key(status), { status, count: (counts.get(key(status))?.count ?? 0) + 1 });
      const own = [...counts.values()];
      // A helper alone with its type keeps it while any of its calls has it (the others' statuses
      // get a copy of the helper, status-helper-copies.ts); it takes another only when none does.
      if (!collides(helper) && (own.length === 0 || own.some((c) => key(c.status) === key(mapped(helper)!)))) {
        assigned.set(helper, mapped(helper)!);
        taken.add(key(mapped(helper)!));
        return;
      }
      for (const c of own) pairs.push({ helper, status: c.status, count: c.count, share: c.count / statuses.length, order });
    });
    // Most decided first: a helper all of whose calls have one type takes it before a helper
    // whose calls are split takes the same type.
    pairs.sort((a, b) => b.share - a.share || b.count - a.count || a.order - b.order);
    for (const p of pairs) {
      if (assigned.has(p.helper) || taken.has(key(p.status))) continue;
      assigned.set(p.helper, p.status);
      taken.add(key(p.status));
    }
    for (const [helper, status] of assigned) if (key(status) !== key(mapped(helper)!)) retyped.set(helper.name, status);
  }
  return retyped;
}
