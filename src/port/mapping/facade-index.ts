/**
 * What each name a facade exports stands for in the catalog, following the facade conventions
 * (docs/facades.md): functions under their vendor names (aliases too), C++ namespaces as objects
 * (`xpu::fc_fusion` is `xpu.fc_fusion`), enum members as constants, C++ scoped enums as frozen
 * objects named by their last segment (`Error_t.SUCCESS`), types under their names.
 */
import type { Catalog, EntryRecord, EnumRecord, TypeRecord } from '../../catalog/catalog.js';
import type { BackendId } from '../../catalog/vocabulary.js';
import type { EnumSpec } from '../../catalog/schema/mapping.js';
import { isHostHelper } from '../syntax/host-helpers.js';

export type EnumMember = EnumSpec['members'][number];

export type FacadeSymbol =
  | { readonly kind: 'entry'; readonly entry: EntryRecord }
  | { readonly kind: 'enum-member'; readonly enum: EnumRecord; readonly member: EnumMember }
  | { readonly kind: 'enum'; readonly enum: EnumRecord }
  | { readonly kind: 'type'; readonly type: TypeRecord }
  | { readonly kind: 'host' };

/** The facade spelling of a catalog name: `xpu::fc_fusion` → `xpu.fc_fusion`. */
export function facadePath(cName: string): string {
  return cName.split('::').join('.');
}

/** The facade name of an enum or type: C++ scoped names are exported by their last segment. */
export function exportedTypeName(cName: string): string {
  return cName.includes('::') ? cName.split('::').pop()! : cName;
}

export class FacadeIndex {
  private readonly byPath = new Map<string, FacadeSymbol>();

  constructor(catalog: Catalog, backend: BackendId) {
    const b = catalog.backend(backend);
    const add = (path: string, symbol: FacadeSymbol) => {
      if (!this.byPath.has(path)) this.byPath.set(path, symbol);
    };
    for (const entry of b.entries.values()) {
      add(facadePath(entry.spec.symbol), { kind: 'entry', entry });
      for (const alias of entry.spec.aliases ?? []) add(facadePath(alias), { kind: 'entry', entry });
    }
    for (const e of b.enums.values()) {
      const scoped = e.spec.name.includes('::');
      const name = exportedTypeName(e.spec.name);
      add(name, { kind: 'enum', enum: e });
      for (const member of e.spec.members) add(scoped ? `${name}.${member.name}` : member.name, { kind: 'enum-member', enum: e, member });
      // An unscoped enum inside a struct (`xpu::Activation_t::act_enum`): C++ names its members through the struct (`xpu::Activation_t::RELU`).
      const segments = e.spec.name.split('::');
      if (segments.length >= 3) for (const member of e.spec.members) add(facadePath([...segments.slice(0, -1), member.name].join('::')), { kind: 'enum-member', enum: e, member });
    }
    for (const t of b.types.values()) {
      add(facadePath(t.spec.name), { kind: 'type', type: t });
      add(exportedTypeName(t.spec.name), { kind: 'type', type: t });
    }
  }

  /**
   * The symbol named by the longest prefix of `path` (member names after the facade binding),
   * with how many names it used: `cuda.CUBLAS_OP_N.toString` resolves `CUBLAS_OP_N` (1 name).
   */
  resolve(path: readonly string[]): { symbol: FacadeSymbol; length: number } | undefined {
    if (path.length > 0 && isHostHelper(path[0])) return { symbol: { kind: 'host' }, length: 1 };
    for (let n = path.length; n >= 1; n--) {
      const symbol = this.byPath.get(path.slice(0, n).join('.'));
      if (symbol) return { symbol, length: n };
    }
    return undefined;
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }
}

const indexes = new WeakMap<Catalog, Map<BackendId, FacadeIndex>>();

export function facadeIndex(catalog: Catalog, backend: BackendId): FacadeIndex {
  let perCatalog = indexes.get(catalog);
  if (!perCatalog) indexes.set(catalog, (perCatalog = new Map()));
  let index = perCatalog.get(backend);
  if (!index) perCatalog.set(backend, (index = new FacadeIndex(catalog, backend)));
  return index;
}
