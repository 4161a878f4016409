/**
 * aclnn random operators (ops-math random): Dropout, DropoutGenMask + DropoutDoMask, and the
 * in-place InplaceNormal / InplaceUniform, mapped onto the canonical Dropout, RandomNormal and
 * RandomUniform. CANN's generator is not documented (the catalog marks these partial), so the
 * values are the canonical Philox stream for the call's seed and offset (docs/random.md), not
 * CANN's bits. The offset goes to the operators' `offset` attribute as a count of 32-bit
 * draws, curand_init's unit. CANN documents it only as "the offset of the random number";
 * that it counts the same 32-bit draws is inferred (torch_npu takes seed and offset from its
 * Philox generator's philox_engine_inputs), not confirmed.
 *
 * Dropout masks are bit masks (uint8 storage, one bit per element). Their bit order is not
 * documented; the simulation packs element 8j + i into bit i of byte j, 1 = kept (unconfirmed),
 * so GenMask and DoMask agree with each other.
 */
import type { RawAttributes } from '../../runtime/kernel.js';
import { Tensor } from '../../runtime/tensor.js';
import type { DevicePtr } from '../sim/device-memory.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { Ref } from '../sim/ref.js';
import type { aclrtStream } from './acl-stream.js';
import type { AclIntArray, AclTensor } from './acl-tensor.js';
import { FLOATS_AND_DOUBLE, intArrayArg, requireDType, requireSameDType, requireShape, tensorArg } from './aclnn-args.js';
import { execute, prepare, type AclnnPlan, type AclOpExecutor } from './aclnn-executor.js';
import { castTo, constant, launch, operand } from './aclnn-launch.js';
import { cannProfile } from './aclnn-plan.js';
import type { aclnnStatus } from './constants.generated.js';

type WorkspaceSize = Ref<number>;
type Executor = Ref<AclOpExecutor>;

/** The counter offset: a non-negative integer the operators' number attribute can hold. */
function requireOffset(offset: number): void {
  if (!Number.isInteger(offset) || offset < 0) throw new DeviceFault('invalid-value', `offset must be a non-negative integer, got ${offset}`);
  if (!Number.isSafeInteger(offset)) {
    throw new DeviceFault('not-supported', `offset ${offset} is not simulated: offsets above 2^53 - 1 do not fit the canonical operators' offset attribute`);
  }
}

function requireSeed(seed: number): void {
  if (!Number.isSafeInteger(seed)) throw new DeviceFault('invalid-value', `seed must be an integer, got ${seed}`);
}

function requireProbability(p: number, name: string): void {
  if (!(p >= 0 && p <= 1)) throw new DeviceFault('invalid-value', `${name} must lie in [0, 1], got ${p}`);
}

function maskBytes(count: number): number {
  return Math.ceil(count / 8);
}

function requireMask(mask: AclTensor, name: string, count: number): void {
  requireDType(mask, name, ['uint8']);
  if (mask.numel < maskBytes(count)) throw new DeviceFault('invalid-value', `${name} holds ${mask.numel} bytes; a bit mask of ${count} elements needs ${maskBytes(count)}`);
}

/** Packs a bool tensor into the bit-mask layout, shaped like the mask tensor. */
function packBits(kept: Tensor, maskShape: readonly number[]): Tensor {
  const bits = kept.contiguous().toFloat64();
  const bytes = new Uint8Array(maskShape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < bits.length; i++) if (bits[i]) bytes[i >> 3] |= 1 << (i & 7);
  return new Tensor(bytes, 'uint8', maskShape);
}

function unpackBits(mask: Tensor, shape: readonly number[]): Tensor {
  const bytes = mask.contiguous().toFloat64();
  const count = shape.reduce((a, b) => a * b, 1);
  const kept = new Uint8Array(count);
  for (let i = 0; i < count; i++) kept[i] = (bytes[i >> 3] >> (i & 7)) & 1;
  return new Tensor(kept, 'bool', shape);
}

/** In-place fill of selfRef by a canonical generator: its shape and dtype, the call's seed and offset. */
function fillInPlace(x: AclTensor, op: 'RandomNormal' | 'RandomUniform', distribution: RawAttributes, seed: number, offset: number): AclnnPlan {
  requireSeed(seed);
  requireOffset(offset);
  const profile = cannProfile();
  return {
    workspaceSize: 0,
    uses: [x],
    run: (run) =>
      void launch(run, {
        op,
        inputs: [],
        attributes: { shape: [...x.viewDims], dtype: x.dtype, ...distribution, seed, offset },
        outputs: [operand(run, x)],
        profile,
      }),
  };
}

interface DropoutCall {
  /** Device data, or (GenMask) a host tensor of ones whose output is discarded. */
  readonly data: AclTensor | Tensor;
  readonly out?: AclTensor;
  readonly mask: AclTensor;
  readonly ratio: number;
  readonly train: boolean;
  readonly seed: number;
  readonly offset: number;
}

/** The canonical Dropout with its bool mask packed into the bit mask. */
function dropoutPlan(d: DropoutCall): AclnnPlan {
  requireSeed(d.seed);
  requireOffset(d.offset);
  const profile = cannProfile();
  const data = d.data;
  return {
    workspaceSize: 0,
    uses: [...(data instanceof Tensor ? [] : [data]), ...(d.out ? [d.out] : []), d.mask],
    run: (run) =>
      void launch(run, {
        op: 'Dropout',
        inputs: [data instanceof Tensor ? data : operand(run, data), constant(d.ratio, data.dtype), new Tensor(Uint8Array.of(d.train ? 1 : 0), 'bool', [])],
        attributes: { seed: d.seed, offset: d.offset },
        outputs: [d.out ? operand(run, d.out) : undefined, operand(run, d.mask)],
        convert: ([y, kept]) => [y, packBits(kept, d.mask.viewDims)],
        profile,
      }),
  };
}

export function aclnnDropoutGetWorkspaceSize(
  input: AclTensor,
  p: number,
  train: boolean,
  seed: number,
  offset: number,
  out: AclTensor,
  maskOut: AclTensor,
  workspaceSize: WorkspaceSize,
  executor: Executor,
): aclnnStatus {
  return prepare('aclnnDropoutGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(input, 'input');
    const o = tensorArg(out, 'out');
    const mask = tensorArg(maskOut, 'maskOut');
    requireDType(x, 'input', FLOATS_AND_DOUBLE);
    requireShape(o, 'out', x.viewDims);
    requireSameDType(x, 'input', o, 'out');
    requireMask(mask, 'maskOut', x.numel);
    requireProbability(p, 'p');
    return dropoutPlan({ data: x, out: o, mask, ratio: p, train, seed, offset });
  });
}
export function aclnnDropout(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnDropout', workspace, workspaceSize, executor, stream);
}

export function aclnnDropoutGenMaskGetWorkspaceSize(shape: AclIntArray, prob: number, seed: number, offset: number, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnDropoutGenMaskGetWorkspaceSize', workspaceSize, executor, () => {
    const dims = intArrayArg(shape, 'shape');
    if (dims.some((d) => d < 0)) throw new DeviceFault('invalid-value', `shape [${dims.join(', ')}] must be non-negative`);
    const mask = tensorArg(out, 'out');
    const count = dims.reduce((a, b) => a * b, 1);
    requireMask(mask, 'out', count);
    requireProbability(prob, 'prob');
    // The mask of a dropout of ones: Dropout keeps or drops each element by its draw alone.
    return dropoutPlan({ data: Tensor.fromNumbers(new Array<number>(count).fill(1), dims, 'float32'), mask, ratio: prob, train: true, seed, offset });
  });
}
export function aclnnDropoutGenMask(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnDropoutGenMask', workspace, workspaceSize, executor, stream);
}

/**
 * out = self * mask / (1 - prob), as Dropout applies its mask: one Mul of self by a per-element
 * factor (1 / (1 - prob) where kept, 0 where dropped) in float64, rounded once into out's dtype,
 * so a dropped element is self * 0 (-0 for negative values, NaN for infinities).
 */
export function aclnnDropoutDoMaskGetWorkspaceSize(self: AclTensor, mask: AclTensor, prob: number, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnDropoutDoMaskGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(self, 'self');
    const m = tensorArg(mask, 'mask');
    const o = tensorArg(out, 'out');
    requireDType(x, 'self', FLOATS_AND_DOUBLE);
    requireShape(o, 'out', x.viewDims);
    requireSameDType(x, 'self', o, 'out');
    requireMask(m, 'mask', x.numel);
    requireProbability(prob, 'prob');
    const profile = cannProfile();
    return {
      workspaceSize: 0,
      uses: [x, m, o],
      run: (run) => {
        const xs = operand(run, x);
        const ms = operand(run, m);
        const kept = unpackBits(ms.view, x.viewDims).toFloat64();
        const scale = prob === 1 ? 0 : 1 / (1 - prob);
        const factor = Tensor.fromNumbers(Array.from(kept, (k) => (k ? scale : 0)), x.viewDims, 'float64');
        launch(run, { op: 'Mul', inputs: [castTo(run, xs.view, 'float64', profile), factor], outputs: [operand(run, o)], profile, reads: [xs, ms] });
      },
    };
  });
}
export function aclnnDropoutDoMask(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnDropoutDoMask', workspace, workspaceSize, executor, stream);
}

export function aclnnInplaceNormalGetWorkspaceSize(selfRef: AclTensor, mean: number, std: number, seed: number, offset: number, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnInplaceNormalGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(selfRef, 'selfRef');
    requireDType(x, 'selfRef', FLOATS_AND_DOUBLE);
    if (!Number.isFinite(mean) || !(std >= 0)) throw new DeviceFault('invalid-value', `mean must be finite and std >= 0 (got ${mean}, ${std})`);
    return fillInPlace(x, 'RandomNormal', { mean: Math.fround(mean), scale: Math.fround(std) }, seed, offset);
  });
}
export function aclnnInplaceNormal(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnInplaceNormal', workspace, workspaceSize, executor, stream);
}

export function aclnnInplaceUniformGetWorkspaceSize(selfRef: AclTensor, from: number, to: number, seed: number, offset: number, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnInplaceUniformGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(selfRef, 'selfRef');
    if (!FLOATS_AND_DOUBLE.includes(x.dtype)) {
      throw new DeviceFault('not-supported', `${x.dtype} selfRef is not simulated: the canonical RandomUniform produces floating-point tensors`);
    }
    if (!Number.isFinite(from) || !Number.isFinite(to) || from > to) throw new DeviceFault('invalid-value', `[from, to) = [${from}, ${to}) is not a finite interval`);
    return fillInPlace(x, 'RandomUniform', { low: from, high: to }, seed, offset);
  });
}
/** The vendor prototype names the second parameter workspace_size (aclnnInplaceUniform doc). */
export function aclnnInplaceUniform(workspace: DevicePtr | null, workspace_size: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnInplaceUniform', workspace, workspace_size, executor, stream);
}
