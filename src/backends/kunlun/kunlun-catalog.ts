/**
 * What the Kunlun facade reads from the catalog instead of restating it: enum members found
 * by their `meaning` tag (copy directions, statuses, BKCL data types and ops, activations),
 * and per-entry facts (template parameters, dtypes, default profile).
 */
import type { EntryRecord } from '../../catalog/catalog.js';
import { loadCatalog } from '../../catalog/load-catalog.js';
import type { EnumSpec } from '../../catalog/schema/mapping.js';

export const KUNLUN = 'kunlun' as const;

type EnumMember = EnumSpec['members'][number];

/** An enum member's value as the generated constants export it (its name when unconfirmed). */
export function memberValue(member: EnumMember): number | string {
  return member.value ?? member.name;
}

export function kunlunEnum(name: string): EnumSpec {
  const record = loadCatalog().backend(KUNLUN).enums.get(name);
  if (!record) throw new Error(`the kunlun catalog has no enum '${name}'`);
  return record.spec;
}

/** The value of the member of `enumName` tagged `meaning` (the first, when aliases share it). */
export function valueWithMeaning(enumName: string, meaning: string): number | string {
  const member = kunlunEnum(enumName).members.find((m) => m.meaning === meaning);
  if (!member) throw new Error(`kunlun enum ${enumName} has no member meaning '${meaning}'`);
  return memberValue(member);
}

/** The meaning of the member of `enumName` whose value is `value`, if any. */
export function meaningOf(enumName: string, value: unknown): string | undefined {
  return kunlunEnum(enumName).members.find((m) => memberValue(m) === value)?.meaning;
}

/** The member name for `value` (the first member when several share a value). */
export function memberName(enumName: string, value: unknown): string {
  return kunlunEnum(enumName).members.find((m) => memberValue(m) === value)?.name ?? String(value);
}

export function kunlunEntry(symbol: string): EntryRecord {
  return loadCatalog().entryOrThrow(KUNLUN, symbol);
}
