/**
 * Generates each facade's enum constants from the catalog, so facades never restate vendor
 * values: `export const CUBLAS_OP_T = 1;` plus a union type per enum. Members whose numeric
 * value is unconfirmed (null in the catalog) are exported as their own name (a string), so
 * code keeps working without pretending to know the number. C++ scoped enums
 * (`cudnn_frontend::PointwiseMode_t`) become frozen objects keyed by member.
 */
import type { Catalog, EnumRecord } from '../../catalog/catalog.js';
import type { BackendId } from '../../catalog/vocabulary.js';

export const GENERATED_HEADER = '// Generated from the catalog by `npm run generate`. Do not edit by hand.\n';

function literal(value: number | null, name: string): string {
  return value === null ? JSON.stringify(name) : String(value);
}

function scopedName(name: string): string {
  return name.split('::').pop() ?? name;
}

function emitEnum(record: EnumRecord, out: string[]): void {
  const spec = record.spec;
  const doc = `/** ${spec.name} (${record.library}, ${record.spec.confidence}${spec.members.some((m) => m.value === null) ? '; values unconfirmed, names used as values' : ''}). */`;
  if (spec.name.includes('::')) {
    const name = scopedName(spec.name);
    out.push(doc);
    out.push(`export const ${name} = Object.freeze({`);
    for (const m of spec.members) out.push(`  ${scopedName(m.name)}: ${literal(m.value, scopedName(m.name))},`);
    out.push('} as const);');
    out.push(`export type ${name} = (typeof ${name})[keyof typeof ${name}];`);
    out.push('');
    return;
  }
  out.push(doc);
  for (const m of spec.members) out.push(`export const ${m.name} = ${literal(m.value, m.name)};`);
  const values = [...new Set(spec.members.map((m) => literal(m.value, m.name)))];
  out.push(`export type ${spec.name} = ${values.join(' | ')};`);
  out.push('');
}

/** The constants module of one backend's facade. Throws if two enums export one name. */
export function generateFacadeConstants(catalog: Catalog, backend: BackendId): string {
  const enums = [...catalog.backend(backend).enums.values()].sort(
    (a, b) => a.library.localeCompare(b.library) || a.spec.name.localeCompare(b.spec.name),
  );
  const seen = new Map<string, string>();
  for (const e of enums) {
    const names = e.spec.name.includes('::') ? [scopedName(e.spec.name)] : [e.spec.name, ...e.spec.members.map((m) => m.name)];
    for (const n of names) {
      const other = seen.get(n);
      if (other && other !== e.spec.name) {
        throw new Error(`${backend}: '${n}' is exported by both enum ${other} and enum ${e.spec.name}`);
      }
      seen.set(n, e.spec.name);
    }
  }
  const out: string[] = [GENERATED_HEADER, `/* eslint-disable */`, `// Enum constants of the ${backend} facade.`, ''];
  for (const e of enums) emitEnum(e, out);
  return `${out.join('\n').trimEnd()}\n`;
}

export function facadeConstantsPath(backend: BackendId): string {
  return `src/backends/${backend}/constants.generated.ts`;
}
