/**
 * How a CUDA-compatible target's catalog entry maps onto the CUDA facade function it mirrors
 * (the entry's `cuda` symbol): which CUDA argument each target argument becomes. Same names
 * (or the same roles) in the same order is the usual case; a target that declares the same
 * arguments in another order is matched by role. Anything else (an extra or missing
 * argument) needs a hand-written adapter, and `planCall` says so.
 */
import type { Catalog, EntryRecord } from '../../catalog/catalog.js';
import type { ParamSpec } from '../../catalog/schema/mapping.js';
import type { BackendId } from '../../catalog/vocabulary.js';

export interface ParamPlan {
  readonly target: ParamSpec;
  readonly targetIndex: number;
  readonly cuda: ParamSpec;
  readonly cudaIndex: number;
}

export interface CallPlan {
  readonly symbol: string;
  readonly cudaSymbol: string;
  readonly target: EntryRecord;
  readonly cudaEntry: EntryRecord;
  readonly params: readonly ParamPlan[];
}

export type PlanOutcome = { readonly plan: CallPlan } | { readonly reason: string };

/** Strips qualifiers and pointer / reference marks: `const mublasMath_t*` → `mublasMath_t`. */
export function baseType(cType: string): string {
  return cType.replace(/\b(const|volatile|struct|enum)\b/g, '').replace(/[*&\s]|\[\]/g, '');
}

/**
 * Enum typedef names of a backend's catalog → the enum they name (`cudaDataType` →
 * `cudaDataType_t`, from `typedef enum cudaDataType_t cudaDataType` in library_types.h).
 */
export function enumTypedefs(catalog: Catalog, backend: BackendId): Map<string, string> {
  const typedefs = new Map<string, string>();
  for (const t of catalog.backend(backend).types.values()) {
    const named = /^typedef\s+enum\s+(\w+)\s+(\w+)$/.exec(t.spec.definition?.trim() ?? '');
    if (named && named[2] === t.spec.name && named[1] !== named[2]) typedefs.set(named[2], named[1]);
  }
  return typedefs;
}

/** Whether a parameter is written by the callee through a pointer (a C out-parameter). */
export function isOutPointer(param: ParamSpec): boolean {
  return param.dir === 'out' && /[*&]\s*$/.test(param.type.trim());
}

function sameSequence(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export function planCall(catalog: Catalog, backend: BackendId, target: EntryRecord): PlanOutcome {
  const spec = target.spec;
  const cudaSymbol = spec.cuda?.[0];
  if (!cudaSymbol) return { reason: `${spec.symbol} names no CUDA symbol` };
  const cudaEntry = catalog.entry('cuda', cudaSymbol);
  if (!cudaEntry) return { reason: `${spec.symbol} mirrors ${cudaSymbol}, which the CUDA catalog lacks` };
  if ((spec.kind ?? 'function') !== 'function') return { reason: `${spec.symbol} is a ${spec.kind}` };
  const t = spec.params;
  const c = cudaEntry.spec.params;
  if (t.length !== c.length) return { reason: `${spec.symbol} has ${t.length} parameters, ${cudaSymbol} ${c.length}` };
  const tRoles = t.map((p) => p.role ?? p.name);
  const cRoles = c.map((p) => p.role ?? p.name);
  let order: number[];
  if (sameSequence(t.map((p) => p.name), c.map((p) => p.name)) || sameSequence(tRoles, cRoles)) {
    order = t.map((_, i) => i);
  } else {
    const unique = new Set(cRoles).size === cRoles.length && new Set(tRoles).size === tRoles.length;
    order = tRoles.map((r) => cRoles.indexOf(r));
    if (!unique || order.some((i) => i < 0)) return { reason: `${spec.symbol}'s parameters are not ${cudaSymbol}'s in any order` };
  }
  const params = t.map((p, i) => ({ target: p, targetIndex: i, cuda: c[order[i]], cudaIndex: order[i] }));
  return { plan: { symbol: spec.symbol, cudaSymbol, target, cudaEntry, params } };
}

/** Whether backend's entry is one a facade must export (the meta-test's rule). */
export function isCallable(entry: EntryRecord): boolean {
  const s = entry.spec;
  return s.status !== 'unsupported' && s.status !== 'unknown' && s.kind !== 'macro';
}
