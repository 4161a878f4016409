/**
 * CNNL matrix multiply: the legacy cnnlMatMul, cnnlMatMul_v2 (descriptor + algorithm +
 * heuristic workspace) and cnnlBatchMatMulBCast_v2. Matrices are row-major CNNL_LAYOUT_ARRAY
 * tensors. The descriptor carries TRANSA / TRANSB, COMPUTE_TYPE, ALLOW_TF32 and USE_BETA:
 * ALLOW_TF32 switches float32 products between TF32 and IEEE float32 (a catalog knob); when
 * it is never set, the Cambricon default profile applies (TF32; what CNNL itself defaults to
 * is unconfirmed). C is read only when USE_BETA is set (torch_mlu sets it whenever beta is
 * used); otherwise D = alpha·op(A)·op(B).
 */
import type { DType } from '../../runtime/dtype.js';
import type { KnobSetting } from '../sim/call-profile.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { CallContext } from '../sim/facade-call.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import type { Ref } from '../sim/ref.js';
import { dtypeOfMeaning, enumMeaning, enumName } from './catalog-enums.js';
import type { cnnlMatMulDescAttribute_t, cnnlStatus_t } from './constants.generated.js';
import { cnnlCall } from './library-calls.js';
import { requireOutRef } from './out-params.js';
import { scalingFactor } from './glue-ops.js';
import { launchCnnl } from './cnnl-launch.js';
import { requireHandle, type cnnlHandle_t } from './cnnl-handle.js';
import { requirePlainOnchip, requireTensorDescriptor, tensorOperand, type CnnlTensorDescriptor, type cnnlTensorDescriptor_t } from './cnnl-tensor-descriptor.js';
import { float32Staging, requireWorkspace } from './cnnl-workspace.js';
import { CnnlOpDescriptor, createOpDescriptor, descriptorSettings, destroyOpDescriptor, requireOpDescriptor } from './op-descriptor.js';
import { formatShape, product } from './shapes.js';

const DESC_KIND = 'cnnlMatMulDescriptor_t';
const ALGO_KIND = 'cnnlMatMulAlgo_t';
const RESULT_KIND = 'cnnlMatMulHeuristicResult_t';

interface MatMulSettings {
  transA: boolean;
  transB: boolean;
  computeType: DType | undefined;
  /** ALLOW_TF32 as set (0 / 1), undefined until set. */
  allowTf32: 0 | 1 | undefined;
  useBeta: boolean;
  useStride: boolean;
}

interface HeuristicResult {
  readonly algo: number;
  readonly workspaceSize: number;
}

export type cnnlMatMulDescriptor_t = CnnlOpDescriptor<MatMulSettings>;
export type cnnlMatMulAlgo_t = CnnlOpDescriptor<{ readonly algo: number }>;
export type cnnlMatMulHeuristicResult_t = CnnlOpDescriptor<HeuristicResult>;

/** The one algorithm the simulation has; every heuristic query returns it. */
const SIMULATED_ALGO = 0;

export function cnnlMatMulDescCreate(desc: Ref<cnnlMatMulDescriptor_t>): cnnlStatus_t {
  const status = createOpDescriptor('cnnlMatMulDescCreate', DESC_KIND, desc);
  if (desc?.isSet) {
    (desc.value as cnnlMatMulDescriptor_t).settings ??= { transA: false, transB: false, computeType: undefined, allowTf32: undefined, useBeta: false, useStride: false };
  }
  return status;
}

export function cnnlMatMulDescDestroy(desc: cnnlMatMulDescriptor_t): cnnlStatus_t {
  return destroyOpDescriptor('cnnlMatMulDescDestroy', DESC_KIND, desc);
}

/** `buf` points to an int32_t (a cnnlDataType_t for COMPUTE_TYPE): pass the number, or an Int32Array. */
function readInt32(buf: unknown, size: unknown): number {
  if (size !== 4) throw new DeviceFault('invalid-value', `size_in_bytes must be sizeof(int32_t) = 4, got ${String(size)}`);
  const value = typeof buf === 'boolean' ? Number(buf) : typeof buf === 'number' ? buf : buf instanceof Int32Array || buf instanceof Uint32Array ? buf[0] : undefined;
  if (value === undefined) {
    throw new DeviceFault(buf === null || buf === undefined ? 'null-pointer' : 'invalid-value', `buf must point to an int32_t value (a number or Int32Array), got ${String(buf)}`);
  }
  if (!Number.isInteger(value)) throw new DeviceFault('invalid-value', `buf must hold an integer, got ${value}`);
  return value;
}

export function cnnlSetMatMulDescAttr(desc: cnnlMatMulDescriptor_t, attr: cnnlMatMulDescAttribute_t, buf: unknown, size_in_bytes: number): cnnlStatus_t {
  return cnnlCall('cnnlSetMatMulDescAttr', () => {
    const settings = descriptorSettings<MatMulSettings>(desc, DESC_KIND, 'cnnlMatMulDescCreate');
    const meaning = enumMeaning('cnnlMatMulDescAttribute_t', attr);
    if (meaning === undefined) throw new DeviceFault('invalid-value', `${String(attr)} is not a cnnlMatMulDescAttribute_t value`);
    const value = readInt32(buf, size_in_bytes);
    switch (meaning) {
      case 'matmul-attr.trans-a':
        settings.transA = value !== 0;
        break;
      case 'matmul-attr.trans-b':
        settings.transB = value !== 0;
        break;
      case 'matmul-attr.compute-type': {
        const dtype = dtypeOfMeaning(enumMeaning('cnnlDataType_t', value));
        if (!dtype) throw new DeviceFault('invalid-value', `COMPUTE_TYPE ${enumName('cnnlDataType_t', value)} is not a compute type`);
        settings.computeType = dtype;
        break;
      }
      case 'matmul-attr.allow-tf32':
        settings.allowTf32 = value !== 0 ? 1 : 0;
        break;
      case 'matmul-attr.use-beta':
        settings.useBeta = value !== 0;
        break;
      case 'matmul-attr.use-stride':
        settings.useStride = value !== 0;
        break;
      default:
        // LDA / LDB / LDC only take effect with USE_STRIDE, which the facade rejects at the op.
        break;
    }
  });
}

export function cnnlMatMulAlgoCreate(algo: Ref<cnnlMatMulAlgo_t>): cnnlStatus_t {
  return createOpDescriptor('cnnlMatMulAlgoCreate', ALGO_KIND, algo, 'algo');
}

export function cnnlMatMulAlgoDestroy(algo: cnnlMatMulAlgo_t): cnnlStatus_t {
  return destroyOpDescriptor('cnnlMatMulAlgoDestroy', ALGO_KIND, algo);
}

export function cnnlCreateMatMulHeuristicResult(result: Ref<cnnlMatMulHeuristicResult_t>): cnnlStatus_t {
  return createOpDescriptor('cnnlCreateMatMulHeuristicResult', RESULT_KIND, result, 'result');
}

export function cnnlDestroyMatMulHeuristicResult(result: cnnlMatMulHeuristicResult_t): cnnlStatus_t {
  return destroyOpDescriptor('cnnlDestroyMatMulHeuristicResult', RESULT_KIND, result);
}

interface ProductShape {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  /** Elements of the output (batch · M · N). */
  readonly outputs: number;
}

/** M, N, K of op(A)·op(B) from the descriptors, with the batch dims broadcast (numpy matmul rules). */
function productShape(a: readonly number[], b: readonly number[], transA: boolean, transB: boolean, what: string): ProductShape {
  if (a.length < 2 || b.length < 2) throw new DeviceFault('invalid-value', `${what}: a ${formatShape(a)} and b ${formatShape(b)} must have at least 2 dims`);
  const [am, ak] = transA ? [a[a.length - 1], a[a.length - 2]] : [a[a.length - 2], a[a.length - 1]];
  const [bk, bn] = transB ? [b[b.length - 1], b[b.length - 2]] : [b[b.length - 2], b[b.length - 1]];
  if (ak !== bk) {
    throw new DeviceFault('invalid-value', `${what}: op(a) is ${am}x${ak} but op(b) is ${bk}x${bn} (transA ${Number(transA)}, transB ${Number(transB)})`);
  }
  const batchA = a.slice(0, -2);
  const batchB = b.slice(0, -2);
  const rank = Math.max(batchA.length, batchB.length);
  const batch: number[] = [];
  for (let i = 0; i < rank; i++) {
    const x = batchA[batchA.length - rank + i] ?? 1;
    const y = batchB[batchB.length - rank + i] ?? 1;
    if (x !== y && x !== 1 && y !== 1) throw new DeviceFault('invalid-value', `${what}: batch dims of a ${formatShape(a)} and b ${formatShape(b)} do not broadcast`);
    batch.push(Math.max(x, y));
  }
  return { m: am, n: bn, k: ak, outputs: product(batch) * am * bn };
}

function checkOutput(dims: readonly number[], shape: ProductShape, what: string): void {
  const ok = dims.length >= 2 && dims[dims.length - 2] === shape.m && dims[dims.length - 1] === shape.n && product(dims) === shape.outputs;
  if (!ok) throw new DeviceFault('invalid-value', `${what}: the output is ${formatShape(dims)}, the product is ${shape.m}x${shape.n} (${shape.outputs} elements)`);
}

/** float32 staging of every output element (opbridge's workspace model for matmul). */
function matmulWorkspace(shape: ProductShape): number {
  return float32Staging(shape.outputs);
}

function heuristic(
  symbol: string,
  handle: unknown,
  desc: unknown,
  a_desc: unknown,
  b_desc: unknown,
  out_desc: unknown,
  requested: unknown,
  resultArray: unknown,
  returned: unknown,
): cnnlStatus_t {
  return cnnlCall(symbol, () => {
    requireHandle(handle);
    const settings = descriptorSettings<MatMulSettings>(desc, DESC_KIND, 'cnnlMatMulDescCreate');
    const a = requireTensorDescriptor(a_desc, 'a_desc');
    const b = requireTensorDescriptor(b_desc, 'b_desc');
    if (typeof requested !== 'number' || !Number.isInteger(requested) || requested < 1) {
      throw new DeviceFault('invalid-value', `requested_algo_count must be at least 1, got ${String(requested)}`);
    }
    const shape = productShape(a.dims, b.dims, settings.transA, settings.transB, symbol);
    if (out_desc !== null && out_desc !== undefined) checkOutput(requireTensorDescriptor(out_desc, 'output descriptor').dims, shape, symbol);
    const results = Array.isArray(resultArray) ? resultArray : [resultArray];
    const first = requireOpDescriptor<HeuristicResult>(results[0], RESULT_KIND);
    first.settings = { algo: SIMULATED_ALGO, workspaceSize: matmulWorkspace(shape) };
    requireOutRef(returned as Ref<number>, 'return_algo_count').value = 1;
  });
}

/** Same argument order as cublasLtMatmulAlgoGetHeuristic; one algorithm is returned. */
export function cnnlGetMatMulAlgoHeuristic(
  handle: cnnlHandle_t,
  matmul_desc: cnnlMatMulDescriptor_t,
  a_desc: cnnlTensorDescriptor_t,
  b_desc: cnnlTensorDescriptor_t,
  c_desc: cnnlTensorDescriptor_t | null,
  d_desc: cnnlTensorDescriptor_t | null,
  preference: unknown,
  requested_algo_count: number,
  result_array: cnnlMatMulHeuristicResult_t | cnnlMatMulHeuristicResult_t[],
  return_algo_count: Ref<number>,
): cnnlStatus_t {
  void preference; // a cnnlMatMulPrefer_t value or NULL: one algorithm exists, so it changes nothing
  return heuristic('cnnlGetMatMulAlgoHeuristic', handle, matmul_desc, a_desc, b_desc, d_desc ?? c_desc, requested_algo_count, result_array, return_algo_count);
}

/** The batched heuristic DIOPI pairs with cnnlBatchMatMulBCast_v2 (no D descriptor). */
export function cnnlGetBatchMatMulAlgoHeuristic(
  handle: cnnlHandle_t,
  bmm_desc: cnnlMatMulDescriptor_t,
  a_desc: cnnlTensorDescriptor_t,
  b_desc: cnnlTensorDescriptor_t,
  c_desc: cnnlTensorDescriptor_t,
  preference: unknown,
  requested_algo_count: number,
  result_array: cnnlMatMulHeuristicResult_t | cnnlMatMulHeuristicResult_t[],
  return_algo_count: Ref<number>,
): cnnlStatus_t {
  void preference; // DIOPI passes NULL ("preference not supported")
  return heuristic('cnnlGetBatchMatMulAlgoHeuristic', handle, bmm_desc, a_desc, b_desc, c_desc, requested_algo_count, result_array, return_algo_count);
}

function readHeuristicResult(symbol: string, result: unknown, algo: unknown, workspace_size: unknown): cnnlStatus_t {
  return cnnlCall(symbol, () => {
    const r = descriptorSettings<HeuristicResult>(result, RESULT_KIND, 'cnnlGetMatMulAlgoHeuristic');
    requireOpDescriptor<{ algo: number }>(algo, ALGO_KIND).settings = { algo: r.algo };
    requireOutRef(workspace_size as Ref<number>, 'workspace_size').value = r.workspaceSize;
  });
}

/** The matmul workspace size comes from the heuristic result (no Get...WorkspaceSize call). */
export function cnnlGetMatMulHeuristicResult(result: cnnlMatMulHeuristicResult_t, algo: cnnlMatMulAlgo_t, workspace_size: Ref<number>): cnnlStatus_t {
  return readHeuristicResult('cnnlGetMatMulHeuristicResult', result, algo, workspace_size);
}

export function cnnlGetBatchMatMulHeuristicResult(result: cnnlMatMulHeuristicResult_t, algo: cnnlMatMulAlgo_t, workspace_size: Ref<number>): cnnlStatus_t {
  return readHeuristicResult('cnnlGetBatchMatMulHeuristicResult', result, algo, workspace_size);
}

function tf32Knobs(settings: MatMulSettings): KnobSetting[] {
  return settings.allowTf32 === undefined ? [] : [{ symbol: 'cnnlSetMatMulDescAttr', param: 'buf', value: settings.allowTf32 }];
}

function checkedSettings(desc: unknown, algo: unknown): MatMulSettings {
  const settings = descriptorSettings<MatMulSettings>(desc, DESC_KIND, 'cnnlMatMulDescCreate');
  requireOpDescriptor(algo, ALGO_KIND);
  if (settings.useStride) {
    throw new DeviceFault('not-supported', 'CNNL_MATMUL_USE_STRIDE (leading dims from LDA / LDB / LDC) is not simulated: give the strides in the tensor descriptors (cnnlSetTensorDescriptorEx)');
  }
  return settings;
}

function operands(ctx: CallContext, pairs: readonly [unknown, unknown, string][]): DeviceOperand[] {
  return pairs.map(([desc, ptr, name]) => {
    requirePlainOnchip(requireTensorDescriptor(desc, `${name}_desc`) as CnnlTensorDescriptor, `${name}_desc`);
    return tensorOperand(ctx.process, desc, ptr, name);
  });
}

/** D = alpha·op(A)·op(B) + beta·C (C read only with CNNL_MATMUL_USE_BETA); separate C and D. */
export function cnnlMatMul_v2(
  handle: cnnlHandle_t,
  matmul_desc: cnnlMatMulDescriptor_t,
  algo: cnnlMatMulAlgo_t,
  alpha: number,
  a_desc: cnnlTensorDescriptor_t,
  a: unknown,
  b_desc: cnnlTensorDescriptor_t,
  b: unknown,
  beta: number,
  c_desc: cnnlTensorDescriptor_t | null,
  c: unknown,
  workspace: unknown,
  workspace_size: number,
  d_desc: cnnlTensorDescriptor_t,
  d: unknown,
): cnnlStatus_t {
  return cnnlCall('cnnlMatMul_v2', (ctx) => {
    const h = requireHandle(handle);
    const settings = checkedSettings(matmul_desc, algo);
    const scaleAB = scalingFactor(alpha, 'alpha', undefined);
    const scaleC = scalingFactor(beta, 'beta', undefined);
    const [A, B, D] = operands(ctx, [
      [a_desc, a, 'a'],
      [b_desc, b, 'b'],
      [d_desc, d, 'd'],
    ]);
    if (A.view.rank !== 2 || B.view.rank !== 2) {
      throw new DeviceFault('invalid-value', `cnnlMatMul_v2 multiplies matrices: a ${formatShape(A.view.shape)}, b ${formatShape(B.view.shape)} (use cnnlBatchMatMulBCast_v2 for batches)`);
    }
    const shape = productShape(A.view.shape, B.view.shape, settings.transA, settings.transB, 'cnnlMatMul_v2');
    checkOutput(D.view.shape, shape, 'cnnlMatMul_v2');
    requireWorkspace(ctx, workspace, workspace_size, matmulWorkspace(shape), 'cnnlGetMatMulAlgoHeuristic / cnnlGetMatMulHeuristicResult');
    const C = settings.useBeta && scaleC !== 0 ? operands(ctx, [[c_desc, c, 'c']])[0] : undefined;
    launchCnnl(ctx, h, {
      op: 'Gemm',
      inputs: C ? [A, B, C] : [A, B],
      attributes: { alpha: scaleAB, beta: C ? scaleC : 0, transA: Number(settings.transA), transB: Number(settings.transB) },
      outputs: [D],
      knobs: tf32Knobs(settings),
      flops: 2 * shape.m * shape.n * shape.k,
    });
  });
}

/** Legacy matmul: explicit trans flags, C updated in place, library-default float32 numerics. */
export function cnnlMatMul(
  handle: cnnlHandle_t,
  is_trans_a: boolean,
  is_trans_b: boolean,
  alpha: number | null,
  a_desc: cnnlTensorDescriptor_t,
  a: unknown,
  b_desc: cnnlTensorDescriptor_t,
  b: unknown,
  beta: number | null,
  c_desc: cnnlTensorDescriptor_t,
  c: unknown,
): cnnlStatus_t {
  return cnnlCall('cnnlMatMul', (ctx) => {
    const h = requireHandle(handle);
    const scaleAB = scalingFactor(alpha, 'alpha', 1);
    const scaleC = scalingFactor(beta, 'beta', 0);
    const [A, B, C] = operands(ctx, [
      [a_desc, a, 'a'],
      [b_desc, b, 'b'],
      [c_desc, c, 'c'],
    ]);
    if (A.view.rank !== 2 || B.view.rank !== 2) throw new DeviceFault('invalid-value', `cnnlMatMul multiplies matrices: a ${formatShape(A.view.shape)}, b ${formatShape(B.view.shape)}`);
    const shape = productShape(A.view.shape, B.view.shape, Boolean(is_trans_a), Boolean(is_trans_b), 'cnnlMatMul');
    checkOutput(C.view.shape, shape, 'cnnlMatMul');
    launchCnnl(ctx, h, {
      op: 'Gemm',
      inputs: scaleC !== 0 ? [A, B, C] : [A, B],
      attributes: { alpha: scaleAB, beta: scaleC, transA: Number(Boolean(is_trans_a)), transB: Number(Boolean(is_trans_b)) },
      outputs: [C],
      flops: 2 * shape.m * shape.n * shape.k,
    });
  });
}

/**
 * Batched matmul with numpy broadcasting of the batch dims: c = alpha·op(a)·op(b) + beta·c
 * (beta only with CNNL_MATMUL_USE_BETA). Transposes are zero-copy views of the last two dims;
 * the product runs as the MatMul operator and the alpha / beta blend as glue in float32.
 */
export function cnnlBatchMatMulBCast_v2(
  handle: cnnlHandle_t,
  bmm_desc: cnnlMatMulDescriptor_t,
  algo: cnnlMatMulAlgo_t,
  alpha: number,
  a_desc: cnnlTensorDescriptor_t,
  a: unknown,
  b_desc: cnnlTensorDescriptor_t,
  b: unknown,
  beta: number,
  c_desc: cnnlTensorDescriptor_t,
  c: unknown,
  workspace: unknown,
  workspace_size: number,
): cnnlStatus_t {
  return cnnlCall('cnnlBatchMatMulBCast_v2', (ctx) => {
    const h = requireHandle(handle);
    const settings = checkedSettings(bmm_desc, algo);
    const scaleAB = scalingFactor(alpha, 'alpha', undefined);
    const scaleC = scalingFactor(beta, 'beta', undefined);
    const [A, B, C] = operands(ctx, [
      [a_desc, a, 'a'],
      [b_desc, b, 'b'],
      [c_desc, c, 'c'],
    ]);
    const shape = productShape(A.view.shape, B.view.shape, settings.transA, settings.transB, 'cnnlBatchMatMulBCast_v2');
    checkOutput(C.view.shape, shape, 'cnnlBatchMatMulBCast_v2');
    requireWorkspace(ctx, workspace, workspace_size, matmulWorkspace(shape), 'cnnlGetBatchMatMulAlgoHeuristic / cnnlGetBatchMatMulHeuristicResult');
    const opA: DeviceOperand = settings.transA ? { ptr: A.ptr, view: A.view.transpose(-2, -1) } : A;
    const opB: DeviceOperand = settings.transB ? { ptr: B.ptr, view: B.view.transpose(-2, -1) } : B;
    launchCnnl(ctx, h, {
      op: 'MatMul',
      inputs: [opA, opB],
      attributes: {},
      outputs: [C],
      knobs: tf32Knobs(settings),
      blend: { alpha: scaleAB, beta: settings.useBeta ? scaleC : 0 },
      flops: 2 * shape.outputs * shape.k,
    });
  });
}
