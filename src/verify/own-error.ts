/**
 * A call's own error: its result against the float64 value of the same operator on the
 * call's own inputs (msprobe's pre-check idea: rerun each API on its recorded inputs in high
 * precision). Error inherited from earlier calls is thereby left out, so the call can be held
 * to the bound its numeric profile documents for it alone.
 *
 * Recomputing is only trusted when it reproduces the golden run's record of the same call
 * bit for bit: a facade that post-processes a result (a fused epilogue applied outside the
 * operator, tensor attributes the trace summarises) fails that test, and the own error is then
 * reported as unavailable rather than guessed.
 */
import type { TraceRecord } from '../backends/sim/trace.js';
import type { RawAttributes } from '../runtime/kernel.js';
import { runOp } from '../runtime/run-op.js';
import type { Tensor } from '../runtime/tensor.js';
import { fromTensorData, type TensorData } from '../runtime/tensor-transfer.js';
import { tensorMetrics, type TensorMetrics } from './metrics.js';
import { profileWidening, type Widening } from './profile-widening.js';
import type { StrictTolerance } from './tolerance.js';
import { checkWithin, type ToleranceCheck } from './tolerance-check.js';
import type { ProfileLookup } from './trace-profile.js';

export type OwnError =
  | {
      readonly status: 'measured';
      /** Against the float64 recomputation, output by output (first recorded output first). */
      readonly metrics: TensorMetrics;
      /** Within the strict tolerance alone. */
      readonly strict: ToleranceCheck;
      /** Within strict + the profile's widening; undefined when the profile is unknown. */
      readonly widened: ToleranceCheck | undefined;
      readonly widening: Widening | undefined;
    }
  | { readonly status: 'unavailable'; readonly reason: string };

function sameBits(a: TensorData, b: Tensor): boolean {
  if (a.dtype !== b.dtype || a.shape.length !== b.shape.length || a.shape.some((d, i) => d !== b.shape[i])) return false;
  const x = new Uint8Array(a.storage.buffer, a.storage.byteOffset, a.storage.byteLength);
  const c = b.contiguous().storage;
  const y = new Uint8Array(c.buffer, c.byteOffset, c.byteLength);
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Which kernel output each recorded output is (facades may drop optional outputs). */
function outputMap(recorded: readonly TensorData[], computed: readonly Tensor[]): number[] | undefined {
  const map: number[] = [];
  let next = 0;
  for (const r of recorded) {
    while (next < computed.length && !sameBits(r, computed[next])) next++;
    if (next === computed.length) return undefined;
    map.push(next++);
  }
  return map;
}

function recompute(record: TraceRecord): Tensor[] {
  return runOp(record.op, record.inputs.map(fromTensorData), record.attributes as RawAttributes, { mode: 'golden' });
}

/**
 * Own error of the ported call `profiled` (its first recorded output), given the golden run's
 * record of the same call and the profile the call ran under.
 */
export function measureOwnError(profiled: TraceRecord, golden: TraceRecord, profile: ProfileLookup, strict: StrictTolerance, widen: boolean): OwnError {
  if (profiled.inputs.length === 0 || golden.inputs.length === 0) {
    return { status: 'unavailable', reason: `${profiled.symbol} records no inputs, so its own error cannot be recomputed` };
  }
  if (profiled.outputs.length === 0) return { status: 'unavailable', reason: `${profiled.symbol} records no outputs` };
  let map: number[] | undefined;
  try {
    map = outputMap(golden.outputs, recompute(golden));
  } catch (error) {
    return { status: 'unavailable', reason: `${profiled.op} cannot be recomputed from the traced inputs and attributes (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!map) {
    return {
      status: 'unavailable',
      reason: `${profiled.symbol}'s result is not ${profiled.op} of its recorded inputs (the facade post-processes it, e.g. a fused epilogue), so its own error cannot be recomputed`,
    };
  }
  const reference = recompute(profiled)[map[0]];
  const actual = fromTensorData(profiled.outputs[0]);
  const got = actual.toFloat64();
  const want = reference.toFloat64();
  const metrics = tensorMetrics(got, want, actual.dtype);
  const strictCheck = checkWithin(got, want, strict);
  if (!profile.ok) return { status: 'measured', metrics, strict: strictCheck, widened: undefined, widening: undefined };
  const widening = widen
    ? profileWidening({ op: profiled.op, attributes: profiled.attributes, inputs: profiled.inputs.map(fromTensorData), reference }, profile.profile)
    : { profile: profile.profile.id, rtol: 0, atol: 0, reasons: ['widening disabled (widen: false)'] };
  const widened = checkWithin(got, want, { rtol: strict.rtol + widening.rtol, atol: strict.atol + widening.atol, magnitude: widening.magnitude });
  return { status: 'measured', metrics, strict: strictCheck, widened, widening };
}
