/**
 * Type references across backends: an enum type maps to the corresponding enum; an opaque
 * type maps through the catalog's `cuda:` equivalence (`aclrtStream` ~ `cudaStream_t`), then,
 * when the target has exactly one type of the same kind, by kind (a handle goes to the target's
 * one context type when the target has no handle types).
 */
import type { Catalog, EnumRecord, TypeRecord } from '../../catalog/catalog.js';
import type { BackendId } from '../../catalog/vocabulary.js';
import { correspondingEnum } from './enum-mapping.js';

export type TypeTarget = { readonly kind: 'enum'; readonly enum: EnumRecord } | { readonly kind: 'type'; readonly type: TypeRecord };

export function correspondingType(catalog: Catalog, source: TypeRecord | EnumRecord, target: BackendId): TypeTarget | undefined {
  const sourceBackend = source.backend;
  const enumRecord = catalog.backend(sourceBackend).enums.get(source.spec.name);
  if (enumRecord) {
    const e = correspondingEnum(catalog, enumRecord, target);
    if (e) return { kind: 'enum', enum: e };
  }
  const type = catalog.backend(sourceBackend).types.get(source.spec.name);
  if (!type) return undefined;
  if (sourceBackend === target) return { kind: 'type', type };
  const cudaName = sourceBackend === 'cuda' ? type.spec.name : type.spec.cuda;
  const targetTypes = [...catalog.backend(target).types.values()];
  if (cudaName) {
    if (target === 'cuda') {
      const t = catalog.backend('cuda').types.get(cudaName);
      if (t) return { kind: 'type', type: t };
    } else {
      const matches = targetTypes.filter((t) => t.spec.cuda === cudaName);
      const sameKind = matches.filter((t) => t.spec.kind === type.spec.kind);
      const chosen = (sameKind.length ? sameKind : matches).sort((a, b) => a.spec.name.localeCompare(b.spec.name))[0];
      if (chosen) return { kind: 'type', type: chosen };
    }
  }
  const byKind = targetTypes.filter((t) => t.spec.kind === type.spec.kind);
  if (byKind.length === 1) return { kind: 'type', type: byKind[0] };
  // A library handle on a target whose libraries have no handles but one context (XDNN's
  // xpu::Context stands for the cuBLAS, cuBLASLt and cuDNN handles alike).
  if (type.spec.kind === 'handle' && byKind.length === 0) {
    const contexts = targetTypes.filter((t) => t.spec.kind === 'context');
    if (contexts.length === 1) return { kind: 'type', type: contexts[0] };
  }
  return undefined;
}
