/**
 * The target status type each status helper of a file takes. A helper's parameter type is
 * ported like any type (`cnnlStatus_t` → `cudnnStatus_t`), but where the source has one status
 * type for what the target splits into several libraries (CNNL and XDNN serve both cuBLAS's and
 * cuDNN's calls), helpers of one shape written per library (`checkCublas`, `checkCudnn`, both
 * `(status: cnnlStatus_t, what: string)`) would all get the same target type. Then a colliding
 * helper takes the status type of the calls it receives most (the statuses the source calls
 * passed to it become), and a helper alone with its type the status type all of its calls
 * agree on (XDNN's `Error_t` ports to `cudnnStatus_t`, but a helper only cuBLAS calls reach is
 * cuBLAS's), when its declared type can stand for that type (the catalog's calls relate them)
 * and no other helper of its shape already has it; the file porter retypes it and routes each
 * status to the helper of its type. A `cublasStatus_t` helper is never retyped to cuDNN's.
 */
import type { EnumRecord } from '../../catalog/catalog.js';
import { sameShape, type StatusHelper } from './status-helpers.js';

const key = (e: EnumRecord) => `${e.backend}\u0000${e.spec.name}`;

/**
 * @param mapped the target status enum each helper's declared type ports to
 * @param received per helper, the target status enums of the calls passed to it (one per call)
 * @param candidates per helper, the target status enums its declared type may stand for (those it
 *   meets in the catalog's answered calls): a helper is only ever retyped to one of them
 * @returns the helpers whose type changes, by name, with their new status enum
 */
export function helperStatusTypes(
  helpers: readonly StatusHelper[],
  mapped: (helper: StatusHelper) => EnumRecord | undefined,
  received: (helper: StatusHelper) => readonly EnumRecord[],
  candidates: (helper: StatusHelper) => readonly EnumRecord[],
): Map<string, EnumRecord> {
  const retyped = new Map<string, EnumRecord>();
  const typeOf = (h: StatusHelper) => retyped.get(h.name) ?? mapped(h);
  for (const helper of helpers) {
    const own = mapped(helper);
    if (!own) continue;
    const group = helpers.filter((h) => h !== helper && sameShape(h, helper));
    const collides = group.some((h) => mapped(h) !== undefined && key(mapped(h)!) === key(own));
    const counts = new Map<string, { status: EnumRecord; count: number }>();
    for (const status of received(helper)) {
      const c = counts.get(key(status)) ?? { status, count: 0 };
      counts.set(key(status), { status, count: c.count + 1 });
    }
    const ranked = [...counts.values()].sort((a, b) => b.count - a.count);
    const top = ranked[0];
    if (!top || key(top.status) === key(own) || !candidates(helper).some((c) => key(c) === key(top.status))) continue;
    // Colliding: the status it receives most; otherwise only a type every call agrees on.
    if (collides ? ranked[1] !== undefined && ranked[1].count === top.count : ranked.length > 1) continue;
    if (group.some((h) => typeOf(h) !== undefined && key(typeOf(h)!) === key(top.status))) continue;
    retyped.set(helper.name, top.status);
  }
  return retyped;
}
