/**
 * What one backend's catalog knows by name: functions (and their aliases), opaque types,
 * enums and enum members, so the scanners can recognise a symbol and the join can describe
 * it. Enum members are also indexed qualified (`DataType_t::HALF`) for C++ enum classes.
 */
import type { Catalog, EntryRecord, EnumRecord, TypeRecord } from '../catalog/catalog.js';
import type { BackendId, Confidence } from '../catalog/vocabulary.js';

/** What kind of API a symbol is; entry kinds come from the catalog. */
export type ApiKind = 'function' | 'method' | 'constructor' | 'macro' | 'type' | 'enum' | 'enum-member';

export const API_KINDS: readonly ApiKind[] = ['function', 'method', 'constructor', 'macro', 'type', 'enum', 'enum-member'];

interface KnownBase {
  readonly backend: BackendId;
  /** The catalog's spelling (an entry's symbol, not the alias the code used). */
  readonly symbol: string;
  readonly library: string;
  readonly file: string;
  readonly line: number | undefined;
  readonly confidence: Confidence;
}

export type KnownSymbol =
  | (KnownBase & { readonly kind: 'function' | 'method' | 'constructor' | 'macro'; readonly entry: EntryRecord })
  | (KnownBase & { readonly kind: 'type'; readonly type: TypeRecord })
  | (KnownBase & { readonly kind: 'enum'; readonly enum: EnumRecord })
  | (KnownBase & { readonly kind: 'enum-member'; readonly enum: EnumRecord; readonly member: EnumRecord['spec']['members'][number] });

export class SymbolIndex {
  private readonly byName = new Map<string, KnownSymbol>();

  constructor(
    readonly catalog: Catalog,
    readonly backend: BackendId,
  ) {
    const b = catalog.backend(backend);
    const base = (r: { library: string; file: string; line: number | undefined }, symbol: string, confidence: Confidence) => ({
      backend,
      symbol,
      library: r.library,
      file: r.file,
      line: r.line,
      confidence,
    });
    // Members first, then types, enums and entries: a later kind wins a name clash, and a
    // function is the most useful thing a name can resolve to.
    // Scoped C++ enums (`cudnn_frontend::PointwiseMode_t`) are also reachable by their last
    // segment, as the facades export them (`PointwiseMode_t.GELU_FWD`).
    for (const e of b.enums.values()) {
      const enumNames = unique([e.spec.name, lastSegment(e.spec.name)]);
      for (const member of e.spec.members) {
        const memberName = lastSegment(member.name);
        const symbol = member.name.includes('::') ? member.name : `${e.spec.name}::${member.name}`;
        const known: KnownSymbol = { ...base(e, e.spec.name.includes('::') ? symbol : member.name, e.spec.confidence), kind: 'enum-member', enum: e, member };
        for (const n of unique([member.name, ...enumNames.map((en) => `${en}::${memberName}`)])) this.byName.set(n, known);
        if (!this.byName.has(memberName)) this.byName.set(memberName, known);
      }
    }
    for (const t of b.types.values()) this.byName.set(t.spec.name, { ...base(t, t.spec.name, t.spec.confidence), kind: 'type', type: t });
    for (const e of b.enums.values()) {
      const known: KnownSymbol = { ...base(e, e.spec.name, e.spec.confidence), kind: 'enum', enum: e };
      for (const n of unique([e.spec.name, lastSegment(e.spec.name)])) this.byName.set(n, known);
    }
    for (const entry of b.entries.values()) {
      const known: KnownSymbol = { ...base(entry, entry.spec.symbol, entry.spec.confidence), kind: entry.spec.kind, entry };
      for (const alias of entry.spec.aliases ?? []) this.byName.set(alias, known);
      this.byName.set(entry.spec.symbol, known);
    }
  }

  get(name: string): KnownSymbol | undefined {
    return this.byName.get(name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /**
   * Resolves a C++ qualified name such as `cudnn_frontend::graph::Graph` or
   * `cudnn_frontend::DataType_t::HALF`: the name itself, the class's constructor
   * (`…::Graph::Graph`), or the name without its outermost namespace (catalogs may list
   * enum classes unqualified).
   */
  resolveQualified(name: string): KnownSymbol | undefined {
    const direct = this.byName.get(name);
    if (direct) return direct;
    const segments = name.split('::');
    const constructor = this.byName.get(`${name}::${segments[segments.length - 1]}`);
    if (constructor?.kind === 'constructor') return constructor;
    if (segments.length > 2) {
      const inner = this.byName.get(segments.slice(1).join('::'));
      if (inner) return inner;
    }
    return undefined;
  }

  /** Number of names known (aliases and qualified member names included). */
  get size(): number {
    return this.byName.size;
  }
}

function lastSegment(name: string): string {
  const at = name.lastIndexOf('::');
  return at < 0 ? name : name.slice(at + 2);
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}
