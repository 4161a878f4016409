/**
 * Enum members of the Cambricon catalog looked up by value, so the facade maps vendor enums
 * by their catalog `meaning` (copy directions, dtypes, layouts, modes) instead of restating
 * numbers. A member whose value is unconfirmed is exported as its own name, so a value may
 * be that name.
 */
import type { EnumSpec } from '../../catalog/schema/mapping.js';
import { loadCatalog } from '../../catalog/load-catalog.js';
import type { DType } from '../../runtime/dtype.js';
import { isDType } from '../../runtime/dtype.js';

type Member = EnumSpec['members'][number];

const cache = new Map<string, readonly Member[]>();

function members(enumName: string): readonly Member[] {
  let list = cache.get(enumName);
  if (!list) {
    const record = loadCatalog().backend('cambricon').enums.get(enumName);
    if (!record) throw new Error(`cambricon catalog has no enum ${enumName}`);
    list = record.spec.members;
    cache.set(enumName, list);
  }
  return list;
}

/** The catalog member a C value stands for (first match, as aliases share values). */
export function enumMember(enumName: string, value: unknown): Member | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  return members(enumName).find((m) => (m.value === null ? m.name === value : m.value === value));
}

/** The member's meaning tag (`copy.host-to-device`, `dtype.float32`, ...). */
export function enumMeaning(enumName: string, value: unknown): string | undefined {
  return enumMember(enumName, value)?.meaning;
}

/** The member's name, or a readable fallback for values the enum does not have. */
export function enumName(enumName: string, value: unknown): string {
  return enumMember(enumName, value)?.name ?? `${String(value)} (not a ${enumName} value)`;
}

/** The runtime dtype a `dtype.*` meaning names, if the runtime has it. */
export function dtypeOfMeaning(meaning: string | undefined): DType | undefined {
  const name = meaning?.startsWith('dtype.') ? meaning.slice('dtype.'.length) : undefined;
  return name !== undefined && isDType(name) ? name : undefined;
}

/** The member of `enumName` whose meaning is `dtype.<dtype>` (for messages and knobs). */
export function memberForDType(enumName: string, dtype: DType): Member | undefined {
  return members(enumName).find((m) => m.meaning === `dtype.${dtype}`);
}
