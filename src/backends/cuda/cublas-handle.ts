/**
 * cublasHandle_t and the calls that manage it (create, destroy, stream, math mode), the
 * cuBLAS status table, and the wrapper every cuBLAS call runs in. cuBLASLt shares the
 * status enum and the wrapper.
 */
import { DeviceFault } from '../sim/device-fault.js';
import type { CallContext, StatusCodes } from '../sim/facade-call.js';
import type { CallSite } from '../sim/call-site.js';
import type { KnobSetting } from '../sim/call-profile.js';
import type { Ref } from '../sim/ref.js';
import type { LiveObject } from '../sim/sim-process.js';
import type { SimStream } from '../sim/stream-ordering.js';
import {
  CUBLAS_DEFAULT_MATH,
  CUBLAS_MATH_DISALLOW_REDUCED_PRECISION_REDUCTION,
  CUBLAS_STATUS_ALLOC_FAILED,
  CUBLAS_STATUS_EXECUTION_FAILED,
  CUBLAS_STATUS_INTERNAL_ERROR,
  CUBLAS_STATUS_INVALID_VALUE,
  CUBLAS_STATUS_NOT_INITIALIZED,
  CUBLAS_STATUS_NOT_SUPPORTED,
  CUBLAS_STATUS_SUCCESS,
  type cublasMath_t,
  type cublasStatus_t,
} from './constants.generated.js';
import { enumMemberNames, isEnumMember, statusName } from './enum-names.js';
import { launchStream } from './library-streams.js';
import { requireOut, writeOut } from './out-param.js';
import { reject } from './rejection.js';
import { contextLost } from './runtime-state.js';
import { CudaStream, type cudaStream_t } from './streams.js';
import { boundFacadeCall, boundName } from './backend-binding.js';

/**
 * How simulated faults map onto cublasStatus_t. Argument faults the library checks
 * (negative sizes, short leading dimensions, NULL scalars) are CUBLAS_STATUS_INVALID_VALUE,
 * as the cuBLAS docs list them; a stale or foreign handle is CUBLAS_STATUS_NOT_INITIALIZED
 * ("the library was not initialized"). Out-of-bounds and freed-memory accesses happen in the
 * kernels: the call reports CUBLAS_STATUS_EXECUTION_FAILED and the context is lost
 * (runtime-state.ts). A host array where device memory belongs would also fault in the
 * kernel on hardware without unified addressing; the simulator catches it before launch and
 * returns CUBLAS_STATUS_INVALID_VALUE without losing the context.
 */
export const CUBLAS_STATUSES: StatusCodes = {
  success: CUBLAS_STATUS_SUCCESS,
  faults: {
    'out-of-bounds': CUBLAS_STATUS_EXECUTION_FAILED,
    'use-after-free': CUBLAS_STATUS_EXECUTION_FAILED,
    'host-pointer': CUBLAS_STATUS_INVALID_VALUE,
    'device-pointer': CUBLAS_STATUS_INVALID_VALUE,
    'null-pointer': CUBLAS_STATUS_INVALID_VALUE,
    misaligned: CUBLAS_STATUS_INVALID_VALUE,
    'invalid-handle': CUBLAS_STATUS_NOT_INITIALIZED,
    'invalid-value': CUBLAS_STATUS_INVALID_VALUE,
    'out-of-memory': CUBLAS_STATUS_ALLOC_FAILED,
    'not-supported': CUBLAS_STATUS_NOT_SUPPORTED,
    'workspace-too-small': CUBLAS_STATUS_INVALID_VALUE,
  },
  fallback: CUBLAS_STATUS_INTERNAL_ERROR,
  name: (code) => statusName('cublasStatus_t', code),
};

/** Runs a cuBLAS / cuBLASLt call; once the context is lost no kernel launches. */
export function cublasCall(symbol: string, body: (ctx: CallContext) => number | void, launchesWork = true): cublasStatus_t {
  return boundFacadeCall(symbol, CUBLAS_STATUSES, (ctx) => {
    if (launchesWork && contextLost(ctx.process)) return CUBLAS_STATUS_EXECUTION_FAILED;
    return body(ctx);
  }) as cublasStatus_t;
}

export function rejectCublas(ctx: CallContext, status: number, message: string, id: Parameters<typeof reject>[4] = 'OB2013'): number {
  return reject(ctx, status, statusName('cublasStatus_t', status), message, id);
}

/** The stream a handle's work goes to; a destroyed stream fails the launch. */
export function cublasLaunchStream(ctx: CallContext, stream: cudaStream_t, what: string): SimStream | number {
  return launchStream(ctx, stream, CUBLAS_STATUS_EXECUTION_FAILED, 'CUBLAS_STATUS_EXECUTION_FAILED', what);
}

export class CublasHandle implements LiveObject {
  readonly kind = boundName('cublasHandle_t');
  destroyed = false;
  stream: cudaStream_t = 0;
  mathMode: number = CUBLAS_DEFAULT_MATH;

  constructor(
    readonly device: number,
    readonly site: CallSite | undefined,
  ) {}
}

/** `typedef struct cublasContext *cublasHandle_t`. */
export type cublasHandle_t = CublasHandle;

export function requireCublasHandle(handle: unknown): CublasHandle {
  if (handle === null || handle === undefined) throw new DeviceFault('invalid-handle', 'handle is NULL: create one with cublasCreate');
  if (!(handle instanceof CublasHandle)) throw new DeviceFault('invalid-handle', `handle is not a cublasHandle_t (got ${typeof handle === 'object' ? handle.constructor?.name : typeof handle})`);
  if (handle.destroyed) {
    throw new DeviceFault('invalid-handle', `handle was destroyed with cublasDestroy${handle.site ? ` (created at ${handle.site.file}:${handle.site.line})` : ''}`);
  }
  return handle;
}

/**
 * The math-mode knob settings of a handle: the base mode, and the reduced-precision flag
 * when it is OR-ed on (profiles/cuda.yaml knob cublasSetMathMode.mode).
 */
export function mathModeSettings(handle: CublasHandle): KnobSetting[] {
  const flag = handle.mathMode & CUBLAS_MATH_DISALLOW_REDUCED_PRECISION_REDUCTION;
  const base = handle.mathMode & ~CUBLAS_MATH_DISALLOW_REDUCED_PRECISION_REDUCTION;
  const settings: KnobSetting[] = [{ symbol: 'cublasSetMathMode', param: 'mode', value: base }];
  if (flag) settings.push({ symbol: 'cublasSetMathMode', param: 'mode', value: flag });
  return settings;
}

export function cublasCreate(handle: Ref<cublasHandle_t>): cublasStatus_t {
  return cublasCall(
    'cublasCreate',
    (ctx) => {
      requireOut(handle, 'handle');
      writeOut(handle, ctx.process.track(new CublasHandle(ctx.process.currentDevice, ctx.site)), 'handle');
    },
  );
}

export function cublasDestroy(handle: cublasHandle_t): cublasStatus_t {
  return cublasCall(
    'cublasDestroy',
    (ctx) => {
      const h = requireCublasHandle(handle);
      ctx.process.release(h);
    },
    false,
  );
}

/** Later calls on the handle are queued on streamId (0 / NULL: the legacy default stream). */
export function cublasSetStream(handle: cublasHandle_t, streamId: cudaStream_t): cublasStatus_t {
  return cublasCall(
    'cublasSetStream',
    () => {
      const h = requireCublasHandle(handle);
      if (streamId !== 0 && streamId !== null && streamId !== undefined && !(streamId instanceof CudaStream)) {
        throw new DeviceFault('invalid-value', `streamId is not a cudaStream_t (got ${typeof streamId})`);
      }
      h.stream = streamId ?? 0;
    },
    false,
  );
}

export function cublasGetStream(handle: cublasHandle_t, streamId: Ref<cudaStream_t>): cublasStatus_t {
  return cublasCall(
    'cublasGetStream',
    () => {
      const h = requireCublasHandle(handle);
      writeOut(streamId, h.stream, 'streamId');
    },
    false,
  );
}

/** A cublasMath_t member, optionally OR-ed with CUBLAS_MATH_DISALLOW_REDUCED_PRECISION_REDUCTION. */
export function cublasSetMathMode(handle: cublasHandle_t, mode: cublasMath_t): cublasStatus_t {
  return cublasCall(
    'cublasSetMathMode',
    (ctx) => {
      const h = requireCublasHandle(handle);
      const base = typeof mode === 'number' ? mode & ~CUBLAS_MATH_DISALLOW_REDUCED_PRECISION_REDUCTION : NaN;
      if (!isEnumMember('cublasMath_t', base)) {
        return rejectCublas(ctx, CUBLAS_STATUS_INVALID_VALUE, `mode ${String(mode)} is not a cublasMath_t member (optionally OR-ed with CUBLAS_MATH_DISALLOW_REDUCED_PRECISION_REDUCTION)`);
      }
      h.mathMode = mode;
    },
    false,
  );
}

export function cublasGetMathMode(handle: cublasHandle_t, mode: Ref<cublasMath_t>): cublasStatus_t {
  return cublasCall(
    'cublasGetMathMode',
    () => {
      const h = requireCublasHandle(handle);
      writeOut(mode, h.mathMode as cublasMath_t, 'mode');
    },
    false,
  );
}

/**
 * The status's text. cuBLAS returns a description of the status (its docs: "the description
 * string for a given status"); the library's string table was not read, so the reference
 * runtime answers with the enumerator name ("CUBLAS_STATUS_INVALID_VALUE"), as its
 * cudnnGetErrorString does. A value that is no status gives "CUBLAS_STATUS_UNKNOWN" (inferred,
 * unconfirmed for cuBLAS).
 */
export function cublasGetStatusString(status: cublasStatus_t): string {
  return (typeof status === 'number' ? enumMemberNames('cublasStatus_t').get(status) : undefined) ?? 'CUBLAS_STATUS_UNKNOWN';
}

export const cublasCreate_v2 = cublasCreate;
export const cublasDestroy_v2 = cublasDestroy;
export const cublasSetStream_v2 = cublasSetStream;
export const cublasGetStream_v2 = cublasGetStream;
