/**
 * Runs a CNNL op: the canonical operator via `launchOp` on the handle's queue, under the
 * entry's Cambricon profile with the call's knob settings (TF32 switches, GELU form, ...), with an
 * optional alpha/beta blend into the output.
 */
import type { RawAttributes } from '../../runtime/kernel.js';
import type { Tensor } from '../../runtime/tensor.js';
import { entryProfile, type KnobSetting } from '../sim/call-profile.js';
import type { CallContext } from '../sim/facade-call.js';
import { launchOp, type DeviceOperand, type OpResult } from '../sim/launch-op.js';
import { blend, type GlueContext } from './glue-ops.js';
import { handleStream, type CnnlHandle } from './cnnl-handle.js';

export interface CnnlLaunch {
  readonly op: string;
  readonly inputs: readonly (DeviceOperand | Tensor | undefined)[];
  readonly attributes: RawAttributes;
  readonly outputs: readonly (DeviceOperand | undefined)[];
  readonly knobs?: readonly KnobSetting[];
  /** y = alpha * op(...) + beta * y on output 0 (cuDNN-style blend); omitted = 1 and 0. */
  readonly blend?: { readonly alpha: number; readonly beta: number };
  /** Glue applied to the input views after the ordering checks (op-tensor scaling, upcasts). */
  readonly prepare?: (inputs: readonly (Tensor | undefined)[], glue: GlueContext) => (Tensor | undefined)[];
  /** Further post-processing through glue ops, after the blend. */
  readonly finish?: (results: Tensor[], glue: GlueContext) => Tensor[];
  readonly reads?: readonly DeviceOperand[];
  readonly flops?: number;
}

export function launchCnnl(ctx: CallContext, handle: CnnlHandle, launch: CnnlLaunch): OpResult {
  const { process } = ctx;
  // The entry's own catalog profile (or the backend default), then the call's knob settings.
  const profile = entryProfile('cambricon', ctx.symbol, launch.knobs ?? []);
  const glue: GlueContext = { mode: process.mode, profile };
  const out0 = launch.outputs[0];
  const needsBlend = launch.blend !== undefined && (launch.blend.alpha !== 1 || launch.blend.beta !== 0);
  // With beta != 0 the kernel reads y too, so y gets the same race check as the inputs.
  const readsPrior = needsBlend && launch.blend!.beta !== 0 && out0 !== undefined;
  return launchOp(process, {
    backend: ctx.backend,
    symbol: ctx.symbol,
    op: launch.op,
    inputs: launch.inputs,
    attributes: launch.attributes,
    profile,
    stream: handleStream(process, handle),
    outputs: launch.outputs,
    site: ctx.site,
    flops: launch.flops,
    reads: readsPrior ? [...(launch.reads ?? []), out0!] : launch.reads,
    prepare: launch.prepare ? (inputs) => launch.prepare!(inputs, glue) : undefined,
    finish: (results) => {
      let out = results;
      // The blend also rounds a result computed in a wider compute type to the output dtype.
      if (out0 && out[0] && (needsBlend || out[0].dtype !== out0.view.dtype)) {
        const alpha = launch.blend?.alpha ?? 1;
        const beta = launch.blend?.beta ?? 0;
        out = [blend(glue, out[0], alpha, beta, beta !== 0 ? out0.view : undefined, out0.view.dtype), ...out.slice(1)];
      }
      return launch.finish ? launch.finish(out, glue) : out;
    },
  });
}
