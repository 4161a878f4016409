/**
 * Member names of the CUDA catalog's enums, for status names in diagnostics and for
 * cudaGetErrorName: read from the catalog, never restated.
 */
import { loadCatalog } from '../../catalog/load-catalog.js';

const cache = new Map<string, ReadonlyMap<number, string>>();

/** value → first member name of `enumName` (aliases such as CUBLAS_OP_HERMITAN lose to the first). */
export function enumMemberNames(enumName: string): ReadonlyMap<number, string> {
  let names = cache.get(enumName);
  if (!names) {
    const record = loadCatalog().backend('cuda').enums.get(enumName);
    if (!record) throw new Error(`the cuda catalog has no enum ${enumName}`);
    const map = new Map<number, string>();
    for (const m of record.spec.members) if (m.value !== null && !map.has(m.value)) map.set(m.value, m.name);
    cache.set(enumName, (names = map));
  }
  return names;
}

/** A status name for messages: the member name, or the number when the enum lacks it. */
export function statusName(enumName: string, code: number): string {
  return enumMemberNames(enumName).get(code) ?? `${enumName}(${code})`;
}

/** Whether `value` is a member of `enumName`. */
export function isEnumMember(enumName: string, value: unknown): value is number {
  return typeof value === 'number' && enumMemberNames(enumName).has(value);
}
