/**
 * The bridge from a facade call to the runtime: enqueue on a stream (simulated time),
 * check that every input was produced by work ordered before this call, run the canonical
 * operator under the right mode and profile, write the outputs into device memory, record
 * the writes and a trace record.
 */
import type { RawAttributes } from '../../runtime/kernel.js';
import { GOLDEN_PROFILE, type NumericProfile } from '../../runtime/numerics/numeric-profile.js';
import { runOp } from '../../runtime/run-op.js';
import type { Tensor } from '../../runtime/tensor.js';
import { toTensorData } from '../../runtime/tensor-transfer.js';
import { captureCallSite, type CallSite } from './call-site.js';
import type { DevicePtr } from './device-memory.js';
import { extentElements } from './device-tensor.js';
import { storeInto } from './device-tensor.js';
import type { SimProcess } from './sim-process.js';
import { memoryRange } from './trace.js';
import { SIMULATED_DEVICE, type OpStamp, type SimStream } from './stream-ordering.js';
import { ITEM_SIZE } from '../../runtime/dtype.js';
import { DeviceFault } from './device-fault.js';

export interface DeviceOperand {
  /** Base pointer the view starts at (for race tracking). */
  readonly ptr: DevicePtr;
  /** Zero-copy view over device memory (from `deviceTensor`). */
  readonly view: Tensor;
}

/**
 * A host destination for an operator result: cuBLAS level-1 results in the default host
 * pointer mode land in host memory. Elements are stored in order, converted to the array's
 * element type (raw bits when the array type matches the result's storage).
 */
export interface HostOperand {
  readonly host: ArrayBufferView;
}

export interface OpLaunch {
  readonly backend: string;
  readonly symbol: string;
  readonly op: string;
  readonly inputs: readonly (DeviceOperand | Tensor | undefined)[];
  readonly attributes: RawAttributes;
  readonly profile: NumericProfile;
  readonly stream: SimStream;
  /** Where each operator output goes; undefined discards that output. */
  readonly outputs: readonly (DeviceOperand | HostOperand | undefined)[];
  /**
   * Pre-processing of the input views after the ordering checks and before the operator runs
   * (e.g. widening fp16 operands that a vendor kernel converts as it loads them); identity
   * when omitted.
   */
  readonly prepare?: (inputs: readonly (Tensor | undefined)[]) => (Tensor | undefined)[];
  /**
   * Results computed by the caller instead of running `op` (a vendor generator that continues
   * its own stream position, which the operator's attributes cannot express); the launch is
   * still ordered, stored and traced as `op` with `attributes`.
   */
  readonly compute?: (inputs: readonly (Tensor | undefined)[]) => Tensor[];
  /**
   * Post-processing of each result before it is stored (e.g. cuBLAS beta*C blending or a
   * fused epilogue done by a later kernel call); defaults to identity.
   */
  readonly finish?: (results: Tensor[]) => Tensor[];
  readonly flops?: number;
  readonly site?: CallSite;
  /**
   * Device memory the kernel reads besides `inputs`: operands that glue prepared before the
   * launch (e.g. alpha-scaled or upcast copies passed as host Tensors) still get race checks.
   */
  readonly reads?: readonly DeviceOperand[];
  /**
   * Also trace the results that are not stored (outputs[i] undefined): a result the facade
   * goes on to blend before storing it (cuDNN's y = alpha·op(x) + beta·y) is still the
   * operator's output and belongs in the trace.
   */
  readonly traceUnstoredOutputs?: boolean;
}

export interface OpResult {
  readonly stamp: OpStamp;
  readonly results: Tensor[];
}

function isOperand(x: DeviceOperand | Tensor | undefined): x is DeviceOperand {
  return x !== undefined && 'view' in x && 'ptr' in x;
}

function bytesOf(t: Tensor): number {
  if (t.strides.every((s) => s >= 0)) return extentElements(t.shape, t.strides) * ITEM_SIZE[t.dtype];
  // A view with reversed axes (a convolution filter flipped in place) reaches from its
  // storage start, which is the operand's pointer, to its furthest element.
  if (t.size === 0) return 0;
  let last = t.offset;
  t.shape.forEach((dim, i) => {
    if (t.strides[i] > 0) last += (dim - 1) * t.strides[i];
  });
  return (last + 1) * ITEM_SIZE[t.dtype];
}

export function launchOp(process: SimProcess, launch: OpLaunch): OpResult {
  const site = launch.site ?? captureCallSite();
  const inputTensors = launch.inputs.map((x) => (isOperand(x) ? x.view : x));
  const movedBytes = inputTensors.reduce((n, t) => n + (t ? t.size * t.itemSize : 0), 0);
  const durationUs = Math.max((launch.flops ?? 0) / SIMULATED_DEVICE.flopsPerUs, movedBytes / SIMULATED_DEVICE.deviceBytesPerUs);
  const stamp = process.ordering.enqueue(launch.stream, durationUs);

  for (const input of [...launch.inputs, ...(launch.reads ?? [])]) {
    if (!isOperand(input)) continue;
    const race = process.access.unorderedDeviceWrite(input.ptr, bytesOf(input.view), launch.stream, process.ordering);
    if (race) {
      process.diagnostics.add({
        id: 'OB2007',
        message:
          `${launch.symbol} on stream ${launch.stream.id} reads memory written by ${race.symbol}` +
          `${race.site ? ` (${race.site.file}:${race.site.line})` : ''} on stream ${race.stamp.stream} ` +
          `without an event wait or synchronisation in between`,
        backend: launch.backend,
        symbol: launch.symbol,
        site,
        rank: process.rank,
      });
    }
  }

  const mode = process.mode;
  const operands = launch.prepare ? launch.prepare(inputTensors) : inputTensors;
  const computed = launch.compute
    ? launch.compute(operands)
    : runOp(launch.op, operands, launch.attributes, {
        mode,
        profile: mode === 'golden' ? GOLDEN_PROFILE : launch.profile,
      });
  const results = launch.finish ? launch.finish(computed) : computed;
  // Captured before the outputs are stored: an in-place call overwrites its own inputs.
  const tracedInputs = process.tracer.level === 'full' ? inputTensors.filter((t): t is Tensor => t !== undefined).map(toTensorData) : [];

  launch.outputs.forEach((out, i) => {
    if (!out || !results[i]) return;
    if ('host' in out) {
      storeIntoHost(out.host, results[i], launch.op);
      return;
    }
    storeInto(out.view, results[i]);
    process.access.recordDeviceWrite(out.ptr, bytesOf(out.view), stamp, launch.symbol, site);
  });

  process.tracer.add({
    kind: 'op',
    backend: launch.backend,
    symbol: launch.symbol,
    op: launch.op,
    attributes: plainAttributes(launch.attributes),
    inputs: tracedInputs,
    outputs: results.filter((t, i) => t && (launch.outputs[i] || launch.traceUnstoredOutputs)).map(toTensorData),
    profile: mode === 'golden' ? 'golden' : launch.profile.id,
    site,
    stream: launch.stream.id,
    reads: [...launch.inputs, ...(launch.reads ?? [])].filter(isOperand).map((x) => memoryRange(x.ptr, bytesOf(x.view))),
    writes: launch.outputs.flatMap((out, i) => (out && results[i] && !('host' in out) ? [memoryRange(out.ptr, bytesOf(out.view))] : [])),
    writesHost: launch.outputs.some((out, i) => out !== undefined && results[i] !== undefined && 'host' in out),
  });
  return { stamp, results };
}

/** Copies a result into host memory, element by element in row-major order. */
function storeIntoHost(host: ArrayBufferView, value: Tensor, op: string): void {
  const src = value.contiguous();
  const elements = host as unknown as { length: number; [i: number]: number | bigint };
  if (elements.length < src.size) {
    throw new DeviceFault('out-of-bounds', `${op} writes ${src.size} elements into a host buffer of ${elements.length}`);
  }
  const storage = src.storage as unknown as ArrayLike<number | bigint>;
  const raw = host.constructor === src.storage.constructor;
  const wantsBigInt = host instanceof BigInt64Array || host instanceof BigUint64Array;
  const decoded = raw ? undefined : src.toFloat64();
  for (let i = 0; i < src.size; i++) {
    if (raw) elements[i] = storage[src.offset + i];
    else elements[i] = wantsBigInt ? BigInt(Math.trunc(decoded![i])) : decoded![i];
  }
}

function plainAttributes(attrs: RawAttributes): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    out[k] = typeof v === 'object' && v !== null && 'shape' in v ? `Tensor[${(v as Tensor).shape.join(',')}]` : v;
  }
  return out;
}
