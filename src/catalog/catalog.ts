/**
 * The loaded catalog: operators, per-backend vendor entries, enums, types, gaps and numeric
 * profiles, with the lookups every consumer needs. Built by `loadCatalog`.
 */
import { OpbridgeError } from '../errors.js';
import { GOLDEN_PROFILE, IEEE_PROFILE, withOverrides, type NumericProfile } from '../runtime/numerics/numeric-profile.js';
import { closestName } from '../text/closest-name.js';
import type { Source } from './schema/provenance.js';
import type { EntrySpec, EnumSpec, GapSpec, TypeSpec } from './schema/mapping.js';
import type { OperatorSpec } from './schema/operator.js';
import type { KnobSpec, ProfileSpec } from './schema/profile.js';
import { BACKENDS, type BackendId } from './vocabulary.js';

export interface Located {
  readonly file: string;
  readonly line: number | undefined;
}

export interface OperatorRecord extends Located {
  readonly spec: OperatorSpec;
}

export interface EntryRecord extends Located {
  readonly backend: BackendId;
  readonly library: string;
  readonly header: string | undefined;
  readonly spec: EntrySpec;
  /** Provenance with `source:` references resolved against the file's sources table. */
  readonly sources: readonly Source[];
}

export interface EnumRecord extends Located {
  readonly backend: BackendId;
  readonly library: string;
  readonly spec: EnumSpec;
  readonly sources: readonly Source[];
}

export interface TypeRecord extends Located {
  readonly backend: BackendId;
  readonly library: string;
  readonly spec: TypeSpec;
  readonly sources: readonly Source[];
}

export interface GapRecord extends Located {
  readonly backend: BackendId;
  readonly library: string;
  readonly spec: GapSpec;
  readonly sources: readonly Source[];
}

export interface ProfileRecord extends Located {
  readonly backend: BackendId;
  readonly spec: ProfileSpec;
  readonly sources: readonly Source[];
}

export interface KnobRecord extends Located {
  readonly backend: BackendId;
  readonly spec: KnobSpec;
}

export interface LibraryRecord extends Located {
  readonly backend: BackendId;
  readonly library: string;
  readonly version: string;
}

export interface BackendCatalog {
  readonly id: BackendId;
  readonly libraries: LibraryRecord[];
  readonly entries: Map<string, EntryRecord>;
  readonly enums: Map<string, EnumRecord>;
  readonly types: Map<string, TypeRecord>;
  readonly gaps: Map<string, GapRecord>;
  readonly profiles: Map<string, ProfileRecord>;
  readonly knobs: KnobRecord[];
  defaultProfile: string | undefined;
}

export function emptyBackend(id: BackendId): BackendCatalog {
  return {
    id,
    libraries: [],
    entries: new Map(),
    enums: new Map(),
    types: new Map(),
    gaps: new Map(),
    profiles: new Map(),
    knobs: [],
    defaultProfile: undefined,
  };
}

export class Catalog {
  readonly operators = new Map<string, OperatorRecord>();
  readonly backends = new Map<BackendId, BackendCatalog>(BACKENDS.map((b) => [b, emptyBackend(b)]));
  private aliasIndex: Map<string, EntryRecord> | undefined;
  private readonly resolvedProfiles = new Map<string, NumericProfile>();

  backend(id: BackendId): BackendCatalog {
    const b = this.backends.get(id);
    if (!b) throw new OpbridgeError(`unknown backend '${id}'`);
    return b;
  }

  operator(id: string): OperatorRecord | undefined {
    return this.operators.get(id);
  }

  /** An entry by symbol or alias (e.g. cublasSgemm_v2). */
  entry(backend: BackendId, symbol: string): EntryRecord | undefined {
    const direct = this.backend(backend).entries.get(symbol);
    if (direct) return direct;
    if (!this.aliasIndex) {
      this.aliasIndex = new Map();
      for (const b of this.backends.values()) {
        for (const e of b.entries.values()) for (const a of e.spec.aliases ?? []) this.aliasIndex.set(`${b.id}\u0000${a}`, e);
      }
    }
    return this.aliasIndex.get(`${backend}\u0000${symbol}`);
  }

  entryOrThrow(backend: BackendId, symbol: string): EntryRecord {
    const e = this.entry(backend, symbol);
    if (e) return e;
    const suggestion = closestName(symbol, this.backend(backend).entries.keys());
    throw new OpbridgeError(`the ${backend} catalog has no entry '${symbol}'`, {
      fix: suggestion ? `did you mean '${suggestion}'?` : `run \`opbridge catalog list --backend ${backend}\``,
    });
  }

  /** The enum that declares `member` on `backend`, with the member. */
  enumMember(backend: BackendId, member: string): { enum: EnumRecord; member: EnumSpec['members'][number] } | undefined {
    for (const e of this.backend(backend).enums.values()) {
      const m = e.spec.members.find((x) => x.name === member);
      if (m) return { enum: e, member: m };
    }
    return undefined;
  }

  /** All entries across backends, in a stable order (backend order, then symbol). */
  allEntries(): EntryRecord[] {
    return [...this.backends.values()].flatMap((b) => [...b.entries.values()].sort((x, y) => x.spec.symbol.localeCompare(y.spec.symbol)));
  }

  /** Resolves a profile id (with its `extends` chain) to runtime numerics. */
  profile(id: string): NumericProfile {
    if (id === 'golden') return GOLDEN_PROFILE;
    if (id === 'ieee') return IEEE_PROFILE;
    const cached = this.resolvedProfiles.get(id);
    if (cached) return cached;
    const record = this.findProfile(id);
    if (!record) {
      const all = [...this.backends.values()].flatMap((b) => [...b.profiles.keys()]);
      const suggestion = closestName(id, all);
      throw new OpbridgeError(`unknown numeric profile '${id}'`, {
        fix: suggestion ? `did you mean '${suggestion}'?` : 'profiles are defined in profiles/<backend>.yaml',
      });
    }
    const seen = new Set<string>([id]);
    let base = record.spec.extends;
    while (!['golden', 'ieee'].includes(base) && this.findProfile(base)) {
      if (seen.has(base)) throw new OpbridgeError(`numeric profile '${id}' extends itself through '${base}'`);
      seen.add(base);
      base = this.findProfile(base)!.spec.extends;
    }
    const { id: _id, summary: _s, extends: parent, provenance: _p, confidence: _c, notes: _n, ...overrides } = record.spec;
    const resolved = withOverrides(this.profile(parent), overrides, id);
    this.resolvedProfiles.set(id, resolved);
    return resolved;
  }

  findProfile(id: string): ProfileRecord | undefined {
    for (const b of this.backends.values()) {
      const p = b.profiles.get(id);
      if (p) return p;
    }
    return undefined;
  }

  /** The profile a backend applies when no knob is set. */
  defaultProfile(backend: BackendId): NumericProfile {
    const id = this.backend(backend).defaultProfile;
    return id ? this.profile(id) : IEEE_PROFILE;
  }

  knobsFor(backend: BackendId, symbol: string): KnobRecord[] {
    return this.backend(backend).knobs.filter((k) => k.spec.symbol === symbol);
  }
}
