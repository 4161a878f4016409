/**
 * aclnn matrix products on the Cube unit (ops-nn matmul): Matmul (numpy matmul, 1-D to 6-D),
 * Mm (2-D), BatchMatMul (3-D), Addmm (beta*self + alpha*mat1@mat2), Baddbmm (the same per batch)
 * and Addmv (matrix-vector). Transposed operands are strided aclTensor views; cubeMathType picks
 * the numeric profile (aclnn-cube.ts). Mm / BatchMatMul / Matmul bind MatMul; the add forms
 * bind Gemm (per batch element for Baddbmm, with N = 1 for Addmv).
 */
import type { DevicePtr } from '../sim/device-memory.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { Ref } from '../sim/ref.js';
import type { aclrtStream } from './acl-stream.js';
import type { AclScalar, AclTensor } from './acl-tensor.js';
import { broadcastOf, FLOATS, requireDType, requireSameDType, requireShape, scalarArg, tensorArg } from './aclnn-args.js';
import { cubeMathProfile } from './aclnn-cube.js';
import { execute, prepare, type AclnnPlan, type AclOpExecutor } from './aclnn-executor.js';
import { broadcastOperand, indexOperand, launch, operand, restrided } from './aclnn-launch.js';
import { floatPartials } from './aclnn-plan.js';
import type { aclnnStatus } from './constants.generated.js';

type WorkspaceSize = Ref<number>;
type Executor = Ref<AclOpExecutor>;

/** numpy.matmul's result shape; faults when K differs or the batches do not broadcast. */
function matmulShape(a: readonly number[], b: readonly number[]): { shape: number[]; m: number; n: number; k: number; batch: number } {
  if (a.length === 0 || b.length === 0) throw new DeviceFault('invalid-value', 'matmul operands must have at least one dimension');
  const A = a.length === 1 ? [1, a[0]] : [...a];
  const B = b.length === 1 ? [b[0], 1] : [...b];
  const [m, k] = A.slice(-2);
  const [k2, n] = B.slice(-2);
  if (k !== k2) throw new DeviceFault('invalid-value', `self [${a.join(', ')}] and mat2 [${b.join(', ')}] do not chain: K is ${k} in self and ${k2} in mat2`);
  const batchShape = broadcastOf([A.slice(0, -2), B.slice(0, -2)], 'the batch dimensions of self and mat2');
  const shape = [...batchShape, ...(a.length === 1 ? [] : [m]), ...(b.length === 1 ? [] : [n])];
  return { shape, m, n, k, batch: batchShape.reduce((x, y) => x * y, 1) };
}

function matmulPlan(symbol: string, self: AclTensor, mat2: AclTensor, out: AclTensor, cubeMathType: number, ranks?: readonly number[]): AclnnPlan {
  requireDType(self, 'self', FLOATS);
  requireSameDType(self, 'self', mat2, 'mat2');
  requireSameDType(self, 'self', out, 'out');
  if (ranks && (!ranks.includes(self.rank) || !ranks.includes(mat2.rank))) {
    throw new DeviceFault('invalid-value', `${symbol.replace('GetWorkspaceSize', '')} takes ${ranks.join(' or ')}-D operands; self is ${self.rank}-D and mat2 ${mat2.rank}-D`);
  }
  if (self.rank > 6 || mat2.rank > 6) throw new DeviceFault('invalid-value', 'aclnnMatmul supports 1-D to 6-D operands');
  const { shape, m, n, k, batch } = matmulShape(self.viewDims, mat2.viewDims);
  if (symbol === 'aclnnBatchMatMulGetWorkspaceSize' && self.viewDims[0] !== mat2.viewDims[0]) {
    throw new DeviceFault('invalid-value', `self and mat2 must have the same batch size (${self.viewDims[0]} vs ${mat2.viewDims[0]})`);
  }
  requireShape(out, 'out', shape);
  const profile = cubeMathProfile(symbol, cubeMathType, self.dtype, 'matmul');
  return {
    workspaceSize: floatPartials(batch * m * n),
    uses: [self, mat2, out],
    run: (run) => {
      launch(run, { op: 'MatMul', inputs: [operand(run, self), operand(run, mat2)], outputs: [operand(run, out)], profile, flops: 2 * batch * m * n * k });
    },
  };
}

export function aclnnMatmulGetWorkspaceSize(self: AclTensor, mat2: AclTensor, out: AclTensor, cubeMathType: number, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnMatmulGetWorkspaceSize', workspaceSize, executor, () =>
    matmulPlan('aclnnMatmulGetWorkspaceSize', tensorArg(self, 'self'), tensorArg(mat2, 'mat2'), tensorArg(out, 'out'), cubeMathType),
  );
}
export function aclnnMatmul(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnMatmul', workspace, workspaceSize, executor, stream);
}

export function aclnnMmGetWorkspaceSize(self: AclTensor, mat2: AclTensor, out: AclTensor, cubeMathType: number, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnMmGetWorkspaceSize', workspaceSize, executor, () =>
    matmulPlan('aclnnMmGetWorkspaceSize', tensorArg(self, 'self'), tensorArg(mat2, 'mat2'), tensorArg(out, 'out'), cubeMathType, [2]),
  );
}
export function aclnnMm(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnMm', workspace, workspaceSize, executor, stream);
}

export function aclnnBatchMatMulGetWorkspaceSize(self: AclTensor, mat2: AclTensor, out: AclTensor, cubeMathType: number, workspaceSize: WorkspaceSize, executor: Executor): aclnnStatus {
  return prepare('aclnnBatchMatMulGetWorkspaceSize', workspaceSize, executor, () =>
    matmulPlan('aclnnBatchMatMulGetWorkspaceSize', tensorArg(self, 'self'), tensorArg(mat2, 'mat2'), tensorArg(out, 'out'), cubeMathType, [3]),
  );
}
export function aclnnBatchMatMul(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnBatchMatMul', workspace, workspaceSize, executor, stream);
}

/** Gemm's C must broadcast to the product unidirectionally (ONNX), as torch's addmm self does. */
function requireUnidirectional(self: AclTensor, target: readonly number[], name: string): void {
  const s = self.viewDims;
  const ok = s.length <= target.length && s.every((d, i) => d === 1 || d === target[target.length - s.length + i]);
  if (!ok) throw new DeviceFault('invalid-value', `${name} [${s.join(', ')}] does not broadcast to the product [${target.join(', ')}]`);
}

function addmmPlan(symbol: string, self: AclTensor, mat1: AclTensor, mat2: AclTensor, beta: AclScalar, alpha: AclScalar, out: AclTensor, cubeMathType: number): AclnnPlan {
  requireDType(mat1, 'mat1', FLOATS);
  requireSameDType(mat1, 'mat1', mat2, 'mat2');
  requireSameDType(mat1, 'mat1', self, 'self');
  requireSameDType(mat1, 'mat1', out, 'out');
  if (mat1.rank !== 2 || mat2.rank !== 2) throw new DeviceFault('invalid-value', `mat1 and mat2 must be 2-D (got ${mat1.rank}-D and ${mat2.rank}-D)`);
  const { shape, m, n, k } = matmulShape(mat1.viewDims, mat2.viewDims);
  requireUnidirectional(self, shape, 'self');
  requireShape(out, 'out', shape);
  const profile = cubeMathProfile(symbol, cubeMathType, mat1.dtype, 'matmul');
  const b = beta.number;
  const a = alpha.number;
  return {
    workspaceSize: floatPartials(m * n),
    uses: [self, mat1, mat2, out],
    run: (run) => {
      // beta = 0 ignores self entirely (NaN in self does not propagate), as torch's addmm.
      const c = b === 0 ? undefined : operand(run, self);
      launch(run, { op: 'Gemm', inputs: [operand(run, mat1), operand(run, mat2), c], attributes: { alpha: a, beta: b }, outputs: [operand(run, out)], profile, flops: 2 * m * n * k });
    },
  };
}

export function aclnnAddmmGetWorkspaceSize(
  self: AclTensor,
  mat1: AclTensor,
  mat2: AclTensor,
  beta: AclScalar,
  alpha: AclScalar,
  out: AclTensor,
  cubeMathType: number,
  workspaceSize: WorkspaceSize,
  executor: Executor,
): aclnnStatus {
  return prepare('aclnnAddmmGetWorkspaceSize', workspaceSize, executor, () =>
    addmmPlan(
      'aclnnAddmmGetWorkspaceSize',
      tensorArg(self, 'self'),
      tensorArg(mat1, 'mat1'),
      tensorArg(mat2, 'mat2'),
      scalarArg(beta, 'beta'),
      scalarArg(alpha, 'alpha'),
      tensorArg(out, 'out'),
      cubeMathType,
    ),
  );
}
export function aclnnAddmm(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnAddmm', workspace, workspaceSize, executor, stream);
}

export function aclnnBaddbmmGetWorkspaceSize(
  self: AclTensor,
  batch1: AclTensor,
  batch2: AclTensor,
  beta: AclScalar,
  alpha: AclScalar,
  out: AclTensor,
  cubeMathType: number,
  workspaceSize: WorkspaceSize,
  executor: Executor,
): aclnnStatus {
  return prepare('aclnnBaddbmmGetWorkspaceSize', workspaceSize, executor, () => {
    const s = tensorArg(self, 'self');
    const b1 = tensorArg(batch1, 'batch1');
    const b2 = tensorArg(batch2, 'batch2');
    const o = tensorArg(out, 'out');
    const be = scalarArg(beta, 'beta').number;
    const al = scalarArg(alpha, 'alpha').number;
    requireDType(b1, 'batch1', FLOATS);
    requireSameDType(b1, 'batch1', b2, 'batch2');
    requireSameDType(b1, 'batch1', s, 'self');
    requireSameDType(b1, 'batch1', o, 'out');
    if (b1.rank !== 3 || b2.rank !== 3) throw new DeviceFault('invalid-value', `batch1 and batch2 must be 3-D (got ${b1.rank}-D and ${b2.rank}-D)`);
    if (b1.viewDims[0] !== b2.viewDims[0]) throw new DeviceFault('invalid-value', `batch1 and batch2 have different batch sizes (${b1.viewDims[0]} vs ${b2.viewDims[0]})`);
    const { shape, m, n, k } = matmulShape(b1.viewDims, b2.viewDims);
    requireUnidirectional(s, shape, 'self');
    requireShape(o, 'out', shape);
    const profile = cubeMathProfile('aclnnBaddbmmGetWorkspaceSize', cubeMathType, b1.dtype, 'matmul');
    const batch = shape[0];
    return {
      workspaceSize: floatPartials(batch * m * n),
      uses: [s, b1, b2, o],
      run: (run) => {
        const A = operand(run, b1);
        const B = operand(run, b2);
        const Y = operand(run, o);
        const C = broadcastOperand(operand(run, s), shape);
        for (let i = 0; i < batch; i++) {
          launch(run, {
            op: 'Gemm',
            inputs: [indexOperand(A, i), indexOperand(B, i), be === 0 ? undefined : indexOperand(C, i)],
            attributes: { alpha: al, beta: be },
            outputs: [indexOperand(Y, i)],
            profile,
            flops: 2 * m * n * k,
          });
        }
      },
    };
  });
}
export function aclnnBaddbmm(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnBaddbmm', workspace, workspaceSize, executor, stream);
}

export function aclnnAddmvGetWorkspaceSize(
  self: AclTensor,
  mat: AclTensor,
  vec: AclTensor,
  alpha: AclScalar,
  beta: AclScalar,
  out: AclTensor,
  cubeMathType: number,
  workspaceSize: WorkspaceSize,
  executor: Executor,
): aclnnStatus {
  return prepare('aclnnAddmvGetWorkspaceSize', workspaceSize, executor, () => {
    const s = tensorArg(self, 'self');
    const A = tensorArg(mat, 'mat');
    const x = tensorArg(vec, 'vec');
    const o = tensorArg(out, 'out');
    const al = scalarArg(alpha, 'alpha').number;
    const be = scalarArg(beta, 'beta').number;
    requireDType(A, 'mat', FLOATS);
    for (const [t, name] of [[x, 'vec'], [s, 'self'], [o, 'out']] as const) requireSameDType(A, 'mat', t, name);
    if (A.rank !== 2 || x.rank !== 1) throw new DeviceFault('invalid-value', `mat must be 2-D and vec 1-D (got ${A.rank}-D and ${x.rank}-D)`);
    const [m, n] = A.viewDims;
    if (x.viewDims[0] !== n) throw new DeviceFault('invalid-value', `vec has ${x.viewDims[0]} elements but mat has ${n} columns`);
    if (s.rank > 1 || (s.rank === 1 && s.viewDims[0] !== m && s.viewDims[0] !== 1)) throw new DeviceFault('invalid-value', `self [${s.viewDims.join(', ')}] does not broadcast to [${m}]`);
    requireShape(o, 'out', [m]);
    // The knob values of aclnnAddmv are assumed equal to aclnnMatmul's (profiles/cann.yaml, unconfirmed).
    const profile = cubeMathProfile('aclnnAddmvGetWorkspaceSize', cubeMathType, A.dtype, 'matmul');
    return {
      workspaceSize: floatPartials(m),
      uses: [s, A, x, o],
      run: (run) => {
        const column = (t: AclTensor) => {
          const op = operand(run, t);
          const stride = t.rank === 1 ? op.view.strides[0] : 0;
          return restrided(op, [t.rank === 1 ? t.viewDims[0] : 1, 1], [stride, stride]);
        };
        launch(run, {
          op: 'Gemm',
          inputs: [operand(run, A), column(x), be === 0 ? undefined : column(s)],
          attributes: { alpha: al, beta: be },
          outputs: [column(o)],
          profile,
          flops: 2 * m * n,
        });
      },
    };
  });
}
export function aclnnAddmv(workspace: DevicePtr | null, workspaceSize: number, executor: AclOpExecutor, stream: aclrtStream): aclnnStatus {
  return execute('aclnnAddmv', workspace, workspaceSize, executor, stream);
}
