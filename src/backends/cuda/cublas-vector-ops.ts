/**
 * cuBLAS level-2 / level-1 routines (cublasSgemv, Saxpy, Sdot, Sscal, Snrm2, Sasum,
 * Isamax) as the canonical operators the catalog binds, on strided views of device memory.
 * Multi-step bindings (Saxpy = Mul then Add, Snrm2 = Mul, ReduceSum, Sqrt, ...) run as one
 * launch per step on the handle's stream. Scalar results go to host memory: the pointer
 * mode is host, cuBLAS's default (confirmed for cuBLASLt, unconfirmed for classic cuBLAS,
 * cuda.md §3.2), and such calls return only when the result is there (the host waits for
 * the stream). Increments must be positive (negative increments, walking a vector
 * backwards, are not simulated: CUBLAS_STATUS_NOT_SUPPORTED).
 */
import { runOp } from '../../runtime/run-op.js';
import { Tensor } from '../../runtime/tensor.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { CallContext } from '../sim/facade-call.js';
import { launchOp, type DeviceOperand } from '../sim/launch-op.js';
import { requireDevicePtr, requireHostMemory } from '../sim/memory-ops.js';
import type { SimStream } from '../sim/stream-ordering.js';
import type { DevicePtr } from '../sim/device-memory.js';
import { CUBLAS_STATUS_NOT_SUPPORTED, type cublasOperation_t, type cublasStatus_t } from './constants.generated.js';
import { isTransposed } from './cublas-gemm.js';
import { cublasCall, cublasLaunchStream, rejectCublas, requireCublasHandle, type cublasHandle_t } from './cublas-handle.js';
import { launchGemm } from './gemm-launch.js';
import { readHostScalar } from './host-scalars.js';
import { vectorOperand } from './matrix-views.js';
import { asDeviceWork } from './runtime-state.js';
import { boundEntryProfile } from './backend-binding.js';

function requireCount(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new DeviceFault('invalid-value', `${what} must be an integer, got ${String(value)}`);
  return value;
}

/** The stream to launch on, or the status that ends the call. */
function streamOf(ctx: CallContext, handle: unknown): SimStream | number {
  return cublasLaunchStream(ctx, requireCublasHandle(handle).stream, 'the handle stream');
}

function negativeIncrement(ctx: CallContext, what: string, inc: number): number {
  return rejectCublas(ctx, CUBLAS_STATUS_NOT_SUPPORTED, `${what} = ${inc}: negative increments (a vector walked backwards) are not simulated`, 'OB2014');
}

/** A float32 host array for a pointer-mode-host result. */
function hostResult(result: unknown): ArrayBufferView {
  const memory = requireHostMemory(result, 'result');
  const view = memory instanceof ArrayBuffer ? new Float32Array(memory) : memory;
  if (view.byteLength === 0) throw new DeviceFault('out-of-bounds', 'result is an empty host array');
  return view;
}

/** BLAS's answer for an empty vector (n <= 0 or a non-positive increment), written without a launch. */
function writeZero(view: ArrayBufferView): void {
  (view as unknown as { [i: number]: number })[0] = 0;
}

function scalarTensor(value: number): Tensor {
  return Tensor.fromNumbers([value], [1], 'float32');
}

interface Step {
  readonly op: string;
  readonly inputs: readonly (DeviceOperand | Tensor | undefined)[];
  readonly attributes?: Record<string, number>;
  readonly output?: DeviceOperand | { host: ArrayBufferView };
  readonly finish?: (results: Tensor[]) => Tensor[];
}

/** Runs a binding's steps in order on one stream; each step's result feeds the next. */
function runSteps(ctx: CallContext, stream: SimStream, steps: readonly ((previous: Tensor | undefined) => Step)[]): Tensor | undefined {
  const profile = boundEntryProfile(ctx.symbol);
  let previous: Tensor | undefined;
  for (const make of steps) {
    const step = make(previous);
    const { results } = launchOp(ctx.process, {
      backend: ctx.backend,
      symbol: ctx.symbol,
      op: step.op,
      inputs: step.inputs,
      attributes: step.attributes ?? {},
      profile,
      stream,
      outputs: [step.output],
      finish: step.finish,
      site: ctx.site,
    });
    previous = results[0];
  }
  return previous;
}

/** y = alpha·op(A)·x + beta·y with A column-major m×n: Gemm with x and y as one-column matrices. */
export function cublasSgemv(
  handle: cublasHandle_t,
  trans: cublasOperation_t,
  m: number,
  n: number,
  alpha: number,
  A: unknown,
  lda: number,
  x: unknown,
  incx: number,
  beta: number,
  y: unknown,
  incy: number,
): cublasStatus_t {
  return cublasCall('cublasSgemv', (ctx) => {
    requireCublasHandle(handle);
    const transA = isTransposed(trans, 'trans');
    const rows = requireCount(m, 'm');
    const cols = requireCount(n, 'n');
    if (rows < 0 || cols < 0) throw new DeviceFault('invalid-value', `m and n must be >= 0, got m = ${rows}, n = ${cols}`);
    if (!Number.isInteger(lda) || lda < Math.max(1, rows)) throw new DeviceFault('invalid-value', `lda = ${lda} is less than max(1, m) = ${Math.max(1, rows)}`);
    const ix = requireCount(incx, 'incx');
    const iy = requireCount(incy, 'incy');
    if (ix === 0 || iy === 0) throw new DeviceFault('invalid-value', `incx and incy must not be 0 (got incx = ${ix}, incy = ${iy})`);
    const a = readHostScalar(alpha, 'alpha', 'float32');
    const b = readHostScalar(beta, 'beta', 'float32');
    if (rows === 0 || cols === 0) return;
    if (ix < 0) return negativeIncrement(ctx, 'incx', ix);
    if (iy < 0) return negativeIncrement(ctx, 'incy', iy);
    const stream = streamOf(ctx, handle);
    if (typeof stream === 'number') return stream;
    const [lenX, lenY] = transA ? [rows, cols] : [cols, rows];
    const dA = requireDevicePtr(A, 'A');
    const dx = requireDevicePtr(x, 'x');
    const dy = requireDevicePtr(y, 'y');
    const ySpec = { what: 'y', ptr: dy, dtype: 'float32', rows: lenY, cols: 1, ld: iy, order: 'row' } as const;
    asDeviceWork(ctx, () =>
      launchGemm(ctx, {
        a: { what: 'A', ptr: dA, dtype: 'float32', rows, cols, ld: lda, order: 'column' },
        b: { what: 'x', ptr: dx, dtype: 'float32', rows: lenX, cols: 1, ld: ix, order: 'row' },
        c: ySpec,
        d: ySpec,
        transA,
        transB: false,
        alpha: a,
        beta: b,
        k: lenX,
        computeDType: 'float32',
        profile: boundEntryProfile('cublasSgemv'),
        stream,
      }),
    );
  });
}

function vector(ctx: CallContext, what: string, ptr: DevicePtr, n: number, inc: number): DeviceOperand {
  return vectorOperand(ctx.process, what, ptr, 'float32', n, inc);
}

/** y = alpha·x + y over n strided elements: Mul(x, alpha), then Add(that, y) into y. */
export function cublasSaxpy(handle: cublasHandle_t, n: number, alpha: number, x: unknown, incx: number, y: unknown, incy: number): cublasStatus_t {
  return cublasCall('cublasSaxpy', (ctx) => {
    requireCublasHandle(handle);
    const count = requireCount(n, 'n');
    const ix = requireCount(incx, 'incx');
    const iy = requireCount(incy, 'incy');
    const a = readHostScalar(alpha, 'alpha', 'float32');
    if (count <= 0) return;
    if (ix < 0) return negativeIncrement(ctx, 'incx', ix);
    if (iy <= 0) {
      if (iy === 0) throw new DeviceFault('invalid-value', 'incy = 0 would write every element of y to one address');
      return negativeIncrement(ctx, 'incy', iy);
    }
    const stream = streamOf(ctx, handle);
    if (typeof stream === 'number') return stream;
    const dx = requireDevicePtr(x, 'x');
    const dy = requireDevicePtr(y, 'y');
    asDeviceWork(ctx, () => {
      const xs = vector(ctx, 'x', dx, count, ix);
      const ys = vector(ctx, 'y', dy, count, iy);
      runSteps(ctx, stream, [
        () => ({ op: 'Mul', inputs: [xs, scalarTensor(a)] }),
        (scaled) => ({ op: 'Add', inputs: [scaled, ys], output: ys }),
      ]);
    });
  });
}

/** result = Σ x[i]·y[i]: MatMul of two 1-D vectors, into host memory. */
export function cublasSdot(handle: cublasHandle_t, n: number, x: unknown, incx: number, y: unknown, incy: number, result: unknown): cublasStatus_t {
  return cublasCall('cublasSdot', (ctx) => {
    requireCublasHandle(handle);
    const count = requireCount(n, 'n');
    const ix = requireCount(incx, 'incx');
    const iy = requireCount(incy, 'incy');
    const out = hostResult(result);
    if (count <= 0) return writeZero(out);
    if (ix < 0) return negativeIncrement(ctx, 'incx', ix);
    if (iy < 0) return negativeIncrement(ctx, 'incy', iy);
    const stream = streamOf(ctx, handle);
    if (typeof stream === 'number') return stream;
    const dx = requireDevicePtr(x, 'x');
    const dy = requireDevicePtr(y, 'y');
    asDeviceWork(ctx, () => {
      const xs = vector(ctx, 'x', dx, count, ix);
      const ys = vector(ctx, 'y', dy, count, iy);
      runSteps(ctx, stream, [() => ({ op: 'MatMul', inputs: [xs, ys], output: { host: out } })]);
    });
    ctx.process.ordering.synchronizeStream(stream);
  });
}

/** x = alpha·x over n strided elements, in place. */
export function cublasSscal(handle: cublasHandle_t, n: number, alpha: number, x: unknown, incx: number): cublasStatus_t {
  return cublasCall('cublasSscal', (ctx) => {
    requireCublasHandle(handle);
    const count = requireCount(n, 'n');
    const ix = requireCount(incx, 'incx');
    const a = readHostScalar(alpha, 'alpha', 'float32');
    if (count <= 0 || ix <= 0) return; // BLAS: nothing to scale
    const stream = streamOf(ctx, handle);
    if (typeof stream === 'number') return stream;
    const dx = requireDevicePtr(x, 'x');
    asDeviceWork(ctx, () => {
      const xs = vector(ctx, 'x', dx, count, ix);
      runSteps(ctx, stream, [() => ({ op: 'Mul', inputs: [xs, scalarTensor(a)], output: xs })]);
    });
  });
}

/**
 * A reduction of x into a host scalar; n <= 0 or incx <= 0 gives 0 without a launch, as the
 * cuBLAS docs state for these routines.
 */
function reduceToHost(
  handle: unknown,
  n: unknown,
  x: unknown,
  incx: unknown,
  result: unknown,
  symbol: string,
  steps: (xs: DeviceOperand, out: { host: ArrayBufferView }) => ((previous: Tensor | undefined) => Step)[],
  resultType: 'float32' | 'int32',
): cublasStatus_t {
  return cublasCall(symbol, (ctx) => {
    requireCublasHandle(handle);
    const count = requireCount(n, 'n');
    const ix = requireCount(incx, 'incx');
    const memory = requireHostMemory(result, 'result');
    const out = memory instanceof ArrayBuffer ? (resultType === 'int32' ? new Int32Array(memory) : new Float32Array(memory)) : memory;
    if (out.byteLength === 0) throw new DeviceFault('out-of-bounds', 'result is an empty host array');
    if (count <= 0 || ix <= 0) return writeZero(out);
    const stream = streamOf(ctx, handle);
    if (typeof stream === 'number') return stream;
    const dx = requireDevicePtr(x, 'x');
    asDeviceWork(ctx, () => runSteps(ctx, stream, steps(vector(ctx, 'x', dx, count, ix), { host: out })));
    ctx.process.ordering.synchronizeStream(stream);
  });
}

/** result = sqrt(Σ x[i]²): Mul(x, x), ReduceSum, Sqrt (the definition; cuBLAS's scaling against overflow is not modelled). */
export function cublasSnrm2(handle: cublasHandle_t, n: number, x: unknown, incx: number, result: unknown): cublasStatus_t {
  return reduceToHost(handle, n, x, incx, result, 'cublasSnrm2', (xs, out) => [
    () => ({ op: 'Mul', inputs: [xs, xs] }),
    (squares) => ({ op: 'ReduceSum', inputs: [squares], attributes: { keepdims: 0 } }),
    (sum) => ({ op: 'Sqrt', inputs: [sum], output: out }),
  ], 'float32');
}

/** result = Σ |x[i]|: Abs then ReduceSum. */
export function cublasSasum(handle: cublasHandle_t, n: number, x: unknown, incx: number, result: unknown): cublasStatus_t {
  return reduceToHost(handle, n, x, incx, result, 'cublasSasum', (xs, out) => [
    () => ({ op: 'Abs', inputs: [xs] }),
    (abs) => ({ op: 'ReduceSum', inputs: [abs], attributes: { keepdims: 0 }, output: out }),
  ], 'float32');
}

/**
 * result = the smallest 1-based index of the largest |x[i]| (Fortran-style, as cuBLAS
 * documents): Abs, ArgMax with select_last_index = 0, then + 1 for the 1-based index.
 */
export function cublasIsamax(handle: cublasHandle_t, n: number, x: unknown, incx: number, result: unknown): cublasStatus_t {
  return reduceToHost(handle, n, x, incx, result, 'cublasIsamax', (xs, out) => [
    () => ({ op: 'Abs', inputs: [xs] }),
    (abs) => ({
      op: 'ArgMax',
      inputs: [abs],
      attributes: { axis: 0, keepdims: 0, select_last_index: 0 },
      output: out,
      finish: (indices) => runOp('Add', [indices[0], Tensor.fromNumbers([1], [], 'int64')]),
    }),
  ], 'int32');
}

export const cublasSgemv_v2 = cublasSgemv;
export const cublasSaxpy_v2 = cublasSaxpy;
export const cublasSdot_v2 = cublasSdot;
export const cublasSscal_v2 = cublasSscal;
export const cublasSnrm2_v2 = cublasSnrm2;
export const cublasSasum_v2 = cublasSasum;
export const cublasIsamax_v2 = cublasIsamax;
