/**
 * cudaError_t as facades return it: which status each simulated fault becomes, and the
 * strings cudaGetErrorString gives. Values come from the generated constants (catalog).
 */
import type { StatusCodes } from '../sim/facade-call.js';
import {
  cudaErrorCudartUnloading,
  cudaErrorContextIsDestroyed,
  cudaErrorIllegalAddress,
  cudaErrorIllegalState,
  cudaErrorInitializationError,
  cudaErrorInsufficientDriver,
  cudaErrorInvalidConfiguration,
  cudaErrorInvalidDevice,
  cudaErrorInvalidDevicePointer,
  cudaErrorInvalidHostPointer,
  cudaErrorInvalidKernelImage,
  cudaErrorInvalidMemcpyDirection,
  cudaErrorInvalidPitchValue,
  cudaErrorInvalidResourceHandle,
  cudaErrorInvalidSymbol,
  cudaErrorInvalidValue,
  cudaErrorLaunchFailure,
  cudaErrorLaunchOutOfResources,
  cudaErrorMemoryAllocation,
  cudaErrorNoDevice,
  cudaErrorNoKernelImageForDevice,
  cudaErrorNotReady,
  cudaErrorNotSupported,
  cudaErrorPeerAccessAlreadyEnabled,
  cudaErrorUnknown,
  cudaSuccess,
  type cudaError_t,
} from './constants.generated.js';
import { statusName } from './enum-names.js';

/**
 * Runtime calls validate their arguments as the driver does: a copy or memset that reaches
 * outside its allocation, a freed or foreign pointer, or a pointer of the wrong kind for the
 * copy direction is cudaErrorInvalidValue ("invalid argument"); the docs call a kind that
 * contradicts the pointers undefined behaviour, and invalid argument is what the runtime's
 * range checks return. Stale stream and event handles are cudaErrorInvalidResourceHandle.
 */
export const CUDA_ERRORS: StatusCodes = {
  success: cudaSuccess,
  faults: {
    'out-of-bounds': cudaErrorInvalidValue,
    'use-after-free': cudaErrorInvalidValue,
    'double-free': cudaErrorInvalidValue,
    'invalid-free': cudaErrorInvalidValue,
    'host-pointer': cudaErrorInvalidValue,
    'device-pointer': cudaErrorInvalidValue,
    'null-pointer': cudaErrorInvalidValue,
    misaligned: cudaErrorInvalidValue,
    'invalid-handle': cudaErrorInvalidResourceHandle,
    'invalid-value': cudaErrorInvalidValue,
    'out-of-memory': cudaErrorMemoryAllocation,
    'not-supported': cudaErrorNotSupported,
  },
  fallback: cudaErrorUnknown,
  name: (code) => statusName('cudaError_t', code),
};

/**
 * cudaGetErrorString texts. Not in the catalog: these are the runtime's strings as HIP's
 * hipGetErrorString reproduces them for its CUDA-equivalent codes (ROCm/HIP
 * hipGetErrorString; ROCm/hip-tests lists the NVIDIA-platform strings) and as independent
 * CUDA runtime shims return them; not read in NVIDIA's library itself (docs/backends/cuda.md).
 */
const ERROR_STRINGS: ReadonlyMap<number, string> = new Map([
  [cudaSuccess, 'no error'],
  [cudaErrorInvalidValue, 'invalid argument'],
  [cudaErrorMemoryAllocation, 'out of memory'],
  [cudaErrorInitializationError, 'initialization error'],
  [cudaErrorCudartUnloading, 'driver shutting down'],
  [cudaErrorInvalidConfiguration, 'invalid configuration argument'],
  [cudaErrorInvalidPitchValue, 'invalid pitch argument'],
  [cudaErrorInvalidSymbol, 'invalid device symbol'],
  [cudaErrorInvalidHostPointer, 'invalid host pointer'],
  [cudaErrorInvalidDevicePointer, 'invalid device pointer'],
  [cudaErrorInvalidMemcpyDirection, 'invalid copy direction for memcpy'],
  [cudaErrorInsufficientDriver, 'CUDA driver version is insufficient for CUDA runtime version'],
  [cudaErrorNoDevice, 'no CUDA-capable device is detected'],
  [cudaErrorInvalidDevice, 'invalid device ordinal'],
  [cudaErrorInvalidKernelImage, 'device kernel image is invalid'],
  [cudaErrorNoKernelImageForDevice, 'no kernel image is available for execution on the device'],
  [cudaErrorInvalidResourceHandle, 'invalid resource handle'],
  [cudaErrorIllegalState, 'the operation cannot be performed in the present state'],
  [cudaErrorNotReady, 'device not ready'],
  [cudaErrorIllegalAddress, 'an illegal memory access was encountered'],
  [cudaErrorLaunchOutOfResources, 'too many resources requested for launch'],
  [cudaErrorPeerAccessAlreadyEnabled, 'peer access is already enabled'],
  [cudaErrorContextIsDestroyed, 'context is destroyed'],
  [cudaErrorLaunchFailure, 'unspecified launch failure'],
  [cudaErrorNotSupported, 'operation not supported'],
  [cudaErrorUnknown, 'unknown error'],
]);

export const UNRECOGNIZED_ERROR = 'unrecognized error code';

export function errorString(error: number): string {
  return ERROR_STRINGS.get(error) ?? UNRECOGNIZED_ERROR;
}

/** The statuses that are not errors: success and "not ready yet" (cudaStreamQuery / cudaEventQuery). */
export function isErrorStatus(status: number): status is cudaError_t {
  return status !== cudaSuccess && status !== cudaErrorNotReady;
}
