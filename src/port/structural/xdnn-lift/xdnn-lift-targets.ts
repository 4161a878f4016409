/**
 * Targets XDNN calls are lifted for. Only CUDA: the XDNN context becomes CUDA's cuBLAS / cuDNN
 * handles by a statement rewriter written for CUDA (xdnn-contexts.ts); on another target the
 * lifted calls would be left with a Kunlun context beside them, so XDNN calls keep the generic
 * path's answer there.
 */
export const XDNN_LIFT_TARGETS: ReadonlySet<string> = new Set(['cuda']);
