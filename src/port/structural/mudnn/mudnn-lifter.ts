/**
 * cuDNN's legacy compute calls whose muDNN form has another shape (mudnnBinary, mudnnUnary,
 * mudnnSoftmaxForwardEx, mudnnBatchNormForwardInference, mudnnPoolingForwardEx: the op lives on
 * a descriptor cuDNN's call does not have, the output comes first, no alpha / beta) are lifted to
 * canonical operators for MUSA by the cuDNN descriptor lifter (dnn/cudnn-lifter.ts), and lowered
 * by mudnn-compute.ts. cudnnConvolutionForward is not among them: muDNN's convolution is
 * cuDNN-shaped (mudnnConvolutionForward), so the roles port it as written.
 */
import type { LiftContext, LiftResult, Lifter, SourceCall } from '../../lift/lifter.js';
import { liftCudnnResult } from '../dnn/cudnn-lifter.js';

export const MUDNN_LIFTED = ['cudnnSoftmaxForward', 'cudnnAddTensor', 'cudnnActivationForward', 'cudnnPoolingForward', 'cudnnBatchNormalizationForwardInference'] as const;

export const mudnnLifter: Lifter = {
  name: 'cudnn descriptors (muDNN own-shape calls)',
  lift(call: SourceCall, ctx: LiftContext): LiftResult | undefined {
    if (ctx.target !== 'musa' || !(MUDNN_LIFTED as readonly string[]).includes(call.entry.spec.symbol)) return undefined;
    const lifted = liftCudnnResult(call, ctx);
    // muDNN's pooling runs on the source's pooling descriptor (set by mudnnSetPoolingNdDescriptorEx).
    const pooling = call.entry.spec.params.findIndex((p) => p.name === 'poolingDesc');
    if (lifted?.ok && lifted.invocation.kind === 'operator' && pooling >= 0) {
      return { ok: true, invocation: { ...lifted.invocation, args: new Map([...lifted.invocation.args, ['poolingDesc', call.args[pooling]]]) } };
    }
    return lifted;
  },
};
