/**
 * cublasLtMatmulAlgoGetHeuristic and cublasLtMatmul: D = epilogue(alpha·op(A)·op(B) + beta·C)
 * as the canonical Gemm on views of A, B, C, D in their layouts (column- or row-major, with
 * batches), followed by the epilogue's operators as the catalog's binding variants list them
 * (BIAS: Add of the bias column, RELU: Relu, GELU: Gelu), each launched on the call's stream.
 *
 * GELU: which formula CUBLASLT_EPILOGUE_GELU computes is not in cublasLt.h (unconfirmed).
 * It is modelled as the tanh approximation, because PyTorch, which issues this epilogue for
 * addmm + GELU, applies `gelu(approximate="tanh")` on the paths where it cannot use the
 * epilogue, so that both paths agree (pytorch/pytorch aten/src/ATen/native/cuda/Blas.cpp,
 * addmm_out_cuda_impl): an inference, recorded in docs/backends/cuda.md.
 */
import type { DType } from '../../runtime/dtype.js';
import type { NumericProfile } from '../../runtime/numerics/numeric-profile.js';
import { DeviceFault } from '../sim/device-fault.js';
import type { DevicePtr } from '../sim/device-memory.js';
import type { CallContext } from '../sim/facade-call.js';
import { launchOp, type DeviceOperand } from '../sim/launch-op.js';
import { requireDevicePtr } from '../sim/memory-ops.js';
import type { Ref } from '../sim/ref.js';
import type { SimStream } from '../sim/stream-ordering.js';
import {
  CUBLASLT_EPILOGUE_BIAS,
  CUBLASLT_EPILOGUE_DEFAULT,
  CUBLASLT_EPILOGUE_GELU,
  CUBLASLT_EPILOGUE_GELU_BIAS,
  CUBLASLT_EPILOGUE_RELU,
  CUBLASLT_EPILOGUE_RELU_BIAS,
  CUBLASLT_MATMUL_DESC_BIAS_BATCH_STRIDE,
  CUBLASLT_MATMUL_DESC_BIAS_DATA_TYPE,
  CUBLASLT_MATMUL_DESC_BIAS_POINTER,
  CUBLASLT_MATMUL_DESC_COMPUTE_TYPE,
  CUBLASLT_MATMUL_DESC_EPILOGUE,
  CUBLASLT_MATMUL_DESC_POINTER_MODE,
  CUBLASLT_MATMUL_DESC_SCALE_TYPE,
  CUBLASLT_MATMUL_DESC_TRANSA,
  CUBLASLT_MATMUL_DESC_TRANSB,
  CUBLASLT_MATMUL_DESC_TRANSC,
  CUBLASLT_ORDER_COL,
  CUBLASLT_ORDER_ROW,
  CUBLAS_OP_N,
  CUBLAS_STATUS_EXECUTION_FAILED,
  CUBLAS_STATUS_INVALID_VALUE,
  CUBLAS_STATUS_NOT_SUPPORTED,
  CUBLAS_STATUS_SUCCESS,
  type cublasStatus_t,
} from './constants.generated.js';
import { isTransposed, resolveExTypes } from './cublas-gemm.js';
import { cublasCall, rejectCublas } from './cublas-handle.js';
import {
  CublasLtMatmulDesc,
  CublasLtMatmulPreference,
  CublasLtMatrixLayout,
  requireLtHandle,
  requireLtObject,
  type cublasLtHandle_t,
  type cublasLtMatmulDesc_t,
  type cublasLtMatmulPreference_t,
  type cublasLtMatrixLayout_t,
} from './cublaslt-descriptors.js';
import { cudaTypeName, dtypeOfCudaType } from './data-types.js';
import { statusName } from './enum-names.js';
import { launchGemm } from './gemm-launch.js';
import { readHostScalar, type ScaleType } from './host-scalars.js';
import { launchStream } from './library-streams.js';
import { matrixOperand, offsetElements, vectorOperand, type MatrixOrder, type MatrixSpec } from './matrix-views.js';
import { writeOut } from './out-param.js';
import { asDeviceWork } from './runtime-state.js';
import { boundEntryProfile } from './backend-binding.js';

/** `typedef struct { uint64_t data[8]; } cublasLtMatmulAlgo_t`: opaque; the simulator has one algorithm. */
export class cublasLtMatmulAlgo_t {
  readonly data = new BigUint64Array(8);
}

/** What cublasLtMatmulAlgoGetHeuristic fills in per algorithm. */
export interface cublasLtMatmulHeuristicResult_t {
  algo: cublasLtMatmulAlgo_t;
  workspaceSize: number;
  state: cublasStatus_t;
  wavesCount: number;
  reserved: number[];
}

/** Algorithms this simulator hands out (cublasLtMatmul accepts these, or NULL). */
const ISSUED_ALGOS = new WeakSet<cublasLtMatmulAlgo_t>();

/** The epilogues simulated, as the catalog's binding variants: bias first, then the activation. */
const EPILOGUES: ReadonlyMap<number, { readonly bias: boolean; readonly activation?: 'Relu' | 'Gelu' }> = new Map([
  [CUBLASLT_EPILOGUE_DEFAULT, { bias: false }],
  [CUBLASLT_EPILOGUE_RELU, { bias: false, activation: 'Relu' }],
  [CUBLASLT_EPILOGUE_BIAS, { bias: true }],
  [CUBLASLT_EPILOGUE_RELU_BIAS, { bias: true, activation: 'Relu' }],
  [CUBLASLT_EPILOGUE_GELU, { bias: false, activation: 'Gelu' }],
  [CUBLASLT_EPILOGUE_GELU_BIAS, { bias: true, activation: 'Gelu' }],
] as const);

/** Descriptor attributes the simulator reads; any other one set to a non-zero value is not simulated. */
const SIMULATED_DESC_ATTRIBUTES: ReadonlySet<number> = new Set([
  CUBLASLT_MATMUL_DESC_COMPUTE_TYPE,
  CUBLASLT_MATMUL_DESC_SCALE_TYPE,
  CUBLASLT_MATMUL_DESC_POINTER_MODE,
  CUBLASLT_MATMUL_DESC_TRANSA,
  CUBLASLT_MATMUL_DESC_TRANSB,
  CUBLASLT_MATMUL_DESC_TRANSC,
  CUBLASLT_MATMUL_DESC_EPILOGUE,
  CUBLASLT_MATMUL_DESC_BIAS_POINTER,
  CUBLASLT_MATMUL_DESC_BIAS_BATCH_STRIDE,
  CUBLASLT_MATMUL_DESC_BIAS_DATA_TYPE,
]);

interface LayoutPlan {
  readonly layout: CublasLtMatrixLayout;
  readonly dtype: DType;
  readonly order: MatrixOrder;
}

interface MatmulPlan {
  readonly a: LayoutPlan;
  readonly b: LayoutPlan;
  readonly c: LayoutPlan;
  readonly d: LayoutPlan;
  readonly transA: boolean;
  readonly transB: boolean;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly batch: number;
  readonly scale: ScaleType;
  readonly computeType: number;
  readonly bias: boolean;
  readonly biasDType: DType;
  readonly activation: 'Relu' | 'Gelu' | undefined;
}

/**
 * Checks a matmul problem as cuBLASLt does before running it; returns the plan, or the status
 * with which the call (or the heuristic query) fails.
 */
function planMatmul(ctx: CallContext, descArg: unknown, aArg: unknown, bArg: unknown, cArg: unknown, dArg: unknown): MatmulPlan | number {
  const desc = requireLtObject(descArg, CublasLtMatmulDesc, 'computeDesc');
  const layouts = [
    requireLtObject(aArg, CublasLtMatrixLayout, 'Adesc'),
    requireLtObject(bArg, CublasLtMatrixLayout, 'Bdesc'),
    requireLtObject(cArg, CublasLtMatrixLayout, 'Cdesc'),
    requireLtObject(dArg, CublasLtMatrixLayout, 'Ddesc'),
  ];
  const names = ['A', 'B', 'C', 'D'];
  for (const [attr, value] of desc.attributes) {
    if (!SIMULATED_DESC_ATTRIBUTES.has(attr) && value !== 0 && value !== null) {
      return rejectCublas(ctx, CUBLAS_STATUS_NOT_SUPPORTED, `${statusName('cublasLtMatmulDescAttributes_t', attr)} is set but not simulated`, 'OB2014');
    }
  }
  const pointerMode = Number(desc.attributes.get(CUBLASLT_MATMUL_DESC_POINTER_MODE) ?? 0);
  if (pointerMode !== 0) {
    return rejectCublas(ctx, CUBLAS_STATUS_NOT_SUPPORTED, `pointer mode ${pointerMode} is not simulated; only CUBLASLT_POINTER_MODE_HOST (0, the default) is`, 'OB2014');
  }
  if (Number(desc.attributes.get(CUBLASLT_MATMUL_DESC_TRANSC) ?? CUBLAS_OP_N) !== CUBLAS_OP_N) {
    return rejectCublas(ctx, CUBLAS_STATUS_NOT_SUPPORTED, 'CUBLASLT_MATMUL_DESC_TRANSC must be CUBLAS_OP_N (the only value cuBLASLt supports)');
  }
  const transA = isTransposed(desc.attributes.get(CUBLASLT_MATMUL_DESC_TRANSA), 'CUBLASLT_MATMUL_DESC_TRANSA');
  const transB = isTransposed(desc.attributes.get(CUBLASLT_MATMUL_DESC_TRANSB), 'CUBLASLT_MATMUL_DESC_TRANSB');
  const epilogueValue = Number(desc.attributes.get(CUBLASLT_MATMUL_DESC_EPILOGUE));
  const epilogue = EPILOGUES.get(epilogueValue);
  if (!epilogue) {
    return rejectCublas(ctx, CUBLAS_STATUS_NOT_SUPPORTED, `epilogue ${statusName('cublasLtEpilogue_t', epilogueValue)} is not simulated (DEFAULT, RELU, BIAS, RELU_BIAS, GELU and GELU_BIAS are)`, 'OB2014');
  }
  const types = resolveExTypes(ctx, layouts[0].type, layouts[1].type, layouts[2].type, desc.computeType);
  if (typeof types === 'number') return types;
  if (layouts[3].type !== layouts[2].type) {
    return rejectCublas(ctx, CUBLAS_STATUS_NOT_SUPPORTED, `Ddesc type ${cudaTypeName(layouts[3].type)} differs from Cdesc type ${cudaTypeName(layouts[2].type)}`);
  }
  const scaleType = desc.attributes.get(CUBLASLT_MATMUL_DESC_SCALE_TYPE);
  if (dtypeOfCudaType(scaleType) !== types.scale) {
    return rejectCublas(ctx, CUBLAS_STATUS_NOT_SUPPORTED, `scaleType ${cudaTypeName(scaleType)} does not match ${statusName('cublasComputeType_t', desc.computeType)} (its alpha and beta are ${types.scale})`);
  }
  const plans: LayoutPlan[] = [];
  for (const [i, layout] of layouts.entries()) {
    if (layout.order !== CUBLASLT_ORDER_COL && layout.order !== CUBLASLT_ORDER_ROW) {
      return rejectCublas(ctx, CUBLAS_STATUS_NOT_SUPPORTED, `${names[i]} order ${statusName('cublasLtOrder_t', layout.order)} is not simulated (COL and ROW are)`, 'OB2014');
    }
    const order: MatrixOrder = layout.order === CUBLASLT_ORDER_COL ? 'column' : 'row';
    const minLd = Math.max(1, order === 'column' ? layout.rows : layout.cols);
    if (layout.ld < minLd) {
      throw new DeviceFault('invalid-value', `${names[i]} leading dimension ${layout.ld} is less than ${minLd} (${order === 'column' ? 'rows' : 'cols'} of a ${order}-major ${layout.rows}×${layout.cols} matrix)`);
    }
    plans.push({ layout, dtype: [types.a, types.b, types.c, types.c][i], order });
  }
  const [a, b, c, d] = plans;
  const m = d.layout.rows;
  const n = d.layout.cols;
  const [opARows, k] = transA ? [a.layout.cols, a.layout.rows] : [a.layout.rows, a.layout.cols];
  const [opBRows, opBCols] = transB ? [b.layout.cols, b.layout.rows] : [b.layout.rows, b.layout.cols];
  const conflicts: string[] = [];
  if (opARows !== m) conflicts.push(`op(A) has ${opARows} rows but D has ${m}`);
  if (opBRows !== k) conflicts.push(`op(B) has ${opBRows} rows but op(A) has ${k} columns`);
  if (opBCols !== n) conflicts.push(`op(B) has ${opBCols} columns but D has ${n}`);
  if (c.layout.rows !== m || c.layout.cols !== n) conflicts.push(`C is ${c.layout.rows}×${c.layout.cols} but D is ${m}×${n}`);
  const batch = d.layout.batchCount;
  for (const [i, p] of plans.entries()) {
    if (p.layout.batchCount !== batch) conflicts.push(`${names[i]} has batch count ${p.layout.batchCount} but D has ${batch}`);
  }
  if (conflicts.length) throw new DeviceFault('invalid-value', `the layouts are in conflict: ${conflicts.join('; ')}`);
  const biasTypeAttr = desc.attributes.get(CUBLASLT_MATMUL_DESC_BIAS_DATA_TYPE);
  const biasDType = biasTypeAttr === undefined || biasTypeAttr === -1 ? types.c : dtypeOfCudaType(biasTypeAttr);
  if (epilogue.bias && biasDType !== types.c) {
    return rejectCublas(ctx, CUBLAS_STATUS_NOT_SUPPORTED, `a ${cudaTypeName(biasTypeAttr)} bias with a ${types.c} D is not simulated (the bias must have D's type)`, 'OB2014');
  }
  return {
    a, b, c, d, transA, transB, m, n, k, batch,
    scale: types.scale,
    computeType: desc.computeType,
    bias: epilogue.bias,
    biasDType: biasDType ?? types.c,
    activation: epilogue.activation,
  };
}

/**
 * Returns one algorithm (this simulator has one) with a workspace need of 0 bytes, or
 * returnAlgoCount 0 and CUBLAS_STATUS_NOT_SUPPORTED when the problem is not one cublasLtMatmul
 * can run.
 */
export function cublasLtMatmulAlgoGetHeuristic(
  lightHandle: cublasLtHandle_t,
  operationDesc: cublasLtMatmulDesc_t,
  Adesc: cublasLtMatrixLayout_t,
  Bdesc: cublasLtMatrixLayout_t,
  Cdesc: cublasLtMatrixLayout_t,
  Ddesc: cublasLtMatrixLayout_t,
  preference: cublasLtMatmulPreference_t,
  requestedAlgoCount: number,
  heuristicResultsArray: cublasLtMatmulHeuristicResult_t[],
  returnAlgoCount: Ref<number>,
): cublasStatus_t {
  return cublasCall(
    'cublasLtMatmulAlgoGetHeuristic',
    (ctx) => {
      const handle = requireLtHandle(ctx, lightHandle);
      if (typeof handle === 'number') return handle;
      requireLtObject(preference, CublasLtMatmulPreference, 'preference');
      if (!Number.isInteger(requestedAlgoCount) || requestedAlgoCount < 1) {
        throw new DeviceFault('invalid-value', `requestedAlgoCount must be >= 1, got ${String(requestedAlgoCount)}`);
      }
      if (!Array.isArray(heuristicResultsArray)) throw new DeviceFault('null-pointer', 'heuristicResultsArray must be an array');
      writeOut(returnAlgoCount, 0, 'returnAlgoCount');
      const plan = planMatmul(ctx, operationDesc, Adesc, Bdesc, Cdesc, Ddesc);
      if (typeof plan === 'number') return plan;
      const algo = new cublasLtMatmulAlgo_t();
      ISSUED_ALGOS.add(algo);
      heuristicResultsArray[0] = { algo, workspaceSize: 0, state: CUBLAS_STATUS_SUCCESS, wavesCount: 1, reserved: [0, 0, 0, 0] };
      writeOut(returnAlgoCount, 1, 'returnAlgoCount');
    },
    false,
  );
}

/** A layout's matrix number `index` of a batch. */
function matrixOf(name: string, plan: LayoutPlan, base: DevicePtr, index: number): MatrixSpec {
  return {
    what: name,
    ptr: offsetElements(base, plan.dtype, index * plan.layout.stridedBatchOffset),
    dtype: plan.dtype,
    rows: plan.layout.rows,
    cols: plan.layout.cols,
    ld: plan.layout.ld,
    order: plan.order,
  };
}

/** The epilogue's operators on D, in the binding's order: bias Add, then the activation. */
function runEpilogue(ctx: CallContext, plan: MatmulPlan, d: MatrixSpec, bias: DevicePtr | undefined, biasStride: number, index: number, stream: SimStream, profile: NumericProfile): void {
  const { process } = ctx;
  // A fresh view of D per step, so each step reads what the previous one stored.
  const launch = (op: string, extra: readonly DeviceOperand[], attributes: Record<string, string | number> = {}): void => {
    const out = matrixOperand(process, d);
    launchOp(process, { backend: ctx.backend, symbol: ctx.symbol, op, inputs: [out, ...extra], attributes, profile, stream, outputs: [out], site: ctx.site });
  };
  if (plan.bias && bias) {
    // One bias element per row of D, added to every column: a [m, 1] column broadcast over D.
    launch('Add', [vectorOperand(process, 'bias', offsetElements(bias, plan.biasDType, index * biasStride), plan.biasDType, plan.m, 1, true)]);
  }
  if (plan.activation === 'Relu') launch('Relu', []);
  if (plan.activation === 'Gelu') launch('Gelu', [], { approximate: 'tanh' });
}

/**
 * D = epilogue(alpha·op(A)·op(B) + beta·C) on `stream`. C may be D (in place). alpha and beta
 * are host values of the descriptor's scale type. `algo` is NULL or one returned by
 * cublasLtMatmulAlgoGetHeuristic; the simulated algorithm needs no workspace, so any
 * workspace (it must lie in device memory when its size is non-zero) is enough.
 */
export function cublasLtMatmul(
  lightHandle: cublasLtHandle_t,
  computeDesc: cublasLtMatmulDesc_t,
  alpha: unknown,
  A: unknown,
  Adesc: cublasLtMatrixLayout_t,
  B: unknown,
  Bdesc: cublasLtMatrixLayout_t,
  beta: unknown,
  C: unknown,
  Cdesc: cublasLtMatrixLayout_t,
  D: unknown,
  Ddesc: cublasLtMatrixLayout_t,
  algo: cublasLtMatmulAlgo_t | null,
  workspace: unknown,
  workspaceSizeInBytes: number,
  stream: unknown,
): cublasStatus_t {
  return cublasCall('cublasLtMatmul', (ctx) => {
    const handle = requireLtHandle(ctx, lightHandle);
    if (typeof handle === 'number') return handle;
    const plan = planMatmul(ctx, computeDesc, Adesc, Bdesc, Cdesc, Ddesc);
    if (typeof plan === 'number') return plan;
    if (algo !== null && algo !== undefined && !(algo instanceof cublasLtMatmulAlgo_t && ISSUED_ALGOS.has(algo))) {
      return rejectCublas(ctx, CUBLAS_STATUS_INVALID_VALUE, 'algo is not an algorithm returned by cublasLtMatmulAlgoGetHeuristic (pass one, or NULL)');
    }
    if (!Number.isInteger(workspaceSizeInBytes) || workspaceSizeInBytes < 0) {
      throw new DeviceFault('invalid-value', `workspaceSizeInBytes must be an integer >= 0, got ${String(workspaceSizeInBytes)}`);
    }
    const valpha = readHostScalar(alpha, 'alpha', plan.scale);
    const vbeta = readHostScalar(beta, 'beta', plan.scale);
    const desc = computeDesc as CublasLtMatmulDesc;
    const biasArg = desc.attributes.get(CUBLASLT_MATMUL_DESC_BIAS_POINTER);
    if (plan.bias && (biasArg === null || biasArg === undefined)) {
      throw new DeviceFault('null-pointer', `the ${statusName('cublasLtEpilogue_t', Number(desc.attributes.get(CUBLASLT_MATMUL_DESC_EPILOGUE)))} epilogue needs CUBLASLT_MATMUL_DESC_BIAS_POINTER`);
    }
    const biasStride = Number(desc.attributes.get(CUBLASLT_MATMUL_DESC_BIAS_BATCH_STRIDE) ?? 0);
    const sim = launchStream(ctx, stream, CUBLAS_STATUS_EXECUTION_FAILED, 'CUBLAS_STATUS_EXECUTION_FAILED');
    if (typeof sim === 'number') return sim;
    if (plan.m === 0 || plan.n === 0) return;
    const dA = requireDevicePtr(A, 'A');
    const dB = requireDevicePtr(B, 'B');
    const dC = requireDevicePtr(C, 'C');
    const dD = requireDevicePtr(D, 'D');
    const bias = plan.bias ? requireDevicePtr(biasArg, 'CUBLASLT_MATMUL_DESC_BIAS_POINTER') : undefined;
    if (workspaceSizeInBytes > 0) {
      const ws = requireDevicePtr(workspace, 'workspace');
      asDeviceWork(ctx, () => ctx.process.memory(ws.allocation.device).check(ws, workspaceSizeInBytes));
    }
    const profile = boundEntryProfile('cublasLtMatmul', [{ symbol: 'cublasLtMatmulDescCreate', param: 'computeType', value: plan.computeType }]);
    asDeviceWork(ctx, () => {
      for (let i = 0; i < plan.batch; i++) {
        const d = matrixOf('D', plan.d, dD, i);
        launchGemm(ctx, {
          a: matrixOf('A', plan.a, dA, i),
          b: matrixOf('B', plan.b, dB, i),
          c: matrixOf('C', plan.c, dC, i),
          d,
          transA: plan.transA,
          transB: plan.transB,
          alpha: valpha,
          beta: vbeta,
          k: plan.k,
          computeDType: plan.d.dtype,
          profile,
          stream: sim,
        });
        runEpilogue(ctx, plan, d, bias, biasStride, i, sim, profile);
      }
    });
  });
}
