/**
 * Targets the muDNN lifter serves: those with lowerings of its invocations registered (CUDA:
 * cudnn-on-descriptors.ts, whose tensors keep the source's cuDNN-compatible descriptors; MACA and
 * T-Head: the same lowerings spelled their way, src/port/lower/cuda-compatible.ts, as their DNN
 * libraries keep cuDNN's calls). For the others, muDNN calls keep the generic role path's answer,
 * so nothing is lifted that no lowerer can write.
 */
export const LIFT_TARGETS: ReadonlySet<string> = new Set(['cuda', 'maca', 'thead']);
