/**
 * What every XDNN call shares: the facadeCall wrapper returning xpu::Error_t, the context and
 * its stream, dimension checks, device operands as tensor views, glue operators run in the
 * call's mode and profile, and the launch of the canonical operator on the context's stream.
 */
import type { DType } from '../../../runtime/dtype.js';
import type { RawAttributes } from '../../../runtime/kernel.js';
import { GOLDEN_PROFILE, type NumericProfile } from '../../../runtime/numerics/numeric-profile.js';
import { runOp } from '../../../runtime/run-op.js';
import type { Tensor } from '../../../runtime/tensor.js';
import { entryProfile, type KnobSetting } from '../../sim/call-profile.js';
import { DeviceFault } from '../../sim/device-fault.js';
import { deviceTensor } from '../../sim/device-tensor.js';
import { facadeCall, type CallContext } from '../../sim/facade-call.js';
import { launchOp, type DeviceOperand, type OpResult } from '../../sim/launch-op.js';
import { requireDevicePtr } from '../../sim/memory-ops.js';
import type { SimProcess } from '../../sim/sim-process.js';
import type { SimStream } from '../../sim/stream-ordering.js';
import type { Error_t } from '../constants.generated.js';
import { KUNLUN } from '../kunlun-catalog.js';
import { XDNN_STATUS } from '../status-codes.js';
import { contextStream, requireContext, type Context } from './context.js';

/** One XDNN call in progress: where it runs and under which numerics. */
export interface XdnnOp {
  readonly call: CallContext;
  readonly process: SimProcess;
  readonly context: Context;
  readonly stream: SimStream;
  readonly profile: NumericProfile;
}

export function xdnnCall(symbol: string, body: (call: CallContext) => Error_t | void): Error_t {
  return facadeCall(KUNLUN, symbol, XDNN_STATUS, body);
}

/**
 * The call's context, stream and profile: the entry's catalog profile (the backend default
 * when it names none) with the call's knob settings (TGEMM) applied.
 */
export function beginOp(call: CallContext, ctx: unknown, knobs: readonly KnobSetting[] = []): XdnnOp {
  const context = requireContext(ctx);
  const stream = contextStream(call.process, context);
  return { call, process: call.process, context, stream, profile: entryProfile(KUNLUN, call.symbol, knobs) };
}

/** A non-negative integer size argument. */
export function requireCount(value: unknown, name: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new DeviceFault('invalid-value', `${name} must be a non-negative integer, got ${String(value)}`);
  }
  return value;
}

/** A shape vector (`std::vector<int>`): non-negative integers. */
export function requireShape(value: unknown, name: string): number[] {
  if (!Array.isArray(value)) throw new DeviceFault('invalid-value', `${name} must be an array of dimensions (std::vector<int>)`);
  value.forEach((d, i) => requireCount(d, `${name}[${i}]`));
  return value as number[];
}

/** A device operand: a bounds-checked tensor view of `shape` (row-major unless `strides`) at `ptr`. */
export function deviceOperand(op: XdnnOp, ptr: unknown, name: string, dtype: DType, shape: readonly number[], strides?: readonly number[]): DeviceOperand {
  const p = requireDevicePtr(ptr, name);
  return { ptr: p, view: deviceTensor(op.process, { ptr: p, dtype, shape, strides }) };
}

/** The same for a nullable pointer (`nullptr` gives undefined). */
export function optionalOperand(op: XdnnOp, ptr: unknown, name: string, dtype: DType, shape: readonly number[]): DeviceOperand | undefined {
  return ptr === null || ptr === undefined || ptr === 0 ? undefined : deviceOperand(op, ptr, name, dtype, shape);
}

/** Runs a glue operator (cast, epilogue, statistic) in the call's mode and profile. */
export function glue(op: XdnnOp, name: string, inputs: readonly (Tensor | undefined)[], attributes: RawAttributes = {}): Tensor[] {
  const mode = op.process.mode;
  return runOp(name, inputs, attributes, { mode, profile: mode === 'golden' ? GOLDEN_PROFILE : op.profile });
}

export interface LaunchOptions {
  readonly finish?: (results: Tensor[]) => Tensor[];
  /** Device data the operator reads through a re-laid-out copy (checked for races). */
  readonly reads?: readonly DeviceOperand[];
  readonly flops?: number;
}

/** Launches the canonical operator on the context's stream, writing `outputs`. */
export function launch(
  op: XdnnOp,
  name: string,
  inputs: readonly (DeviceOperand | Tensor | undefined)[],
  attributes: RawAttributes,
  outputs: readonly (DeviceOperand | undefined)[],
  options: LaunchOptions = {},
): OpResult {
  return launchOp(op.process, {
    backend: KUNLUN,
    symbol: op.call.symbol,
    op: name,
    inputs,
    attributes,
    profile: op.profile,
    stream: op.stream,
    outputs,
    finish: options.finish,
    reads: options.reads,
    flops: options.flops,
    site: op.call.site,
  });
}
