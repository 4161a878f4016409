/**
 * blasLt (cann_ops_blasLt.h), the cuBLASLt counterpart: handle, matmul descriptor (transposes,
 * epilogue, bias pointer), matrix layouts, preferences, heuristic query and the matmul
 * D = epilogue(alpha * op(A) op(B) + beta * C). Every kernel lives in an arch35 (Ascend 950)
 * source, so the catalog infers A2/A3 unsupported; the simulation runs it as the 950 would.
 * Layouts are column-major (ACLBLASLT_ORDER_COL, the default) or row-major, batched by
 * BATCH_COUNT / STRIDED_BATCH_OFFSET; the GELU epilogue is the tanh approximation, as cuBLASLt's
 * (unconfirmed for blasLt). Attribute numbers TRANSA 0, TRANSB 1,
 * EPILOGUE 2, BIAS_POINTER 3 follow the catalog.
 */
import { ITEM_SIZE, type DType } from '../../runtime/dtype.js';
import type { CallSite } from '../sim/call-site.js';
import { DeviceFault } from '../sim/device-fault.js';
import { isDevicePtr, type DevicePtr } from '../sim/device-memory.js';
import type { DeviceOperand } from '../sim/launch-op.js';
import { requireDevicePtr } from '../sim/memory-ops.js';
import type { Ref } from '../sim/ref.js';
import type { SimProcess } from '../sim/sim-process.js';
import { SimObject } from '../sim/sim-object.js';
import { AclStatusError } from './acl-call.js';
import { dtypeOf } from './acl-dtype.js';
import type { aclrtStream } from './acl-stream.js';
import { blasCall, blasRun, transposes } from './aclblas.js';
import { columnMajor, strided } from './aclblas-matrix.js';
import type { RunContext } from './aclnn-executor.js';
import { castTo, launch } from './aclnn-launch.js';
import { cannProfile } from './aclnn-plan.js';
import {
  ACLBLASLT_EPILOGUE_BIAS,
  ACLBLASLT_EPILOGUE_DEFAULT,
  ACLBLASLT_EPILOGUE_GELU,
  ACLBLASLT_EPILOGUE_GELU_BIAS,
  ACLBLASLT_EPILOGUE_RELU,
  ACLBLASLT_EPILOGUE_RELU_BIAS,
  ACLBLASLT_ORDER_COL,
  ACLBLASLT_ORDER_ROW,
  ACLBLAS_OP_N,
  ACLBLAS_STATUS_INVALID_VALUE,
  type aclDataType,
  type aclblasComputeType_t,
  type aclblasStatus_t,
} from './constants.generated.js';

export class AclblasLtHandle extends SimObject {
  readonly kind = 'aclblasLtHandle_t';
}

export class AclblasLtMatmulDesc extends SimObject {
  readonly kind = 'aclblasLtMatmulDesc_t';
  transA: number = ACLBLAS_OP_N;
  transB: number = ACLBLAS_OP_N;
  epilogue: number = ACLBLASLT_EPILOGUE_DEFAULT;
  bias: DevicePtr | null = null;
  constructor(
    readonly computeType: number,
    readonly scaleType: number,
    site: CallSite | undefined,
  ) {
    super(site);
  }
}

export class AclblasLtMatrixLayout extends SimObject {
  readonly kind = 'aclblasLtMatrixLayout_t';
  order: number = ACLBLASLT_ORDER_COL;
  batchCount = 1;
  /** Elements between consecutive matrices of a batch. */
  stridedBatchOffset = 0;
  constructor(
    public dtype: DType,
    public rows: number,
    public cols: number,
    public ld: number,
    site: CallSite | undefined,
  ) {
    super(site);
  }
}

export class AclblasLtMatmulPreference extends SimObject {
  readonly kind = 'aclblasLtMatmulPreference_t';
  searchMode = 0;
  maxWorkspaceBytes = 0;
}

/** The single algorithm the simulation offers (the kernel choice does not change results here). */
export interface aclblasLtMatmulAlgo_t {
  readonly id: number;
}

export interface aclblasLtMatmulHeuristicResult_t {
  algo: aclblasLtMatmulAlgo_t;
  workspaceSize: number;
}

export type aclblasLtHandle_t = AclblasLtHandle;
export type aclblasLtMatmulDesc_t = AclblasLtMatmulDesc;
export type aclblasLtMatrixLayout_t = AclblasLtMatrixLayout;
export type aclblasLtMatmulPreference_t = AclblasLtMatmulPreference;

function live<T extends SimObject>(value: unknown, cls: abstract new (...args: never[]) => T, name: string): T {
  if (value === null || value === undefined) throw new DeviceFault('null-pointer', `${name} is null`);
  if (!(value instanceof cls)) throw new DeviceFault('invalid-handle', `${name} is not a ${cls.name}`);
  if (value.destroyed) throw new DeviceFault('invalid-handle', `${name} was already destroyed`);
  return value;
}

function out<T>(ref: Ref<T> | null | undefined, name: string): Ref<T> {
  if (ref === null || ref === undefined) throw new AclStatusError(ACLBLAS_STATUS_INVALID_VALUE, 'OB2012', `${name} is null`);
  return ref;
}

export function aclblasLtCreate(lightHandle: Ref<aclblasLtHandle_t>): aclblasStatus_t {
  return blasCall('aclblasLtCreate', (ctx) => {
    out(lightHandle, 'lightHandle').value = ctx.process.track(new AclblasLtHandle(ctx.site));
  });
}

export function aclblasLtDestroy(lightHandle: aclblasLtHandle_t): aclblasStatus_t {
  return blasCall('aclblasLtDestroy', (ctx) => ctx.process.release(live(lightHandle, AclblasLtHandle, 'lightHandle')));
}

export function aclblasLtMatmulDescCreate(matmulDesc: Ref<aclblasLtMatmulDesc_t>, computeType: aclblasComputeType_t, scaleType: aclDataType | number): aclblasStatus_t {
  return blasCall('aclblasLtMatmulDescCreate', (ctx) => {
    const o = out(matmulDesc, 'matmulDesc');
    if (!Number.isInteger(computeType) || computeType < 0 || computeType > 10) throw new DeviceFault('invalid-value', `computeType ${computeType} is not an aclblasComputeType_t`);
    dtypeOf(scaleType);
    o.value = ctx.process.track(new AclblasLtMatmulDesc(computeType, scaleType, ctx.site));
  });
}

export function aclblasLtMatmulDescDestroy(matmulDesc: aclblasLtMatmulDesc_t): aclblasStatus_t {
  return blasCall('aclblasLtMatmulDescDestroy', (ctx) => ctx.process.release(live(matmulDesc, AclblasLtMatmulDesc, 'matmulDesc')));
}

const EPILOGUES: readonly number[] = [ACLBLASLT_EPILOGUE_DEFAULT, ACLBLASLT_EPILOGUE_RELU, ACLBLASLT_EPILOGUE_BIAS, ACLBLASLT_EPILOGUE_RELU_BIAS, ACLBLASLT_EPILOGUE_GELU, ACLBLASLT_EPILOGUE_GELU_BIAS];

function enumValue(buf: unknown, size: number, name: string): number {
  if (size !== 4) throw new DeviceFault('invalid-value', `${name} is a 4-byte enum; sizeInBytes is ${size}`);
  const v = typeof buf === 'number' ? buf : ArrayBuffer.isView(buf) ? Number((buf as unknown as ArrayLike<number>)[0]) : NaN;
  if (!Number.isInteger(v)) throw new DeviceFault('invalid-value', `${name} needs an integer value`);
  return v;
}

/** buf: a number (or a one-element typed array) for the enums, a DevicePtr for BIAS_POINTER. */
export function aclblasLtMatmulDescSetAttribute(matmulDesc: aclblasLtMatmulDesc_t, attr: number, buf: number | ArrayBufferView | DevicePtr | null, sizeInBytes: number): aclblasStatus_t {
  return blasCall('aclblasLtMatmulDescSetAttribute', () => {
    const d = live(matmulDesc, AclblasLtMatmulDesc, 'matmulDesc');
    if (buf === null || buf === undefined) throw new AclStatusError(ACLBLAS_STATUS_INVALID_VALUE, 'OB2012', 'buf is null');
    switch (attr) {
      case 0:
        d.transA = enumValue(buf, sizeInBytes, 'TRANSA');
        transposes(d.transA, 'TRANSA');
        return;
      case 1:
        d.transB = enumValue(buf, sizeInBytes, 'TRANSB');
        transposes(d.transB, 'TRANSB');
        return;
      case 2: {
        const e = enumValue(buf, sizeInBytes, 'EPILOGUE');
        if (!EPILOGUES.includes(e)) throw new DeviceFault('invalid-value', `epilogue ${e} is not one of the aclblasLtEpilogue_t values`);
        d.epilogue = e;
        return;
      }
      case 3:
        if (sizeInBytes !== 8) throw new DeviceFault('invalid-value', `BIAS_POINTER is a pointer (8 bytes); sizeInBytes is ${sizeInBytes}`);
        if (!isDevicePtr(buf)) throw new DeviceFault('host-pointer', 'BIAS_POINTER must be a device pointer');
        d.bias = buf;
        return;
      default:
        throw new DeviceFault('invalid-value', `attribute ${attr} is not simulated (TRANSA 0, TRANSB 1, EPILOGUE 2, BIAS_POINTER 3)`);
    }
  });
}

export function aclblasLtMatrixLayoutCreate(matLayout: Ref<aclblasLtMatrixLayout_t>, type: aclDataType | number, rows: number, cols: number, ld: number): aclblasStatus_t {
  return blasCall('aclblasLtMatrixLayoutCreate', (ctx) => {
    const o = out(matLayout, 'matLayout');
    for (const [name, v] of [['rows', rows], ['cols', cols]] as const) if (!Number.isInteger(v) || v < 0) throw new DeviceFault('invalid-value', `${name} must be a non-negative integer, got ${v}`);
    if (!Number.isInteger(ld) || ld < Math.max(1, rows)) throw new DeviceFault('invalid-value', `ld = ${ld} must be at least max(1, rows = ${rows}) for a column-major matrix`);
    o.value = ctx.process.track(new AclblasLtMatrixLayout(dtypeOf(type), rows, cols, ld, ctx.site));
  });
}

function integerValue(buf: unknown, size: number, expected: number, name: string): number {
  if (size !== expected) throw new DeviceFault('invalid-value', `${name} takes ${expected} bytes; sizeInBytes is ${size}`);
  const v = typeof buf === 'number' ? buf : typeof buf === 'bigint' ? Number(buf) : ArrayBuffer.isView(buf) ? Number((buf as unknown as ArrayLike<number | bigint>)[0]) : NaN;
  if (!Number.isSafeInteger(v)) throw new DeviceFault('invalid-value', `${name} needs an integer value`);
  return v;
}

/**
 * Attribute numbers are the catalog's (BATCH_COUNT 0 .. LD 6); the value sizes follow cuBLASLt's
 * attributes of the same names (int32 count, int64 offset and ld, uint64 rows and cols; inferred).
 * Row-major (ACLBLASLT_ORDER_ROW) layouts are strided views too; the tiled orders are not simulated.
 */
export function aclblasLtMatrixLayoutSetAttribute(matLayout: aclblasLtMatrixLayout_t, attr: number, buf: number | bigint | ArrayBufferView | null, sizeInBytes: number): aclblasStatus_t {
  return blasCall('aclblasLtMatrixLayoutSetAttribute', () => {
    const l = live(matLayout, AclblasLtMatrixLayout, 'matLayout');
    if (buf === null || buf === undefined) throw new AclStatusError(ACLBLAS_STATUS_INVALID_VALUE, 'OB2012', 'buf is null');
    const nonNegative = (v: number, name: string): number => {
      if (v < 0) throw new DeviceFault('invalid-value', `${name} must be non-negative, got ${v}`);
      return v;
    };
    switch (attr) {
      case 0:
        l.batchCount = integerValue(buf, sizeInBytes, 4, 'BATCH_COUNT');
        if (l.batchCount < 1) throw new DeviceFault('invalid-value', `BATCH_COUNT must be >= 1, got ${l.batchCount}`);
        return;
      case 1:
        l.stridedBatchOffset = nonNegative(integerValue(buf, sizeInBytes, 8, 'STRIDED_BATCH_OFFSET'), 'STRIDED_BATCH_OFFSET');
        return;
      case 2:
        l.dtype = dtypeOf(integerValue(buf, sizeInBytes, 4, 'TYPE'));
        return;
      case 3: {
        const order = integerValue(buf, sizeInBytes, 4, 'ORDER');
        if (order !== ACLBLASLT_ORDER_COL && order !== ACLBLASLT_ORDER_ROW) {
          throw new DeviceFault('not-supported', `ORDER ${order}: only ACLBLASLT_ORDER_COL and ACLBLASLT_ORDER_ROW are simulated (the tiled orders are not)`);
        }
        l.order = order;
        return;
      }
      case 4:
        l.rows = nonNegative(integerValue(buf, sizeInBytes, 8, 'ROWS'), 'ROWS');
        return;
      case 5:
        l.cols = nonNegative(integerValue(buf, sizeInBytes, 8, 'COLS'), 'COLS');
        return;
      case 6:
        l.ld = nonNegative(integerValue(buf, sizeInBytes, 8, 'LD'), 'LD');
        return;
      default:
        throw new DeviceFault('invalid-value', `attribute ${attr} is not an aclblasLtMatrixLayoutAttribute_t (0..6)`);
    }
  });
}

export function aclblasLtMatrixLayoutDestroy(matLayout: aclblasLtMatrixLayout_t): aclblasStatus_t {
  return blasCall('aclblasLtMatrixLayoutDestroy', (ctx) => ctx.process.release(live(matLayout, AclblasLtMatrixLayout, 'matLayout')));
}

export function aclblasLtMatmulPreferenceCreate(pref: Ref<aclblasLtMatmulPreference_t>): aclblasStatus_t {
  return blasCall('aclblasLtMatmulPreferenceCreate', (ctx) => {
    out(pref, 'pref').value = ctx.process.track(new AclblasLtMatmulPreference(ctx.site));
  });
}

/** SEARCH_MODE 0 (uint32) and MAX_WORKSPACE_BYTES 1 (uint64; default 0, no workspace allowed). */
export function aclblasLtMatmulPreferenceSetAttribute(pref: aclblasLtMatmulPreference_t, attr: number, buf: number | bigint | ArrayBufferView | null, sizeInBytes: number): aclblasStatus_t {
  return blasCall('aclblasLtMatmulPreferenceSetAttribute', () => {
    const p = live(pref, AclblasLtMatmulPreference, 'pref');
    if (buf === null || buf === undefined) throw new AclStatusError(ACLBLAS_STATUS_INVALID_VALUE, 'OB2012', 'buf is null');
    if (attr === 0) p.searchMode = integerValue(buf, sizeInBytes, 4, 'SEARCH_MODE');
    else if (attr === 1) p.maxWorkspaceBytes = integerValue(buf, sizeInBytes, 8, 'MAX_WORKSPACE_BYTES');
    else throw new DeviceFault('invalid-value', `attribute ${attr} is not an aclblasLtMatmulPreferenceAttribute_t (SEARCH_MODE 0, MAX_WORKSPACE_BYTES 1)`);
  });
}

export function aclblasLtMatmulPreferenceDestroy(pref: aclblasLtMatmulPreference_t): aclblasStatus_t {
  return blasCall('aclblasLtMatmulPreferenceDestroy', (ctx) => ctx.process.release(live(pref, AclblasLtMatmulPreference, 'pref')));
}

interface Shapes {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly ta: boolean;
  readonly tb: boolean;
}

function shapesOf(d: AclblasLtMatmulDesc, A: AclblasLtMatrixLayout, B: AclblasLtMatrixLayout, C: AclblasLtMatrixLayout, D: AclblasLtMatrixLayout): Shapes {
  const ta = transposes(d.transA, 'TRANSA');
  const tb = transposes(d.transB, 'TRANSB');
  const [m, k] = ta ? [A.cols, A.rows] : [A.rows, A.cols];
  const [kb, n] = tb ? [B.cols, B.rows] : [B.rows, B.cols];
  if (k !== kb) throw new DeviceFault('invalid-value', `op(A) is ${m}x${k} but op(B) is ${kb}x${n}: K differs`);
  for (const [L, name] of [[C, 'Cdesc'], [D, 'Ddesc']] as const) {
    if (L.rows !== m || L.cols !== n) throw new DeviceFault('invalid-value', `${name} is ${L.rows}x${L.cols} but the product is ${m}x${n}`);
  }
  return { m, n, k, ta, tb };
}

export function aclblasLtMatmulAlgoGetHeuristic(
  lightHandle: aclblasLtHandle_t,
  matmulDesc: aclblasLtMatmulDesc_t,
  Adesc: aclblasLtMatrixLayout_t,
  Bdesc: aclblasLtMatrixLayout_t,
  Cdesc: aclblasLtMatrixLayout_t,
  Ddesc: aclblasLtMatrixLayout_t,
  pref: aclblasLtMatmulPreference_t,
  requestedAlgoCount: number,
  heuristicResultsArray: aclblasLtMatmulHeuristicResult_t[],
  returnAlgoCount: Ref<number>,
): aclblasStatus_t {
  return blasCall('aclblasLtMatmulAlgoGetHeuristic', () => {
    live(lightHandle, AclblasLtHandle, 'lightHandle');
    live(pref, AclblasLtMatmulPreference, 'pref');
    const d = live(matmulDesc, AclblasLtMatmulDesc, 'matmulDesc');
    shapesOf(d, live(Adesc, AclblasLtMatrixLayout, 'Adesc'), live(Bdesc, AclblasLtMatrixLayout, 'Bdesc'), live(Cdesc, AclblasLtMatrixLayout, 'Cdesc'), live(Ddesc, AclblasLtMatrixLayout, 'Ddesc'));
    if (!Number.isInteger(requestedAlgoCount) || requestedAlgoCount < 1) throw new DeviceFault('invalid-value', `requestedAlgoCount must be >= 1, got ${requestedAlgoCount}`);
    if (!heuristicResultsArray) throw new AclStatusError(ACLBLAS_STATUS_INVALID_VALUE, 'OB2012', 'heuristicResultsArray is null');
    out(returnAlgoCount, 'returnAlgoCount');
    heuristicResultsArray[0] = { algo: { id: 0 }, workspaceSize: 0 };
    returnAlgoCount.value = 1;
  });
}

export function aclblasLtMatmul(
  lightHandle: aclblasLtHandle_t,
  computeDesc: aclblasLtMatmulDesc_t,
  alpha: number,
  A: DevicePtr,
  Adesc: aclblasLtMatrixLayout_t,
  B: DevicePtr,
  Bdesc: aclblasLtMatrixLayout_t,
  beta: number,
  C: DevicePtr,
  Cdesc: aclblasLtMatrixLayout_t,
  D: DevicePtr,
  Ddesc: aclblasLtMatrixLayout_t,
  algo: aclblasLtMatmulAlgo_t | null,
  workspace: DevicePtr | null,
  workspaceSizeInBytes: number,
  stream: aclrtStream,
): aclblasStatus_t {
  return blasCall('aclblasLtMatmul', (ctx) => {
    live(lightHandle, AclblasLtHandle, 'lightHandle');
    const d = live(computeDesc, AclblasLtMatmulDesc, 'computeDesc');
    const [la, lb, lc, ld] = [live(Adesc, AclblasLtMatrixLayout, 'Adesc'), live(Bdesc, AclblasLtMatrixLayout, 'Bdesc'), live(Cdesc, AclblasLtMatrixLayout, 'Cdesc'), live(Ddesc, AclblasLtMatrixLayout, 'Ddesc')];
    const s = shapesOf(d, la, lb, lc, ld);
    if (algo !== null && algo !== undefined && typeof algo !== 'object') throw new DeviceFault('invalid-value', 'algo must come from aclblasLtMatmulAlgoGetHeuristic (or be null)');
    if (!Number.isInteger(workspaceSizeInBytes) || workspaceSizeInBytes < 0) throw new DeviceFault('invalid-value', `workspaceSizeInBytes must be >= 0, got ${workspaceSizeInBytes}`);
    if (workspaceSizeInBytes > 0) requireDevicePtr(workspace, 'workspace');
    const batch = ld.batchCount;
    for (const [L, name] of [[la, 'Adesc'], [lb, 'Bdesc'], [lc, 'Cdesc']] as const) {
      if (L.batchCount !== batch) throw new DeviceFault('invalid-value', `${name} has BATCH_COUNT ${L.batchCount} but Ddesc has ${batch}`);
    }
    const run = blasRun(ctx, stream, 'aclblasLtMatmul');
    for (let i = 0; i < batch; i++) {
      const view = (ptr: unknown, L: AclblasLtMatrixLayout, name: string): DeviceOperand => {
        const p = requireDevicePtr(ptr, name).plus(i * L.stridedBatchOffset * ITEM_SIZE[L.dtype]);
        return L.order === ACLBLASLT_ORDER_ROW ? rowMajor(ctx.process, p, name, L) : columnMajor(ctx.process, p, name, L.dtype, L.rows, L.cols, L.ld);
      };
      matmulOnce(run, d, s, alpha, beta, view(A, la, 'A'), view(B, lb, 'B'), view(C, lc, 'C'), view(D, ld, 'D'), ld.dtype);
    }
  });
}

function rowMajor(process: SimProcess, ptr: DevicePtr, name: string, L: AclblasLtMatrixLayout): DeviceOperand {
  if (L.ld < Math.max(1, L.cols)) throw new DeviceFault('invalid-value', `ld of row-major ${name} (${L.ld}) must be at least max(1, cols = ${L.cols})`);
  return strided(process, ptr, name, L.dtype, [L.rows, L.cols], [L.ld, 1]);
}

/** One product with its epilogue: Gemm, then the bias Add and the activation when asked for. */
function matmulOnce(
  run: RunContext,
  d: AclblasLtMatmulDesc,
  s: Shapes,
  alpha: number,
  beta: number,
  a: DeviceOperand,
  b: DeviceOperand,
  c: DeviceOperand,
  dOut: DeviceOperand,
  outType: DType,
): void {
  const profile = cannProfile();
  const epilogue = d.epilogue;
  const bias = [ACLBLASLT_EPILOGUE_BIAS, ACLBLASLT_EPILOGUE_RELU_BIAS, ACLBLASLT_EPILOGUE_GELU_BIAS].includes(epilogue);
  if (bias && !d.bias) throw new DeviceFault('invalid-value', 'a BIAS epilogue needs ACLBLASLT_MATMUL_DESC_BIAS_POINTER');
  const activation =
    epilogue === ACLBLASLT_EPILOGUE_RELU || epilogue === ACLBLASLT_EPILOGUE_RELU_BIAS ? 'Relu' : epilogue === ACLBLASLT_EPILOGUE_GELU || epilogue === ACLBLASLT_EPILOGUE_GELU_BIAS ? 'Gelu' : undefined;
  const widen = (o: DeviceOperand) => (o.view.dtype === outType ? o : castTo(run, o.view, outType, profile));
  const last = !bias && !activation;
  let y = launch(run, {
    op: 'Gemm',
    inputs: [widen(a), widen(b), beta === 0 ? undefined : widen(c)],
    attributes: { alpha, beta, transA: s.ta ? 1 : 0, transB: s.tb ? 1 : 0 },
    outputs: [last ? dOut : undefined],
    profile,
    reads: [a, b, c],
    flops: 2 * s.m * s.n * s.k,
  }).results[0];
  if (bias) {
    // The bias is one value per row of D (length m), added to every column.
    const biasView = strided(run.ctx.process, d.bias, 'bias', outType, [s.m, 1], [1, 1]);
    y = launch(run, { op: 'Add', inputs: [y, biasView], outputs: [activation ? undefined : dOut], profile }).results[0];
  }
  if (activation) {
    launch(run, { op: activation, inputs: [y], attributes: activation === 'Gelu' ? { approximate: 'tanh' } : {}, outputs: [dOut], profile });
  }
}
