/**
 * What a vendor symbol looks like, by library prefix. The coverage scanner counts an
 * identifier when the catalog knows it or when it matches one of these patterns; a match the
 * catalog does not know is reported as `unknown`, never dropped. Library ids equal the
 * catalog's (`mappings/cuda/<library>.yaml`) so known and unknown symbols group together.
 *
 * Prefixes of the non-CUDA stacks come from /work/shared/reference (cann.md,
 * cambricon-kunlun.md, cuda-compatible.md); they are only used to tell a vendor symbol
 * imported from a TypeScript facade from a facade helper such as `ref`.
 */
import type { BackendId } from '../catalog/vocabulary.js';

export interface LibraryPattern {
  readonly library: string;
  readonly name: string;
  readonly patterns: readonly RegExp[];
}

/** CUDA libraries, most specific first (cuBLASLt before cuBLAS, driver `cu[A-Z]` last). */
export const CUDA_LIBRARIES: readonly LibraryPattern[] = [
  { library: 'cudnn-frontend', name: 'cuDNN frontend (graph API)', patterns: [/^cudnn_frontend(::|$)/] },
  { library: 'cublaslt', name: 'cuBLASLt', patterns: [/^cublasLt[A-Z]/, /^CUBLASLT_/] },
  { library: 'cublas', name: 'cuBLAS', patterns: [/^cublas[A-Z]/, /^CUBLAS_/] },
  { library: 'cudnn', name: 'cuDNN', patterns: [/^cudnn[A-Z]/, /^CUDNN_/] },
  { library: 'nccl', name: 'NCCL', patterns: [/^nccl[A-Z]/, /^NCCL_/] },
  { library: 'curand', name: 'cuRAND', patterns: [/^curand[A-Z_]/, /^CURAND_/] },
  { library: 'cufft', name: 'cuFFT', patterns: [/^cufft[A-Z]/, /^CUFFT_/] },
  // Driver API results share the CUDA_ prefix with runtime macros; CUresult members are driver.
  { library: 'cuda-driver', name: 'CUDA driver', patterns: [/^CUDA_(SUCCESS$|ERROR_)/, /^cu[A-Z]/, /^CU_/, /^CU[a-z]/] },
  { library: 'cuda-runtime', name: 'CUDA runtime', patterns: [/^cuda[A-Z]/, /^CUDA_/, /^CUDART_/] },
];

/** Display names of CUDA libraries, by catalog library id. */
export const CUDA_LIBRARY_NAMES: Readonly<Record<string, string>> = Object.fromEntries(CUDA_LIBRARIES.map((l) => [l.library, l.name]));

/** Order of libraries in reports: runtime first, as a reader meets them in code. */
export const LIBRARY_ORDER: readonly string[] = ['cuda-runtime', 'cuda-driver', 'cublas', 'cublaslt', 'cudnn', 'cudnn-frontend', 'nccl', 'curand', 'cufft'];

/**
 * The CUDA library an identifier's prefix belongs to, or undefined. The first-character
 * test keeps the common case (an ordinary identifier) to one comparison.
 */
export function cudaLibraryOf(name: string): string | undefined {
  // Every pattern starts with `cu`, `CU`, `nccl` or `NCCL`: reject everything else cheaply.
  const c0 = name.charCodeAt(0);
  const c1 = name.charCodeAt(1);
  if (c0 === 99 ? c1 !== 117 : c0 === 67 ? c1 !== 85 : c0 === 110 ? !name.startsWith('nccl') : c0 === 78 ? !name.startsWith('NCCL') : true) return undefined;
  for (const lib of CUDA_LIBRARIES) for (const p of lib.patterns) if (p.test(name)) return lib.library;
  return undefined;
}

const VENDOR_PATTERNS: Readonly<Record<Exclude<BackendId, 'cuda' | 'thead'>, readonly RegExp[]>> = {
  cann: [/^acl[a-zA-Z]/, /^ACL_/, /^ACLNN_/, /^[Hh]ccl[A-Z]/, /^HCCL_/],
  kunlun: [/^xpu_/, /^XPU_/, /^XPU[A-Z]/, /^xdnn/, /^bkcl_/, /^BKCL_/, /^xpu$/],
  cambricon: [/^cnrt[A-Z]/, /^CNRT_/, /^cnnl[A-Z]/, /^CNNL_/, /^cncl[A-Z]/, /^CNCL_/],
  musa: [/^musa[A-Z]/, /^MUSA_/, /^mu[A-Z]/, /^MU_/, /^mublas/, /^MUBLAS/, /^mudnn/, /^MUDNN_/, /^mccl[A-Z]/, /^MCCL_/, /^murand/, /^MURAND_/, /^mufft/, /^MUFFT_/],
  maca: [/^mc[A-Z]/, /^mcblas/, /^MCBLAS/, /^mcdnn/, /^MCDNN_/, /^mccl[A-Z]/, /^MCCL_/, /^MACA_/, /^MC_/],
};

/**
 * True when `name` looks like a symbol of `backend`'s vendor libraries. T-Head claims CUDA
 * compatibility (unconfirmed), so its facade uses CUDA names.
 */
export function looksLikeVendorSymbol(backend: BackendId, name: string): boolean {
  if (backend === 'cuda' || backend === 'thead') return cudaLibraryOf(name) !== undefined;
  return VENDOR_PATTERNS[backend].some((p) => p.test(name));
}
