/**
 * The CUDA runtime's per-process error state. A failing runtime call sets the thread's last
 * error (cudaGetLastError returns and clears it; cudaPeekAtLastError only returns it). A
 * kernel that touches memory it does not own leaves the context in the sticky
 * cudaErrorIllegalAddress state: "any further CUDA work will return the same error" and the
 * process must be restarted (driver_types.h comment). One host thread per rank, so
 * per-thread state is per-process here.
 */
import type { CallContext } from '../sim/facade-call.js';
import { DeviceFault, type FaultKind } from '../sim/device-fault.js';
import type { SimProcess } from '../sim/sim-process.js';
import { cudaErrorIllegalAddress, cudaSuccess } from './constants.generated.js';

export class CudaRuntimeState {
  lastError: number = cudaSuccess;
  /** cudaSuccess, or the sticky error every later device call returns. */
  sticky: number = cudaSuccess;
  /** Where the context was lost, for messages. */
  stickyCause: string | undefined;
}

export function cudaRuntimeState(process: SimProcess): CudaRuntimeState {
  return process.state('cuda.runtime', () => new CudaRuntimeState());
}

/** Faults that a running device kernel would hit as illegal memory accesses. */
export const KERNEL_MEMORY_FAULTS: ReadonlySet<FaultKind> = new Set<FaultKind>(['out-of-bounds', 'use-after-free']);

/**
 * Runs the device-side part of a library call (its kernels' memory accesses). An
 * out-of-bounds or freed-memory access loses the context, as on the device: the call itself
 * returns its library's execution-failure status (the fault propagates to facadeCall) and
 * every later CUDA call returns cudaErrorIllegalAddress.
 */
export function asDeviceWork<T>(ctx: CallContext, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof DeviceFault && KERNEL_MEMORY_FAULTS.has(error.kind)) {
      const state = cudaRuntimeState(ctx.process);
      if (state.sticky === cudaSuccess) {
        state.sticky = cudaErrorIllegalAddress;
        state.stickyCause = `${ctx.symbol}: ${error.message}`;
      }
    }
    throw error;
  }
}

/** Whether a previous kernel fault has lost the context (library calls then fail to launch). */
export function contextLost(process: SimProcess): boolean {
  return cudaRuntimeState(process).sticky !== cudaSuccess;
}
