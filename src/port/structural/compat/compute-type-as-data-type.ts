/**
 * Compute types written as data types (Moore Threads MUSA): llama.cpp's musa.h maps
 * `cublasComputeType_t` to `musaDataType_t` and `CUBLAS_COMPUTE_32F` to `MUSA_R_32F` (via
 * `CUDA_R_32F`), and the catalog types mublasGemmEx's `computeType` as `musaDataType_t`
 * accordingly (mappings/musa/mublas.yaml). A cuBLAS compute type given to such a parameter is
 * ported to the data-type member with the twin meaning (`compute.32f` → `dtype.float32`), which
 * the facade reads back as the compute type (src/backends/cuda-compatible/member-matching.ts).
 * Compute types without a data-type twin (`CUBLAS_COMPUTE_32F_FAST_TF32`) are left to the
 * generic lowerer, which reports them.
 */
import type { EnumArgument, Invocation } from '../../ir/invocation.js';
import type { RoleKey } from '../../ir/roles.js';
import type { LowerContext, LowerResult, Lowerer, LowererRegistry } from '../../lower/lowerer.js';
import { roleLowerer } from '../../lower/role-lowerer.js';

/** cuBLAS compute-type meanings and the data-type meaning musa.h writes for each. */
const DATA_TYPE_TWIN: ReadonlyMap<string, string> = new Map([
  ['compute.16f', 'dtype.float16'],
  ['compute.32f', 'dtype.float32'],
  ['compute.64f', 'dtype.float64'],
  ['compute.32i', 'dtype.int32'],
]);

/** Whether the target entry declares its compute type with a data-type enum (no compute-type member has `meaning`). */
function computeTypeIsDataType(ctx: LowerContext, invocation: Invocation, meaning: string): boolean {
  for (const symbol of invocation.origin.entry.spec.cuda ?? [invocation.origin.symbol]) {
    for (const entry of ctx.catalog.backend(ctx.target).entries.values()) {
      if (!(entry.spec.cuda ?? []).includes(symbol)) continue;
      const param = entry.spec.params.find((p) => p.role === 'compute-type');
      const enumName = param?.type.replace(/\bconst\b|[*&\s]/g, '');
      const spec = enumName ? ctx.catalog.backend(ctx.target).enums.get(enumName)?.spec : undefined;
      if (spec && !spec.members.some((m) => m.meaning === meaning) && spec.members.some((m) => m.meaning === DATA_TYPE_TWIN.get(meaning))) return true;
    }
  }
  return false;
}

export const computeTypeAsDataTypeLowerer: Lowerer = {
  name: 'cuBLAS compute types as data types (musa.h)',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.origin.backend !== 'cuda') return undefined;
    let changed = false;
    const enums = new Map<RoleKey, EnumArgument>();
    for (const [key, argument] of invocation.enums) {
      const twin = DATA_TYPE_TWIN.get(argument.meaning);
      if (twin && computeTypeIsDataType(ctx, invocation, argument.meaning)) {
        changed = true;
        enums.set(key, { ...argument, meaning: twin });
      } else enums.set(key, argument);
    }
    return changed ? roleLowerer.lower({ ...invocation, enums }, ctx) : undefined;
  },
};

/** Whether a target (CUDA) entry the source answers takes a compute-type enum with `meaning` at its compute-type parameter. */
function computeTypeHas(ctx: LowerContext, invocation: Invocation, meaning: string): boolean {
  for (const symbol of invocation.origin.entry.spec.cuda ?? []) {
    const entry = ctx.catalog.entry(ctx.target, symbol);
    const param = entry?.spec.params.find((p) => p.role === 'compute-type');
    const enumName = param?.type.replace(/\bconst\b|[*&\s]/g, '');
    if (enumName && ctx.catalog.backend(ctx.target).enums.get(enumName)?.spec.members.some((m) => m.meaning === meaning)) return true;
  }
  return false;
}

/**
 * The way back (musa → cuda): a data type given as the compute type (`MUSA_R_32F` for
 * mublasGemmEx's `computeType`, as musa.h writes it) is the cuBLAS compute type with the twin
 * meaning (`dtype.float32` → `CUBLAS_COMPUTE_32F`).
 */
export const dataTypeAsComputeTypeLowerer: Lowerer = {
  name: 'data types given as compute types, back to cuBLAS compute types',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.origin.backend !== 'musa') return undefined;
    const argument = invocation.enums.get('compute-type');
    const twin = argument ? [...DATA_TYPE_TWIN].find(([, dtype]) => dtype === argument.meaning)?.[0] : undefined;
    if (!argument || !twin || !computeTypeHas(ctx, invocation, twin)) return undefined;
    return roleLowerer.lower({ ...invocation, enums: new Map([...invocation.enums, ['compute-type', { ...argument, meaning: twin }]]) }, ctx);
  },
};

export function registerComputeTypeAsDataType(lowerers: LowererRegistry): LowererRegistry {
  for (const operator of ['Gemm', 'MatMul']) lowerers.register({ target: 'musa', binding: `operator:${operator}` }, computeTypeAsDataTypeLowerer);
  for (const operator of ['Gemm', 'MatMul']) lowerers.register({ target: 'cuda', binding: `operator:${operator}` }, dataTypeAsComputeTypeLowerer);
  return lowerers;
}
