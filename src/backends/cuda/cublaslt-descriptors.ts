/**
 * cuBLASLt objects: the light handle, matmul descriptors, matrix layouts and preferences,
 * and their create / set-attribute / destroy calls. Attribute values arrive as C passes
 * them — a host buffer and its size — so `buf` is a number (the value), a one-element host
 * array, or, for pointer attributes such as CUBLASLT_MATMUL_DESC_BIAS_POINTER, the
 * DevicePtr itself (C passes the address of the pointer).
 */
import { DeviceFault } from '../sim/device-fault.js';
import { isDevicePtr } from '../sim/device-memory.js';
import type { CallSite } from '../sim/call-site.js';
import type { CallContext } from '../sim/facade-call.js';
import type { Ref } from '../sim/ref.js';
import type { LiveObject } from '../sim/sim-process.js';
import {
  CUBLASLT_EPILOGUE_DEFAULT,
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
  CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES,
  CUBLASLT_MATRIX_LAYOUT_BATCH_COUNT,
  CUBLASLT_MATRIX_LAYOUT_COLS,
  CUBLASLT_MATRIX_LAYOUT_LD,
  CUBLASLT_MATRIX_LAYOUT_ORDER,
  CUBLASLT_MATRIX_LAYOUT_ROWS,
  CUBLASLT_MATRIX_LAYOUT_STRIDED_BATCH_OFFSET,
  CUBLASLT_MATRIX_LAYOUT_TYPE,
  CUBLASLT_ORDER_COL,
  CUBLAS_OP_N,
  CUBLAS_STATUS_INVALID_VALUE,
  CUBLAS_STATUS_NOT_INITIALIZED,
  type cublasComputeType_t,
  type cublasLtMatmulDescAttributes_t,
  type cublasLtMatmulPreferenceAttributes_t,
  type cublasLtMatrixLayoutAttribute_t,
  type cublasStatus_t,
  type cudaDataType_t,
} from './constants.generated.js';
import { cublasCall, rejectCublas } from './cublas-handle.js';
import type { cudaDataType } from './cublas-gemm.js';
import { isEnumMember, statusName } from './enum-names.js';
import { requireOut, writeOut } from './out-param.js';
import { boundName } from './backend-binding.js';

abstract class LtObject implements LiveObject {
  abstract readonly kind: string;
  destroyed = false;
  constructor(readonly site: CallSite | undefined) {}
}

export class CublasLtHandle extends LtObject {
  readonly kind = boundName('cublasLtHandle_t');
}

export class CublasLtMatmulDesc extends LtObject {
  readonly kind = boundName('cublasLtMatmulDesc_t');
  /** Attribute values by cublasLtMatmulDescAttributes_t member. */
  readonly attributes = new Map<number, unknown>();

  constructor(site: CallSite | undefined, computeType: number, scaleType: number) {
    super(site);
    this.attributes.set(CUBLASLT_MATMUL_DESC_COMPUTE_TYPE, computeType);
    this.attributes.set(CUBLASLT_MATMUL_DESC_SCALE_TYPE, scaleType);
    this.attributes.set(CUBLASLT_MATMUL_DESC_TRANSA, CUBLAS_OP_N);
    this.attributes.set(CUBLASLT_MATMUL_DESC_TRANSB, CUBLAS_OP_N);
    this.attributes.set(CUBLASLT_MATMUL_DESC_EPILOGUE, CUBLASLT_EPILOGUE_DEFAULT);
  }

  get computeType(): number {
    return this.attributes.get(CUBLASLT_MATMUL_DESC_COMPUTE_TYPE) as number;
  }
}

export class CublasLtMatrixLayout extends LtObject {
  readonly kind = boundName('cublasLtMatrixLayout_t');
  order: number = CUBLASLT_ORDER_COL;
  batchCount = 1;
  /** Elements between consecutive matrices of a batch. */
  stridedBatchOffset = 0;
  /** Attributes set but not simulated (PLANE_OFFSET), by member. */
  readonly others = new Map<number, unknown>();

  constructor(
    site: CallSite | undefined,
    public type: number,
    public rows: number,
    public cols: number,
    public ld: number,
  ) {
    super(site);
  }
}

export class CublasLtMatmulPreference extends LtObject {
  readonly kind = boundName('cublasLtMatmulPreference_t');
  readonly attributes = new Map<number, unknown>();

  /** CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES; 0 until set. */
  get maxWorkspaceBytes(): number {
    return Number(this.attributes.get(CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES) ?? 0);
  }
}

export type cublasLtHandle_t = CublasLtHandle;
export type cublasLtMatmulDesc_t = CublasLtMatmulDesc;
export type cublasLtMatrixLayout_t = CublasLtMatrixLayout;
export type cublasLtMatmulPreference_t = CublasLtMatmulPreference;

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'object') return value.constructor?.name ?? 'an object';
  return typeof value;
}

/** A live object of `type`; a stale one is an invalid value (cuBLASLt has no handle-specific status for descriptors). */
export function requireLtObject<T extends LtObject>(value: unknown, type: abstract new (...args: never[]) => T, what: string): T {
  if (!(value instanceof type)) throw new DeviceFault('invalid-value', `${what} is not a ${type.name.replace(/^CublasLt/, 'cublasLt')}_t (got ${describe(value)})`);
  if (value.destroyed) throw new DeviceFault('invalid-handle', `${what} was already destroyed${value.site ? ` (created at ${value.site.file}:${value.site.line})` : ''}`);
  return value;
}

/** The light handle, or CUBLAS_STATUS_NOT_INITIALIZED (with OB2008) when it is missing or destroyed. */
export function requireLtHandle(ctx: CallContext, value: unknown): CublasLtHandle | number {
  if (value instanceof CublasLtHandle && !value.destroyed) return value;
  const why = value instanceof CublasLtHandle ? 'was destroyed with cublasLtDestroy' : `is not a cublasLtHandle_t (got ${describe(value)})`;
  return rejectCublas(ctx, CUBLAS_STATUS_NOT_INITIALIZED, `lightHandle ${why}`, 'OB2008');
}

function create<T extends LtObject>(ctx: CallContext, out: unknown, what: string, make: () => T): void {
  requireOut(out, what);
  writeOut(out, ctx.process.track(make()), what);
}

function destroy(ctx: CallContext, value: unknown, type: abstract new (...args: never[]) => LtObject, what: string): void {
  const object = requireLtObject(value, type, what);
  ctx.process.release(object);
}

// ---- attribute values -----------------------------------------------------------------------

/** How an attribute's value is stored in C: its size, and whether it is a pointer. */
interface AttributeStorage {
  readonly bytes: 4 | 8;
  readonly pointer?: boolean;
}

/**
 * Sizes of the attributes opbridge simulates, from their C types: enums and int32 / uint32
 * values are 4 bytes (TRANSA int32, EPILOGUE uint32: catalog), pointers, uint64 and int64
 * values 8 (rows, cols, ld: the layout-create signature; the workspace limit: catalog).
 * Attributes not listed here are stored without a size check.
 */
const DESC_STORAGE: ReadonlyMap<number, AttributeStorage> = new Map<number, AttributeStorage>([
  [CUBLASLT_MATMUL_DESC_COMPUTE_TYPE, { bytes: 4 }],
  [CUBLASLT_MATMUL_DESC_SCALE_TYPE, { bytes: 4 }],
  [CUBLASLT_MATMUL_DESC_POINTER_MODE, { bytes: 4 }],
  [CUBLASLT_MATMUL_DESC_TRANSA, { bytes: 4 }],
  [CUBLASLT_MATMUL_DESC_TRANSB, { bytes: 4 }],
  [CUBLASLT_MATMUL_DESC_TRANSC, { bytes: 4 }],
  [CUBLASLT_MATMUL_DESC_EPILOGUE, { bytes: 4 }],
  [CUBLASLT_MATMUL_DESC_BIAS_POINTER, { bytes: 8, pointer: true }],
  [CUBLASLT_MATMUL_DESC_BIAS_BATCH_STRIDE, { bytes: 8 }],
  [CUBLASLT_MATMUL_DESC_BIAS_DATA_TYPE, { bytes: 4 }],
]);

const LAYOUT_STORAGE: ReadonlyMap<number, AttributeStorage> = new Map<number, AttributeStorage>([
  [CUBLASLT_MATRIX_LAYOUT_TYPE, { bytes: 4 }],
  [CUBLASLT_MATRIX_LAYOUT_ORDER, { bytes: 4 }],
  [CUBLASLT_MATRIX_LAYOUT_ROWS, { bytes: 8 }],
  [CUBLASLT_MATRIX_LAYOUT_COLS, { bytes: 8 }],
  [CUBLASLT_MATRIX_LAYOUT_LD, { bytes: 8 }],
  [CUBLASLT_MATRIX_LAYOUT_BATCH_COUNT, { bytes: 4 }],
  [CUBLASLT_MATRIX_LAYOUT_STRIDED_BATCH_OFFSET, { bytes: 8 }],
]);

const PREF_STORAGE: ReadonlyMap<number, AttributeStorage> = new Map<number, AttributeStorage>([[CUBLASLT_MATMUL_PREF_MAX_WORKSPACE_BYTES, { bytes: 8 }]]);

/** Reads `buf` as the attribute's value, checking sizeInBytes against its C storage. */
function readAttribute(buf: unknown, sizeInBytes: unknown, storage: AttributeStorage | undefined, name: string): unknown {
  if (buf === undefined) throw new DeviceFault('null-pointer', `buf is NULL (attribute ${name})`);
  if (storage && sizeInBytes !== storage.bytes) {
    throw new DeviceFault('invalid-value', `sizeInBytes ${String(sizeInBytes)} does not match the ${storage.bytes}-byte storage of ${name}`);
  }
  if (storage?.pointer) {
    if (buf === null || buf === 0 || isDevicePtr(buf)) return buf === 0 ? null : buf;
    throw new DeviceFault('invalid-value', `${name} takes a device pointer (pass the DevicePtr, or null), got ${describe(buf)}`);
  }
  if (typeof buf === 'number' || typeof buf === 'bigint') return Number(buf);
  if (ArrayBuffer.isView(buf) && !(buf instanceof DataView) && (buf as unknown as ArrayLike<unknown>).length > 0) {
    return Number((buf as unknown as ArrayLike<number | bigint>)[0]);
  }
  if (buf === null) throw new DeviceFault('null-pointer', `buf is NULL (attribute ${name})`);
  throw new DeviceFault('invalid-value', `buf for ${name} must be a number or a one-element host array, got ${describe(buf)}`);
}

// ---- calls ----------------------------------------------------------------------------------

export function cublasLtCreate(lightHandle: Ref<cublasLtHandle_t>): cublasStatus_t {
  return cublasCall('cublasLtCreate', (ctx) => create(ctx, lightHandle, 'lightHandle', () => new CublasLtHandle(ctx.site)), false);
}

export function cublasLtDestroy(lightHandle: cublasLtHandle_t): cublasStatus_t {
  return cublasCall(
    'cublasLtDestroy',
    (ctx) => {
      const h = requireLtHandle(ctx, lightHandle);
      if (typeof h === 'number') return h;
      ctx.process.release(h);
    },
    false,
  );
}

/** Transposes start at CUBLAS_OP_N and the epilogue at CUBLASLT_EPILOGUE_DEFAULT. */
export function cublasLtMatmulDescCreate(matmulDesc: Ref<cublasLtMatmulDesc_t>, computeType: cublasComputeType_t, scaleType: cudaDataType_t): cublasStatus_t {
  return cublasCall(
    'cublasLtMatmulDescCreate',
    (ctx) => {
      if (!isEnumMember('cublasComputeType_t', computeType)) throw new DeviceFault('invalid-value', `computeType ${String(computeType)} is not a cublasComputeType_t`);
      if (!isEnumMember('cudaDataType_t', scaleType)) throw new DeviceFault('invalid-value', `scaleType ${String(scaleType)} is not a cudaDataType_t`);
      create(ctx, matmulDesc, 'matmulDesc', () => new CublasLtMatmulDesc(ctx.site, computeType, scaleType));
    },
    false,
  );
}

export function cublasLtMatmulDescDestroy(matmulDesc: cublasLtMatmulDesc_t): cublasStatus_t {
  return cublasCall('cublasLtMatmulDescDestroy', (ctx) => destroy(ctx, matmulDesc, CublasLtMatmulDesc, 'matmulDesc'), false);
}

export function cublasLtMatmulDescSetAttribute(
  matmulDesc: cublasLtMatmulDesc_t,
  attr: cublasLtMatmulDescAttributes_t,
  buf: unknown,
  sizeInBytes: number,
): cublasStatus_t {
  return cublasCall(
    'cublasLtMatmulDescSetAttribute',
    (ctx) => {
      const desc = requireLtObject(matmulDesc, CublasLtMatmulDesc, 'matmulDesc');
      if (!isEnumMember('cublasLtMatmulDescAttributes_t', attr)) {
        return rejectCublas(ctx, CUBLAS_STATUS_INVALID_VALUE, `attr ${String(attr)} is not a cublasLtMatmulDescAttributes_t`);
      }
      const name = statusName('cublasLtMatmulDescAttributes_t', attr);
      desc.attributes.set(attr, readAttribute(buf, sizeInBytes, DESC_STORAGE.get(attr), name));
    },
    false,
  );
}

/** Describes one of A, B, C, D: element type, rows and cols as stored, leading dimension (column-major unless ORDER says otherwise). */
export function cublasLtMatrixLayoutCreate(matLayout: Ref<cublasLtMatrixLayout_t>, type: cudaDataType, rows: number, cols: number, ld: number): cublasStatus_t {
  return cublasCall(
    'cublasLtMatrixLayoutCreate',
    (ctx) => {
      if (!isEnumMember('cudaDataType_t', type)) throw new DeviceFault('invalid-value', `type ${String(type)} is not a cudaDataType_t`);
      for (const [what, v] of [['rows', rows], ['cols', cols], ['ld', ld]] as const) {
        if (!Number.isInteger(v) || v < 0) throw new DeviceFault('invalid-value', `${what} must be an integer >= 0, got ${String(v)}`);
      }
      create(ctx, matLayout, 'matLayout', () => new CublasLtMatrixLayout(ctx.site, type, rows, cols, ld));
    },
    false,
  );
}

export function cublasLtMatrixLayoutSetAttribute(matLayout: cublasLtMatrixLayout_t, attr: cublasLtMatrixLayoutAttribute_t, buf: unknown, sizeInBytes: number): cublasStatus_t {
  return cublasCall(
    'cublasLtMatrixLayoutSetAttribute',
    (ctx) => {
      const layout = requireLtObject(matLayout, CublasLtMatrixLayout, 'matLayout');
      if (!isEnumMember('cublasLtMatrixLayoutAttribute_t', attr)) {
        return rejectCublas(ctx, CUBLAS_STATUS_INVALID_VALUE, `attr ${String(attr)} is not a cublasLtMatrixLayoutAttribute_t`);
      }
      const name = statusName('cublasLtMatrixLayoutAttribute_t', attr);
      const value = readAttribute(buf, sizeInBytes, LAYOUT_STORAGE.get(attr), name) as number;
      switch (attr) {
        case CUBLASLT_MATRIX_LAYOUT_TYPE:
          layout.type = value;
          break;
        case CUBLASLT_MATRIX_LAYOUT_ORDER:
          layout.order = value;
          break;
        case CUBLASLT_MATRIX_LAYOUT_ROWS:
          layout.rows = value;
          break;
        case CUBLASLT_MATRIX_LAYOUT_COLS:
          layout.cols = value;
          break;
        case CUBLASLT_MATRIX_LAYOUT_LD:
          layout.ld = value;
          break;
        case CUBLASLT_MATRIX_LAYOUT_BATCH_COUNT:
          if (!Number.isInteger(value) || value < 1) throw new DeviceFault('invalid-value', `${name} must be >= 1, got ${value}`);
          layout.batchCount = value;
          break;
        case CUBLASLT_MATRIX_LAYOUT_STRIDED_BATCH_OFFSET:
          layout.stridedBatchOffset = value;
          break;
        default:
          layout.others.set(attr, value);
      }
    },
    false,
  );
}

export function cublasLtMatrixLayoutDestroy(matLayout: cublasLtMatrixLayout_t): cublasStatus_t {
  return cublasCall('cublasLtMatrixLayoutDestroy', (ctx) => destroy(ctx, matLayout, CublasLtMatrixLayout, 'matLayout'), false);
}

export function cublasLtMatmulPreferenceCreate(pref: Ref<cublasLtMatmulPreference_t>): cublasStatus_t {
  return cublasCall('cublasLtMatmulPreferenceCreate', (ctx) => create(ctx, pref, 'pref', () => new CublasLtMatmulPreference(ctx.site)), false);
}

export function cublasLtMatmulPreferenceSetAttribute(pref: cublasLtMatmulPreference_t, attr: cublasLtMatmulPreferenceAttributes_t, buf: unknown, sizeInBytes: number): cublasStatus_t {
  return cublasCall(
    'cublasLtMatmulPreferenceSetAttribute',
    (ctx) => {
      const p = requireLtObject(pref, CublasLtMatmulPreference, 'pref');
      if (!isEnumMember('cublasLtMatmulPreferenceAttributes_t', attr)) {
        return rejectCublas(ctx, CUBLAS_STATUS_INVALID_VALUE, `attr ${String(attr)} is not a cublasLtMatmulPreferenceAttributes_t`);
      }
      p.attributes.set(attr, readAttribute(buf, sizeInBytes, PREF_STORAGE.get(attr), statusName('cublasLtMatmulPreferenceAttributes_t', attr)));
    },
    false,
  );
}

export function cublasLtMatmulPreferenceDestroy(pref: cublasLtMatmulPreference_t): cublasStatus_t {
  return cublasCall('cublasLtMatmulPreferenceDestroy', (ctx) => destroy(ctx, pref, CublasLtMatmulPreference, 'pref'), false);
}
