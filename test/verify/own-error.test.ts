import { describe, expect, it } from 'vitest';
import { deviceTensor, storeInto } from '../../src/backends/sim/device-tensor.js';
import { launchOp } from '../../src/backends/sim/launch-op.js';
import { SimProcess } from '../../src/backends/sim/sim-process.js';
import { Tensor } from '../../src/runtime/tensor.js';
import { fromTensorData } from '../../src/runtime/tensor-transfer.js';
import { measureOwnError } from '../../src/verify/own-error.js';
import { ToleranceResolver } from '../../src/verify/tolerance.js';
import { catalog, IEEE, TF32_FTZ } from './fixture-catalog.js';

/** One in-place call (Y = Gelu(X) written over X) through launchOp, as a facade makes it. */
function inPlaceGelu(mode: 'golden' | 'profiled') {
  const process = new SimProcess({ mode, traceLevel: 'full' });
  const ptr = process.memory().allocate(16, 'device');
  const view = deviceTensor(process, { ptr, dtype: 'float32', shape: [4] });
  storeInto(view, Tensor.fromNumbers([-1.5, 0.25, 2, -0.125], [4], 'float32'));
  launchOp(process, { backend: 'cann', symbol: 'lowGelu', op: 'Gelu', inputs: [{ ptr, view }], attributes: {}, profile: TF32_FTZ, stream: process.ordering.defaultStream(0), outputs: [{ ptr, view }] });
  return process.tracer.records[0];
}

describe('own error', () => {
  it('recomputes an in-place call from the inputs it had before it overwrote them', () => {
    const profiled = inPlaceGelu('profiled');
    expect(fromTensorData(profiled.inputs[0]).toFlatArray()).toEqual([-1.5, 0.25, 2, -0.125]);
    const strict = new ToleranceResolver(catalog).forOperator('Gelu', 'float32');
    const own = measureOwnError(profiled, inPlaceGelu('golden'), { ok: true, profile: TF32_FTZ }, strict, true);
    expect(own).toMatchObject({ status: 'measured', strict: { ok: true } });
  });

  it('is unavailable, with the reason, when the trace holds no inputs', () => {
    const record = { ...inPlaceGelu('profiled'), inputs: [] };
    const strict = new ToleranceResolver(catalog).forOperator('Gelu', 'float32');
    expect(measureOwnError(record, inPlaceGelu('golden'), { ok: true, profile: IEEE }, strict, true)).toEqual({
      status: 'unavailable',
      reason: 'lowGelu records no inputs, so its own error cannot be recomputed',
    });
  });
});
