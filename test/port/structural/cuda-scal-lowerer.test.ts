/**
 * cuda-lower/cublas-scal-lowerer.ts: the IR a CNNL or XDNN scale lifts to (Mul of a 1-D view by a
 * host scalar, as blas/cublas-scal-lifter.ts writes it) comes back to CUDA as cublasSscal. The
 * source here is MUSA's mublasSscal read by a small test lifter into that IR, so the lowerer is
 * exercised without another helper's lifter.
 */
import { describe, expect, it } from 'vitest';
import { generated } from '../../../src/port/ir/expr.js';
import type { OpInvocation, TensorExpr } from '../../../src/port/ir/invocation.js';
import { LifterRegistry, type Lifter } from '../../../src/port/lift/lifter.js';
import { roleLifter } from '../../../src/port/lift/role-lifter.js';
import { portSource } from '../../../src/port/port-source.js';

/** mublasSscal(handle, n, alpha, x, incx) → Mul(A = x, B = alpha on the host) into C (x, or `y` for the out-of-place case). */
function scaleLifter(outOfPlace: boolean): Lifter {
  return {
    name: 'test: scal as Mul by a host scalar',
    lift(call) {
      const [handle, n, alpha, x, inc] = call.args;
      const dtype = { meaning: 'dtype.float32', dtype: 'float32' as const };
      const view: TensorExpr = { ptr: x, dims: [n], strides: [inc], layout: 'row-major', dtype };
      const out: TensorExpr = outOfPlace ? { ...view, ptr: generated('y') } : view;
      const invocation: OpInvocation = {
        kind: 'operator',
        operator: 'Mul',
        inputs: new Map([['A', view], ['B', { ptr: alpha, dims: [], strides: [], layout: 'host', dtype }]]),
        outputs: new Map([['C', out]]),
        attributes: new Map(),
        args: new Map([['handle', handle]]),
        numerics: {},
        enums: new Map(),
        origin: { backend: call.backend, entry: call.entry, symbol: call.entry.spec.symbol },
      };
      return { ok: true, invocation };
    },
  };
}

const program = `import { mublasSscal } from 'opbridge/musa';
check(mublasSscal(h, n, 0.5, x, 2));
`;

describe('Mul of a vector by a host scalar → cublasSscal', () => {
  it('in place: the handle, count, scalar, vector and increment as they were', () => {
    const lifters = new LifterRegistry(roleLifter).register({ backend: 'musa', symbol: 'mublasSscal' }, scaleLifter(false));
    const result = portSource(program, { to: 'cuda', lifters });
    expect(result.output).toBe(`import { cublasSscal } from 'opbridge/cuda';
check(cublasSscal(h, n, 0.5, x, 2));
`);
    expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('out of place is declined with the reason (cuBLAS scales in place)', () => {
    const lifters = new LifterRegistry(roleLifter).register({ backend: 'musa', symbol: 'mublasSscal' }, scaleLifter(true));
    const result = portSource(program, { to: 'cuda', lifters });
    expect(result.diagnostics.map((d) => d.id)).toContain('OB1019');
    expect(result.diagnostics.find((d) => d.id === 'OB1019')?.message).toContain('cublasSscal scales in place');
  });
});
