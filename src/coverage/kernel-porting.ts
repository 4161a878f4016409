/**
 * How each target runs custom CUDA kernels, which decides how the effort model prices them.
 * Facts (with sources) from /work/shared/reference/cuda-compatible.md and the Ascend C docs:
 *
 * - cann: kernels are rewritten in Ascend C (`__global__ __aicore__`, GlobalTensor/LocalTensor,
 *   queue-based pipelines) — https://www.hiascend.com/document/detail/en/canncommercial/800/opdevg/Ascendcopdevg/atlas_ascendc_10_0001.html
 * - kunlun: XPU C/C++ with XTDK (`.xpu` files, explicit GM2LM/LM2GM copies); "a rename-only
 *   mapping is not possible" (cuda-compatible.md §4.1)
 * - cambricon: BANG C (`__mlu_global__`, `__nram__`, SIMD/DMA model): "CUDA kernels need a
 *   rewrite, not a rename" (cuda-compatible.md §4.2)
 * - musa: CUDA-style kernels compile with mcc after renaming (`.cu`→`.mu`); launch syntax
 *   unchanged (cuda-compatible.md §1.1, llama.cpp compiles its unchanged CUDA kernels)
 * - maca: cu-bridge lets unmodified CUDA compile with `cucc` (cuda-compatible.md §2.2); a
 *   64-thread warp is reported (unconfirmed), so warp-size assumptions need review
 * - thead: "full CUDA API compatibility" is a third-party claim (cuda-compatible.md §3): unconfirmed
 */
import type { BackendId, Confidence } from '../catalog/vocabulary.js';

/** `hand-port`: rewrite in another kernel language; `recompile`: rename/rebuild and re-test. */
export type KernelApproach = 'hand-port' | 'recompile' | 'none';

export interface KernelPorting {
  readonly language: string;
  readonly approach: KernelApproach;
  readonly confidence: Confidence;
  readonly note: string;
}

export const KERNEL_PORTING: Readonly<Record<BackendId, KernelPorting>> = {
  cuda: { language: 'CUDA C++', approach: 'none', confidence: 'confirmed', note: 'the source platform' },
  cann: {
    language: 'Ascend C',
    approach: 'hand-port',
    confidence: 'confirmed',
    note: 'rewrite each kernel in Ascend C (__global__ __aicore__, GlobalTensor/LocalTensor, queue pipelines)',
  },
  kunlun: {
    language: 'XPU C/C++ (XTDK)',
    approach: 'hand-port',
    confidence: 'confirmed',
    note: 'rewrite in XPU C/C++: cluster/core indexing and explicit GM2LM/LM2GM copies; a rename is not enough',
  },
  cambricon: {
    language: 'BANG C',
    approach: 'hand-port',
    confidence: 'confirmed',
    note: 'rewrite in BANG C (__mlu_global__, __nram__, vector intrinsics): a SIMD/DMA model, not SIMT',
  },
  musa: {
    language: 'MUSA C++ (CUDA-style)',
    approach: 'recompile',
    confidence: 'confirmed',
    note: 'rename (.cu→.mu, cuda*→musa*) and rebuild with mcc; launch syntax unchanged',
  },
  maca: {
    language: 'MACA C++ (CUDA-style, cu-bridge)',
    approach: 'recompile',
    confidence: 'confirmed',
    note: 'rebuild with cucc (cu-bridge) or rename to mc*; review warp-size assumptions (a 64-thread warp is reported, unconfirmed)',
  },
  thead: {
    language: 'CUDA C++',
    approach: 'recompile',
    confidence: 'unconfirmed',
    note: 'T-Head PPU claims full CUDA compatibility (third-party source, unconfirmed): rebuild and re-test',
  },
};
