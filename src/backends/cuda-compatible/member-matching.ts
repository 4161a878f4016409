/**
 * Which enum member of one backend answers a member of another: by meaning tag
 * (`copy.host-to-device`), with the data-type / compute-type twins that CUDA-compatible SDKs
 * use interchangeably (llama.cpp's musa.h passes CUBLAS_COMPUTE_32F as MUSA_R_32F), and the
 * name after the vendor prefix (CUBLAS_OP_N / MUBLAS_OP_N) to choose between members that
 * share a meaning.
 */
import type { EnumSpec } from '../../catalog/schema/mapping.js';

export type EnumMember = EnumSpec['members'][number];

const TWINS: ReadonlyMap<string, string> = new Map(
  (
    [
      ['compute.16f', 'dtype.float16'],
      ['compute.32f', 'dtype.float32'],
      ['compute.64f', 'dtype.float64'],
      ['compute.32i', 'dtype.int32'],
    ] as const
  ).flatMap(([a, b]) => [
    [a, b],
    [b, a],
  ]),
);

/** A name without its vendor prefix: CUBLAS_OP_N → OP_N, cudaMemcpyHostToDevice → MemcpyHostToDevice. */
export function stem(name: string): string {
  const last = name.split('::').pop() ?? name;
  if (/^[A-Z0-9_]+$/.test(last) && last.includes('_')) return last.slice(last.indexOf('_') + 1);
  return last.replace(/^[a-z]+/, '');
}

/** The value a facade exports for a member: its number, or its name when the number is unconfirmed. */
export function memberValue(member: EnumMember): number | string {
  return member.value ?? member.name;
}

export function twinMeaning(meaning: string | undefined): string | undefined {
  return meaning === undefined ? undefined : TWINS.get(meaning);
}

/** The member of `candidates` that means what `member` means; undefined when none does. */
export function matchMember(member: EnumMember, candidates: readonly EnumMember[]): EnumMember | undefined {
  if (!member.meaning) return candidates.find((c) => stem(c.name) === stem(member.name));
  const exact = candidates.filter((c) => c.meaning === member.meaning);
  const twin = twinMeaning(member.meaning);
  const pool = exact.length > 0 ? exact : candidates.filter((c) => twin !== undefined && c.meaning === twin);
  return pool.find((c) => stem(c.name) === stem(member.name)) ?? pool[0];
}

/**
 * A status CUDA uses for a fault that the target names more precisely: cuBLAS reports a stale
 * handle as NOT_INITIALIZED, rocBLAS-style muBLAS has INVALID_HANDLE.
 */
const STATUS_NEIGHBOURS: ReadonlyMap<string, string> = new Map([['status.not-initialized', 'status.invalid-handle']]);

/** Status meanings to fall back on, in order, when a target lacks a status CUDA returns. */
const STATUS_FALLBACKS = ['status.invalid-value', 'status.internal-error', 'status.unknown', 'status.execution-failed'];

/**
 * The target status for a CUDA status: the same meaning, else the nearest general failure
 * the target declares (muDNN's catalog knows only SUCCESS and NOT_SUPPORTED, so every muDNN
 * failure is NOT_SUPPORTED), never success.
 */
export function matchStatus(member: EnumMember, candidates: readonly EnumMember[]): EnumMember | undefined {
  const direct = matchMember(member, candidates);
  if (direct || member.meaning === 'status.success') return direct;
  const neighbour = STATUS_NEIGHBOURS.get(member.meaning ?? '');
  const near = neighbour && candidates.find((c) => c.meaning === neighbour);
  if (near) return near;
  for (const meaning of STATUS_FALLBACKS) {
    const found = candidates.find((c) => c.meaning === meaning);
    if (found) return found;
  }
  return candidates.find((c) => c.meaning !== 'status.success');
}

export function isStatusEnum(spec: EnumSpec): boolean {
  return spec.members.some((m) => m.meaning === 'status.success');
}

/** Length of the common suffix of two names (mudnnDataType_t and cudnnDataType_t share `udnnDataType_t`). */
export function commonSuffix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
