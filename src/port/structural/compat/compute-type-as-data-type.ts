/**
 * Compute types written as data types (Moore Threads MUSA): llama.cpp's musa.h maps
 * `cublasComputeType_t` to `musaDataType_t` and `CUBLAS_COMPUTE_32F` to `MUSA_R_32F` (via
 * `CUDA_R_32F`), and the catalog types mublasGemmEx's `computeType` as `musaDataType_t`
 * accordingly (mappings/musa/mublas.yaml). A cuBLAS compute type given to such a parameter is
 * ported to the data-type member with the twin meaning (`compute.32f` → `dtype.float32`), which
 * the facade reads back as the compute type (src/backends/cuda-compatible/member-matching.ts).
 * Back on CUDA, and on MACA and T-Head, whose GemmEx takes a compute-type enum
 * (`mcblasComputeType_t`, `cublasComputeType_t`: mappings/maca/mcblas.yaml, thead/acblas.yaml),
 * the data-type member becomes the compute type with the twin meaning again (MUSA_R_32F →
 * MCBLAS_COMPUTE_32F when porting MUSA → MACA directly).
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
const COMPUTE_TWIN: ReadonlyMap<string, string> = new Map([...DATA_TYPE_TWIN].map(([compute, data]) => [data, compute]));

/** The enum the target entry for the invocation's source types its compute-type parameter with. */
function targetComputeTypeEnum(ctx: LowerContext, invocation: Invocation): { readonly members: readonly { readonly meaning?: string }[] } | undefined {
  const sources = invocation.origin.backend === 'cuda' ? [invocation.origin.symbol] : invocation.origin.entry.spec.cuda ?? [];
  for (const entry of ctx.catalog.backend(ctx.target).entries.values()) {
    const names = ctx.target === 'cuda' ? [entry.spec.symbol] : entry.spec.cuda ?? [];
    if (!sources.some((symbol) => names.includes(symbol))) continue;
    const param = entry.spec.params.find((p) => p.role === 'compute-type');
    const enumName = param?.type.replace(/\bconst\b|[*&\s]/g, '');
    const spec = enumName ? ctx.catalog.backend(ctx.target).enums.get(enumName)?.spec : undefined;
    if (spec) return spec;
  }
  return undefined;
}

/**
 * The meaning a compute-type argument takes on the target: its data-type twin where the target
 * writes compute types as data types (CUDA → MUSA), its compute twin where the source did and the
 * target does not (MUSA → CUDA); undefined when the meaning stands as it is.
 */
function targetMeaning(meaning: string, members: readonly { readonly meaning?: string }[]): string | undefined {
  const has = (m: string | undefined) => m !== undefined && members.some((member) => member.meaning === m);
  if (has(meaning)) return undefined;
  const twin = DATA_TYPE_TWIN.get(meaning) ?? COMPUTE_TWIN.get(meaning);
  return has(twin) ? twin : undefined;
}

export const computeTypeAsDataTypeLowerer: Lowerer = {
  name: 'cuBLAS compute types as data types (musa.h)',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    const argument = invocation.enums.get('compute-type');
    if (!argument) return undefined;
    const members = targetComputeTypeEnum(ctx, invocation)?.members;
    const meaning = members && targetMeaning(argument.meaning, members);
    if (!meaning) return undefined;
    const enums = new Map<RoleKey, EnumArgument>(invocation.enums);
    enums.set('compute-type', { ...argument, meaning });
    return roleLowerer.lower({ ...invocation, enums }, ctx);
  },
};

export function registerComputeTypeAsDataType(lowerers: LowererRegistry): LowererRegistry {
  for (const target of ['musa', 'cuda', 'maca', 'thead'] as const) {
    for (const operator of ['Gemm', 'MatMul']) lowerers.register({ target, binding: `operator:${operator}` }, computeTypeAsDataTypeLowerer);
  }
  return lowerers;
}
