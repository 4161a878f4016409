/**
 * The statuses Kunlun calls return for simulated faults, chosen by the catalog meaning of
 * each status member. XPU runtime calls return XPUError_t values (numbers); XDNN returns
 * xpu::Error_t and BKCL BKCLResult_t, whose values other than XDNN SUCCESS are unconfirmed
 * and therefore exported (and returned) as their names.
 *
 * Which status a fault maps to is the simulation's choice where the vendor documents none:
 * argument checks (null, host/device confusion, bad values, destroyed handles) return the
 * "invalid parameter" status; memory faults inside a device operation (out of bounds, use
 * after free) return XDNN RUNTIME_ERROR / BKCL_RUNTIME_ERROR, as a kernel that faults would.
 */
import type { FaultKind } from '../sim/device-fault.js';
import type { StatusCodes } from '../sim/facade-call.js';
import { memberName, valueWithMeaning } from './kunlun-catalog.js';
import type { BKCLResult_t, Error_t } from './constants.generated.js';

function statusTable<S extends number | string>(
  enumName: string,
  success: string,
  faults: Partial<Record<FaultKind, string>>,
  fallback: string,
): StatusCodes<S> {
  const value = (meaning: string): S => valueWithMeaning(enumName, meaning) as S;
  return {
    success: value(success),
    faults: Object.fromEntries(Object.entries(faults).map(([kind, meaning]) => [kind, value(meaning)])) as Partial<Record<FaultKind, S>>,
    fallback: value(fallback),
    name: (code: S) => memberName(enumName, code),
  };
}

const ARGUMENT_FAULTS: readonly FaultKind[] = [
  'null-pointer',
  'host-pointer',
  'device-pointer',
  'invalid-value',
  'invalid-handle',
  'misaligned',
  'invalid-free',
  'double-free',
];

function all(kinds: readonly FaultKind[], meaning: string): Partial<Record<FaultKind, string>> {
  return Object.fromEntries(kinds.map((k) => [k, meaning]));
}

/** XPU runtime (XPUError_t); every argument or memory fault is XPUERR_INVALID_PARAM. */
export const XPU_STATUS: StatusCodes<number> = statusTable<number>(
  'XPUError_t',
  'status.success',
  {
    ...all([...ARGUMENT_FAULTS, 'out-of-bounds', 'use-after-free'], 'status.invalid-value'),
    'out-of-memory': 'status.alloc-failed',
    'not-supported': 'status.not-supported',
  },
  'status.invalid-value',
);

/** XPU runtime calls whose handle is a stream: a destroyed stream is XPUERR_USEAFCLOSE ("Use a stream after closed"). */
export const XPU_STREAM_STATUS: StatusCodes<number> = {
  ...XPU_STATUS,
  faults: { ...XPU_STATUS.faults, 'invalid-handle': valueWithMeaning('XPUError_t', 'status.use-after-close') as number },
};

/** xpu_set_device: the only argument is the device id. */
export const XPU_DEVICE_STATUS: StatusCodes<number> = {
  ...XPU_STATUS,
  faults: { ...XPU_STATUS.faults, 'invalid-value': valueWithMeaning('XPUError_t', 'status.invalid-device') as number },
};

export const XDNN_STATUS: StatusCodes<Error_t> = statusTable<Error_t>(
  'xpu::Error_t',
  'status.success',
  {
    ...all(ARGUMENT_FAULTS, 'status.invalid-value'),
    'out-of-bounds': 'status.execution-failed',
    'use-after-free': 'status.execution-failed',
    'out-of-memory': 'status.execution-failed',
    'not-supported': 'status.not-supported',
    'workspace-too-small': 'status.workspace-too-small',
  },
  'status.execution-failed',
);

export const BKCL_STATUS: StatusCodes<BKCLResult_t> = statusTable<BKCLResult_t>(
  'BKCLResult_t',
  'status.success',
  {
    ...all(ARGUMENT_FAULTS, 'status.invalid-value'),
    'out-of-bounds': 'status.execution-failed',
    'use-after-free': 'status.execution-failed',
    'out-of-memory': 'status.system-error',
    'not-supported': 'status.invalid-value',
    'collective-mismatch': 'status.invalid-value',
  },
  'status.execution-failed',
);
