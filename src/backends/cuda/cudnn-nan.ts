/**
 * cudnnNanPropagation_t. The runtime's operators propagate NaN, which is
 * CUDNN_PROPAGATE_NAN. What cuDNN returns for a NaN under CUDNN_NOT_PROPAGATE_NAN is not
 * documented in the sources read, so it is not modelled: when such a call meets a NaN input
 * it records a warning (OB2014) instead of guessing.
 */
import type { Tensor } from '../../runtime/tensor.js';
import type { CallContext } from '../sim/facade-call.js';

const FLOAT_TYPES = new Set(['float16', 'bfloat16', 'float32', 'float64']);

export function warnNanNotPropagated(ctx: CallContext, input: Tensor, option: string): void {
  if (!FLOAT_TYPES.has(input.dtype) || !input.toFloat64().some(Number.isNaN)) return;
  ctx.process.diagnostics.add({
    id: 'OB2014',
    severity: 'warning',
    message: `${ctx.symbol}: the input holds NaN and ${option} is CUDNN_NOT_PROPAGATE_NAN; the simulator propagates NaN (CUDNN_NOT_PROPAGATE_NAN's result for NaN inputs is not modelled)`,
    backend: ctx.backend,
    symbol: ctx.symbol,
    site: ctx.site,
    rank: ctx.process.rank,
  });
}
