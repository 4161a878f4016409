/**
 * `cudnnSetConvolutionMathType(desc, CUDNN_DEFAULT_MATH)` on MUSA. muDNN's `mudnnMathType_t` has
 * no default member, only MUDNN_TENSOR_OP_MATH and MUDNN_FMA_MATH (mappings/musa/mudnn.yaml).
 * What CUDNN_DEFAULT_MATH asks of an fp32 convolution is "TF32 permitted" (cuda.md §9), which is
 * muDNN's tensor-op mode: torch_musa picks MUDNN_TENSOR_OP_MATH for fp32 data whenever allow_tf32
 * is on, its default (cuda-compatible.md, Context.h), and profiles/musa.yaml models muDNN's fp32
 * convolution in that mode. The other backends' convolution lowerers read `math.default` the
 * same way (cnnl/conv-plan.ts, xdnn/conv-plan.ts, dnn/aclnn-conv-lowerer.ts). The correspondence
 * is inferred from those confirmed facts; the call is written with MUDNN_TENSOR_OP_MATH and the
 * role lowerer does the rest.
 */
import type { EnumArgument, Invocation } from '../../ir/invocation.js';
import type { RoleKey } from '../../ir/roles.js';
import type { LowerContext, LowerResult, Lowerer } from '../../lower/lowerer.js';
import { roleLowerer } from '../../lower/role-lowerer.js';

export const convolutionDefaultMathLowerer: Lowerer = {
  name: 'CUDNN_DEFAULT_MATH as muDNN tensor-op math',
  lower(invocation: Invocation, ctx: LowerContext): LowerResult | undefined {
    if (invocation.kind !== 'primitive' || invocation.origin.symbol !== 'cudnnSetConvolutionMathType') return undefined;
    const argument = invocation.enums.get('math-mode');
    if (!argument?.direct || argument.meaning !== 'math.default') return undefined;
    const enums = new Map<RoleKey, EnumArgument>(invocation.enums);
    enums.set('math-mode', { ...argument, meaning: 'math.tensor-op' });
    return roleLowerer.lower({ ...invocation, enums }, ctx);
  },
};
