/**
 * aclnn softmax and normalisations (ops-nn): Softmax, LogSoftmax, LayerNorm (and its implMode
 * variant), RmsNorm, GroupNorm and BatchNorm. Statistics outputs the canonical operators do not
 * have (RmsNorm's rstd, GroupNorm's mean and rstd) are computed with canonical reductions in
 * float32 (ReduceMean, Sub, Mul, Add, Rsqrt), each launched and traced like the main operator.
 */
import type { DType } from '../../runtime/dtype.js';
import { withOverrides, type NumericProfile } from '../../runtime/numerics/numeric-profile.js';
import { Tensor } from '../../runtime/tensor.js';
import type { DevicePtr } from '../sim/device-memory.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import type { Ref } from '../sim/ref.js';
import type { aclrtStream } from './acl-stream.js';
import type { AclIntArray, AclTensor } from './acl-tensor.js';
import { dimArg, FLOATS_AND_DOUBLE, intArrayArg, optionalTensorArg, requireDType, requireSameDType, requireShape, tensorArg } from './aclnn-args.js';
import { execute, prepare, type AclnnPlan, type AclOpExecutor, type RunContext } from './aclnn-executor.js';
import { castTo, constant, int64s, launch, operand } from './aclnn-launch.js';
import { cannProfile, floatPartials } from './aclnn-plan.js';
import type { aclnnStatus } from './constants.generated.js';

type WorkspaceSize = Ref<number>;
type Executor = Ref<AclOpExecutor>;

function softmaxPlan(op: 'Softmax' | 'LogSoftmax', self: AclTensor, dim: number, out: AclTensor): AclnnPlan {
  requireDType(self, 'self', FLOATS_AND_DOUBLE);
  requireShape(out, 'out', self.viewDims);
  const axis = dimArg(dim, self.rank, 'dim');
  const profile = cannProfile();
  return {
    workspaceSize: floatPartials(2 * (self.numel / Math.max(1, self.viewDims[axis] ?? 1))),
    uses: [self, out],
    run: (run) => {
      launch(run, { op, inputs: [operand(run, self)], attributes: { axis }, outputs: [operand(run, out)], profile });
    },
  };
}

export function aclnnSoftmaxGetWorkspaceSize(self: AclTensor, dim: number, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnSoftmaxGetWorkspaceSize', workspaceSize, executor, () => softmaxPlan('Softmax', tensorArg(self, 'self'), dim, tensorArg(out, 'out')));
}
export function aclnnSoftmax(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnSoftmax', workspace, workspaceSize, executor, stream);
}

export function aclnnLogSoftmaxGetWorkspaceSize(self: AclTensor, dim: number, out: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnLogSoftmaxGetWorkspaceSize', workspaceSize, executor, () => softmaxPlan('LogSoftmax', tensorArg(self, 'self'), dim, tensorArg(out, 'out')));
}
export function aclnnLogSoftmax(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnLogSoftmax', workspace, workspaceSize, executor, stream);
}

/** Shape of per-lane statistics: the leading dims, with the normalised dims kept as 1. */
function statsShape(dims: readonly number[], axis: number): number[] {
  return dims.map((d, i) => (i < axis ? d : 1));
}

function ones(shape: readonly number[], dtype: DType): Tensor {
  return Tensor.fromNumbers(new Array<number>(shape.reduce((a, b) => a * b, 1)).fill(1), shape, dtype);
}

function layerNormPlan(
  input: AclTensor,
  normalizedShape: readonly number[],
  weight: AclTensor | undefined,
  bias: AclTensor | undefined,
  eps: number,
  out: AclTensor,
  mean: AclTensor | undefined,
  rstd: AclTensor | undefined,
  profile: NumericProfile,
): AclnnPlan {
  requireDType(input, 'input', FLOATS_AND_DOUBLE);
  const axis = input.rank - normalizedShape.length;
  if (normalizedShape.length === 0 || axis < 0 || normalizedShape.some((d, i) => d !== input.viewDims[axis + i])) {
    throw new DeviceFault('invalid-value', `normalizedShape [${normalizedShape.join(', ')}] must equal the trailing dimensions of input [${input.viewDims.join(', ')}]`);
  }
  for (const [t, name] of [[weight, 'weightOptional'], [bias, 'biasOptional']] as const) {
    if (t) requireShape(t, name, normalizedShape);
  }
  requireShape(out, 'out', input.viewDims);
  requireSameDType(input, 'input', out, 'out');
  const stats = statsShape(input.viewDims, axis);
  if (mean) requireShape(mean, 'meanOutOptional', stats);
  if (rstd) requireShape(rstd, 'rstdOutOptional', stats);
  if (!Number.isFinite(eps) || eps < 0) throw new DeviceFault('invalid-value', `eps must be a non-negative number, got ${eps}`);
  const lanes = stats.reduce((a, b) => a * b, 1);
  return {
    workspaceSize: floatPartials(2 * lanes),
    uses: [input, weight, bias, out, mean, rstd],
    run: (run) => {
      // A missing weight is a scale of ones (torch: elementwise_affine=False).
      const scale: DeviceOperand | Tensor = weight ? operand(run, weight) : ones(normalizedShape, input.dtype);
      launch(run, {
        op: 'LayerNormalization',
        inputs: [operand(run, input), scale, bias ? operand(run, bias) : undefined],
        attributes: { axis, epsilon: eps },
        outputs: [operand(run, out), mean ? operand(run, mean) : undefined, rstd ? operand(run, rstd) : undefined],
        profile,
      });
    },
  };
}

export function aclnnLayerNormGetWorkspaceSize(
  input: AclTensor,
  normalizedShape: AclIntArray,
  weightOptional: AclTensor | null,
  biasOptional: AclTensor | null,
  eps: number,
  out: AclTensor,
  meanOutOptional: AclTensor | null,
  rstdOutOptional: AclTensor | null,
  workspaceSize: WorkspaceSize,
  executor: Executor,
): aclnnStatus {
  return prepare('aclnnLayerNormGetWorkspaceSize', workspaceSize, executor, () =>
    layerNormPlan(
      tensorArg(input, 'input'),
      intArrayArg(normalizedShape, 'normalizedShape'),
      optionalTensorArg(weightOptional, 'weightOptional'),
      optionalTensorArg(biasOptional, 'biasOptional'),
      eps,
      tensorArg(out, 'out'),
      optionalTensorArg(meanOutOptional, 'meanOutOptional'),
      optionalTensorArg(rstdOutOptional, 'rstdOutOptional'),
      cannProfile(),
    ),
  );
}
export function aclnnLayerNorm(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnLayerNorm', workspace, workspaceSize, executor, stream);
}

/**
 * implMode 0 (high precision) and 1 (high performance) run the default numerics (the precision
 * loss of mode 1 is not documented, so not modelled); 2 keeps FLOAT16 compute (all inputs FP16)
 * and is modelled as native half computation.
 */
export function aclnnLayerNormWithImplModeGetWorkspaceSize(
  input: AclTensor,
  normalizedShape: AclIntArray,
  weightOptional: AclTensor | null,
  biasOptional: AclTensor | null,
  eps: number,
  out: AclTensor,
  meanOutOptional: AclTensor | null,
  rstdOutOptional: AclTensor | null,
  implMode: number,
  workspaceSize: WorkspaceSize,
  executor: Executor,
): aclnnStatus {
  return prepare('aclnnLayerNormWithImplModeGetWorkspaceSize', workspaceSize, executor, () => {
    if (![0, 1, 2].includes(implMode)) throw new DeviceFault('invalid-value', `implMode must be 0 (high precision), 1 (high performance) or 2 (keep FLOAT16), got ${implMode}`);
    const x = tensorArg(input, 'input');
    const weight = optionalTensorArg(weightOptional, 'weightOptional');
    const bias = optionalTensorArg(biasOptional, 'biasOptional');
    if (implMode === 2 && [x, weight, bias].some((t) => t && t.dtype !== 'float16')) {
      throw new DeviceFault('invalid-value', 'implMode 2 keeps FLOAT16 compute and requires every input to be FLOAT16');
    }
    const profile = implMode === 2 ? withOverrides(cannProfile(), { halfCompute: 'native' }, 'cann.default+implMode=2') : cannProfile();
    return layerNormPlan(
      x,
      intArrayArg(normalizedShape, 'normalizedShape'),
      weight,
      bias,
      eps,
      tensorArg(out, 'out'),
      optionalTensorArg(meanOutOptional, 'meanOutOptional'),
      optionalTensorArg(rstdOutOptional, 'rstdOutOptional'),
      profile,
    );
  });
}
export function aclnnLayerNormWithImplMode(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnLayerNormWithImplMode', workspace, workspaceSize, executor, stream);
}

/** 1 / sqrt(mean over `axes` of (x - center)^2 + eps) in float32, by canonical operators. */
function inverseRms(run: RunContext, x: DeviceOperand, axes: readonly number[], eps: number, profile: NumericProfile, center?: Tensor): Tensor {
  const x32 = castTo(run, x.view, 'float32', profile);
  const centered = center ? launch(run, { op: 'Sub', inputs: [x32, center], outputs: [undefined], profile, reads: [x] }).results[0] : x32;
  const squared = launch(run, { op: 'Mul', inputs: [centered, centered], outputs: [undefined], profile, reads: [x] }).results[0];
  const meanSquare = launch(run, { op: 'ReduceMean', inputs: [squared, int64s(axes)], attributes: { keepdims: 1 }, outputs: [undefined], profile }).results[0];
  const shifted = launch(run, { op: 'Add', inputs: [meanSquare, constant(eps, 'float32')], outputs: [undefined], profile }).results[0];
  return launch(run, { op: 'Rsqrt', inputs: [shifted], outputs: [undefined], profile }).results[0];
}

export function aclnnRmsNormGetWorkspaceSize(x: AclTensor, gamma: AclTensor, epsilon: number, yOut: AclTensor, rstdOut: AclTensor, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnRmsNormGetWorkspaceSize', workspaceSize, executor, () => {
    const input = tensorArg(x, 'x');
    const g = tensorArg(gamma, 'gamma');
    const y = tensorArg(yOut, 'yOut');
    const rstd = tensorArg(rstdOut, 'rstdOut');
    requireDType(input, 'x', ['float32', 'float16', 'bfloat16']);
    if (g.dtype !== input.dtype && g.dtype !== 'float32') throw new DeviceFault('invalid-value', `gamma must be ${input.dtype} or FLOAT32 (got ${g.dtype})`);
    const axis = input.rank - g.rank;
    if (g.rank === 0 || axis < 0 || g.viewDims.some((d, i) => d !== input.viewDims[axis + i])) {
      throw new DeviceFault('invalid-value', `gamma [${g.viewDims.join(', ')}] must equal the trailing dimensions of x [${input.viewDims.join(', ')}]`);
    }
    requireShape(y, 'yOut', input.viewDims);
    requireSameDType(input, 'x', y, 'yOut');
    const stats = statsShape(input.viewDims, axis);
    requireShape(rstd, 'rstdOut', stats);
    requireDType(rstd, 'rstdOut', ['float32']);
    const profile = cannProfile();
    const axes = input.viewDims.map((_, i) => i).slice(axis);
    return {
      workspaceSize: floatPartials(stats.reduce((a, b) => a * b, 1)),
      uses: [input, g, y, rstd],
      run: (run) => {
        const xs = operand(run, input);
        launch(run, { op: 'RMSNormalization', inputs: [xs, operand(run, g)], attributes: { axis, epsilon }, outputs: [operand(run, y)], profile });
        const r = inverseRms(run, xs, axes, epsilon, profile);
        launch(run, { op: 'Cast', inputs: [r], attributes: { to: 'float32' }, outputs: [operand(run, rstd)], profile });
      },
    };
  });
}
export function aclnnRmsNorm(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnRmsNorm', workspace, workspaceSize, executor, stream);
}

export function aclnnGroupNormGetWorkspaceSize(
  self: AclTensor,
  gamma: AclTensor | null,
  beta: AclTensor | null,
  N: number,
  C: number,
  HxW: number,
  group: number,
  eps: number,
  out: AclTensor,
  meanOut: AclTensor | null,
  rstdOut: AclTensor | null,
  workspaceSize: WorkspaceSize,
  executor: Executor,
): aclnnStatus {
  return prepare('aclnnGroupNormGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(self, 'self');
    const scale = optionalTensorArg(gamma, 'gamma');
    const bias = optionalTensorArg(beta, 'beta');
    const y = tensorArg(out, 'out');
    const mean = optionalTensorArg(meanOut, 'meanOut');
    const rstd = optionalTensorArg(rstdOut, 'rstdOut');
    requireDType(x, 'self', FLOATS_AND_DOUBLE);
    if (x.rank < 2 || x.viewDims[0] !== N || x.viewDims[1] !== C || x.numel !== N * C * HxW) {
      throw new DeviceFault('invalid-value', `self [${x.viewDims.join(', ')}] does not match N = ${N}, C = ${C}, HxW = ${HxW}`);
    }
    if (!Number.isInteger(group) || group < 1 || C % group !== 0) throw new DeviceFault('invalid-value', `group ${group} must be a positive divisor of C = ${C}`);
    for (const [t, name] of [[scale, 'gamma'], [bias, 'beta']] as const) if (t) requireShape(t, name, [C]);
    requireShape(y, 'out', x.viewDims);
    if (mean) requireShape(mean, 'meanOut', [N, group]);
    if (rstd) requireShape(rstd, 'rstdOut', [N, group]);
    const profile = cannProfile();
    return {
      workspaceSize: floatPartials(2 * N * group),
      uses: [x, scale, bias, y, mean, rstd],
      run: (run) => {
        const xs = operand(run, x);
        const zeros = Tensor.zeros([C], x.dtype);
        launch(run, {
          op: 'GroupNormalization',
          inputs: [xs, scale ? operand(run, scale) : ones([C], x.dtype), bias ? operand(run, bias) : zeros],
          attributes: { num_groups: group, epsilon: eps },
          outputs: [operand(run, y)],
          profile,
        });
        if (!mean && !rstd) return;
        const grouped = { ptr: xs.ptr, view: xs.view.reshape([N, group, (C / group) * HxW]) };
        const m = launch(run, { op: 'ReduceMean', inputs: [castTo(run, grouped.view, 'float32', profile), int64s([2])], attributes: { keepdims: 1 }, outputs: [undefined], profile, reads: [xs] }).results[0];
        if (mean) launch(run, { op: 'Reshape', inputs: [m, int64s([N, group])], outputs: [operand(run, mean)], profile });
        if (rstd) {
          const r = inverseRms(run, grouped, [2], eps, profile, m);
          launch(run, { op: 'Reshape', inputs: [r, int64s([N, group])], outputs: [operand(run, rstd)], profile });
        }
      },
    };
  });
}
export function aclnnGroupNorm(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnGroupNorm', workspace, workspaceSize, executor, stream);
}

/**
 * Inference form only (training = false): the canonical BatchNormalization implements inference
 * mode, so training (batch statistics, running-statistics update) is reported as not simulated.
 */
export function aclnnBatchNormGetWorkspaceSize(
  input: AclTensor,
  weight: AclTensor | null,
  bias: AclTensor | null,
  runningMean: AclTensor | null,
  runningVar: AclTensor | null,
  training: boolean,
  momentum: number,
  eps: number,
  output: AclTensor,
  saveMean: AclTensor | null,
  saveInvstd: AclTensor | null,
  workspaceSize: WorkspaceSize,
  executor: Executor,
): aclnnStatus {
  return prepare('aclnnBatchNormGetWorkspaceSize', workspaceSize, executor, () => {
    const x = tensorArg(input, 'input');
    const y = tensorArg(output, 'output');
    if (training) {
      throw new DeviceFault('not-supported', 'training = true is not simulated: the canonical BatchNormalization is inference-only (pass training = false with running statistics)');
    }
    const mean = tensorArg(runningMean, 'runningMean');
    const variance = tensorArg(runningVar, 'runningVar');
    const scale = optionalTensorArg(weight, 'weight');
    const shift = optionalTensorArg(bias, 'bias');
    optionalTensorArg(saveMean, 'saveMean');
    optionalTensorArg(saveInvstd, 'saveInvstd');
    requireDType(x, 'input', FLOATS_AND_DOUBLE);
    if (x.rank < 2) throw new DeviceFault('invalid-value', `input must have at least 2 dimensions (N, C, ...), got [${x.viewDims.join(', ')}]`);
    const C = x.viewDims[1];
    for (const [t, name] of [[mean, 'runningMean'], [variance, 'runningVar'], [scale, 'weight'], [shift, 'bias']] as const) if (t) requireShape(t, name, [C]);
    requireShape(y, 'output', x.viewDims);
    requireSameDType(x, 'input', y, 'output');
    if (!Number.isFinite(momentum)) throw new DeviceFault('invalid-value', `momentum must be a number, got ${momentum}`);
    const profile = cannProfile();
    const paramType = mean.dtype;
    return {
      workspaceSize: 0,
      uses: [x, y, mean, variance, scale, shift],
      run: (run) => {
        launch(run, {
          op: 'BatchNormalization',
          inputs: [operand(run, x), scale ? operand(run, scale) : ones([C], paramType), shift ? operand(run, shift) : Tensor.zeros([C], paramType), operand(run, mean), operand(run, variance)],
          attributes: { epsilon: eps, momentum },
          outputs: [operand(run, y)],
          profile,
        });
      },
    };
  });
}
export function aclnnBatchNorm(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnBatchNorm', workspace, workspaceSize, executor, stream);
}
