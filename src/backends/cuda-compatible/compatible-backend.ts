/**
 * A CUDA-compatible backend (Moore Threads MUSA, MetaX MACA, T-Head): the CUDA facade
 * implementation bound to the target's catalog. It is the `BackendBinding` the CUDA code runs
 * under (target backend id, symbols, status names, profile and knobs), and it translates each
 * call at the boundary: target enum values in (by meaning, `member-matching.ts`), arguments
 * into CUDA's order (`call-plan.ts`), CUDA statuses and enum out-parameters back into the
 * target's values, and CUDA names in diagnostics into the target's names.
 */
import type { Catalog, EntryRecord } from '../../catalog/catalog.js';
import { loadCatalog } from '../../catalog/load-catalog.js';
import type { EnumSpec, ParamSpec } from '../../catalog/schema/mapping.js';
import type { BackendId } from '../../catalog/vocabulary.js';
import { runBound, type BackendBinding } from '../cuda/backend-binding.js';
import * as cuda from '../cuda/index.js';
import type { KnobSetting } from '../sim/call-profile.js';
import { captureCallSite } from '../sim/call-site.js';
import { Ref } from '../sim/ref.js';
import { currentProcess, type SimProcess } from '../sim/sim-process.js';
import { baseType, enumTypedefs, isCallable, isOutPointer, planCall, type CallPlan, type ParamPlan } from './call-plan.js';
import { commonSuffix, isStatusEnum, matchMember, matchStatus, memberValue, twinMeaning, type EnumMember } from './member-matching.js';

interface MemberOf {
  readonly spec: EnumSpec;
  readonly member: EnumMember;
}

const IDENTIFIER = /[A-Za-z_][A-Za-z0-9_]*/g;

/**
 * Enum fields of the result structs CUDA calls fill in (cudnn_cnn.h, cublasLt.h): translated
 * into the target's values after the call, like enum out-parameters.
 */
const RESULT_STRUCT_ENUMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  cudnnConvolutionFwdAlgoPerf_t: { algo: 'cudnnConvolutionFwdAlgo_t', status: 'cudnnStatus_t', determinism: 'cudnnDeterminism_t', mathType: 'cudnnMathType_t' },
  cublasLtMatmulHeuristicResult_t: { state: 'cublasStatus_t' },
};

export class CompatibleBackend implements BackendBinding {
  private readonly names = new Map<string, string>();
  private readonly targetEnums = new Map<string, EnumSpec>();
  private readonly cudaEnums = new Map<string, EnumSpec>();
  /** Target enum name → the CUDA enum it mirrors. */
  private readonly pairs = new Map<string, EnumSpec>();
  /** Target members with unconfirmed values, by name (their exported value is the name). */
  private readonly namedMembers = new Map<string, MemberOf>();
  private readonly plans = new Map<string, CallPlan>();
  /**
   * Enum typedef names → the enum they name (`cudaDataType` → `cudaDataType_t`, library_types.h):
   * cuBLASLt declares its layout type with the typedef, and without this its parameters would
   * look enum-less and `MUSA_R_32F` would be read as a compute type.
   */
  private readonly typedefs = new Map<string, string>();

  constructor(
    readonly backend: BackendId,
    private readonly catalog: Catalog = loadCatalog(),
  ) {
    for (const e of catalog.backend(backend).enums.values()) this.targetEnums.set(e.spec.name, e.spec);
    for (const e of catalog.backend('cuda').enums.values()) this.cudaEnums.set(e.spec.name, e.spec);
    for (const id of [backend, 'cuda'] as const) for (const [name, named] of enumTypedefs(catalog, id)) this.typedefs.set(name, named);
    for (const spec of this.targetEnums.values()) {
      for (const m of spec.members) if (m.value === null && !this.namedMembers.has(m.name)) this.namedMembers.set(m.name, { spec, member: m });
    }
    this.pairEnums();
    this.nameEntriesAndTypes();
  }

  // ---- BackendBinding ---------------------------------------------------------------------

  name(cudaName: string): string {
    return this.names.get(cudaName) ?? cudaName;
  }

  knob(setting: KnobSetting): KnobSetting[] {
    const symbol = this.name(setting.symbol);
    const cudaMember = this.cudaKnobMember(setting);
    if (!cudaMember?.meaning) return [{ ...setting, symbol, value: typeof setting.value === 'string' ? this.name(setting.value) : setting.value }];
    const meanings = new Set([cudaMember.meaning, twinMeaning(cudaMember.meaning)].filter((m): m is string => m !== undefined));
    const settings: KnobSetting[] = [];
    for (const spec of this.targetEnums.values()) {
      for (const m of spec.members) if (m.meaning && meanings.has(m.meaning)) settings.push({ symbol, param: setting.param, value: memberValue(m) });
    }
    return settings;
  }

  /** Rewrites the CUDA identifiers of a message into the target's names. */
  message(text: string): string {
    return text.replace(IDENTIFIER, (word) => this.names.get(word) ?? word);
  }

  // ---- calls ------------------------------------------------------------------------------

  /** The plan of a generated binding; throws for entries that need a hand-written adapter. */
  plan(symbol: string): CallPlan {
    let plan = this.plans.get(symbol);
    if (!plan) {
      const entry = this.catalog.entry(this.backend, symbol);
      if (!entry) throw new Error(`the ${this.backend} catalog has no entry ${symbol}`);
      const outcome = planCall(this.catalog, this.backend, entry);
      if (!('plan' in outcome)) throw new Error(`${this.backend}: ${outcome.reason}; it needs a hand-written adapter`);
      this.plans.set(symbol, (plan = outcome.plan));
    }
    return plan;
  }

  /**
   * Calls the CUDA function `symbol` mirrors with the arguments translated, and translates
   * its status (or enum result) and enum out-parameters back.
   */
  call<R>(symbol: string, args: readonly unknown[]): R {
    const plan = this.plan(symbol);
    const fn = (cuda as unknown as Record<string, unknown>)[plan.cudaSymbol];
    if (typeof fn !== 'function') throw new Error(`the CUDA facade has no function ${plan.cudaSymbol} (for ${this.backend} ${symbol})`);
    const cudaArgs: unknown[] = new Array(plan.params.length);
    const outs: { user: Ref<unknown>; proxy: Ref<unknown>; param: ParamPlan }[] = [];
    for (const p of plan.params) {
      const value = args[p.targetIndex];
      const enumOut = isOutPointer(p.target) && this.targetEnums.has(this.enumType(p.target.type));
      if (enumOut && value instanceof Ref) {
        const proxy = new Ref<unknown>();
        outs.push({ user: value, proxy, param: p });
        cudaArgs[p.cudaIndex] = proxy;
      } else {
        cudaArgs[p.cudaIndex] = enumOut ? value : this.toCuda(value, p.target, p.cuda);
      }
    }
    const result = this.run(() => (fn as (...a: unknown[]) => unknown)(...cudaArgs));
    for (const o of outs) if (o.proxy.isSet) o.user.value = this.fromCuda(o.proxy.value, this.enumType(o.param.target.type), this.enumType(o.param.cuda.type));
    for (const p of plan.params) {
      const fields = RESULT_STRUCT_ENUMS[baseType(p.cuda.type)];
      const value = args[p.targetIndex];
      if (fields && Array.isArray(value)) for (const item of value) this.translateFields(item, fields);
    }
    return this.result(result, plan) as R;
  }

  /**
   * Calls the CUDA function `cudaSymbol` with arguments a hand-written adapter arranged for a
   * target entry whose shape differs from CUDA's (enum values already translated with
   * `toCudaEnum`); returns the target's status.
   */
  callCuda<R>(symbol: string, cudaSymbol: string, cudaArgs: readonly unknown[]): R {
    const target = this.catalog.entry(this.backend, symbol);
    const cudaEntry = this.catalog.entry('cuda', cudaSymbol);
    const fn = (cuda as unknown as Record<string, unknown>)[cudaSymbol];
    if (!target || !cudaEntry || typeof fn !== 'function') throw new Error(`${this.backend} ${symbol}: no CUDA function ${cudaSymbol} to adapt`);
    const result = this.run(() => (fn as (...a: unknown[]) => unknown)(...cudaArgs));
    const targetReturn = this.enumType(target.spec.returns ?? '');
    return (this.targetEnums.has(targetReturn) ? this.fromCuda(result, targetReturn, this.enumType(cudaEntry.spec.returns ?? '')) : result) as R;
  }

  /** Whether `value` is a member of the target enum `targetEnum`. */
  isMember(value: unknown, targetEnum: string): boolean {
    return this.targetEnums.get(targetEnum)?.members.some((m) => memberValue(m) === value) ?? false;
  }

  /** A target enum value as the CUDA enum `cudaEnum` expects it (NaN when nothing corresponds). */
  toCudaEnum(value: unknown, targetEnum: string, cudaEnum: string): unknown {
    return this.toCuda(value, { name: 'value', type: targetEnum, dir: 'in' } as ParamSpec, { name: 'value', type: cudaEnum, dir: 'in' } as ParamSpec);
  }

  /**
   * Fails a target call the simulation cannot run (a feature CUDA's implementation lacks):
   * records the diagnostic and returns the target status meaning `meaning`.
   */
  reject<R>(symbol: string, meaning: 'status.not-supported' | 'status.invalid-value', message: string): R {
    const entry = this.catalog.entry(this.backend, symbol);
    const spec = this.targetEnums.get(this.enumType(entry?.spec.returns ?? ''));
    const status = spec ? matchStatus({ name: meaning, value: null, meaning }, spec.members) : undefined;
    const value = status ? memberValue(status) : meaning;
    const process = currentProcess();
    process.diagnostics.add({
      id: meaning === 'status.not-supported' ? 'OB2014' : 'OB2013',
      message: `${symbol}: ${message}`,
      backend: this.backend,
      symbol,
      status: status?.name ?? meaning,
      site: captureCallSite(),
      rank: process.rank,
    });
    return value as R;
  }

  /**
   * Runs CUDA facade code as this backend; diagnostics and trace records it adds carry the
   * target's backend id and names.
   */
  run<T>(work: () => T): T {
    const process = currentProcess();
    const diagnostics = process.diagnostics.entries.length;
    const records = process.tracer.records.length;
    try {
      return runBound(this, work);
    } finally {
      this.relabel(process, diagnostics, records);
    }
  }

  /** A target enum value given to a CUDA function: the CUDA member with the same meaning. */
  toCuda(value: unknown, target: ParamSpec | undefined, cudaParam: ParamSpec | undefined): unknown {
    const declared = target ? this.targetEnums.get(this.enumType(target.type)) : undefined;
    const found = this.targetMember(value, declared);
    if (!found) {
      // A number given where the target's values are unconfirmed names means nothing on the
      // target: make sure CUDA cannot read it as one of its own members.
      if (typeof value === 'number' && declared && declared.members.every((m) => m.value === null)) return Number.NaN;
      return value;
    }
    const cudaEnum = (cudaParam && this.cudaEnums.get(this.enumType(cudaParam.type))) ?? this.pairs.get(found.spec.name);
    const candidates = cudaEnum ? cudaEnum.members : [...this.cudaEnums.values()].flatMap((e) => e.members);
    const match = matchMember(found.member, candidates);
    return match ? memberValue(match) : Number.NaN;
  }

  /** A CUDA enum value in the target enum `targetEnum` (CUDA enum `cudaEnum` when known). */
  fromCuda(value: unknown, targetEnum: string, cudaEnum?: string): unknown {
    const target = this.targetEnums.get(targetEnum);
    const source = (cudaEnum && this.cudaEnums.get(cudaEnum)) || this.pairs.get(targetEnum);
    if (!target || !source) return value;
    const member = source.members.find((m) => memberValue(m) === value);
    if (!member) return value;
    const match = isStatusEnum(target) ? matchStatus(member, target.members) : matchMember(member, target.members);
    return match ? memberValue(match) : value;
  }

  private translateFields(item: unknown, fields: Readonly<Record<string, string>>): void {
    if (typeof item !== 'object' || item === null) return;
    const record = item as Record<string, unknown>;
    for (const [field, cudaEnum] of Object.entries(fields)) {
      const target = this.targetEnumFor(cudaEnum);
      if (target && field in record) record[field] = this.fromCuda(record[field], target, cudaEnum);
    }
  }

  /**
   * The target enum paired with the CUDA enum `cudaEnum`. Not `name()`: a target that keeps
   * CUDA's names (T-Head) has no renames recorded, but its enums still carry their own values.
   */
  private targetEnumFor(cudaEnum: string): string | undefined {
    for (const [target, cuda] of this.pairs) if (cuda.name === cudaEnum) return target;
    return undefined;
  }

  /** The enum a C parameter or return type names, through enum typedefs. */
  private enumType(cType: string): string {
    const base = baseType(cType);
    return this.typedefs.get(base) ?? base;
  }

  private targetMember(value: unknown, declared: EnumSpec | undefined): MemberOf | undefined {
    if (declared) {
      const m = declared.members.find((x) => memberValue(x) === value);
      if (m) return { spec: declared, member: m };
    }
    return typeof value === 'string' ? this.namedMembers.get(value) : undefined;
  }

  private result(result: unknown, plan: CallPlan): unknown {
    const targetReturn = this.enumType(plan.target.spec.returns ?? '');
    if (this.targetEnums.has(targetReturn)) return this.fromCuda(result, targetReturn, this.enumType(plan.cudaEntry.spec.returns ?? ''));
    return typeof result === 'string' ? this.message(result) : result;
  }

  private cudaKnobMember(setting: KnobSetting): EnumMember | undefined {
    const entry = this.catalog.entry('cuda', setting.symbol);
    const param = entry?.spec.params.find((p) => p.name === setting.param);
    const spec = param ? this.cudaEnums.get(this.enumType(param.type)) : undefined;
    const pool = spec ? spec.members : [...this.cudaEnums.values()].flatMap((e) => e.members);
    return pool.find((m) => memberValue(m) === setting.value);
  }

  private relabel(process: SimProcess, diagnosticsFrom: number, recordsFrom: number): void {
    const diagnostics = process.diagnostics.entries;
    for (let i = diagnosticsFrom; i < diagnostics.length; i++) {
      const d = diagnostics[i];
      diagnostics[i] = {
        ...d,
        backend: this.backend,
        symbol: this.name(d.symbol),
        message: this.message(d.message),
        ...(d.status === undefined ? {} : { status: this.name(d.status) }),
      };
    }
    const records = process.tracer.records;
    for (let i = recordsFrom; i < records.length; i++) records[i] = { ...records[i], backend: this.backend, symbol: this.name(records[i].symbol) };
  }

  // ---- correspondence ---------------------------------------------------------------------

  /** Pairs each target enum with the CUDA enum it mirrors: the entries' parameters first, then names and meanings. */
  private pairEnums(): void {
    const votes = new Map<string, Map<string, number>>();
    const vote = (t: string, c: string): void => {
      if (!this.targetEnums.has(t) || !this.cudaEnums.has(c)) return;
      const v = votes.get(t) ?? new Map<string, number>();
      v.set(c, (v.get(c) ?? 0) + 1);
      votes.set(t, v);
    };
    for (const entry of this.catalog.backend(this.backend).entries.values()) {
      const outcome = planCall(this.catalog, this.backend, entry);
      if (!('plan' in outcome)) continue;
      for (const p of outcome.plan.params) vote(this.enumType(p.target.type), this.enumType(p.cuda.type));
      vote(this.enumType(entry.spec.returns ?? ''), this.enumType(outcome.plan.cudaEntry.spec.returns ?? ''));
    }
    for (const spec of this.targetEnums.values()) {
      const ranked = [...(votes.get(spec.name)?.entries() ?? [])].sort((a, b) => b[1] - a[1] || commonSuffix(b[0], spec.name) - commonSuffix(a[0], spec.name));
      const voted = ranked[0] ? this.cudaEnums.get(ranked[0][0]) : undefined;
      const paired = voted ?? this.closestCudaEnum(spec);
      if (!paired) continue;
      this.pairs.set(spec.name, paired);
      if (!this.names.has(paired.name)) this.names.set(paired.name, spec.name);
      const status = isStatusEnum(spec);
      for (const m of paired.members) {
        const match = status ? matchStatus(m, spec.members) : matchMember(m, spec.members);
        if (match && !this.names.has(m.name)) this.names.set(m.name, match.name);
      }
    }
  }

  private closestCudaEnum(spec: EnumSpec): EnumSpec | undefined {
    let best: { spec: EnumSpec; suffix: number; overlap: number } | undefined;
    for (const candidate of this.cudaEnums.values()) {
      const meanings = new Set(candidate.members.map((m) => m.meaning));
      const overlap = spec.members.filter((m) => m.meaning && meanings.has(m.meaning)).length;
      if (overlap === 0) continue;
      const suffix = commonSuffix(candidate.name, spec.name);
      if (!best || suffix > best.suffix || (suffix === best.suffix && overlap > best.overlap)) best = { spec: candidate, suffix, overlap };
    }
    return best?.spec;
  }

  private nameEntriesAndTypes(): void {
    const target = this.catalog.backend(this.backend);
    const entries: EntryRecord[] = [...target.entries.values()].filter(isCallable);
    for (const e of entries) {
      for (const c of e.spec.cuda ?? []) {
        if (!this.names.has(c)) this.names.set(c, e.spec.symbol);
        for (const alias of this.catalog.entry('cuda', c)?.spec.aliases ?? []) if (!this.names.has(alias)) this.names.set(alias, e.spec.symbol);
      }
    }
    for (const t of target.types.values()) if (t.spec.cuda && !this.names.has(t.spec.cuda)) this.names.set(t.spec.cuda, t.spec.name);
    for (const [from, to] of [...this.names]) if (from === to) this.names.delete(from);
  }
}
