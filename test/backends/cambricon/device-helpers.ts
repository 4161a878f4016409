/** Test helpers: host data to and from simulated MLU memory through the facade's own calls. */
import { expect } from 'vitest';
import {
  CNNL_DTYPE_FLOAT,
  CNNL_LAYOUT_ARRAY,
  CNNL_STATUS_SUCCESS,
  cnnlCreateTensorDescriptor,
  cnnlSetTensorDescriptor,
  cnrtFree,
  cnrtMalloc,
  cnrtMemcpy,
  cnrtMemcpyDevToHost,
  cnrtMemcpyHostToDev,
  cnrtSuccess,
  ref,
  type DevicePtr,
  type cnnlTensorDescriptor_t,
} from '../../../src/backends/cambricon/index.js';
import type { SimProcess } from '../../../src/backends/sim/sim-process.js';
import type { TraceRecord } from '../../../src/backends/sim/trace.js';
import type { RuntimeDiagnosticId } from '../../../src/backends/sim/diagnostics.js';
import { Tensor } from '../../../src/runtime/tensor.js';
import { expectClose, type Tolerance } from '../../helpers/expect-close.js';

export function upload(host: ArrayBufferView): DevicePtr {
  const p = ref<DevicePtr>();
  expect(cnrtMalloc(p, host.byteLength)).toBe(cnrtSuccess);
  expect(cnrtMemcpy(p.value, host, host.byteLength, cnrtMemcpyHostToDev)).toBe(cnrtSuccess);
  return p.value;
}

export function allocate(bytes: number): DevicePtr {
  const p = ref<DevicePtr>();
  expect(cnrtMalloc(p, bytes)).toBe(cnrtSuccess);
  return p.value;
}

export function download(ptr: DevicePtr, count: number): Float32Array {
  const out = new Float32Array(count);
  expect(cnrtMemcpy(out, ptr, count * 4, cnrtMemcpyDevToHost)).toBe(cnrtSuccess);
  return out;
}

export function free(...ptrs: DevicePtr[]): void {
  for (const p of ptrs) expect(cnrtFree(p)).toBe(cnrtSuccess);
}

export function descriptor(dims: number[], layout: number = CNNL_LAYOUT_ARRAY, dtype: number = CNNL_DTYPE_FLOAT): cnnlTensorDescriptor_t {
  const d = ref<cnnlTensorDescriptor_t>();
  expect(cnnlCreateTensorDescriptor(d)).toBe(CNNL_STATUS_SUCCESS);
  expect(cnnlSetTensorDescriptor(d.value, layout as never, dtype as never, dims.length, dims)).toBe(CNNL_STATUS_SUCCESS);
  return d.value;
}

export function diagnosticIds(process: SimProcess): RuntimeDiagnosticId[] {
  return process.diagnostics.entries.map((d) => d.id);
}

/** Compares flat arrays with the shared tensor comparison (|a - e| <= atol + rtol |e|). */
export function expectCloseArrays(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: Tolerance, label = ''): void {
  expectClose(Tensor.fromNumbers(Array.from(actual), [actual.length], 'float64'), Tensor.fromNumbers(Array.from(expected), [expected.length], 'float64'), tolerance, label);
}

/** The last operator record of the trace (copies to the host are recorded too). */
export function lastOp(process: SimProcess): TraceRecord {
  const op = process.tracer.records.filter((r) => r.kind === 'op').at(-1);
  if (!op) throw new Error('no operator was traced');
  return op;
}
