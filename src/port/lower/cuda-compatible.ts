/**
 * CUDA-compatible targets (MACA, T-Head, and MUSA for cuBLAS) take the CUDA lowerers' code with
 * the names spelled their way: a lowerer written for CUDA runs with a TargetNames that turns each
 * CUDA name into the target's, through the catalog — a function into the target entry whose
 * `cuda:` names it *with the same parameters by role* (a rename: the CUDA argument list stays
 * right), a type into its corresponding type, an enum member into the corresponding enum's member
 * with the same meaning. Host helpers (`ref`) stay. A name with no such counterpart makes the
 * lowering decline (OB1019, naming it) rather than write a call with another signature.
 */
import type { Catalog, EntryRecord, EnumRecord } from '../../catalog/catalog.js';
import type { BackendId } from '../../catalog/vocabulary.js';
import { pending } from '../diagnostics/port-diagnostics.js';
import type { ReferenceStyle } from '../emit/target-names.js';
import { correspondingEnum, memberByMeaning } from '../mapping/enum-mapping.js';
import type { EnumMember } from '../mapping/facade-index.js';
import { correspondingType } from '../mapping/type-mapping.js';
import { isHostHelper } from '../syntax/host-helpers.js';
import type { LowerContext, LowerResult, Lowerer, TargetNameWriter } from './lowerer.js';

/** A CUDA name the target has no counterpart for (thrown while a reused lowering writes). */
class NoCounterpart extends Error {
  constructor(
    readonly cudaName: string,
    readonly why: string,
    /** The name is no CUDA catalog name at all (a namespace such as cudnn-frontend's `fe`): nothing to spell, the lowering is not for this target. */
    readonly unknown = false,
  ) {
    super(`${cudaName}: ${why}`);
  }
}

/** Whether `target` can be written with `cuda`'s argument list: same parameter count and roles in order. */
function sameSignature(cuda: EntryRecord, target: EntryRecord): boolean {
  const [a, b] = [cuda.spec.params, target.spec.params];
  return cuda.spec.kind === target.spec.kind && a.length === b.length && a.every((p, i) => p.role === b[i].role);
}

interface CudaMemberIndex {
  readonly byName: ReadonlyMap<string, { readonly enum: EnumRecord; readonly member: EnumMember }>;
}

const memberIndexes = new WeakMap<Catalog, CudaMemberIndex>();

function cudaMembers(catalog: Catalog): CudaMemberIndex {
  let index = memberIndexes.get(catalog);
  if (!index) {
    const byName = new Map<string, { enum: EnumRecord; member: EnumMember }>();
    for (const e of catalog.backend('cuda').enums.values()) for (const member of e.spec.members) if (!byName.has(member.name)) byName.set(member.name, { enum: e, member });
    memberIndexes.set(catalog, (index = { byName }));
  }
  return index;
}

/** The catalog spelling on `target` of CUDA names, or NoCounterpart. */
export class CudaSpelling {
  constructor(
    private readonly catalog: Catalog,
    readonly target: BackendId,
  ) {}

  /** The target function for a CUDA function. */
  entry(cudaSymbol: string): string {
    const cuda = this.catalog.entry('cuda', cudaSymbol);
    if (!cuda) throw new NoCounterpart(cudaSymbol, `it is no CUDA catalog entry, type or enum member, so it has no ${this.target} spelling`, true);
    const answering = [...this.catalog.backend(this.target).entries.values()].filter((e) => (e.spec.cuda ?? []).includes(cuda.spec.symbol));
    const renames = answering.filter((e) => sameSignature(cuda, e) && e.spec.status !== 'unsupported' && e.spec.status !== 'unknown');
    if (renames.length > 0) return renames.sort((x, y) => x.spec.symbol.localeCompare(y.spec.symbol))[0].spec.symbol;
    if (answering.length > 0) throw new NoCounterpart(cudaSymbol, `${answering.map((e) => `\`${e.spec.symbol}\``).join(', ')} answer${answering.length === 1 ? 's' : ''} it with other parameters`);
    throw new NoCounterpart(cudaSymbol, `no ${this.target} entry names it as its CUDA equivalent`);
  }

  /** A CUDA enum by name. */
  cudaEnum(name: string): EnumRecord {
    const e = this.catalog.backend('cuda').enums.get(name);
    if (!e) throw new NoCounterpart(name, 'it is not an enum of the CUDA catalog', true);
    return e;
  }

  /** The target enum corresponding to a CUDA enum. */
  enumOf(cudaEnum: EnumRecord): EnumRecord {
    const e = correspondingEnum(this.catalog, cudaEnum, this.target);
    if (!e) throw new NoCounterpart(cudaEnum.spec.name, `${this.target} has no enum corresponding to it`);
    return e;
  }

  /** The target member with the CUDA member's meaning. */
  member(cudaEnum: EnumRecord, member: EnumMember): { readonly enumName: string; readonly member: string } {
    const e = this.enumOf(cudaEnum);
    const m = member.meaning ? memberByMeaning(e, member.meaning, { enum: cudaEnum, member: member.name }) : undefined;
    if (!m) throw new NoCounterpart(member.name, `\`${e.spec.name}\` has no member meaning ${member.meaning ?? '(no meaning in the catalog)'}`);
    return { enumName: e.spec.name, member: m.name };
  }

  /** A function or an enum member, by its CUDA name. */
  value(cName: string): { readonly kind: 'value'; readonly name: string } | { readonly kind: 'member'; readonly enumName: string; readonly member: string } {
    if (isHostHelper(cName)) return { kind: 'value', name: cName };
    const found = cudaMembers(this.catalog).byName.get(cName);
    if (found) return { kind: 'member', ...this.member(found.enum, found.member) };
    return { kind: 'value', name: this.entry(cName) };
  }

  /** A type or enum type, by its CUDA name. */
  type(cName: string): string {
    if (isHostHelper(cName)) return cName;
    const cuda = this.catalog.backend('cuda');
    const record = cuda.enums.get(cName) ?? cuda.types.get(cName);
    if (!record) throw new NoCounterpart(cName, 'it is not in the CUDA catalog', true);
    const found = correspondingType(this.catalog, record, this.target);
    if (!found) throw new NoCounterpart(cName, `${this.target} has no type corresponding to it`);
    return found.kind === 'type' ? found.type.spec.name : found.enum.spec.name;
  }
}

/** The target's TargetNames seen through CUDA spelling: what the reused CUDA lowerer writes. */
function spelledNames(names: TargetNameWriter, spelling: CudaSpelling): TargetNameWriter {
  return {
    value(cName: string, style: ReferenceStyle, origin: string | undefined): string {
      const v = spelling.value(cName);
      return v.kind === 'value' ? names.value(v.name, style, origin) : names.member(v.enumName, v.member, style, origin);
    },
    type(cName: string, style: ReferenceStyle, origin: string | undefined): string {
      return names.type(spelling.type(cName), style, origin);
    },
    member(enumName: string, member: string, style: ReferenceStyle, origin: string | undefined): string {
      const cudaEnum = spelling.cudaEnum(enumName);
      const m = cudaEnum.spec.members.find((x) => x.name === member);
      if (!m) throw new NoCounterpart(member, `it is not a member of \`${enumName}\``);
      const t = spelling.member(cudaEnum, m);
      return names.member(t.enumName, t.member, style, origin);
    },
    mark: () => names.mark(),
    rollback: (mark) => names.rollback(mark),
  };
}

/**
 * `cuda` (a lowerer registered for CUDA) serving `target`: it writes CUDA's statements, the names
 * spelled for the target; a name without a same-signature counterpart declines the call (OB1019).
 */
export function spelledFor(cuda: Lowerer, target: BackendId): Lowerer {
  return {
    name: `${cuda.name} (CUDA's, spelled for ${target})`,
    lower(invocation, ctx: LowerContext): LowerResult | undefined {
      // CUDA code keeps its calls on a CUDA-compatible target (renames, by role): only other conventions come through here.
      if (ctx.target !== target || invocation.origin.backend === 'cuda') return undefined;
      const spelling = new CudaSpelling(ctx.catalog, target);
      const mark = ctx.names.mark();
      try {
        const result = cuda.lower(invocation, { ...ctx, names: spelledNames(ctx.names, spelling) });
        if (!result?.ok) return result;
        const targetSymbols = result.lowering.targetSymbols.map((s) => (isHostHelper(s) ? s : spelling.entry(s)));
        return { ok: true, lowering: { ...result.lowering, targetSymbols } };
      } catch (e) {
        if (!(e instanceof NoCounterpart)) throw e;
        ctx.names.rollback(mark);
        // A lowering that writes names outside the catalog (cudnn-frontend's `fe`) is not one to spell: the next lowerer answers.
        if (e.unknown) return undefined;
        const symbol = invocation.origin.symbol;
        return { ok: false, diagnostics: [pending('OB1019', { symbol, target, reason: `its CUDA lowering writes \`${e.cudaName}\`, and ${e.why}` }, symbol)] };
      }
    },
  };
}
